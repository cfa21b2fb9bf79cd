"""Read-only ``api_fields`` that are properties or methods (what REST API v2 serves).

A property with a return annotation becomes a read-only field typed by it; the rest
(bakerydemo's ``is_open`` property and ``get_day_display`` method) are reported in ONE
``W002`` summary whose hint keeps REST v2 working (``EXCLUDE_FIELDS``), never "remove it
from api_fields". Properties are added to the example's real models for one test.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import checks
from django.test import override_settings
from graphql import GraphQLNonNull, get_named_type

from blog.models import BlogPage, Category
from tests.conftest import GraphQLClient
from wagtail_graphql_write.checks import TAG
from wagtail_graphql_write.registry import FieldKind, SkippedField, build_registry
from wagtail_graphql_write.schema import build_schema


def _reading_minutes(self: Any) -> int:
    """Minutes a reader needs, at 200 words a minute.

    Shown on the post's card."""
    return max(1, len(self.title.split()) // 200 + 1)


def _subtitle(self: Any) -> str | None:
    return None


def _keywords(self: Any) -> list[str]:
    return self.title.lower().split()


def _is_open(self: Any):  # type: ignore[no-untyped-def]  # bakerydemo's style: no annotation
    return True


def _settings(self: Any) -> dict[str, Any]:
    return {}


@pytest.fixture
def typed_properties(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, getter in [
        ("reading_minutes", _reading_minutes),
        ("subtitle", _subtitle),
        ("keywords", _keywords),
    ]:
        monkeypatch.setattr(BlogPage, name, property(getter), raising=False)
    extra = ["reading_minutes", "subtitle", "keywords"]
    monkeypatch.setattr(BlogPage, "api_fields", [*BlogPage.api_fields, *extra])


@pytest.fixture
def untyped_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """bakerydemo's case: a property without annotation and Django's display method."""
    monkeypatch.setattr(Category, "is_open", property(_is_open), raising=False)
    monkeypatch.setattr(Category, "settings", property(_settings), raising=False)
    extra = ["is_open", "get_colour_display", "settings"]
    monkeypatch.setattr(Category, "api_fields", [*Category.api_fields, *extra])


def _schema_checks() -> list[checks.CheckMessage]:
    return checks.run_checks(tags=[TAG])


def test_an_annotated_property_is_a_read_only_field_of_its_type(typed_properties: None) -> None:
    registry = build_registry()
    entry = registry.get(BlogPage)
    assert entry is not None
    fields = {f.name: f for f in entry.fields}
    minutes = fields["reading_minutes"]
    assert (minutes.kind, minutes.readable, minutes.writable) == (FieldKind.PROPERTY, True, False)
    assert minutes.description == "Minutes a reader needs, at 200 words a minute."
    assert registry.skipped == ()

    schema = build_schema(registry).schema._schema
    blog_page = schema.get_type("BlogPage").fields  # type: ignore[union-attr]
    assert str(blog_page["readingMinutes"].type) == "Int!"
    assert str(blog_page["subtitle"].type) == "String"
    assert str(blog_page["keywords"].type) == "[String!]!"
    update = schema.get_type("BlogPageUpdateInput").fields  # type: ignore[union-attr]
    assert "readingMinutes" not in update
    assert isinstance(blog_page["readingMinutes"].type, GraphQLNonNull)
    assert get_named_type(blog_page["readingMinutes"].type).name == "Int"
    assert _schema_checks() == []


def test_an_annotated_property_reads_through_the_api(
    typed_properties: None, anonymous: GraphQLClient, seeded: Any
) -> None:
    query = "query ($id: ID!) { page(id: $id) { ... on BlogPage { title readingMinutes "
    query += "subtitle keywords } } }"
    data = anonymous.execute(query, {"id": str(seeded.posts[0].pk)})
    page = data["page"]
    assert page["readingMinutes"] == 1
    assert page["subtitle"] is None
    assert page["keywords"] == page["title"].lower().split()


def test_unmappable_read_only_entries_are_one_summary_that_keeps_rest_v2(
    untyped_entries: None,
) -> None:
    registry = build_registry()
    assert {s.field_name: s.read_only for s in registry.skipped} == {
        "is_open": True,
        "get_colour_display": True,
    }
    [warning] = _schema_checks()

    assert warning.id == "wagtail_graphql_write.W002"
    assert warning.level == checks.WARNING
    assert warning.msg.splitlines() == [
        "3 read-only api_fields entries are not in the GraphQL API:",
        "  blog.Category.is_open: it is a property without a return annotation",
        "  blog.Category.get_colour_display: it is a method; only model fields and "
        "properties with a return annotation are mapped",
        "  blog.Category.settings: its return annotation dict[str, typing.Any] has no GraphQL type",
    ]
    hint = warning.hint or ""
    assert "REST API v2 keeps serving these" in hint
    assert "Remove" not in hint and "remove" not in hint
    assert (
        "WAGTAIL_GRAPHQL_WRITE['EXCLUDE_FIELDS'] = ['blog.Category.is_open', "
        "'blog.Category.get_colour_display', 'blog.Category.settings']" in hint
    )


def test_exclude_fields_leaves_them_out_of_graphql_without_a_warning(
    untyped_entries: None, typed_properties: None
) -> None:
    excluded = [
        "blog.Category.is_open",
        "blog.Category.get_colour_display",
        "blog.Category.settings",
        "blog.BlogPage.reading_minutes",
        "blog.BlogPage.intro",  # a real model field: GraphQL only, REST keeps it
    ]
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"EXCLUDE_FIELDS": excluded}):
        assert _schema_checks() == []
        registry = build_registry()
        schema = build_schema(registry).schema._schema
    blog_page = schema.get_type("BlogPage").fields  # type: ignore[union-attr]
    assert "readingMinutes" not in blog_page and "intro" not in blog_page
    assert "keywords" in blog_page
    assert "intro" in [getattr(f, "name", f) for f in BlogPage.api_fields]  # untouched


def test_a_writable_property_entry_is_a_w001(monkeypatch: pytest.MonkeyPatch) -> None:
    from wagtail.api import APIField

    monkeypatch.setattr(BlogPage, "reading_minutes", property(_reading_minutes), raising=False)
    entry = APIField("reading_minutes", writable=True)
    monkeypatch.setattr(BlogPage, "api_fields", [*BlogPage.api_fields, entry])

    assert build_registry().skipped == (
        SkippedField(
            "blog.BlogPage", "reading_minutes", "it is a property, which the API cannot write"
        ),
    )
    [warning] = _schema_checks()
    assert warning.id == "wagtail_graphql_write.W001"
    assert "'blog.BlogPage.reading_minutes' to WAGTAIL_GRAPHQL_WRITE['EXCLUDE_FIELDS']" in (
        warning.hint or ""
    )
