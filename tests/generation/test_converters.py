"""The converter table: Django field class -> output and input converter.

Called directly on a ``TypeGenerator`` over the example site's registry: which
converter a field gets (looked up along its class's MRO, most specific class first),
what the default scalar mapping is, and the contract of a converter that cannot map
a field (``None`` or ``Unsupported``: the field is left out and reported as W001).
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

import pytest
from django.db import models
from django.test import override_settings
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField

from blog.models import BlogPage, BlogPageAuthor, Category, Person
from home.models import HomePage
from wagtail_graphql_write.checks import schema_messages
from wagtail_graphql_write.generation import fields as conv
from wagtail_graphql_write.generation.fields import Unsupported, scalar_python_type
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.registry import ExposedField, FieldKind, SkippedField, build_registry
from wagtail_graphql_write.schema import build_schema


def _generator() -> TypeGenerator:
    return TypeGenerator(build_registry())


def _field(gen: TypeGenerator, model: type[models.Model], name: str) -> ExposedField:
    exposed = gen.registry.get(model)
    assert exposed is not None
    (found,) = (f for f in exposed.fields if f.name == name)
    return found


def _loose(model_field: models.Field, name: str) -> ExposedField:
    """An ``ExposedField`` for a field class no example model uses."""
    model_field.set_attributes_from_name(name)
    return ExposedField(name, FieldKind.SCALAR, model_field, True, True, False)


# ---- the default table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "name", "output", "input"),
    [
        (BlogPage, "title", conv.scalar_output, conv.scalar_input),
        (BlogPage, "date", conv.scalar_output, conv.scalar_input),
        (BlogPage, "intro", conv.rich_text_output, conv.rich_text_input),
        (BlogPage, "body", conv.stream_output, conv.stream_input),
        (BlogPage, "tags", conv.tags_output, conv.tags_input),
        (BlogPage, "feed_image", conv.foreign_key_output, conv.foreign_key_input),
        (BlogPage, "categories", conv.many_to_many_output, conv.many_to_many_input),
        (BlogPage, "authors", conv.child_relation_output, conv.child_relation_input),
        (BlogPageAuthor, "person", conv.foreign_key_output, conv.foreign_key_input),
        (Person, "bio", conv.rich_text_output, conv.rich_text_input),
    ],
)
def test_each_example_field_gets_the_converter_of_its_class(
    model: type[models.Model], name: str, output: Any, input: Any
) -> None:
    gen = _generator()
    field = _field(gen, model, name)
    assert gen.output_converter(field) is output
    assert gen.input_converter(field) is input


def test_lookup_follows_the_mro_to_the_nearest_registered_class() -> None:
    """The example's ``ClusterTaggableManager`` and ``ParentalManyToManyField`` are not
    in the table; their parents are. A FileField subclass gets FileField's entry, not the
    ``models.Field`` catch-all that is also on its MRO."""
    gen = _generator()
    assert type(_field(gen, BlogPage, "tags").model_field) is ClusterTaggableManager
    assert type(_field(gen, BlogPage, "categories").model_field) is ParentalManyToManyField
    image = _loose(models.ImageField(upload_to="x"), "picture")
    assert gen.output_converter(image) is conv.file_output
    assert gen.input_converter(image) is conv.file_input


def test_a_registered_subclass_wins_over_its_parent_whatever_the_registration_order() -> None:
    class ColourField(models.CharField):
        pass

    class ShadeField(ColourField):
        pass

    def colour_output(gen: Any, field: ExposedField) -> conv.OutputSpec:
        return conv.OutputSpec(str, conv.attribute_resolver(field.name))

    gen = _generator()
    gen.register_field(ColourField, output=colour_output, input=conv.scalar_input)
    gen.register_field(models.CharField, output=conv.scalar_output, input=conv.scalar_input)

    assert gen.output_converter(_loose(ColourField(max_length=7), "c")) is colour_output
    assert gen.output_converter(_loose(ShadeField(max_length=7), "s")) is colour_output
    assert gen.output_converter(_loose(models.CharField(max_length=7), "p")) is conv.scalar_output


def test_a_class_outside_the_table_is_unsupported() -> None:
    """Only ``models.Field`` and the relation classes are in the table."""
    not_a_field = ExposedField("thing", FieldKind.SCALAR, object(), True, True, False)
    with pytest.raises(Unsupported, match="no converter is registered for object"):
        _generator().output_converter(not_a_field)


def test_each_generator_has_its_own_table() -> None:
    first, second = _generator(), _generator()
    first.register_field(models.DateField, output=conv.file_output, input=conv.file_input)
    date = _field(second, BlogPage, "date")
    assert second.output_converter(date) is conv.scalar_output
    assert first.output_converter(date) is conv.file_output


# ---- the scalar mapping -----------------------------------------------------------


@pytest.mark.parametrize(
    ("model_field", "python_type"),
    [
        (models.CharField(max_length=5), str),
        (models.SlugField(), str),
        (models.TextField(), str),
        (models.IntegerField(), int),
        (models.PositiveSmallIntegerField(), int),
        (models.BooleanField(), bool),
        (models.FloatField(), float),
        (models.DecimalField(max_digits=5, decimal_places=2), decimal.Decimal),
        (models.DateField(), datetime.date),
        (models.DateTimeField(), datetime.datetime),
        (models.TimeField(), datetime.time),
        (models.UUIDField(), uuid.UUID),
        (models.AutoField(primary_key=True), str),  # strawberry.ID becomes a plain str
    ],
)
def test_scalar_columns_map_through_strawberry_django(
    model_field: models.Field, python_type: type
) -> None:
    assert scalar_python_type(model_field) is python_type


@pytest.mark.parametrize(
    "model_field",
    [
        models.FileField(upload_to="x"),
        models.ForeignKey(Category, on_delete=models.CASCADE),
        models.ManyToManyField(Category),
    ],
)
def test_a_relation_or_file_is_not_a_scalar(model_field: models.Field) -> None:
    with pytest.raises(Unsupported, match="is not a plain column"):
        scalar_python_type(model_field)


def test_a_choices_field_maps_to_its_enum_on_output_and_input() -> None:
    gen = _generator()
    level = _field(gen, BlogPage, "reading_level")
    enum_type = conv.scalar_input(gen, level)
    assert enum_type.__name__ == "BlogPageReadingLevel"
    assert [m.value for m in enum_type] == ["beginner", "intermediate", "expert"]
    assert conv.scalar_output(gen, level).annotation == enum_type | None


# ---- converters that cannot map a field -------------------------------------------


def no_boolean_inputs(generator: TypeGenerator) -> None:
    """A hook: booleans are read as usual but their input converter maps nothing."""
    generator.register_field(
        models.BooleanField, output=conv.scalar_output, input=lambda gen, field: None
    )


def no_boolean_outputs(generator: TypeGenerator) -> None:
    """A hook: booleans are not read at all, nor written (``Unsupported``)."""

    def unsupported(gen: TypeGenerator, field: ExposedField) -> Any:
        raise Unsupported("booleans are off")

    generator.register_field(models.BooleanField, output=lambda gen, field: None, input=unsupported)


def test_an_input_converter_returning_none_leaves_the_field_out_of_inputs() -> None:
    gen = _generator()
    no_boolean_inputs(gen)
    exposed = gen.registry.get(BlogPage)
    assert exposed is not None

    names = [field.name for field, _annotation in gen.writable_input_fields(exposed)]

    assert "featured" not in names and "show_in_menus" not in names
    assert "title" in names and "reading_level" in names
    assert SkippedField("blog.BlogPage", "featured", _not_mapped()) in gen.skipped


def _not_mapped() -> str:
    return "not writable: its input converter does not map it"


HOOKS = "tests.generation.test_converters"
W001 = "wagtail_graphql_write.W001"


#: Every writable BooleanField of a model with input types (``wagtailcore.Page`` has none).
WRITABLE_BOOLEANS = {
    "blog.BlogIndexPage.show_in_menus",
    "blog.BlogPage.featured",
    "blog.BlogPage.show_in_menus",
    "home.HomePage.show_in_menus",
}


def _warned(messages: list[Any]) -> set[str]:
    """``app.Model.field`` of every W001; any other message fails the test, shown whole."""
    assert [m for m in messages if m.id != W001] == []
    return {m.msg.split(" ", 1)[0] for m in messages}


@override_settings(WAGTAIL_GRAPHQL_WRITE={"GENERATOR_HOOKS": [f"{HOOKS}.no_boolean_inputs"]})
def test_an_input_converter_returning_none_is_a_w001_not_a_broken_schema() -> None:
    """The documented contract (docs/architecture.md, "The converter table")."""
    registry = build_registry()

    messages = schema_messages(registry)

    assert _warned(messages) == WRITABLE_BOOLEANS
    assert all(_not_mapped() in m.msg for m in messages)
    sdl = build_schema(registry).schema.as_str()
    create_input = _block(sdl, "input BlogPageCreateInput")
    assert "featured" not in create_input and "readingLevel" in create_input
    assert "featured: Boolean" in _block(sdl, "type BlogPage ")


@override_settings(WAGTAIL_GRAPHQL_WRITE={"GENERATOR_HOOKS": [f"{HOOKS}.no_boolean_outputs"]})
def test_an_output_converter_returning_none_leaves_the_field_out_of_the_type() -> None:
    """``show_in_menus`` is on the ``Page`` interface, so only ``featured`` loses its output."""
    registry = build_registry()

    messages = schema_messages(registry)

    assert _warned(messages) == WRITABLE_BOOLEANS
    featured = " | ".join(m.msg for m in messages if m.msg.startswith("blog.BlogPage.featured "))
    assert "its converter does not expose it" in featured
    assert "not writable: booleans are off" in featured
    sdl = build_schema(registry).schema.as_str()
    assert "featured" not in _block(sdl, "type BlogPage ")
    assert "featured" not in _block(sdl, "input BlogPageUpdateInput")
    assert "showInMenus: Boolean!" in _block(sdl, "type BlogPage ")


def _block(sdl: str, opening: str) -> str:
    """The text of one type definition in ``sdl``, from ``opening`` to its closing brace."""
    start = sdl.index(opening)
    return sdl[start : sdl.index("\n}", start)]


def test_home_page_fields_are_unaffected_by_an_unrelated_converter() -> None:
    """A converter registered for one class changes nothing for fields of other classes."""
    gen = _generator()
    no_boolean_inputs(gen)
    exposed = gen.registry.get(HomePage)
    assert exposed is not None
    names = {field.name for field, _annotation in gen.writable_input_fields(exposed)}
    assert names == {f.name for f in exposed.writable_fields} - {"show_in_menus"}
