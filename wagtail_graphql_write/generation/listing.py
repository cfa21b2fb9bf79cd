"""Types of the list arguments: sort keys (``PageOrder``, ``<Type>Order``), exact-match
filters (``PageFilter``, ``<Type>Filter``) and ``SearchOperator``.

Only a model's own plain columns are offered, each typed as the model's object type
reads it (``Date``, ``Boolean``, a choice enum ...): what REST v2 filters and orders by
(``?date=...``, ``?order=-date``), without its strings. Relations, rich text,
StreamFields, JSON and files are left out: ordering by them is meaningless or slow,
and filtering by a relation would tell which visible rows point at a hidden object.
A field a site maps with its own converter is left out too, since its GraphQL value
need not be the column's value.

Enums and inputs are built once per schema (``TypeGenerator.once``), like ``PageType``;
each comes with the table the resolvers need to turn a value back into a column.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import strawberry
from django.db import models
from django.db.models import Model

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.fields import Unsupported, scalar_input
from wagtail_graphql_write.registry import ExposedField, ExposedModel, FieldKind

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


@strawberry.enum(name="SearchOperator", description="How the words of a search combine.")
class SearchOperator(enum.Enum):
    AND = strawberry.enum_value("and", description="Every word must match.")
    OR = strawberry.enum_value("or", description="Any word may match; more matches rank higher.")


@dataclass(frozen=True)
class SortKey:
    """One value of an order enum: a column and a direction, or random order.

    ``model`` is set for a page type's own column: the list must be of that type.
    """

    column: str | None
    descending: bool = False
    model: type[Model] | None = None

    @property
    def random(self) -> bool:
        return self.column is None


@dataclass(frozen=True)
class FilterField:
    """One field of a ``<Type>Filter`` input: its Python name there and its column."""

    python_name: str
    column: str
    tags: bool = False


@dataclass(frozen=True)
class FilterInput:
    """A generated ``<Type>Filter`` input and the model its fields belong to."""

    input_type: type
    model: type[Model]
    fields: tuple[FilterField, ...]


@dataclass(frozen=True)
class PageFilterInput:
    """``PageFilter @oneOf``: one key per page type with filterable fields."""

    input_type: type
    by_key: dict[str, FilterInput]


#: Page columns every page list may be sorted by: (enum name, column, description).
PAGE_SORT_COLUMNS = (
    ("id", "id", "the page id"),
    ("title", "title", "the title"),
    ("slug", "slug", "the slug"),
    ("first_published_at", "first_published_at", "first publication (never published: last)"),
    ("last_published_at", "last_published_at", "last publication (never published: last)"),
    ("latest_revision_created_at", "latest_revision_created_at", "the latest revision's time"),
    ("tree", "path", "tree order, as the admin's explorer lists pages (the default)"),
)

RANDOM_DOC = "Random order; alone, without `offset` and without `search`."


def _columns(gen: TypeGenerator, exposed: ExposedModel) -> list[tuple[ExposedField, Any]]:
    """The readable plain columns of ``exposed`` with the type a filter takes.

    For a page type, only its own: Wagtail's page fields are list arguments of
    their own (``slug``, ``inMenu``) or sort keys of every page list.
    """
    from wagtail.models import Page

    found = []
    for field in exposed.readable_fields:
        model_field = field.model_field
        if field.kind is not FieldKind.SCALAR or gen.input_converter(field) is not scalar_input:
            continue
        if isinstance(model_field, models.JSONField | models.BinaryField):
            continue
        if model_field.primary_key:  # the id has its own sort key; filter it with `(id:)`
            continue
        if getattr(model_field, "model", None) is Page:
            continue
        try:
            found.append((field, scalar_input(gen, field)))
        except Unsupported:
            continue
    return found


def _tag_fields(exposed: ExposedModel) -> list[ExposedField]:
    from wagtail.models import Page

    return [
        f
        for f in exposed.readable_fields
        if f.kind is FieldKind.TAGS and getattr(f.model_field, "model", None) is not Page
    ]


def _described_enum(name: str, members: dict[str, tuple[Any, str]], description: str) -> Any:
    """A Strawberry enum built at run time whose values carry descriptions."""
    values = {
        member: strawberry.enum_value(value, description=doc)
        for member, (value, doc) in members.items()
    }
    python_enum: Any = enum.Enum(name, values)  # type: ignore[misc]
    return strawberry.enum(python_enum, name=name, description=description)


def _add_keys(
    members: dict[str, tuple[SortKey, str]],
    owner: str,
    key_name: Any,
    column: str,
    doc: str,
    model: type[Model] | None = None,
) -> None:
    for descending in (False, True):
        member = key_name(descending)
        if member in members:
            raise names.SchemaNameCollision(
                f"{owner}: sort key {member} is formed twice; set a `graphql_type_name` "
                "attribute on one of the models."
            )
        direction = "descending" if descending else "ascending"
        text = f"{doc[:1].upper()}{doc[1:]}, {direction}"
        if model is not None:
            text += f"; needs `type: [{names.type_enum_value(model)}]`"
        members[member] = (SortKey(column, descending, model), f"{text}.")


def page_order_enum(gen: TypeGenerator) -> Any:
    """``enum PageOrder``: Wagtail's page columns, then each page type's own columns."""

    def build() -> Any:
        members: dict[str, tuple[SortKey, str]] = {}
        owner = names.PAGE_ORDER_ENUM
        for name, column, doc in PAGE_SORT_COLUMNS:
            _add_keys(members, owner, lambda d, n=name: names.order_value(n, d), column, doc)
        members["RANDOM"] = (SortKey(None), RANDOM_DOC)
        for exposed in gen.registry.pages:
            model = exposed.model
            for field, _annotation in _columns(gen, exposed):

                def key_name(d: bool, f: ExposedField = field, m: Any = model) -> str:
                    return names.type_order_value(m, f.name, d)

                doc = f"{names.type_name(model)}.{names.field_name(field.name)}"
                _add_keys(members, owner, key_name, field.name, doc, model)
        gen.names.claim(owner, "the page sort keys", builtin=True)
        return _described_enum(owner, members, "A sort key of a page list.")

    return gen.once(names.PAGE_ORDER_ENUM, build)


def snippet_order_enum(gen: TypeGenerator, exposed: ExposedModel) -> Any:
    """``enum <Type>Order``: the id and the snippet's own columns, and ``RANDOM``."""
    name = names.order_enum_name(exposed.model)

    def build() -> Any:
        members: dict[str, tuple[SortKey, str]] = {}
        _add_keys(members, name, lambda d: names.order_value("id", d), "pk", "the id")
        for field, _annotation in _columns(gen, exposed):
            label = names.field_name(field.name)
            _add_keys(
                members, name, lambda d, f=field: names.order_value(f.name, d), field.name, label
            )
        members["RANDOM"] = (SortKey(None), RANDOM_DOC)
        gen.names.claim(name, f"sort keys of model {exposed.label}")
        return _described_enum(
            name, members, f"A sort key of a {names.type_name(exposed.model)} list."
        )

    return gen.once(name, build)


