"""Fetching one relation for many objects at once, rows and drafts alike.

Used two ways: ``reads.prefetch`` walks a list's selection ahead of resolution, and the
output converters (``generation.fields``) ask ``load_relation`` when they resolve a
field of an object that belongs to a lazy batch (``access.batches``): the first object
of the batch fetches the relation for all of them.

Objects built from a revision (``LATEST`` reads, a revision's ``content``) hold their
InlinePanel rows, many-to-many relations and tags in memory (modelcluster); those are
never fetched from the database, which would show the live rows instead. Only the
foreign keys of the rows they hold are.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model, Prefetch, prefetch_related_objects
from modelcluster.queryset import FakeQuerySet
from wagtail.models import Page
from wagtail.query import PageQuerySet

from wagtail_graphql_write.access.batches import BATCH_ATTR, for_batch, join_batches
from wagtail_graphql_write.generation.stream_loading import load_streams
from wagtail_graphql_write.registry import ExposedField, FieldKind


def in_memory(manager: Any) -> bool:
    """Whether a relation manager holds its objects in memory (a draft's relations)."""
    return isinstance(manager.all(), FakeQuerySet)


def fetch_relation(objects: list[Model], field: ExposedField) -> list[Model]:
    """Fetch one relation of ``objects`` together; the related objects, to go on with.

    Related pages come back as their specific class and are not followed further
    (a list may mix page types); tags are not followed either.
    """
    name, related = field.name, field.related_model
    if field.kind is FieldKind.FOREIGN_KEY:
        if related is not None and issubclass(related, Page):
            queryset = cast(PageQuerySet, related._default_manager.all()).specific()
            prefetch_related_objects(objects, Prefetch(name, queryset=queryset))
            return []
        prefetch_related_objects(objects, name)
        return [value for obj in objects if (value := getattr(obj, name)) is not None]
    if field.kind is FieldKind.TAGS:
        _fetch_tags(objects, name)
        return []
    stored = [obj for obj in objects if not in_memory(getattr(obj, name))]
    prefetch_related_objects(stored, name)
    return [item for obj in objects for item in getattr(obj, name).all()]


def _fetch_tags(objects: list[Model], name: str) -> None:
    """Tags of rows by prefetch; tags of drafts through their in-memory tagged items."""
    items = [
        getattr(getattr(obj, name), "get_tagged_item_manager", lambda: None)() for obj in objects
    ]
    stored = [o for o, i in zip(objects, items, strict=True) if i is None or not in_memory(i)]
    prefetch_related_objects(stored, name)
    kept = [row for i in items if i is not None and in_memory(i) for row in i.all()]
    prefetch_related_objects(kept, "tag")


def load_relation(root: Model, field: ExposedField) -> None:
    """Before reading ``root``'s relation: fetch it for ``root``'s whole batch, once.

    The related objects form batches of their own, so their relations are fetched
    together in turn. Without a batch this does nothing (the plain access fetches).
    """
    if field.kind is FieldKind.STREAM:
        for_batch(root, ("stream", field.name), lambda objs: load_streams(objs, field.name))
    elif getattr(root, BATCH_ATTR, None) is not None:
        for_batch(
            root,
            ("relation", field.name),
            lambda objs: join_batches(fetch_relation(objs, field)),
        )
