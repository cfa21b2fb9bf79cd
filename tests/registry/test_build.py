"""The registry: which models and fields the API exposes, which it skips, and why.

``build_registry()`` runs over the example site's real models; the cases the site does
not have are made by changing a model's ``api_fields`` (or the settings) for one test.
No GraphQL is involved: the registry is plain data the generation layer reads.
"""

from __future__ import annotations

import pytest
from django.db import models
from django.test import override_settings
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Category, Person
from home.models import HomePage
from wagtail_graphql_write.registry import (
    ExposedModel,
    FieldKind,
    ModelRole,
    Registry,
    SkippedField,
    build_registry,
)
from wagtail_graphql_write.registry.build import BASE_PAGE_FIELDS


def _entry(registry: Registry, model: type[models.Model]) -> ExposedModel:
    found = registry.get(model)
    assert found is not None, f"{model._meta.label} is not exposed"
    return found


def _field_names(registry: Registry, model: type[models.Model]) -> list[str]:
    return [f.name for f in _entry(registry, model).fields]


def _skips(registry: Registry) -> dict[str, str]:
    return {f"{s.model_label}.{s.field_name}": s.reason for s in registry.skipped}


# ---- what the example site exposes ------------------------------------------------


def test_the_example_site_in_label_order_with_nothing_skipped() -> None:
    registry = build_registry()
    assert [e.label for e in registry.pages] == [
        "blog.BlogIndexPage",
        "blog.BlogPage",
        "home.HomePage",
        "wagtailcore.Page",
    ]
    assert [e.label for e in registry.snippets] == ["blog.Category", "blog.Person"]
    assert [e.label for e in registry.children] == ["blog.BlogPageAuthor"]
    assert registry.skipped == ()
    assert {e.role for e in registry.pages} == {ModelRole.PAGE}
    assert {e.role for e in registry.snippets} == {ModelRole.SNIPPET}
    assert _entry(registry, BlogPageAuthor).role is ModelRole.CHILD


def test_every_page_gets_wagtails_base_fields_before_its_api_fields() -> None:
    registry = build_registry()
    assert _field_names(registry, Page) == list(BASE_PAGE_FIELDS)
    assert _field_names(registry, BlogIndexPage) == [*BASE_PAGE_FIELDS, "intro"]
    assert _field_names(registry, BlogPage)[len(BASE_PAGE_FIELDS) :] == [
        a.name for a in BlogPage.api_fields
    ]


def test_each_field_kind_is_classified() -> None:
    kinds = {f.name: f.kind for f in _entry(build_registry(), BlogPage).fields}
    assert kinds["date"] is FieldKind.SCALAR
    assert kinds["reading_level"] is FieldKind.SCALAR
    assert kinds["intro"] is FieldKind.RICH_TEXT
    assert kinds["body"] is FieldKind.STREAM
    assert kinds["tags"] is FieldKind.TAGS
    assert kinds["feed_image"] is FieldKind.FOREIGN_KEY
    assert kinds["categories"] is FieldKind.MANY_TO_MANY
    assert kinds["authors"] is FieldKind.CHILD_RELATION


def test_relations_know_the_model_at_the_other_end() -> None:
    fields = {f.name: f for f in _entry(build_registry(), BlogPage).fields}
    assert fields["categories"].related_model is Category
    assert fields["authors"].related_model is BlogPageAuthor
    assert fields["date"].related_model is None


def test_only_creatable_pages_and_snippets_with_writable_fields_are_creatable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = build_registry()
    assert _entry(registry, Page).creatable is False  # GenericPage stands for the others
    assert _entry(registry, BlogPage).creatable is True
    assert _entry(registry, Category).creatable is True
    monkeypatch.setattr(HomePage, "is_creatable", False)
    monkeypatch.setattr(Category, "api_fields", ["name", "slug"])
    registry = build_registry()
    assert _entry(registry, HomePage).creatable is False
    assert _entry(registry, Category).creatable is False  # read-only: nothing to create with


def test_required_on_create_is_what_the_admin_form_requires_for_a_first_draft() -> None:
    """Draft-state models defer all but ``required_on_save`` fields; others require
    every field that is neither blank nor defaulted."""
    registry = build_registry()

    def required(model: type[models.Model]) -> set[str]:
        return {f.name for f in _entry(registry, model).fields if f.required_on_create}

    assert required(BlogPage) == {"title"}  # title is required_on_save; date may wait
    assert required(Person) == set()  # a draft person may be blank
    assert required(Category) == {"name", "slug"}  # no drafts: the whole form
    assert required(BlogPageAuthor) == {"person"}


def test_a_description_is_the_help_text_else_the_verbose_name() -> None:
    fields = {f.name: f for f in _entry(build_registry(), BlogPage).fields}
    assert fields["date"].description == "Publication date shown on the post."
    assert fields["go_live_at"].description == "go live date/time"  # verbose_name
    assert fields["authors"].description is None  # a reverse relation has neither


# ---- read-only, skipped, and why --------------------------------------------------


