"""``lockPage`` and ``unlockPage``: the admin's lock and unlock views as mutations.

Who may lock or unlock is Wagtail's rule (``can_lock``/``can_unlock``: the lock and
unlock permissions, the lock owner, superusers, and a workflow task's reviewers);
the change and its ``wagtail.lock``/``wagtail.unlock`` log entry are made exactly as
``wagtail.admin.views.generic.lock`` makes them, since Wagtail has no lock action.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from wagtail_graphql_write.writes.locks import release_lock, take_lock
from wagtail_graphql_write.writes.page_common import PAGE_ID, ActionSpec, target_page
from wagtail_graphql_write.writes.pages import latest_version
from wagtail_graphql_write.writes.run import MutationContext


def lock_page(ctx: MutationContext, id: str) -> Any:
    """Lock the page for everyone but the viewer (``locks.take_lock``)."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    if not page.permissions_for_user(user).can_lock():
        raise PermissionDenied("You do not have permission to lock this page.")
    take_lock(page, user)
    return latest_version(page)


def unlock_page(ctx: MutationContext, id: str) -> Any:
    """Remove the page's lock (``locks.release_lock``)."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    if not page.permissions_for_user(user).can_unlock():
        raise PermissionDenied("You do not have permission to unlock this page.")
    release_lock(page, user)
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
