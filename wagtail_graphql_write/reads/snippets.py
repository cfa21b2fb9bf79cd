"""Typed per-model snippet queries: ``person(id, version)``, and ``people(...)`` from
``snippet_lists``."""

from __future__ import annotations

import inspect
from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.access.snippets import readable_snippets
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import ContentVersion
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.reads.pages import VERSION_DOC
from wagtail_graphql_write.reads.prefetch import prefetch_selected
from wagtail_graphql_write.reads.snippet_lists import snippet_list_field
from wagtail_graphql_write.reads.versions import latest_versions
from wagtail_graphql_write.registry import ExposedModel


def _single_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    model = exposed.model

    def resolve(info: Info, id: str, version: ContentVersion) -> Any:
        latest = version is ContentVersion.LATEST
        try:
            obj = readable_snippets(info.context.request, model, latest).filter(pk=id).first()
        except (ValueError, TypeError):
            return None
        if obj is None:
            return None
        obj = latest_versions([obj])[0] if latest else obj
        prefetch_selected([obj], info, gen.registry)
        return obj

    query = names.snippet_query_name(model)
    resolver = resolver_with_signature(
        query,
        resolve,
        [
            ("id", strawberry.ID, inspect.Parameter.empty),
            ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
        ],
        gen.object_type(model) | None,
    )
    return strawberry.field(
        resolver=resolver,
        name=query,
        description=f"One {names.type_name(model)} by id; null if not readable.",
    )


def snippet_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    fields: dict[str, StrawberryField] = {}
    for exposed in gen.registry.snippets:
        fields[names.snippet_query_name(exposed.model)] = _single_field(gen, exposed)
        fields[names.snippet_list_query_name(exposed.model)] = snippet_list_field(gen, exposed)
    return fields
