"""Request safety limits as Strawberry extensions, configured from settings.

Depth, aliases, tokens, mutations per request and the query's cost (``limits/cost.py``) are
validated before execution, so an abusive document is refused without touching the
database; so is a document with several operations and no ``operationName``. Introspection can be
switched off for production.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from graphql.validation import ASTValidationRule, ValidationContext, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.limits.cost import Limits, max_cost_rule
from wagtail_graphql_write.limits.documents import CachedDocuments, DocumentCache
from wagtail_graphql_write.limits.request import OperationNameRequired, RequestFactsExtension


def count_root_fields(
    context: ValidationContext, selection_set: SelectionSetNode, seen: set[str]
) -> int:
    """Root fields of an operation, counting through inline and named fragments.

    ``mutation { ...M }`` runs every field of ``M``; counting only the top-level
    selections would let fragments bypass the limit.
    """
    count = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            count += 1
        elif isinstance(selection, InlineFragmentNode):
            count += count_root_fields(context, selection.selection_set, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            seen.add(selection.name.value)
            fragment = context.get_fragment(selection.name.value)
            if fragment is not None:
                count += count_root_fields(context, fragment.selection_set, seen)
    return count


def max_mutations_rule(limit: int) -> type[ValidationRule]:
    """A validation rule refusing operations with more than ``limit`` mutation fields."""

    class MaxMutations(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            if node.operation is not OperationType.MUTATION:
                return
            count = count_root_fields(self.context, node.selection_set, set())
            if count > limit:
                self.report_error(
                    GraphQLError(
                        f"This request runs {count} mutations; at most {limit} are allowed.",
                        node,
                    )
                )

    return MaxMutations


def schema_extensions() -> list[Callable[[], SchemaExtension]]:
    """Extension factories for a schema built now, from the current settings.

    Factories, not instances: Strawberry builds fresh extensions for every request.
    The validation rules are built here, once per schema, so that every request
    validates with the same rule classes and ``CachedDocuments`` can remember which
    documents passed them (``limits.documents``).
    """
    conf = get_settings()
    static_rules: list[type[ASTValidationRule]] = [
        *QueryDepthLimiter(max_depth=conf["MAX_DEPTH"]).validation_rules,
        *MaxAliasesLimiter(max_alias_count=conf["MAX_ALIASES"]).validation_rules,
        max_mutations_rule(conf["MAX_MUTATIONS"]),
    ]
    if not conf["INTROSPECTION"]:
        static_rules += DisableIntrospection().validation_rules
    request_rules: list[type[ValidationRule]] = [
        OperationNameRequired,
        max_cost_rule(Limits(conf["MAX_QUERY_COST"], conf["DEFAULT_LIMIT"], conf["MAX_LIMIT"])),
    ]
    documents = DocumentCache()
    return [
        lambda: MaxTokensLimiter(max_token_count=conf["MAX_TOKENS"]),
        lambda: AddValidationRules(static_rules),
        lambda: RequestFactsExtension(request_rules),
        lambda: CachedDocuments(documents, request_rules),
    ]
