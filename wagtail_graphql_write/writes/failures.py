"""Exceptions resolvers raise for failures Wagtail itself has no exception for.

``translate`` turns each into its typed GraphQL error; they carry the argument path
so that the error can point at what the client sent.
"""

from __future__ import annotations

from collections.abc import Sequence

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


class TreeViolation(Exception):
    """The page tree forbids the operation (page type rules and the like)."""

    def __init__(self, message: str, code: str, path: Sequence[str]) -> None:
        super().__init__(message)
        self.code = code
        self.path = list(path)