def test_a_plain_string_entry_is_readable_not_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Category, "api_fields", [APIField("name", writable=True), "colour"])
    entry = _entry(build_registry(), Category)
    assert [(f.name, f.readable, f.writable) for f in entry.fields] == [
        ("name", True, True),
        ("colour", True, False),
    ]
    assert [f.name for f in entry.writable_fields] == ["name"]
    assert [f.name for f in entry.readable_fields] == ["name", "colour"]


def test_a_field_the_admin_cannot_edit_is_never_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """``writable=True`` cannot open up ``editable=False`` columns or the primary key."""
    extra = [APIField("live", writable=True), APIField("id", writable=True)]
    monkeypatch.setattr(BlogIndexPage, "api_fields", [*BlogIndexPage.api_fields, *extra])
    fields = {f.name: f for f in _entry(build_registry(), BlogIndexPage).fields}
    assert (fields["live"].readable, fields["live"].writable) == (True, False)
    assert (fields["id"].readable, fields["id"].writable) == (True, False)


def test_a_field_listed_twice_is_exposed_once_as_first_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Category, "api_fields", [APIField("name", writable=True), "name"])
    [name] = _entry(build_registry(), Category).fields
    assert name.writable is True


class _Upper(serializers.CharField):
    pass


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        (APIField("url"), "it is a property without a return annotation"),
        (APIField("no_such_name"), "it is not a model field, property or method of the model"),
        (APIField("first_published_at", serializer=_Upper()), "it uses a custom DRF serializer"),
        (APIField("page_ptr"), "it is a multi-table inheritance parent link"),
        (
            APIField("group_permissions"),
            "it is a reverse relation that is not an InlinePanel child relation (ParentalKey)",
        ),
    ],
    ids=["untyped-property", "not-an-attribute", "serializer", "parent-link", "reverse-relation"],
)
def test_an_unexposable_field_is_skipped_with_its_reason(
    monkeypatch: pytest.MonkeyPatch, entry: APIField, reason: str
) -> None:
    monkeypatch.setattr(BlogPage, "api_fields", [*BlogPage.api_fields, entry])
    registry = build_registry()
    # Read-only entries (what REST v2 serves): reported in the W002 summary.
    assert registry.skipped == (SkippedField("blog.BlogPage", entry.name, reason, True),)
    assert entry.name not in _field_names(registry, BlogPage)


def test_a_child_relation_to_a_model_without_writable_fields_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A writable InlinePanel relation whose rows could take no input cannot be written;
    the relation is left out rather than exposed half-way."""
    monkeypatch.setattr(BlogPageAuthor, "api_fields", ["person", "role"])
    registry = build_registry()
    assert "authors" not in _field_names(registry, BlogPage)
    assert registry.get(BlogPageAuthor) is None
    assert _skips(registry) == {
        "blog.BlogPage.authors": "its child model blog.BlogPageAuthor has no writable api_fields"
    }


def test_a_read_only_child_relation_keeps_a_read_only_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(BlogPageAuthor, "api_fields", ["person", "role"])
    fields = [a for a in BlogPage.api_fields if a.name != "authors"]
    monkeypatch.setattr(BlogPage, "api_fields", [*fields, "authors"])
    registry = build_registry()
    assert "authors" in _field_names(registry, BlogPage)
    child = _entry(registry, BlogPageAuthor)
    assert child.role is ModelRole.CHILD and child.writable_fields == ()


# ---- settings and lookups -----------------------------------------------------------


@override_settings(WAGTAIL_GRAPHQL_WRITE={"EXCLUDE_MODELS": ["blog.Person", "home.HomePage"]})
def test_excluded_models_are_left_out() -> None:
    registry = build_registry()
    assert registry.get(Person) is None
    assert registry.get(HomePage) is None
    assert registry.get(Category) is not None


@override_settings(WAGTAIL_GRAPHQL_WRITE={"INCLUDE_MODELS": ["blog.Category"]})
def test_included_models_only_and_the_base_page_always() -> None:
    """``GenericPage`` stands in for every page type a site leaves out, so it stays."""
    registry = build_registry()
    assert [e.label for e in registry.pages] == ["wagtailcore.Page"]
    assert [e.label for e in registry.snippets] == ["blog.Category"]


def test_get_is_by_exact_class_and_is_page_by_role() -> None:
    registry = build_registry()
    assert _entry(registry, BlogPage).model is BlogPage  # not Page, its parent
    assert registry.get(models.Model) is None
    assert registry.is_page(BlogPage) is True
    assert registry.is_page(Page) is True
    assert registry.is_page(Category) is False
    assert registry.is_page(BlogPageAuthor) is False
    assert registry.is_page(models.Model) is False


def test_taggits_default_help_text_is_not_a_list_fields_description() -> None:
    """ "A comma-separated list of tags." describes the admin's text box; the GraphQL field
    is a list of strings. A site's own help text is kept."""
    from taggit.managers import TaggableManager

    from wagtail_graphql_write.registry.build import TAGS_DESCRIPTION, _description
    from wagtail_graphql_write.registry.models import FieldKind

    assert _description(TaggableManager(), FieldKind.TAGS) == TAGS_DESCRIPTION
    own = TaggableManager(help_text="Topics of the post.")
    assert _description(own, FieldKind.TAGS) == "Topics of the post."
