"""Exceptions resolvers raise for failures Wagtail itself has no exception for.

``translate`` turns each into its typed GraphQL error; they carry the argument path
so that the error can point at what the client sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied


class NotFound(Exception):
    """An object named by an argument does not exist (or is not visible)."""

    def __init__(self, message: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.path = list(path)


class Unauthenticated(PermissionDenied):
    """A write without credentials."""

    def __init__(self) -> None:
        super().__init__("Authentication is required: send an API token or a session cookie.")


class InvalidInput(Exception):
    """An input value rejected before the admin form sees it, at a known input path.

    Used where the form would not object in time: a draft defers required checks, so
    a chooser id that matches nothing would silently become empty.
    """

    def __init__(self, message: str, code: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)


class InvalidInputs(Exception):
    """Several ``InvalidInput``s found while binding; the form's errors are added too."""

    def __init__(self, errors: list[InvalidInput]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class NotSupported(Exception):
    """The object's type cannot do this (a snippet action its model has no mixin for)."""

    def __init__(self, message: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.path = list(path)


class TreeViolation(Exception):
    """The page tree forbids the operation (page type rules and the like)."""

    def __init__(self, message: str, code: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)


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


class WorkflowStateFailure(Exception):
    """The object's workflow does not allow the step (see ``WorkflowStateError`` codes)."""

    def __init__(
        self, message: str, code: str, path: Sequence[str] = ("target",), state: Any = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)
        self.state = state


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
