"""The ``Page`` interface's tree fields: ``parent``, ``children``, ``ancestors``,
``descendants`` and ``translations``.

Every one follows a read rule: the lists are ``pages(childOf: ...)`` and its kin with
the page as anchor (same arguments, same ``LIVE`` / ``LATEST`` rules, hidden pages left
out); ``parent`` and ``translations`` are relations, shown when the viewer could read
them on their own (``access.readable``), as a foreign key to a page is. They are added
to the interface and to every page type through ``TypeGenerator.add_page_field``, since
their arguments' types are made per schema.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from strawberry.types import Info

from wagtail_graphql_write.generation import interfaces
from wagtail_graphql_write.generation.fields import OutputSpec
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.reads.page_batches import batched, parents, translations
from wagtail_graphql_write.reads.page_lists import (
    filters_from,
    list_arguments,
    list_pages,
    options_from,
)
from wagtail_graphql_write.reads.pages import PageList

#: The lists: field name -> (the anchor it is, description).
LISTS = {
    "children": ("child_of", "The page's children the viewer may read, in tree order."),
    "ancestors": (
        "ancestor_of",
        "The page's ancestors the viewer may read, from the tree root down; not the page.",
    ),
    "descendants": (
        "descendant_of",
        "The pages below this one the viewer may read, in tree order; not the page.",
    ),
}


def _signature(
    func: Callable[..., Any], parameters: list[tuple[str, Any, Any]], returns: Any
) -> Callable[..., Any]:
    """``func(root, info, **arguments)`` with a signature Strawberry reads its arguments from
    (as ``payloads.resolver_with_signature``, plus the page as ``root``)."""

    def resolver(root: Any, info: Info, **kwargs: Any) -> Any:
        return func(root, info, **kwargs)

    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("root", keyword, annotation=Any),
        inspect.Parameter("info", keyword, annotation=Info),
        *(inspect.Parameter(n, keyword, annotation=a, default=d) for n, a, d in parameters),
    ]
    resolver.__signature__ = inspect.Signature(params, return_annotation=returns)  # type: ignore[attr-defined]
    return resolver


def _list_spec(gen: TypeGenerator, anchor: str) -> OutputSpec:
    def resolve(root: Any, info: Info, **arguments: Any) -> PageList:
        filters = filters_from(arguments, **{anchor: root})
        return list_pages(info, gen, filters, options_from(arguments))

    return OutputSpec(PageList, _signature(resolve, list_arguments(gen, root=False), PageList))


def _parent(root: Any, info: Info) -> Any:
    request = info.context.request
    return batched(root, "parent", lambda pages: parents(request, pages))


def _translations(root: Any, info: Info) -> Any:
    request = info.context.request
    return batched(root, "translations", lambda pages: translations(request, pages))


def add_page_tree_fields(gen: TypeGenerator) -> None:
    """Add the tree fields to the ``Page`` interface and every page type of ``gen``."""
    page = interfaces.Page
    gen.add_page_field(
        "parent",
        OutputSpec(page | None, _signature(_parent, [], page | None)),
        "The parent page; null for the tree root, or if the viewer may not read it.",
    )
    for name, (anchor, description) in LISTS.items():
        gen.add_page_field(name, _list_spec(gen, anchor), description)
    gen.add_page_field(
        "translations",
        OutputSpec(list[page], _signature(_translations, [], list[page])),  # type: ignore[valid-type]
        "The page's translations the viewer may read (other locales), by language code.",
    )
