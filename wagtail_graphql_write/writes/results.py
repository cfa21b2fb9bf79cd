"""What a payload returns: the object as the client would now read it with ``LATEST``."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model
from wagtail.models import DraftStateMixin, Page, Revision, RevisionMixin

from wagtail_graphql_write.access.versions import (
    is_reproducible,
    objects_from_revisions,
    with_row_state,
)


def latest_version(obj: Model) -> Any:
    """The page or snippet as its latest revision says, with live flags from the database.

    Re-read because the actions change copies of the object (a publish updates a copy
    loaded from the revision), and a payload must show what a later read will show:
    ``get_latest_revision_as_object``, with the revision's object built by
    ``access.versions`` (one query per related model, not one per foreign key).
    """
    model = cast(Any, obj).specific_class if isinstance(obj, Page) else type(obj)
    fresh: Any = (model or type(obj))._default_manager.get(pk=obj.pk)
    if not isinstance(fresh, RevisionMixin):
        return fresh
    if isinstance(fresh, DraftStateMixin) and not fresh.has_unpublished_changes:
        return fresh
    revision = fresh.get_latest_revision()
    if revision is None:
        return fresh
    return objects_from_revisions([(fresh, revision.content)])[0]


def saved_version(instance: Model) -> Any:
    """``latest_version`` of an object a create or edit action has just saved, cheaply.

    The action saved a revision of ``instance`` itself: while the object has unpublished
    changes, its latest version *is* ``instance``'s content, so only what the database
    keeps for the object as a whole (publishing and lock state, tree position, latest
    revision ...) is read back, from one row, as ``with_content_json`` would keep it.
    Without unpublished changes Wagtail's latest version is the row itself (as
    ``get_latest_revision_as_object`` decides). Objects without drafts, and models that
    keep more state of their own, take the long way.
    """
    if not isinstance(instance, DraftStateMixin) or instance.pk is None:
        return latest_version(instance)
    model = cast(Any, instance).specific_class if isinstance(instance, Page) else type(instance)
    if not is_reproducible(model):
        return latest_version(instance)
    row = model._default_manager.filter(pk=instance.pk).first()
    if row is None or not row.has_unpublished_changes:
        return row if row is not None else latest_version(instance)
    return with_row_state(instance, row)


def fresh_revision(revision: Revision) -> Revision:
    """The revision as stored now, with its user (actions change it and cache its old object)."""
    return Revision.objects.select_related("user").get(pk=revision.pk)


def saved_revision(instance: Model) -> Revision | None:
    """The revision a create or edit action just made on ``instance``, if it makes them."""
    revision = (
        getattr(instance, "latest_revision", None) if isinstance(instance, RevisionMixin) else None
    )
    return fresh_revision(revision) if revision is not None else None
