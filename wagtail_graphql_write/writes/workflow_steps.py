"""The workflow transitions, each the admin's own call sequence.

- submit: ``workflow.start(obj, user)`` (``admin/views/pages/edit.py`` ``submit_action``,
  ``admin/views/generic/mixins.py``), or ``workflow_state.resume(user)`` when the
  workflow needs changes;
- approve / reject: ``task.on_action(task_state, user, name, **form.cleaned_data)`` with
  the task's own comment form (``admin/views/generic/workflow.py`` ``WorkflowAction``);
- cancel: ``workflow_state.cancel(user=user)``; restart: cancel, then start again.

Every step first checks what the admin's action menu checks
(``access.workflows.WorkflowPermissionTester``) and says precisely why it cannot
happen: ``PermissionDenied``, ``Locked`` or ``WorkflowStateFailure``. The mutation's
transaction makes each step all-or-nothing; Wagtail's own ``@transaction.atomic`` on
``on_action`` is what rolls an approval back when publishing it fails.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Page, Workflow, WorkflowMixin, WorkflowState

from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.workflows import (
    edit_permissions,
    latest_workflow_state,
    workflows_enabled,
)
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.writes.failures import (
    ApproverCannotPublish,
    InvalidInput,
    NotFound,
    TreeViolation,
    WorkflowStateFailure,
)
from wagtail_graphql_write.writes.guards import ensure_unlocked

IN_PROGRESS = WorkflowState.STATUS_IN_PROGRESS
NEEDS_CHANGES = WorkflowState.STATUS_NEEDS_CHANGES

#: Django permissions that let a user manage workflows in the admin: only such a user
#: may submit to a workflow other than the one assigned to the object.
MANAGE_WORKFLOWS = ("wagtailcore.add_workflow", "wagtailcore.change_workflow")


def label(obj: Model) -> str:
    kind = "page" if isinstance(obj, Page) else names.type_name(type(obj))
    return f"{kind} {obj.pk}" if obj.pk is not None else f"a new {kind}"


def active_state(obj: Model) -> WorkflowState | None:
    """The workflow state in progress or needing changes, fetched fresh."""
    state = latest_workflow_state(obj)
    return state if state is not None and state.is_active else None


def fresh_state(state: WorkflowState) -> WorkflowState:
    return WorkflowState.objects.select_related("workflow", "requested_by").get(pk=state.pk)


# ---- checks ------------------------------------------------------------------------------


def ensure_can_edit(user: Any, obj: Model, verb: str) -> None:
    """Submitting is part of editing: the admin offers it in the edit view only (which
    aliases do not have: they follow their original page)."""
    if isinstance(obj, Page) and obj.alias_of_id:
        raise TreeViolation(
            f"Page {obj.pk} is an alias of page {obj.alias_of_id}: submit the original page.",
            "not_revisable",
            ["target", "page"],
        )
    if not edit_permissions(user, obj).can_edit():
        raise PermissionDenied(
            f"You do not have permission to edit {label(obj)}, so you cannot {verb} it."
        )


def ensure_can_see(user: Any, obj: Model) -> None:
    """Reviewing starts from reading the draft; outsiders learn nothing about its state."""
    if not can_view_revisions(user, obj):
        raise PermissionDenied(f"You do not have permission to review {label(obj)}.")


def assigned_workflow(obj: Model, path: list[str]) -> Workflow:
    """The active workflow assigned to ``obj`` (for a new page: to its parent)."""
    workflow = cast(WorkflowMixin, obj).get_workflow() if workflows_enabled() else None
    if workflow is None:
        raise WorkflowStateFailure(
            f"No active workflow is assigned to {label(obj)}"
            + ("" if workflows_enabled() else " (WAGTAIL_WORKFLOW_ENABLED is off)")
            + ": there is nothing to submit it to.",
            "no_workflow",
            path,
        )
    return workflow


def chosen_workflow(user: Any, obj: Model, workflow_id: Any) -> Workflow:
    """The workflow sent as ``workflow``, else the assigned one.

    Choosing another workflow than the assigned one could route around the site's
    moderation, so it needs the admin's permission to manage workflows.
    """
    assigned = assigned_workflow(obj, ["target"]) if workflow_id is None else None
    if assigned is not None:
        return assigned
    text = str(workflow_id)
    workflow = Workflow.objects.filter(pk=text, active=True).first() if text.isdigit() else None
    if workflow is None:
        raise NotFound(f"No active workflow has id {workflow_id!r}.", ["workflow"])
    current = cast(WorkflowMixin, obj).get_workflow()
    if workflow != current and not any(user.has_perm(p) for p in MANAGE_WORKFLOWS):
        raise PermissionDenied(
            f"Only users who may manage workflows can submit {label(obj)} to a workflow "
            "other than the one assigned to it."
        )
    return workflow


def ensure_no_active_workflow(obj: Model) -> None:
    state = active_state(obj)
    if state is None:
        return
    if state.status == IN_PROGRESS:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is already in the workflow {state.workflow.name!r}.",
            "workflow_in_progress",
            state=state,
        )
    raise WorkflowStateFailure(
        f"Changes were requested on {label(obj)}: resubmit it (resubmitWorkflow) or "
        "restart its workflow (restartWorkflow).",
        "workflow_state_invalid",
        state=state,
    )


def state_needing_changes(obj: Model, step: str) -> WorkflowState:
    state = active_state(obj)
    if state is None:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} has no workflow in progress.", "not_in_moderation"
        )
    if state.status != NEEDS_CHANGES:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is waiting for review in {state.workflow.name!r}; "
            f"only a workflow whose reviewers requested changes can be {step}.",
            "workflow_state_invalid",
            state=state,
        )
    return state


# ---- transitions --------------------------------------------------------------------------


def start(user: Any, obj: Model, workflow: Any = None) -> WorkflowState:
    """``startWorkflow``: submit the latest revision, as the admin's "Submit to ...".

    An object that has no revision yet (made outside Wagtail) gets one first, since
    each task reviews a revision.
    """
    ensure_can_edit(user, obj, "submit")
    ensure_no_active_workflow(obj)  # before the lock: a task in progress locks it too
    ensure_unlocked(obj, user)
    chosen = chosen_workflow(user, obj, workflow)
    if cast(WorkflowMixin, obj).get_latest_revision() is None:
        cast(WorkflowMixin, obj).save_revision(user=user, log_action=True)
    return fresh_state(chosen.start(obj, user))


def check_submit_after_save(user: Any, obj: Model, path: list[str]) -> None:
    """``action: SUBMIT`` on update: checks made before anything is saved."""
    state = active_state(obj)
    if state is not None and state.status == IN_PROGRESS:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is already in the workflow {state.workflow.name!r}.",
            "workflow_in_progress",
            path,
            state,
        )
    if state is None:
        assigned_workflow(obj, path)


def submit_after_save(user: Any, obj: Model, path: list[str]) -> WorkflowState:
    """``action: SUBMIT`` after saving: resume a workflow that needs changes, else start."""
    state = active_state(obj)
    if state is not None and state.status == NEEDS_CHANGES:
        state.resume(user)
        return fresh_state(state)
    return fresh_state(assigned_workflow(obj, path).start(obj, user))


def resubmit(user: Any, obj: Model) -> WorkflowState:
    """``resubmitWorkflow``: the admin's "Resubmit to <task>" after changes were requested."""
    ensure_can_edit(user, obj, "resubmit")
    state = state_needing_changes(obj, "resubmitted")
    ensure_unlocked(obj, user)
    state.resume(user)
    return fresh_state(state)


