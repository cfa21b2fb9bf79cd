"""LIVE vs LATEST: turning database rows into the version a read asked for."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Model
from wagtail.models import Revision, RevisionMixin

from wagtail_graphql_write.access.versions import objects_from_revisions


def latest_versions(objects: Sequence[Model]) -> list[Model]:
    """Each object as its latest revision says, with one query for all revisions.

    ``with_content_json`` keeps the database's own live/lock/tree fields, exactly as
    ``get_latest_revision_as_object`` does; ``objects_from_revisions`` builds every
    object with one query per related model, not per object.
    """
    ids = [getattr(o, "latest_revision_id", None) for o in objects]
    revisions = Revision.objects.in_bulk([i for i in ids if i is not None])
    pairs = [
        (n, obj, revisions[revision_id].content)
        for n, (obj, revision_id) in enumerate(zip(objects, ids, strict=True))
        if isinstance(obj, RevisionMixin) and revision_id in revisions
    ]
    result = list(objects)
    built = objects_from_revisions([(obj, content) for _, obj, content in pairs])
    for (n, _, _), obj in zip(pairs, built, strict=True):
        result[n] = obj
    return result


def latest_version(obj: Model) -> Model:
    return latest_versions([obj])[0]
