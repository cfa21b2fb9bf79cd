"""Lazy batches: the first object of a list to need something fetches it for the list.

GraphQL resolves a list item by item, so a field resolver sees one object at a time.
``reads.prefetch`` fetches what a list's selection names before resolution starts; what
it cannot see ahead (a revision's stored content, the rows behind a page's revisions,
relations of objects built from revision JSON) is fetched here instead: objects that
came from one list share a ``Batch``, and a resolver asks the batch, which runs the
fetch once, for every member, and remembers the answer under its key.

A batch holds objects of one class. Nothing here outlives the request: batches hang
on the objects a list resolver loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db.models import Model

BATCH_ATTR = "_graphql_batch"

T = TypeVar("T")


class Batch:
    """Objects of one class from one list, and what was fetched for all of them."""

    def __init__(self, objects: list[Any]) -> None:
        self.objects = objects
        self._fetched: dict[Any, Any] = {}

    def once(self, key: Any, fetch: Callable[[list[Any]], T]) -> T:
        """``fetch(self.objects)``, run on the first call with ``key`` only."""
        if key not in self._fetched:
            self._fetched[key] = fetch(self.objects)
        return self._fetched[key]


def join_batches(objects: Iterable[Model]) -> None:
    """Put ``objects`` into one batch per class (an object keeps its first batch)."""
    by_class: dict[type, list[Model]] = defaultdict(list)
    seen: set[int] = set()
    for obj in objects:
        if getattr(obj, BATCH_ATTR, None) is None and id(obj) not in seen:
            seen.add(id(obj))
            by_class[type(obj)].append(obj)
    for group in by_class.values():
        batch = Batch(group)
        for obj in group:
            setattr(obj, BATCH_ATTR, batch)


def for_batch(obj: Any, key: Any, fetch: Callable[[list[Any]], T]) -> T:
    """``fetch`` for ``obj``'s batch, once per key; for ``obj`` alone if it has none."""
    batch: Batch | None = getattr(obj, BATCH_ATTR, None)
    return batch.once(key, fetch) if batch is not None else fetch([obj])
