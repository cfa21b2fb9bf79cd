"""One plain shape for what the variants return, so the harness can check they agree.

The benchmark compares like with like only if GraphQL, v3 REST and the direct floor
return the same data. Each answer is brought to one shape here (snake_case keys, ids as
ints, URLs as paths, times to the millisecond, ListBlock items as their values, tags
sorted) and compared before anything is timed.

Rich text is compared without ``data-block-key`` attributes: Draftail adds them when a
form saves rich text, and whether a write re-saves a field it was not sent is not what
the benchmark measures.
"""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import urlsplit

Canonical = dict[str, Any]

_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def html(value: str | None) -> str | None:
    return None if value is None else _BLOCK_KEY.sub("", value)


def moment(value: str | datetime.datetime | None) -> str | None:
    """An ISO time in UTC to the millisecond (v3 REST drops the microseconds)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    value = value.astimezone(datetime.UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000).isoformat()


def path(url: str | None) -> str | None:
    return None if url is None else urlsplit(url).path


def _ref(value: Any) -> int | None:
    """An id: ``{"id": "3"}``, ``"3"``, ``3`` or a missing object."""
    if isinstance(value, dict):
        value = value.get("id")
    return None if value is None else int(value)


def block_value(value: Any) -> Any:
    """A stored block value, ListBlock items (``{"type": "item", ...}``) as their values."""
    if isinstance(value, str):
        return html(value)
    if isinstance(value, list) and all(
        isinstance(item, dict) and item.get("type") == "item" for item in value
    ):
        return [item["value"] for item in value]
    if isinstance(value, list):
        return [
            {**item, "value": block_value(item["value"])} if isinstance(item, dict) else item
            for item in value
        ]
    return value


def detail_from_graphql(page: dict[str, Any]) -> Canonical:
    return {
        "id": int(page["id"]),
        "title": page["title"],
        "slug": page["slug"],
        "type": page["contentType"],
        "url": path(page["url"]),
        "locale": page["locale"],
        "first_published_at": moment(page["firstPublishedAt"]),
        "show_in_menus": page["showInMenus"],
        "seo_title": page["seoTitle"],
        "search_description": page["searchDescription"],
        "date": page["date"],
        "intro": html(page["intro"]),
        "reading_level": page["readingLevel"].lower(),
        "featured": page["featured"],
        "tags": sorted(page["tags"]),
        "categories": [_ref(c) for c in page["categories"]],
        "feed_image": _ref(page["feedImage"]),
        "authors": [[_ref(a["rowId"]), a["role"], _ref(a["person"])] for a in page["authors"]],
        "body": [[b["blockId"], b["blockType"], block_value(b["rawValue"])] for b in page["body"]],
    }


def _v3_block_type(name: str) -> str:
    """v3 names blocks as Python does (``related_page``); GraphQL camelCases them."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def detail_from_v3(page: dict[str, Any]) -> Canonical:
    meta = page["meta"]
    return {
        "id": page["id"],
        "title": page["title"],
        "slug": meta["slug"],
        "type": meta["type"],
        "url": path(meta["html_url"]),
        "locale": meta["locale"],
        "first_published_at": moment(meta["first_published_at"]),
        "show_in_menus": meta["show_in_menus"],
        "seo_title": meta["seo_title"],
        "search_description": meta["search_description"],
        "date": page["date"],
        "intro": html(page["intro"]),
        "reading_level": page["reading_level"],
        "featured": page["featured"],
        "tags": sorted(page["tags"]),
        "categories": [_ref(c) for c in page["categories"]],
        "feed_image": _ref(page["feed_image"]),
        "authors": [[a["id"], a["role"], _ref(a["person"])] for a in page["authors"]],
        "body": [
            [b["id"], _v3_block_type(b["type"]), block_value(b["value"])] for b in page["body"]
        ],
    }


def list_from_graphql(pages: dict[str, Any]) -> Canonical:
    return {
        "count": pages["totalCount"],
        "items": [
            [
                int(p["id"]),
                p["title"],
                p["slug"],
                p["contentType"],
                path(p["url"]),
                p["locale"],
                moment(p["firstPublishedAt"]),
            ]
            for p in pages["items"]
        ],
    }


def list_from_v3(data: dict[str, Any]) -> Canonical:
    return {
        "count": data["count"],
        "items": [
            [
                p["id"],
                p["title"],
                p["meta"]["slug"],
                p["meta"]["type"],
                path(p["meta"]["html_url"]),
                p["meta"]["locale"],
                moment(p["meta"]["first_published_at"]),
            ]
            for p in data["items"]
        ],
    }


def _without_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    return value


def written(page: Canonical) -> Canonical:
    """A created page without what each create makes anew: the ids of the page, of its
    InlinePanel rows and of its blocks at every level."""
    return {
        **{k: v for k, v in page.items() if k not in ("id", "authors", "body")},
        "authors": [author[1:] for author in page["authors"]],
        "body": [[kind, _without_ids(value)] for _, kind, value in page["body"]],
    }


def difference(left: Any, right: Any, where: str = "") -> str | None:
    """Where two answers first differ, and how (``None`` if they are equal)."""
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                return f"{where}.{key}: only in {'right' if key not in left else 'left'}"
            found = difference(left[key], right[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"{where}: {len(left)} items != {len(right)} items"
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            found = difference(a, b, f"{where}.{index}")
            if found:
                return found
        return None
    return None if left == right else f"{where}: {left!r} != {right!r}"
