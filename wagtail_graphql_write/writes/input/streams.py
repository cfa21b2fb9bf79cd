"""Typed StreamField input -> Wagtail's stored block JSON -> the form data a BlockField reads.

The typed input (``{id, block: {<name>: value}}`` items, see ``generation.blocks``) is
first turned into the stored shape (``{type, value, id}``), then written into form
data mirroring each block's ``value_from_datadict`` key scheme, so the StreamField's
real form field and every block's ``clean()`` validate API input exactly as they
validate the admin's HTML form. A StreamField the client did not send is posted from
its current (native) value the same way, as the admin's edit page would post it.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.datastructures import MultiValueDict
from wagtail.blocks import (
    BaseStreamBlock,
    BaseStructBlock,
    Block,
    ChooserBlock,
    FieldBlock,
    ListBlock,
    RichTextBlock,
)

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.writes.input.notes import InputNotes
from wagtail_graphql_write.writes.input.rich_text import convert_rich_text


@dataclass
class StreamInput:
    """One StreamField's conversion: its notes, and the block ids seen so far (an id
    names one block of the field, so a second use of it is an error)."""

    notes: InputNotes
    seen_ids: set[str] = field(default_factory=set)

    def take_id(self, block_id: Any, path: list[str]) -> str | None:
        if not block_id:
            return None
        text = str(block_id)
        if text in self.seen_ids:
            message = f"The block id {text!r} is used twice in this field; ids must be unique."
            self.notes.reject(message, "duplicate_block_id", [*path, "id"])
        self.seen_ids.add(text)
        return text


def stream_to_stored(
    block: BaseStreamBlock, items: list[Any], path: list[str], notes: InputNotes
) -> list[dict[str, Any]]:
    """A StreamField's typed input -> ``[{type, value, id}]``."""
    return _stream_items(block, items, path, StreamInput(notes))


def _stream_items(
    block: BaseStreamBlock, items: list[Any], path: list[str], state: StreamInput
) -> list[dict[str, Any]]:
    stored = []
    for index, item in enumerate(items or []):
        ((input_name, value),) = item["block"].items()  # @oneOf guarantees exactly one
        name = _child_name(block, input_name)
        item_path = [*path, str(index)]
        entry = {
            "type": name,
            "value": _to_stored(
                block.child_blocks[name], value, [*item_path, "block", field_name(name)], state
            ),
        }
        block_id = state.take_id(item.get("id"), item_path)
        if block_id:
            entry["id"] = block_id
        stored.append(entry)
    return stored


def _child_name(block: Block, input_name: str) -> str:
    for name in block.child_blocks:
        if name == input_name or field_name(name) == input_name:
            return str(name)
    raise KeyError(input_name)


def _to_stored(block: Block, value: Any, path: list[str], state: StreamInput) -> Any:
    """One block's typed input value -> its stored (``get_prep_value``) shape."""
    if isinstance(block, BaseStreamBlock):
        return _stream_items(block, value, path, state)
    if isinstance(block, ListBlock):
        return [
            {
                "type": "item",
                "id": state.take_id(item.get("id"), [*path, str(i)]),
                "value": _to_stored(
                    block.child_block, item["value"], [*path, str(i), "value"], state
                ),
            }
            for i, item in enumerate(value or [])
        ]
    if isinstance(block, BaseStructBlock):
        value = value or {}
        result = {}
        for name, child in block.child_blocks.items():
            key = field_name(name) if field_name(name) in value else name
            if key in value:
                result[name] = _to_stored(child, value[key], [*path, field_name(name)], state)
            else:
                result[name] = child.get_prep_value(child.get_default())
        return result
    if isinstance(block, RichTextBlock):
        return convert_rich_text(value, block.features, path, state.notes)
    if isinstance(block, ChooserBlock) and value is not None:
        return _existing_pk(block, value, path, state.notes)
    return _scalar(value)


def _existing_pk(block: ChooserBlock, value: Any, path: list[str], notes: InputNotes) -> Any:
    """The chosen object's pk; an id that matches nothing is noted as an error.

    Without this, a draft (which defers required checks) would store an empty chooser.
    """
    model = block.model_class
    pk = parse_id(value)
    if pk is None or not model._default_manager.filter(pk=pk).exists():
        notes.reject(f"No {model._meta.verbose_name} has id {value!r}.", "invalid_choice", path)
        return None
    return pk


