"""Workflow types: ``WorkflowState`` and its tasks, ``Workflowable``, ``ContentRef``.

They read Wagtail's own models (``WorkflowState``, ``TaskState``, ``Task``,
``Workflow``) as they are; what the viewer may do comes from
``access.workflows.WorkflowPermissionTester``, the same rules the mutations enforce.

A workflow state concerns drafts, so every field that hands one out asks
``access.workflows.visible_workflow_state`` first. ``interfaces`` imports this module
for ``Workflowable``, which ``Page`` and workflow snippet types implement.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info

from wagtail_graphql_write.access.workflows import (
    STATE_OBJECT,
    WorkflowPermissionTester,
    specific_object,
    task_state_history,
    visible_workflow_state,
)
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import User
from wagtail_graphql_write.generation.permissions import ask
from wagtail_graphql_write.generation.revisions import Revision
from wagtail_graphql_write.generation.type_enums import snippet_type_enum

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


def _pk(root: Any) -> strawberry.ID:
    return strawberry.ID(str(root.pk))


@strawberry.enum(name="WorkflowStatus", description="Where a workflow on an object stands.")
class WorkflowStatus(enum.Enum):
    IN_PROGRESS = strawberry.enum_value("in_progress", description="Waiting for a review.")
    NEEDS_CHANGES = strawberry.enum_value(
        "needs_changes", description="A reviewer requested changes: edit, then resubmit."
    )
    APPROVED = strawberry.enum_value("approved", description="Every task approved; finished.")
    CANCELLED = strawberry.enum_value("cancelled", description="Cancelled; finished.")


@strawberry.enum(name="WorkflowTaskStatus", description="Where one task of a workflow stands.")
class WorkflowTaskStatus(enum.Enum):
    IN_PROGRESS = strawberry.enum_value("in_progress")
    APPROVED = strawberry.enum_value("approved")
    REJECTED = strawberry.enum_value("rejected", description="Changes were requested.")
    SKIPPED = strawberry.enum_value("skipped")
    CANCELLED = strawberry.enum_value("cancelled")


@strawberry.type(name="WorkflowTask", description="A task of a workflow, e.g. a group approval.")
class WorkflowTask:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the Task as root
        return _pk(root)

    @strawberry.field
    def name(root: Any) -> str:  # noqa: N805
        return str(root.name)

    @strawberry.field(description="Whether the task can still be used in workflows.")
    def active(root: Any) -> bool:  # noqa: N805
        return bool(root.active)

    @strawberry.field(description='The kind of task, e.g. "Group approval task".')
    def task_type(root: Any) -> str:  # noqa: N805
        return str(root.specific_class.get_verbose_name())

    @strawberry.field(description="What the task asks for, as the admin describes it.")
    def description(root: Any) -> str:  # noqa: N805
        return str(root.specific_class.get_description())


@strawberry.type(name="Workflow", description="A moderation workflow: tasks done in order.")
class Workflow:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805
        return _pk(root)

    @strawberry.field
    def name(root: Any) -> str:  # noqa: N805
        return str(root.name)

    @strawberry.field(description="Whether new submissions can use it.")
    def active(root: Any) -> bool:  # noqa: N805
        return bool(root.active)

    @strawberry.field(description="Its tasks, in the order they are done.")
    def tasks(root: Any) -> list[WorkflowTask]:  # noqa: N805
        return list(root.tasks)


@strawberry.type(
    name="WorkflowTaskState",
    description="One task done (or being done) on one revision: who finished it, when, how.",
)
class WorkflowTaskState:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the TaskState as root
        return _pk(root)

    @strawberry.field
    def task(root: Any) -> WorkflowTask:  # noqa: N805
        return root.task

    @strawberry.field
    def status(root: Any) -> WorkflowTaskStatus:  # noqa: N805
        return WorkflowTaskStatus(root.status)

    @strawberry.field
    def started_at(root: Any) -> datetime:  # noqa: N805
        return root.started_at

    @strawberry.field
    def finished_at(root: Any) -> datetime | None:  # noqa: N805
        return root.finished_at

    @strawberry.field(description="Who approved, rejected or cancelled it.")
    def finished_by(root: Any) -> User | None:  # noqa: N805
        return root.finished_by

    @strawberry.field(description="The reviewer's comment (empty if none).")
    def comment(root: Any) -> str:  # noqa: N805
        return str(root.specific.get_comment() or "")

    @strawberry.field(description="The revision this task reviews.")
    def revision(root: Any) -> Revision:  # noqa: N805
        return root.revision

    @strawberry.field(description="The workflow state this task belongs to.")
    def workflow_state(root: Any) -> WorkflowState:  # noqa: N805
        return root.workflow_state


@strawberry.type(
    name="WorkflowTaskProgress",
    description="A task of the workflow with its latest state for this object.",
)
class WorkflowTaskProgress:
    task: WorkflowTask
    state: WorkflowTaskState | None = strawberry.field(
        description="Null when the task has not started yet."
    )


@strawberry.type(
    name="WorkflowTaskAction",
    description="An action the current task offers the viewer (task.get_actions).",
)
class WorkflowTaskAction:
    name: str = strawberry.field(description='The action\'s name, e.g. "approve", "reject".')
    label: str = strawberry.field(description='What the admin calls it, e.g. "Request changes".')
    takes_comment: bool = strawberry.field(description="Whether the admin asks for a comment.")


@strawberry.type(
    name="WorkflowPermissions",
    description="What the viewer may do to this workflow now, by the admin's rules. The "
    "workflow mutations enforce the same answers.",
)
class WorkflowPermissions:
    can_approve: bool = ask("can_approve", "approveWorkflowTask: the current task lets you.")
    can_reject: bool = ask("can_reject", "rejectWorkflowTask (request changes).")
    can_resubmit: bool = ask("can_resubmit", "resubmitWorkflow, after changes were requested.")
    can_cancel: bool = ask("can_cancel", "cancelWorkflow: requester, owner or a reviewer.")
    can_restart: bool = ask("can_restart", "restartWorkflow, after changes were requested.")

    @strawberry.field(description="Every action the current task offers you, custom ones too.")
    def task_actions(root: Any) -> list[WorkflowTaskAction]:  # noqa: N805 - root is the tester
        return [
            WorkflowTaskAction(name=str(name), label=str(label), takes_comment=bool(modal))
            for name, label, modal in root.task_actions
        ]


@strawberry.type(name="WorkflowState", description="A workflow run on one page or snippet.")
class WorkflowState:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the WorkflowState
        return _pk(root)

    @strawberry.field
    def status(root: Any) -> WorkflowStatus:  # noqa: N805
        return WorkflowStatus(root.status)

    @strawberry.field
    def workflow(root: Any) -> Workflow:  # noqa: N805
        return root.workflow

    @strawberry.field(description="Who submitted it.")
    def requested_by(root: Any) -> User | None:  # noqa: N805
        return root.requested_by

    @strawberry.field
    def created_at(root: Any) -> datetime:  # noqa: N805
        return root.created_at

    @strawberry.field(
        description="The task being done, or (NEEDS_CHANGES) the task that requested changes."
    )
    def current_task_state(root: Any) -> WorkflowTaskState | None:  # noqa: N805
        return root.current_task_state

    @strawberry.field(description="Every task state so far, oldest first: the review history.")
    def task_states(root: Any) -> list[WorkflowTaskState]:  # noqa: N805
        return task_state_history(root)

    @strawberry.field(description="Every task of the workflow in order, with its progress.")
    def tasks(root: Any) -> list[WorkflowTaskProgress]:  # noqa: N805
        return [
            WorkflowTaskProgress(task=task, state=task.task_state)
            for task in root.all_tasks_with_state()
        ]

    @strawberry.field(description="The page or snippet, in its latest version.")
    def content(root: Any, info: Info) -> Workflowable | None:  # noqa: N805
        obj = _object_of(root)
        if obj is None or visible_workflow_state(info.context.request.user, obj) is None:
            return None
        return obj.get_latest_revision_as_object()

    @strawberry.field(description="What you may do to this workflow now.")
    def user_permissions(root: Any, info: Info) -> WorkflowPermissions:  # noqa: N805
        obj = _object_of(root)
        tester: Any = WorkflowPermissionTester(info.context.request.user, obj, root)
        return tester


def _object_of(state: Any) -> Any:
    """The workflow state's object as its specific class (the generic relation gives
    base ``Page`` rows), cached on the state."""
    cached = getattr(state, STATE_OBJECT, None)
    if cached is None:
        found = state.content_object
        cached = specific_object(found) if found is not None else None
        setattr(state, STATE_OBJECT, cached)
    return cached


@strawberry.interface(
    name="Workflowable",
    description="An object editors submit to moderation workflows (WorkflowMixin): pages, "
    "and snippets with WorkflowMixin.",
)
class Workflowable:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805
        return _pk(root)

    @strawberry.field(
        description="The workflow in progress or needing changes; else the last one run "
        "(approved or cancelled); null if none, or if you may not read its drafts."
    )
    def workflow_state(root: Any, info: Info) -> WorkflowState | None:  # noqa: N805
        return visible_workflow_state(info.context.request.user, root)


@strawberry.type(
    name="WorkflowTaskStateList", description="A page of task states and the total count."
)
class WorkflowTaskStateList:
    items: list[WorkflowTaskState]
    total_count: int = strawberry.field(description="How many match, ignoring paging.")


WORKFLOW_TYPES: tuple[type, ...] = (
    Workflow,
    WorkflowTask,
    WorkflowTaskState,
    WorkflowState,
    WorkflowPermissions,
)


# ---- ContentRef: the target of every workflow mutation ---------------------------------


def content_ref_input(gen: TypeGenerator) -> type:
    """``input ContentRef @oneOf { page: ID, snippet: SnippetRef }``, once per schema.

    ``snippet`` is left out when no exposed snippet type has an action (no
    ``SnippetType`` enum exists then).
    """

    def build() -> type:
        snippet_type = snippet_type_enum(gen)
        namespace: dict[str, Any] = {
            "__annotations__": {"page": strawberry.ID | None},
            "page": strawberry.field(
                default=strawberry.UNSET, description=f"A page: {PAGE_REFERENCE}."
            ),
        }
        if snippet_type is not None:
            namespace["__annotations__"]["snippet"] = snippet_ref_input(gen, snippet_type) | None
            namespace["snippet"] = strawberry.field(
                default=strawberry.UNSET, description="A snippet."
            )
        name = gen.names.claim(names.CONTENT_REF_INPUT, "the content reference input", builtin=True)
        cls = type(name, (), namespace)
        return strawberry.input(
            cls, name=name, one_of=True, description="A page or a snippet: send exactly one."
        )

    return gen.once(names.CONTENT_REF_INPUT, build)


def snippet_ref_input(gen: TypeGenerator, snippet_type: Any) -> Any:
    name = gen.names.claim(names.SNIPPET_REF_INPUT, "the snippet reference input", builtin=True)
    namespace: dict[str, Any] = {
        "__annotations__": {"type": snippet_type, "id": strawberry.ID},
        "type": strawberry.field(description="The snippet's type."),
        "id": strawberry.field(description="The snippet's id."),
    }
    return strawberry.input(type(name, (), namespace), name=name, description="A snippet.")


PAGE_REFERENCE = 'an id, or a URL path like "/blog/"'
