"""Workflow reads: ``workflowState`` visibility, ``workflows``, ``tasksAwaitingReview``."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.workflows.helpers import START, page_ref

STATE_OF = """
query($id: ID!) { page(id: $id) { workflowState { status requestedBy { displayName } } } }
"""

QUEUE = """
{ tasksAwaitingReview {
    totalCount
    items {
      task { name }
      startedAt
      workflowState { status requestedBy { displayName } workflow { name } }
      revision { id objectTitle }
    }
} }
"""


def test_workflow_state_is_only_for_those_who_may_read_drafts(
    editor: Any, anonymous: Any, seeded: Any
) -> None:
    page = seeded.posts[0]  # live, so anonymous can read the page itself
    editor.execute(START, {"target": page_ref(page.pk)})
    assert anonymous.execute(STATE_OF, {"id": page.pk})["page"] == {"workflowState": None}
    assert editor.execute(STATE_OF, {"id": page.pk})["page"]["workflowState"] == {
        "status": "IN_PROGRESS",
        "requestedBy": {"displayName": "editor"},
    }


def test_a_page_never_submitted_has_no_workflow_state(editor: Any, seeded: Any) -> None:
    assert editor.execute(STATE_OF, {"id": seeded.posts[1].pk})["page"] == {"workflowState": None}


def test_workflows_lists_the_sites_workflows_with_their_tasks(editor: Any, anonymous: Any) -> None:
    document = "{ workflows { name active tasks { name taskType } } }"
    assert editor.execute(document)["workflows"] == [
        {
            "name": "Moderators approval",
            "active": True,
            "tasks": [{"name": "Moderators approval", "taskType": "Group approval task"}],
        }
    ]
    assert anonymous.execute(document)["workflows"] == []


def _queue_queries(moderator: Any) -> tuple[int, dict[str, Any]]:
    with CaptureQueriesContext(connection) as queries:
        queue = moderator.execute(QUEUE)["tasksAwaitingReview"]
    return len(queries), queue


def test_tasks_awaiting_review_costs_no_query_per_item(
    editor: Any, moderator: Any, seeded: Any, django_assert_max_num_queries: Any
) -> None:
    editor.execute(START, {"target": page_ref(seeded.posts[0].pk)})
    one, queue = _queue_queries(moderator)
    assert queue["totalCount"] == 1
    for page in seeded.posts[1:]:
        editor.execute(START, {"target": page_ref(page.pk)})
    many, queue = _queue_queries(moderator)
    assert queue["totalCount"] == len(seeded.posts)
    assert {item["revision"]["objectTitle"] for item in queue["items"]} == {
        p.title for p in seeded.posts
    }
    assert many <= one  # the first call also fills the content type cache
    with django_assert_max_num_queries(one):
        moderator.execute(QUEUE)


def test_tasks_awaiting_review_is_empty_for_anonymous_and_non_reviewers(
    editor: Any, anonymous: Any, seeded: Any
) -> None:
    editor.execute(START, {"target": page_ref(seeded.posts[0].pk)})
    empty = {"totalCount": 0, "items": []}
    assert anonymous.execute(QUEUE)["tasksAwaitingReview"] == empty
    assert editor.execute(QUEUE)["tasksAwaitingReview"] == empty


def test_can_submit_for_moderation_says_whether_a_workflow_can_start(
    editor: Any, anonymous: Any, seeded: Any
) -> None:
    page_query = """
    query($id: ID!) { page(id: $id, version: LATEST) {
      userPermissions { canSubmitForModeration } } }
    """
    person_query = """
    query($id: ID!) { person(id: $id) { userPermissions { canSubmitForModeration } } }
    """
    page, person = seeded.posts[2], seeded.people["hopper"]

    def can_submit(client: Any, query: str, obj_id: Any) -> Any:
        found = next(iter(client.execute(query, {"id": obj_id}).values()))
        return found and found["userPermissions"]["canSubmitForModeration"]

    assert can_submit(editor, page_query, page.pk) is True
    assert can_submit(editor, person_query, person.pk) is True
    assert can_submit(anonymous, person_query, person.pk) is False
    editor.execute(START, {"target": page_ref(page.pk)})
    assert can_submit(editor, page_query, page.pk) is False
