"""The error model: ``interface MutationError`` and its typed implementations.

Expected failures are data in a payload's ``errors`` list; only malformed requests and
bugs become top-level GraphQL errors. ``writes.translate`` is the one place that turns
exceptions into these objects.
"""

from __future__ import annotations

import enum

import strawberry


@strawberry.enum(name="ErrorCode", description="A stable, machine-readable error category.")
class ErrorCode(enum.Enum):
    VALIDATION_FAILED = "validation_failed"
    PERMISSION_DENIED = "permission_denied"
    UNAUTHENTICATED = "unauthenticated"
    NOT_FOUND = "not_found"
    PAGE_TYPE_NOT_ALLOWED = "page_type_not_allowed"


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


ERROR_TYPES: tuple[type, ...] = (ValidationError, PermissionDeniedError, NotFoundError, TreeError)