def _scalar(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _stored_leaf(block: Block, value: Any) -> Any:
    """A stored leaf value -> native value -> the value its form widget renders.

    A chooser stores its object's pk, which is what its widget posts, so the object is
    not loaded here: the form loads it when it validates, and an id that matches
    nothing becomes empty there (``ChooserBlock.value_from_form``), as it would here.
    """
    if value is not None and _stores_pk(block):
        return value
    return block.value_for_form(block.to_python(value))


def _stores_pk(block: Block) -> bool:
    """A chooser that stores and posts its object's pk (not one that changed either)."""
    kind = type(block)
    return (
        isinstance(block, ChooserBlock)
        and kind.to_python is ChooserBlock.to_python
        and kind.get_prep_value is ChooserBlock.get_prep_value
        and kind.value_for_form is FieldBlock.value_for_form
    )


def _native_leaf(block: Block, value: Any) -> Any:
    return block.value_for_form(value)


def flatten_block_value(
    block: Block,
    value: Any,
    prefix: str,
    data: MultiValueDict,
    leaf: Callable[[Block, Any], Any] = _stored_leaf,
) -> None:
    """Write ``value`` into ``data`` under ``prefix``, as the admin's form posts it.

    ``value`` is in the stored shape (``leaf`` converts stored leaves), or, with
    ``leaf=_native_leaf`` via ``flatten_native_value``, a block's native value: a
    ``StreamValue``, ``ListValue`` or ``StructValue`` iterates the same way.
    """
    if isinstance(block, BaseStreamBlock):
        items = [_stream_entry(item) for item in (value or [])]
        data[f"{prefix}-count"] = str(len(items))
        for i, (block_type, item_value, block_id) in enumerate(items):
            _item_keys(data, f"{prefix}-{i}", i, block_id)
            data[f"{prefix}-{i}-type"] = block_type
            child = block.child_blocks[block_type]
            flatten_block_value(child, item_value, f"{prefix}-{i}-value", data, leaf)
    elif isinstance(block, ListBlock):
        entries = [_list_entry(item) for item in _list_items(value)]
        data[f"{prefix}-count"] = str(len(entries))
        for i, (item_value, block_id) in enumerate(entries):
            _item_keys(data, f"{prefix}-{i}", i, block_id)
            flatten_block_value(block.child_block, item_value, f"{prefix}-{i}-value", data, leaf)
    elif isinstance(block, BaseStructBlock):
        for name, child in block.child_blocks.items():
            flatten_block_value(child, (value or {}).get(name), f"{prefix}-{name}", data, leaf)
    elif isinstance(block, RichTextBlock):
        source = getattr(value, "source", value)  # native values are RichText objects
        data[prefix] = block.field.widget.format_value(source or "")
    else:
        data[prefix] = leaf(block, value)


def flatten_native_value(block: Block, value: Any, prefix: str, data: MultiValueDict) -> None:
    """Post a block's current native value (what the admin's edit page would post)."""
    flatten_block_value(block, value, prefix, data, _native_leaf)


def _stream_entry(item: Any) -> tuple[str, Any, str | None]:
    """``(type, value, id)`` of a stored dict or a native ``StreamChild``."""
    if isinstance(item, dict):
        return item["type"], item["value"], item.get("id")
    return item.block_type, item.value, item.id


def _list_items(value: Any) -> list[Any]:
    """A ``ListValue``'s bound blocks (which carry ids), else the stored list."""
    return list(getattr(value, "bound_blocks", None) or value or [])


def _list_entry(item: Any) -> tuple[Any, str | None]:
    if isinstance(item, dict):
        return item["value"], item.get("id")
    return item.value, getattr(item, "id", None)


def _item_keys(data: MultiValueDict, prefix: str, order: int, block_id: str | None) -> None:
    data[f"{prefix}-deleted"] = ""
    data[f"{prefix}-order"] = str(order)
    if block_id:
        data[f"{prefix}-id"] = block_id
