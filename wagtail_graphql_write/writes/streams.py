"""Typed StreamField input -> Wagtail's stored block JSON -> the form data a BlockField reads.

The typed input (``{id, block: {<name>: value}}`` items, see ``generation.blocks``) is
first turned into the stored shape (``{type, value, id}``), then written into form
data mirroring each block's ``value_from_datadict`` key scheme, so the StreamField's
real form field and every block's ``clean()`` validate API input exactly as they
validate the admin's HTML form.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from dataclasses import dataclass, field
from typing import Any

from django.utils.datastructures import MultiValueDict
from wagtail.blocks import (
    BaseStreamBlock,
    BaseStructBlock,
    Block,
    ChooserBlock,
    ListBlock,
    RichTextBlock,
)

from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.writes.failures import InvalidInput
from wagtail_graphql_write.writes.rich_text import convert_rich_text


@dataclass
class InputNotes:
    """What converting input found: warnings for the payload, and invalid values."""

    warnings: list[GqlWarning] = field(default_factory=list)
    errors: list[InvalidInput] = field(default_factory=list)


def stream_to_stored(
    block: BaseStreamBlock, items: list[Any], path: list[str], notes: InputNotes
) -> list[dict[str, Any]]:
    """Typed stream items -> ``[{type, value, id}]``."""
    stored = []
    for index, item in enumerate(items or []):
        choice = item["block"]
        ((input_name, value),) = choice.items()  # @oneOf guarantees exactly one
        name = _child_name(block, input_name)
        child_path = [*path, str(index), "block", field_name(name)]
        entry = {
            "type": name,
            "value": to_stored(block.child_blocks[name], value, child_path, notes),
        }
        if item.get("id"):
            entry["id"] = item["id"]
        stored.append(entry)
    return stored


def _child_name(block: Block, input_name: str) -> str:
    for name in block.child_blocks:
        if name == input_name or field_name(name) == input_name:
            return str(name)
    raise KeyError(input_name)


def to_stored(block: Block, value: Any, path: list[str], notes: InputNotes) -> Any:
    """One block's typed input value -> its stored (``get_prep_value``) shape."""
    if isinstance(block, BaseStreamBlock):
        return stream_to_stored(block, value, path, notes)
    if isinstance(block, ListBlock):
        return [
            {
                "type": "item",
                "id": item.get("id"),
                "value": to_stored(
                    block.child_block, item["value"], [*path, str(i), "value"], notes
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
                result[name] = to_stored(child, value[key], [*path, field_name(name)], notes)
            else:
                result[name] = child.get_prep_value(child.get_default())
        return result
    if isinstance(block, RichTextBlock):
        return convert_rich_text(value, block.features, path, notes.warnings)
    if isinstance(block, ChooserBlock) and value is not None:
        return _existing_pk(block, value, path, notes)
    return _scalar(value)


def _existing_pk(block: ChooserBlock, value: Any, path: list[str], notes: InputNotes) -> Any:
    """The chosen object's pk; an id that matches nothing is noted as an error.

    Without this, a draft (which defers required checks) would store an empty chooser.
    """
    model = block.model_class
    try:
        exists = model._default_manager.filter(pk=value).exists()
    except (ValueError, TypeError):
        exists = False
    if not exists:
        notes.errors.append(
            InvalidInput(f"No {model._meta.verbose_name} has id {value!r}.", "invalid_choice", path)
        )
        return None
    return value


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


def flatten_block_value(block: Block, value: Any, prefix: str, data: MultiValueDict) -> None:
    """Write a stored-shape ``value`` into ``data`` under ``prefix``, as the admin posts it."""
    if isinstance(block, BaseStreamBlock):
        items = value or []
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            _item_keys(data, f"{prefix}-{i}", i, item.get("id"))
            data[f"{prefix}-{i}-type"] = item["type"]
            flatten_block_value(
                block.child_blocks[item["type"]], item["value"], f"{prefix}-{i}-value", data
            )
    elif isinstance(block, ListBlock):
        items = value or []
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            _item_keys(data, f"{prefix}-{i}", i, item.get("id"))
            flatten_block_value(block.child_block, item["value"], f"{prefix}-{i}-value", data)
    elif isinstance(block, BaseStructBlock):
        for name, child in block.child_blocks.items():
            flatten_block_value(child, (value or {}).get(name), f"{prefix}-{name}", data)
    elif isinstance(block, RichTextBlock):
        data[prefix] = block.field.widget.format_value(value or "")
    else:
        # A leaf block: stored value -> native value -> the value its form widget
        # renders, which binding turns back into the native value.
        data[prefix] = block.value_for_form(block.to_python(value))


def _item_keys(data: MultiValueDict, prefix: str, order: int, block_id: str | None) -> None:
    data[f"{prefix}-deleted"] = ""
    data[f"{prefix}-order"] = str(order)
    if block_id:
        data[f"{prefix}-id"] = block_id
