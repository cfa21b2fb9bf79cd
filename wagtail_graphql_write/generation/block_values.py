"""Turning native block values into GraphQL values, and the ``value`` fields that do it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import strawberry
from django.db.models import Model
from strawberry.types import Info

from wagtail_graphql_write.access.readable import readable_object, readable_objects
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import RichTextFormat, serialize_rich_text

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.blocks import BlockOutput

#: native value, the request's Info, the requested rich text format -> GraphQL value.
Converter = Callable[[Any, Info, "RichTextFormat | None"], Any]


def plain(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    return value


def primary_key(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    return None if value is None else strawberry.ID(str(value.pk))


def embed_url(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    return getattr(value, "url", None) if value else None


def readable(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    """A chooser's object (page, snippet, image, document), or null if the viewer may
    not read it: the rule of ``access.readable``, as for a foreign key."""
    return readable_object(info.context.request, value)


def raw_value(block: Any) -> Converter:
    def convert(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
        return block.get_prep_value(value)

    return convert


def rich_text(features: list[str] | None) -> Converter:
    def convert(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
        source = getattr(value, "source", value)
        return serialize_rich_text(source, fmt, features)

    return convert


def enum_members(enum_type: Any, *, many: bool) -> Converter:
    members = {m.value: m for m in enum_type}

    def convert(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
        if many:
            return [members[v] for v in value or [] if v in members]
        return members.get(value)

    return convert


def list_children(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    """A ListBlock's items; an item whose chosen object the viewer may not read is left
    out, as a hidden object is from any list."""
    items = list(getattr(value, "bound_blocks", []))
    chosen = [item.value for item in items if isinstance(item.value, Model)]
    if not chosen:
        return items
    shown = {id(obj) for obj in readable_objects(info.context.request, chosen)}
    return [item for item in items if not isinstance(item.value, Model) or id(item.value) in shown]


def stream_children(value: Any, info: Info, fmt: RichTextFormat | None) -> Any:
    return list(value or [])


def add_value_field(
    namespace: dict[str, Any],
    python_name: str,
    spec: BlockOutput,
    description: str,
    key: str | None = None,
) -> None:
    """Add a field reading ``root.value`` (or ``root[key]`` for struct children).

    Rich text fields get a ``format: RichTextFormat`` argument; the converter applies it.
    """

    def read(root: Any) -> Any:
        return root.get(key) if key is not None else root.value

    if spec.rich_text:

        def resolve(root: Any, info: Info, format: RichTextFormat | None = None) -> Any:
            return spec.convert(read(root), info, format)

    else:

        def resolve(root: Any, info: Info) -> Any:  # type: ignore[misc]
            return spec.convert(read(root), info, None)

    namespace["__annotations__"][python_name] = spec.annotation
    namespace[python_name] = strawberry.field(
        resolver=resolve, name=names.field_name(python_name), description=description or None
    )
