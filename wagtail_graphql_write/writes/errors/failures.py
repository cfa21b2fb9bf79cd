"""Exceptions writes raise for failures Wagtail itself has no exception for.

``translate`` turns each into its typed GraphQL error. They carry the argument path
(``["id"]``, ``["input", "slug"]``) so that the error points at what the client sent;
none of them knows about GraphQL types.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError


class NotFound(Exception):
    """An object named by an argument does not exist, or the viewer may not see it."""

    def __init__(self, message: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.path = list(path)


class Unauthenticated(PermissionDenied):
    """A write without credentials."""

    def __init__(self) -> None:
        super().__init__("Authentication is required: send an API token or a session cookie.")


class InvalidInput(Exception):
    """An input value rejected before the admin form sees it, at a known input path.

    Used where the form would not object, or not in time: a chooser id that matches
    nothing (a draft defers required checks, so it would silently become empty), rich
    text that cannot be converted, a duplicate block id, a slug in use.
    """

    def __init__(self, message: str, code: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)


class InputErrors(Exception):
    """Everything wrong with one input: values rejected while binding, and the bound
    form (whose own errors are read from it), reported together.

    ``derived`` are the paths of fields the server fills in when they are not sent (a
    page's slug, from its title): when one could not be filled in, the form calls it
    "required", but the error to report is the one of the field it comes from.
    """

    def __init__(
        self,
        problems: Sequence[InvalidInput],
        form: Any = None,
        derived: Sequence[Sequence[str]] = (),
    ) -> None:
        super().__init__("; ".join(str(p) for p in problems) or "The input is not valid.")
        self.problems = list(problems)
        self.form = form
        self.derived = {tuple(path) for path in derived}


class ValidationAt(Exception):
    """A model validation error raised inside a Wagtail action, reported at an argument.

    Actions such as revert or move run ``full_clean``; their errors name model fields,
    not mutation arguments, so they point at the argument that chose the content.
    """

    def __init__(self, error: DjangoValidationError, path: Sequence[str]) -> None:
        super().__init__(" ".join(error.messages))
        self.error = error
        self.path = list(path)


@contextmanager
def validation_errors_at(path: Sequence[str]) -> Iterator[None]:
    """Re-raise a ``django.core.exceptions.ValidationError`` as ``ValidationAt(path)``."""
    try:
        yield
    except DjangoValidationError as exc:
        raise ValidationAt(exc, path) from exc


class NotSupported(Exception):
    """The object's type cannot do this (a snippet action its model has no mixin for)."""

    def __init__(self, message: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.path = list(path)


class CodedFailure(Exception):
    """A failure with a stable code (an ``ErrorCode`` value) and the argument it concerns."""

    def __init__(self, message: str, code: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)


class TreeViolation(CodedFailure):
    """The page tree forbids the operation (page type rules and the like)."""


class StateViolation(CodedFailure):
    """The object is not in a state that allows the operation (``not_live`` ...)."""


class WorkflowStateFailure(CodedFailure):
    """The object's workflow does not allow the step (see ``WorkflowStateError`` codes)."""

    def __init__(
        self, message: str, code: str, path: Sequence[str] = ("target",), state: Any = None
    ) -> None:
        super().__init__(message, code, path)
        self.state = state


class Locked(Exception):
    """The object is locked for this user; carries who holds the lock and since when."""

    def __init__(self, message: str, locked_by: Any = None, locked_at: Any = None) -> None:
        super().__init__(message)
        self.locked_by = locked_by
        self.locked_at = locked_at


class EditConflict(Exception):
    """The object's latest revision is not the one the client based its write on."""

    def __init__(self, latest_revision: Any) -> None:
        super().__init__(
            "The object was changed since the revision you sent as expectedRevisionId "
            f"(latest is {getattr(latest_revision, 'pk', None)}); nothing was saved."
        )
        self.latest_revision = latest_revision


class ApproverCannotPublish(PermissionDenied):
    """Approving the last task publishes, and the approver may not publish.

    Wagtail raises its publish permission error from inside the approval and rolls the
    approval back; this names the situation instead of a bare "permission denied".
    """

    def __init__(self, label: str) -> None:
        super().__init__(
            f"Approving this task is the workflow's last step, which publishes {label}, and "
            "you do not have permission to publish it. Nothing was changed: ask someone "
            "who may publish to approve, or change the workflow's tasks."
        )
