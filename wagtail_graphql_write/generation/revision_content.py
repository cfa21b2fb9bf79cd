"""What a revision stored: ``interface PageRevisionContent`` and ``SnippetRevisionContent``.

A revision's ``content`` is a value of that revision, not the page or snippet itself,
so it is typed ``<Model>RevisionContent`` (generated per revisable model next to its
object type, with the same model fields) and has no ``id``. Normalising caches (Apollo
``InMemoryCache``, urql Graphcache) key an object by ``__typename`` + ``id``: had a
revision's content been the model's own type with the object's id, every revision
would be merged into the live object in the cache. Without ``id`` each content is
embedded in its revision (``PageRevision:<id>``), which never changes.

Only what a revision stores is here: the object's state that Wagtail keeps on the live
row (tree position, publishing and lock state, revisions, permissions, workflow) is read
from the object itself, not from one of its revisions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from django.db.models import prefetch_related_objects

from wagtail_graphql_write.access.batches import for_batch


@strawberry.interface(
    name="PageRevisionContent",
    description="A page as one of its revisions stored it. It has no id of its own: it "
    "is part of its revision (whose objectId is the page's id).",
)
class PageRevisionContent:
    title: str
    slug: str
    seo_title: str = strawberry.field(description="Title shown in search engines.")
    search_description: str
    show_in_menus: bool
    go_live_at: datetime | None = strawberry.field(description="Scheduled publishing time.")
    expire_at: datetime | None = strawberry.field(description="Scheduled unpublishing time.")

    @strawberry.field(description='The content type label, e.g. "blog.BlogPage".')
    def content_type(root: Any) -> str:  # noqa: N805 - Strawberry passes the page as root
        return str(type(root)._meta.label)

    @strawberry.field(description="The page's locale (language code).")
    def locale(root: Any) -> str:  # noqa: N805
        for_batch(root, "locale", lambda pages: prefetch_related_objects(pages, "locale"))
        return str(root.locale.language_code)


@strawberry.interface(
    name="SnippetRevisionContent",
    description="A snippet as one of its revisions stored it. It has no id of its own: it "
    "is part of its revision (whose objectId is the snippet's id).",
)
class SnippetRevisionContent:
    @strawberry.field(description="The snippet's string representation, as the admin shows it.")
    def display_title(root: Any) -> str:  # noqa: N805 - Strawberry passes the snippet as root
        return str(root)
