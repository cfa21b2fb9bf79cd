"""One set of values, spelt twice: as the admin's HTML form posts it, and as GraphQL input.

A scenario states the values an editor enters, by model field name, in the shape Wagtail
stores them: rich text as database HTML, a StreamField as its raw JSON list
(``[{"type": ..., "value": ..., "id"?}]``), a foreign key or a chooser block as a primary
key, many-to-many as a list of keys, tags as names, an InlinePanel as a list of row dicts
(an ``id`` keeps an existing row). ``admin_post`` spells them as the admin's browser
would post them (Wagtail's own ``wagtail.test.utils.form_data`` helpers: Draftail
contentstate JSON, ``body-0-type`` keys, formset management forms); ``graphql_input``
spells them as this package's input types (camelCase names, ``RichTextInput``, enum
names, ``{"block": {...}}`` stream items). Neither uses the package's form binding: the
admin side is what a browser sends, independently of the code under test.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.db.models import Model
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.test.utils.form_data import nested_form_data, rich_text

from wagtail_graphql_write.generation.names import enum_value_name, field_name

#: An admin POST value: a string, a list (a multiple select), or None (not posted, as an
#: unticked checkbox).
Posted = str | list[str] | None


def model_field(model: type[Model], name: str) -> Any:
    """The field ``name`` of ``model``; an InlinePanel relation by its accessor name (which
    ``get_field`` does not know when the relation's ``related_query_name`` differs)."""
    for relation in get_all_child_relations(model):
        if relation.get_accessor_name() == name:
            return relation
    return model._meta.get_field(name)


def _item(value: Any) -> tuple[Any, str | None]:
    """A ListBlock item, stored either bare or as ``{"type": "item", "value", "id"}``."""
    if isinstance(value, dict) and value.get("type") == "item":
        return value["value"], value.get("id")
    return value, None


def admin_block(block: blocks.Block, value: Any) -> Any:
    """A block's raw value as the admin's StreamField widget posts it (nested keys).

    Blocks without an id get a fresh one, as the admin's JavaScript gives each new block.
    """
    if isinstance(block, blocks.StreamBlock):
        return {
            "count": str(len(value or [])),
            **{
                str(i): {
                    "type": item["type"],
                    "value": admin_block(block.child_blocks[item["type"]], item["value"]),
                    "deleted": "",
                    "order": str(i),
                    "id": item.get("id") or str(uuid.uuid4()),
                }
                for i, item in enumerate(value or [])
            },
        }
    if isinstance(block, blocks.ListBlock):
        items = [_item(v) for v in value or []]
        return {
            "count": str(len(items)),
            **{
                str(i): {
                    "value": admin_block(block.child_block, item),
                    "deleted": "",
                    "order": str(i),
                    "id": item_id or str(uuid.uuid4()),
                }
                for i, (item, item_id) in enumerate(items)
            },
        }
    if isinstance(block, blocks.StructBlock):
        return {
            name: admin_block(child, (value or {}).get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return block.field.widget.format_value(value or "")
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    return "" if value is None else str(value)


def admin_field(model_field: Any, name: str, value: Any) -> dict[str, Posted]:
    """One model field's value as the admin form posts it, keyed by form data key."""
    if isinstance(model_field, StreamField):
        return nested_form_data({name: admin_block(model_field.stream_block, value)})
    if isinstance(model_field, RichTextField):
        editor = getattr(model_field, "editor", "default")
        return {name: rich_text(value or "", editor=editor, features=model_field.features)}
    if isinstance(model_field, TaggableManager):
        return {name: ", ".join(value or [])}
    if isinstance(model_field, ParentalManyToManyField | models.ManyToManyField):
        return {name: [str(v) for v in value or []]}
    if isinstance(model_field, models.BooleanField):
        return {name: "on" if value else None}
    return {name: "" if value is None else str(value)}


def admin_row(child_model: type[Model], prefix: str, row: Mapping[str, Any]) -> dict[str, Posted]:
    """One InlinePanel row's fields (not its id, ORDER or DELETE) under ``prefix``."""
    posted: dict[str, Posted] = {}
    for name, value in row.items():
        if name != "id":
            posted.update(admin_field(model_field(child_model, name), f"{prefix}-{name}", value))
    return posted


def graphql_block(block: blocks.Block, value: Any) -> Any:
    """A block's raw value as this package's stream input types take it."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **({"id": item["id"]} if item.get("id") else {}),
                "block": {
                    field_name(item["type"]): graphql_block(
                        block.child_blocks[item["type"]], item["value"]
                    )
                },
            }
            for item in value or []
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {**({"id": item_id} if item_id else {}), "value": graphql_block(block.child_block, v)}
            for v, item_id in (_item(v) for v in value or [])
        ]
    if isinstance(block, blocks.StructBlock):
        return {field_name(k): graphql_block(block.child_blocks[k], v) for k, v in value.items()}
    if isinstance(block, blocks.RichTextBlock):
        return {"html": value}
    if isinstance(block, blocks.ChoiceBlock):
        return enum_value_name(value) if value else None
    if isinstance(block, blocks.ChooserBlock):
        return None if value is None else str(value)
    return value


def graphql_value(model_field: Any, value: Any) -> Any:
    """One model field's value as this package's input takes it."""
    if isinstance(model_field, StreamField):
        return graphql_block(model_field.stream_block, value)
    if isinstance(model_field, RichTextField):
        return {"html": value}
    if getattr(model_field, "one_to_many", False) and not model_field.concrete:
        return [graphql_input(model_field.related_model, row) for row in value]
    if isinstance(model_field, TaggableManager):
        return list(value)
    if isinstance(model_field, ParentalManyToManyField | models.ManyToManyField):
        return [str(v) for v in value]
    if isinstance(model_field, models.ForeignKey):
        return None if value is None else str(value)
    if getattr(model_field, "choices", None):  # an enum; the blank choice is null
        return enum_value_name(value) if value not in (None, "") else None
    return value


def graphql_input(model: type[Model], values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` as the model's GraphQL input object (an ``id`` keeps an existing row)."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if name == "id":
            result["id"] = str(value)
        else:
            result[field_name(name)] = graphql_value(model_field(model, name), value)
    return result
