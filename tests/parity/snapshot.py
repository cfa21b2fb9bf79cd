"""What a write left behind, in a form two writes of the same data can be compared in.

A snapshot holds the object's stored field values (with its InlinePanel rows, many-to-many
and tags), every revision's content, the audit-log entries written since a marker, and
the object's workflow states. Values that must differ between two writes are normalised,
each for a stated reason:

- the object's own primary key, and references to it from its rows: each write made its
  own object (``"<self>"``);
- ids a write generated (StreamField block ids, new InlinePanel rows, revision and task
  state ids in the log, ``translation_key``): ``"<new>"``, while ids that existed before
  the write are kept, so "the block kept its id" is still compared (on PostgreSQL,
  sequences are not rolled back with the savepoint, so even the ids of rows both writes
  create differ);
- a log entry's label that is the default ``str()`` of an object with no name
  (``"Person object (9)"``) names the object's own key: ``"Person object (<self>)"``;
- timestamps: only whether they are set (``True``/``False``);
- Draftail's ``data-block-key`` attributes: random per conversion, removed;
- taggit's link rows point at ``Tag`` rows each write created: compared by tag name;
- an audit-log entry's ``uuid`` (one per request, shared by the entries it wrote):
  replaced by its rank, so the grouping is compared;
- a page log entry's label: the admin's edit view takes it from a copy of the page its
  permission checks cached *before* the form saved, so after a title change the admin
  logs the old title and the API the new one (a Wagtail quirk; snippet labels are
  compared);
- ``live`` in a page revision's content: Wagtail's ``CreatePageAction`` sets
  ``live=False`` before ``add_child()`` while the admin's create-and-publish path
  stores ``true``; Wagtail never reads ``live`` back from a revision
  (``with_content_json`` keeps the row's), so the key has no effect.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from taggit.models import ItemBase, Tag
from wagtail.models import ModelLogEntry, PageLogEntry

_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')

#: Keys whose values a write generates (see the module docstring).
GENERATED = {"id", "pk", "translation_key"}
#: Keys holding a timestamp or the id of a revision the write made: compared as "set or not".
PRESENCE = {
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "locked_at",
    "created_at",
    "created",
    "latest_revision",
    "live_revision",
    "timestamp",
}


@dataclass
class Normaliser:
    """Normalises one write's values; ``known`` are the ids that existed before it
    (``key=value``, see ``known_ids``)."""

    model: type[Model]
    pk: Any
    known: set[str] = field(default_factory=set)

    def value(self, value: Any, key: str = "") -> Any:
        if key in PRESENCE:
            return value not in (None, "")
        if (key in GENERATED or key.endswith("_id")) and value not in (None, ""):
            return value if f"{key}={value}" in self.known else "<new>"
        if isinstance(value, dict):
            return {k: self.value(v, k) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        if isinstance(value, str):
            if value.startswith("[{"):  # a StreamField as stored in revision content
                try:
                    return self.value(json.loads(value))
                except ValueError:
                    pass
            return _BLOCK_KEY.sub("", value)
        return value

    def label(self, label: str) -> str:
        default = f"{self.model.__name__} object ({self.pk})"
        return f"{self.model.__name__} object (<self>)" if label == default else label

    def content(self, data: dict[str, Any]) -> dict[str, Any]:
        """A serialised object (``serializable_data()`` or revision content), normalised."""
        data = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
        for relation in get_all_child_relations(self.model):
            rows = data.get(relation.get_accessor_name())
            for row in rows or []:
                parental = relation.field.name
                if str(row.get(parental)) == str(self.pk):
                    row[parental] = "<self>"
                if issubclass(relation.related_model, ItemBase) and "tag" in row:
                    row["tag"] = _tag_name(row["tag"])
        return self.value(data)


def _tag_name(pk: Any) -> str:
    return str(Tag.objects.get(pk=pk).name)


def known_ids(obj: Model | None) -> set[str]:
    """Every id in ``obj``'s stored data (its rows and StreamField blocks), as
    ``key=value``: an id counts as known under its own key only, so a new row's id that
    happens to equal an unrelated existing id (a task state 3, an image 3) is still new."""
    if obj is None:
        return set()
    found: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if (key in GENERATED or key.endswith("_id")) and value not in (None, ""):
            found.add(f"{key}={value}")
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith("[{"):
            with contextlib.suppress(ValueError):
                walk(json.loads(value))

    walk(json.loads(json.dumps(serialised(obj), cls=DjangoJSONEncoder)))
    return found


def serialised(obj: Model) -> dict[str, Any]:
    """The object's stored values, as Wagtail serialises them into a revision."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    getter = getattr(fresh, "serializable_data", None)
    return getter() if getter is not None else get_serializable_data_for_fields(fresh)


def log_marker() -> tuple[int, int]:
    """The newest audit-log entries now; later entries were written after this call."""
    page = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    model = ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return page or 0, model or 0


def log_entries(marker: tuple[int, int], normaliser: Normaliser) -> list[dict[str, Any]]:
    """The audit-log entries written since ``marker``, pages' then models', each in order."""
    entries: list[dict[str, Any]] = []
    groups: dict[str, int] = {}
    kinds: Iterable[tuple[Any, int]] = (
        (PageLogEntry, marker[0]),
        (ModelLogEntry, marker[1]),
    )
    for log_model, last in kinds:
        for entry in log_model.objects.filter(pk__gt=last).order_by("pk"):
            group = groups.setdefault(str(entry.uuid), len(groups))
            entries.append(
                {
                    "log": log_model.__name__,
                    "action": entry.action,
                    "user": getattr(entry.user, "username", None),
                    "label": (
                        "<page title>"
                        if log_model is PageLogEntry
                        else normaliser.label(entry.label)
                    ),
                    "content_changed": entry.content_changed,
                    "revision": entry.revision_id is not None,
                    "request": group,
                    "data": normaliser.value(entry.data),
                }
            )
    return entries


def revisions(obj: Model, normaliser: Normaliser) -> list[dict[str, Any]]:
    """Every revision of ``obj``, oldest first: who made it and its normalised content."""
    found = getattr(obj, "revisions", None)
    if found is None:
        return []
    return [
        {
            "user": getattr(revision.user, "username", None),
            "object_str": revision.object_str,
            "approved_go_live_at": revision.approved_go_live_at is not None,
            "content": normaliser.content(_without_live(revision.content)),
        }
        for revision in found.order_by("created_at", "pk")
    ]


def _without_live(content: dict[str, Any]) -> dict[str, Any]:
    """A revision's content without ``live`` (see the module docstring)."""
    return {key: value for key, value in content.items() if key != "live"}


def workflow_states(obj: Model) -> list[dict[str, Any]]:
    """The object's workflow states: which workflow, its status, who asked, current task."""
    states = getattr(obj, "workflow_states", None)
    if states is None:
        return []
    return [
        {
            "workflow": state.workflow.name,
            "status": state.status,
            "requested_by": getattr(state.requested_by, "username", None),
            "task": state.current_task_state.task.name if state.current_task_state else None,
            "task_status": state.current_task_state.status if state.current_task_state else None,
        }
        for state in states.order_by("created_at", "pk")
    ]


def snapshot(obj: Model, marker: tuple[int, int], known: set[str]) -> dict[str, Any]:
    """Everything a write stored for ``obj``, normalised (see the module docstring)."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    normaliser = Normaliser(type(fresh), fresh.pk, known)
    return {
        "object": normaliser.content(serialised(fresh)),
        "revisions": revisions(fresh, normaliser),
        "log": log_entries(marker, normaliser),
        "workflow_states": workflow_states(fresh),
    }
