"""``locale`` on the list of a translatable snippet (the example site has none).

Run with the test app's settings, like the rest of this directory.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from wagtail.models import Locale

from wagtail_graphql_write.generation.names import snippet_list_query_name
from wagtail_graphql_write.schema import build_schema


def _run(schema: Any, query: str, variables: dict[str, Any]) -> Any:
    request = RequestFactory().post("/graphql/")
    request.user = AnonymousUser()
    return schema.execute_sync(
        query, variable_values=variables, context_value=SimpleNamespace(request=request)
    )


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=True)
def test_translatable_snippet_lists_filter_by_locale() -> None:
    from wagtail.test.snippets.models import TranslatableSnippet

    schema = build_schema().schema
    field = snippet_list_query_name(TranslatableSnippet)
    query = f"query($locale: String) {{ {field}(locale: $locale) {{ totalCount items {{ id }} }} }}"
    english = Locale.get_default()
    french = Locale.objects.create(language_code="fr")
    hello = TranslatableSnippet.objects.create(text="Hello", locale=english)
    bonjour = hello.copy_for_translation(french)
    bonjour.save()

    def ids(locale: str | None) -> list[str]:
        result = _run(schema, query, {"locale": locale})
        assert result.errors is None, result.errors
        return [item["id"] for item in result.data[field]["items"]]

    assert ids("fr") == [str(bonjour.pk)]
    assert ids(english.language_code) == [str(hello.pk)]
    assert ids(None) == [str(hello.pk), str(bonjour.pk)]
    unknown = _run(schema, query, {"locale": "xx"})
    assert unknown.errors is not None
    assert unknown.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "locale"}
