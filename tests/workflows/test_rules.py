"""Who may do which workflow step, and the typed errors of steps that cannot happen.

Every denied or impossible call must change nothing: no workflow or task state, no
revision, no log entry.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Workflow, WorkflowPage, WorkflowState

from blog.models import BlogPage, Person
from tests.conftest import GraphQLClient
from tests.workflows.helpers import (
    APPROVE,
    CANCEL,
    REJECT,
    RESTART,
    RESUBMIT,
    START,
    codes,
    log_actions,
    page_ref,
    snippet_ref,
    workflow_counts,
)
from tests.writes.page_actions_helpers import user_with_page_permissions

UPDATE = """
mutation($id: ID!, $title: String!, $action: SaveAction) {
  updateBlogPage(id: $id, input: {title: $title}, action: $action) {
    page { title }
    workflowState { status }
    errors { __typename code path ... on LockedError { lockedBy { id } } }
  }
}
"""

PUBLISH = """
mutation($id: ID!) { publishPage(id: $id) { page { live } errors { __typename code } } }
"""


def client_for(user: Any) -> GraphQLClient:
    _, token = APIToken.create_token(user=user, name="test")
    return GraphQLClient(token)


@pytest.fixture
def submitted(editor: Any, seeded: Any) -> Any:
    """The editor's draft post, submitted to the moderators' workflow."""
    page = seeded.posts[2]
    payload = editor.execute(START, {"target": page_ref(page.pk)})["startWorkflow"]
    assert payload["errors"] == []
    return page


def _assert_denied(
    client: GraphQLClient, document: str, variables: dict[str, Any], expected: tuple[str, str]
) -> None:
    before = workflow_counts()
    payload = next(iter(client.execute(document, variables).values()))
    assert codes(payload) == [expected]
    assert payload["workflowState"] is None
    assert workflow_counts() == before


def test_the_editor_cannot_approve_or_reject(editor: Any, submitted: Any) -> None:
    for document in (APPROVE, REJECT):
        _assert_denied(
            editor,
            document,
            {"target": page_ref(submitted.pk), "comment": None},
            ("PermissionDeniedError", "PERMISSION_DENIED"),
        )


def test_a_user_outside_the_tasks_groups_cannot_approve_or_reject(submitted: Any) -> None:
    outsider = client_for(user_with_page_permissions("outsider", ["change_page"]))
    for document in (APPROVE, REJECT):
        _assert_denied(
            outsider,
            document,
            {"target": page_ref(submitted.pk), "comment": None},
            ("PermissionDeniedError", "PERMISSION_DENIED"),
        )


def test_a_user_without_any_permission_learns_nothing(submitted: Any) -> None:
    """The submitted post is a draft: to a user who may not read it, it does not exist."""
    nobody = client_for(user_with_page_permissions("nobody", []))
    _assert_denied(
        nobody,
        APPROVE,
        {"target": page_ref(submitted.pk), "comment": None},
        ("NotFoundError", "NOT_FOUND"),
    )


def test_anonymous_calls_are_unauthenticated(anonymous: Any, submitted: Any) -> None:
    _assert_denied(
        anonymous,
        CANCEL,
        {"target": page_ref(submitted.pk)},
        ("PermissionDeniedError", "UNAUTHENTICATED"),
    )


def test_the_requester_may_cancel(editor: Any, submitted: Any) -> None:
    payload = editor.execute(CANCEL, {"target": page_ref(submitted.pk)})["cancelWorkflow"]
    assert payload["errors"] == []
    assert payload["workflowState"]["status"] == "CANCELLED"
    assert not BlogPage.objects.get(pk=submitted.pk).workflow_in_progress
    assert log_actions(submitted)[-1] == "wagtail.workflow.cancel"


def test_a_reviewer_may_cancel(moderator: Any, submitted: Any) -> None:
    payload = moderator.execute(CANCEL, {"target": page_ref(submitted.pk)})["cancelWorkflow"]
    assert payload["workflowState"]["status"] == "CANCELLED"


def test_another_editor_may_not_cancel(seeded: Any, submitted: Any) -> None:
    other = user_with_page_permissions("other-editor", ["add_page", "change_page"])
    other.groups.add(Group.objects.get(name="Editors"))
    _assert_denied(
        client_for(other),
        CANCEL,
        {"target": page_ref(submitted.pk)},
        ("PermissionDeniedError", "PERMISSION_DENIED"),
    )


def test_a_task_in_progress_locks_the_page_for_the_editor(editor: Any, submitted: Any) -> None:
    before = workflow_counts()
    payload = editor.execute(UPDATE, {"id": submitted.pk, "title": "Sneaky edit"})
    errors = payload["updateBlogPage"]["errors"]
    assert [(e["__typename"], e["code"], e["lockedBy"]) for e in errors] == [
        ("LockedError", "LOCKED", None)
    ]
    assert workflow_counts() == before


def test_a_reviewer_can_still_edit_during_review(moderator: Any, submitted: Any) -> None:
    payload = moderator.execute(UPDATE, {"id": submitted.pk, "title": "Fixed typo"})
    assert payload["updateBlogPage"]["errors"] == []


def test_starting_twice_is_a_workflow_state_error(moderator: Any, submitted: Any) -> None:
    before = workflow_counts()
    payload = moderator.execute(START, {"target": page_ref(submitted.pk)})["startWorkflow"]
    assert codes(payload) == [("WorkflowStateError", "WORKFLOW_IN_PROGRESS")]
    assert payload["errors"][0]["workflowState"] == {"status": "IN_PROGRESS"}
    assert workflow_counts() == before


def test_submitting_while_in_progress_is_a_workflow_state_error(
    moderator: Any, submitted: Any
) -> None:
    before = workflow_counts()
    payload = moderator.execute(UPDATE, {"id": submitted.pk, "title": "X", "action": "SUBMIT"})
    errors = payload["updateBlogPage"]["errors"]
    assert [(e["__typename"], e["code"], e["path"]) for e in errors] == [
        ("WorkflowStateError", "WORKFLOW_IN_PROGRESS", ["action"])
    ]
    assert workflow_counts() == before


def test_resubmitting_while_in_progress_is_a_workflow_state_error(
    moderator: Any, submitted: Any
) -> None:
    payload = moderator.execute(RESUBMIT, {"target": page_ref(submitted.pk)})
    assert codes(payload["resubmitWorkflow"]) == [("WorkflowStateError", "WORKFLOW_STATE_INVALID")]


def test_nothing_to_approve_is_a_workflow_state_error(moderator: Any, seeded: Any) -> None:
    target = page_ref(seeded.posts[0].pk)
    for document in (APPROVE, REJECT):
        payload = next(iter(moderator.execute(document, {"target": target}).values()))
        assert codes(payload) == [("WorkflowStateError", "NOT_IN_MODERATION")]
    payload = moderator.execute(CANCEL, {"target": target})["cancelWorkflow"]
    assert codes(payload) == [("WorkflowStateError", "NOT_IN_MODERATION")]


def test_no_workflow_configured_is_a_workflow_state_error(editor: Any, seeded: Any) -> None:
    WorkflowPage.objects.all().delete()
    before = workflow_counts()
    payload = editor.execute(START, {"target": page_ref(seeded.posts[2].pk)})["startWorkflow"]
    assert codes(payload) == [("WorkflowStateError", "NO_WORKFLOW")]
    payload = editor.execute(UPDATE, {"id": seeded.posts[2].pk, "title": "T", "action": "SUBMIT"})
    assert [(e["code"], e["path"]) for e in payload["updateBlogPage"]["errors"]] == [
        ("NO_WORKFLOW", ["action"])
    ]
    assert workflow_counts() == before


def test_publishing_directly_cancels_the_workflow(moderator: Any, submitted: Any) -> None:
    payload = moderator.execute(PUBLISH, {"id": submitted.pk})["publishPage"]
    assert payload["errors"] == []
    state = WorkflowState.objects.filter(object_id=str(submitted.pk)).get()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert set(log_actions(submitted)[-2:]) == {"wagtail.publish", "wagtail.workflow.cancel"}


def test_restart_after_changes_were_requested_starts_afresh(
    editor: Any, moderator: Any, submitted: Any
) -> None:
    target = page_ref(submitted.pk)
    first = moderator.execute(REJECT, {"target": target, "comment": "No"})["rejectWorkflowTask"]
    payload = editor.execute(RESTART, {"target": target})["restartWorkflow"]
    assert payload["errors"] == []
    assert payload["workflowState"]["status"] == "IN_PROGRESS"
    assert payload["workflowState"]["id"] != first["workflowState"]["id"]
    assert payload["workflowState"]["taskStates"][0]["status"] == "IN_PROGRESS"
    old = WorkflowState.objects.get(pk=first["workflowState"]["id"])
    assert old.status == WorkflowState.STATUS_CANCELLED
    assert log_actions(submitted)[-2:] == ["wagtail.workflow.cancel", "wagtail.workflow.start"]


def test_restart_while_in_progress_is_a_workflow_state_error(editor: Any, submitted: Any) -> None:
    before = workflow_counts()
    payload = editor.execute(RESTART, {"target": page_ref(submitted.pk)})["restartWorkflow"]
    assert codes(payload) == [("WorkflowStateError", "WORKFLOW_STATE_INVALID")]
    assert workflow_counts() == before


def test_another_workflow_needs_permission_to_manage_workflows(
    editor: Any, admin: Any, seeded: Any
) -> None:
    other = Workflow.objects.create(name="Fast track")
    variables = {"target": page_ref(seeded.posts[2].pk), "workflow": str(other.pk)}
    document = START.replace("$target: ContentRef!", "$target: ContentRef!, $workflow: ID").replace(
        "target: $target", "target: $target, workflow: $workflow"
    )
    denied = editor.execute(document, variables)["startWorkflow"]
    assert codes(denied) == [("PermissionDeniedError", "PERMISSION_DENIED")]
    allowed = admin.execute(document, variables)["startWorkflow"]
    assert allowed["errors"] == []
    assert allowed["workflowState"]["workflow"] == {"name": "Fast track"}


def test_submit_validates_required_fields_as_publishing_does(editor: Any) -> None:
    document = """
    mutation($action: SaveAction!) {
      createPerson(input: {firstName: "Nameless"}, action: $action) {
        snippet { id }
        errors { __typename code path }
      }
    }
    """
    before = workflow_counts()
    payload = editor.execute(document, {"action": "SUBMIT"})["createPerson"]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("ValidationError", ["input", "lastName"])
    ]
    assert workflow_counts() == before
    draft = editor.execute(document, {"action": "SAVE_DRAFT"})["createPerson"]
    assert draft["errors"] == []


def test_snippet_types_without_workflows_are_not_supported(editor: Any, seeded: Any) -> None:
    category = next(iter(seeded.categories.values()))
    response = editor.post(START, {"target": snippet_ref("CATEGORY", category.pk)})
    # Category has no snippet action at all, so it is not even a SnippetType value.
    assert "errors" in response.body
    assert Person.objects.exists()


def test_revert_cannot_submit(editor: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    revision = BlogPage.objects.get(pk=page.pk).latest_revision_id
    document = """
    mutation($id: ID!, $revision: ID!) {
      revertPage(id: $id, revisionId: $revision, action: SUBMIT) { errors { code path } }
    }
    """
    before = workflow_counts()
    payload = editor.execute(document, {"id": page.pk, "revision": revision})["revertPage"]
    assert payload["errors"] == [{"code": "NOT_SUPPORTED", "path": ["action"]}]
    assert workflow_counts() == before


def test_a_dry_run_submit_checks_but_does_not_start_the_workflow(
    editor: Any, seeded: Any, mailoutbox: Any
) -> None:
    document = """
    mutation($id: ID!) {
      updateBlogPage(
        id: $id, input: {title: "Tried", date: "2025-04-01"}, action: SUBMIT, dryRun: true
      ) {
        page { title } workflowState { status } errors { code }
      }
    }
    """
    before = workflow_counts()
    payload = editor.execute(document, {"id": seeded.posts[2].pk})["updateBlogPage"]
    assert payload == {"page": {"title": "Tried"}, "workflowState": None, "errors": []}
    assert workflow_counts() == before
    assert mailoutbox == []
    real = editor.execute(document.replace(", dryRun: true", ""), {"id": seeded.posts[2].pk})
    assert real["updateBlogPage"]["workflowState"] == {"status": "IN_PROGRESS"}
    assert mailoutbox  # the reviewers were told about the real submission only


def test_an_alias_cannot_be_submitted(admin: Any, seeded: Any) -> None:
    alias = seeded.posts[0].create_alias(parent=seeded.home, update_slug="alias-of-post")
    payload = admin.execute(START, {"target": page_ref(alias.pk)})["startWorkflow"]
    assert codes(payload) == [("TreeError", "NOT_REVISABLE")]
    assert payload["errors"][0]["path"] == ["target", "page"]
