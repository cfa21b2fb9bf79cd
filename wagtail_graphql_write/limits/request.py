"""What validation cannot see in a document, and the rules that need it.

graphql-core's ``ValidationContext`` has the document and the schema, not the request:
``RequestFactsExtension`` hands a rule the request's variables and whether the client
named the operation to run (through a context variable, set only while validating),
and measures the document's fragment expansion before any rule walks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from graphql.validation import ValidationRule
from strawberry.extensions import SchemaExtension

#: Fields a document may have once its fragments are expanded: past that, it is refused
#: before any rule walks it (a short document can spread fragments exponentially).
MAX_EXPANDED_FIELDS = 20_000


@dataclass(frozen=True)
class RequestFacts:
    """What validation cannot see in the document: the request's variables, and whether
    the client named the operation to run."""

    variables: dict[str, Any]
    operation_name_given: bool


_REQUEST: ContextVar[RequestFacts | None] = ContextVar(
    "wagtail_graphql_write_request", default=None
)


def current_request_facts() -> RequestFacts | None:
    """The facts of the request being validated, or None outside a request."""
    return _REQUEST.get()


class RequestFactsExtension(SchemaExtension):
    """Adds ``rules`` to validation and lets them see the request's facts meanwhile."""

    def __init__(self, rules: list[type[ValidationRule]]) -> None:
        self.rules = rules

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and expanded_size(document) > MAX_EXPANDED_FIELDS:
            # Refused before any rule runs: Strawberry's depth and alias limiters walk
            # every expansion of every fragment, which takes minutes for such documents.
            context.pre_execution_errors = [_too_large(document)]
        context.validation_rules = (*context.validation_rules, *self.rules)
        # Strawberry keeps the client's operationName only here: its public
        # ``operation_name`` falls back to the first operation's name.
        given = getattr(context, "_provided_operation_name", None) is not None
        token = _REQUEST.set(RequestFacts(dict(context.variables or {}), given))
        try:
            yield
        finally:
            _REQUEST.reset(token)


def expanded_size(document: DocumentNode) -> int:
    """How many fields ``document`` has once every fragment spread is expanded.

    Computed in linear time (each fragment's size once), so that a short document
    whose fragments spread each other twice, twenty levels deep, is measured before
    anything walks its expansion. Fragment cycles count 0 (another rule reports them).
    """
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    sizes: dict[str, int] = {}

    def size(selection_set: SelectionSetNode | None, stack: frozenset[str]) -> int:
        total = 0
        for node in selection_set.selections if selection_set is not None else ():
            if isinstance(node, FieldNode):
                total += 1 + size(node.selection_set, stack)
            elif isinstance(node, InlineFragmentNode):
                total += size(node.selection_set, stack)
            elif isinstance(node, FragmentSpreadNode):
                name = node.name.value
                if name not in sizes and name in fragments and name not in stack:
                    sizes[name] = size(fragments[name].selection_set, stack | {name})
                total += sizes.get(name, 0)
        return total

    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    try:
        return sum(size(o.selection_set, frozenset()) for o in operations)
    except RecursionError:
        return MAX_EXPANDED_FIELDS + 1


def _too_large(document: DocumentNode) -> GraphQLError:
    return GraphQLError(
        f"This document has more than {MAX_EXPANDED_FIELDS} fields once its fragments are "
        "expanded; at most that many can be analysed.",
        [d for d in document.definitions if isinstance(d, OperationDefinitionNode)][:1],
        extensions={"code": "QUERY_TOO_COSTLY"},
    )


class OperationNameRequired(ValidationRule):
    """A document with several operations runs only the one the client names.

    Strawberry falls back to the first operation when ``operationName`` is missing,
    so that ``mutation A {...} query B {...}`` sent without a name would run the
    mutation; the GraphQL spec makes that a request error.
    """

    def enter_document(self, node: Any, *_: Any) -> None:
        facts = current_request_facts()
        operations = [d for d in node.definitions if isinstance(d, OperationDefinitionNode)]
        if facts is None or facts.operation_name_given or len(operations) < 2:
            return
        self.report_error(
            GraphQLError(
                "This document has several operations: say which one to run with operationName.",
                operations,
            )
        )


__all__ = [
    "MAX_EXPANDED_FIELDS",
    "OperationNameRequired",
    "RequestFacts",
    "RequestFactsExtension",
    "current_request_facts",
    "expanded_size",
]
