"""``build_schema``: the one place that assembles Query and Mutation from the parts.

Building is a function of the registry, not an import-time side effect; ``get_schema``
caches the result for the site's own registry.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation import interfaces
from wagtail_graphql_write.generation.errors import ERROR_TYPES
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.names import FieldNameConverter
from wagtail_graphql_write.generation.revisions import REVISION_TYPES
from wagtail_graphql_write.generation.scalars import SCALAR_MAP
from wagtail_graphql_write.generation.workflows import WORKFLOW_TYPES
from wagtail_graphql_write.limits import schema_extensions
from wagtail_graphql_write.reads.media import media_query_fields
from wagtail_graphql_write.reads.page_lists import page_list_fields
from wagtail_graphql_write.reads.page_tree import add_page_tree_fields
from wagtail_graphql_write.reads.pages import page_query_fields
from wagtail_graphql_write.reads.revisions import revision_query_fields
from wagtail_graphql_write.reads.snippets import snippet_query_fields
from wagtail_graphql_write.reads.viewer import Viewer, resolve_viewer
from wagtail_graphql_write.reads.workflows import workflow_query_fields
from wagtail_graphql_write.registry import Registry, SkippedField, build_registry
from wagtail_graphql_write.reporting import Schema
from wagtail_graphql_write.writes.media.mutations import media_specs
from wagtail_graphql_write.writes.mutation import mutation_fields
from wagtail_graphql_write.writes.pages import page_specs
from wagtail_graphql_write.writes.snippets import snippet_specs
from wagtail_graphql_write.writes.workflows.mutations import workflow_specs


class PageInterfaceSchema(Schema):
    """The schema, with this build's fields on the ``Page`` interface.

    ``interface Page`` is one Python class shared by every schema, but some of its
    fields have types made per schema (``allowedSubpageTypes: [PageType!]!``, the
    lists' arguments). Strawberry's ``Schema.get_fields`` hook adds them to the
    interface of this schema only; every page type gets the same fields when it is
    generated (``TypeGenerator.add_page_field``).
    """

    def __init__(self, *args: Any, page_fields: list[StrawberryField], **kwargs: Any) -> None:
        self._page_fields = page_fields
        super().__init__(*args, **kwargs)

    def get_fields(self, type_definition: StrawberryObjectDefinition) -> list[StrawberryField]:
        fields = super().get_fields(type_definition)
        if type_definition.origin is interfaces.Page:
            return [*fields, *self._page_fields]
        return fields


class BuiltSchema:
    """A Strawberry schema plus what was left out of it while building."""

    def __init__(self, schema: strawberry.Schema, skipped: list[SkippedField]) -> None:
        self.schema = schema
        self.skipped = skipped


def _root_type(name: str, fields: dict[str, StrawberryField]) -> type:
    namespace: dict[str, Any] = {"__annotations__": {}}
    for python_name in sorted(fields):
        namespace[python_name] = fields[python_name]
    return strawberry.type(type(name, (), namespace), name=name)


def build_schema(registry: Registry | None = None) -> BuiltSchema:
    """Generate the whole schema for ``registry`` (the installed models by default)."""
    generator = TypeGenerator(registry or build_registry())
    query_fields: dict[str, Any] = {
        "viewer": strawberry.field(
            resolver=resolve_viewer, name="viewer", description="Who is asking."
        ),
        **page_query_fields(generator),
        **page_list_fields(generator),
        **snippet_query_fields(generator),
        **media_query_fields(generator),
        **revision_query_fields(generator),
        **workflow_query_fields(generator),
    }
    add_page_tree_fields(generator)
    specs = [
        *page_specs(generator),
        *snippet_specs(generator),
        *workflow_specs(generator),
        *media_specs(generator),
    ]
    mutations = mutation_fields(generator.names, specs)
    generator.finish()
    query = _root_type("Query", query_fields)
    mutation = _root_type("Mutation", mutations) if mutations else None
    schema = PageInterfaceSchema(
        query=query,
        mutation=mutation,
        types=[
            *generator.all_object_types(),
            *ERROR_TYPES,
            *REVISION_TYPES,
            *WORKFLOW_TYPES,
            Viewer,
        ],
        config=StrawberryConfig(name_converter=FieldNameConverter(), scalar_map=SCALAR_MAP),
        extensions=schema_extensions(),
        page_fields=generator.page_interface_fields(),
    )
    return BuiltSchema(schema, generator.skipped)


@lru_cache(maxsize=1)
def get_built_schema() -> BuiltSchema:
    """The site's schema, built once per process on first use."""
    return build_schema()


def get_schema() -> strawberry.Schema:
    return get_built_schema().schema
