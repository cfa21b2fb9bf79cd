"""The package root is the public extension API the docs tell sites to import from."""

from __future__ import annotations

import subprocess
import sys

import wagtail_graphql_write
from wagtail_graphql_write import schema
from wagtail_graphql_write.generation import blocks, fields, generator
from wagtail_graphql_write.http import views


def test_every_public_name_is_the_object_its_module_defines() -> None:
    expected = {
        "BlockOutput": blocks.BlockOutput,
        "OutputSpec": fields.OutputSpec,
        "Unsupported": fields.Unsupported,
        "attribute_resolver": fields.attribute_resolver,
        "TypeGenerator": generator.TypeGenerator,
        "graphql_view": views.graphql_view,
        "build_schema": schema.build_schema,
        "get_schema": schema.get_schema,
    }
    assert sorted(wagtail_graphql_write.__all__) == sorted(expected)
    for name, value in expected.items():
        assert getattr(wagtail_graphql_write, name) is value, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        wagtail_graphql_write.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("NoSuchThing resolved")


def test_importing_the_package_does_not_import_django_models() -> None:
    """Django imports the app package before the app registry is ready: the root must
    stay importable then, so the public names load lazily."""
    code = (
        "import sys, wagtail_graphql_write; prefixes = ('wagtail_graphql_write.', 'wagtail.'); "
        "print(sorted(m for m in sys.modules if m.startswith(prefixes)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
