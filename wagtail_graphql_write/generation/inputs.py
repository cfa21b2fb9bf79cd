"""Fill an input-type shell with its model's writable ``api_fields``.

Update inputs make every field optional with ``UNSET`` as default, so "not sent"
(leave as is) differs from ``null`` (clear).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from wagtail.images.models import AbstractImage

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.media import FocalPointInput
from wagtail_graphql_write.registry import ExposedModel, ModelRole

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


MEDIA_TITLE_DOC = "The title; on upload, the file's name without its extension if not sent."
FOCAL_POINT_DOC = "The part crops keep in view; null clears it."


def populate_input_type(gen: TypeGenerator, exposed: ExposedModel, shell: type, kind: str) -> None:
    """``kind`` is ``create``, ``update`` or ``child`` (an InlinePanel row)."""
    media = exposed.role is ModelRole.MEDIA
    if kind == "child":
        _add(shell, "id", strawberry.ID, required=False, description=CHILD_ID_DOC)
    for field, annotation in gen.writable_input_fields(exposed):
        if media and field.name == "title":  # the upload's file name, as the admin does
            _add(shell, "title", annotation, False, MEDIA_TITLE_DOC)
            continue
        required = kind != "update" and field.required_on_create
        _add(shell, field.name, annotation, required, field.description)
    if media and issubclass(exposed.model, AbstractImage):
        _add(shell, "focal_point", FocalPointInput, False, FOCAL_POINT_DOC)
