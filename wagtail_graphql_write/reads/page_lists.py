"""``pages(...)``, and the list machinery the ``Page`` interface's lists share with it.

Arguments follow Wagtail API v2 (``docs/reads.md`` maps each v2 parameter to its
argument): ``page_filters`` selects the pages, ``listing`` searches, sorts and pages
them, and this module turns the result into a ``PageList`` in the version asked for.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation.common import ContentVersion, PageStatus
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.listing import (
    SearchOperator,
    page_filter_input,
    page_order_enum,
)
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.generation.type_enums import model_of, page_type_enum
from wagtail_graphql_write.reads import listing
from wagtail_graphql_write.reads.page_batches import mark_batch
from wagtail_graphql_write.reads.page_filters import PageFilters, filter_pages, single_type
from wagtail_graphql_write.reads.pages import VERSION_DOC, PageList
from wagtail_graphql_write.reads.prefetch import prefetch_selected, selects_type_fields
from wagtail_graphql_write.reads.versions import latest_versions

OPTIONAL = None
#: Tree order: the order of the admin's explorer, and of every page list by default.
TREE_ORDER = ("path",)

ANCHOR_DOCS = {
    "child_of": "Children of this page (id or URL path).",
    "descendant_of": "Descendants of this page, not the page itself (id or URL path).",
    "ancestor_of": "Ancestors of this page, not the page itself (id or URL path).",
    "translation_of": "Translations of this page, not the page itself (id or URL path).",
}


@dataclass(frozen=True)
class ListOptions:
    """How to search, sort and cut a list: the arguments every page list takes."""

    search: listing.Search | None = None
    order: Sequence[enum.Enum] | None = None
    offset: int = 0
    limit: int | None = None


def list_pages(
    info: Info, gen: TypeGenerator, filters: PageFilters, options: ListOptions
) -> PageList:
    """The ``PageList`` of ``filters`` and ``options``, in tree order unless sorted."""
    queryset = filter_pages(info.context.request, filters, page_filter_input(gen))
    model = single_type(filters.types)
    order = listing.sort_keys(options.order, model, options.offset, options.search is not None)
    start, size = listing.window(options.offset, options.limit)
    if options.search is not None:
        results = listing.search(queryset, options.search, order, specific=True)
    else:
        # Interface fields only: the specific classes, without their own columns.
        defer = not selects_type_fields(info, ("items",))
        results = queryset.order_by(*(order or TREE_ORDER)).specific(defer=defer)
    pages = list(results[start : start + size])
    total = results.count()
    if filters.latest:
        pages = latest_versions(pages)
    prefetch_selected(pages, info, gen.registry, path=("items",))
    mark_batch(pages)
    return PageList(items=pages, total_count=total)


def options_from(arguments: dict[str, Any]) -> ListOptions:
    """The ``ListOptions`` of a resolver's keyword arguments."""
    return ListOptions(
        search=listing.search_argument(arguments["search"], arguments["search_operator"]),
        order=arguments["order"],
        offset=arguments["offset"],
        limit=arguments["limit"],
    )


def filters_from(arguments: dict[str, Any], **anchors: Any) -> PageFilters:
    """The ``PageFilters`` of a resolver's keyword arguments (absent ones are ``None``)."""
    return PageFilters(
        latest=arguments["version"] is ContentVersion.LATEST,
        types=list(dict.fromkeys(model_of(value) for value in arguments["type"] or ())),
        references={name: arguments.get(name) for name in ANCHOR_DOCS},
        anchors=anchors,
        slug=arguments.get("slug"),
        path=arguments.get("path"),
        site=arguments.get("site"),
        locale=arguments.get("locale"),
        in_menu=arguments.get("in_menu"),
        statuses=arguments.get("status"),
        fields=arguments.get("filter"),
    )


def list_arguments(gen: TypeGenerator, root: bool) -> list[tuple[str, Any, Any]]:
    """The arguments of ``pages`` (``root``) or of a page's own lists.

    A page's lists have no tree anchor, site, path or locale: the page is the anchor.
    """
    page_type = page_type_enum(gen)
    found: list[tuple[str, Any, Any]] = [
        ("type", argument(list[page_type] | None, "Only pages of these types."), OPTIONAL),  # type: ignore[valid-type]
    ]
    if root:
        found += [
            (name, argument(strawberry.ID | None, doc), OPTIONAL)
            for name, doc in ANCHOR_DOCS.items()
        ]
    found.append(("slug", argument(str | None, "Only pages with this slug."), OPTIONAL))
    if root:
        found += [
            ("path", argument(str | None, PATH_DOC), OPTIONAL),
            ("site", argument(str | None, SITE_DOC), OPTIONAL),
            (
                "locale",
                argument(str | None, "Only pages in this locale (language code)."),
                OPTIONAL,
            ),
        ]
    found.append(("in_menu", argument(bool | None, IN_MENU_DOC), OPTIONAL))
    found.append(("status", argument(list[PageStatus] | None, STATUS_DOC), OPTIONAL))
    spec = page_filter_input(gen)
    if spec is not None:
        found.append(("filter", argument(spec.input_type | None, FILTER_DOC), OPTIONAL))
    order = page_order_enum(gen)
    found += [
        ("search", argument(str | None, SEARCH_DOC), OPTIONAL),
        ("search_operator", argument(SearchOperator | None, OPERATOR_DOC), OPTIONAL),
        ("order", argument(list[order] | None, ORDER_DOC), OPTIONAL),  # type: ignore[valid-type]
        ("offset", int, 0),
        ("limit", argument(int | None, "Page size; capped by the MAX_LIMIT setting."), OPTIONAL),
        ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
    ]
    return found


PATH_DOC = 'Only the page at this URL path, e.g. "/blog/" (on `site` when given).'
SITE_DOC = 'Only pages of this site: its id, hostname or "hostname:port".'
IN_MENU_DOC = "Only pages shown (true) or not shown (false) in menus."
STATUS_DOC = (
    "Only pages with one of these statuses. A LIVE read shows published pages only, so "
    "DRAFT, SCHEDULED and EXPIRED pages are listed with version: LATEST."
)
FILTER_DOC = "Exact matches on the fields of the one page type `type` names."
SEARCH_DOC = "Full-text search with the site's search backend; sorted by relevance."
OPERATOR_DOC = "How the search words combine; by default as the backend does (database: AND)."
ORDER_DOC = "Sort keys, the first first; tree order when not given (relevance with `search`)."


def page_list_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """``pages``: the pages the viewer may read, filtered as Wagtail API v2 filters."""

    def resolve(info: Info, **arguments: Any) -> PageList:
        return list_pages(info, gen, filters_from(arguments), options_from(arguments))

    resolver = resolver_with_signature("pages", resolve, list_arguments(gen, root=True), PageList)
    return {
        "pages": strawberry.field(
            resolver=resolver,
            name="pages",
            description="Pages the viewer may read, in tree order unless sorted or searched.",
        )
    }
