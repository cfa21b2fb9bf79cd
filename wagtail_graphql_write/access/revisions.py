"""Revisions a request may read, filtered and ordered, without a query per revision.

A revision is a draft: it is shown only to users who may read the object's ``LATEST``
version (``access.permissions.can_view_revisions``). A revision's object is the
*database row* of the page or snippet, whatever version of it a query started from,
so that ``isLive`` / ``isLatest`` and ``liveRevision`` are about the object as it is
now, not as a revision remembered it.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Model, QuerySet, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page, Revision, RevisionMixin

from wagtail_graphql_write.access.batches import BATCH_ATTR, for_batch, join_batches
from wagtail_graphql_write.access.ids import parse_id, parse_pk
from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.versions import objects_from_revisions
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
    cannot be told apart from rows. Rows are not cached across fields either, since a
    later mutation of the same request may change them; objects of one list fetch
    theirs together (``access.batches``), while that list is resolved.
    """
    if obj.pk is None:
        return None
    if getattr(obj, BATCH_ATTR, None) is None:
        return type(obj)._default_manager.filter(pk=obj.pk).first()
    return for_batch(obj, "rows", _rows).get(obj.pk)


def _rows(objects: list[Model]) -> dict[Any, Model]:
    rows = type(objects[0])._default_manager.in_bulk([obj.pk for obj in objects])
    join_batches(rows.values())
    return rows


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


def _page_size(offset: int, limit: int | None) -> tuple[int, int]:
    conf = get_settings()
    size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
    return max(offset, 0), size


def revision_list(
    owner: Model,
    filters: RevisionFilters,
    ordering: RevisionOrdering,
    offset: int,
    limit: int | None,
) -> tuple[list[Revision], int]:
    """One page of ``owner``'s revisions and the total count: two queries in all (for
    every owner of a list's batch at once)."""
    if getattr(owner, BATCH_ATTR, None) is not None:
        key = ("revisions", filters, ordering, offset, limit)
        pages = for_batch(owner, key, lambda rows: _revision_pages(rows, key))
        return pages[owner.pk]
    queryset = filters.apply(cast(RevisionMixin, owner).revisions)
    start, size = _page_size(offset, limit)
    items = list(queryset.select_related("user").order_by(*ordering.value)[start : start + size])
    remember_owner(items, owner)
    return items, queryset.count()


def _revisions_of(rows: list[Model]) -> QuerySet[Revision]:
    """``row.revisions`` for every row (pages: by specific content type, as Wagtail)."""
    first = rows[0]
    ids = [str(row.pk) for row in rows]
    if isinstance(first, Page):
        content_type = ContentType.objects.get_for_model(type(first), for_concrete_model=False)
        return Revision.objects.filter(content_type=content_type, object_id__in=ids)
    base = cast(RevisionMixin, first).get_base_content_type()
    return Revision.objects.filter(base_content_type=base, object_id__in=ids)


def _revision_pages(rows: list[Model], key: tuple) -> dict[Any, tuple[list[Revision], int]]:
    """Each row's page of revisions (a window per object) and its count: two queries."""
    _, filters, ordering, offset, limit = key
    start, size = _page_size(offset, limit)
    queryset = filters.apply(_revisions_of(rows))
    order = [F(f[1:]).desc() if f.startswith("-") else F(f).asc() for f in ordering.value]
    ranked = queryset.annotate(
        _rank=Window(RowNumber(), partition_by=[F("object_id")], order_by=order)
    ).filter(_rank__gt=start, _rank__lte=start + size)
    found: dict[str, list[Revision]] = defaultdict(list)
    for revision in ranked.select_related("user").order_by(*ordering.value):
        found[revision.object_id].append(revision)
    counts = dict(
        queryset.order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values_list("object_id", "n")
    )
    pages = {}
    for row in rows:
        items = found.get(str(row.pk), [])
        remember_owner(items, row)
        pages[row.pk] = (items, counts.get(str(row.pk), 0))
    join_batches(revision for items, _ in pages.values() for revision in items)
    return pages


def one_revision(owner: Model, revision_id: int | None) -> Revision | None:
    """``owner``'s revision by id (``latest_revision_id`` ...), with its user and owner."""
    if revision_id is None:
        return None
    if getattr(owner, BATCH_ATTR, None) is not None:
        known = for_batch(owner, "known revisions", _known_revisions)
        if revision_id in known:
            return cast(Revision, known[revision_id])
    found = Revision.objects.select_related("user").filter(pk=revision_id).first()
    if found is not None:
        remember_owner([found], owner)
    return found


def _known_revisions(rows: list[Model]) -> dict[int, Revision]:
    """Every row's latest and live revision, in one query."""
    wanted = {
        revision_id: row
        for row in rows
        for revision_id in (
            getattr(row, "latest_revision_id", None),
            getattr(row, "live_revision_id", None),
        )
        if revision_id is not None
    }
    found = Revision.objects.select_related("user").in_bulk(list(wanted))
    for revision_id, revision in found.items():
        remember_owner([revision], wanted[revision_id])
    join_batches(found.values())
    return found


def scheduled_revision(owner: Model) -> Revision | None:
    """The revision waiting for its ``approved_go_live_at`` (Wagtail keeps at most one)."""
    if getattr(owner, BATCH_ATTR, None) is not None:
        return for_batch(owner, "scheduled", _scheduled).get(owner.pk)
    queryset = cast(RevisionMixin, owner).revisions.filter(approved_go_live_at__isnull=False)
    found = queryset.select_related("user").order_by("-created_at", "-id").first()
    if found is not None:
        remember_owner([found], owner)
    return found


def _scheduled(rows: list[Model]) -> dict[Any, Revision]:
    queryset = _revisions_of(rows).filter(approved_go_live_at__isnull=False)
    by_object: dict[str, Revision] = {}
    for revision in queryset.select_related("user").order_by("-created_at", "-id"):
        by_object.setdefault(revision.object_id, revision)
    found = {row.pk: by_object[str(row.pk)] for row in rows if str(row.pk) in by_object}
    for row_pk, revision in found.items():
        remember_owner([revision], next(row for row in rows if row.pk == row_pk))
    return found


def revision_object(revision: Revision) -> Model:
    """The object as ``revision`` stored it (``as_object()``), built with the others of
    its list at once (``access.versions``)."""
    if getattr(revision, BATCH_ATTR, None) is None:
        return cast(Model, revision.as_object())
    built = for_batch(revision, "content", _contents)
    return built[revision.pk] if revision.pk in built else cast(Model, revision.as_object())


def _contents(revisions: list[Revision]) -> dict[Any, Model]:
    pairs = [(owner, r) for r in revisions if (owner := owner_of(r)) is not None]
    objects = objects_from_revisions([(owner, r.content) for owner, r in pairs])
    join_batches(objects)
    return {revision.pk: obj for (_, revision), obj in zip(pairs, objects, strict=True)}


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
