"""``publishPage``, ``unpublishPage``, ``revertPage`` and ``cancelScheduledPublish``.

Each runs the Wagtail action (or model method) the admin runs for the same button,
so the revision, the ``page_published``/``page_unpublished`` signals, alias updates,
workflow cancellation and the audit log are the admin's. Unlike Wagtail's API v3, a
page that is locked for the viewer (another user's lock, a scheduled publish, a
workflow task) cannot be published or unpublished: that is a ``LockedError``.
"""

from __future__ import annotations

from typing import Any

import strawberry
from wagtail.actions import action_registry
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.actions.unpublish_page import UnpublishPagePermissionError

from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import (
    DRY_RUN,
    EXPECTED_REVISION,
    REQUIRED,
    REVERT_ACTION,
)
from wagtail_graphql_write.writes.failures import NotFound, TreeViolation
from wagtail_graphql_write.writes.guards import (
    ensure_expected_revision,
    ensure_unlocked,
    refuse_submit,
)
from wagtail_graphql_write.writes.page_common import (
    PAGE_ID,
    ActionSpec,
    flag,
    optional,
    page_revision,
    target_page,
    validation_errors_at,
)
from wagtail_graphql_write.writes.pages import latest_version
from wagtail_graphql_write.writes.run import MutationContext

PUBLISH_DENIED = "You do not have permission to publish this page."


def ensure_revisable(page: Any) -> None:
    """Aliases have no revisions of their own: they follow their original page."""
    if page.alias_of_id:
        raise TreeViolation(
            f"Page {page.pk} is an alias of page {page.alias_of_id}: publish or revert the "
            "original page, or convert the alias into an ordinary page first.",
            "not_revisable",
            ["id"],
        )


def _revision_to_publish(page: Any, revision_id: Any, user: Any) -> Any:
    """The revision sent, else the latest; a page without any gets one, as the admin does."""
    if revision_id is not None:
        return page_revision(page, revision_id)
    return page.get_latest_revision() or page.save_revision(user=user)


def publish_page(
    ctx: MutationContext,
    id: str,
    revision_id: Any = None,
    expected_revision_id: Any = None,
    dry_run: bool = False,
) -> Any:
    """Publish a revision; one whose ``go_live_at`` is in the future is scheduled instead."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    ensure_revisable(page)
    ensure_expected_revision(page, expected_revision_id)
    ensure_unlocked(page, user)
    if not page.permissions_for_user(user).can_publish():
        raise PublishPagePermissionError(PUBLISH_DENIED)
    revision = _revision_to_publish(page, revision_id, user)
    action_registry.get_action_class(type(page), "publish")(revision, user=user).execute()
    revision.refresh_from_db()
    ctx.extra["revision"] = revision
    return latest_version(page)


def unpublish_page(ctx: MutationContext, id: str, include_descendants: bool = False) -> Any:
    """Unpublish as the admin's unpublish view does (descendants only if asked)."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    ensure_unlocked(page, user)
    if not page.live:
        raise UnpublishPagePermissionError(f"Page {page.pk} is not live: nothing to unpublish.")
    action_class = action_registry.get_action_class(type(page), "unpublish")
    action_class(page, user=user, include_descendants=include_descendants).execute()
    return latest_version(page)


def revert_page(
    ctx: MutationContext,
    id: str,
    revision_id: str,
    action: SaveAction = SaveAction.SAVE_DRAFT,
    expected_revision_id: Any = None,
) -> Any:
    """Make an old revision the latest again (``wagtail.revert``), then publish if asked.

    The same two steps as the admin's "review this version" screen: a new revision with
    the old content, logged as a revert, and with ``PUBLISH`` a publish of it that
    records which revision it came from.
    """
    user = ctx.require_user()
    page = target_page(ctx, id)
    refuse_submit(action, "A revert")
    ensure_revisable(page)
    ensure_expected_revision(page, expected_revision_id)
    ensure_unlocked(page, user)
    old = page_revision(page, revision_id)
    revert = action_registry.get_action_class(type(page), "revert")(page, old, user=user)
    revert.check()
    publish = action is SaveAction.PUBLISH
    if publish and not page.permissions_for_user(user).can_publish():
        raise PublishPagePermissionError(PUBLISH_DENIED)
    with validation_errors_at(["revisionId"]):
        revision = revert.execute()
    if publish:
        publish_class = action_registry.get_action_class(type(page), "publish")
        publish_class(revision, user=user, previous_revision=old).execute()
        revision.refresh_from_db()
    ctx.extra["revision"] = revision
    return latest_version(page)


def cancel_scheduled_publish(ctx: MutationContext, id: str) -> Any:
    """Unschedule the page's scheduled revision, as the admin's "Cancel scheduled publish".

    Saving the revision with ``approved_go_live_at`` cleared is what makes Wagtail log
    ``wagtail.schedule.cancel``; the revision stays, as an ordinary draft.
    """
    user = ctx.require_user()
    page = target_page(ctx, id)
    if not page.permissions_for_user(user).can_unschedule():
        raise PublishPagePermissionError(PUBLISH_DENIED)
    revision = page.scheduled_revision
    if revision is None:
        raise NotFound(f"Page {page.pk} has no revision scheduled for publishing.", ["id"])
    revision.approved_go_live_at = None
    revision.save(user=user, update_fields=["approved_go_live_at"])
    ctx.extra["revision"] = revision
    return latest_version(page)


PUBLISH = ActionSpec(
    name="publishPage",
    description=(
        "Publish a revision of a page (the latest by default), as the admin's Publish. "
        "A revision whose goLiveAt is in the future is scheduled instead."
    ),
    params=[
        PAGE_ID,
        optional(
            "revision_id",
            strawberry.ID,
            "The revision to publish, one of this page's; the latest when not sent.",
        ),
        EXPECTED_REVISION,
        DRY_RUN,
    ],
    work=publish_page,
    revision="The revision that was published, or scheduled (see approvedGoLiveAt).",
)

UNPUBLISH = ActionSpec(
    name="unpublishPage",
    description="Unpublish a live page; its content stays as a draft.",
    params=[
        PAGE_ID,
        flag(
            "include_descendants",
            "Also unpublish the live pages below it that you may unpublish.",
        ),
    ],
    work=unpublish_page,
)

REVERT = ActionSpec(
    name="revertPage",
    description=(
        "Make an earlier revision the page's latest again (a new revision with its "
        "content), and publish it with action: PUBLISH."
    ),
    params=[
        PAGE_ID,
        ("revision_id", argument(strawberry.ID, "The revision to go back to."), REQUIRED),
        REVERT_ACTION,
        EXPECTED_REVISION,
    ],
    work=revert_page,
    revision="The new revision, a copy of the one reverted to.",
)

CANCEL_SCHEDULE = ActionSpec(
    name="cancelScheduledPublish",
    description="Cancel the page's scheduled publishing; the revision stays as a draft.",
    params=[PAGE_ID],
    work=cancel_scheduled_publish,
    revision="The revision that was scheduled; it is no longer.",
)

SPECS = (PUBLISH, UNPUBLISH, REVERT, CANCEL_SCHEDULE)
