"""The one read rule for every path to an object: may this request see it at all?

A page, snippet, image or document reached through a relation (a foreign key, a
many-to-many relation, an InlinePanel row's foreign key, a chooser block at any depth
of a StreamField) is shown exactly when the viewer could read it on its own:

- pages: a live page that a ``LIVE`` read shows (public: no view restriction rejects
  the request, and on the request's site), or any page the viewer may edit or publish
  (what a ``LATEST`` read shows);
- snippets with drafts (``DraftStateMixin``): live ones, or any one if the viewer may
  edit or publish the model; other snippets: all of them;
- documents: unless a view restriction of their collection (or an ancestor's) rejects
  the request, as Wagtail's document serve view decides; images: always (Wagtail
  serves image renditions to anyone);
- anything, only while the viewer may read at all (``ANONYMOUS_READS``).

A hidden object reads as ``null`` in a single relation and is left out of a list, so
it cannot be told from one that does not exist. Every check here runs in memory,
against facts fetched once per request (the viewer's page permissions, the rejected
view restrictions, the site), so a list of related objects costs no query per object.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar, cast

from django.db.models import Model, Q
from django.http import HttpRequest
from wagtail.documents.models import AbstractDocument
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    LockableMixin,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_graphql_write.access.pages import request_cache
from wagtail_graphql_write.access.permissions import is_active_user
from wagtail_graphql_write.access.snippets import can_edit_snippets, may_read_live

T = TypeVar("T", bound=Model)

#: Page permissions that let a viewer read the page's drafts (the ``LATEST`` rule).
DRAFT_ACTIONS = frozenset({"change", "publish"})
#: Page permissions that let a viewer see who holds a lock and since when.
LOCK_ACTIONS = DRAFT_ACTIONS | {"lock", "unlock"}


def readable_objects(request: HttpRequest, objects: Iterable[T | None]) -> list[T]:
    """The objects this request may see, in their order; hidden and missing ones dropped."""
    return [obj for obj in objects if obj is not None and is_readable(request, obj)]


def readable_object(request: HttpRequest, obj: T | None) -> T | None:
    """``obj`` if this request may see it, else ``None`` (as if it did not exist).

    Pages come back as their specific class, which their GraphQL type needs.
    """
    if obj is None or not is_readable(request, obj):
        return None
    return cast(T, obj.specific) if isinstance(obj, Page) else obj


def is_readable(request: HttpRequest, obj: Model) -> bool:
    """Whether some read (``LIVE`` or ``LATEST``) would show ``obj`` to this request."""
    if not may_read_live(request.user):
        return False
    if isinstance(obj, Page):
        return _page_is_readable(request, obj)
    if isinstance(obj, DraftStateMixin):
        return bool(obj.live) or can_edit_snippets(request.user, type(obj))
    if isinstance(obj, AbstractDocument):
        return obj.collection_id not in rejected_collection_ids(request)
    return True


def may_see_lock_holder(request: HttpRequest, obj: Model) -> bool:
    """Who locked an object, and when, is for those who may edit, publish or unlock it.

    Wagtail shows a lock's owner in the admin only, to editors; its read APIs show no
    lock at all. ``locked`` itself stays public: it says no more than that the object
    is being worked on (see docs/permissions.md).
    """
    if not isinstance(obj, LockableMixin) or not is_active_user(request.user):
        return False
    if obj.locked_by_id == request.user.pk:
        return True
    if isinstance(obj, Page):
        return bool(page_actions(request, obj) & LOCK_ACTIONS)
    return _may_lock_snippets(request.user, type(obj))


# ---- pages -----------------------------------------------------------------------------


def page_actions(request: HttpRequest, page: Page) -> set[str]:
    """The page permissions (``"change"``, ``"publish"``...) the viewer holds on ``page``.

    As ``PagePermissionPolicy.instances_user_has_any_permission_for`` decides, in
    memory: permissions granted on the page or an ancestor, ``add`` granting
    ``change`` on one's own pages, everything for active superusers.
    """
    user = request.user
    if not is_active_user(user):
        return set()
    if getattr(user, "is_superuser", False):
        return set(LOCK_ACTIONS)
    actions: set[str] = set()
    for perm in PagePermissionPolicy().get_cached_permissions_for_user(user):
        if page.path.startswith(perm.page.path):
            action = perm.permission.codename.rsplit("_", 1)[0]
            actions.add(action)
            if action == "add" and page.owner_id == user.pk:
                actions.add("change")
    return actions


def _page_is_readable(request: HttpRequest, page: Page) -> bool:
    if page_actions(request, page) & DRAFT_ACTIONS:
        return True
    if not page.live:
        return False
    if any(page.path.startswith(p) for p in _rejected_restriction_paths(request)):
        return False
    return any(page.path.startswith(p) for p in _site_paths(request))


def _rejected_restriction_paths(request: HttpRequest) -> list[str]:
    """Paths of the pages whose view restriction rejects this request, fetched once."""
    cache = request_cache(request)
    if "restricted_paths" not in cache:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cache["restricted_paths"] = [
            r.page.path for r in restrictions if not r.accept_request(request)
        ]
    return cast(list[str], cache["restricted_paths"])


def _site_paths(request: HttpRequest) -> list[str]:
    """The request's site root (and its translations): public reads stay inside them.

    As Wagtail's ``get_public_pages_queryset``, which ``page(id:)`` uses.
    """
    from django.conf import settings

    cache = request_cache(request)
    if "site_paths" not in cache:
        site = Site.find_for_request(request)
        roots = [site.root_page] if site is not None else []
        if roots and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots += list(roots[0].get_translations())
        cache["site_paths"] = [root.path for root in roots]
    return cast(list[str], cache["site_paths"])


# ---- snippets and documents ------------------------------------------------------------


def _may_lock_snippets(user: Any, model: type[Model]) -> bool:
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model)
    return bool(policy.user_has_any_permission(user, {"change", "publish", "lock", "unlock"}))


def rejected_collection_ids(request: HttpRequest) -> set[int]:
    """Collections (with their descendants) whose view restriction rejects this request."""
    cache = request_cache(request)
    if "rejected_collections" not in cache:
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        paths = [r.collection.path for r in restrictions if not r.accept_request(request)]
        ids: set[int] = set()
        if paths:
            under = Q()
            for path in paths:
                under |= Q(path__startswith=path)
            ids = set(Collection.objects.filter(under).values_list("pk", flat=True))
        cache["rejected_collections"] = ids
    return cast(set[int], cache["rejected_collections"])
