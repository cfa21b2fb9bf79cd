"""Parse and validate a document once, not on every request that sends it.

Front ends send the same few documents over and over. Parsing and validating one
(GraphQL's rules, Strawberry's, and the depth, alias and mutation limits) cost more
than resolving a small query. ``DocumentCache`` keeps, per schema and bounded, each
query text's parsed document and whether it passed the rules that depend on the
document alone.

The rules that also read the request (``limits.request``: the variables a query's cost
depends on, whether an operation was named) are run on every request. When one of
them reports an error, the whole validation runs again without the cache, so the
client gets exactly the errors, in the order, that an uncached validation gives.
Documents that fail validation are not remembered: errors are never shared between
requests.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

#: Documents remembered per schema; the least recently used is forgotten first.
DOCUMENT_CACHE_SIZE = 256


class DocumentCache:
    """Query text -> parsed document, and the (text, rules) pairs whose document passed
    the rules that read the document alone. Bounded and thread-safe; one per schema."""

    def __init__(self, maxsize: int = DOCUMENT_CACHE_SIZE) -> None:
        self.maxsize = maxsize
        self._documents: OrderedDict[Any, DocumentNode] = OrderedDict()
        self._valid: OrderedDict[Any, None] = OrderedDict()
        self._lock = threading.Lock()

    def document(self, query: str, options: Mapping[str, Any]) -> DocumentNode:
        """The parsed document (``GraphQLError`` for a syntax error, never remembered)."""
        key = (query, tuple(sorted(options.items())))
        with self._lock:
            found = self._documents.get(key)
            if found is not None:
                self._documents.move_to_end(key)
                return found
        document = parse(query, **options)
        self._remember(self._documents, key, document)
        return document

    def is_valid(self, key: Any) -> bool:
        with self._lock:
            return key in self._valid

    def mark_valid(self, key: Any) -> None:
        self._remember(self._valid, key, None)

    def _remember(self, entries: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        with self._lock:
            entries[key] = value
            entries.move_to_end(key)
            while len(entries) > self.maxsize:
                entries.popitem(last=False)


class CachedDocuments(SchemaExtension):
    """Parses and validates through a schema's ``DocumentCache``.

    Must come after the extensions that add validation rules (they add them before
    validation starts), so that it sees the request's full rule list.
    """

    def __init__(self, cache: DocumentCache, request_rules: Sequence[type[ASTValidationRule]]):
        self.cache = cache
        self.request_rules = tuple(request_rules)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is None:
            # A syntax error: Strawberry parses it again and reports it as usual.
            with contextlib.suppress(GraphQLError):
                context.graphql_document = self.cache.document(context.query, context.parse_options)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if context.pre_execution_errors is None and document is not None and context.query:
            context.pre_execution_errors = self._validate(context, document)
        yield

    def _validate(self, context: Any, document: DocumentNode) -> list[GraphQLError]:
        schema = context.schema._schema
        rules = tuple(context.validation_rules)
        static = tuple(rule for rule in rules if rule not in self.request_rules)
        errors = validate(schema, document, [r for r in rules if r in self.request_rules])
        if errors:
            return validate_document(schema, document, rules)
        key = (context.query, static)
        if self.cache.is_valid(key):
            return []
        errors = validate_document(schema, document, static)
        if not errors:
            self.cache.mark_valid(key)
        return errors
