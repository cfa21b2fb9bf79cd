"""Snippet actions over Wagtail's test apps, whose snippets mix the mixins differently.

The example site has no translatable snippet, so ``copySnippetForTranslation`` is only
generated here (``wagtail.test.snippets.TranslatableSnippet``); and here ``SnippetType``
holds types that support some actions and not others.

Run with the test app's settings, like the rest of this directory (see
``test_testapp_schema.py``).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin

from wagtail_graphql_write.generation.names import type_enum_value
from wagtail_graphql_write.registry import build_registry
from wagtail_graphql_write.schema import build_schema

COPY = """
mutation($type: SnippetType!, $id: ID!, $locale: String!) {
  copySnippetForTranslation(type: $type, id: $id, locale: $locale) {
    snippet { __typename id }
    errors { __typename code path message }
  }
}
"""


def _run(schema: Any, user: Any, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    request = RequestFactory().post("/graphql/")
    request.user = user
    result = schema.execute_sync(
        query, variable_values=variables, context_value=SimpleNamespace(request=request)
    )
    assert result.errors is None, result.errors
    return dict(result.data or {})


def test_copy_for_translation_is_generated_for_translatable_snippets() -> None:
    registry = build_registry()
    schema = build_schema(registry).schema
    sdl = str(schema)
    assert "copySnippetForTranslation(" in sdl
    snippet_type = schema._schema.get_type("SnippetType")
    values = set(snippet_type.values)  # type: ignore[union-attr]
    translatable = [e for e in registry.snippets if e.has_mixin(TranslatableMixin)]
    plain_translatable = [e for e in translatable if not e.has_mixin(DraftStateMixin)]
    assert {type_enum_value(e.model) for e in translatable} <= values
    assert plain_translatable  # a type that may be translated but not published


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=True)
def test_copy_a_snippet_into_another_locale() -> None:
    from wagtail.test.snippets.models import TranslatableSnippet

    schema = build_schema().schema
    english = Locale.get_default()
    french = Locale.objects.create(language_code="fr")
    snippet = TranslatableSnippet.objects.create(text="Hello", locale=english)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "x")
    variables = {"type": "TRANSLATABLE_SNIPPET", "id": str(snippet.pk), "locale": "fr"}

    copied = _run(schema, admin, COPY, variables)["copySnippetForTranslation"]
    assert copied["errors"] == []
    translation = TranslatableSnippet.objects.get(pk=copied["snippet"]["id"])
    assert (translation.locale, translation.text) == (french, "Hello")
    assert translation.translation_key == snippet.translation_key

    again = _run(schema, admin, COPY, variables)["copySnippetForTranslation"]
    assert [(e["code"], e["path"]) for e in again["errors"]] == [("ALREADY_TRANSLATED", ["locale"])]
    unknown = _run(schema, admin, COPY, {**variables, "locale": "de"})
    assert [e["path"] for e in unknown["copySnippetForTranslation"]["errors"]] == [["locale"]]


@pytest.mark.django_db
def test_a_type_without_the_mixin_is_not_supported() -> None:
    """``TranslatableSnippet`` has no drafts: publishing it is refused by its type."""
    from wagtail.test.snippets.models import TranslatableSnippet

    schema = build_schema().schema
    snippet = TranslatableSnippet.objects.create(text="Hello", locale=Locale.get_default())
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "x")
    found = _run(
        schema,
        admin,
        """
        mutation($id: ID!) {
          publishSnippet(type: TRANSLATABLE_SNIPPET, id: $id) {
            snippet { id } errors { __typename code path }
          }
        }
        """,
        {"id": str(snippet.pk)},
    )
    assert found["publishSnippet"] == {
        "snippet": None,
        "errors": [{"__typename": "ValidationError", "code": "NOT_SUPPORTED", "path": ["type"]}],
    }
