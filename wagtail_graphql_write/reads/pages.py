"""``page``, and ``PageList`` (``pages`` and the page lists are in ``page_lists``)."""

from __future__ import annotations

from typing import Any

import strawberry
from django.http import HttpRequest
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.access.pages import readable_page, readable_page_where
from wagtail_graphql_write.generation import interfaces
from wagtail_graphql_write.generation.common import ContentVersion
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.reads.listing import plain_text
from wagtail_graphql_write.reads.page_filters import find_site, reference_q, site_q
from wagtail_graphql_write.reads.prefetch import prefetch_selected
from wagtail_graphql_write.reads.versions import latest_versions

OPTIONAL = None
VERSION_DOC = "LIVE (published) or LATEST (the working draft; needs edit permission)."
SITE_DOC = (
    'The site to read `path` on instead of the request\'s: its id, hostname or "hostname:port". '
    "The page must belong to that site."
)


@strawberry.type(name="PageList", description="A page of results and the total count.")
class PageList:
    items: list[interfaces.Page]
    total_count: int = strawberry.field(description="How many pages match, ignoring paging.")


def page_on_site(
    request: HttpRequest, argument: str, reference: str, site_name: str, latest: bool
) -> Any:
    """``page(site:)``: a path is read on the site named, and the page must be in that
    site's tree (its root's translations' too, as ``pages(site:)`` rules); else null.
    ``argument`` names the argument ``reference`` came in, for its error."""
    site = find_site(site_name)
    lookup = reference_q(request, plain_text(reference, argument), site)
    return None if lookup is None else readable_page_where(request, lookup & site_q(site), latest)


def page_resolver(gen: TypeGenerator) -> Any:
    def resolve(
        info: Info, id: str | None, path: str | None, site: str | None, version: ContentVersion
    ) -> Any:
        """One page by id or URL path, or null when it does not exist or is not readable."""
        latest = version is ContentVersion.LATEST
        request = info.context.request
        argument, reference = ("path", path) if path is not None else ("id", id)
        if site is not None and reference is not None:
            page = page_on_site(request, argument, reference, site, latest)
        else:
            page = readable_page(request, reference, latest)
        if page is None:
            return None
        page = latest_versions([page])[0] if latest else page
        prefetch_selected([page], info, gen.registry)
        return page

    return resolve


def page_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    # ``page``/``pages`` return the ``Page`` interface, which can only resolve to object
    # types that exist; types are otherwise made on demand (by mutations), and the base
    # ``Page`` model (the tree root, ``GenericPage``) has none, so ask for every one here.
    for exposed in gen.registry.pages:
        gen.object_type(exposed.model)
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
            ("site", argument(str | None, SITE_DOC), OPTIONAL),
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
    }
