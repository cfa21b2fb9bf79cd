"""``create<Model>`` and ``update<Model>`` payloads carry the revision the save made, so a
client can pass it on as ``expectedRevisionId`` without another read."""

from __future__ import annotations

from typing import Any

from blog.models import BlogPage, Person
from tests.conftest import GraphQLClient

CREATE = """
mutation {
  createBlogPage(parent: "/blog/", input: {title: "Revisions in payloads"}) {
    page { id }
    revision { id isLatest user { displayName } }
    errors { message }
  }
}
"""

UPDATE_PERSON = """
mutation ($id: ID!) {
  updatePerson(id: $id, input: {lastName: "Hopper-Murray"}) {
    snippet { id }
    revision { id isLatest }
    errors { message }
  }
}
"""


def test_create_page_returns_the_revision_it_made(editor: GraphQLClient, seeded: Any) -> None:
    payload = editor.execute(CREATE)["createBlogPage"]
    page = BlogPage.objects.get(pk=payload["page"]["id"])
    assert payload["revision"] == {
        "id": str(page.latest_revision_id),
        "isLatest": True,
        "user": {"displayName": seeded.users["editor"].get_full_name() or "editor"},
    }


def test_update_then_update_with_the_returned_revision_as_expected(
    editor: GraphQLClient, seeded: Any
) -> None:
    person = Person.objects.get(first_name="Grace")
    first = editor.execute(UPDATE_PERSON, {"id": str(person.pk)})["updatePerson"]
    person.refresh_from_db()
    assert first["revision"] == {"id": str(person.latest_revision_id), "isLatest": True}
    document = UPDATE_PERSON.replace(
        "input:", f'expectedRevisionId: "{first["revision"]["id"]}", input:'
    )
    second = editor.execute(document, {"id": str(person.pk)})["updatePerson"]
    assert second["errors"] == []
    assert int(second["revision"]["id"]) > int(first["revision"]["id"])


def test_a_model_without_revisions_has_no_revision_in_its_payload(
    editor: GraphQLClient, seeded: Any
) -> None:
    response = editor.post(
        'mutation { createCategory(input: {name: "N", slug: "n"}) { revision { id } } }'
    )
    assert response.body["errors"][0]["message"] == (
        "Cannot query field 'revision' on type 'CreateCategoryPayload'."
    )
