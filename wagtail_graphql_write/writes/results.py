"""What a payload returns: the object as the client would now read it with ``LATEST``."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model
from wagtail.models import DraftStateMixin, Page, Revision, RevisionMixin

from wagtail_graphql_write.access.versions import as_stored, is_reproducible, objects_from_revisions


def latest_version(obj: Model, revision: Revision | None = None) -> Any:
    """The page or snippet as its latest revision says, with live flags from the database.

    Re-read because the actions change copies of the object (a publish updates a copy
    loaded from the revision), and a payload must show what a later read will show:
    ``get_latest_revision_as_object``, with the revision's object built by
    ``access.versions`` (one query per related model, not one per foreign key).
    ``revision`` is the latest revision if the caller has it already (a create or edit
    action just made it); it is used only while the row still names it latest.
    """
    model = cast(Any, obj).specific_class if isinstance(obj, Page) else type(obj)
    fresh: Any = (model or type(obj))._default_manager.get(pk=obj.pk)
    if not isinstance(fresh, RevisionMixin):
        return fresh
    if isinstance(fresh, DraftStateMixin) and not fresh.has_unpublished_changes:
        return fresh
    if revision is None or revision.pk != fresh.latest_revision_id:
        revision = fresh.get_latest_revision()
    if revision is None:
        return fresh
    return objects_from_revisions([(fresh, revision.content)])[0]


def saved_draft(instance: Model, revision: Revision, parent: Page | None) -> Model | None:
    """The object a create or edit that did not publish just saved, as a ``LATEST`` read
    will build it from ``revision``; None for a model whose own ``with_content_json``
    this package does not reproduce (``latest_version`` then reads it back).

    The revision was serialised from ``instance``, so it is that object
    (``access.versions.as_stored``): no query per related model to rebuild it, and the
    related objects the form loaded are reused (``tests/writes/test_saved_version.py``
    compares the payload with the read, field by field).
    """
    if not is_reproducible(type(instance)) or instance.pk is None:
        return None
    return as_stored(instance, revision.content, parent)


def fresh_revision(revision: Revision) -> Revision:
    """The revision as stored now, with its user (actions change it and cache its old object)."""
    return Revision.objects.select_related("user").get(pk=revision.pk)


def saved_revision(instance: Model) -> Revision | None:
    """The revision a create or edit action just made on ``instance``, if it makes them."""
    revision = (
        getattr(instance, "latest_revision", None) if isinstance(instance, RevisionMixin) else None
    )
    return fresh_revision(revision) if revision is not None else None
