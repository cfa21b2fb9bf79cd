"""GraphQL input -> a bound admin form, the same form the Wagtail admin binds.

A slimmer equivalent of Wagtail v3's ``form_data`` builders (see docs/architecture.md
for why we do not import them): the form class comes from the model's edit handler,
narrowed to the registry's writable fields, and the data is what the admin's HTML form
would have posted. Validation, ``clean()``, ``required_on_save`` and InlinePanel
formsets therefore behave exactly as in the admin.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Model
from django.forms import BaseForm, BaseModelForm
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils.datastructures import MultiValueDict
from permissionedforms import PermissionedForm
from taggit.forms import TagField
from taggit.models import Tag
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import get_edit_handler, get_form_for_model
from wagtail.blocks.base import BlockField
from wagtail.utils.forms import FormValidationError

from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.registry import ExposedModel, FieldKind, Registry
from wagtail_graphql_write.writes.failures import InvalidInputs
from wagtail_graphql_write.writes.rich_text import convert_rich_text
from wagtail_graphql_write.writes.streams import (
    InputNotes,
    flatten_block_value,
    stream_to_stored,
)


@dataclass
class FormBinding:
    """A form's data plus, per formset, which input position each child form came from."""

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


def _narrow(
    registry: Registry, exposed: ExposedModel, options: dict[str, Any], names: set[str]
) -> dict[str, Any]:
    """Restrict panel form options to writable fields (recursing into formsets)."""
    formsets = dict(options.get("formsets") or {})
    relations = {f.name: f for f in exposed.writable_fields if f.kind is FieldKind.CHILD_RELATION}
    narrowed: dict[str, Any] = {}
    for name, relation in relations.items():
        if name not in names:
            continue
        child = registry.get(cast(type[Model], relation.related_model))
        if child is None:
            continue
        child_options = formsets.get(name, {})
        child_names = {f.name for f in child.writable_fields}
        narrowed[name] = {**child_options, **_narrow(registry, child, child_options, child_names)}
    plain = [f.name for f in exposed.writable_fields if f.name in names and f.name not in relations]
    return {**options, "fields": plain, "formsets": narrowed}


def form_class_for(registry: Registry, exposed: ExposedModel, names: set[str]) -> type[BaseForm]:
    """The model's admin form class, narrowed to ``names`` (the fields being written).

    Narrowing to the fields actually sent makes an update partial: a field left out of
    the input is left off the form, so it keeps its value instead of being cleared.
    """
    handler = _edit_handler(exposed.model)
    options = handler.get_form_options()
    base = (
        getattr(exposed.model, "api_base_form_class", None)
        or handler.base_form_class
        or getattr(exposed.model, "base_form_class", None)
        or WagtailAdminModelForm
    )
    options = _narrow(registry, exposed, options, names)
    return cast(type[BaseForm], get_form_for_model(exposed.model, form_class=base, **options))


