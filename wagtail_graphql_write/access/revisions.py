"""Revisions a request may read, filtered and ordered, without a query per revision.

A revision is a draft: it is shown only to users who may read the object's ``LATEST``
version (``access.permissions.can_view_revisions``). A revision's object is the
*database row* of the page or snippet, whatever version of it a query started from,
so that ``isLive`` / ``isLatest`` and ``liveRevision`` are about the object as it is
now, not as a revision remembered it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from wagtail.models import Revision, RevisionMixin

from wagtail_graphql_write.access.ids import parse_id, parse_pk
from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.conf import get_settings

#: Where a revision's object is remembered (see ``owner_of``).
OWNER_ATTR = "_graphql_owner"


class RevisionOrdering(enum.Enum):
    """How a revision list is sorted; the id breaks ties between equal timestamps."""

    CREATED_AT_DESC = ("-created_at", "-id")
    CREATED_AT_ASC = ("created_at", "id")


@dataclass(frozen=True)
class RevisionFilters:
    """The ``revisions(...)`` arguments; every bound is inclusive, ``None`` is no bound."""

    created_after: datetime | None = None
    created_before: datetime | None = None
    user: str | None = None
    approved_go_live_after: datetime | None = None
    approved_go_live_before: datetime | None = None

    def apply(self, queryset: QuerySet[Revision]) -> QuerySet[Revision]:
        lookups = {
            "created_at__gte": self.created_after,
            "created_at__lte": self.created_before,
            "approved_go_live_at__gte": self.approved_go_live_after,
            "approved_go_live_at__lte": self.approved_go_live_before,
        }
        queryset = queryset.filter(**{k: v for k, v in lookups.items() if v is not None})
        if self.user is None:
            return queryset
        user_id = parse_pk(get_user_model(), self.user)
        return queryset.none() if user_id is None else queryset.filter(user_id=user_id)


def database_row(obj: Model) -> Model | None:
    """The object's row as the database has it now.

    A query may start from a ``LATEST`` version or a revision's content, built from
    revision JSON (``with_content_json``): it keeps the id but not every field that
    describes the object as a whole (``live_revision``, for one), and such copies
    cannot be told apart from rows. Rows are not cached per request either, since a
    later mutation of the same request may change them.
    """
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def remember_owner(revisions: Iterable[Revision], owner: Model) -> None:
    """Tell each revision its object, so neither ``isLive`` nor ``content`` refetches it."""
    content_object = Revision._meta.get_field("content_object")
    for revision in revisions:
        setattr(revision, OWNER_ATTR, owner)
        content_object.set_cached_value(revision, owner)


def owner_of(revision: Revision) -> Model | None:
    """The page or snippet a revision belongs to (its specific class), or ``None``."""
    owner = getattr(revision, OWNER_ATTR, None)
    if owner is None:
        owner = revision.content_object
        setattr(revision, OWNER_ATTR, owner)
    return cast(Model | None, owner)


def visible_owner(user: Any, obj: Model) -> Any:
    """The database row of a revisable ``obj`` if ``user`` may see its revisions."""
    if not isinstance(obj, RevisionMixin) or not can_view_revisions(user, obj):
        return None
    return database_row(obj)


def revision_list(
    owner: Model,
    filters: RevisionFilters,
    ordering: RevisionOrdering,
    offset: int,
    limit: int | None,
) -> tuple[list[Revision], int]:
    """One page of ``owner``'s revisions and the total count: two queries in all."""
    queryset = filters.apply(cast(RevisionMixin, owner).revisions)
    conf = get_settings()
    size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
    start = max(offset, 0)
    items = list(queryset.select_related("user").order_by(*ordering.value)[start : start + size])
    remember_owner(items, owner)
    return items, queryset.count()


def one_revision(owner: Model, revision_id: int | None) -> Revision | None:
    """``owner``'s revision by id (``latest_revision_id`` ...), with its user and owner."""
    if revision_id is None:
        return None
    found = Revision.objects.select_related("user").filter(pk=revision_id).first()
    if found is not None:
        remember_owner([found], owner)
    return found


def scheduled_revision(owner: Model) -> Revision | None:
    """The revision waiting for its ``approved_go_live_at`` (Wagtail keeps at most one)."""
    queryset = cast(RevisionMixin, owner).revisions.filter(approved_go_live_at__isnull=False)
    found = queryset.select_related("user").order_by("-created_at", "-id").first()
    if found is not None:
        remember_owner([found], owner)
    return found


def visible_revision(user: Any, revision_id: Any) -> Revision | None:
    """A revision by id, if its object still exists and ``user`` may see its revisions."""
    number = parse_id(revision_id)
    revision = None
    if number is not None:
        revision = Revision.objects.select_related("user").filter(pk=number).first()
    if revision is None:
        return None
    owner = owner_of(revision)
    if owner is None or not can_view_revisions(user, owner):
        return None
    remember_owner([revision], owner)
    return revision
