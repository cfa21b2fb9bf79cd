"""Django system checks: schema problems surface at startup as checks, not tracebacks.

The check builds the schema the way the site will (same models, same settings) and
turns what went wrong into check messages:

* ``W001``: a writable field listed in ``api_fields`` that the API leaves out (or
  cannot write), with the reason; the rest of the schema still works.
* ``W002``: ONE summary of the read-only ``api_fields`` entries GraphQL cannot map
  (a property without a return annotation, a method such as ``get_day_display``):
  REST API v2 serves them, so the hint never says to remove them from ``api_fields``,
  but to list them in ``EXCLUDE_FIELDS`` (GraphQL only) or annotate the property.
* ``E001``: two things would get the same GraphQL name.
* ``E002``: anything else raised while generating the schema, reported by class and
  message instead of a stack trace from deep inside Strawberry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core import checks
from django.db.models import Model

if TYPE_CHECKING:
    from django.apps import AppConfig

    from wagtail_graphql_write.registry import Registry, SkippedField

TAG = "wagtail_graphql_write"

SKIPPED_FIELD_HINT = (
    "Map its field class with generator.register_field(FieldClass, output=..., "
    "input=...) in a hook listed in WAGTAIL_GRAPHQL_WRITE['GENERATOR_HOOKS'], or add "
    "'{model}.{field}' to WAGTAIL_GRAPHQL_WRITE['EXCLUDE_FIELDS'] to leave it out of "
    "GraphQL only (Wagtail's REST APIs keep it)."
)
READ_ONLY_SUMMARY_HINT = (
    "Wagtail's REST API v2 keeps serving these; only GraphQL leaves them out. To expose "
    "a property, give its getter a return annotation (e.g. `def is_open(self) -> bool`). "
    "To leave them out of GraphQL without this warning, keep api_fields as they are and "
    "set WAGTAIL_GRAPHQL_WRITE['EXCLUDE_FIELDS'] = {names!r}."
)
COLLISION_HINT = "GraphQL names are formed by the rules in wagtail_graphql_write.generation.names."
FAILURE_HINT = (
    "This is raised while generating the GraphQL schema from the page and snippet "
    "models; run `manage.py graphql_schema` to see the full traceback."
)


def _model(label: str) -> type[Model] | None:
    """The model class for the message's ``obj`` (so Django prints its label)."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _unique(skipped: Iterable[SkippedField]) -> list[SkippedField]:
    """Drop repeats: a field left out of both create and update inputs is one problem."""
    return list(dict.fromkeys(skipped))


def skipped_field_warning(skipped: SkippedField) -> checks.Warning:
    name = f"{skipped.model_label}.{skipped.field_name}"
    return checks.Warning(
        f"{name} is listed in api_fields but is not fully exposed by the GraphQL API: "
        f"{skipped.reason}.",
        hint=SKIPPED_FIELD_HINT.format(field=skipped.field_name, model=skipped.model_label),
        obj=_model(skipped.model_label),
        id=f"{TAG}.W001",
    )


def schema_messages(registry: Registry | None = None) -> list[checks.CheckMessage]:
    """Build the schema for ``registry`` (the installed models by default) and report.

    Always a fresh build, never the cached site schema, so the result reflects the
    models and settings as they are now.
    """
    from wagtail_graphql_write.generation.names import SchemaNameCollision
    from wagtail_graphql_write.schema import build_schema

    try:
        built = build_schema(registry)
    except SchemaNameCollision as collision:
        return [checks.Error(str(collision), hint=COLLISION_HINT, id=f"{TAG}.E001")]
    except Exception as error:  # any failure must become a message, not a traceback
        return [
            checks.Error(
                f"Generating the GraphQL schema failed with {type(error).__name__}: {error}",
                hint=FAILURE_HINT,
                id=f"{TAG}.E002",
            )
        ]
    skipped = _unique(built.skipped)
    messages: list[checks.CheckMessage] = [
        skipped_field_warning(s) for s in skipped if not s.read_only
    ]
    read_only = [s for s in skipped if s.read_only]
    if read_only:
        messages.append(read_only_summary(read_only))
    return messages


def read_only_summary(skipped: Sequence[SkippedField]) -> checks.Warning:
    """One warning for every read-only entry left out, one line per field."""
    lines = "".join(f"\n  {s.model_label}.{s.field_name}: {s.reason}" for s in skipped)
    names = [f"{s.model_label}.{s.field_name}" for s in skipped]
    return checks.Warning(
        f"{len(skipped)} read-only api_fields entr{'y is' if len(skipped) == 1 else 'ies are'} "
        f"not in the GraphQL API:{lines}",
        hint=READ_ONLY_SUMMARY_HINT.format(names=names),
        id=f"{TAG}.W002",
    )


def check_schema(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """The registered check. The schema spans every app, so ``app_configs`` is ignored."""
    return schema_messages()
