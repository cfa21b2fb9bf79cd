"""The table from Django field to GraphQL: one small converter function per field class.

As in Wagtail v3's ``generators/write.py``, converters are looked up along the field
class's MRO in a per-generator dict, so a site registers a converter for its own
field class with ``TypeGenerator.register_field(FieldClass, output=..., input=...)``.
A converter returns ``None`` (or raises ``Unsupported``) when it cannot map a field;
the field is then left out and reported as a system-check warning.

Plain scalar columns use strawberry-graphql-django's ``field_type_map``, so the
Django -> Python scalar mapping is the one the Strawberry ecosystem maintains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import strawberry
from django.db import models
from strawberry.types import Info
from strawberry_django.fields.types import field_type_map
from taggit.managers import TaggableManager
from wagtail.fields import RichTextField, StreamField

from wagtail_graphql_write.access.readable import readable_object, readable_objects
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import RichTextFormat, serialize_rich_text
from wagtail_graphql_write.generation.relation_loading import load_relation
from wagtail_graphql_write.generation.rich_text import RichTextInput
from wagtail_graphql_write.registry import ExposedField

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


class Unsupported(Exception):
    """A converter cannot map this field; the message says why."""


@dataclass(frozen=True)
class OutputSpec:
    """How a field appears on an object type: its annotation and resolver."""

    annotation: Any
    resolver: Callable[..., Any]


OutputConverter = Callable[["TypeGenerator", ExposedField], OutputSpec | None]
#: Returns the *non-null* input annotation; optionality is added by the caller.
InputConverter = Callable[["TypeGenerator", ExposedField], Any]

_SCALAR_EXCLUDED = (models.FileField, models.ForeignKey, models.ManyToManyField)


def scalar_python_type(model_field: models.Field) -> Any:
    """The Python scalar type strawberry-django maps a plain column to."""
    if isinstance(model_field, _SCALAR_EXCLUDED):
        raise Unsupported(f"{type(model_field).__name__} is not a plain column")
    for cls in type(model_field).__mro__:
        mapped = field_type_map.get(cls)
        if mapped is not None:
            if mapped is strawberry.ID:
                return str
            return mapped
    raise Unsupported(f"no GraphQL scalar is known for {type(model_field).__name__}")


def _nullable(field: ExposedField) -> bool:
    return bool(getattr(field.model_field, "null", False))


def _maybe_optional(annotation: Any, optional: bool) -> Any:
    return annotation | None if optional else annotation


def attribute_resolver(name: str, convert: Callable[[Any], Any] = lambda v: v) -> Callable:
    def resolve(root: Any) -> Any:
        value = getattr(root, name)
        return None if value is None else convert(value)

    return resolve


# ---- output converters -------------------------------------------------------------


def scalar_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    if field.model_field.choices:
        enum_type = gen.choice_enum(field)
        members = {m.value: m for m in enum_type}
        return OutputSpec(
            _maybe_optional(enum_type, True),
            attribute_resolver(field.name, lambda v: members.get(v)),
        )
    annotation = scalar_python_type(field.model_field)
    return OutputSpec(_maybe_optional(annotation, _nullable(field)), attribute_resolver(field.name))


def file_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    def resolve(root: Any) -> str | None:
        value = getattr(root, field.name)
        return value.url if value else None

    return OutputSpec(str | None, resolve)


def rich_text_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    features = getattr(field.model_field, "features", None)

    def resolve(root: Any, format: RichTextFormat | None = None) -> str | None:
        return serialize_rich_text(getattr(root, field.name), format, features)

    return OutputSpec(_maybe_optional(str, _nullable(field)), resolve)


def stream_prefix(field: ExposedField) -> str:
    """Block type names start with the model's type name and the field name."""
    return names.type_name(field.model_field.model) + names.to_pascal(field.name)


def stream_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    """A list of the stream's typed blocks (see ``generation.blocks``)."""
    interface = gen.blocks.stream_interface(field.model_field.stream_block, stream_prefix(field))

    def resolve(root: Any) -> Any:
        # All choosers of the stream (of every object of the list, in a batch) at once,
        # unless ``reads.prefetch`` converted it already: one query per chosen model.
        load_relation(root, field)
        return list(getattr(root, field.name) or [])

    return OutputSpec(list[interface], resolve)  # type: ignore[valid-type]