def filter_input(gen: TypeGenerator, exposed: ExposedModel) -> FilterInput | None:
    """``input <Type>Filter``: exact matches on the model's own columns and tags.

    ``None`` when the model has no such field (an input needs at least one).
    """
    name = names.filter_input_name(exposed.model)

    def build() -> FilterInput | None:
        namespace: dict[str, Any] = {"__annotations__": {}}
        fields: list[FilterField] = []
        for field, annotation in _columns(gen, exposed):
            _filter_field(namespace, field.name, annotation, _exact_doc(field))
            fields.append(FilterField(field.name, field.name))
        for field in _tag_fields(exposed):
            doc = "Only objects with every one of these tags."
            _filter_field(namespace, field.name, list[str], doc)
            fields.append(FilterField(field.name, field.name, tags=True))
        if not fields:
            return None
        gen.names.claim(name, f"filter input of model {exposed.label}")
        description = f"Exact matches on {names.type_name(exposed.model)} fields; all must hold."
        input_type = strawberry.input(type(name, (), namespace), name=name, description=description)
        return FilterInput(input_type, exposed.model, tuple(fields))

    return gen.once(name, build)


def _exact_doc(field: ExposedField) -> str:
    nullable = getattr(field.model_field, "null", False)
    suffix = " (null: those without one)" if nullable else ""
    return f"Only those whose {names.field_name(field.name)} is this value{suffix}."


def _filter_field(namespace: dict[str, Any], python_name: str, annotation: Any, doc: str) -> None:
    namespace["__annotations__"][python_name] = annotation | None
    namespace[python_name] = strawberry.field(
        default=strawberry.UNSET, name=names.field_name(python_name), description=doc
    )


def page_filter_input(gen: TypeGenerator) -> PageFilterInput | None:
    """``input PageFilter @oneOf``: one key per page type that has filterable fields."""

    def build() -> PageFilterInput | None:
        namespace: dict[str, Any] = {"__annotations__": {}}
        by_key: dict[str, FilterInput] = {}
        for exposed in gen.registry.pages:
            found = filter_input(gen, exposed)
            if found is None:
                continue
            key = names.lower_first(names.type_name(exposed.model))
            by_key[key] = found
            doc = f"Filters on {names.type_name(exposed.model)} fields; needs `type` to name it."
            namespace["__annotations__"][key] = found.input_type | None
            namespace[key] = strawberry.field(default=strawberry.UNSET, name=key, description=doc)
        if not by_key:
            return None
        name = gen.names.claim(names.PAGE_FILTER_INPUT, "the page filter input", builtin=True)
        description = "Exact matches on one page type's own fields (give one key)."
        input_type = strawberry.input(
            type(name, (), namespace), name=name, description=description, one_of=True
        )
        return PageFilterInput(input_type, by_key)

    return gen.once(names.PAGE_FILTER_INPUT, build)
