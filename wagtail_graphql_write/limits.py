"""Request safety limits as Strawberry extensions, configured from settings.

Depth, aliases, tokens and mutations per request are validated before execution, so
an abusive document is refused without touching the database. Introspection can be
switched off for production.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, OperationType
from graphql.validation import ValidationContext, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from wagtail_graphql_write.conf import get_settings


def max_mutations_rule(limit: int) -> type[ValidationRule]:
    """A validation rule refusing operations with more than ``limit`` mutation fields."""

    class MaxMutations(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            if node.operation is not OperationType.MUTATION:
                return
            count = len(node.selection_set.selections)
            if count > limit:
                self.report_error(
                    GraphQLError(
                        f"This request runs {count} mutations; at most {limit} are allowed.",
                        node,
                    )
                )

    return MaxMutations


def schema_extensions() -> list[SchemaExtension | type[SchemaExtension]]:
    """The extensions for a schema built now, from the current settings."""
    conf = get_settings()
    extensions: list[SchemaExtension | type[SchemaExtension]] = [
        QueryDepthLimiter(max_depth=conf["MAX_DEPTH"]),
        MaxAliasesLimiter(max_alias_count=conf["MAX_ALIASES"]),
        MaxTokensLimiter(max_token_count=conf["MAX_TOKENS"]),
        AddValidationRules([max_mutations_rule(conf["MAX_MUTATIONS"])]),
    ]
    if not conf["INTROSPECTION"]:
        extensions.append(DisableIntrospection())
    return extensions
