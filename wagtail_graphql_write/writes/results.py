"""What a payload returns: the object as the client would now read it with ``LATEST``."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from wagtail.models import Page, Revision, RevisionMixin


def latest_version(obj: Model) -> Any:
    """The page or snippet as its latest revision says, with live flags from the database.

    Re-read because the actions change copies of the object (a publish updates a copy
    loaded from the revision), and a payload must show what a later read will show.
    """
    if isinstance(obj, Page):
        fresh: Any = Page.objects.get(pk=obj.pk).specific
    else:
        fresh = type(obj)._default_manager.get(pk=obj.pk)
    if isinstance(fresh, RevisionMixin):
        return fresh.get_latest_revision_as_object()
    return fresh


def fresh_revision(revision: Revision) -> Revision:
    """The revision as stored now, with its user (actions change it and cache its old object)."""
    return Revision.objects.select_related("user").get(pk=revision.pk)


def saved_revision(instance: Model) -> Revision | None:
    """The revision a create or edit action just made on ``instance``, if it makes them."""
    revision = (
        getattr(instance, "latest_revision", None) if isinstance(instance, RevisionMixin) else None
    )
    return fresh_revision(revision) if revision is not None else None
