"""Prefetch the relations a query selects, per concrete model, so lists cost O(types).

Selections are read from the GraphQL document (fields, inline fragments and named
fragments, each with its type condition); for each model class in a result list, the
selected relation fields are prefetched with one query per relation, whatever the
number of rows. Relations selected inside a related object (``authors { person {
image } }``) are prefetched too, as ``authors__person__image``. Selected StreamFields
are converted for the whole list at once, so their chooser blocks cost one query per
chosen model (``generation.stream_loading``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Prefetch, prefetch_related_objects
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField
from wagtail.models import DraftStateMixin, LockableMixin, Page, WorkflowMixin
from wagtail.query import PageQuerySet

from wagtail_graphql_write.access.workflows import prefetch_workflow_states
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.stream_loading import load_streams
from wagtail_graphql_write.registry import FieldKind, Registry

_RELATION_KINDS = (
    FieldKind.CHILD_RELATION,
    FieldKind.MANY_TO_MANY,
    FieldKind.TAGS,
    FieldKind.FOREIGN_KEY,
)
#: Interface fields backed by a relation (GraphQL name -> attribute).
_INTERFACE_RELATIONS = {"lockedBy": "locked_by", "locale": "locale"}
#: Interfaces a fragment may name (``... on Lockable``), and the models they cover.
_INTERFACE_MODELS: dict[str, type] = {
    "Page": Page,
    "DraftState": DraftStateMixin,
    "Lockable": LockableMixin,
    "Workflowable": WorkflowMixin,
}

#: Selected fields by GraphQL name (a field selected twice, e.g. in two fragments, has
#: several entries whose sub-selections all count).
Wanted = dict[str, list[SelectedField]]


def _collect(
    selections: Iterable[Any], condition: str | None, found: dict[str | None, list[Any]]
) -> None:
    for selection in selections:
        if isinstance(selection, SelectedField):
            found[condition].append(selection)
        elif isinstance(selection, InlineFragment | FragmentSpread):
            _collect(selection.selections, selection.type_condition or condition, found)


def _flatten(selections: Iterable[Any]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from _flatten(selection.selections)


def _applies(condition: str | None, model: type[Model]) -> bool:
    """Whether a fragment's type condition covers objects of ``model``."""
    if condition is None or condition == names.type_name(model):
        return True
    interface = _INTERFACE_MODELS.get(condition)
    return interface is not None and issubclass(model, interface)


def wanted_for(selections: Iterable[Any], model: type[Model]) -> Wanted:
    """The fields selected on objects of ``model`` among ``selections``."""
    found: dict[str | None, list[Any]] = defaultdict(list)
    _collect(selections, None, found)
    wanted: Wanted = defaultdict(list)
    for condition, fields in found.items():
        if _applies(condition, model):
            for selected in fields:
                wanted[selected.name].append(selected)
    return wanted


def _has_field(model: type[Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _lookups(registry: Registry, model: type[Model], wanted: Wanted, prefix: str = "") -> list:
    """Prefetch lookups for ``wanted`` on ``model``, recursing into related objects."""
    lookups: list[Any] = [
        prefix + attr
        for name, attr in _INTERFACE_RELATIONS.items()
        if name in wanted and _has_field(model, attr)
    ]
    exposed = registry.get(model)
    if exposed is None:
        return lookups
    for field in exposed.readable_fields:
        selected = wanted.get(names.field_name(field.name))
        if field.kind not in _RELATION_KINDS or not selected:
            continue
        lookup, related = prefix + field.name, field.related_model
        if related is not None and issubclass(related, Page):
            # Related pages come back as their specific class; their own relations
            # are not followed (the list may mix page types).
            queryset = cast(PageQuerySet, related._default_manager.all()).specific()
            lookups.append(Prefetch(lookup, queryset=queryset))
            continue
        lookups.append(lookup)
        if related is not None and field.kind is not FieldKind.TAGS:
            children = [child for s in selected for child in s.selections]
            lookups += _lookups(registry, related, wanted_for(children, related), f"{lookup}__")
    return lookups


def prefetch_selected(
    objects: Sequence[Model], info: Info, registry: Registry, path: Sequence[str] = ()
) -> None:
    """Prefetch, per model class, the relations selected for that class's type.

    ``path`` leads from the resolved field to the objects' selection (``("items",)``
    for a list type).
    """
    current: list[SelectedField] = list(_flatten(info.selected_fields))
    for step in path:
        current = [child for f in current for child in _flatten(f.selections) if child.name == step]
    selections = [child for field in current for child in field.selections]
    by_class: dict[type[Model], list[Model]] = defaultdict(list)
    for obj in objects:
        by_class[type(obj)].append(obj)
    for model, group in by_class.items():
        wanted = wanted_for(selections, model)
        lookups = _lookups(registry, model, wanted)
        if lookups:
            prefetch_related_objects(group, *lookups)
        if "workflowState" in wanted:
            prefetch_workflow_states(group)
        _load_selected_streams(registry, model, group, wanted)


def _load_selected_streams(
    registry: Registry, model: type[Model], objects: list[Model], wanted: Wanted
) -> None:
    """Convert the selected StreamFields of the whole list together (``stream_loading``)."""
    exposed = registry.get(model)
    if exposed is None:
        return
    for field in exposed.readable_fields:
        if field.kind is FieldKind.STREAM and names.field_name(field.name) in wanted:
            load_streams(objects, field.name)
