"""GraphQL input -> a bound admin form, the same form the Wagtail admin binds.

The form class comes from the model's edit handler with all its fields (Wagtail v3's
``form_data`` builders narrow it to the writable ones, so a ``clean()`` comparing a
writable field with a read-only one never runs there) and only the writable
InlinePanels, and the data is what the admin's HTML form would post: **every** field
of that form is posted, the ones the client sent with the sent value, the others
(read-only ones included) with the value the admin's page would show (a new
object's defaults, an existing object's current content). So the
whole form validates, exactly as in the admin: required fields, a formset's
``min_num``, and the form's own ``clean()`` over fields the client left out; and a
field left out keeps its value. Why this is our own code rather than Wagtail v3's is
explained in docs/writes.md.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, cast

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, prefetch_related_objects
from django.forms import BaseForm, BaseModelForm
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils.datastructures import MultiValueDict
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from permissionedforms import PermissionedForm
from taggit.forms import TagField
from taggit.models import Tag
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import get_edit_handler, get_form_for_model
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.registry import ExposedModel, FieldKind, Registry
from wagtail_graphql_write.writes.input.notes import InputNotes
from wagtail_graphql_write.writes.input.rich_text import convert_rich_text
from wagtail_graphql_write.writes.input.streams import (
    flatten_block_value,
    flatten_native_value,
    stream_to_stored,
)


@dataclass
class FormBinding:
    """A form's posted data plus, per formset, which input position each form came from."""

    data: MultiValueDict = field(default_factory=MultiValueDict)
    positions: dict[str, dict[int, int]] = field(default_factory=dict)
    #: Rich text the server sanitised (payload warnings) and values it rejected.
    notes: InputNotes = field(default_factory=InputNotes)

    @property
    def warnings(self) -> list[GqlWarning]:
        return self.notes.warnings


def _edit_handler(model: type[Model]) -> Any:
    getter = getattr(model, "get_edit_handler", None)
    return getter() if getter is not None else get_edit_handler(model)


def _writable_formsets(
    registry: Registry, exposed: ExposedModel, options: dict[str, Any]
) -> dict[str, Any]:
    """Panel form options with only the writable InlinePanel relations (recursively).

    Every plain field of the admin form stays: one the client cannot write is posted
    with its current value, so a form rule that reads it (a ``clean()`` comparing two
    dates) runs as in the admin. A relation the client cannot write is left out of the
    form instead: its rows are kept as they are, as a form that never showed them would.
    """
    formsets = dict(options.get("formsets") or {})
    relations = {f.name: f for f in exposed.writable_fields if f.kind is FieldKind.CHILD_RELATION}
    kept: dict[str, Any] = {}
    for name, relation in relations.items():
        child = registry.get(cast(type[Model], relation.related_model))
        if child is None:
            continue
        child_options = formsets.get(name, {})
        kept[name] = {**child_options, **_writable_formsets(registry, child, child_options)}
    return {**options, "formsets": kept}


def form_class_for(registry: Registry, exposed: ExposedModel) -> type[BaseForm]:
    """The model's admin form class: every field, and the writable InlinePanels."""
    handler = _edit_handler(exposed.model)
    base = (
        getattr(exposed.model, "api_base_form_class", None)
        or handler.base_form_class
        or getattr(exposed.model, "base_form_class", None)
        or WagtailAdminModelForm
    )
    options = _writable_formsets(registry, exposed, handler.get_form_options())
    return cast(type[BaseForm], get_form_for_model(exposed.model, form_class=base, **options))


def form_value(value: Any) -> Any:
    """A Python value as an HTML form would post it."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None:
        return ""
    return value


def _is_multiple(form_field: Any) -> bool:
    return bool(getattr(form_field.widget, "allow_multiple_selected", False))


def _is_rich_text(form_field: Any) -> bool:
    """A rich text editor widget: ``format_value()`` is the inverse of the conversion its
    ``value_from_datadict()`` applies, so database HTML round-trips through any editor."""
    return hasattr(form_field.widget, "converter")


def post_sent(
    form_field: Any, name: str, value: Any, binding: FormBinding, path: list[str]
) -> None:
    """Post the client's ``value`` for one form field; ``path`` locates it in the input."""
    data = binding.data
    if isinstance(form_field, BlockField):
        stored = stream_to_stored(form_field.block, value, path, binding.notes)
        flatten_block_value(form_field.block, stored, name, data)
    elif _is_multiple(form_field):
        data.setlist(name, [str(v) for v in (value or [])])
    elif isinstance(form_field, TagField):
        tag_model = getattr(form_field, "tag_model", Tag)
        data[name] = form_field.widget.format_value([tag_model(name=n) for n in value or []])
    elif _is_rich_text(form_field):
        features = getattr(form_field.widget, "features", None)
        db_html = convert_rich_text(value, features, path, binding.notes)
        data[name] = form_field.widget.format_value(db_html)
    else:
        data[name] = form_value(value)