def review(user: Any, obj: Model, action_name: str, comment: str | None) -> WorkflowState:
    """``approveWorkflowTask`` / ``rejectWorkflowTask`` on the current task."""
    ensure_can_see(user, obj)
    state = active_state(obj)
    if state is None or state.status != IN_PROGRESS:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is not awaiting review.",
            "not_in_moderation",
            state=state or latest_workflow_state(obj),
        )
    task_state = state.current_task_state.specific
    task = task_state.task.specific
    if action_name not in {name for name, _label, _modal in task.get_actions(obj, user)}:
        raise PermissionDenied(
            f"You may not {action_name} the task {task.name!r} on {label(obj)}: it is for "
            "its reviewers."
        )
    extra = _action_data(task, action_name, comment)
    try:
        task.on_action(task_state, user, action_name, **extra)
    except PublishPermissionError as exc:
        raise ApproverCannotPublish(label(obj)) from exc
    return fresh_state(state)


def _action_data(task: Any, action_name: str, comment: str | None) -> dict[str, Any]:
    """The task's own form for the action (a comment), validated as the admin does."""
    form_class = task.get_form_for_action(action_name)
    if form_class is None:
        if comment:
            message = f"The task {task.name!r} takes no comment for {action_name!r}."
            raise InvalidInput(message, "not_supported", ["comment"])
        return {}
    form = form_class({"comment": comment or ""})
    if not form.is_valid():
        errors = form.errors.get("comment") or next(iter(form.errors.values()))
        raise InvalidInput(" ".join(errors), "invalid", ["comment"])
    return dict(form.cleaned_data)


def cancel(user: Any, obj: Model) -> WorkflowState:
    """``cancelWorkflow``: the requester, the owner or a current reviewer may cancel."""
    ensure_can_see(user, obj)
    state = active_state(obj)
    if state is None:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} has no workflow in progress.",
            "not_in_moderation",
            state=latest_workflow_state(obj),
        )
    if not state.user_can_cancel(user):
        raise PermissionDenied(
            f"Only whoever submitted {label(obj)}, its owner or a reviewer of the current "
            "task can cancel its workflow."
        )
    state.cancel(user=user)
    return fresh_state(state)


def restart(user: Any, obj: Model) -> WorkflowState:
    """``restartWorkflow``: cancel the workflow that needs changes and start afresh."""
    ensure_can_edit(user, obj, "restart the workflow of")
    state = state_needing_changes(obj, "restarted")
    ensure_unlocked(obj, user)
    if not state.user_can_cancel(user):
        raise PermissionDenied(
            f"Only whoever submitted {label(obj)}, its owner or a reviewer can restart "
            "its workflow."
        )
    workflow = assigned_workflow(obj, ["target"])
    state.cancel(user=user)
    return fresh_state(workflow.start(obj, user))
