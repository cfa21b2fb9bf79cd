"""Typed per-model snippet queries: ``person(id, version)`` and ``people(offset, limit)``."""

from __future__ import annotations

import inspect
from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.access.snippets import readable_snippets
from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import ContentVersion
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.reads.pages import VERSION_DOC
from wagtail_graphql_write.reads.prefetch import prefetch_selected
from wagtail_graphql_write.reads.versions import latest_versions
from wagtail_graphql_write.registry import ExposedModel


def _list_type(gen: TypeGenerator, exposed: ExposedModel) -> type:
    name = gen.names.claim(f"{names.type_name(exposed.model)}List", f"list of {exposed.label}")
    item = gen.object_type(exposed.model)
    namespace: dict[str, Any] = {
        "__annotations__": {"items": list[item], "total_count": int},  # type: ignore[valid-type]
    }
    return strawberry.type(type(name, (), namespace), name=name)


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


def _list_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    model = exposed.model
    list_type = _list_type(gen, exposed)

    def resolve(info: Info, offset: int, limit: int | None, version: ContentVersion) -> Any:
        latest = version is ContentVersion.LATEST
        queryset = readable_snippets(info.context.request, model, latest).order_by("pk")
        conf = get_settings()
        size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
        items = list(queryset[max(offset, 0) : max(offset, 0) + size])
        if latest:
            items = latest_versions(items)
        prefetch_selected(items, info, gen.registry, path=("items",))
        return list_type(items=items, total_count=queryset.count())

    query = names.snippet_list_query_name(model)
    resolver = resolver_with_signature(
        query,
        resolve,
        [
            ("offset", int, 0),
            ("limit", argument(int | None, "Page size; capped by the MAX_LIMIT setting."), None),
            ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
        ],
        list_type,
    )
    return strawberry.field(
        resolver=resolver,
        name=query,
        description=f"{names.type_name(model)} snippets the viewer may read.",
    )


def snippet_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    fields: dict[str, StrawberryField] = {}
    for exposed in gen.registry.snippets:
        fields[names.snippet_query_name(exposed.model)] = _single_field(gen, exposed)
        fields[names.snippet_list_query_name(exposed.model)] = _list_field(gen, exposed)
    return fields
