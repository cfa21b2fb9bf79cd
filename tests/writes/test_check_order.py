"""Every mutation checks in one order: authenticate, find, permission, preconditions, input.

A viewer without permission learns nothing about an object's revisions or locks; an
object the viewer may not see is indistinguishable from one that does not exist.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.writes.page_actions_helpers import db_state, lock, profile

ERRORS = "errors { __typename message code path }"

UPDATE_POST = f"""
mutation($id: ID!, $expected: ID) {{
  updateBlogPage(id: $id, input: {{ title: "Mine now" }}, expectedRevisionId: $expected) {{
    page {{ id }} {ERRORS}
  }}
}}
"""
PUBLISH = f"""
mutation($id: ID!, $expected: ID) {{
  publishPage(id: $id, expectedRevisionId: $expected) {{ page {{ id }} {ERRORS} }}
}}
"""
REVERT = f"""
mutation($id: ID!, $revision: ID!, $expected: ID) {{
  revertPage(id: $id, revisionId: $revision, expectedRevisionId: $expected) {{
    page {{ id }} {ERRORS}
  }}
}}
"""
UPDATE_PERSON = f"""
mutation($id: ID!, $expected: ID) {{
  updatePerson(id: $id, input: {{ jobTitle: "Spy" }}, expectedRevisionId: $expected) {{
    snippet {{ id }} {ERRORS}
  }}
}}
"""
DELETE_PAGE = f"""
mutation($id: ID!) {{ deletePage(id: $id) {{ deletedId {ERRORS} }} }}
"""
LOCK_PAGE = f"""
mutation($id: ID!) {{ lockPage(id: $id) {{ page {{ id }} {ERRORS} }} }}
"""


def _only_error(payload: dict[str, Any]) -> dict[str, Any]:
    (error,) = payload["errors"]
    return error


@pytest.fixture
def stranger(seeded: Any) -> Any:
    """A signed-in user without any page or snippet permission."""
    return profile("no_permission", seeded)[1]


@pytest.mark.parametrize(
    ("document", "field", "extra"),
    [
        (UPDATE_POST, "updateBlogPage", {}),
        (PUBLISH, "publishPage", {}),
        (REVERT, "revertPage", {"revision": "1"}),
    ],
)
def test_no_permission_wins_over_a_stale_expected_revision(
    stranger: Any, seeded: Any, document: str, field: str, extra: dict[str, Any]
) -> None:
    post = seeded.posts[0]
    before = db_state()
    variables = {"id": str(post.pk), "expected": "999999", **extra}
    error = _only_error(stranger.execute(document, variables)[field])
    assert (error["__typename"], error["code"]) == ("PermissionDeniedError", "PERMISSION_DENIED")
    assert db_state() == before


def test_no_permission_on_a_snippet_wins_over_a_stale_expected_revision(
    stranger: Any, seeded: Any
) -> None:
    person = seeded.people["lovelace"]
    payload = stranger.execute(UPDATE_PERSON, {"id": str(person.pk), "expected": "999999"})
    error = _only_error(payload["updatePerson"])
    assert (error["__typename"], error["code"]) == ("PermissionDeniedError", "PERMISSION_DENIED")


def test_no_permission_wins_over_a_lock(stranger: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    lock(post, seeded.users["admin"])
    error = _only_error(stranger.execute(UPDATE_POST, {"id": str(post.pk)})["updateBlogPage"])
    assert error["__typename"] == "PermissionDeniedError"


def test_a_stale_expected_revision_wins_over_input_errors(editor: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    document = """
    mutation($id: ID!) {
      updateBlogPage(id: $id, input: { title: "" }, expectedRevisionId: "1") {
        errors { __typename code }
      }
    }
    """
    errors = editor.execute(document, {"id": str(post.pk)})["updateBlogPage"]["errors"]
    assert errors == [{"__typename": "EditConflictError", "code": "EDIT_CONFLICT"}]


@pytest.mark.parametrize(
    ("document", "field"),
    [
        (UPDATE_POST, "updateBlogPage"),
        (PUBLISH, "publishPage"),
        (DELETE_PAGE, "deletePage"),
        (LOCK_PAGE, "lockPage"),
    ],
)
def test_a_page_the_viewer_may_not_see_is_not_found(
    stranger: Any, seeded: Any, document: str, field: str
) -> None:
    """The seeded draft was never published: to a stranger it does not exist."""
    draft = seeded.posts[2]
    hidden = _only_error(stranger.execute(document, {"id": str(draft.pk)})[field])
    missing = _only_error(stranger.execute(document, {"id": "9999"})[field])
    assert hidden["__typename"] == missing["__typename"] == "NotFoundError"
    assert (hidden["code"], hidden["path"]) == (missing["code"], missing["path"])
    assert hidden["message"] == missing["message"].replace("9999", str(draft.pk))


def test_a_draft_snippet_the_viewer_may_not_see_is_not_found(stranger: Any, seeded: Any) -> None:
    from blog.models import Person

    hidden_person = Person.objects.create(first_name="Hidden", last_name="Draft", live=False)
    hidden = _only_error(
        stranger.execute(UPDATE_PERSON, {"id": str(hidden_person.pk)})["updatePerson"]
    )
    missing = _only_error(stranger.execute(UPDATE_PERSON, {"id": "9999"})["updatePerson"])
    assert hidden["__typename"] == missing["__typename"] == "NotFoundError"
    assert hidden["message"] == missing["message"].replace("9999", str(hidden_person.pk))
