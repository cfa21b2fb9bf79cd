"""``lockPage`` and ``unlockPage``: the admin's lock and unlock views as mutations.

Who may lock or unlock is Wagtail's rule (``can_lock``/``can_unlock``: the lock and
unlock permissions, the lock owner, superusers, and a workflow task's reviewers);
the change and its ``wagtail.lock``/``wagtail.unlock`` log entry are made exactly as
``wagtail.admin.views.generic.lock`` makes them, since Wagtail has no lock action.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.locks import BasicLock
from wagtail.log_actions import log

from wagtail_graphql_write.writes.failures import Locked
from wagtail_graphql_write.writes.page_common import PAGE_ID, ActionSpec, target_page
from wagtail_graphql_write.writes.pages import latest_version
from wagtail_graphql_write.writes.run import MutationContext

LOCK_FIELDS = ["locked", "locked_by", "locked_at"]


def lock_page(ctx: MutationContext, id: str) -> Any:
    """Lock the page for everyone but the viewer; locking your own lock again is a no-op.

    The admin silently keeps another user's lock when asked to lock; here that is a
    ``LockedError`` naming the holder, so the client knows the lock is not theirs.
    """
    user = ctx.require_user()
    page = target_page(ctx, id)
    if not page.permissions_for_user(user).can_lock():
        raise PermissionDenied("You do not have permission to lock this page.")
    if page.locked and page.locked_by_id != user.pk:
        message = strip_tags(str(BasicLock(page).get_message(user)))
        raise Locked(message, locked_by=page.locked_by, locked_at=page.locked_at)
    if not page.locked:
        page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
        page.save(update_fields=LOCK_FIELDS)
        log(instance=page, action="wagtail.lock", user=user)
    return latest_version(page)


def unlock_page(ctx: MutationContext, id: str) -> Any:
    """Remove the page's lock; unlocking an unlocked page is a no-op, as in the admin."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    if not page.permissions_for_user(user).can_unlock():
        raise PermissionDenied("You do not have permission to unlock this page.")
    if page.locked:
        page.locked, page.locked_by, page.locked_at = False, None, None
        page.save(update_fields=LOCK_FIELDS)
        log(instance=page, action="wagtail.unlock", user=user)
    return latest_version(page)


LOCK = ActionSpec(
    name="lockPage",
    description="Lock a page so that only you can edit, publish, move or delete it.",
    params=[PAGE_ID],
    work=lock_page,
)

UNLOCK = ActionSpec(
    name="unlockPage",
    description="Remove a page's lock (your own, or anyone's with the unlock permission).",
    params=[PAGE_ID],
    work=unlock_page,
)

SPECS = (LOCK, UNLOCK)
