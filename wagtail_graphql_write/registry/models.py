"""The registry's data: what is exposed, described without any GraphQL."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model


class ModelRole(enum.Enum):
    """How a model takes part in the API."""

    PAGE = "page"
    SNIPPET = "snippet"
    #: A model edited only as an InlinePanel child of a page or snippet.
    CHILD = "child"
    #: The image or document model (``get_image_model()``, ``get_document_model()``).
    MEDIA = "media"


class FieldKind(enum.Enum):
    """What a model field is, in the terms Wagtail's edit forms care about."""

    SCALAR = "scalar"
    RICH_TEXT = "rich_text"
    STREAM = "stream"
    TAGS = "tags"
    FOREIGN_KEY = "foreign_key"
    MANY_TO_MANY = "many_to_many"
    CHILD_RELATION = "child_relation"
    #: A read-only property of the model (listed in ``api_fields`` for REST v2), typed
    #: by its return annotation; ``model_field`` is the property object.
    PROPERTY = "property"
    #: ``APIField(name, serializer=ImageRenditionField(filter_spec, source=...))``: the
    #: image at ``source`` resized by the declared filter, as REST v2 serves it;
    #: ``model_field`` is the serializer (its ``filter_spec`` and ``source``).
    RENDITION = "rendition"


@dataclass(frozen=True)
class ExposedField:
    """One field of an exposed model.

    ``name`` is the Python attribute (and admin form field) name; the GraphQL name is
    formed from it by ``generation.names``.
    """

    name: str
    kind: FieldKind
    model_field: Any
    readable: bool
    writable: bool
    #: Non-null on create input: the admin form requires it for every save, drafts too.
    required_on_create: bool
    description: str | None = None
    #: For FOREIGN_KEY, MANY_TO_MANY and CHILD_RELATION: the model at the other end.
    related_model: type[Model] | None = None
    #: For PROPERTY: the getter's resolved return annotation.
    annotation: Any = None


@dataclass(frozen=True)
class SkippedField:
    """A field listed in ``api_fields`` that cannot be exposed, and why.

    Reported as a Django system-check warning instead of crashing schema generation.
    """

    model_label: str
    field_name: str
    reason: str
    #: A read-only entry (what REST v2 serves): reported with the others in one summary,
    #: since the site's REST API needs it listed and only GraphQL leaves it out.
    read_only: bool = False


@dataclass(frozen=True)
class ExposedModel:
    """A page, snippet or InlinePanel child model and its exposed fields."""

    model: type[Model]
    role: ModelRole
    fields: tuple[ExposedField, ...]
    #: Pages: ``is_creatable``; snippets: has at least one writable field; media: True.
    creatable: bool

    @property
    def label(self) -> str:
        return str(self.model._meta.label)

    @property
    def readable_fields(self) -> tuple[ExposedField, ...]:
        return tuple(f for f in self.fields if f.readable)

    @property
    def writable_fields(self) -> tuple[ExposedField, ...]:
        return tuple(f for f in self.fields if f.writable)

    def has_mixin(self, mixin: type) -> bool:
        return issubclass(self.model, mixin)


@dataclass
class Registry:
    """Everything exposed, in a deterministic order (by model label)."""

    pages: tuple[ExposedModel, ...]
    snippets: tuple[ExposedModel, ...]
    children: tuple[ExposedModel, ...]
    skipped: tuple[SkippedField, ...] = ()
    #: The image and document models (always exposed: pages point at them).
    media: tuple[ExposedModel, ...] = ()
    _by_model: dict[type[Model], ExposedModel] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for exposed in (*self.pages, *self.snippets, *self.children, *self.media):
            self._by_model[exposed.model] = exposed

    def get(self, model: type[Model]) -> ExposedModel | None:
        """The exposed entry for exactly this model class, if any."""
        return self._by_model.get(model)

    def is_page(self, model: type[Model]) -> bool:
        entry = self.get(model)
        return entry is not None and entry.role is ModelRole.PAGE
