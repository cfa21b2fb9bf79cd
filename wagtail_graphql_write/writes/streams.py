"""StreamField values (the stored JSON shape) -> the form data a ``BlockField`` reads.

Each block type's ``value_from_datadict`` key scheme is mirrored in reverse, so the
StreamField's real form field, and every block's ``clean()``, validate API input the
same way they validate the admin's HTML form.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, Block, ListBlock, RichTextBlock


def flatten_block_value(block: Block, value: Any, prefix: str, data: MultiValueDict) -> None:
    """Write ``value`` (API/stored JSON shape) into ``data`` under ``prefix``."""
    if isinstance(block, BaseStreamBlock):
        _flatten_stream(block, value or [], prefix, data)
    elif isinstance(block, ListBlock):
        items = value or []
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            if isinstance(item, dict) and "type" in item and "value" in item:
                if item.get("id"):
                    data[f"{prefix}-{i}-id"] = item["id"]
                item = item["value"]
            flatten_block_value(block.child_block, item, f"{prefix}-{i}-value", data)
    elif isinstance(block, BaseStructBlock):
        value = value or {}
        for name, child in block.child_blocks.items():
            flatten_block_value(child, value.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, RichTextBlock):
        data[prefix] = block.field.widget.format_value(value or "")
    else:
        # A leaf block: stored (prep) value -> native value -> the value its form
        # widget renders, which binding turns back into the native value.
        data[prefix] = block.value_for_form(block.to_python(value))


def _flatten_stream(
    block: BaseStreamBlock, items: list[Any], prefix: str, data: MultiValueDict
) -> None:
    if not isinstance(items, list):
        raise ValidationError("A StreamField value must be a list of blocks.", code="invalid")
    data[f"{prefix}-count"] = str(len(items))
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "type" not in item:
            raise ValidationError(
                f"Block {i} must be an object with a 'type' and a 'value'.", code="invalid"
            )
        child = block.child_blocks.get(item["type"])
        if child is None:
            raise ValidationError(
                f"Block {i} has an unknown type {item['type']!r}; expected one of "
                f"{', '.join(block.child_blocks)}.",
                code="invalid",
            )
        data[f"{prefix}-{i}-deleted"] = ""
        data[f"{prefix}-{i}-order"] = str(i)
        data[f"{prefix}-{i}-type"] = item["type"]
        if item.get("id"):
            data[f"{prefix}-{i}-id"] = item["id"]
        flatten_block_value(child, item.get("value"), f"{prefix}-{i}-value", data)
