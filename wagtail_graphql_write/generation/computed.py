"""Output for read-only properties listed in ``api_fields`` (``FieldKind.PROPERTY``).

The registry has resolved the getter's return annotation; this maps it to a GraphQL
type the way Strawberry would for a typed resolver, but only for the plain scalars
strawberry-django uses for model columns, optionals of them and lists of them, so a
property annotated with a model or a dict is reported (W002) instead of exposing
something the API never meant to. Registered in the converter table under the
property classes, so a site can replace it with ``register_field(property, ...)``.
"""

from __future__ import annotations

import collections.abc
import datetime
import decimal
import types
import typing
import uuid
from typing import TYPE_CHECKING, Any

from wagtail_graphql_write.generation.fields import OutputSpec, Unsupported, attribute_resolver
from wagtail_graphql_write.registry import ExposedField
from wagtail_graphql_write.registry.properties import PROPERTY_TYPES

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator

_SCALARS = (
    bool,
    int,
    float,
    str,
    decimal.Decimal,
    datetime.datetime,
    datetime.date,
    datetime.time,
    uuid.UUID,
)


def graphql_annotation(annotation: Any) -> Any:
    """The Strawberry annotation for a property's return annotation, or ``Unsupported``."""
    if annotation in _SCALARS:
        return annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return graphql_annotation(rest[0]) | None
    if origin is not None and _is_list(origin) and len(args) in (1, 2):
        if len(args) == 2 and args[1] is not Ellipsis:
            raise Unsupported(f"its return annotation {annotation!r} is a fixed-size tuple")
        return list[graphql_annotation(args[0])]  # type: ignore[misc]
    raise Unsupported(f"its return annotation {annotation!r} has no GraphQL type")


def _is_list(origin: Any) -> bool:
    return origin in (list, tuple, collections.abc.Sequence, collections.abc.Iterable)


def property_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    return OutputSpec(graphql_annotation(field.annotation), attribute_resolver(field.name))


def property_input(gen: TypeGenerator, field: ExposedField) -> Any:
    raise Unsupported("a property is read-only")


def register_property_converters(gen: TypeGenerator) -> None:
    for property_class in PROPERTY_TYPES:
        gen.register_field(property_class, output=property_output, input=property_input)
