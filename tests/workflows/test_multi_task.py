"""Workflows with more than one task, and the last approval that publishes."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from blog.models import BlogPage
from tests.workflows.helpers import APPROVE, START, codes, page_ref, workflow_counts
from tests.workflows.test_rules import client_for
from tests.writes.page_actions_helpers import user_with_page_permissions

PROGRESS = """
query($id: ID!) {
  page(id: $id, version: LATEST) {
    workflowState {
      status
      tasks { task { name } state { status finishedBy { displayName } } }
      userPermissions { canApprove taskActions { name label takesComment } }
    }
  }
}
"""


def _workflow(name: str, *task_groups: tuple[str, Group]) -> Workflow:
    """A workflow of group approval tasks, assigned to the blog index page."""
    workflow = Workflow.objects.create(name=name)
    for order, (task_name, group) in enumerate(task_groups):
        task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.add(group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


@pytest.fixture
def legal(seeded: Any) -> tuple[Group, Any]:
    """A "Legal" group whose member may change and publish pages."""
    lawyer = user_with_page_permissions("lawyer", ["change_page", "publish_page"])
    group = lawyer.groups.get()
    return group, client_for(lawyer)


def test_a_two_task_workflow_advances_task_by_task(
    editor: Any, moderator: Any, seeded: Any, legal: Any
) -> None:
    legal_group, lawyer = legal
    workflow = _workflow(
        "Two steps",
        ("Moderation", Group.objects.get(name="Moderators")),
        ("Legal review", legal_group),
    )
    WorkflowPage.objects.create(page=seeded.index, workflow=workflow)
    page = seeded.posts[2]
    target = {"target": page_ref(page.pk)}
    started = editor.execute(START, target)["startWorkflow"]
    assert started["workflowState"]["workflow"] == {"name": "Two steps"}

    first = moderator.execute(APPROVE, target)["approveWorkflowTask"]
    assert first["errors"] == []
    assert first["workflowState"]["status"] == "IN_PROGRESS"
    assert first["workflowState"]["currentTaskState"]["task"] == {"name": "Legal review"}
    assert first["page"]["live"] is False

    progress = lawyer.execute(PROGRESS, {"id": page.pk})["page"]["workflowState"]
    assert [
        (t["task"]["name"], t["state"] and t["state"]["status"]) for t in progress["tasks"]
    ] == [
        ("Moderation", "APPROVED"),
        ("Legal review", "IN_PROGRESS"),
    ]
    assert progress["userPermissions"]["canApprove"] is True
    assert {a["name"] for a in progress["userPermissions"]["taskActions"]} == {"approve", "reject"}

    before = workflow_counts()
    denied = moderator.execute(APPROVE, target)["approveWorkflowTask"]
    assert codes(denied) == [("PermissionDeniedError", "PERMISSION_DENIED")]
    assert workflow_counts() == before

    last = lawyer.execute(APPROVE, target)["approveWorkflowTask"]
    assert last["errors"] == []
    assert last["workflowState"]["status"] == "APPROVED"
    assert BlogPage.objects.get(pk=page.pk).live


def test_an_approver_who_may_not_publish_gets_a_typed_error_and_nothing_changes(
    editor: Any, seeded: Any
) -> None:
    reviewer = user_with_page_permissions("reviewer", ["change_page"])
    workflow = _workflow("Review only", ("Review", reviewer.groups.get()))
    WorkflowPage.objects.create(page=seeded.index, workflow=workflow)
    page = seeded.posts[2]
    target = {"target": page_ref(page.pk), "comment": "Looks good"}
    assert editor.execute(START, target)["startWorkflow"]["errors"] == []

    before = workflow_counts()
    payload = client_for(reviewer).execute(APPROVE, target)["approveWorkflowTask"]
    assert codes(payload) == [("PermissionDeniedError", "APPROVER_CANNOT_PUBLISH")]
    assert "publish" in payload["errors"][0]["message"]
    assert payload["workflowState"] is None
    assert workflow_counts() == before
    fresh = BlogPage.objects.get(pk=page.pk)
    assert not fresh.live
    task_state = fresh.current_workflow_task_state
    assert task_state is not None and task_state.status == "in_progress"