def form_value(value: Any) -> Any:
    """A GraphQL input value as an HTML form would post it."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None:
        return ""
    return value


def _set_field(
    form_field: Any, name: str, value: Any, binding: FormBinding, path: list[str]
) -> None:
    """Post ``value`` for one form field; ``path`` locates it in the input for warnings."""
    data = binding.data
    if isinstance(form_field, BlockField):
        stored = stream_to_stored(form_field.block, value, path, binding.notes)
        flatten_block_value(form_field.block, stored, name, data)
    elif getattr(form_field.widget, "allow_multiple_selected", False):
        data.setlist(name, [str(v) for v in (value or [])])
    elif isinstance(form_field, TagField):
        tag_model = getattr(form_field, "tag_model", Tag)
        data[name] = form_field.widget.format_value([tag_model(name=n) for n in value or []])
    elif hasattr(form_field.widget, "converter"):
        # A rich text editor widget: format_value() is the inverse of the conversion
        # value_from_datadict() applies, so database HTML round-trips through any editor.
        features = getattr(form_field.widget, "features", None)
        db_html = convert_rich_text(value, features, path, binding.notes.warnings)
        data[name] = form_field.widget.format_value(db_html)
    else:
        data[name] = form_value(value)


def bind_data(
    form_class: type[BaseForm], payload: dict[str, Any], instance: Model | None
) -> FormBinding:
    """Build the posted data for ``form_class`` and its InlinePanel formsets."""
    binding = FormBinding()
    for name, form_field in form_class.base_fields.items():  # type: ignore[attr-defined]
        if name in payload:
            _set_field(form_field, name, payload[name], binding, ["input", field_name(name)])
    for rel_name, formset_class in getattr(form_class, "formsets", {}).items():
        if rel_name in payload:
            binding.positions[rel_name] = _bind_formset(
                rel_name, formset_class, payload[rel_name] or [], instance, binding
            )
    return binding


def _bind_formset(
    prefix: str,
    formset_class: Any,
    items: list[dict[str, Any]],
    instance: Model | None,
    binding: FormBinding,
) -> dict[int, int]:
    """Replace the relation's rows: items with a known ``id`` edit, others add, rest delete.

    Returns form index -> input position, so errors can point at the input item.
    """
    data = binding.data
    existing = list(getattr(instance, prefix).all()) if instance is not None and instance.pk else []
    # Rows a draft added have no pk yet: they are posted with an empty id, as the
    # admin does, and can only be kept by sending them again without an id.
    index_by_pk = {str(obj.pk): i for i, obj in enumerate(existing) if obj.pk is not None}
    pk_name = formset_class.model._meta.pk.name
    data[f"{prefix}-INITIAL_FORMS"] = str(len(existing))
    for i, obj in enumerate(existing):
        data[f"{prefix}-{i}-{pk_name}"] = "" if obj.pk is None else str(obj.pk)
    positions: dict[int, int] = {}
    next_new = len(existing)
    for position, item in enumerate(items):
        item_id = item.get("id")
        index = index_by_pk.get(str(item_id)) if item_id is not None else None
        if index is None or index in positions:
            index, next_new = next_new, next_new + 1
        positions[index] = position
        item_prefix = f"{prefix}-{index}"
        if formset_class.can_order:
            data[f"{item_prefix}-{ORDERING_FIELD_NAME}"] = str(position + 1)
        item_path = ["input", field_name(prefix), str(position)]
        for name, form_field in formset_class.form.base_fields.items():
            if name in item:
                _set_field(
                    form_field,
                    f"{item_prefix}-{name}",
                    item[name],
                    binding,
                    [*item_path, field_name(name)],
                )
    for i in range(len(existing)):
        if i not in positions:
            data[f"{prefix}-{i}-DELETE"] = "on"
    data[f"{prefix}-TOTAL_FORMS"] = str(next_new)
    return positions


def bind_form(
    registry: Registry,
    exposed: ExposedModel,
    payload: dict[str, Any],
    instance: Model,
    user: Any,
    **extra: Any,
) -> tuple[BaseModelForm, FormBinding]:
    """A bound admin form for ``instance`` with ``payload``; ``extra`` goes to the form."""
    form_class = form_class_for(registry, exposed, set(payload))
    binding = bind_data(form_class, payload, instance)
    kwargs: dict[str, Any] = {"data": binding.data, "instance": instance, **extra}
    if issubclass(form_class, PermissionedForm):
        kwargs["for_user"] = user
    form = cast(BaseModelForm, form_class(**kwargs))
    return form, binding


def check_input(form: Any, binding: FormBinding, publish: bool) -> None:
    """Raise every input problem at once: values rejected while binding, plus the
    form's own errors, validated the way the action would (drafts defer required fields).
    """
    if not binding.notes.errors:
        return
    deferred = not publish and isinstance(form, WagtailAdminModelForm)
    if deferred:
        form.defer_required_fields()
    form.is_valid()
    if deferred:
        form.restore_required_fields()
    raise InvalidInputs(binding.notes.errors)


def execute_with_form(
    ctx: Any, action: Any, form: Any, binding: FormBinding, *, strict: bool = False
) -> Any:
    """Run a create/edit action on a bound form, in the order the API promises:
    permission errors first, then every input error at once, then the save.

    ``strict`` validates required fields even though the action saves a draft: the
    admin's "Submit for moderation" saves a draft, but only a complete one.
    """
    ctx.use_form(form, binding)
    action.check()
    strict = strict or action.publish
    check_input(form, binding, publish=strict)
    if strict and not form.is_valid():
        raise FormValidationError.from_form(form)
    return action.execute()
