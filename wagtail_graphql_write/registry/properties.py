"""Read-only ``api_fields`` entries that are properties, not model fields.

REST API v2 serves any attribute listed in ``api_fields`` (``is_open``, a
``@property``); GraphQL needs a type for it, which only a return annotation gives
(``def is_open(self) -> bool``). An annotated property is exposed as a read-only
field; anything else is reported (``checks.py``) and left out.
"""

from __future__ import annotations

import functools
import inspect
import typing
from typing import Any

from django.db.models import Model
from django.utils.functional import cached_property

from wagtail_graphql_write.registry.models import ExposedField, FieldKind

PROPERTY_TYPES = (property, functools.cached_property, cached_property)


class NotAProperty(Exception):
    """The attribute cannot be exposed as a property field; the message says why."""


def _getter(descriptor: Any) -> Any:
    if isinstance(descriptor, property):
        return descriptor.fget
    return descriptor.func  # both cached_property classes keep the function as ``func``


def _what(attribute: Any) -> str:
    if attribute is None:
        return "not a model field, property or method of the model"
    if callable(attribute) or isinstance(attribute, functools.partialmethod):
        return "a method; only model fields and properties with a return annotation are mapped"
    return f"a {type(attribute).__name__} attribute, not a model field or property"


def return_annotation(model: type[Model], name: str) -> tuple[Any, Any]:
    """``(descriptor, annotation)`` of the property ``name``, or raise ``NotAProperty``."""
    try:
        descriptor = inspect.getattr_static(model, name)
    except AttributeError:
        descriptor = None
    if not isinstance(descriptor, PROPERTY_TYPES):
        raise NotAProperty(_what(descriptor))
    getter = _getter(descriptor)
    try:
        hints = typing.get_type_hints(getter)
    except Exception as error:  # a forward reference only a type checker can see
        raise NotAProperty(
            f"a property whose return annotation cannot be resolved ({error})"
        ) from None
    if "return" not in hints:
        raise NotAProperty("a property without a return annotation")
    return descriptor, hints["return"]


def property_field(model: type[Model], name: str) -> ExposedField:
    """The read-only field for the annotated property ``name`` of ``model``."""
    descriptor, annotation = return_annotation(model, name)
    doc = inspect.getdoc(_getter(descriptor)) or ""
    return ExposedField(
        name=name,
        kind=FieldKind.PROPERTY,
        model_field=descriptor,
        readable=True,
        writable=False,
        required_on_create=False,
        description=doc.split("\n\n")[0].replace("\n", " ") or None,
        annotation=annotation,
    )
