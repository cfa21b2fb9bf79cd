"""Rules about the request's document that graphql-core's validation rules cannot
express, because they need the request's ``operationName``.

A document with several operations and no ``operationName`` is ambiguous: Strawberry
would run the first one, which may be a mutation the client did not mean to send. The
GraphQL spec (``GetOperation``) makes it a request error; so do we, before validation.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension


class RequireOperationName(SchemaExtension):
    """Refuse a document with several operations when ``operationName`` is missing."""

    def on_parse(self) -> Iterator[None]:
        yield
        context = self.execution_context
        document = context.graphql_document
        # ``operation_name`` falls back to the first operation's name; what the client
        # sent is kept in ``_provided_operation_name`` (Strawberry has no public name
        # for it; tests/http/test_transport.py fails if that changes).
        if document is None or getattr(context, "_provided_operation_name", None) is not None:
            return
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if len(operations) > 1:
            raise GraphQLError(
                "This document has several operations: send operationName to say which to run.",
                operations,
            )
