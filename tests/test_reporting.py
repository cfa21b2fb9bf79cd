"""Unexpected exceptions are masked for clients and logged once with a traceback and an
id; client mistakes are logged without a traceback at a level production turns off."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import strawberry
from django.test import override_settings

from wagtail_graphql_write import reporting
from wagtail_graphql_write.schema import build_schema


@strawberry.type
class Query:
    @strawberry.field
    def broken(self) -> int | None:
        raise ValueError("SELECT secret FROM auth_user")

    @strawberry.field
    def refused(self) -> int | None:
        from graphql import GraphQLError

        raise GraphQLError("You asked for something this field refuses.")

    @strawberry.field
    def number(self, value: int) -> int:
        return value


SCHEMA = reporting.Schema(query=Query)


def test_an_unexpected_exception_is_masked_with_an_error_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO):
        result = SCHEMA.execute_sync("{ broken }")
    assert result.errors is not None
    [error] = result.errors
    assert error.formatted["message"] == "Internal server error."
    assert "secret" not in str(error.formatted)
    error_id = error.formatted["extensions"]["errorId"]
    assert error.formatted["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    logged = [r for r in caplog.records if r.name == "wagtail_graphql_write"]
    assert len(logged) == 1
    assert logged[0].levelno == logging.ERROR
    assert error_id in logged[0].getMessage()
    assert logged[0].exc_info is not None and logged[0].exc_info[0] is ValueError
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]


@override_settings(DEBUG=True)
def test_with_debug_on_the_exception_text_is_added_under_extensions() -> None:
    result = SCHEMA.execute_sync("{ broken }")
    assert result.errors is not None
    extensions = result.errors[0].formatted["extensions"]
    assert extensions["debug"] == "ValueError: SELECT secret FROM auth_user"
    assert result.errors[0].formatted["message"] == "Internal server error."


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{ nothing }", "Cannot query field 'nothing' on type 'Query'."),
        ("{ refused }", "You asked for something this field refuses."),
        ("{ number(value: 1.5) }", "Int cannot represent non-integer value: 1.5"),
    ],
)
def test_a_client_mistake_keeps_its_message_and_is_logged_without_traceback(
    document: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        result = SCHEMA.execute_sync(document)
    assert result.errors is not None
    assert result.errors[0].message == message
    assert "extensions" not in result.errors[0].formatted
    [record] = [r for r in caplog.records if r.name.startswith(("wagtail_graphql", "strawberry"))]
    assert record.name == "wagtail_graphql_write.requests"
    assert record.levelno == logging.INFO
    assert record.exc_info is None
    assert message in record.getMessage()


def test_a_bad_variable_value_is_a_client_mistake() -> None:
    """A scalar rejecting a variable carries the scalar's own exception: not masked."""
    result = SCHEMA.execute_sync(
        "query ($v: Int!) { number(value: $v) }", variable_values={"v": "abc"}
    )
    assert result.errors is not None
    assert result.errors[0].message == (
        "Variable '$v' has invalid value: Int cannot represent non-integer value: 'abc'"
    )


def test_the_site_schema_reports_errors_this_way(db: Any) -> None:
    assert isinstance(build_schema().schema, reporting.Schema)
