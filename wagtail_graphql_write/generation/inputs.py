"""Fill an input-type shell with its model's writable ``api_fields``.

Update inputs make every field optional with ``UNSET`` as default, so "not sent"
(leave as is) differs from ``null`` (clear).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.fields import Unsupported
from wagtail_graphql_write.registry import ExposedField, ExposedModel

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


def _add(
    shell: type, field: ExposedField | None, python_name: str, annotation: object, required: bool
) -> None:
    description = field.description if field is not None else None
    graphql_name = names.field_name(python_name)
    if required:
        shell.__annotations__[python_name] = annotation
        setattr(shell, python_name, strawberry.field(name=graphql_name, description=description))
    else:
        shell.__annotations__[python_name] = annotation | None  # type: ignore[operator]
        setattr(
            shell,
            python_name,
            strawberry.field(default=strawberry.UNSET, name=graphql_name, description=description),
        )


def populate_input_type(gen: TypeGenerator, exposed: ExposedModel, shell: type, kind: str) -> None:
    """``kind`` is ``create``, ``update`` or ``child`` (an InlinePanel row)."""
    if kind == "child":
        _add(shell, None, "id", strawberry.ID, required=False)
        shell.id.description = "Keep and edit the existing row with this id; omit to add a row."
    for field in exposed.writable_fields:
        try:
            annotation = gen.input_converter(field)(gen, field)
        except Unsupported as unsupported:
            gen.skip(exposed.model, field, f"not writable: {unsupported}")
            continue
        required = kind != "update" and field.required_on_create
        _add(shell, field, field.name, annotation, required)
