"""What each operation sends: GraphQL documents and variables, v3 REST URLs and bodies.

Both APIs are asked for the same data. Wagtail v3's page detail returns the stored
StreamField JSON (chooser blocks as ids), foreign keys and many-to-many as ids and
InlinePanel rows with their foreign keys as ids, so the GraphQL detail selects the same:
``rawValue`` per block, ``{ id }`` for related objects. v3's list returns ids, titles
and page metadata; the GraphQL list selects those fields. Writes return the page in
that detail shape on both APIs (v3 always answers with the detail).

The N-scaling list (``TYPED_LIST``) is GraphQL's own: a typed body with every chooser
resolved, which v3 cannot return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.data import Fixture

DETAIL_FIELDS = """
fragment Detail on BlogPage {
  id title slug contentType url locale firstPublishedAt
  showInMenus seoTitle searchDescription
  date intro readingLevel featured tags
  categories { id }
  feedImage { id }
  authors { rowId role person { id } }
  body { blockId blockType rawValue }
}
"""

DETAIL = "query Detail($id: ID!) { page(id: $id) { ...Detail } }" + DETAIL_FIELDS

LIST = """
query List($parent: ID!, $limit: Int!) {
  pages(childOf: $parent, limit: $limit) {
    totalCount
    items { id title slug contentType url locale firstPublishedAt }
  }
}
"""

CREATE = (
    """
mutation Create($parent: ID!, $input: BlogPageCreateInput!) {
  createBlogPage(parent: $parent, input: $input, action: SAVE_DRAFT) {
    page { ...Detail }
    errors { __typename message path }
  }
}
"""
    + DETAIL_FIELDS
)

UPDATE = (
    """
mutation Update($id: ID!, $title: String!) {
  updateBlogPage(id: $id, input: { title: $title }, action: SAVE_DRAFT) {
    page { ...Detail }
    errors { __typename message path }
  }
}
"""
    + DETAIL_FIELDS
)

PUBLISH = (
    """
mutation Publish($id: ID!) {
  publishPage(id: $id) {
    page { ...Detail }
    errors { __typename message path }
  }
}
"""
    + DETAIL_FIELDS
)

TYPED_LIST = """
query Typed($parent: ID!, $limit: Int!) {
  pages(childOf: $parent, limit: $limit) {
    items {
      id title
      ... on BlogPage {
        date intro tags readingLevel featured
        feedImage { id title url width height }
        categories { id name slug }
        authors { role person { id firstName lastName image { id url } } }
        body {
          blockId blockType
          ... on BlogPageBodyHeadingBlock { heading }
          ... on BlogPageBodyParagraphBlock { paragraph }
          ... on BlogPageBodyImageBlock { image { id title url } }
          ... on BlogPageBodyQuoteBlock { quote { text attribution style } }
          ... on BlogPageBodyLinksBlock { links { value } }
          ... on BlogPageBodyGalleryBlock {
            gallery {
              blockType
              ... on BlogPageBodyGalleryImageBlock { image { id title url } }
              ... on BlogPageBodyGalleryCaptionBlock { caption }
            }
          }
          ... on BlogPageBodyRelatedPageBlock { relatedPage { id title url } }
          ... on BlogPageBodyPersonBlock { person { id firstName lastName } }
        }
      }
    }
  }
}
"""


@dataclass(frozen=True)
class NewPost:
    """The post the create operation makes: one value of every field kind."""

    title: str
    slug: str
    date: str
    intro: str
    reading_level: str
    feed_image: int
    tags: list[str]
    categories: list[int]
    authors: list[tuple[int, str]]
    #: (block type, stored value) pairs, chooser blocks as ids.
    body: list[tuple[str, Any]] = field(default_factory=list)


def new_post(fixture: Fixture) -> NewPost:
    image, person = fixture.images[1].pk, fixture.people[2].pk
    return NewPost(
        title="A new benchmark post",
        slug="a-new-benchmark-post",
        date="2025-06-01",
        intro="<p>A <b>new</b> post.</p>",
        reading_level="intermediate",
        feed_image=image,
        tags=["new", "benchmark"],
        categories=[fixture.categories[0].pk],
        authors=[(person, "Author")],
        body=[
            ("heading", "Introduction"),
            ("paragraph", '<p>Some <i>text</i> and <a href="https://wagtail.org">a link</a>.</p>'),
            ("image", image),
            ("quote", {"text": "A quote.", "attribution": "Someone", "style": "pull"}),
            ("links", ["https://example.com/a", "https://example.com/b"]),
            ("gallery", [("image", image), ("caption", "A caption")]),
            ("related_page", fixture.detail.pk),
            ("person", person),
        ],
    )


def _graphql_block(kind: str, value: Any) -> dict[str, Any]:
    if kind == "paragraph":
        return {"paragraph": {"html": value}}
    if kind in ("image", "related_page", "person"):
        return {{"related_page": "relatedPage"}.get(kind, kind): str(value)}
    if kind == "quote":
        return {"quote": {**value, "style": value["style"].upper()}}
    if kind == "links":
        return {"links": [{"value": url} for url in value]}
    if kind == "gallery":
        return {"gallery": [{"block": _graphql_block(k, v)} for k, v in value]}
    return {kind: value}


def graphql_input(post: NewPost) -> dict[str, Any]:
    """``BlogPageCreateInput`` for ``post``."""
    return {
        "title": post.title,
        "slug": post.slug,
        "date": post.date,
        "intro": {"html": post.intro},
        "readingLevel": post.reading_level.upper(),
        "featured": False,
        "feedImage": str(post.feed_image),
        "tags": post.tags,
        "categories": [str(pk) for pk in post.categories],
        "authors": [{"person": str(pk), "role": role} for pk, role in post.authors],
        "body": [{"block": _graphql_block(kind, value)} for kind, value in post.body],
    }


def _v3_block(kind: str, value: Any) -> dict[str, Any]:
    if kind == "gallery":
        value = [_v3_block(k, v) for k, v in value]
    return {"type": kind, "value": value}


def v3_body(post: NewPost, parent: int) -> dict[str, Any]:
    """The v3 ``POST /api/v3/pages/`` body for ``post``."""
    return {
        "meta": {"type": "blog.BlogPage", "parent_id": parent},
        "title": post.title,
        "slug": post.slug,
        "date": post.date,
        "intro": post.intro,
        "reading_level": post.reading_level,
        "featured": False,
        "feed_image_id": post.feed_image,
        "tags": post.tags,
        "categories": post.categories,
        "authors": [{"person_id": pk, "role": role} for pk, role in post.authors],
        "body": [_v3_block(kind, value) for kind, value in post.body],
    }
