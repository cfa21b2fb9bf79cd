"""The ``wagtail_graphql_write`` system check on the example site.

Problems are produced the way a site would produce them: an ``api_fields`` entry
that is not a field, a ``graphql_type_name`` that duplicates another model's name, a
snippet named like a type the API defines itself, a settings typo, an inconsistent
registry. Strawberry and Wagtail run for real.
"""

from __future__ import annotations

import dataclasses

import pytest
from django.core import checks
from django.db import models
from django.test import override_settings
from wagtail.images import get_image_model

from blog.models import BlogPage, BlogPageAuthor, Category
from wagtail_graphql_write.checks import TAG, check_schema, schema_messages
from wagtail_graphql_write.registry import (
    ExposedField,
    ExposedModel,
    FieldKind,
    ModelRole,
    Registry,
    build_registry,
)


def run_schema_checks() -> list[checks.CheckMessage]:
    return checks.run_checks(tags=[TAG])


def ids(messages: list[checks.CheckMessage]) -> list[str]:
    return [m.id for m in messages if m.id]


def test_the_check_is_registered_under_its_tag() -> None:
    assert check_schema in checks.registry.registry.get_checks()
    assert checks.registry.registry.tag_exists(TAG)


def test_the_example_site_has_no_schema_problems() -> None:
    assert run_schema_checks() == []


def test_a_writable_api_field_that_is_not_a_model_field_is_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wagtail.api import APIField

    entry = APIField("no_such_name", writable=True)
    monkeypatch.setattr(BlogPage, "api_fields", [*BlogPage.api_fields, entry])

    [warning] = run_schema_checks()

    assert warning.level == checks.WARNING
    assert warning.id == "wagtail_graphql_write.W001"
    assert warning.obj is BlogPage
    assert warning.msg.startswith("blog.BlogPage.no_such_name is listed in api_fields")
    assert "it is not a model field, property or method of the model" in warning.msg
    hint = warning.hint or ""
    assert "'blog.BlogPage.no_such_name' to WAGTAIL_GRAPHQL_WRITE['EXCLUDE_FIELDS']" in hint
    assert "GENERATOR_HOOKS" in hint
    assert "Remove" not in hint  # that would break the site's REST API


def test_a_field_without_an_input_converter_warns_once() -> None:
    """A file field is readable but not writable: one warning, not one per input type."""
    attachment = models.FileField(upload_to="attachments", blank=True)
    attachment.set_attributes_from_name("attachment")
    extra = ExposedField(
        name="attachment",
        kind=FieldKind.SCALAR,
        model_field=attachment,
        readable=True,
        writable=True,
        required_on_create=False,
    )
    registry = build_registry()
    pages = tuple(
        dataclasses.replace(e, fields=(*e.fields, extra)) if e.model is BlogPage else e
        for e in registry.pages
    )

    messages = schema_messages(Registry(pages, registry.snippets, registry.children))

    assert ids(messages) == ["wagtail_graphql_write.W001"]
    assert messages[0].msg.startswith("blog.BlogPage.attachment ")
    assert "file uploads are not supported yet" in messages[0].msg


def test_two_models_with_one_graphql_name_are_E001(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Category, "graphql_type_name", "Person", raising=False)

    [error] = run_schema_checks()

    assert error.level == checks.ERROR
    assert error.id == "wagtail_graphql_write.E001"
    assert "'Person'" in error.msg
    assert "blog.Category" in error.msg and "blog.Person" in error.msg


def test_a_model_named_like_a_built_in_type_is_E001() -> None:
    """A site that exposes its ``Image`` model as a snippet clashes with the API's Image."""
    image = ExposedModel(get_image_model(), ModelRole.SNIPPET, fields=(), creatable=False)
    registry = build_registry()

    [error] = schema_messages(
        Registry(registry.pages, (*registry.snippets, image), registry.children)
    )

    assert error.id == "wagtail_graphql_write.E001"
    # the snippet's list type is the first name it claims that the media types use
    assert "wagtailimages.Image would be named 'ImageList', which the API itself uses" in error.msg


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_LIMITS": 10})
def test_a_settings_typo_is_E002_not_a_traceback() -> None:
    [error] = run_schema_checks()

    assert error.id == "wagtail_graphql_write.E002"
    assert error.msg.startswith("Generating the GraphQL schema failed with ImproperlyConfigured:")
    assert "MAX_LIMITS" in error.msg


def test_an_inconsistent_registry_is_E002() -> None:
    """BlogPage's InlinePanel relation points at a child model the registry lacks."""
    registry = build_registry()
    children = tuple(e for e in registry.children if e.model is not BlogPageAuthor)

    [error] = schema_messages(Registry(registry.pages, registry.snippets, children))

    assert error.id == "wagtail_graphql_write.E002"
    assert "LookupError: blog.BlogPageAuthor is not exposed" in error.msg
