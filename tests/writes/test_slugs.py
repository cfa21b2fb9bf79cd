"""Slugs: an omitted slug is derived from the title and made unique among the siblings;
a slug the client sent that is taken is ``ValidationError`` with code ``SLUG_IN_USE``."""

from __future__ import annotations

from typing import Any

from blog.models import BlogPage

CREATE = """
mutation($input: BlogPageCreateInput!) {
  createBlogPage(parent: "/blog/", input: $input) {
    page { id slug }
    errors { __typename message code path ... on ValidationError { validationCode } }
  }
}
"""

UPDATE = """
mutation($id: ID!, $input: BlogPageUpdateInput!) {
  updateBlogPage(id: $id, input: $input) {
    page { id slug }
    errors { __typename code path }
  }
}
"""


def test_an_omitted_slug_is_made_unique_among_the_siblings(editor: Any, seeded: Any) -> None:
    slugs = []
    for _ in range(3):
        payload = editor.execute(CREATE, {"input": {"title": "Hello, GraphQL"}})["createBlogPage"]
        assert payload["errors"] == []
        slugs.append(payload["page"]["slug"])
    # "hello-graphql" is the seeded post's slug
    assert slugs == ["hello-graphql-1", "hello-graphql-2", "hello-graphql-3"]


def test_a_taken_slug_that_was_sent_is_slug_in_use(editor: Any, seeded: Any) -> None:
    before = BlogPage.objects.count()
    payload = editor.execute(CREATE, {"input": {"title": "Again", "slug": "hello-graphql"}})[
        "createBlogPage"
    ]
    assert payload["errors"] == [
        {
            "__typename": "ValidationError",
            "message": "The slug 'hello-graphql' is already in use within the parent page.",
            "code": "SLUG_IN_USE",
            "path": ["input", "slug"],
            "validationCode": "slug_in_use",
        }
    ]
    assert BlogPage.objects.count() == before


def test_an_update_to_a_siblings_slug_is_slug_in_use(editor: Any, seeded: Any) -> None:
    payload = editor.execute(
        UPDATE, {"id": str(seeded.posts[1].pk), "input": {"slug": "hello-graphql"}}
    )["updateBlogPage"]
    assert payload["errors"] == [
        {"__typename": "ValidationError", "code": "SLUG_IN_USE", "path": ["input", "slug"]}
    ]


def test_a_page_keeps_its_own_slug_on_update(editor: Any, seeded: Any) -> None:
    post = seeded.posts[1]
    payload = editor.execute(UPDATE, {"id": str(post.pk), "input": {"slug": post.slug}})[
        "updateBlogPage"
    ]
    assert payload["errors"] == []
