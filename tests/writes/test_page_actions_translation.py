"""copyPageForTranslation: Wagtail's translation copy, with its errors typed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from tests.writes.page_actions_helpers import db_state, last_log_id, log_actions_since

TRANSLATE = """
mutation($id: ID!, $locale: String!, $parents: Boolean! = false, $alias: Boolean! = false) {
  copyPageForTranslation(id: $id, locale: $locale, copyParents: $parents, alias: $alias) {
    page { id locale live urlPath }
    errors { __typename code path }
  }
}
"""


@pytest.fixture
def french(seeded: Any) -> Iterator[Locale]:
    languages = [("en", "English"), ("fr", "French")]
    with override_settings(WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=languages):
        yield Locale.objects.create(language_code="fr")


def _errors(payload: dict[str, Any]) -> list[tuple[str, str, list[str] | None]]:
    return [(e["__typename"], e["code"], e["path"]) for e in payload["errors"]]


def test_translate_a_page_whose_parent_is_translated(admin: Any, seeded: Any, french: Any) -> None:
    log_id = last_log_id()
    home = admin.execute(TRANSLATE, {"id": seeded.home.pk, "locale": "fr"})
    assert home["copyPageForTranslation"]["errors"] == []
    payload = admin.execute(TRANSLATE, {"id": seeded.index.pk, "locale": "fr"})
    page = payload["copyPageForTranslation"]["page"]
    assert (page["locale"], page["live"]) == ("fr", False)
    assert Page.objects.get(pk=page["id"]).translation_key == seeded.index.translation_key
    assert log_actions_since(log_id) == ["wagtail.create", "wagtail.copy_for_translation"] * 2


def test_untranslated_parent_needs_copy_parents(admin: Any, seeded: Any, french: Any) -> None:
    before = db_state()
    refused = admin.execute(TRANSLATE, {"id": seeded.posts[0].pk, "locale": "fr"})
    assert _errors(refused["copyPageForTranslation"]) == [
        ("TreeError", "PARENT_NOT_TRANSLATED", ["id"])
    ]
    assert db_state() == before
    variables = {"id": seeded.posts[0].pk, "locale": "fr", "parents": True}
    done = admin.execute(TRANSLATE, variables)["copyPageForTranslation"]
    assert done["errors"] == []
    assert done["page"]["locale"] == "fr"


def test_translate_as_an_alias(admin: Any, seeded: Any, french: Any) -> None:
    variables = {"id": seeded.home.pk, "locale": "fr", "alias": True}
    payload = admin.execute(TRANSLATE, variables)["copyPageForTranslation"]
    assert payload["errors"] == []
    assert Page.objects.get(pk=payload["page"]["id"]).alias_of_id == seeded.home.pk


def test_a_page_is_translated_once(admin: Any, seeded: Any, french: Any) -> None:
    admin.execute(TRANSLATE, {"id": seeded.home.pk, "locale": "fr"})
    before = db_state()
    again = admin.execute(TRANSLATE, {"id": seeded.home.pk, "locale": "fr"})
    assert _errors(again["copyPageForTranslation"]) == [
        ("TreeError", "ALREADY_TRANSLATED", ["locale"])
    ]
    assert db_state() == before


def test_unknown_locale(admin: Any, seeded: Any, french: Any) -> None:
    payload = admin.execute(TRANSLATE, {"id": seeded.home.pk, "locale": "de"})
    assert _errors(payload["copyPageForTranslation"]) == [
        ("NotFoundError", "NOT_FOUND", ["locale"])
    ]


def test_needs_internationalisation_enabled(admin: Any, seeded: Any) -> None:
    Locale.objects.create(language_code="fr")
    payload = admin.execute(TRANSLATE, {"id": seeded.home.pk, "locale": "fr"})
    assert _errors(payload["copyPageForTranslation"]) == [
        ("NotFoundError", "NOT_FOUND", ["locale"])
    ]
