"""Writing snippets: a plain one (``Category``) and one with drafts and revisions (``Person``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import APIToken, ModelLogEntry, Revision

from blog.models import Category, Person
from tests.conftest import GraphQLClient
from tests.writes.content_helpers import without_block_keys

ERRORS = "errors { __typename message code path ... on ValidationError { validationCode } }"

CREATE_CATEGORY = f"""
mutation Create($input: CategoryCreateInput!) {{
  createCategory(input: $input) {{ snippet {{ id name slug colour }} {ERRORS} }}
}}
"""

UPDATE_CATEGORY = f"""
mutation Update($id: ID!, $input: CategoryUpdateInput!) {{
  updateCategory(id: $id, input: $input) {{ snippet {{ id name slug colour }} {ERRORS} }}
}}
"""

DELETE_CATEGORY = f"""
mutation Delete($id: ID!) {{ deleteCategory(id: $id) {{ deletedId {ERRORS} }} }}
"""

PERSON_FIELDS = "id firstName lastName jobTitle bio live hasUnpublishedChanges image { id }"

CREATE_PERSON = f"""
mutation Create($input: PersonCreateInput!, $action: SaveAction) {{
  createPerson(input: $input, action: $action) {{ snippet {{ {PERSON_FIELDS} }} {ERRORS} }}
}}
"""

UPDATE_PERSON = f"""
mutation Update($id: ID!, $input: PersonUpdateInput!, $action: SaveAction) {{
  updatePerson(id: $id, input: $input, action: $action) {{
    snippet {{ {PERSON_FIELDS} }} {ERRORS}
  }}
}}
"""

READ_PERSON = """
query Read($id: ID!, $version: ContentVersion) {
  person(id: $id, version: $version) { id jobTitle live }
}
"""


def _log(model: type, pk: Any) -> list[str]:
    content_type = ContentType.objects.get_for_model(model)
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(pk))
    return list(entries.order_by("pk").values_list("action", flat=True))


def _counts() -> tuple[int, int, int, int]:
    return (
        Category.objects.count(),
        Person.objects.count(),
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
    )


@pytest.fixture
def nobody(seeded: Any) -> GraphQLClient:
    """An authenticated user with no snippet permissions at all."""
    user = get_user_model().objects.create_user("nobody", password="x")
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


# ---- Category: a plain snippet -------------------------------------------------------


def test_create_category_saves_it_and_logs_create(editor: Any, seeded: Any) -> None:
    payload = editor.execute(
        CREATE_CATEGORY, {"input": {"name": "Events", "slug": "events", "colour": "GREEN"}}
    )["createCategory"]
    assert payload["errors"] == []
    category = Category.objects.get(slug="events")
    assert payload["snippet"] == {
        "id": str(category.pk),
        "name": "Events",
        "slug": "events",
        "colour": "GREEN",
    }
    assert (category.name, category.colour) == ("Events", "green")
    assert _log(Category, category.pk) == ["wagtail.create"]
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(category.pk))
    assert entry.user == seeded.users["editor"]


def test_duplicate_unique_name_is_a_validation_error_on_input_name(
    editor: Any, seeded: Any
) -> None:
    before = _counts()
    payload = editor.execute(CREATE_CATEGORY, {"input": {"name": "News", "slug": "news-2"}})[
        "createCategory"
    ]
    assert payload["snippet"] is None
    assert [
        (e["__typename"], e["path"], e["code"], e["validationCode"]) for e in payload["errors"]
    ] == [("ValidationError", ["input", "name"], "VALIDATION_FAILED", "unique")]
    assert _counts() == before


def test_several_invalid_fields_each_get_their_own_path(editor: Any, seeded: Any) -> None:
    payload = editor.execute(CREATE_CATEGORY, {"input": {"name": "x" * 81, "slug": "not a slug"}})[
        "createCategory"
    ]
    paths = sorted((tuple(e["path"]), e["validationCode"]) for e in payload["errors"])
    assert paths == [(("input", "name"), "max_length"), (("input", "slug"), "invalid")]


def test_update_category_changes_only_the_fields_sent(editor: Any, seeded: Any) -> None:
    news = seeded.categories["news"]
    payload = editor.execute(UPDATE_CATEGORY, {"id": str(news.pk), "input": {"name": "Headlines"}})[
        "updateCategory"
    ]
    assert payload["errors"] == []
    assert payload["snippet"] == {
        "id": str(news.pk),
        "name": "Headlines",
        "slug": "news",
        "colour": "RED",
    }
    news.refresh_from_db()
    assert (news.name, news.slug, news.colour) == ("Headlines", "news", "red")
    assert _log(Category, news.pk) == ["wagtail.edit"]


def test_update_category_can_clear_an_optional_field_with_null(editor: Any, seeded: Any) -> None:
    news = seeded.categories["news"]
    payload = editor.execute(UPDATE_CATEGORY, {"id": str(news.pk), "input": {"colour": None}})[
        "updateCategory"
    ]
    assert payload["errors"] == []
    news.refresh_from_db()
    assert (news.name, news.colour) == ("News", "")


def test_update_category_to_a_taken_slug_is_refused(editor: Any, seeded: Any) -> None:
    news = seeded.categories["news"]
    before = _counts()
    payload = editor.execute(
        UPDATE_CATEGORY, {"id": str(news.pk), "input": {"slug": "tutorials", "name": "Renamed"}}
    )["updateCategory"]
    assert [(e["path"], e["validationCode"]) for e in payload["errors"]] == [
        (["input", "slug"], "unique")
    ]
    news.refresh_from_db()
    assert (news.slug, news.name) == ("news", "News")
    assert _counts() == before


def test_update_unknown_category_is_not_found(editor: Any, seeded: Any) -> None:
    for bad_id in ("999999", "abc"):
        payload = editor.execute(UPDATE_CATEGORY, {"id": bad_id, "input": {"name": "X"}})
        errors = payload["updateCategory"]["errors"]
        assert [(e["__typename"], e["code"], e["path"]) for e in errors] == [
            ("NotFoundError", "NOT_FOUND", ["id"])
        ]


def test_delete_category_removes_it_and_logs_delete(editor: Any, seeded: Any) -> None:
    news = seeded.categories["news"]
    payload = editor.execute(DELETE_CATEGORY, {"id": str(news.pk)})["deleteCategory"]
    assert payload == {"deletedId": str(news.pk), "errors": []}
    assert not Category.objects.filter(pk=news.pk).exists()
    assert _log(Category, news.pk) == ["wagtail.delete"]


def test_delete_unknown_category_is_not_found(editor: Any, seeded: Any) -> None:
    payload = editor.execute(DELETE_CATEGORY, {"id": "999999"})["deleteCategory"]
    assert payload["deletedId"] is None
    assert [e["__typename"] for e in payload["errors"]] == ["NotFoundError"]


def test_user_without_permissions_cannot_create_update_or_delete(
    nobody: GraphQLClient, seeded: Any
) -> None:
    news = seeded.categories["news"]
    before = _counts()
    results = [
        nobody.execute(CREATE_CATEGORY, {"input": {"name": "X", "slug": "x"}})["createCategory"],
        nobody.execute(UPDATE_CATEGORY, {"id": str(news.pk), "input": {"name": "X"}})[
            "updateCategory"
        ],
        nobody.execute(DELETE_CATEGORY, {"id": str(news.pk)})["deleteCategory"],
    ]
    for payload in results:
        assert [(e["__typename"], e["code"]) for e in payload["errors"]] == [
            ("PermissionDeniedError", "PERMISSION_DENIED")
        ]
    news.refresh_from_db()
    assert news.name == "News"
    assert _counts() == before


def test_permission_is_checked_before_the_input(nobody: GraphQLClient, seeded: Any) -> None:
    """Someone who may not write learns nothing about which values would be valid."""
    payload = nobody.execute(CREATE_CATEGORY, {"input": {"name": "News", "slug": "news"}})
    assert [e["__typename"] for e in payload["createCategory"]["errors"]] == [
        "PermissionDeniedError"
    ]


def test_anonymous_snippet_writes_are_unauthenticated(anonymous: Any, seeded: Any) -> None:
    before = _counts()
    payload = anonymous.execute(CREATE_CATEGORY, {"input": {"name": "X", "slug": "x"}})
    assert [e["code"] for e in payload["createCategory"]["errors"]] == ["UNAUTHENTICATED"]
    payload = anonymous.execute(CREATE_PERSON, {"input": {"firstName": "A", "lastName": "B"}})
    assert [e["code"] for e in payload["createPerson"]["errors"]] == ["UNAUTHENTICATED"]
    assert _counts() == before


# ---- Person: drafts, revisions, publishing --------------------------------------------


def test_create_person_as_draft_is_not_live_and_has_a_revision(editor: Any, seeded: Any) -> None:
    payload = editor.execute(
        CREATE_PERSON,
        {"input": {"firstName": "Alan", "lastName": "Turing"}, "action": "SAVE_DRAFT"},
    )["createPerson"]
    assert payload["errors"] == []
    person = Person.objects.get(pk=payload["snippet"]["id"])
    assert person.live is False
    assert payload["snippet"]["live"] is False
    assert person.revisions.count() == 1
    assert person.latest_revision is not None
    assert person.latest_revision.user == seeded.users["editor"]
    assert _log(Person, person.pk) == ["wagtail.create"]


def test_create_person_defaults_to_a_draft(editor: Any, seeded: Any) -> None:
    payload = editor.execute(CREATE_PERSON, {"input": {"firstName": "A", "lastName": "B"}})
    assert Person.objects.get(pk=payload["createPerson"]["snippet"]["id"]).live is False


def test_a_draft_may_be_incomplete_but_publishing_needs_required_fields(
    moderator: Any, seeded: Any
) -> None:
    draft = moderator.execute(CREATE_PERSON, {"input": {"lastName": "Nameless"}})["createPerson"]
    assert draft["errors"] == []
    before = _counts()
    published = moderator.execute(
        CREATE_PERSON, {"input": {"lastName": "Nameless"}, "action": "PUBLISH"}
    )["createPerson"]
    assert published["snippet"] is None
    assert [(e["__typename"], e["path"]) for e in published["errors"]] == [
        ("ValidationError", ["input", "firstName"])
    ]
    assert _counts() == before


def test_moderator_can_create_and_publish_a_person(moderator: Any, seeded: Any) -> None:
    payload = moderator.execute(
        CREATE_PERSON,
        {"input": {"firstName": "Alan", "lastName": "Turing"}, "action": "PUBLISH"},
    )["createPerson"]
    assert payload["errors"] == []
    assert (payload["snippet"]["live"], payload["snippet"]["hasUnpublishedChanges"]) == (
        True,
        False,
    )
    person = Person.objects.get(pk=payload["snippet"]["id"])
    assert person.live is True
    assert person.live_revision == person.latest_revision
    assert _log(Person, person.pk) == ["wagtail.create", "wagtail.publish"]


def test_editor_cannot_publish_a_new_person_and_nothing_is_saved(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(
        CREATE_PERSON,
        {"input": {"firstName": "Alan", "lastName": "Turing"}, "action": "PUBLISH"},
    )["createPerson"]
    assert payload["snippet"] is None
    assert [(e["__typename"], e["code"]) for e in payload["errors"]] == [
        ("PermissionDeniedError", "PERMISSION_DENIED")
    ]
    assert not Person.objects.filter(last_name="Turing").exists()
    assert _counts() == before


def test_update_person_keeps_the_fields_not_sent(moderator: Any, seeded: Any) -> None:
    ada = seeded.people["lovelace"]
    payload = moderator.execute(
        UPDATE_PERSON,
        {"id": str(ada.pk), "input": {"jobTitle": "Countess"}, "action": "PUBLISH"},
    )["updatePerson"]
    assert payload["errors"] == []
    snippet = payload["snippet"]
    assert (snippet["firstName"], snippet["lastName"], snippet["jobTitle"]) == (
        "Ada",
        "Lovelace",
        "Countess",
    )
    assert snippet["image"] == {"id": str(seeded.image.pk)}
    ada.refresh_from_db()
    assert (ada.first_name, ada.job_title, ada.image_id) == ("Ada", "Countess", seeded.image.pk)
    bio = "<p>Wrote the first published <b>algorithm</b> for a machine.</p>"
    assert without_block_keys(ada.bio) == bio


def test_updating_a_live_person_as_draft_keeps_the_live_version(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    ada = seeded.people["lovelace"]
    revisions = ada.revisions.count()
    payload = editor.execute(UPDATE_PERSON, {"id": str(ada.pk), "input": {"jobTitle": "Countess"}})[
        "updatePerson"
    ]
    assert payload["errors"] == []
    assert (payload["snippet"]["jobTitle"], payload["snippet"]["live"]) == ("Countess", True)
    assert payload["snippet"]["hasUnpublishedChanges"] is True
    ada.refresh_from_db()
    assert (ada.job_title, ada.has_unpublished_changes) == ("Analyst", True)
    assert ada.revisions.count() == revisions + 1
    assert ada.get_latest_revision_as_object().job_title == "Countess"
    assert anonymous.execute(READ_PERSON, {"id": str(ada.pk)})["person"]["jobTitle"] == "Analyst"
    latest = editor.execute(READ_PERSON, {"id": str(ada.pk), "version": "LATEST"})["person"]
    assert latest["jobTitle"] == "Countess"
    assert _log(Person, ada.pk)[-1] == "wagtail.edit"


def test_a_second_draft_update_builds_on_the_first(editor: Any, seeded: Any) -> None:
    """Unsent fields keep their *latest* (draft) value, not the live one."""
    ada = seeded.people["lovelace"]
    editor.execute(UPDATE_PERSON, {"id": str(ada.pk), "input": {"jobTitle": "Countess"}})
    payload = editor.execute(UPDATE_PERSON, {"id": str(ada.pk), "input": {"firstName": "Augusta"}})
    snippet = payload["updatePerson"]["snippet"]
    assert (snippet["firstName"], snippet["jobTitle"]) == ("Augusta", "Countess")


def test_editor_cannot_publish_an_update(editor: Any, seeded: Any) -> None:
    ada = seeded.people["lovelace"]
    before = _counts()
    payload = editor.execute(
        UPDATE_PERSON, {"id": str(ada.pk), "input": {"jobTitle": "X"}, "action": "PUBLISH"}
    )["updatePerson"]
    assert [e["__typename"] for e in payload["errors"]] == ["PermissionDeniedError"]
    ada.refresh_from_db()
    assert (ada.job_title, ada.has_unpublished_changes) == ("Analyst", False)
    assert _counts() == before


def test_unknown_image_id_is_a_validation_error_on_input_image(editor: Any, seeded: Any) -> None:
    ada = seeded.people["lovelace"]
    before = _counts()
    payload = editor.execute(UPDATE_PERSON, {"id": str(ada.pk), "input": {"image": "999999"}})[
        "updatePerson"
    ]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("ValidationError", ["input", "image"])
    ]
    assert _counts() == before


def test_delete_person_logs_delete(editor: Any, seeded: Any) -> None:
    person = Person.objects.create(first_name="Temp", last_name="Person", live=True)
    query = f"mutation D($id: ID!) {{ deletePerson(id: $id) {{ deletedId {ERRORS} }} }}"
    payload = editor.execute(query, {"id": str(person.pk)})["deletePerson"]
    assert payload == {"deletedId": str(person.pk), "errors": []}
    assert not Person.objects.filter(pk=person.pk).exists()
    assert _log(Person, person.pk) == ["wagtail.delete"]
