"""Whether an object exists for a viewer at all: the rule writes find their objects by.

A mutation naming an object the viewer could not read (a draft page of someone
else's section, an unpublished snippet) answers exactly as for an id that matches
nothing, so that writes reveal no more than reads do.
"""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest
from wagtail.models import Page

from wagtail_graphql_write.access.pages import can_read_latest, live_pages
from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.snippets import snippet_is_visible


def page_is_visible(request: HttpRequest, page: Page) -> bool:
    """A ``LATEST`` read (edit or publish permission) or a ``LIVE`` read shows it."""
    if can_read_latest(request.user, page) or can_view_revisions(request.user, page):
        return True
    return bool(page.live) and live_pages(request).filter(pk=page.pk).exists()


def is_visible(request: HttpRequest, obj: Model) -> bool:
    """``page_is_visible`` for pages; the snippet read rules (and reviewers) otherwise."""
    if isinstance(obj, Page):
        return page_is_visible(request, obj)
    return snippet_is_visible(request, obj) or can_view_revisions(request.user, obj)