def post_current(form_field: Any, name: str, initial: Any, data: MultiValueDict) -> None:
    """Post a field's current value (``initial``), as the admin's page would post it."""
    if isinstance(form_field, BlockField):
        flatten_native_value(form_field.block, initial, name, data)
    elif _is_multiple(form_field):
        data.setlist(name, [str(v) for v in form_field.prepare_value(initial or [])])
    elif isinstance(form_field, TagField):
        data[name] = form_field.widget.format_value(initial or [])
    elif _is_rich_text(form_field):
        data[name] = form_field.widget.format_value(initial or "")
    else:
        data[name] = form_value(form_field.prepare_value(initial))


def _post_form(
    form: BaseForm, prefix: str, values: dict[str, Any], binding: FormBinding, path: list[str]
) -> None:
    """Post every field of ``form`` (unbound, showing current values) under ``prefix``.

    Only the form class's own fields: a formset adds its id, ``ORDER`` and ``DELETE``
    fields to each form, and those are posted by ``_post_formset``.
    """
    for name in type(form).base_fields:  # type: ignore[attr-defined]
        form_field = form.fields.get(name)
        if form_field is None:  # taken away from this user (PermissionedForm)
            continue
        key = f"{prefix}-{name}" if prefix else name
        if name in values:
            post_sent(form_field, key, values[name], binding, [*path, field_name(name)])
        else:
            initial = form.get_initial_for_field(form_field, name)
            post_current(form_field, key, initial, binding.data)


def _post_formset(
    name: str, formset: Any, items: list[dict[str, Any]] | None, binding: FormBinding
) -> dict[int, int]:
    """Post one InlinePanel formset; returns form index -> input position.

    Sent items replace the relation's rows (Wagtail v3's semantics): an item whose
    ``id`` names a row edits it, others add rows, rows no item names are deleted. A
    relation not sent keeps its rows, each posted with its current values; rows a
    draft added (no id yet) are posted as new rows, so they are kept too.
    """
    data = binding.data
    current = list(formset.initial_forms)
    saved = [form for form in current if form.instance.pk is not None]
    index_of = {str(form.instance.pk): i for i, form in enumerate(saved)}
    pk_name = formset.model._meta.pk.name
    data[f"{name}-INITIAL_FORMS"] = str(len(saved))
    for i, form in enumerate(saved):
        data[f"{name}-{i}-{pk_name}"] = str(form.instance.pk)
    if items is None:
        items = [{} for _ in current]
        sources = current
    else:
        sources = [
            saved[index_of[str(item["id"])]] if str(item.get("id")) in index_of else None
            for item in items
        ]
    positions: dict[int, int] = {}
    next_new = len(saved)
    for position, (item, source) in enumerate(zip(items, sources, strict=True)):
        index = index_of.get(str(source.instance.pk)) if source is not None else None
        if index is None or index in positions:  # a new row, or a row named twice
            index, next_new = next_new, next_new + 1
        positions[index] = position
        if formset.can_order:
            data[f"{name}-{index}-{ORDERING_FIELD_NAME}"] = str(position + 1)
        values = {key: value for key, value in item.items() if key != "id"}
        path = ["input", field_name(name), str(position)]
        _post_form(source or formset.empty_form, f"{name}-{index}", values, binding, path)
    for i in range(len(saved)):
        if i not in positions:
            data[f"{name}-{i}-DELETE"] = "on"
    data[f"{name}-TOTAL_FORMS"] = str(next_new)
    return positions


