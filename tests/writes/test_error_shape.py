"""Errors point at what the client sent, once each, in input order, with their own codes."""

from __future__ import annotations

from typing import Any

from wagtail.models import PageLogEntry, Revision

from blog.models import BlogPage

ERRORS = "errors { __typename message code path ... on ValidationError { validationCode } }"

UPDATE = f"""
mutation($id: ID!, $input: BlogPageUpdateInput!) {{
  updateBlogPage(id: $id, input: $input) {{ page {{ id }} {ERRORS} }}
}}
"""
CREATE = f"""
mutation($input: BlogPageCreateInput!) {{
  createBlogPage(parent: "/blog/", input: $input) {{ page {{ id }} {ERRORS} }}
}}
"""
BROKEN_LINK = "[x](wagtail://page)"


def _state() -> tuple[int, int, int]:
    return BlogPage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()


def _paths(payload: dict[str, Any]) -> list[list[str]]:
    return [error["path"] for error in payload["errors"]]


def test_a_rich_text_conversion_error_points_at_its_field(editor: Any, seeded: Any) -> None:
    before = _state()
    payload = editor.execute(
        UPDATE, {"id": str(seeded.posts[0].pk), "input": {"intro": {"markdown": BROKEN_LINK}}}
    )["updateBlogPage"]
    assert _paths(payload) == [["input", "intro"]]
    assert payload["errors"][0]["__typename"] == "ValidationError"
    assert payload["errors"][0]["validationCode"] == "invalid_rich_text"
    assert _state() == before


def test_a_rich_text_conversion_error_in_a_block_points_at_the_block(
    editor: Any, seeded: Any
) -> None:
    body = [
        {"block": {"heading": "Fine"}},
        {"block": {"paragraph": {"markdown": BROKEN_LINK}}},
    ]
    payload = editor.execute(UPDATE, {"id": str(seeded.posts[0].pk), "input": {"body": body}})[
        "updateBlogPage"
    ]
    assert _paths(payload) == [["input", "body", "1", "block", "paragraph"]]


def test_a_bad_chooser_id_in_a_block_is_one_error(moderator: Any, seeded: Any) -> None:
    """Publishing validates required blocks too: the emptied chooser is not also "required"."""
    document = UPDATE.replace(
        "$input: BlogPageUpdateInput!)", "$input: BlogPageUpdateInput!, $a: SaveAction)"
    )
    document = document.replace("input: $input)", "input: $input, action: $a)")
    body = [{"block": {"image": "99999"}}]
    variables = {"id": str(seeded.posts[0].pk), "input": {"body": body}, "a": "PUBLISH"}
    payload = moderator.execute(document, variables)["updateBlogPage"]
    assert [(e["path"], e["validationCode"]) for e in payload["errors"]] == [
        (["input", "body", "0", "block", "image"], "invalid_choice")
    ]


def test_errors_come_in_input_order(editor: Any, seeded: Any) -> None:
    """``title`` comes before ``body`` in the input type, and block 0 before block 2."""
    body = [
        {"block": {"image": "99999"}},
        {"block": {"heading": "Fine"}},
        {"block": {"links": [{"value": "not a URL"}]}},
    ]
    payload = editor.execute(CREATE, {"input": {"title": "", "body": body}})["createBlogPage"]
    assert _paths(payload) == [
        ["input", "title"],
        ["input", "body", "0", "block", "image"],
        ["input", "body", "2", "block", "links", "0", "value"],
    ]


def test_duplicate_block_ids_are_refused_at_the_second_block(editor: Any, seeded: Any) -> None:
    block_id = "1b9a9a4e-0000-4000-8000-000000000001"
    body = [
        {"id": block_id, "block": {"heading": "One"}},
        {"id": block_id, "block": {"heading": "Two"}},
    ]
    before = _state()
    payload = editor.execute(UPDATE, {"id": str(seeded.posts[0].pk), "input": {"body": body}})[
        "updateBlogPage"
    ]
    assert [(e["path"], e["validationCode"]) for e in payload["errors"]] == [
        (["input", "body", "1", "id"], "duplicate_block_id")
    ]
    assert _state() == before


def test_unpublishing_a_page_that_is_not_live_is_a_state_error(moderator: Any, seeded: Any) -> None:
    document = """
    mutation($id: ID!) {
      unpublishPage(id: $id) { page { id } errors { __typename code path message } }
    }
    """
    draft = seeded.posts[2]
    payload = moderator.execute(document, {"id": str(draft.pk)})["unpublishPage"]
    assert payload["errors"] == [
        {
            "__typename": "StateError",
            "code": "NOT_LIVE",
            "path": ["id"],
            "message": f"Page {draft.pk} is not live: there is nothing to unpublish.",
        }
    ]
