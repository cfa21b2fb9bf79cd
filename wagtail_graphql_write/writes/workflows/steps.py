"""The workflow transitions, each the admin's own call sequence, and the checks before them.

- submit: ``workflow.start(obj, user)`` (``admin/views/pages/edit.py`` ``submit_action``,
  ``admin/views/generic/mixins.py``), or ``workflow_state.resume(user)`` when the
  workflow needs changes;
- approve / reject: ``task.on_action(task_state, user, name, **form.cleaned_data)`` with
  the task's own comment form (``admin/views/generic/workflow.py`` ``WorkflowAction``);
- cancel: ``workflow_state.cancel(user=user)``; restart: cancel, then start again.

The checks are what the admin's action menu checks
(``access.workflows.WorkflowPermissionTester``), one at a time so that a failure says
precisely why: ``PermissionDenied``, ``Locked`` or ``WorkflowStateFailure``. The
mutations (``workflows.mutations``) and ``action: SUBMIT`` of the save sequence
arrange them in the pipeline's order. Wagtail's own ``@transaction.atomic`` on
``on_action`` is what rolls an approval back when publishing it fails.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Page, Workflow, WorkflowMixin, WorkflowState

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.workflows import (
    edit_permissions,
    latest_workflow_state,
    workflows_enabled,
)
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.writes.errors.failures import (
    ApproverCannotPublish,
    InvalidInput,
    NotFound,
    TreeViolation,
    WorkflowStateFailure,
)

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


# ---- permissions --------------------------------------------------------------------------


def ensure_can_edit(user: Any, obj: Model, verb: str) -> None:
    """Submitting is part of editing: the admin offers it in the edit view only."""
    if not edit_permissions(user, obj).can_edit():
        raise PermissionDenied(
            f"You do not have permission to edit {label(obj)}, so you cannot {verb} it."
        )


def ensure_can_see(user: Any, obj: Model) -> None:
    """Reviewing starts from reading the draft; outsiders learn nothing about its state."""
    if not can_view_revisions(user, obj):
        raise PermissionDenied(f"You do not have permission to review {label(obj)}.")


def ensure_can_cancel(user: Any, state: WorkflowState, obj: Model, verb: str) -> None:
    if not state.user_can_cancel(user):
        raise PermissionDenied(
            f"Only whoever submitted {label(obj)}, its owner or a reviewer of the current "
            f"task can {verb} its workflow."
        )


def ensure_task_action(user: Any, obj: Model, action_name: str) -> None:
    """The current task must offer ``action_name`` to this viewer (its reviewers)."""
    task = cast(WorkflowState, active_state(obj)).current_task_state.task.specific
    if action_name not in {name for name, _label, _modal in task.get_actions(obj, user)}:
        raise PermissionDenied(
            f"You may not {action_name} the task {task.name!r} on {label(obj)}: it is for "
            "its reviewers."
        )


# ---- preconditions ------------------------------------------------------------------------


def ensure_revisable(obj: Model, path: list[str]) -> None:
    """Aliases have no revisions (or workflows) of their own: they follow their original."""
    if isinstance(obj, Page) and obj.alias_of_id:
        raise TreeViolation(
            f"Page {obj.pk} is an alias of page {obj.alias_of_id}: change or submit the "
            "original page, or convert the alias into an ordinary page first.",
            "not_revisable",
            path,
        )


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


def state_in_review(obj: Model) -> WorkflowState:
    state = active_state(obj)
    if state is None or state.status != IN_PROGRESS:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is not awaiting review.",
            "not_in_moderation",
            state=state or latest_workflow_state(obj),
        )
    return state


def state_to_cancel(obj: Model) -> WorkflowState:
    state = active_state(obj)
    if state is None:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} has no workflow in progress.",
            "not_in_moderation",
            state=latest_workflow_state(obj),
        )
    return state


def check_submit(obj: Model, path: list[str]) -> None:
    """``action: SUBMIT`` of a save, checked before anything is saved: an object whose
    reviewers requested changes is resubmitted; one already in review cannot be."""
    state = active_state(obj) if obj.pk is not None else None
    if state is not None and state.status == IN_PROGRESS:
        raise WorkflowStateFailure(
            f"{label(obj).capitalize()} is already in the workflow {state.workflow.name!r}.",
            "workflow_in_progress",
            path,
            state,
        )
    if state is None:
        assigned_workflow(obj, path)


# ---- input --------------------------------------------------------------------------------


def chosen_workflow(user: Any, obj: Model, workflow_id: Any) -> Workflow:
    """The workflow sent as ``workflow``, else the assigned one.

    Choosing another workflow than the assigned one could route around the site's
    moderation, so it needs the admin's permission to manage workflows.
    """
    if workflow_id is None:
        return assigned_workflow(obj, ["target"])
    pk = parse_id(workflow_id)
    workflow = Workflow.objects.filter(pk=pk, active=True).first() if pk is not None else None
    if workflow is None:
        raise NotFound(f"No active workflow has id {workflow_id!r}.", ["workflow"])
    current = cast(WorkflowMixin, obj).get_workflow()
    if workflow != current and not any(user.has_perm(p) for p in MANAGE_WORKFLOWS):
        raise PermissionDenied(
            f"Only users who may manage workflows can submit {label(obj)} to a workflow "
            "other than the one assigned to it."
        )
    return workflow


def action_data(obj: Model, action_name: str, comment: str | None) -> dict[str, Any]:
    """The task's own form for the action (a comment), validated as the admin does."""
    task = cast(WorkflowState, active_state(obj)).current_task_state.task.specific
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


# ---- transitions --------------------------------------------------------------------------


def start(user: Any, obj: Model, workflow: Workflow) -> WorkflowState:
    """Submit the latest revision, as the admin's "Submit to ...".

    An object that has no revision yet (made outside Wagtail) gets one first, since
    each task reviews a revision.
    """
    if cast(WorkflowMixin, obj).get_latest_revision() is None:
        cast(WorkflowMixin, obj).save_revision(user=user, log_action=True)
    return fresh_state(workflow.start(obj, user))


def submit_after_save(user: Any, obj: Model, path: list[str]) -> WorkflowState:
    """``action: SUBMIT`` after saving: resume a workflow that needs changes, else start."""
    state = active_state(obj)
    if state is not None and state.status == NEEDS_CHANGES:
        state.resume(user)
        return fresh_state(state)
    return fresh_state(assigned_workflow(obj, path).start(obj, user))


def resume(user: Any, obj: Model) -> WorkflowState:
    """The admin's "Resubmit to <task>" after changes were requested."""
    state = state_needing_changes(obj, "resubmitted")
    state.resume(user)
    return fresh_state(state)


def review(user: Any, obj: Model, action_name: str, data: dict[str, Any]) -> WorkflowState:
    """Approve or reject the current task with the task form's ``data``."""
    state = state_in_review(obj)
    task_state = state.current_task_state.specific
    try:
        task_state.task.specific.on_action(task_state, user, action_name, **data)
    except PublishPermissionError as exc:
        raise ApproverCannotPublish(label(obj)) from exc
    return fresh_state(state)


def cancel(user: Any, obj: Model) -> WorkflowState:
    state = state_to_cancel(obj)
    state.cancel(user=user)
    return fresh_state(state)


def restart(user: Any, obj: Model) -> WorkflowState:
    """Cancel the workflow that needs changes and start afresh from its first task."""
    state = state_needing_changes(obj, "restarted")
    workflow = assigned_workflow(obj, ["target"])
    state.cancel(user=user)
    return fresh_state(workflow.start(obj, user))
