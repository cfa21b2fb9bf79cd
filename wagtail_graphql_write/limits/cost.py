"""Static query cost: refuse a document whose worst case is too expensive, before it runs.

Depth and token limits bound the *shape* of a document, not its work: a 400-character
query asking ``revisions -> content -> revisions`` stays under the depth limit yet makes
thousands of revision contents. Each operation's cost is computed from the document
alone, during validation, so that nothing has been read from the database when it is
refused:

* every field costs 1, except the ones that do real work: a revision's ``content``
  (the stored JSON rebuilt into an object), rich text rendered with ``format`` (links
  resolved), a StreamField (blocks decoded, choosers fetched);
* a paged field (one with a ``limit`` argument) multiplies the cost of its selection by
  the page size it will really use: ``limit`` clamped to ``MAX_LIMIT`` as the resolvers
  clamp it, ``DEFAULT_LIMIT`` when not given;
* another list of objects (InlinePanel rows, many-to-many, blocks) multiplies by
  ``UNPAGED_LIST_SIZE``, an estimate since nothing in the document bounds it;
* fragments are counted where they are spread; on an interface or union, the costliest
  possible type is counted (one object has one type);
* introspection fields are free: they read the schema in memory.

The rule class is built once per schema. Variables are not part of graphql-core's
``ValidationContext``; ``RequestFactsExtension`` hands the request's variables to the
rule through a context variable, and without them a ``limit: $variable`` counts as
``MAX_LIMIT``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_composite_type,
)
from graphql.validation import ValidationContext, ValidationRule

from wagtail_graphql_write.limits.request import MAX_EXPANDED_FIELDS, current_request_facts

#: Rebuilding a revision's stored content into an object (JSON decoding, relations).
REVISION_CONTENT_COST = 50
#: Rendering rich text with ``format`` (link and embed resolution).
RICH_TEXT_COST = 3
#: Reading a StreamField: blocks decoded, chooser values fetched.
STREAM_COST = 5
#: Items assumed in a list the document cannot bound (InlinePanel rows, blocks ...).
UNPAGED_LIST_SIZE = 10


@dataclass(frozen=True)
class Limits:
    max_cost: int
    default_limit: int
    max_limit: int


@dataclass(frozen=True)
class FieldCost:
    """One schema field's own cost and how it multiplies its selection."""

    cost: int
    paged: bool = False
    unpaged_list: bool = False


def _implements(type_: GraphQLNamedType, interface: str) -> bool:
    if type_.name == interface:
        return True
    interfaces = getattr(type_, "interfaces", ())
    return any(_implements(i, interface) for i in interfaces)


def field_cost(parent: GraphQLNamedType, name: str, definition: GraphQLField) -> FieldCost:
    """The cost of one schema field, from its shape (see the module docstring)."""
    returns = get_named_type(definition.type)
    cost = 1
    if name == "content" and _implements(parent, "Revision"):
        cost = REVISION_CONTENT_COST
    elif any(get_named_type(a.type).name == "RichTextFormat" for a in definition.args.values()):
        cost = RICH_TEXT_COST
    elif _implements(returns, "StreamBlock"):
        cost = STREAM_COST
    paged = "limit" in definition.args
    is_list = isinstance(get_nullable_type(definition.type), GraphQLList)
    return FieldCost(cost, paged, unpaged_list=is_list and not paged and is_composite_type(returns))


