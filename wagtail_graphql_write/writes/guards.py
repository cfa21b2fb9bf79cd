"""Checks every write shares: locks, optimistic concurrency, row locking.

Wagtail's own actions check locks only on edit (and Wagtail v3 lets a locked page be
published); these guards run before every write to a lockable object, and turn
"locked" into a typed ``LockedError`` instead of a generic permission error.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model
from django.utils.html import strip_tags
from wagtail.models import LockableMixin, Revision, RevisionMixin

from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.writes.failures import EditConflict, Locked, NotFound, NotSupported


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


def _base_model(model: type[Model]) -> type[Model]:
    """The topmost table of a multi-table model (``Page`` for every page type).

    Every mutation locks the same row first, whatever class it starts from: locking
    ``BlogPage`` would lock its own row and the ``wagtailcore_page`` row in one
    statement, in no set order, and deadlock against a mutation that locked the page
    row and then saves the ``BlogPage`` row.
    """
    parents = [parent for parent in model._meta.get_parent_list() if not parent._meta.proxy]
    if parents:
        return parents[-1]
    return model._meta.concrete_model or model


def lock_row(model: type[Model], pk: Any, path: list[str]) -> Any:
    """Fetch the object with its row locked until the transaction ends.

    Two concurrent writers carrying the same ``expectedRevisionId`` then serialise:
    the second sees the first one's revision and gets ``EditConflict``. (SQLite locks
    the whole database for writes instead, with the same effect.)
    """
    base = _base_model(model)
    try:
        found = base._default_manager.select_for_update().filter(pk=pk).first()
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise NotFound(f"No {model._meta.verbose_name} has id {pk!r}.", path)
    specific = getattr(found, "specific", found)
    if not isinstance(specific, model):
        raise NotFound(f"No {model._meta.verbose_name} has id {pk!r}.", path)
    return specific


def ensure_expected_revision(obj: Any, expected: Any) -> None:
    """Raise ``EditConflict`` if ``expected`` is given and is not the latest revision."""
    if expected is None or not isinstance(obj, RevisionMixin):
        return
    if str(obj.latest_revision_id) != str(expected):
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
    text = str(revision_id)
    found = obj.revisions.filter(pk=text).first() if text.isdigit() else None
    if found is None:
        raise NotFound(f"{label} has no revision {revision_id!r}.", ["revisionId"])
    return cast(Revision, found)
