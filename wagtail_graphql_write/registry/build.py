"""Build the registry from Wagtail's page and snippet models and their ``api_fields``.

The rules mirror Wagtail 8's REST API v3: a field is readable when it is listed in
``api_fields`` and writable when it is ``APIField(name, writable=True)``; pages also
get Wagtail's standard editable page fields (v3's ``BASE_PAGE_FIELDS``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignObjectRel, ManyToManyField, Model
from django.db.models.fields.related import ForeignKey, OneToOneField
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.api.conf import APIField, get_model_field
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.registry.models import (
    ExposedField,
    ExposedModel,
    FieldKind,
    ModelRole,
    Registry,
    SkippedField,
)
from wagtail_graphql_write.registry.properties import NotAProperty, property_field

#: Wagtail's own page fields that every page type accepts: API v3's, plus the
#: scheduling fields of the admin's "Publishing" panel (``PublishingPanel`` in
#: ``Page.settings_panels``), which the page form validates (go-live before expiry,
#: expiry in the future).
BASE_PAGE_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "go_live_at",
    "expire_at",
)


#: The fields every image and document model has that clients write besides the file
#: (the admin form's ``title``, ``collection`` and ``tags``); a custom model adds its
#: writable ``api_fields``. Width, height, the file and the focal point are read by
#: ``generation.media`` itself.
BASE_MEDIA_FIELDS = ("title", "collection", "tags")


class _Skip(Exception):
    """A field that cannot be exposed; the message says why."""


def classify(model: type[Model], model_field: Any) -> FieldKind:
    """Say what kind of field ``model_field`` is, or raise ``_Skip``."""
    if isinstance(model_field, RichTextField):
        return FieldKind.RICH_TEXT
    if isinstance(model_field, StreamField):
        return FieldKind.STREAM
    if isinstance(model_field, TaggableManager):
        return FieldKind.TAGS
    if isinstance(model_field, ForeignObjectRel):
        if model_field in get_all_child_relations(model):
            return FieldKind.CHILD_RELATION
        raise _Skip("a reverse relation that is not an InlinePanel child relation (ParentalKey)")
    if isinstance(model_field, ManyToManyField):
        return FieldKind.MANY_TO_MANY
    if isinstance(model_field, ForeignKey | OneToOneField):
        if model_field.remote_field.parent_link:
            raise _Skip("a multi-table inheritance parent link")
        return FieldKind.FOREIGN_KEY
    if getattr(model_field, "concrete", False) and not model_field.is_relation:
        return FieldKind.SCALAR
    raise _Skip(f"an unsupported field type ({type(model_field).__name__})")


#: django-taggit's default help text describes the admin's text widget, not a list of strings.
TAGGIT_HELP_TEXT = "A comma-separated list of tags."
TAGS_DESCRIPTION = "Tags, one string per tag."


def _description(model_field: Any, kind: FieldKind) -> str | None:
    text = str(getattr(model_field, "help_text", "") or "")
    if kind is FieldKind.TAGS and text in ("", TAGGIT_HELP_TEXT, str(_(TAGGIT_HELP_TEXT))):
        return TAGS_DESCRIPTION
    if not text and not isinstance(model_field, ForeignObjectRel):
        text = str(getattr(model_field, "verbose_name", "") or "")
    return text or None


def _required_on_create(model: type[Model], model_field: Any, kind: FieldKind) -> bool:
    """Whether the admin form requires this field even for a first draft.

    Draft-state models defer every required field except ``required_on_save`` ones
    (``WagtailAdminModelForm.defer_required_fields``), so only those stay required.
    """
    if kind in (FieldKind.CHILD_RELATION, FieldKind.TAGS, FieldKind.MANY_TO_MANY):
        return False
    if model_field.blank or model_field.has_default():
        return False
    if issubclass(model, DraftStateMixin):
        return bool(getattr(model_field, "required_on_save", False))
    return True


def _api_field_entries(model: type[Model]) -> list[APIField]:
    """The model's ``api_fields`` as ``APIField`` objects (strings are read-only)."""
    return APIField.get_fields_for_model(model)


def _expose_fields(
    model: type[Model],
    entries: Iterable[APIField],
    skipped: list[SkippedField],
) -> list[ExposedField]:
    exposed: dict[str, ExposedField] = {}
    excluded = set(get_settings()["EXCLUDE_FIELDS"])
    for entry in entries:
        if entry.name in exposed or f"{model._meta.label}.{entry.name}" in excluded:
            continue
        try:
            exposed[entry.name] = _expose_field(model, entry)
        except _Skip as skip:
            label = model._meta.label
            skipped.append(SkippedField(label, entry.name, str(skip), not entry.writable))
    return list(exposed.values())


def _expose_field(model: type[Model], entry: APIField) -> ExposedField:
    """The field for one ``api_fields`` entry, or raise ``_Skip`` saying why not."""
    if entry.serializer is not None:
        return _serialized(model, entry)
    try:
        model_field = get_model_field(model, entry.name)
    except FieldDoesNotExist:
        return _property(model, entry)
    try:
        kind = classify(model, model_field)
    except _Skip as skip:
        raise _Skip(f"it is {skip}") from None
    related = model_field.related_model if model_field.is_relation else None
    return ExposedField(
        name=entry.name,
        kind=kind,
        model_field=model_field,
        readable=True,
        writable=bool(entry.writable) and _is_editable(model_field, kind),
        required_on_create=_required_on_create(model, model_field, kind),
        description=_description(model_field, kind),
        related_model=related,
    )


