"""Convert the stored StreamField data of many objects at once.

A StreamField value read from the database is lazy: each block becomes a native value
when first accessed, and a chooser block fetches its object then, one query per
block type per stream (nested streams, struct and list blocks each on their own).
Read through GraphQL, a list of N pages would cost O(N x choosers) queries.

Wagtail's own ``StreamBlock.bulk_to_python`` converts a list of streams together:
every chooser of every stream, at any depth (struct, list, nested stream), is fetched
with one ``in_bulk`` query per target model. ``load_streams`` hands it the raw data of
every object in a list and puts the converted values back on the objects.

Chosen pages come back as base ``Page`` rows (``PageChooserBlock`` without a single
page type), and their GraphQL type needs the specific class, which ``page.specific``
fetches one query per page; ``load_streams`` swaps them for their specific rows, fetched
together. Which chosen objects the viewer may see is still decided when the block's
value is resolved (``access.readable``), in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import Page


def _pending(value: Any) -> bool:
    """A stream still holding stored data (lazy, not an unparsable legacy text)."""
    return isinstance(value, StreamValue) and value.is_lazy and value.raw_text is None


def load_streams(objects: Iterable[Model], field_name: str) -> None:
    """Convert ``field_name`` (a ``StreamField``) of every object, in one batch.

    Objects whose value was converted before (or was deferred, or is empty) are left
    alone, so calling this again costs nothing.
    """
    todo: list[tuple[Model, StreamValue]] = []
    for obj in objects:
        value = obj.__dict__.get(field_name)
        if isinstance(value, StreamValue) and _pending(value) and len(value):
            todo.append((obj, value))
    if not todo:
        return
    block = todo[0][1].stream_block
    converted = block.bulk_to_python([list(value.raw_data) for _, value in todo])
    _specific_pages(converted)
    for (obj, _), value in zip(todo, converted, strict=True):
        setattr(obj, field_name, value)


def load_stream(obj: Model, field_name: str) -> Any:
    """One object's stream, converted in one batch (all its choosers at once)."""
    load_streams([obj], field_name)
    return getattr(obj, field_name)


# ---- chosen pages as their specific class -------------------------------------------------

#: Where a value sits: a bound block (``key`` None: its ``value``) or a struct's key.
Slot = tuple[Any, str | None]


def _slots(value: Any) -> list[Slot]:
    if isinstance(value, ListValue):
        return [(child, None) for child in value.bound_blocks]
    if isinstance(value, StreamValue):
        return [(child, None) for child in value]
    if isinstance(value, StructValue):
        return [(value, key) for key in value]
    return []


def _walk(value: Any, found: list[tuple[Page, Slot]]) -> None:
    """Collect the non-specific pages in a converted value, with where each sits."""
    for holder, key in _slots(value):
        item = holder.value if key is None else holder[key]
        if not isinstance(item, Page):
            _walk(item, found)
        elif item.specific_class is not None and type(item) is not item.specific_class:
            found.append((item, (holder, key)))


def _specific_pages(values: Iterable[Any]) -> None:
    """Replace chosen base ``Page`` rows by their specific rows, fetched together."""
    found: list[tuple[Page, Slot]] = []
    for value in values:
        _walk(value, found)
    if not found:
        return
    ids = {page.pk for page, _ in found}
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    for page, (holder, key) in found:
        new = specific.get(page.pk, page)
        if key is None:
            holder.value = new
        else:
            holder[key] = new
