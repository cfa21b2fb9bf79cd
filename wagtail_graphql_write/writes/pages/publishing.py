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
from django.core.exceptions import PermissionDenied
from wagtail.actions import action_registry
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.actions.unpublish_page import UnpublishPagePermissionError

from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.writes.arguments import (
    DRY_RUN,
    EXPECTED_REVISION,
    REVERT_ACTION,
    flag,
    optional,
    required,
)
from wagtail_graphql_write.writes.errors.failures import (
    NotFound,
    StateViolation,
    validation_errors_at,
)
from wagtail_graphql_write.writes.guards import ensure_expected_revision, refuse_submit
from wagtail_graphql_write.writes.mutation import MutationContext, MutationSpec
from wagtail_graphql_write.writes.pages.common import (
    PAGE_ID,
    allowed,
    find_page,
    page_payload,
    page_revision,
    unlocked,
)
from wagtail_graphql_write.writes.results import latest_version
from wagtail_graphql_write.writes.workflows.steps import ensure_revisable

PUBLISH_DENIED = "You do not have permission to publish this page."

may_publish = allowed(lambda perms: perms.can_publish(), PUBLISH_DENIED, PublishPagePermissionError)


def revisable(_ctx: MutationContext, page: Any) -> None:
    ensure_revisable(page, ["id"])


def expected_revision(ctx: MutationContext, page: Any) -> None:
    ensure_expected_revision(page, ctx.args.get("expected_revision_id"))


def execute_publish(ctx: MutationContext, page: Any) -> Any:
    """Publish the revision sent, else the latest; a page without any gets one, as the
    admin does. One whose ``go_live_at`` is in the future is scheduled instead."""
    revision_id = ctx.args.get("revision_id")
    if revision_id is not None:
        revision = page_revision(page, revision_id)
    else:
        revision = page.get_latest_revision() or page.save_revision(user=ctx.user)
    action_registry.get_action_class(type(page), "publish")(revision, user=ctx.user).execute()
    revision.refresh_from_db()
    ctx.extra["revision"] = revision
    return latest_version(page)


def live(_ctx: MutationContext, page: Any) -> None:
    if not page.live:
        raise StateViolation(
            f"Page {page.pk} is not live: there is nothing to unpublish.", "not_live", ["id"]
        )


def execute_unpublish(ctx: MutationContext, page: Any) -> Any:
    """Unpublish as the admin's unpublish view does (descendants only if asked)."""
    action_class = action_registry.get_action_class(type(page), "unpublish")
    descendants = bool(ctx.args.get("include_descendants"))
    action_class(page, user=ctx.user, include_descendants=descendants).execute()
    return latest_version(page)


def may_revert(ctx: MutationContext, page: Any) -> None:
    """The revert action's own rule (edit), and publish permission for PUBLISH."""
    if not page.permissions_for_user(ctx.user).can_edit():
        raise PermissionDenied("You do not have permission to edit this page.")
    if ctx.args.get("action") is SaveAction.PUBLISH:
        may_publish(ctx, page)


def no_submit(ctx: MutationContext, _page: Any) -> None:
    refuse_submit(ctx.args.get("action"), "A revert")


def old_revision(ctx: MutationContext, page: Any) -> tuple[Any, Any]:
    return page, page_revision(page, ctx.args["revision_id"])


def execute_revert(ctx: MutationContext, found: tuple[Any, Any]) -> Any:
    """Make an old revision the latest again (``wagtail.revert``), then publish if asked.

    The same two steps as the admin's "review this version" screen: a new revision with
    the old content, logged as a revert, and with ``PUBLISH`` a publish of it that
    records which revision it came from.
    """
    page, old = found
    revert = action_registry.get_action_class(type(page), "revert")(page, old, user=ctx.user)
    with validation_errors_at(["revisionId"]):
        revision = revert.execute()
    if ctx.args.get("action") is SaveAction.PUBLISH:
        publish_class = action_registry.get_action_class(type(page), "publish")
        publish_class(revision, user=ctx.user, previous_revision=old).execute()
        revision.refresh_from_db()
    ctx.extra["revision"] = revision
    return latest_version(page)


def scheduled(_ctx: MutationContext, page: Any) -> None:
    if page.scheduled_revision is None:
        raise NotFound(f"Page {page.pk} has no revision scheduled for publishing.", ["id"])


def execute_unschedule(ctx: MutationContext, page: Any) -> Any:
    """Unschedule the page's scheduled revision, as the admin's "Cancel scheduled publish".

    Saving the revision with ``approved_go_live_at`` cleared is what makes Wagtail log
    ``wagtail.schedule.cancel``; the revision stays, as an ordinary draft.
    """
    revision = page.scheduled_revision
    revision.approved_go_live_at = None
    revision.save(user=ctx.user, update_fields=["approved_go_live_at"])
    ctx.extra["revision"] = revision
    return latest_version(page)


SPECS = (
    MutationSpec(
        name="publishPage",
        description=(
            "Publish a revision of a page (the latest by default), as the admin's Publish. "
            "A revision whose goLiveAt is in the future is scheduled instead."
        ),
        arguments=[
            PAGE_ID,
            optional(
                "revision_id",
                strawberry.ID,
                "The revision to publish, one of this page's; the latest when not sent.",
            ),
            EXPECTED_REVISION,
            DRY_RUN,
        ],
        payload=page_payload(
            revision="The revision that was published, or scheduled (see approvedGoLiveAt)."
        ),
        find=find_page,
        permission=may_publish,
        preconditions=[revisable, unlocked, expected_revision],
        execute=execute_publish,
    ),
    MutationSpec(
        name="unpublishPage",
        description="Unpublish a live page; its content stays as a draft.",
        arguments=[
            PAGE_ID,
            flag(
                "include_descendants",
                "Also unpublish the live pages below it that you may unpublish.",
            ),
        ],
        payload=page_payload(),
        find=find_page,
        # can_unpublish() also folds in "not live" and "locked": those are
        # preconditions with errors of their own, so the permission asked is publish.
        permission=allowed(
            lambda perms: perms.can_publish(),
            "You do not have permission to unpublish this page.",
            UnpublishPagePermissionError,
        ),
        preconditions=[unlocked, live],
        execute=execute_unpublish,
    ),
    MutationSpec(
        name="revertPage",
        description=(
            "Make an earlier revision the page's latest again (a new revision with its "
            "content), and publish it with action: PUBLISH."
        ),
        arguments=[
            PAGE_ID,
            required("revision_id", strawberry.ID, "The revision to go back to."),
            REVERT_ACTION,
            EXPECTED_REVISION,
        ],
        payload=page_payload(revision="The new revision, a copy of the one reverted to."),
        find=find_page,
        permission=may_revert,
        preconditions=[no_submit, revisable, unlocked, expected_revision],
        validate=old_revision,
        execute=execute_revert,
    ),
    MutationSpec(
        name="cancelScheduledPublish",
        description="Cancel the page's scheduled publishing; the revision stays as a draft.",
        arguments=[PAGE_ID],
        payload=page_payload(revision="The revision that was scheduled; it is no longer."),
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_unschedule(), PUBLISH_DENIED, PublishPagePermissionError
        ),
        preconditions=[scheduled],
        execute=execute_unschedule,
    ),
)
