"""Interfaces every generated type implements: ``Page``, ``Snippet`` and Wagtail's mixins.

Fields here read Wagtail's own attributes, so a generated type inherits them as they
are and only adds its model's ``api_fields``. ``Revisable`` (RevisionMixin) lives in
``revisions``; ``DraftState`` implements it, as DraftStateMixin requires RevisionMixin.
``Workflowable`` (WorkflowMixin) lives in ``workflows``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from strawberry.types import Info

from wagtail_graphql_write.access.permissions import page_permissions, snippet_permissions
from wagtail_graphql_write.access.readable import may_see_lock_holder
from wagtail_graphql_write.access.revisions import (
    one_revision,
    scheduled_revision,
    visible_owner,
)
from wagtail_graphql_write.generation.common import User
from wagtail_graphql_write.generation.permissions import PagePermissions, SnippetPermissions
from wagtail_graphql_write.generation.revisions import Revisable, Revision
from wagtail_graphql_write.generation.workflows import Workflowable


def _pk(root: Any) -> strawberry.ID:
    return strawberry.ID(str(root.pk))


@strawberry.interface(
    name="DraftState", description="An object with a published version and drafts."
)
class DraftState(Revisable):
    live: bool = strawberry.field(description="Whether a version is published.")
    has_unpublished_changes: bool = strawberry.field(
        description="Whether the latest revision differs from the published content."
    )
    first_published_at: datetime | None
    last_published_at: datetime | None
    go_live_at: datetime | None = strawberry.field(description="Scheduled publishing time.")
    expire_at: datetime | None = strawberry.field(description="Scheduled unpublishing time.")

    @strawberry.field(description="The published revision; null when not live.")
    def live_revision(root: Any, info: Info) -> Revision | None:  # noqa: N805
        owner = visible_owner(info.context.request.user, root)
        return one_revision(owner, owner.live_revision_id) if owner is not None else None

    @strawberry.field(
        description="The revision scheduled to go live (published with a future goLiveAt), if any."
    )
    def scheduled_revision(root: Any, info: Info) -> Revision | None:  # noqa: N805
        owner = visible_owner(info.context.request.user, root)
        return scheduled_revision(owner) if owner is not None else None


@strawberry.interface(name="Lockable", description="An object that editors can lock.")
class Lockable:
    locked: bool

    @strawberry.field(
        description="When it was locked; null unless you hold the lock or may edit, "
        "publish, lock or unlock the object."
    )
    def locked_at(root: Any, info: Info) -> datetime | None:  # noqa: N805
        if not root.locked or not may_see_lock_holder(info.context.request, root):
            return None
        return cast(datetime | None, root.locked_at)

    @strawberry.field(
        description="Who holds the lock; null unless you hold the lock or may edit, "
        "publish, lock or unlock the object."
    )
    def locked_by(root: Any, info: Info) -> User | None:  # noqa: N805 - Strawberry passes the model as root
        if not root.locked or not may_see_lock_holder(info.context.request, root):
            return None
        return root.locked_by


@strawberry.interface(name="Page", description="A Wagtail page of any type.")
class Page(DraftState, Lockable, Workflowable):
    @strawberry.field(description="The page's id, as the admin shows it.")
    def id(root: Any) -> strawberry.ID:  # noqa: N805
        return _pk(root)

    title: str
    slug: str
    seo_title: str = strawberry.field(description="Title shown in search engines.")
    search_description: str
    show_in_menus: bool
    url_path: str = strawberry.field(description="Path from the tree root, e.g. /home/blog/.")
    depth: int

    @strawberry.field(description='The content type label, e.g. "blog.BlogPage".')
    def content_type(root: Any) -> str:  # noqa: N805
        return str(type(root)._meta.label)

    @strawberry.field(description="The page's URL on its site, or null if it is not routable.")
    def url(root: Any, info: Info) -> str | None:  # noqa: N805
        request = info.context.request
        return root.get_url(request=request)

    @strawberry.field(description="The page's locale (language code).")
    def locale(root: Any) -> str:  # noqa: N805
        return str(root.locale.language_code)

    @strawberry.field(description="What the viewer may do to this page.")
    def user_permissions(root: Any, info: Info) -> PagePermissions:  # noqa: N805
        return page_permissions(info.context.request.user, root)


@strawberry.interface(name="Snippet", description="A Wagtail snippet of any type.")
class Snippet:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805
        return _pk(root)

    @strawberry.field(description="The snippet's string representation, as the admin shows it.")
    def display_title(root: Any) -> str:  # noqa: N805
        return str(root)

    @strawberry.field(description="What the viewer may do to this snippet.")
    def user_permissions(root: Any, info: Info) -> SnippetPermissions:  # noqa: N805
        return snippet_permissions(info.context.request.user, root)
