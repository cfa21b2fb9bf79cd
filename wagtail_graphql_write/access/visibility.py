"""Whether an object exists for a viewer at all: the rule writes find their objects by.

A mutation naming an object the viewer could not read (a draft page of someone
else's section, an unpublished snippet) answers exactly as for an id that matches
nothing, so that writes reveal no more than reads do.
"""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest

from wagtail_graphql_write.access.permissions import can_view_revisions
from wagtail_graphql_write.access.readable import is_readable


def is_visible(request: HttpRequest, obj: Model) -> bool:
    """Some read shows it (``access.readable``), or the viewer reviews its drafts.

    Reviewers of the object's current workflow task may read its revisions (and act
    on it) without edit permission, so for them it exists too.
    """
    return is_readable(request, obj) or can_view_revisions(request.user, obj)
