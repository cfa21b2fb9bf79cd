"""What a client sees of an error, and what the server logs of it.

Two kinds of top-level errors reach ``Schema.process_errors``:

- **client mistakes**: a syntax error, a field that does not exist, a variable of the
  wrong type, a limit exceeded, an error a resolver raises on purpose (a
  ``GraphQLError``). The client needs the message; the server needs no traceback, so
  they are logged without one on ``wagtail_graphql_write.requests`` at INFO, a level a
  production site turns off;
- **unexpected exceptions**: a bug, or a database that went away. Their text can hold
  SQL, paths or data, so the client gets ``"Internal server error."`` with an
  ``errorId``, and the server logs the exception once, with its traceback and that
  id, on ``wagtail_graphql_write`` at ERROR.

Strawberry calls ``process_errors`` for every error on every path (parsing,
validation, execution, and an exception raised outside the operation hooks, which
its ``MaskErrors`` extension never sees), before the response is formatted, so
masking here covers all of them in one place.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import strawberry
from django.conf import settings
from graphql import GraphQLError

logger = logging.getLogger("wagtail_graphql_write")
request_logger = logging.getLogger("wagtail_graphql_write.requests")

INTERNAL_ERROR = "Internal server error."


def is_unexpected(error: GraphQLError) -> bool:
    """An exception nobody raised for the client: not a ``GraphQLError``, and not a
    variable's value rejected by its scalar (those carry the variable's node and the
    scalar's own message, which is for the client)."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return error.path is not None or not error.nodes


def mask(error: GraphQLError) -> str:
    """Replace ``error``'s message with a generic one and an id; return the id.

    Errors are changed in place because ``process_errors`` cannot return new ones.
    With ``DEBUG`` on, the exception's own text is added under ``extensions.debug``.
    """
    error_id = uuid.uuid4().hex
    original = error.original_error
    extensions: dict[str, Any] = {"code": "INTERNAL_SERVER_ERROR", "errorId": error_id}
    if settings.DEBUG:
        extensions["debug"] = f"{type(original).__name__}: {original}"
    error.message = INTERNAL_ERROR
    error.extensions = extensions
    return error_id


def report(errors: list[GraphQLError], operation_name: str | None) -> None:
    """Log each error as its kind asks (see the module docstring), masking the unexpected."""
    for error in errors:
        if is_unexpected(error):
            original = error.original_error
            assert original is not None
            path = ".".join(str(part) for part in error.path or ())
            error_id = mask(error)
            logger.error(
                "Unexpected error %s in GraphQL operation %s at %s",
                error_id,
                operation_name or "(anonymous)",
                path or "(request)",
                exc_info=(type(original), original, original.__traceback__),
            )
        else:
            request_logger.info(
                "GraphQL request error in operation %s: %s",
                operation_name or "(anonymous)",
                error.message,
            )


class Schema(strawberry.Schema):
    """Strawberry's schema with this package's error reporting (see the module docstring)."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        operation_name = getattr(execution_context, "operation_name", None)
        report(errors, operation_name)
