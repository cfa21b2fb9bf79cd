"""A create or update payload shows what a ``LATEST`` read shows right after it.

The payload is built from the instance the action saved, with the object-wide state
(publishing, lock, tree position, latest revision) read back from the row
(``writes.results.saved_version``), not from the revision deserialised again: these
tests compare the two field by field, for the cases where they could part.
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
