"""Django system checks: schema problems surface at startup as checks, not tracebacks.

The check builds the schema the way the site will (same models, same settings) and
turns what went wrong into check messages:

* ``W001``: a field listed in ``api_fields`` that the API leaves out (or cannot
  write), with the reason; the rest of the schema still works.
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
    "Remove {field!r} from {model}.api_fields, or map its field class with "
    "generator.register_field(FieldClass, output=..., input=...) in a hook listed in "
    "WAGTAIL_GRAPHQL_WRITE['GENERATOR_HOOKS']."
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
    return [skipped_field_warning(s) for s in _unique(built.skipped)]


def check_schema(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """The registered check. The schema spans every app, so ``app_configs`` is ignored."""
    return schema_messages()
