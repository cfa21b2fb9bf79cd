"""The whole moderation flow on a page, as three users over HTTP with their tokens."""

from __future__ import annotations

from typing import Any

from blog.models import BlogPage
from tests.workflows.helpers import (
    APPROVE,
    ERRORS,
    REJECT,
    STATE,
    log_actions,
    page_ref,
)

CREATE_AND_SUBMIT = (
    """
mutation($title: String!, $person: ID!) {
  createBlogPage(
    parent: "/blog/"
    input: {title: $title, date: "2026-12-01", authors: [{person: $person}]}
    action: SUBMIT
  ) {
    page { id title live }
    workflowState { ...State }
    errors { ...Errors }
  }
}
"""
    + STATE
    + ERRORS
)

AWAITING = """
{ tasksAwaitingReview {
    totalCount
    items { task { name } workflowState { requestedBy { displayName } }
            revision { ... on PageRevision { content { title } } } }
} }
"""

WORKFLOW_STATE = (
    """
query($id: ID!) {
  page(id: $id, version: LATEST) {
    title
    workflowState { ...State userPermissions { canApprove canReject canResubmit canCancel } }
  }
}
"""
    + STATE
)

UPDATE_AND_SUBMIT = (
    """
mutation($id: ID!, $title: String!) {
  updateBlogPage(id: $id, input: {title: $title}, action: SUBMIT) {
    page { title }
    workflowState { ...State }
    errors { ...Errors }
  }
}
"""
    + STATE
    + ERRORS
)


def test_submit_reject_resubmit_approve_publishes_the_editors_latest_content(
    editor: Any, moderator: Any, anonymous: Any, seeded: Any
) -> None:
    variables = {"title": "Needs review", "person": str(seeded.people["lovelace"].pk)}
    created = editor.execute(CREATE_AND_SUBMIT, variables)["createBlogPage"]
    assert created["errors"] == []
    page_id = created["page"]["id"]
    assert created["page"]["live"] is False
    assert created["workflowState"]["status"] == "IN_PROGRESS"
    assert created["workflowState"]["requestedBy"] == {"displayName": "editor"}
    assert created["workflowState"]["currentTaskState"]["task"] == {"name": "Moderators approval"}

    queue = moderator.execute(AWAITING)["tasksAwaitingReview"]
    titles = [item["revision"]["content"]["title"] for item in queue["items"]]
    assert "Needs review" in titles
    assert editor.execute(AWAITING)["tasksAwaitingReview"] == {"totalCount": 0, "items": []}

    rejected = moderator.execute(
        REJECT, {"target": page_ref(page_id), "comment": "Add a better title"}
    )["rejectWorkflowTask"]
    assert rejected["errors"] == []
    assert rejected["workflowState"]["status"] == "NEEDS_CHANGES"

    seen = editor.execute(WORKFLOW_STATE, {"id": page_id})["page"]["workflowState"]
    assert seen["status"] == "NEEDS_CHANGES"
    assert seen["currentTaskState"]["status"] == "REJECTED"
    assert seen["currentTaskState"]["comment"] == "Add a better title"
    assert seen["currentTaskState"]["finishedBy"] == {"displayName": "moderator"}
    assert seen["userPermissions"] == {
        "canApprove": False,
        "canReject": False,
        "canResubmit": True,
        "canCancel": True,
    }

    resubmitted = editor.execute(UPDATE_AND_SUBMIT, {"id": page_id, "title": "A better title"})[
        "updateBlogPage"
    ]
    assert resubmitted["errors"] == []
    assert resubmitted["workflowState"]["status"] == "IN_PROGRESS"
    assert resubmitted["workflowState"]["id"] == rejected["workflowState"]["id"]

    approved = moderator.execute(APPROVE, {"target": page_ref(page_id), "comment": "Good"})[
        "approveWorkflowTask"
    ]
    assert approved["errors"] == []
    assert approved["workflowState"]["status"] == "APPROVED"
    assert approved["page"] == {"id": page_id, "title": "A better title", "live": True}
    history = approved["workflowState"]["taskStates"]
    assert [(t["status"], t["comment"]) for t in history] == [
        ("REJECTED", "Add a better title"),
        ("APPROVED", "Good"),
    ]

    page = BlogPage.objects.get(pk=page_id)
    assert page.live and page.title == "A better title"
    live = anonymous.execute('{ page(path: "/blog/needs-review/") { title } }')
    assert live["page"] == {"title": "A better title"}  # the slug was made at creation
    workflow_log = [
        a for a in log_actions(page) if a.startswith("wagtail.workflow") or a == "wagtail.publish"
    ]
    assert workflow_log == [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]