def tags_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    def resolve(root: Any) -> list[str]:
        load_relation(root, field)
        return sorted(tag.name for tag in getattr(root, field.name).all())

    return OutputSpec(list[str], resolve)


def related_object_resolver(field: ExposedField) -> Callable[..., Any]:
    """A foreign key's object, or ``null`` if the viewer may not read it (``access.readable``)."""

    def resolve(root: Any, info: Info) -> Any:
        load_relation(root, field)
        return readable_object(info.context.request, getattr(root, field.name))

    return resolve


def related_list_resolver(field: ExposedField) -> Callable[..., Any]:
    """A relation's objects, less those the viewer may not read (prefetched or not)."""

    def resolve(root: Any, info: Info) -> list[Any]:
        load_relation(root, field)
        return readable_objects(info.context.request, getattr(root, field.name).all())

    return resolve


def foreign_key_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    target = gen.related_output_type(field)
    if target is strawberry.ID:
        return OutputSpec(
            strawberry.ID | None,
            attribute_resolver(field.model_field.attname, lambda v: strawberry.ID(str(v))),
        )
    return OutputSpec(target | None, related_object_resolver(field))


def many_to_many_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    target = gen.related_output_type(field)
    if target is strawberry.ID:
        return OutputSpec(
            list[strawberry.ID],
            lambda root: [strawberry.ID(str(o.pk)) for o in getattr(root, field.name).all()],
        )
    if gen.is_page_interface(target):
        raise Unsupported("many-to-many relations to pages are not supported yet")
    return OutputSpec(list[target], related_list_resolver(field))  # type: ignore[valid-type]


def child_relation_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    """InlinePanel rows belong to their parent; their own relations are filtered."""
    child_type = gen.object_type(field.related_model)  # type: ignore[arg-type]
    return OutputSpec(list[child_type], related_list_resolver(field))  # type: ignore[valid-type]


# ---- input converters --------------------------------------------------------------


def scalar_input(gen: TypeGenerator, field: ExposedField) -> Any:
    if field.model_field.choices:
        return gen.choice_enum(field)
    return scalar_python_type(field.model_field)


def rich_text_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return RichTextInput


def stream_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return gen.blocks.stream_input(field.model_field.stream_block, stream_prefix(field))


def tags_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return list[str]


def foreign_key_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return strawberry.ID


def many_to_many_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return list[strawberry.ID]


def child_relation_input(gen: TypeGenerator, field: ExposedField) -> Any:
    return list[gen.child_input(field.related_model)]  # type: ignore[arg-type,misc]


def file_input(gen: TypeGenerator, field: ExposedField) -> Any:
    raise Unsupported("file uploads are not supported yet")


def register_default_converters(gen: TypeGenerator) -> None:
    """The default table; MRO lookup means subclasses are covered too."""
    gen.register_field(models.Field, output=scalar_output, input=scalar_input)
    gen.register_field(models.FileField, output=file_output, input=file_input)
    gen.register_field(RichTextField, output=rich_text_output, input=rich_text_input)
    gen.register_field(StreamField, output=stream_output, input=stream_input)
    gen.register_field(TaggableManager, output=tags_output, input=tags_input)
    gen.register_field(models.ForeignKey, output=foreign_key_output, input=foreign_key_input)
    gen.register_field(models.ManyToManyField, output=many_to_many_output, input=many_to_many_input)
    gen.register_field(
        models.ForeignObjectRel, output=child_relation_output, input=child_relation_input
    )
    register_rendition_converter(gen)


def rendition_input(gen: TypeGenerator, field: ExposedField) -> Any:
    raise Unsupported("an image rendition cannot be written")


def register_rendition_converter(gen: TypeGenerator) -> None:
    """``ImageRenditionField`` serializers in ``api_fields`` (see ``generation.media``)."""
    from wagtail.images.api.fields import ImageRenditionField

    from wagtail_graphql_write.generation.media import declared_rendition_output

    gen.register_field(ImageRenditionField, output=declared_rendition_output, input=rendition_input)
