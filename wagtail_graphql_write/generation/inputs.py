"""Fill an input-type shell with its model's writable ``api_fields``.

Update inputs make every field optional with ``UNSET`` as default, so "not sent"
(leave as is) differs from ``null`` (clear).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.registry import ExposedModel

CHILD_ID_DOC = "Keep and edit the existing row with this id; omit it to add a row."

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


def _add(
    shell: type,
    python_name: str,
    annotation: object,
    required: bool,
    description: str | None,
) -> None:
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
        _add(shell, "id", strawberry.ID, required=False, description=CHILD_ID_DOC)
    for field, annotation in gen.writable_input_fields(exposed):
        required = kind != "update" and field.required_on_create
        _add(shell, field.name, annotation, required, field.description)
