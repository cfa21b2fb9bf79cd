"""``parent`` and ``translations`` of a list of pages, loaded for the whole list at once.

The view runs resolvers synchronously, so there are no data loaders; instead a list
resolver marks the pages it returns as one batch (``mark_batch``: each page holds the
list it came in), and the first page of the batch asked for its parent loads the
parents of every page of the batch in one go. A list of 3 or 30 pages costs the same
queries; a page read on its own is a batch of one.

What is loaded is filtered by the read rule of every path to an object
(``access.readable``), in memory: a hidden parent reads as null, hidden translations
are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, cast

from django.http import HttpRequest
from wagtail.models import Page

from wagtail_graphql_write.access.readable import readable_object, readable_objects

#: Attribute on a page instance: the list of pages it was read with.
_BATCH = "_wagtail_graphql_write_batch"
#: Attribute on a page instance: what ``batched`` loaded for it, by name.
_LOADED = "_wagtail_graphql_write_loaded"


def mark_batch(pages: Sequence[Any]) -> None:
    """Remember that ``pages`` were read together, so their relations load together."""
    batch = list(pages)
    for page in batch:
        setattr(page, _BATCH, batch)


def batched(root: Any, name: str, load: Callable[[list[Any]], dict[int, Any]]) -> Any:
    """What ``load`` finds for ``root``, loading it for ``root``'s whole batch if needed.

    ``load(pages)`` returns a dict keyed by ``id(page)``.
    """
    loaded = getattr(root, _LOADED, None)
    if loaded is None or name not in loaded:
        batch = [p for p in getattr(root, _BATCH, [root]) if name not in _loaded(p)]
        if root not in batch:
            batch.append(root)
        found = load(batch)
        for page in batch:
            _loaded(page)[name] = found.get(id(page))
    return _loaded(root)[name]


def _loaded(page: Any) -> dict[str, Any]:
    loaded = getattr(page, _LOADED, None)
    if loaded is None:
        loaded = {}
        setattr(page, _LOADED, loaded)
    return cast(dict[str, Any], loaded)


def parents(request: HttpRequest, pages: list[Any]) -> dict[int, Any]:
    """Each page's parent if the viewer may read it (the tree root has none)."""
    steplen = Page.steplen
    paths = {page.path[:-steplen] for page in pages if page.depth > 1}
    found = {p.path: p for p in Page.objects.filter(path__in=paths).specific()}
    mark_batch(list(found.values()))  # their own parents load together too
    return {id(page): readable_object(request, found.get(page.path[:-steplen])) for page in pages}


def translations(request: HttpRequest, pages: list[Any]) -> dict[int, Any]:
    """Each page's translations the viewer may read, by locale, the page itself left out."""
    keys = {page.translation_key for page in pages}
    rows = (
        Page.objects.filter(translation_key__in=keys)
        .order_by("locale__language_code", "pk")
        .specific()
    )
    by_key: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        by_key[row.translation_key].append(row)
    mark_batch([row for group in by_key.values() for row in group])
    return {
        id(page): readable_objects(
            request, [p for p in by_key[page.translation_key] if p.pk != page.pk]
        )
        for page in pages
    }