@dataclass
class _Walk:
    """One operation's cost; field costs are cached per schema in ``costs``."""

    context: ValidationContext
    limits: Limits
    costs: dict[tuple[str, str], FieldCost]
    variables: dict[str, Any] | None
    defaults: Mapping[str, ValueNode | None]
    visits: int = 0
    fragments: tuple[str, ...] = field(default_factory=tuple)

    def selection(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, page: int | None = None
    ) -> int:
        """The cost of ``selection_set`` on ``parent``; ``page`` is the page size when
        ``parent`` is a paged field's result, whose lists (``items``) are that page."""
        groups: dict[str, int] = {}
        for condition, node in self._fields(selection_set, parent, ()):
            cost = self.field(condition, node, page)
            groups[condition.name] = groups.get(condition.name, 0) + cost
        if not is_abstract_type(parent):
            return sum(groups.values())
        possible = self.context.schema.get_possible_types(parent)
        return max(
            (sum(c for name, c in groups.items() if self._applies(name, obj)) for obj in possible),
            default=sum(groups.values()),
        )

    def _applies(self, condition: str, obj: GraphQLObjectType) -> bool:
        type_ = self.context.schema.get_type(condition)
        if type_ is None or type_ is obj:
            return type_ is obj
        return is_abstract_type(type_) and self.context.schema.is_sub_type(type_, obj)

    def _fields(
        self, selection_set: SelectionSetNode, condition: GraphQLNamedType, seen: tuple[str, ...]
    ) -> Iterator[tuple[GraphQLNamedType, FieldNode]]:
        """Every field of a selection set with the type it is selected on, through
        fragments (``seen`` guards against fragment cycles, reported by another rule)."""
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                yield condition, node
            elif isinstance(node, InlineFragmentNode):
                inner = condition
                if node.type_condition is not None:
                    inner = self.context.schema.get_type(node.type_condition.name.value) or inner
                yield from self._fields(node.selection_set, inner, seen)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                fragment = self.context.get_fragment(node.name.value)
                if fragment is not None:
                    inner = (
                        self.context.schema.get_type(fragment.type_condition.name.value)
                        or condition
                    )
                    yield from self._fields(fragment.selection_set, inner, (*seen, node.name.value))

    def field(self, parent: GraphQLNamedType, node: FieldNode, page: int | None) -> int:
        name = node.name.value
        definition = getattr(parent, "fields", {}).get(name)
        if name.startswith("__") or definition is None:
            return 0  # introspection, or an unknown field another rule reports
        self.visits += 1
        if self.visits > MAX_EXPANDED_FIELDS:
            raise _TooComplexError
        key = (parent.name, name)
        if key not in self.costs:
            self.costs[key] = field_cost(parent, name, definition)
        cost = self.costs[key]
        if node.selection_set is None:
            return cost.cost
        returns = get_named_type(definition.type)
        if cost.paged:
            return cost.cost + self.selection(node.selection_set, returns, self._page_size(node))
        multiplier = (page if page is not None else UNPAGED_LIST_SIZE) if cost.unpaged_list else 1
        if multiplier == 0:
            return cost.cost
        return cost.cost + multiplier * self.selection(node.selection_set, returns)

    def _page_size(self, node: FieldNode) -> int:
        """The page size a paged field will use, clamped as its resolver clamps it."""
        limit = self._limit(node)
        size = self.limits.default_limit if limit is None else limit
        return min(max(size, 0), self.limits.max_limit)

    def _limit(self, node: FieldNode) -> int | None:
        """The ``limit`` argument's value: a literal, a variable's value (or its default),
        or ``MAX_LIMIT`` for a variable whose value is unknown or not an integer."""
        value = next((a.value for a in node.arguments or () if a.name.value == "limit"), None)
        if isinstance(value, VariableNode):
            name = value.name.value
            if self.variables is None:
                return self.limits.max_limit
            if name in self.variables:
                sent = self.variables[name]
                if sent is None:
                    return None
                return sent if type(sent) is int else self.limits.max_limit
            value = self.defaults.get(name)
        if value is None or isinstance(value, NullValueNode):
            return None
        if isinstance(value, IntValueNode):
            return int(value.value)
        return self.limits.max_limit


class _TooComplexError(Exception):
    pass


def operation_cost(
    context: ValidationContext,
    operation: OperationDefinitionNode,
    limits: Limits,
    costs: dict[tuple[str, str], FieldCost],
    variables: dict[str, Any] | None,
) -> int | None:
    """The operation's cost, or None if it is too large to even compute."""
    root = context.schema.get_root_type(operation.operation)
    if root is None:
        return 0
    defaults = {
        d.variable.name.value: d.default_value for d in operation.variable_definitions or ()
    }
    walk = _Walk(context, limits, costs, variables, defaults)
    try:
        return walk.selection(operation.selection_set, root)
    except _TooComplexError:
        return None


def max_cost_rule(limits: Limits) -> type[ValidationRule]:
    """A validation rule refusing every operation that costs more than ``limits.max_cost``.

    Built once per schema; field costs are cached in it as they are first needed.
    """
    costs: dict[tuple[str, str], FieldCost] = {}

    class MaxQueryCost(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            facts = current_request_facts()
            variables = facts.variables if facts is not None else None
            cost = operation_cost(self.context, node, limits, costs, variables)
            if cost is not None and cost <= limits.max_cost:
                return
            shown = f"{cost}" if cost is not None else "too much to count"
            self.report_error(
                GraphQLError(
                    f"This operation costs {shown}; at most {limits.max_cost} is allowed "
                    "(MAX_QUERY_COST). Ask for fewer items (`limit`) or fewer nested lists "
                    "and revision contents.",
                    node,
                    extensions={
                        "code": "QUERY_TOO_COSTLY",
                        "cost": cost,
                        "maxCost": limits.max_cost,
                    },
                )
            )

    return MaxQueryCost


__all__ = ["FieldCost", "Limits", "field_cost", "max_cost_rule", "operation_cost"]
