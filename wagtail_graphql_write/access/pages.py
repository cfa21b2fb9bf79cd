"""Which pages a request may read, in which version.

Rules: ``LIVE`` reads show only live pages; anonymous requests see those that are
public (no view restriction rejects the request) and inside the request's site, as
Wagtail's v2/v3 read APIs do. Authenticated users additionally see live pages they can
edit. ``LATEST`` reads (the working draft) need edit permission on the page.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model, Q
from django.http import HttpRequest
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.query import PageQuerySet

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.conf import get_settings

_CACHE_ATTR = "_wagtail_graphql_write_cache"


def request_cache(request: HttpRequest) -> dict[str, Any]:
    """A dict that lives as long as the request: per-request memo, never global."""
    cache = getattr(request, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTR, cache)
    return cast(dict[str, Any], cache)


def editable_pages(user: Any, model: type[Model] = Page) -> PageQuerySet:
    """Pages the user may edit or publish: the admin's rule for seeing drafts."""
    if not user.is_authenticated:
        return cast(PageQuerySet, model._default_manager.none())
    policy = PagePermissionPolicy(model)
    return cast(
        PageQuerySet, policy.instances_user_has_any_permission_for(user, {"change", "publish"})
    )


def live_pages(request: HttpRequest, model: type[Model] = Page) -> PageQuerySet:
    """Live pages this request may read: the public ones, and those the viewer may edit.

    The union is built only when it can differ from either side: a viewer who may edit
    every page reads every live page; one who may edit none reads the public ones.
    """
    user = request.user
    if not user.is_authenticated:
        if not get_settings()["ANONYMOUS_READS"]:
            return cast(PageQuerySet, model._default_manager.none())
        return cast(PageQuerySet, get_public_pages_queryset(request, model))
    scope = _edit_scope(user)
    if scope == "all":
        return cast(PageQuerySet, model._default_manager.all()).live()
    if scope == "none":
        return cast(PageQuerySet, get_public_pages_queryset(request, model))
    public = get_public_pages_queryset(request, model).values("pk")
    editable = editable_pages(user, model).values("pk")
    queryset = (
        cast(PageQuerySet, model._default_manager.all())
        .live()
        .filter(Q(pk__in=public) | Q(pk__in=editable))
    )
    return cast(PageQuerySet, queryset)


def _edit_scope(user: Any) -> str:
    """Which pages ``editable_pages`` holds for ``user``: ``"all"``, ``"none"`` or ``"some"``.

    As ``PagePermissionPolicy`` decides (from the user's cached page permissions, no
    query once they are cached): everything for an active superuser or for ``change``
    or ``publish`` granted on the tree root (Wagtail's tree has one root); nothing
    without ``add``, ``change`` or ``publish`` anywhere (``add`` grants ``change`` on
    one's own pages).
    """
    if not user.is_active:
        return "none"
    if user.is_superuser:
        return "all"
    actions = [
        (perm.page.depth, perm.permission.codename.rsplit("_", 1)[0])
        for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
    ]
    if any(depth == 1 and action in ("change", "publish") for depth, action in actions):
        return "all"
    if not any(action in ("add", "change", "publish") for _, action in actions):
        return "none"
    return "some"


def readable_pages(request: HttpRequest, latest: bool, model: type[Model] = Page) -> PageQuerySet:
    """The pages a ``LIVE`` or ``LATEST`` read may return."""
    if latest:
        return editable_pages(request.user, model)
    return live_pages(request, model)


def can_read_latest(user: Any, page: Page) -> bool:
    """Whether ``user`` may see the page's working draft (edit or publish permission)."""
    if not user.is_authenticated:
        return False
    perms = page.permissions_for_user(user)
    return bool(perms.can_edit() or perms.can_publish())


def _url_path(request: HttpRequest, path: str) -> str | None:
    """The stored ``url_path`` of a URL path (``"/blog/"``) on the request's site.

    None for a path with a NUL character: no page's can hold one, and PostgreSQL
    refuses the query rather than find nothing.
    """
    from wagtail.models import Site

    if "\x00" in path:
        return None

    site = Site.find_for_request(request)
    if site is None:
        return None
    suffix = "/".join(part for part in path.split("/") if part)
    return str(site.root_page.url_path) + (f"{suffix}/" if suffix else "")


def reference_lookup(request: HttpRequest, reference: str | None) -> Q | None:
    """The filter naming a page by id (``"4"``) or URL path (``"/blog/"``), if any."""
    if reference is None:
        return None
    reference = str(reference).strip()
    if reference.startswith("/"):
        url_path = _url_path(request, reference)
        return None if url_path is None else Q(url_path=url_path)
    pk = parse_id(reference)
    return None if pk is None else Q(pk=pk)


def page_by_url_path(request: HttpRequest, path: str) -> Page | None:
    """The page at a URL path (``"/blog/"``) on the request's site, published or not."""
    return page_by_reference(request, path if path.startswith("/") else f"/{path}")


def page_by_reference(request: HttpRequest, reference: str | None) -> Page | None:
    """A page by id (``"4"``) or URL path (``"/blog/"``), without visibility checks."""
    lookup = reference_lookup(request, reference)
    return None if lookup is None else Page.objects.filter(lookup).first()


def readable_page(request: HttpRequest, reference: str | None, latest: bool) -> Page | None:
    """A page by id or URL path as its specific class, if a ``LIVE``/``LATEST`` read shows it.

    One query for the row (filtered by the read rule) and one for its specific class.
    """
    lookup = reference_lookup(request, reference)
    return None if lookup is None else readable_page_where(request, lookup, latest)


def readable_page_where(request: HttpRequest, lookup: Q, latest: bool) -> Page | None:
    """The one page ``lookup`` names as its specific class, if a ``LIVE``/``LATEST`` read
    shows it (``readable_page``'s rule, for lookups other than an id or a path)."""
    page = readable_pages(request, latest).filter(lookup).specific().first()
    if page is None or (latest and not can_read_latest(request.user, page)):
        return None
    return cast(Page, page)
