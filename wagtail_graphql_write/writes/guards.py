"""Preconditions writes share: locks, optimistic concurrency, revisions of an object.

Wagtail's own actions check locks only on edit (and Wagtail v3 lets a locked page be
published); ``ensure_unlocked`` runs before every write to a lockable object, and
turns "locked" into a typed ``LockedError`` instead of a generic permission error.
"""

from __future__ import annotations

from typing import Any, cast

from django.utils.html import strip_tags
from wagtail.models import LockableMixin, Revision, RevisionMixin

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.writes.errors.failures import (
    EditConflict,
    Locked,
    NotFound,
    NotSupported,
)


def ensure_unlocked(obj: Any, user: Any) -> None:
    """Raise ``Locked`` if ``obj`` is locked for ``user`` (the lock owner may write)."""
    if not isinstance(obj, LockableMixin):
        return
    lock = obj.get_lock()
    if lock is None or not lock.for_user(user):
        return
    message = strip_tags(str(lock.get_message(user) or "This object is locked."))
    locked_by = obj.locked_by if obj.locked else None
    locked_at = obj.locked_at if obj.locked else None
    raise Locked(message, locked_by=locked_by, locked_at=locked_at)


def ensure_expected_revision(obj: Any, expected: Any) -> None:
    """Raise ``EditConflict`` if ``expected`` is given and is not the latest revision."""
    if expected is None or not isinstance(obj, RevisionMixin):
        return
    if str(obj.latest_revision_id) != str(expected).strip():
        latest = Revision.objects.filter(pk=obj.latest_revision_id).first()
        raise EditConflict(latest)


def refuse_submit(action: SaveAction | None, what: str) -> None:
    """Reverting has no "Submit" in the admin; say so instead of silently saving a draft."""
    if action is SaveAction.SUBMIT:
        raise NotSupported(
            f"{what} cannot be submitted for moderation: revert with SAVE_DRAFT, then "
            "call startWorkflow.",
            ["action"],
        )


def revision_of(obj: Any, revision_id: Any, label: str) -> Revision:
    """One of ``obj``'s revisions; another object's revision id is simply not found."""
    pk = parse_id(revision_id)
    found = obj.revisions.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise NotFound(f"{label} has no revision {revision_id!r}.", ["revisionId"])
    return cast(Revision, found)
