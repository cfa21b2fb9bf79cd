"""``image(id)``, ``images(...)``, ``document(id)``, ``documents(...)``.

Lists filter by collection, tags (all of them) and a search (Wagtail's search backend,
as the admin's media listings), order and page like the other lists, and fetch what the
selection needs for the whole page at once: tags, collections, and the renditions of
every filter the query asks for (``rendition(filter:)``, ``srcSet(filters:)``), so a
page of 30 images costs the queries of a page of 3.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any

import strawberry
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backend

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.access.media import readable_documents, readable_images
from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.media import allowed_filters
from wagtail_graphql_write.generation.payloads import argument, resolver_with_signature
from wagtail_graphql_write.reads.listing import plain_text, search_argument
from wagtail_graphql_write.reads.prefetch import flatten_selections


@strawberry.enum(name="MediaOrder", description="The order of an image or document list.")
class MediaOrder(enum.Enum):
    NEWEST = strawberry.enum_value("-created_at", description="Newest first (the default).")
    OLDEST = strawberry.enum_value("created_at", description="Oldest first.")
    TITLE = strawberry.enum_value("title", description="By title, A to Z.")
    TITLE_DESC = strawberry.enum_value("-title", description="By title, Z to A.")


def selected_filters(info: Info) -> list[str]:
    """The allowed filters the query asks ``items`` for (others fail on their own)."""
    wanted: list[Any] = []
    for field in flatten_selections(info.selected_fields):
        for items in flatten_selections(field.selections):
            if items.name != "items":
                continue
            for item_field in flatten_selections(items.selections):
                if item_field.name == "rendition":
                    wanted.append(item_field.arguments.get("filter"))
                elif item_field.name == "srcSet":
                    wanted.extend(item_field.arguments.get("filters") or [])
    allowed = set(allowed_filters())
    return list(dict.fromkeys(f for f in wanted if isinstance(f, str) and f in allowed))


def prefetch_media(items: list[Model], filters: list[str]) -> None:
    """Tags and collection always (cheap), renditions of ``filters`` when asked for.

    Wagtail's ``prefetch_renditions`` on a list: ``get_rendition`` then finds them in
    ``prefetched_renditions`` without a query (and makes only missing ones).
    """
    if not items:
        return
    lookups: list[Any] = ["tags", "collection"]
    model = type(items[0])
    if filters and hasattr(model, "get_rendition_model"):
        rendition_model: Any = model.get_rendition_model()  # type: ignore[operator]
        renditions = rendition_model.objects.filter(filter_spec__in=filters)
        lookups.append(Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"))
    prefetch_related_objects(items, *lookups)


def _filtered(
    queryset: QuerySet[Any], collection: str | None, tags: list[str] | None
) -> QuerySet[Any]:
    if collection is not None:
        queryset = queryset.filter(collection_id=parse_id(collection) or 0)
    for tag in tags or []:  # ids, not a join: search backends filter on indexed fields only
        tagged = queryset.model._default_manager.filter(tags__name=plain_text(tag, "tags"))
        tagged = tagged.values_list("pk", flat=True)
        queryset = queryset.filter(pk__in=list(tagged))
    return queryset


def _page(
    queryset: QuerySet[Any], search: str | None, offset: int, limit: int | None
) -> tuple[list[Any], int]:
    """One page of results and the total; a search goes through Wagtail's backend."""
    conf = get_settings()
    size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
    start = max(offset, 0)
    query = search_argument(search, None)  # text every backend can take, or no search
    if query is not None:
        results = get_search_backend().search(query.text, queryset, order_by_relevance=False)
        return list(results[start : start + size]), results.count()
    return list(queryset[start : start + size]), queryset.count()


def _list_type(gen: TypeGenerator, model: type[Model], name: str) -> type:
    item = gen.object_type(model)
    gen.names.claim(name, f"list of {model._meta.label}", builtin=True)
    namespace: dict[str, Any] = {
        "__annotations__": {"items": list[item], "total_count": int},  # type: ignore[valid-type]
        "total_count": strawberry.field(description="How many match, ignoring paging."),
    }
    return strawberry.type(type(name, (), namespace), name=name, description="A page of results.")


def _single(gen: TypeGenerator, model: type[Model], query: str, readable: Any) -> StrawberryField:
    def resolve(info: Info, id: str) -> Any:
        pk = parse_id(id)
        return readable(info.context.request).filter(pk=pk).first() if pk else None

    resolver = resolver_with_signature(
        query,
        resolve,
        [("id", strawberry.ID, inspect.Parameter.empty)],
        gen.object_type(model) | None,
    )
    noun = query.capitalize()
    return strawberry.field(
        resolver=resolver,
        name=query,
        description=f"One {noun.lower()} by id; null if not readable.",
    )


def _list(gen: TypeGenerator, model: type[Model], query: str, readable: Any) -> StrawberryField:
    list_type = _list_type(gen, model, f"{query[:-1].capitalize()}List")

    def resolve(
        info: Info,
        collection: str | None,
        tags: list[str] | None,
        search: str | None,
        order: MediaOrder,
        offset: int,
        limit: int | None,
    ) -> Any:
        queryset = _filtered(readable(info.context.request), collection, tags)
        items, total = _page(queryset.order_by(str(order.value), "-id"), search, offset, limit)
        prefetch_media(items, selected_filters(info))
        return list_type(items=items, total_count=total)

    resolver = resolver_with_signature(
        query,
        resolve,
        [
            ("collection", argument(strawberry.ID | None, "Only those in this collection."), None),
            ("tags", argument(list[str] | None, "Only those with all of these tags."), None),
            ("search", argument(str | None, "Only those matching this search."), None),
            ("order", MediaOrder, MediaOrder.NEWEST),
            ("offset", int, 0),
            ("limit", argument(int | None, "Page size; capped by the MAX_LIMIT setting."), None),
        ],
        list_type,
    )
    return strawberry.field(
        resolver=resolver, name=query, description=f"The {query} the viewer may read."
    )


def media_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    image, document = get_image_model(), get_document_model()
    return {
        "image": _single(gen, image, "image", readable_images),
        "images": _list(gen, image, "images", readable_images),
        "document": _single(gen, document, "document", readable_documents),
        "documents": _list(gen, document, "documents", readable_documents),
    }
