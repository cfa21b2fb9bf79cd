"""THE mapping from exceptions to typed ``MutationError`` objects: one table.

``TRANSLATORS`` maps an exception class to a small function making its errors, and
``translate`` looks an exception up along its class hierarchy (``type(exc).__mro__``),
the same idiom as the converter tables of ``generation``: the most specific entry
wins, so the table's order does not matter and a subclass of a Wagtail permission
error is covered by ``PermissionDenied``. Anything the table does not know is
re-raised, so bugs surface as top-level GraphQL errors instead of being swallowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
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
from wagtail_graphql_write.writes.errors import failures
from wagtail_graphql_write.writes.errors.form_errors import (
    NON_FIELD,
    form_errors,
    validation_error,
)
from wagtail_graphql_write.writes.errors.ordering import in_input_order


@dataclass(frozen=True)
class Situation:
    """What translation needs to know about the mutation that failed.

    ``form`` is the bound admin form (its errors keep their StreamField paths),
    ``positions`` maps a formset's form index to the item's position in the input,
    ``payload`` is the input as sent (for input order), found at ``root``.
    """

    form: Any = None
    positions: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    payload: Any = None
    root: tuple[str, ...] = ("input",)


Translator = Callable[[Any, Situation], list[gql.MutationError]]


def _each(error: DjangoValidationError) -> Iterator[tuple[str, DjangoValidationError]]:
    """``(field name or "", error)`` for every single error inside ``error``."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for single in errors:
                yield ("" if name == NON_FIELD else name), single
    else:
        for single in error.error_list:
            yield "", single


def _django(exc: DjangoValidationError, situation: Situation) -> list[gql.MutationError]:
    """A model's ``full_clean`` error: field names become input paths."""
    return [
        validation_error(
            " ".join(single.messages),
            [*situation.root, field_name(name)] if name else situation.root,
            single.code,
        )
        for name, single in _each(exc)
    ]


def _at_argument(exc: failures.ValidationAt, situation: Situation) -> list[gql.MutationError]:
    """An action's model validation error, reported at the argument that chose it."""
    return [
        validation_error(
            f"{name}: {' '.join(single.messages)}" if name else " ".join(single.messages),
            exc.path,
            single.code,
        )
        for name, single in _each(exc.error)
    ]


def _located_form_errors(form: Any, situation: Situation) -> list[gql.MutationError]:
    return list(form_errors(form, situation.positions, list(situation.root)))


def _form_failure(exc: FormValidationError, situation: Situation) -> list[gql.MutationError]:
    """An action refused the bound form; its errors are read from the form itself."""
    if situation.form is None:  # a form the mutation did not bind: field names only
        return [
            validation_error(message, [*situation.root, *(field_name(str(p)) for p in loc)], code)
            for loc, coded in exc.loc_errors
            for message, code in coded
        ]
    errors = _located_form_errors(situation.form, situation)
    return in_input_order(errors, situation.payload, situation.root)


def _input_errors(exc: failures.InputErrors, situation: Situation) -> list[gql.MutationError]:
    """Values rejected while binding, then the form's errors except at those same paths
    (an emptied chooser is not "required" as well as "not found"), and except "required"
    for a derived field that was not sent."""
    found: list[gql.MutationError] = [
        validation_error(str(problem), problem.path, problem.code) for problem in exc.problems
    ]
    taken = {tuple(error.path or ()) for error in found}
    if exc.form is not None:  # validated before InputErrors was raised: errors are cached
        for error in _located_form_errors(exc.form, situation):
            path = tuple(error.path or ())
            code = getattr(error, "validation_code", None)
            derived = path in exc.derived and code == "required"
            if path not in taken and not derived:
                found.append(error)
    return in_input_order(found, situation.payload, situation.root)


def _coded(error_type: type[Any]) -> Translator:
    """A ``CodedFailure`` as ``error_type`` with the failure's own code and path."""
    return lambda exc, _situation: [
        error_type(message=str(exc), code=gql.ErrorCode(exc.code), path=exc.path)
    ]


def _tree(code: gql.ErrorCode, path: list[str]) -> Translator:
    """One of Wagtail's own exceptions that means "the tree does not allow it"."""
    return lambda exc, _situation: [gql.TreeError(message=str(exc), code=code, path=list(path))]


def _permission(code: gql.ErrorCode) -> Translator:
    def translator(exc: Exception, _situation: Situation) -> list[gql.MutationError]:
        message = str(exc) or "You do not have permission to do this."
        return [gql.PermissionDeniedError(message=message, code=code)]

    return translator


TRANSLATORS: dict[type[BaseException], Translator] = {
    FormValidationError: _form_failure,
    DjangoValidationError: _django,
    failures.ValidationAt: _at_argument,
    failures.InputErrors: _input_errors,
    failures.InvalidInput: lambda exc, _s: [validation_error(str(exc), exc.path, exc.code)],
    failures.NotSupported: lambda exc, _s: [validation_error(str(exc), exc.path, "not_supported")],
    PermissionDenied: _permission(gql.ErrorCode.PERMISSION_DENIED),
    failures.Unauthenticated: _permission(gql.ErrorCode.UNAUTHENTICATED),
    failures.ApproverCannotPublish: _permission(gql.ErrorCode.APPROVER_CANNOT_PUBLISH),
    failures.NotFound: lambda exc, _s: [
        gql.NotFoundError(message=str(exc), code=gql.ErrorCode.NOT_FOUND, path=exc.path)
    ],
    failures.Locked: lambda exc, _s: [
        gql.LockedError(
            message=str(exc),
            code=gql.ErrorCode.LOCKED,
            locked_by=exc.locked_by,
            locked_at=exc.locked_at,
        )
    ],
    failures.EditConflict: lambda exc, _s: [
        gql.EditConflictError(
            message=str(exc),
            code=gql.ErrorCode.EDIT_CONFLICT,
            path=["expectedRevisionId"],
            latest_revision=exc.latest_revision,
        )
    ],
    failures.WorkflowStateFailure: lambda exc, _s: [
        gql.WorkflowStateError(
            message=str(exc),
            code=gql.ErrorCode(exc.code),
            path=exc.path,
            workflow_state=exc.state,
        )
    ],
    failures.TreeViolation: _coded(gql.TreeError),
    failures.StateViolation: _coded(gql.StateError),
    CopyPageIntegrityError: _tree(gql.ErrorCode.COPY_INTO_DESCENDANT, ["destination"]),
    CreatePageAliasIntegrityError: _tree(gql.ErrorCode.COPY_INTO_DESCENDANT, ["destination"]),
    ConvertAliasPageError: _tree(gql.ErrorCode.NOT_AN_ALIAS, ["id"]),
    ParentNotTranslatedError: _tree(gql.ErrorCode.PARENT_NOT_TRANSLATED, ["id"]),
    RevertToPageRevisionError: _tree(gql.ErrorCode.NOT_REVISABLE, ["id"]),
}


def translator_for(exc_class: type[BaseException]) -> Translator | None:
    """The table's entry for ``exc_class`` or its nearest ancestor in the table."""
    for cls in exc_class.__mro__:
        if cls in TRANSLATORS:
            return TRANSLATORS[cls]
    return None


def translate(exc: BaseException, situation: Situation | None = None) -> list[Any]:
    """The typed errors for ``exc``; an exception the table does not know is re-raised."""
    translator = translator_for(type(exc))
    if translator is None:
        raise exc
    return translator(exc, situation or Situation())
