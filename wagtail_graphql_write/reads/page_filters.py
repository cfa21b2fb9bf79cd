"""Which pages a page list holds: Wagtail API v2's filters, on the pages a viewer may read.

Every list starts from ``access.pages.readable_pages`` (the ``LIVE`` / ``LATEST``
rules of ``page`` and ``pages``), and every argument narrows it further: arguments
combine with AND. A page named as an anchor (``childOf``, ``ancestorOf`` ...) must
itself be readable; a hidden or missing anchor gives an empty list, so that the answer
does not tell them apart. Unknown values that are not secrets (a locale, a site) are
argument errors instead (``listing.ReadArgumentError``).

``type`` decides the queryset's model: one page type gives that model's queryset, so
its own fields can be filtered (``filter``) and sorted on, as REST v2 does for
``?type=blog.BlogPage&date=...``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.db.models import Model, Q
from django.http import HttpRequest
from strawberry import UNSET
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.access.pages import readable_pages, reference_lookup
from wagtail_graphql_write.access.readable import is_readable
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import PageStatus
from wagtail_graphql_write.generation.listing import PageFilterInput
from wagtail_graphql_write.reads.listing import (
    ReadArgumentError,
    exact_matches,
    find_locale,
    plain_text,
)

#: Tree anchors: argument name -> the ``PageQuerySet`` method applying it.
ANCHORS = {
    "child_of": "child_of",
    "descendant_of": "descendant_of",
    "ancestor_of": "ancestor_of",
    "translation_of": "translation_of",
}


@dataclass
class PageFilters:
    """The filtering arguments of a page list, as the client sent them.

    ``anchors`` holds tree anchors already resolved to pages (the ``Page``
    interface's lists pass their own page); ``references`` the ids or URL paths a
    client sent, resolved here.
    """

    latest: bool = False
    types: list[type[Model]] = field(default_factory=list)
    references: dict[str, str | None] = field(default_factory=dict)
    anchors: dict[str, Page] = field(default_factory=dict)
    slug: str | None = None
    path: str | None = None
    site: str | None = None
    locale: str | None = None
    in_menu: bool | None = None
    statuses: list[PageStatus] | None = None
    fields: Any = None  # a ``PageFilter`` input value


def single_type(types: list[type[Model]]) -> type[Model] | None:
    """The one page type a list is of, if ``type`` names exactly one specific type."""
    return types[0] if len(types) == 1 and types[0] is not Page else None


def filter_pages(
    request: HttpRequest, filters: PageFilters, spec: PageFilterInput | None
) -> PageQuerySet:
    """The pages ``filters`` select among those the request may read (unordered)."""
    model = single_type(filters.types)
    queryset = readable_pages(request, filters.latest, model or Page)
    if filters.types and model is None:
        queryset = of_types(queryset, filters.types)
    site = find_site(filters.site) if filters.site is not None else None
    queryset = _in_tree(request, queryset, filters, site)
    if site is not None:
        queryset = queryset.filter(site_q(site))
    if filters.path is not None:
        page = page_at(request, plain_text(filters.path, "path"), site)
        queryset = queryset.filter(pk=page.pk) if page is not None else queryset.none()
    if filters.slug is not None:
        queryset = queryset.filter(slug=plain_text(filters.slug, "slug"))
    if filters.in_menu is not None:
        queryset = queryset.filter(show_in_menus=filters.in_menu)
    if filters.statuses is not None:
        queryset = queryset.filter(pk__in=with_status(filters.statuses))
    if filters.locale is not None:
        queryset = queryset.filter(locale=find_locale(filters.locale))
    if filters.fields is not None:
        queryset = _by_fields(queryset, filters.fields, spec, model)
    return queryset


def with_status(statuses: list[PageStatus]) -> Any:
    """The ids of pages with any of ``statuses``, by Wagtail's ``status_string`` rule.

    "Scheduled" is Wagtail's ``approved_schedule``: a revision approved to go live,
    annotated in SQL as the admin's listing does (``annotate_approved_schedule``).
    """
    scheduled = Q(_approved_schedule=True)
    unpublished = Q(live=False, expired=False)
    conditions = {
        PageStatus.LIVE: Q(live=True, has_unpublished_changes=False) & ~scheduled,
        PageStatus.LIVE_AND_DRAFT: Q(live=True, has_unpublished_changes=True) & ~scheduled,
        PageStatus.LIVE_AND_SCHEDULED: Q(live=True) & scheduled,
        PageStatus.DRAFT: unpublished & ~scheduled,
        PageStatus.SCHEDULED: unpublished & scheduled,
        PageStatus.EXPIRED: Q(live=False, expired=True),
    }
    wanted = Q(pk__in=[])
    for status in dict.fromkeys(statuses):
        wanted |= conditions[status]
    pages = cast(PageQuerySet, Page.objects.all()).annotate_approved_schedule()
    return pages.filter(wanted).values("pk")


def of_types(queryset: PageQuerySet, models: list[Any]) -> PageQuerySet:
    """Pages of these types; ``GENERIC_PAGE`` means pages of the base class only.

    ``PageQuerySet.type()`` includes subclasses, and every page type subclasses
    ``Page``, so the base type is matched exactly.
    """
    specific = [m for m in models if m is not Page]
    matched = queryset.type(*specific) if specific else queryset.none()
    if Page in models:
        matched = matched | queryset.exact_type(Page)
    return cast(PageQuerySet, matched)


def _in_tree(
    request: HttpRequest, queryset: PageQuerySet, filters: PageFilters, site: Site | None
) -> PageQuerySet:
    anchors = dict(filters.anchors)
    for argument, reference in filters.references.items():
        if reference is None:
            continue
        # An anchor the viewer may not read is no anchor, even if some of the pages
        # it selects are readable: the answer must not tell it from a missing one.
        text = plain_text(reference, names.field_name(argument))
        found = page_at(request, text, site)
        if found is None or not is_readable(request, found):
            return cast(PageQuerySet, queryset.none())
        anchors[argument] = found  # its tree position is enough: no specific row
    for argument, anchor in anchors.items():
        queryset = getattr(queryset, ANCHORS[argument])(anchor)
    return queryset


def page_at(request: HttpRequest, reference: str, site: Site | None) -> Page | None:
    """A page by id or URL path; a path is read on ``site`` when given (the ``site``
    argument), else on the request's site, as ``page(path:)`` reads it."""
    lookup = reference_q(request, reference, site)
    return None if lookup is None else Page.objects.filter(lookup).first()


def reference_q(request: HttpRequest, reference: str, site: Site | None) -> Q | None:
    """The filter naming the page ``page_at`` finds, if the reference can name one."""
    text = reference.strip()
    if site is None or not text.startswith("/"):
        return reference_lookup(request, text)
    suffix = "/".join(part for part in text.split("/") if part)
    return Q(url_path=site.root_page.url_path + (f"{suffix}/" if suffix else ""))


def find_site(value: str) -> Site:
    """The site a ``site`` argument names: an id, a hostname, or ``hostname:port``."""
    text = plain_text(value, "site").strip()
    if parse_id(text) is not None:
        sites = Site.objects.filter(pk=parse_id(text))
    else:
        hostname, _, port = text.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=parse_id(port) or 0)
    found = list(sites[:2])
    if not found:
        raise ReadArgumentError(f"No site matches {text!r}.", "site")
    if len(found) > 1:
        raise ReadArgumentError(
            f"Several sites have the hostname {text!r}: add the port (hostname:port).", "site"
        )
    return found[0]


def site_q(site: Site) -> Q:
    """The site's tree, and its root's translations' trees when i18n is on (as REST v2)."""
    roots = [site.root_page]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots += list(site.root_page.get_translations())
    condition = Q()
    for root in roots:
        condition |= Q(path__startswith=root.path)
    return condition


def _by_fields(
    queryset: PageQuerySet, value: Any, spec: PageFilterInput | None, model: type[Model] | None
) -> PageQuerySet:
    """The ``filter`` argument: its one key names the page type whose fields it filters."""
    assert spec is not None  # the argument only exists when the input does
    key = next(k for k in spec.by_key if getattr(value, k, UNSET) not in (UNSET, None))
    chosen = spec.by_key[key]
    if model is None or not issubclass(model, chosen.model):
        type_value = names.type_enum_value(chosen.model)
        raise ReadArgumentError(
            f"`filter: {{{key}: ...}}` filters {names.type_name(chosen.model)} fields: "
            f"list only that type with `type: [{type_value}]`.",
            "filter",
        )
    return cast(PageQuerySet, exact_matches(queryset, getattr(value, key), chosen))
