"""``page`` and ``pages`` (the ``PageType`` filter enum is in ``generation.type_enums``)."""

from __future__ import annotations

import enum
from typing import Any

import strawberry
from django.http import HttpRequest
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.query import PageQuerySet

from wagtail_graphql_write.access.pages import page_by_reference, readable_page, readable_pages
from wagtail_graphql_write.access.readable import readable_object
from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation import interfaces
from wagtail_graphql_write.generation.common import ContentVersion
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.generation.type_enums import page_type_enum
from wagtail_graphql_write.reads.prefetch import prefetch_selected, selects_type_fields
from wagtail_graphql_write.reads.versions import latest_versions

OPTIONAL = None
VERSION_DOC = "LIVE (published) or LATEST (the working draft; needs edit permission)."


@strawberry.type(name="PageList", description="A page of results and the total count.")
class PageList:
    items: list[interfaces.Page]
    total_count: int = strawberry.field(description="How many pages match, ignoring paging.")


def page_resolver(gen: TypeGenerator) -> Any:
    def resolve(info: Info, id: str | None, path: str | None, version: ContentVersion) -> Any:
        """One page by id or URL path, or null when it does not exist or is not readable."""
        latest = version is ContentVersion.LATEST
        page = readable_page(info.context.request, path if path is not None else id, latest)
        if page is None:
            return None
        page = latest_versions([page])[0] if latest else page
        prefetch_selected([page], info, gen.registry)
        return page

    return resolve


def _of_types(queryset: PageQuerySet, models: list[Any]) -> PageQuerySet:
    """Pages of these types; ``GENERIC_PAGE`` means pages of the base class only.

    ``PageQuerySet.type()`` includes subclasses, and every page type subclasses
    ``Page``, so the base type is matched exactly.
    """
    from wagtail.models import Page

    specific = [m for m in models if m is not Page]
    matched = queryset.type(*specific) if specific else queryset.none()
    if Page in models:
        matched = matched | queryset.exact_type(Page)
    return matched


def _filtered(
    request: HttpRequest,
    latest: bool,
    types: list[Any] | None,
    child_of: str | None,
    descendant_of: str | None,
) -> PageQuerySet:
    queryset = readable_pages(request, latest)
    if types:
        from django.apps import apps

        queryset = _of_types(queryset, [apps.get_model(t.value) for t in types])
    for reference, method in ((child_of, "child_of"), (descendant_of, "descendant_of")):
        if reference is not None:
            # A parent the viewer may not read is no parent, even if some of its
            # children are public: the answer must not tell it from a missing one.
            anchor = readable_object(request, page_by_reference(request, reference))
            queryset = getattr(queryset, method)(anchor) if anchor else queryset.none()
    return queryset


def pages_resolver(gen: TypeGenerator, page_type: type[enum.Enum]) -> Any:
    def resolve(
        info: Info,
        type: list[Any] | None,
        child_of: str | None,
        descendant_of: str | None,
        offset: int,
        limit: int | None,
        version: ContentVersion,
    ) -> PageList:
        request = info.context.request
        latest = version is ContentVersion.LATEST
        queryset = _filtered(request, latest, type, child_of, descendant_of).order_by("path")
        cap = get_settings()["MAX_LIMIT"]
        size = min(max(limit if limit is not None else get_settings()["DEFAULT_LIMIT"], 0), cap)
        start = max(offset, 0)
        # Interface fields only: the specific classes, without their own columns.
        specific = queryset.specific(defer=not selects_type_fields(info, ("items",)))
        pages = list(specific[start : start + size])
        if latest:
            pages = latest_versions(pages)
        prefetch_selected(pages, info, gen.registry, path=("items",))
        return PageList(items=pages, total_count=queryset.count())

    return resolver_with_signature(
        "pages",
        resolve,
        [
            ("type", argument(list[page_type] | None, "Only pages of these types."), OPTIONAL),  # type: ignore[valid-type]
            (
                "child_of",
                argument(strawberry.ID | None, "Children of this page (id or URL path)."),
                OPTIONAL,
            ),
            (
                "descendant_of",
                argument(strawberry.ID | None, "Descendants of this page (id or URL path)."),
                OPTIONAL,
            ),
            ("offset", int, 0),
            (
                "limit",
                argument(int | None, "Page size; capped by the MAX_LIMIT setting."),
                OPTIONAL,
            ),
            ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
        ],
        PageList,
    )


def page_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    # ``page``/``pages`` return the ``Page`` interface, which can only resolve to object
    # types that exist; types are otherwise made on demand (by mutations), and the base
    # ``Page`` model (the tree root, ``GenericPage``) has none, so ask for every one here.
    for exposed in gen.registry.pages:
        gen.object_type(exposed.model)
    page_type = page_type_enum(gen)
    page = resolver_with_signature(
        "page",
        page_resolver(gen),
        [
            ("id", strawberry.ID | None, OPTIONAL),
            (
                "path",
                argument(str | None, 'URL path on the request\'s site, e.g. "/blog/".'),
                OPTIONAL,
            ),
            ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
        ],
        interfaces.Page | None,
    )
    return {
        "page": strawberry.field(
            resolver=page,
            name="page",
            description="One page by id or URL path; null if not readable.",
        ),
        "pages": strawberry.field(
            resolver=pages_resolver(gen, page_type),
            name="pages",
            description="Pages the viewer may read, in tree order.",
        ),
    }
