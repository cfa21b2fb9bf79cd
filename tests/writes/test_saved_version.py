"""A create or update payload shows what a ``LATEST`` read shows right after it.

A save that neither publishes nor submits returns the instance it saved, as the
revision stores it (``writes.results.saved_draft``, ``access.versions.as_stored``);
other saves and dry runs build the payload from the revision. These tests compare the
payload with the read field by field, for the cases where they could part.
"""

from __future__ import annotations

from typing import Any

FIELDS = """
id title slug urlPath url live hasUnpublishedChanges locked firstPublishedAt
latestRevision { id } liveRevision { id }
... on BlogPage {
  date intro readingLevel tags categories { name } feedImage { title }
  authors { role person { displayTitle } }
  body { __typename blockId rawValue }
}
"""

UPDATE = (
    "mutation U($id: ID!, $input: BlogPageUpdateInput!, $action: SaveAction) {"
    " updateBlogPage(id: $id, input: $input, action: $action) {"
    " page { FIELDS } errors { message } } }"
).replace("FIELDS", FIELDS)
CREATE = (
    "mutation C($input: BlogPageCreateInput!) {"
    ' createBlogPage(parent: "/blog/", input: $input) { page { FIELDS } errors { message } } }'
).replace("FIELDS", FIELDS)
LATEST = "query L($id: ID) { page(id: $id, version: LATEST) { FIELDS } }".replace("FIELDS", FIELDS)
LIVE = "query L($id: ID) { page(id: $id) { FIELDS } }".replace("FIELDS", FIELDS)


def _draft_input(seeded: Any) -> dict[str, Any]:
    return {
        "title": "A new draft title",
        "slug": "a-new-draft-slug",
        "tags": ["fresh", "draft"],
        "categories": [str(c.pk) for c in seeded.categories.values()],
        "authors": [{"person": str(seeded.people["hopper"].pk), "role": "Editor"}],
        "body": [
            {"block": {"heading": "New heading"}},
            {"block": {"links": [{"value": "https://example.com"}]}},
            {"block": {"teaser": {"page": str(seeded.posts[0].pk), "people": []}}},
        ],
    }


def test_a_draft_of_a_live_page(editor: Any, seeded: Any) -> None:
    page_id = str(seeded.posts[0].pk)
    result = editor.execute(UPDATE, {"id": page_id, "input": _draft_input(seeded)})
    payload = result["updateBlogPage"]
    assert payload["errors"] == []
    after = editor.execute(LATEST, {"id": page_id})["page"]
    assert payload["page"] == after
    assert after["live"] is True and after["hasUnpublishedChanges"] is True
    assert after["slug"] == "a-new-draft-slug"
    assert after["urlPath"].endswith("/a-new-draft-slug/")


def test_a_draft_of_a_page_never_published(editor: Any, seeded: Any) -> None:
    page_id = str(seeded.posts[2].pk)
    result = editor.execute(UPDATE, {"id": page_id, "input": _draft_input(seeded)})
    assert result["updateBlogPage"]["errors"] == []
    assert result["updateBlogPage"]["page"] == editor.execute(LATEST, {"id": page_id})["page"]


def test_a_publish_shows_the_live_page(moderator: Any, seeded: Any) -> None:
    """Without unpublished changes Wagtail's latest version is the row itself."""
    page_id = str(seeded.posts[1].pk)
    variables = {"id": page_id, "input": _draft_input(seeded), "action": "PUBLISH"}
    variables["input"]["date"] = "2025-06-01"
    result = moderator.execute(UPDATE, variables)
    assert result["updateBlogPage"]["errors"] == []
    after = moderator.execute(LIVE, {"id": page_id})["page"]
    assert result["updateBlogPage"]["page"] == after
    assert after["hasUnpublishedChanges"] is False
    assert after["title"] == "A new draft title"


def test_a_new_page(editor: Any, seeded: Any) -> None:
    result = editor.execute(CREATE, {"input": _draft_input(seeded)})
    payload = result["createBlogPage"]
    assert payload["errors"] == []
    assert payload["page"] == editor.execute(LATEST, {"id": payload["page"]["id"]})["page"]


PERSON_FIELDS = """
id displayTitle live hasUnpublishedChanges firstPublishedAt lastPublishedAt locked
latestRevision { id } firstName lastName jobTitle bio image { title }
"""
UPDATE_PERSON = (
    "mutation U($id: ID!, $input: PersonUpdateInput!) {"
    " updatePerson(id: $id, input: $input) { snippet { FIELDS } errors { message } } }"
).replace("FIELDS", PERSON_FIELDS)
LATEST_PERSON = "query L($id: ID!) { person(id: $id, version: LATEST) { FIELDS } }".replace(
    "FIELDS", PERSON_FIELDS
)


def test_a_draft_of_a_snippet(editor: Any, seeded: Any) -> None:
    """A snippet keeps more of its row than a page (``first_published_at`` among them)."""
    person = seeded.people["hopper"]
    changes = {"jobTitle": "Rear admiral", "bio": {"html": "<p>Hi</p>"}}
    variables = {"id": str(person.pk), "input": changes}
    payload = editor.execute(UPDATE_PERSON, variables)["updatePerson"]
    assert payload["errors"] == []
    after = editor.execute(LATEST_PERSON, {"id": str(person.pk)})["person"]
    assert payload["snippet"] == after
    assert after["jobTitle"] == "Rear admiral" and after["hasUnpublishedChanges"] is True


def test_a_dry_run_shows_what_would_be_saved(editor: Any, seeded: Any) -> None:
    """A dry run's payload is read after its rollback: new tags and rows still show."""
    dry = UPDATE.replace("$action: SaveAction)", "$action: SaveAction, $dry: Boolean!)").replace(
        "action: $action)", "action: $action, dryRun: $dry)"
    )
    page_id = str(seeded.posts[0].pk)
    variables = {"id": page_id, "input": _draft_input(seeded), "dry": True}
    payload = editor.execute(dry, variables)["updateBlogPage"]
    assert payload["errors"] == []
    assert sorted(payload["page"]["tags"]) == ["draft", "fresh"]
    hopper = {"displayTitle": "Grace Hopper"}
    assert payload["page"]["authors"] == [{"role": "Editor", "person": hopper}]
    assert editor.execute(LATEST, {"id": page_id})["page"]["title"] != "A new draft title"
