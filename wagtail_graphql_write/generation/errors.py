"""The error model: ``interface MutationError`` and its typed implementations.

Expected failures are data in a payload's ``errors`` list; only malformed requests and
bugs become top-level GraphQL errors. ``writes.translate`` is the one place that turns
exceptions into these objects.
"""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from wagtail_graphql_write.generation.common import User
from wagtail_graphql_write.generation.revisions import Revision
from wagtail_graphql_write.generation.workflows import WorkflowState


@strawberry.enum(name="ErrorCode", description="A stable, machine-readable error category.")
class ErrorCode(enum.Enum):
    VALIDATION_FAILED = "validation_failed"
    PERMISSION_DENIED = "permission_denied"
    UNAUTHENTICATED = "unauthenticated"
    NOT_FOUND = "not_found"
    LOCKED = "locked"
    EDIT_CONFLICT = "edit_conflict"
    PAGE_TYPE_NOT_ALLOWED = "page_type_not_allowed"
    MOVE_INTO_DESCENDANT = "move_into_descendant"
    COPY_INTO_DESCENDANT = "copy_into_descendant"
    HAS_CHILDREN = "has_children"
    INVALID_TREE_OPERATION = "invalid_tree_operation"
    NOT_REVISABLE = "not_revisable"
    NOT_SUPPORTED = "not_supported"
    SLUG_IN_USE = "slug_in_use"
    NOT_LIVE = "not_live"
    NOT_AN_ALIAS = "not_an_alias"
    PARENT_NOT_TRANSLATED = "parent_not_translated"
    ALREADY_TRANSLATED = "already_translated"
    NO_WORKFLOW = "no_workflow"
    WORKFLOW_IN_PROGRESS = "workflow_in_progress"
    NOT_IN_MODERATION = "not_in_moderation"
    WORKFLOW_STATE_INVALID = "workflow_state_invalid"
    APPROVER_CANNOT_PUBLISH = "approver_cannot_publish"


@strawberry.interface(
    name="MutationError",
    description="Why a mutation did not happen. When any error is returned, nothing was saved.",
)
class MutationError:
    message: str = strawberry.field(description="A human-readable explanation.")
    code: ErrorCode = strawberry.field(description="The error category, stable across releases.")
    path: list[str] | None = strawberry.field(
        default=None,
        description=(
            'Where the problem is, starting from the mutation\'s arguments, e.g. ["input", '
            '"slug"] or ["input", "authors", "0", "person"]. Null when it concerns the '
            "whole request."
        ),
    )


@strawberry.type(
    name="ValidationError",
    description="An input value was rejected by the model's admin form or its validators.",
)
class ValidationError(MutationError):
    validation_code: str | None = strawberry.field(
        default=None,
        description='The validator\'s own code, e.g. "required", "unique", "max_length".',
    )


@strawberry.type(
    name="PermissionDeniedError",
    description="The viewer may not do this (or is not authenticated: code UNAUTHENTICATED).",
)
class PermissionDeniedError(MutationError):
    pass


@strawberry.type(name="NotFoundError", description="An object named by an argument does not exist.")
class NotFoundError(MutationError):
    pass


@strawberry.type(
    name="TreeError",
    description="The page tree does not allow this, e.g. a page type under that parent.",
)
class TreeError(MutationError):
    pass


@strawberry.type(
    name="StateError",
    description="The object is not in a state that allows this, e.g. unpublishing a page "
    "that is not live (NOT_LIVE).",
)
class StateError(MutationError):
    pass


@strawberry.type(
    name="LockedError",
    description="The object is locked for the viewer (by another user, a scheduled "
    "publish or a workflow task).",
)
class LockedError(MutationError):
    locked_by: User | None = strawberry.field(default=None, description="Who holds the lock.")
    locked_at: datetime | None = strawberry.field(default=None)


@strawberry.type(
    name="EditConflictError",
    description="The object changed since the revision you based this write on "
    "(expectedRevisionId). Nothing was saved; re-read latestRevision and try again.",
)
class EditConflictError(MutationError):
    latest_revision: Revision | None = strawberry.field(default=None)


@strawberry.type(
    name="WorkflowStateError",
    description="The object's workflow is not in a state that allows this: no workflow is "
    "configured (NO_WORKFLOW), one is already in progress (WORKFLOW_IN_PROGRESS), there is "
    "nothing to review (NOT_IN_MODERATION), or the step does not fit the current status "
    "(WORKFLOW_STATE_INVALID).",
)
class WorkflowStateError(MutationError):
    workflow_state: WorkflowState | None = strawberry.field(
        default=None, description="The object's current workflow state, if any."
    )


ERROR_TYPES: tuple[type, ...] = (
    ValidationError,
    PermissionDeniedError,
    NotFoundError,
    TreeError,
    StateError,
    LockedError,
    EditConflictError,
    WorkflowStateError,
)
