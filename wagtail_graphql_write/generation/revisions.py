"""Revisions: ``interface Revision`` (``PageRevision``, ``SnippetRevision``) and ``Revisable``.

A revision's ``content`` is the object as that revision stored it
(``revision.as_object()``), typed ``<Model>RevisionContent`` through the
``PageRevisionContent`` or ``SnippetRevisionContent`` interface: a value with no
``id``, so that caches keep it inside its revision (see ``revision_content``). The
object's id is the revision's ``objectId``. ``Revisable`` is implemented by every type
whose model has ``RevisionMixin`` (all pages, and snippets such as ``Person``).

Revisions are drafts, so every field here that hands one out asks
``access.revisions`` first: only a viewer who may read the object's ``LATEST`` version
sees them, and ``content`` re-checks, so a revision that reaches a viewer some other
way (an ``EditConflictError``) cannot show its content either.

"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from wagtail.models import get_default_page_content_type

from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.revisions import (
    RevisionFilters,
    RevisionOrdering,
    one_revision,
    owner_of,
    revision_list,
    revision_object,
    visible_owner,
)
from wagtail_graphql_write.generation.common import User
from wagtail_graphql_write.generation.revision_content import (
    PageRevisionContent,
    SnippetRevisionContent,
)


@strawberry.interface(name="Revision", description="A saved version of a page or snippet.")
class Revision:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the revision as root
        return strawberry.ID(str(root.pk))

    @strawberry.field(description="The id of the page or snippet this is a revision of.")
    def object_id(root: Any) -> strawberry.ID:  # noqa: N805
        return strawberry.ID(str(root.object_id))

    @strawberry.field
    def created_at(root: Any) -> datetime:  # noqa: N805
        return root.created_at

    @strawberry.field(description="Who saved it, if known.")
    def user(root: Any) -> User | None:  # noqa: N805
        return root.user

    @strawberry.field(
        description="When this revision is scheduled to go live (set when a revision with a "
        "future goLiveAt is published), else null."
    )
    def approved_go_live_at(root: Any) -> datetime | None:  # noqa: N805
        return root.approved_go_live_at

    @strawberry.field(
        description="The object's title as this revision stored it; cheap to read in "
        "lists, unlike content."
    )
    def object_title(root: Any) -> str:  # noqa: N805
        return str(root.object_str)

    @strawberry.field(description="Whether this is the object's latest revision.")
    def is_latest(root: Any) -> bool:  # noqa: N805
        return bool(getattr(owner_of(root), "latest_revision_id", None) == root.pk)

    @strawberry.field(description="Whether this revision is the published version.")
    def is_live(root: Any) -> bool:  # noqa: N805
        return bool(getattr(owner_of(root), "live_revision_id", None) == root.pk)


def _is_page_revision(cls: type, obj: Any, info: Any) -> bool:
    """Page revisions have the base ``Page`` content type: no query needed to tell."""
    return bool(getattr(obj, "base_content_type_id", None) == get_default_page_content_type().pk)


def _content(root: Any, info: Info) -> Any:
    """The revision's object as it stored it, or null if the viewer may not see drafts."""
    owner = owner_of(root)
    if owner is None or not can_view_revisions(info.context.request.user, owner):
        return None
    return revision_object(root)


@strawberry.type(name="PageRevision", description="A revision of a page.")
class PageRevision(Revision):
    is_type_of = classmethod(_is_page_revision)  # type: ignore[var-annotated]

    @strawberry.field(
        description="The page as this revision stored it; null if you may not read its drafts."
    )
    def content(root: Any, info: Info) -> PageRevisionContent | None:  # noqa: N805
        return _content(root, info)


@strawberry.type(name="SnippetRevision", description="A revision of a snippet.")
class SnippetRevision(Revision):
    is_type_of = classmethod(lambda cls, obj, info: not _is_page_revision(cls, obj, info))

    @strawberry.field(
        description="The snippet as this revision stored it; null if you may not read its drafts."
    )
    def content(root: Any, info: Info) -> SnippetRevisionContent | None:  # noqa: N805
        return _content(root, info)


REVISION_TYPES: tuple[type, ...] = (PageRevision, SnippetRevision)


@strawberry.enum(name="RevisionOrder", description="How a list of revisions is sorted.")
class RevisionOrder(enum.Enum):
    CREATED_AT_DESC = strawberry.enum_value(
        "created_at_desc", description="Newest first (the default)."
    )
    CREATED_AT_ASC = strawberry.enum_value("created_at_asc", description="Oldest first.")


@strawberry.type(name="RevisionList", description="A page of revisions and the total count.")
class RevisionList:
    items: list[Revision]
    total_count: int = strawberry.field(description="How many revisions match, ignoring paging.")


CreatedAfter = Annotated[
    datetime | None, strawberry.argument(description="Created at or after this time.")
]
CreatedBefore = Annotated[
    datetime | None, strawberry.argument(description="Created at or before this time.")
]
GoLiveAfter = Annotated[
    datetime | None,
    strawberry.argument(description="Scheduled to go live at or after this time."),
]
GoLiveBefore = Annotated[
    datetime | None,
    strawberry.argument(description="Scheduled to go live at or before this time."),
]
ByUser = Annotated[
    strawberry.ID | None, strawberry.argument(description="Saved by this user (id).")
]
Limit = Annotated[
    int | None, strawberry.argument(description="Page size; capped by the MAX_LIMIT setting.")
]


def _viewer(info: Info) -> Any:
    return info.context.request.user


@strawberry.interface(
    name="Revisable",
    description="An object with revisions (RevisionMixin). Revisions are drafts: these "
    "fields are null for viewers who may not read the object's LATEST version.",
)
class Revisable:
    @strawberry.field(description="The object's revisions, newest first by default.")
    def revisions(
        root: Any,  # noqa: N805 - Strawberry passes the model instance as root
        info: Info,
        created_after: CreatedAfter = None,
        created_before: CreatedBefore = None,
        user: ByUser = None,
        approved_go_live_after: GoLiveAfter = None,
        approved_go_live_before: GoLiveBefore = None,
        order: RevisionOrder = RevisionOrder.CREATED_AT_DESC,
        offset: int = 0,
        limit: Limit = None,
    ) -> RevisionList | None:
        owner = visible_owner(_viewer(info), root)
        if owner is None:
            return None
        filters = RevisionFilters(
            created_after, created_before, user, approved_go_live_after, approved_go_live_before
        )
        items, total = revision_list(owner, filters, RevisionOrdering[order.name], offset, limit)
        return RevisionList(items=items, total_count=total)

    @strawberry.field(description="The latest revision: the working draft.")
    def latest_revision(root: Any, info: Info) -> Revision | None:  # noqa: N805
        owner = visible_owner(_viewer(info), root)
        return one_revision(owner, owner.latest_revision_id) if owner is not None else None
