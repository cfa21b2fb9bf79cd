"""THE mapping from exceptions to typed ``MutationError`` objects.

Every resolver's exceptions pass through ``translate``; anything it does not know is
re-raised, so bugs surface as top-level GraphQL errors instead of being swallowed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from wagtail.actions.convert_alias import ConvertAliasPageError
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.actions.copy_page import CopyPageIntegrityError
from wagtail.actions.create_alias import CreatePageAliasIntegrityError
from wagtail.actions.revert_to_page_revision import RevertToPageRevisionError
from wagtail.utils.forms import FormValidationError

from wagtail_graphql_write.generation import errors as gql
from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.writes.failures import (
    ApproverCannotPublish,
    EditConflict,
    InvalidInput,
    InvalidInputs,
    Locked,
    NotFound,
    NotSupported,
    TreeViolation,
    Unauthenticated,
    WorkflowStateFailure,
)
from wagtail_graphql_write.writes.form_errors import form_errors

#: Form-field path part -> GraphQL path part; "__all__" (non-field errors) is dropped.
NON_FIELD = "__all__"

#: Wagtail's page-action exceptions that mean "the tree does not allow it" (not a bug
#: and not a permission): exception class -> (error code, argument the error points at).
WAGTAIL_TREE_ERRORS: tuple[tuple[type[Exception], gql.ErrorCode, list[str]], ...] = (
    (CopyPageIntegrityError, gql.ErrorCode.COPY_INTO_DESCENDANT, ["destination"]),
    (CreatePageAliasIntegrityError, gql.ErrorCode.COPY_INTO_DESCENDANT, ["destination"]),
    (ConvertAliasPageError, gql.ErrorCode.NOT_AN_ALIAS, ["id"]),
    (ParentNotTranslatedError, gql.ErrorCode.PARENT_NOT_TRANSLATED, ["id"]),
    (RevertToPageRevisionError, gql.ErrorCode.NOT_REVISABLE, ["id"]),
)


def _input_path(
    parts: Sequence[str | int], positions: Mapping[str, Mapping[int, int]], root: Sequence[str]
) -> list[str]:
    """Translate a form error location into a path through the mutation's arguments.

    A formset child's form index becomes the position of the item in the input list.
    """
    path = list(root)
    relation: str | None = None
    for part in parts:
        if part == NON_FIELD:
            continue
        if isinstance(part, int):
            position = positions.get(relation or "", {}).get(part, part)
            path.append(str(position))
        else:
            relation = part
            path.append(field_name(part))
    return path


def _form_errors(
    exc: FormValidationError, positions: Mapping[str, Mapping[int, int]], root: Sequence[str]
) -> list[gql.MutationError]:
    return [
        gql.ValidationError(
            message=message,
            code=gql.ErrorCode.VALIDATION_FAILED,
            path=_input_path(loc, positions, root),
            validation_code=code,
        )
        for loc, coded in exc.loc_errors
        for message, code in coded
    ]


def _django_errors(exc: DjangoValidationError, root: Sequence[str]) -> list[gql.MutationError]:
    if hasattr(exc, "error_dict"):
        return [
            gql.ValidationError(
                message=" ".join(error.messages),
                code=gql.ErrorCode.VALIDATION_FAILED,
                path=_input_path([name], {}, root),
                validation_code=error.code,
            )
            for name, field_errors in exc.error_dict.items()
            for error in field_errors
        ]
    return [
        gql.ValidationError(
            message=" ".join(error.messages),
            code=gql.ErrorCode.VALIDATION_FAILED,
            path=list(root),
            validation_code=error.code,
        )
        for error in exc.error_list
    ]


def translate(
    exc: BaseException,
    *,
    positions: Mapping[str, Mapping[int, int]] | None = None,
    form: Any = None,
    root: Sequence[str] = ("input",),
) -> list[Any]:
    """Typed errors for ``exc``; ``root`` is the argument that validation paths start at.

    With the bound ``form`` at hand, form errors are read from it directly so that
    StreamField block errors keep their full path.
    """
    if isinstance(exc, FormValidationError):
        if form is not None:
            return list(form_errors(form, positions or {}, list(root)))
        return _form_errors(exc, positions or {}, root)
    if isinstance(exc, DjangoValidationError):
        return _django_errors(exc, root)
    if isinstance(exc, Unauthenticated):
        return [gql.PermissionDeniedError(message=str(exc), code=gql.ErrorCode.UNAUTHENTICATED)]
    if isinstance(exc, ApproverCannotPublish):
        return [
            gql.PermissionDeniedError(message=str(exc), code=gql.ErrorCode.APPROVER_CANNOT_PUBLISH)
        ]
    if isinstance(exc, PermissionDenied):
        message = str(exc) or "You do not have permission to do this."
        return [gql.PermissionDeniedError(message=message, code=gql.ErrorCode.PERMISSION_DENIED)]
    if isinstance(exc, InvalidInputs):
        found = [error for inner in exc.errors for error in translate(inner)]
        if form is not None and form.is_bound and form.errors is not None:
            found += list(form_errors(form, positions or {}, list(root)))
        return found
    if isinstance(exc, InvalidInput):
        return [
            gql.ValidationError(
                message=str(exc),
                code=gql.ErrorCode.VALIDATION_FAILED,
                path=exc.path,
                validation_code=exc.code,
            )
        ]
    if isinstance(exc, Locked):
        return [
            gql.LockedError(
                message=str(exc),
                code=gql.ErrorCode.LOCKED,
                locked_by=exc.locked_by,
                locked_at=exc.locked_at,
            )
        ]
    if isinstance(exc, EditConflict):
        return [
            gql.EditConflictError(
                message=str(exc),
                code=gql.ErrorCode.EDIT_CONFLICT,
                path=["expectedRevisionId"],
                latest_revision=exc.latest_revision,
            )
        ]
    if isinstance(exc, NotFound):
        return [gql.NotFoundError(message=str(exc), code=gql.ErrorCode.NOT_FOUND, path=exc.path)]
    if isinstance(exc, NotSupported):
        return [
            gql.ValidationError(
                message=str(exc),
                code=gql.ErrorCode.NOT_SUPPORTED,
                path=exc.path,
                validation_code="not_supported",
            )
        ]
    if isinstance(exc, WorkflowStateFailure):
        return [
            gql.WorkflowStateError(
                message=str(exc),
                code=gql.ErrorCode(exc.code),
                path=exc.path,
                workflow_state=exc.state,
            )
        ]
    if isinstance(exc, TreeViolation):
        return [gql.TreeError(message=str(exc), code=gql.ErrorCode(exc.code), path=exc.path)]
    for wagtail_class, code, path in WAGTAIL_TREE_ERRORS:
        if isinstance(exc, wagtail_class):
            return [gql.TreeError(message=str(exc), code=code, path=list(path))]
    raise exc
