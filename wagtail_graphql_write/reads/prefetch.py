"""Prefetch the relations a query selects, per concrete model, so lists cost O(types).

Selections are read from the GraphQL document (fields, inline fragments and named
fragments, each with its type condition); for each model class in a result list, the
selected relation fields are prefetched with one query per relation, whatever the
number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Model, Prefetch, prefetch_related_objects
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField
from wagtail.models import Page

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.registry import FieldKind, Registry

_RELATION_KINDS = (
    FieldKind.CHILD_RELATION,
    FieldKind.MANY_TO_MANY,
    FieldKind.TAGS,
    FieldKind.FOREIGN_KEY,
)
#: Interface fields backed by a relation (GraphQL name -> attribute).
_INTERFACE_RELATIONS = {"lockedBy": "locked_by", "locale": "locale"}


def _collect(
    selections: Iterable[Any], condition: str | None, found: dict[str | None, set[str]]
) -> None:
    for selection in selections:
        if isinstance(selection, SelectedField):
            found[condition].add(selection.name)
        elif isinstance(selection, InlineFragment | FragmentSpread):
            _collect(selection.selections, selection.type_condition or condition, found)


def _flatten(selections: Iterable[Any]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from _flatten(selection.selections)


def selected_by_type(info: Info, path: Sequence[str] = ()) -> dict[str | None, set[str]]:
    """GraphQL field names selected below ``path``, keyed by type condition (None = any)."""
    current: list[SelectedField] = list(_flatten(info.selected_fields))
    for step in path:
        current = [child for f in current for child in _flatten(f.selections) if child.name == step]
    found: dict[str | None, set[str]] = defaultdict(set)
    for field in current:
        _collect(field.selections, None, found)
    return found


def _lookups(registry: Registry, model: type[Model], wanted: set[str]) -> list[Any]:
    lookups: list[Any] = [attr for name, attr in _INTERFACE_RELATIONS.items() if name in wanted]
    exposed = registry.get(model)
    if exposed is None:
        return lookups
    for field in exposed.readable_fields:
        if field.kind not in _RELATION_KINDS or names.field_name(field.name) not in wanted:
            continue
        related = field.related_model
        if (
            field.kind is FieldKind.FOREIGN_KEY
            and related is not None
            and issubclass(related, Page)
        ):
            lookups.append(Prefetch(field.name, queryset=related._default_manager.specific()))
        else:
            lookups.append(field.name)
    return lookups


def prefetch_selected(
    objects: Sequence[Model], info: Info, registry: Registry, path: Sequence[str] = ()
) -> None:
    """Prefetch, per model class, the relations selected for that class's type."""
    selected = selected_by_type(info, path)
    by_class: dict[type[Model], list[Model]] = defaultdict(list)
    for obj in objects:
        by_class[type(obj)].append(obj)
    for model, group in by_class.items():
        type_name = names.type_name(model)
        wanted = selected.get(None, set()) | selected.get(type_name, set())
        lookups = _lookups(registry, model, wanted)
        if lookups:
            prefetch_related_objects(group, *lookups)
