"""The committed ``schema.graphql``, SDL comparison, and ``manage.py graphql_schema``.

Drift is produced honestly: registries that really expose one more (or one fewer)
model field or model, built into real schemas. Nothing is mocked. Those tests diff
against a fresh build of the unmodified registry rather than the committed file, so
they isolate the one change (``test_committed_schema_is_up_to_date`` keeps the two
equal).
"""

from __future__ import annotations

import dataclasses
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models

from blog.models import Category
from wagtail_graphql_write.registry import (
    ExposedField,
    ExposedModel,
    FieldKind,
    Registry,
    build_registry,
)
from wagtail_graphql_write.schema import build_schema
from wagtail_graphql_write.sdl import compare_sdl, export_sdl

COMMITTED = Path(__file__).resolve().parent.parent / "schema.graphql"
REGENERATE = "python example/manage.py graphql_schema --out schema.graphql"


def committed_sdl() -> str:
    return COMMITTED.read_text(encoding="utf-8")


def current_sdl(registry: Registry | None = None) -> str:
    return export_sdl(build_schema(registry).schema)


def unattached_field(field: models.Field, name: str) -> models.Field:
    """A real Django field, named but not added to any model class.

    ``contribute_to_class`` would change ``BlogPage`` for every later test; the
    generator only needs the field's class and options.
    """
    field.set_attributes_from_name(name)
    return field


def with_extra_field(registry: Registry, label: str, extra: ExposedField) -> Registry:
    """A copy of ``registry`` in which the model ``label`` also exposes ``extra``."""

    def extend(entries: tuple[ExposedModel, ...]) -> tuple[ExposedModel, ...]:
        return tuple(
            dataclasses.replace(e, fields=(*e.fields, extra)) if e.label == label else e
            for e in entries
        )

    return Registry(
        extend(registry.pages), extend(registry.snippets), registry.children, registry.skipped
    )


def test_committed_schema_is_up_to_date() -> None:
    diff = compare_sdl(committed_sdl(), current_sdl())
    assert not diff.changed, (
        f"schema.graphql does not match the example site's schema.\n{diff.report()}\n\n"
        f"Regenerate it with:\n  {REGENERATE}"
    )


def test_export_is_deterministic_and_ends_with_one_newline() -> None:
    first, second = current_sdl(), current_sdl()
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")


def test_identical_texts_are_unchanged_whatever_the_line_endings() -> None:
    text = committed_sdl()
    diff = compare_sdl(text.replace("\n", "\r\n"), text)
    assert not diff.changed
    assert (diff.breaking, diff.dangerous, diff.safe) == ([], [], [])
    assert diff.report() == "The schema is unchanged."


def test_an_added_optional_model_field_is_reported_by_name() -> None:
    subtitle = ExposedField(
        name="subtitle",
        kind=FieldKind.SCALAR,
        model_field=unattached_field(models.CharField(max_length=10, blank=True), "subtitle"),
        readable=True,
        writable=True,
        required_on_create=False,
        description="A short subtitle.",
        related_model=None,
    )
    new = current_sdl(with_extra_field(build_registry(), "blog.BlogPage", subtitle))

    diff = compare_sdl(current_sdl(), new)

    assert diff.changed
    assert diff.breaking == []
    assert "SAFE  FIELD_ADDED  Field BlogPage.subtitle was added." in diff.report()
    assert "An optional field BlogPageCreateInput.subtitle was added." in diff.report()
    assert '+  """A short subtitle."""' in diff.report()


def test_a_required_input_field_is_breaking() -> None:
    """A snippet without drafts requires non-blank fields on create: old clients break."""
    code = ExposedField(
        name="code",
        kind=FieldKind.SCALAR,
        model_field=unattached_field(models.CharField(max_length=10), "code"),
        readable=True,
        writable=True,
        required_on_create=True,
        description=None,
    )
    new = current_sdl(with_extra_field(build_registry(), "blog.Category", code))

    diff = compare_sdl(current_sdl(), new)

    assert (
        "REQUIRED_INPUT_FIELD_ADDED  A required field CategoryCreateInput.code was added."
        in diff.breaking
    )


def test_a_removed_snippet_model_is_breaking() -> None:
    registry = build_registry()
    without_category = Registry(
        registry.pages,
        tuple(e for e in registry.snippets if e.model is not Category),
        registry.children,
        registry.skipped,
    )

    diff = compare_sdl(current_sdl(), current_sdl(without_category))

    assert "TYPE_REMOVED  Category was removed." in diff.breaking
    assert "FIELD_REMOVED  Field Query.category was removed." in diff.breaking
    assert "FIELD_REMOVED  Field Mutation.createCategory was removed." in diff.breaking
    report = diff.report()
    assert "BREAKING  TYPE_REMOVED  Category was removed." in report
    # BlogPage.categories stays, as plain ids now that Category has no object type.
    assert (
        "FIELD_CHANGED_KIND  Field BlogPage.categories changed type from [Category!]! to [ID!]!."
        in diff.breaking
    )


def test_an_unparsable_committed_file_is_reported_not_raised() -> None:
    conflicted = "<<<<<<< HEAD\n" + committed_sdl()
    diff = compare_sdl(conflicted, current_sdl())
    assert diff.changed
    assert diff.breaking[0].startswith("UNPARSABLE  The committed schema is not valid SDL")


def test_long_diffs_are_cut_to_an_excerpt() -> None:
    diff = compare_sdl("type Query {\n  a: Int\n}\n", committed_sdl())
    report = diff.report(max_diff_lines=5)
    assert report.splitlines()[-1].endswith("more diff lines)")


# ---- manage.py graphql_schema ---------------------------------------------------------


def run_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("graphql_schema", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_prints_the_sdl() -> None:
    out, _err = run_command()
    assert out == current_sdl()


def test_command_writes_the_sdl(tmp_path: Path) -> None:
    target = tmp_path / "schema.graphql"
    run_command("--out", str(target))
    assert target.read_bytes() == current_sdl().encode()


def test_check_passes_on_the_committed_file() -> None:
    out, _err = run_command("--check", str(COMMITTED))
    assert out.strip() == f"{COMMITTED} is up to date"


def test_check_fails_on_a_drifted_file(tmp_path: Path) -> None:
    drifted = tmp_path / "schema.graphql"
    stale_type = '\n"""Removed since."""\ntype Obsolete {\n  id: ID!\n}\n'
    drifted.write_text(committed_sdl() + stale_type, encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("graphql_schema", "--check", str(drifted), stdout=StringIO(), stderr=err)

    assert "BREAKING  TYPE_REMOVED  Obsolete was removed." in err.getvalue()
    assert f"graphql_schema --out {drifted}" in str(raised.value)
    assert "out of date" in str(raised.value)


def test_check_fails_when_the_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        run_command("--check", str(tmp_path / "missing.graphql"))


def test_without_a_path_out_and_check_use_the_schema_file_setting(
    tmp_path: Path, settings: Any
) -> None:
    target = tmp_path / "site-schema.graphql"
    settings.WAGTAIL_GRAPHQL_WRITE = {"SCHEMA_FILE": str(target)}
    out, _err = run_command("--out")
    assert out.strip() == f"Wrote {target}"
    assert target.read_bytes() == current_sdl().encode()
    out, _err = run_command("--check")
    assert out.strip() == f"{target} is up to date"
