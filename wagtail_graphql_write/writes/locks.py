"""Taking and releasing an editor's lock, for pages and lockable snippets alike.

Wagtail has no action class for locks; these do what the admin's lock views do
(``admin/views/pages/lock.py``, ``admin/views/generic/lock.py``): set or clear the
three lock fields and log ``wagtail.lock`` / ``wagtail.unlock``. Who may lock is asked
by the caller (page or snippet permission rules differ).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.locks import BasicLock
from wagtail.log_actions import log

from wagtail_graphql_write.writes.errors.failures import Locked
from wagtail_graphql_write.writes.mutation import MutationContext
from wagtail_graphql_write.writes.results import latest_version

LOCK_FIELDS = ["locked", "locked_by", "locked_at"]


def take_lock(obj: Any, user: Any) -> None:
    """Lock ``obj`` for ``user``; your own lock again is a no-op.

    The admin silently keeps another user's lock when asked to lock; here that is a
    ``Locked`` error naming the holder, so the client knows the lock is not theirs.
    """
    if obj.locked and obj.locked_by_id != user.pk:
        message = strip_tags(str(BasicLock(obj).get_message(user)))
        raise Locked(message, locked_by=obj.locked_by, locked_at=obj.locked_at)
    if not obj.locked:
        obj.locked, obj.locked_by, obj.locked_at = True, user, timezone.now()
        obj.save(update_fields=LOCK_FIELDS)
        log(instance=obj, action="wagtail.lock", user=user)


def release_lock(obj: Any, user: Any) -> None:
    """Remove ``obj``'s lock; unlocking an unlocked object is a no-op, as in the admin."""
    if obj.locked:
        obj.locked, obj.locked_by, obj.locked_at = False, None, None
        obj.save(update_fields=LOCK_FIELDS)
        log(instance=obj, action="wagtail.unlock", user=user)


def execute_lock(ctx: MutationContext, obj: Any) -> Any:
    """The ``execute`` step of ``lockPage`` and ``lockSnippet``."""
    take_lock(obj, ctx.user)
    return latest_version(obj)


def execute_unlock(ctx: MutationContext, obj: Any) -> Any:
    """The ``execute`` step of ``unlockPage`` and ``unlockSnippet``."""
    release_lock(obj, ctx.user)
    return latest_version(obj)
