"""The direct floor of the N-scaling list: ``documents.TYPED_LIST``'s answer, by hand.

Builds exactly the JSON the GraphQL query returns (same keys, ids as strings, enums in
capitals), so the harness can check the two agree, with the least work Wagtail allows:
one query per relation for the whole list, and ``StreamBlock.bulk_to_python`` to
resolve every chooser block of every body in one query per target model.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from wagtail.models import Page

from benchmarks.direct import dumps
from blog.models import BlogPage, BlogPageAuthor, BlogPageTag

Json = dict[str, Any]


def _image(image: Any, *, title: bool = True, size: bool = False) -> Json | None:
    if image is None:
        return None
    data = {"id": str(image.pk), "url": image.file.url}
    if title:
        data["title"] = image.title
    if size:
        data.update(width=image.width, height=image.height)
    return data


def _person(person: Any) -> Json | None:
    if person is None or not person.live:
        return None
    return {"id": str(person.pk), "firstName": person.first_name, "lastName": person.last_name}


def _author(author: BlogPageAuthor) -> Json:
    person = _person(author.person)
    if person is not None:
        person["image"] = _image(author.person.image, title=False)
    return {"role": author.role, "person": person}


def _page(page: Any) -> Json | None:
    if page is None or not page.live:
        return None
    return {"id": str(page.pk), "title": page.title, "url": page.get_url()}


def _gallery_item(child: Any) -> Json:
    if child.block_type == "image":
        return {"blockType": "image", "image": _image(child.value)}
    return {"blockType": child.block_type, "caption": child.value}


def _block(child: Any) -> Json:
    kind, value = child.block_type, child.value
    out: Json = {"blockId": child.id}
    if kind == "heading":
        out.update(blockType=kind, heading=value)
    elif kind == "paragraph":
        out.update(blockType=kind, paragraph=value.source)
    elif kind == "image":
        out.update(blockType=kind, image=_image(value))
    elif kind == "quote":
        style = value["style"].upper() if value["style"] else None
        quote = {"text": value["text"], "attribution": value["attribution"], "style": style}
        out.update(blockType=kind, quote=quote)
    elif kind == "links":
        out.update(blockType=kind, links=[{"value": url} for url in value])
    elif kind == "gallery":
        out.update(blockType=kind, gallery=[_gallery_item(item) for item in value])
    elif kind == "related_page":
        out.update(blockType="relatedPage", relatedPage=_page(value))
    elif kind == "person":
        out.update(blockType=kind, person=_person(value))
    return out


def _item(page: BlogPage, body: Any) -> Json:
    return {
        "id": str(page.pk),
        "title": page.title,
        "date": page.date.isoformat() if page.date else None,
        "intro": page.intro,
        "tags": sorted(item.tag.name for item in page.tagged_items.all()),
        "readingLevel": page.reading_level.upper(),
        "featured": page.featured,
        "feedImage": _image(page.feed_image, size=True),
        "categories": [
            {"id": str(c.pk), "name": c.name, "slug": c.slug} for c in page.categories.all()
        ],
        "authors": [_author(author) for author in page.authors.all()],
        "body": [_block(child) for child in body],
    }


def typed_list(parent: Page, limit: int) -> bytes:
    """The first ``limit`` live, public children of ``parent``, typed bodies resolved."""
    pages = list(
        BlogPage.objects.live()
        .public()
        .child_of(parent)
        .order_by("path")
        .select_related("feed_image")
        .prefetch_related(
            Prefetch("tagged_items", queryset=BlogPageTag.objects.select_related("tag")),
            "categories",
            Prefetch("authors", queryset=BlogPageAuthor.objects.select_related("person__image")),
        )[:limit]
    )
    stream_block = BlogPage._meta.get_field("body").stream_block
    bodies = stream_block.bulk_to_python([page.body.raw_data for page in pages])
    items = [_item(page, body) for page, body in zip(pages, bodies, strict=True)]
    return dumps({"pages": {"items": items}})