def _serialized(model: type[Model], entry: APIField) -> ExposedField:
    """An entry with a DRF serializer: ``ImageRenditionField`` reads as its rendition
    (bakerydemo-style thumbnails); any other serializer cannot be typed."""
    from wagtail.images.api.fields import ImageRenditionField

    serializer = entry.serializer
    if not isinstance(serializer, ImageRenditionField):
        raise _Skip("it uses a custom DRF serializer")
    if entry.writable:
        raise _Skip("it is an image rendition, which the API cannot write")
    return ExposedField(
        name=entry.name,
        kind=FieldKind.RENDITION,
        model_field=serializer,
        readable=True,
        writable=False,
        required_on_create=False,
        description=f"The image's `{serializer.filter_spec}` rendition.",
    )


def _property(model: type[Model], entry: APIField) -> ExposedField:
    """A property listed in ``api_fields``: read-only, typed by its return annotation."""
    try:
        field = property_field(model, entry.name)
    except NotAProperty as not_property:
        raise _Skip(f"it is {not_property}") from None
    if entry.writable:
        raise _Skip("it is a property, which the API cannot write")
    return field


def _is_editable(model_field: Any, kind: FieldKind) -> bool:
    if kind is FieldKind.CHILD_RELATION:
        return True
    return bool(getattr(model_field, "editable", True)) and not getattr(
        model_field, "primary_key", False
    )


def _page_entries(model: type[Model]) -> list[APIField]:
    base = [APIField(name, writable=True) for name in BASE_PAGE_FIELDS]
    return base + _api_field_entries(model)


def _is_selected(model: type[Model]) -> bool:
    """Include/exclude settings; the base Page model is always exposed because
    ``GenericPage`` stands in for every page type a site leaves out."""
    if model is Page:
        return True
    conf = get_settings()
    label = model._meta.label
    if conf["INCLUDE_MODELS"] and label not in conf["INCLUDE_MODELS"]:
        return False
    return label not in conf["EXCLUDE_MODELS"]


class _RegistryBuilder:
    """Walks page and snippet models, then the InlinePanel child models they reach."""

    def __init__(self) -> None:
        self.skipped: list[SkippedField] = []
        self.children: dict[type[Model], ExposedModel] = {}

    def page(self, model: type[Model]) -> ExposedModel:
        fields = _expose_fields(model, _page_entries(model), self.skipped)
        creatable = bool(getattr(model, "is_creatable", True)) and model is not Page
        return self._finish(model, ModelRole.PAGE, fields, creatable)

    def snippet(self, model: type[Model]) -> ExposedModel:
        fields = _expose_fields(model, _api_field_entries(model), self.skipped)
        return self._finish(model, ModelRole.SNIPPET, fields, any(f.writable for f in fields))

    def media(self, model: type[Model]) -> ExposedModel:
        """The image or document model: its base fields and its own ``api_fields``."""
        base = [APIField(name, writable=True) for name in BASE_MEDIA_FIELDS]
        fields = _expose_fields(model, base + _api_field_entries(model), self.skipped)
        return ExposedModel(model=model, role=ModelRole.MEDIA, fields=tuple(fields), creatable=True)

    def _finish(
        self, model: type[Model], role: ModelRole, fields: list[ExposedField], creatable: bool
    ) -> ExposedModel:
        kept = [f for f in fields if f.kind is not FieldKind.CHILD_RELATION or self._child(f)]
        return ExposedModel(model=model, role=role, fields=tuple(kept), creatable=creatable)

    def _child(self, relation: ExposedField) -> bool:
        """Register the child model behind ``relation``; False if it cannot be exposed."""
        child_model = relation.related_model
        assert child_model is not None
        if child_model in self.children:
            return True
        fields = _expose_fields(child_model, _api_field_entries(child_model), self.skipped)
        if relation.writable and not any(f.writable for f in fields):
            owner = relation.model_field.model._meta.label
            self.skipped.append(
                SkippedField(
                    owner,
                    relation.name,
                    f"its child model {child_model._meta.label} has no writable api_fields",
                )
            )
            return False
        entry = ExposedModel(child_model, ModelRole.CHILD, (), creatable=True)
        self.children[child_model] = entry  # placeholder stops recursion through cycles
        self.children[child_model] = self._finish(child_model, ModelRole.CHILD, fields, True)
        return True


def _sorted(models: Iterable[type[Model]]) -> list[type[Model]]:
    return sorted((m for m in models if _is_selected(m)), key=lambda m: m._meta.label)


def build_registry() -> Registry:
    """Build the registry for every installed page model and registered snippet."""
    builder = _RegistryBuilder()
    pages = tuple(builder.page(m) for m in _sorted(get_page_models()))
    snippets = tuple(builder.snippet(m) for m in _sorted(get_snippet_models()))
    media = (builder.media(get_image_model()), builder.media(get_document_model()))
    children = tuple(sorted(builder.children.values(), key=lambda e: e.label))
    return Registry(pages, snippets, children, tuple(builder.skipped), media)


def build_media() -> tuple[tuple[ExposedModel, ...], tuple[SkippedField, ...]]:
    """The image and document models alone, for a registry made without them (tests
    build registries by hand): pages point at images, so a schema always has them."""
    builder = _RegistryBuilder()
    media = (builder.media(get_image_model()), builder.media(get_document_model()))
    return media, tuple(builder.skipped)
