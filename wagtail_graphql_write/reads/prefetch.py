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
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, prefetch_related_objects
from graphql import GraphQLObjectType
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField
from wagtail.models import DraftStateMixin, LockableMixin, Page, WorkflowMixin

from wagtail_graphql_write.access.batches import join_batches
from wagtail_graphql_write.access.listing import prefetch_check_facts
from wagtail_graphql_write.access.workflows import prefetch_workflow_states
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.relation_loading import fetch_relation
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


def flatten_selections(selections: Iterable[Any]) -> Iterable[SelectedField]:
    """The fields of a selection, with inline fragments and fragment spreads opened."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from flatten_selections(selection.selections)


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


def _prefetch(registry: Registry, model: type[Model], objects: list[Model], wanted: Wanted) -> None:
    """Prefetch what ``wanted`` selects on ``objects``, recursing into related objects."""
    for name, attr in _INTERFACE_RELATIONS.items():
        if name in wanted and _has_field(model, attr):
            prefetch_related_objects(objects, attr)
    exposed = registry.get(model)
    if exposed is None:
        return
    for field in exposed.readable_fields:
        selected = wanted.get(names.field_name(field.name))
        if not selected:
            continue
        if field.kind is FieldKind.STREAM:
            load_streams(objects, field.name)
        if field.kind not in _RELATION_KINDS:
            continue
        children = [child for s in selected for child in s.selections]
        for related_model, group in _by_class(fetch_relation(objects, field)).items():
            _prefetch(registry, related_model, group, wanted_for(children, related_model))


def _by_class(objects: Iterable[Model]) -> dict[type[Model], list[Model]]:
    by_class: dict[type[Model], list[Model]] = defaultdict(list)
    for obj in objects:
        by_class[type(obj)].append(obj)
    return by_class


def _selections_at(info: Info, path: Sequence[str]) -> list[Any]:
    """The selections on the objects ``path`` leads to from the resolved field."""
    current: list[SelectedField] = list(flatten_selections(info.selected_fields))
    for step in path:
        current = [
            child
            for f in current
            for child in flatten_selections(f.selections)
            if child.name == step
        ]
    return [child for field in current for child in field.selections]


def selects_type_fields(info: Info, path: Sequence[str] = ()) -> bool:
    """Whether the selection names an object type (``... on BlogPage``), not only
    interfaces: only then does a page list need its pages' own columns."""
    found: dict[str | None, list[Any]] = defaultdict(list)
    _collect(_selections_at(info, path), None, found)
    schema = info.schema._schema
    return any(
        condition is not None and isinstance(schema.get_type(condition), GraphQLObjectType)
        for condition in found
    )


def prefetch_selected(
    objects: Sequence[Model], info: Info, registry: Registry, path: Sequence[str] = ()
) -> None:
    """Prefetch, per model class, the relations selected for that class's type.

    ``path`` leads from the resolved field to the objects' selection (``("items",)``
    for a list type).
    """
    selections = _selections_at(info, path)
    join_batches(objects)  # what the selection cannot show ahead is fetched lazily
    for model, group in _by_class(objects).items():
        wanted = wanted_for(selections, model)
        _prefetch(registry, model, group, wanted)
        if "userPermissions" in wanted or "workflowState" in wanted:
            # Both ask the workflow and lock questions (``access.listing``).
            prefetch_workflow_states(group)
            prefetch_check_facts(group)
