"""A site extends the converter table through GENERATOR_HOOKS, without touching our code."""

from __future__ import annotations

from typing import Any

from django.test import override_settings

from wagtail_graphql_write.generation.fields import OutputSpec
from wagtail_graphql_write.schema import build_schema

CALLS: list[Any] = []


def shout_char_fields(generator: Any) -> None:
    """A hook: every CharField reads as upper case (and stays a String input)."""
    from django.db import models

    from wagtail_graphql_write.generation.fields import scalar_input

    CALLS.append(generator)

    def output(gen: Any, field: Any) -> OutputSpec:
        return OutputSpec(str | None, lambda root: (getattr(root, field.name) or "").upper())

    generator.register_field(models.CharField, output=output, input=scalar_input)


def test_generator_hooks_run_and_their_converters_are_used(db: Any) -> None:
    CALLS.clear()
    hooks = {"GENERATOR_HOOKS": ["tests.generation.test_hooks.shout_char_fields"]}
    with override_settings(WAGTAIL_GRAPHQL_WRITE=hooks):
        schema = build_schema().schema
    assert len(CALLS) == 1
    from blog.models import Category

    Category.objects.create(name="Hooked news", slug="hooked-news")
    result = schema.execute_sync(
        "{ categories(limit: 100) { items { name } } }", context_value=_context()
    )
    assert result.errors is None
    names = [item["name"] for item in result.data["categories"]["items"]]
    assert "HOOKED NEWS" in names
    assert all(name == name.upper() for name in names)
    assert set(names) == {c.name.upper() for c in Category.objects.all()}


def _context() -> Any:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory
    from strawberry.django.context import StrawberryDjangoContext

    request = RequestFactory().post("/graphql/")
    request.user = AnonymousUser()
    return StrawberryDjangoContext(request=request, response=HttpResponse())