class TagsAssignedOnce:
    """A new page's form whose ``save_m2m()`` leaves the tags alone.

    ``ClusterForm.save(commit=False)`` assigns tags (and ParentalManyToMany values) in
    memory and ``add_child()`` commits them. Wagtail 8's ``CreatePageAction`` then calls
    ``form.save_m2m()``, which would assign the tags again as new unsaved rows, so the
    first revision stored them without ids and publishing it deleted and recreated
    them. The admin's create view never calls ``save_m2m()``; this form still saves
    plain many-to-many fields and skips only what ``ClusterForm`` already assigned
    (``tests/parity`` compares both).
    """

    instance: Any
    cleaned_data: dict[str, Any]

    def _save_m2m(self) -> None:
        opts = self.instance._meta
        assigned = [
            f.name
            for f in chain(opts.many_to_many, opts.private_fields)
            if getattr(f, "_need_commit_after_assignment", False)
        ]
        kept = {name: self.cleaned_data.pop(name) for name in assigned if name in self.cleaned_data}
        try:
            super()._save_m2m()  # type: ignore[misc]
        finally:
            self.cleaned_data.update(kept)


def _model_fields_of(model: type[Model], form_class: type[BaseForm], kind: type) -> list[Any]:
    """The model fields of class ``kind`` behind the form's fields."""
    found = []
    for name in form_class.base_fields:  # type: ignore[attr-defined]
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, kind):
            found.append(model_field)
    return found


def load_form_relations(instance: Model, form_class: type[BaseForm]) -> None:
    """Hold the tags and many-to-many values the form reads in memory.

    Each of the two forms ``bind_form`` builds reads them. A saved object's relations
    are read from the database each time; they are now read once and held, as the
    form's own save would hold them, so nothing is written that the form would not
    write. An object built from a revision holds its tag rows already, but not the
    tags they point at, which modelcluster would read one query per tag per form.
    """
    if instance.pk is None or not isinstance(instance, ClusterableModel):
        return
    model = type(instance)
    for many in _model_fields_of(model, form_class, ParentalManyToManyField):
        if many.name not in getattr(instance, "_cluster_related_objects", {}):
            setattr(instance, many.name, list(getattr(instance, many.name).all()))
    held = getattr(instance, "_cluster_related_objects", {})
    # Only the tag fields' item rows, not the formsets' rows: held in memory before the
    # form binds, those are saved with a ``sort_order`` the admin's edit leaves empty
    # (``tests/parity`` compares them).
    for tags in _model_fields_of(model, form_class, ClusterTaggableManager):
        item = tags.through._meta.get_field("content_object")
        accessor = item.remote_field.get_accessor_name()
        manager = getattr(instance, accessor)
        keys = [
            f.name
            for f in manager.model._meta.concrete_fields
            if f.many_to_one and not isinstance(f, ParentalKey)
        ]
        if accessor in held:
            prefetch_related_objects(list(held[accessor]), *keys)
        else:
            setattr(instance, accessor, list(manager.all().select_related(*keys)))


def bind_form(
    registry: Registry,
    exposed: ExposedModel,
    payload: dict[str, Any],
    instance: Model,
    user: Any,
    **extra: Any,
) -> tuple[BaseModelForm, FormBinding]:
    """The admin form for ``instance``, bound to ``payload`` over its current values.

    An unbound form is built first: what it would show is what the admin's page would
    post for every field the client did not send. ``extra`` goes to the form
    (``parent_page`` for pages).
    """
    form_class = form_class_for(registry, exposed)
    if isinstance(instance, Page) and instance.pk is None:
        form_class = type(form_class.__name__, (TagsAssignedOnce, form_class), {})
    kwargs: dict[str, Any] = {"instance": instance, **extra}
    if issubclass(form_class, PermissionedForm):
        kwargs["for_user"] = user
    load_form_relations(instance, form_class)
    shown = form_class(**kwargs)
    binding = FormBinding()
    _post_form(shown, "", payload, binding, ["input"])
    for name, formset in getattr(shown, "formsets", {}).items():
        items = payload.get(name) if name in payload else None
        binding.positions[name] = _post_formset(name, formset, items, binding)
    form = cast(BaseModelForm, form_class(data=binding.data, **kwargs))
    return form, binding


def validate_like_the_admin(form: Any, full: bool) -> bool:
    """``form.is_valid()`` as the admin's "Save draft" (``full=False``: required fields
    and formset minimums deferred) or "Publish"/"Submit" (``full=True``) checks it.
    Wagtail's actions validate the same way, and reuse the errors found here."""
    deferred = not full and isinstance(form, WagtailAdminModelForm)
    if deferred:
        form.defer_required_fields()
    valid = bool(form.is_valid())
    if deferred:
        form.restore_required_fields()
    return valid
