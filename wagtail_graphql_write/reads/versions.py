"""LIVE vs LATEST: turning database rows into the version a read asked for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Model
from wagtail.models import Revision, RevisionMixin


def latest_versions(objects: Sequence[Model]) -> list[Model]:
    """Each object as its latest revision says, with one query for all revisions.

    ``with_content_json`` keeps the database's own live/lock/tree fields, exactly as
    ``get_latest_revision_as_object`` does, without a query per object.
    """
    ids = [getattr(o, "latest_revision_id", None) for o in objects]
    revisions = Revision.objects.in_bulk([i for i in ids if i is not None])
    result: list[Model] = []
    for obj, revision_id in zip(objects, ids, strict=True):
        revision = revisions.get(revision_id) if revision_id is not None else None
        if isinstance(obj, RevisionMixin) and revision is not None:
            result.append(obj.with_content_json(revision.content))
        else:
            result.append(obj)
    return result


def latest_version(obj: Any) -> Any:
    return latest_versions([obj])[0]
