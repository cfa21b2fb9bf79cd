"""Snippet list queries (``people``): search, sort keys, exact field filters, locale.

The same list machinery as pages (``listing``) on the snippets a request may read
(``access.snippets.readable_snippets``). Arguments exist only where the model supports
them: ``search`` on models indexed for search (``index.Indexed``), ``locale`` on
translatable ones (``TranslatableMixin``), ``filter`` when the model has plain fields.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.models import TranslatableMixin
from wagtail.search.index import class_is_indexed

from wagtail_graphql_write.access.snippets import readable_snippets
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import ContentVersion
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.listing import (
    SearchOperator,
    filter_input,
    snippet_order_enum,
)
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.reads import listing
from wagtail_graphql_write.reads.page_lists import OPERATOR_DOC
from wagtail_graphql_write.reads.pages import VERSION_DOC
from wagtail_graphql_write.reads.prefetch import prefetch_selected
from wagtail_graphql_write.reads.versions import latest_versions
from wagtail_graphql_write.registry import ExposedModel

#: The default order of a snippet list.
BY_ID = ("pk",)


def _list_type(gen: TypeGenerator, exposed: ExposedModel) -> type:
    name = gen.names.claim(f"{names.type_name(exposed.model)}List", f"list of {exposed.label}")
    item = gen.object_type(exposed.model)
    namespace: dict[str, Any] = {
        "__annotations__": {"items": list[item], "total_count": int},  # type: ignore[valid-type]
    }
    return strawberry.type(type(name, (), namespace), name=name)


def _arguments(gen: TypeGenerator, exposed: ExposedModel) -> list[tuple[str, Any, Any]]:
    model = exposed.model
    found: list[tuple[str, Any, Any]] = []
    if issubclass(model, TranslatableMixin):
        doc = "Only snippets in this locale (language code)."
        found.append(("locale", argument(str | None, doc), None))
    spec = filter_input(gen, exposed)
    if spec is not None:
        doc = "Exact matches on the snippet's fields."
        found.append(("filter", argument(spec.input_type | None, doc), None))
    if class_is_indexed(model):
        found += [
            ("search", argument(str | None, "Full-text search; sorted by relevance."), None),
            ("search_operator", argument(SearchOperator | None, OPERATOR_DOC), None),
        ]
    order = snippet_order_enum(gen, exposed)
    doc = "Sort keys, the first first; by id when not given (relevance with `search`)."
    return [
        *found,
        ("order", argument(list[order] | None, doc), None),  # type: ignore[valid-type]
        ("offset", int, 0),
        ("limit", argument(int | None, "Page size; capped by the MAX_LIMIT setting."), None),
        ("version", argument(ContentVersion, VERSION_DOC), ContentVersion.LIVE),
    ]


def snippet_list_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    """``people(...)``: the snippets of one model the viewer may read."""
    model = exposed.model
    list_type = _list_type(gen, exposed)
    spec = filter_input(gen, exposed)

    def resolve(info: Info, **arguments: Any) -> Any:
        latest = arguments["version"] is ContentVersion.LATEST
        queryset = readable_snippets(info.context.request, model, latest)
        if arguments.get("locale") is not None:
            queryset = queryset.filter(locale=listing.find_locale(arguments["locale"]))
        if arguments.get("filter") is not None and spec is not None:
            queryset = listing.exact_matches(queryset, arguments["filter"], spec)
        query = listing.search_argument(arguments.get("search"), arguments.get("search_operator"))
        offset = arguments["offset"]
        order = listing.sort_keys(arguments["order"], None, offset, query is not None)
        start, size = listing.window(offset, arguments["limit"])
        if query is not None:
            results = listing.search(queryset, query, order)
        else:
            results = queryset.order_by(*(order or BY_ID))
        items = list(results[start : start + size])
        if latest:
            items = latest_versions(items)
        prefetch_selected(items, info, gen.registry, path=("items",))
        return list_type(items=items, total_count=results.count())

    query_name = names.snippet_list_query_name(model)
    resolver = resolver_with_signature(query_name, resolve, _arguments(gen, exposed), list_type)
    return strawberry.field(
        resolver=resolver,
        name=query_name,
        description=f"{names.type_name(model)} snippets the viewer may read.",
    )
