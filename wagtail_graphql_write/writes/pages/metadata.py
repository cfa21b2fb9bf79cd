"""``setPageFirstPublishedAt``: correct when a page was first published.

``first_published_at`` is what a site sorts and dates its posts by; after an import or
a republish it is often wrong, and the admin has no form for it. Changing it is an
editorial decision about the published page, so it needs publish permission, and it
is logged (``wagtail_graphql_write.first_published_at``, registered in
``wagtail_hooks.py`` so the admin's history shows it).

Every revision stores its own copy of the date, and publishing a revision restores
that copy (``Page.with_content_json`` keeps the row's date only where the revision's is
empty): the date is therefore changed in every revision of the page too, or the next
publish, or a revert, would bring the old date back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.errors.failures import InvalidInput, StateViolation
from wagtail_graphql_write.writes.mutation import Argument, MutationContext, MutationSpec
from wagtail_graphql_write.writes.pages.common import (
    PAGE_ID,
    allowed,
    find_page,
    page_payload,
    unlocked,
)
from wagtail_graphql_write.writes.results import latest_version

#: The audit-log action (registered for the admin in ``wagtail_hooks.py``).
LOG_ACTION = "wagtail_graphql_write.first_published_at"

FIRST_PUBLISHED_AT = Argument(
    "first_published_at",
    argument(datetime, "When the page was first published; not in the future."),
    REQUIRED,
)


def has_been_published(_ctx: MutationContext, page: Any) -> None:
    if page.first_published_at is None:
        raise StateViolation(
            f"Page {page.pk} has never been published: it has no first publication date.",
            "not_live",
            ["id"],
        )


def not_in_the_future(ctx: MutationContext, page: Any) -> Any:
    moment = ctx.args["first_published_at"]
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > timezone.now():
        raise InvalidInput(
            "A first publication date cannot be in the future.", "in_future", ["firstPublishedAt"]
        )
    return page


def execute(ctx: MutationContext, page: Any) -> Any:
    old = page.first_published_at
    new = ctx.args["first_published_at"]
    Page.objects.filter(pk=page.pk).update(first_published_at=new)
    stored = DjangoJSONEncoder().default(new)
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)).only("content"):
        if revision.content.get("first_published_at") is not None:
            revision.content["first_published_at"] = stored
            revision.save(update_fields=["content"])
    page.first_published_at = new
    log(
        page,
        LOG_ACTION,
        user=ctx.user,
        data={"first_published_at": {"old": _iso(old), "new": _iso(new)}},
    )
    return latest_version(page)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


SPECS = (
    MutationSpec(
        name="setPageFirstPublishedAt",
        description=("Change when a page was first published (needs publish permission; logged)."),
        arguments=[PAGE_ID, FIRST_PUBLISHED_AT],
        payload=page_payload(),
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_publish(), "You do not have permission to publish this page."
        ),
        preconditions=[unlocked, has_been_published],
        validate=not_in_the_future,
        execute=execute,
    ),
)
