"""Revisions: ``interface Revision`` with ``PageRevision`` and ``SnippetRevision``.

A revision's ``content`` is the object as that revision stored it
(``revision.as_object()``), typed as the model's own GraphQL type through the
``Page`` or ``Snippet`` interface.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from wagtail.models import Page as PageModel

from wagtail_graphql_write.generation.common import User
from wagtail_graphql_write.generation.interfaces import Page, Snippet


def _owner(revision: Any) -> Any:
    cached = getattr(revision, "_graphql_owner", None)
    if cached is None:
        cached = revision.content_object
        revision._graphql_owner = cached
    return cached


@strawberry.interface(name="Revision", description="A saved version of a page or snippet.")
class Revision:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the revision as root
        return strawberry.ID(str(root.pk))

    @strawberry.field
    def created_at(root: Any) -> datetime:  # noqa: N805
        return root.created_at

    @strawberry.field(description="Who saved it, if known.")
    def user(root: Any) -> User | None:  # noqa: N805
        return root.user

    @strawberry.field(description="Scheduled publishing time of this revision, if any.")
    def approved_go_live_at(root: Any) -> datetime | None:  # noqa: N805
        return root.approved_go_live_at

    @strawberry.field(description="Whether this is the object's latest revision.")
    def is_latest(root: Any) -> bool:  # noqa: N805
        return bool(getattr(_owner(root), "latest_revision_id", None) == root.pk)

    @strawberry.field(description="Whether this revision is the published version.")
    def is_live(root: Any) -> bool:  # noqa: N805
        return bool(getattr(_owner(root), "live_revision_id", None) == root.pk)


def _is_page_revision(cls: type, obj: Any, info: Any) -> bool:
    model = obj.content_type.model_class() if hasattr(obj, "content_type") else None
    return model is not None and issubclass(model, PageModel)


@strawberry.type(name="PageRevision", description="A revision of a page.")
class PageRevision(Revision):
    is_type_of = classmethod(_is_page_revision)  # type: ignore[var-annotated]

    @strawberry.field(description="The page as this revision stored it.")
    def content(root: Any) -> Page:  # noqa: N805
        return root.as_object()


@strawberry.type(name="SnippetRevision", description="A revision of a snippet.")
class SnippetRevision(Revision):
    is_type_of = classmethod(lambda cls, obj, info: not _is_page_revision(cls, obj, info))

    @strawberry.field(description="The snippet as this revision stored it.")
    def content(root: Any) -> Snippet:  # noqa: N805
        return root.as_object()


REVISION_TYPES: tuple[type, ...] = (PageRevision, SnippetRevision)
