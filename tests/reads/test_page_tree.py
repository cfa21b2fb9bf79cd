"""The ``Page`` interface's tree fields: parent, children, ancestors, descendants,
translations, and allowedSubpageTypes, each following the read rules (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from blog.models import BlogPage

TREE = """
query Tree($id: ID!, $version: ContentVersion) {
  page(id: $id, version: $version) {
    id
    parent { __typename id title }
    children { totalCount items { __typename id title } }
    ancestors { totalCount items { id } }
    descendants { totalCount items { id } }
    translations { id locale }
  }
}
"""


def _tree(client: Any, page: Page, version: str = "LIVE") -> Any:
    return client.execute(TREE, {"id": str(page.pk), "version": version})["page"]


def _ids(listing: dict[str, Any]) -> list[int]:
    return [int(item["id"]) for item in listing["items"]]


def test_a_page_names_its_place_in_the_tree(anonymous: Any, seeded: Any) -> None:
    hello, writing, _draft = seeded.posts
    index = _tree(anonymous, seeded.index)
    assert index["parent"] == {"__typename": "HomePage", "id": str(seeded.home.pk), "title": "Home"}
    assert _ids(index["children"]) == [hello.pk, writing.pk]
    assert index["children"]["totalCount"] == 2
    assert _ids(index["ancestors"]) == [seeded.home.pk]
    assert _ids(index["descendants"]) == [hello.pk, writing.pk]
    home = _tree(anonymous, seeded.home)
    assert home["parent"] is None  # the tree root: not readable anonymously
    assert _ids(home["descendants"]) == [seeded.index.pk, hello.pk, writing.pk]
    assert _ids(_tree(anonymous, hello)["ancestors"]) == [seeded.home.pk, seeded.index.pk]


def test_editors_read_the_tree_root_and_drafts_in_latest(editor: Any, seeded: Any) -> None:
    root = Page.get_first_root_node()
    home = _tree(editor, seeded.home)
    assert home["parent"] == {"__typename": "GenericPage", "id": str(root.pk), "title": "Root"}
    draft = seeded.posts[2]
    live = _tree(editor, seeded.index)
    assert draft.pk not in _ids(live["children"])
    latest = _tree(editor, seeded.index, "LATEST")
    assert draft.pk not in _ids(latest["children"])  # the list's own version is LIVE
    query = "query($id: ID!) { page(id: $id) { children(version: LATEST) { items { id } } } }"
    children = editor.execute(query, {"id": str(seeded.index.pk)})["page"]["children"]
    assert _ids(children) == [p.pk for p in seeded.posts]


def test_a_hidden_parent_reads_as_null(anonymous: Any, seeded: Any) -> None:
    """Unpublishing the blog index leaves its live posts readable, but not the index."""
    seeded.index.unpublish()
    hello = _tree(anonymous, seeded.posts[0])
    assert hello["parent"] is None
    assert _ids(hello["ancestors"]) == [seeded.home.pk]
    assert seeded.index.pk not in _ids(_tree(anonymous, seeded.home)["descendants"])


def test_hidden_children_are_left_out(anonymous: Any, editor: Any, seeded: Any) -> None:
    hello, writing, _draft = seeded.posts
    PageViewRestriction.objects.create(
        page=writing, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    children = _tree(anonymous, seeded.index)["children"]
    assert children == {
        "totalCount": 1,
        "items": [{"__typename": "BlogPage", "id": str(hello.pk), "title": "Hello, GraphQL"}],
    }
    assert _ids(_tree(editor, seeded.index)["children"]) == [hello.pk, writing.pk]


def test_lists_take_the_list_arguments(anonymous: Any, seeded: Any) -> None:
    hello, writing, _draft = seeded.posts
    query = """
    query($id: ID!) {
      page(id: $id) {
        newest: children(type: [BLOG_PAGE], order: [BLOG_PAGE_DATE_DESC], limit: 1) {
          totalCount items { id }
        }
        second: children(offset: 1) { items { id } }
        featured: descendants(type: [BLOG_PAGE], filter: {blogPage: {featured: true}}) {
          items { id }
        }
        found: descendants(search: "mutations") { items { id } }
        slug: children(slug: "hello-graphql") { items { id } }
        menu: children(inMenu: true) { items { id } }
        blogs: ancestors(type: [BLOG_INDEX_PAGE]) { items { id } }
      }
    }
    """
    page = anonymous.execute(query, {"id": str(seeded.index.pk)})["page"]
    assert page["newest"] == {"totalCount": 2, "items": [{"id": str(writing.pk)}]}
    assert _ids(page["second"]) == [writing.pk]
    assert _ids(page["featured"]) == [hello.pk]
    assert _ids(page["found"]) == [writing.pk]
    assert _ids(page["slug"]) == [hello.pk]
    assert _ids(page["menu"]) == []
    assert _ids(page["blogs"]) == []


def test_list_argument_errors_are_reported_at_the_field(anonymous: Any, seeded: Any) -> None:
    query = """
    query($id: ID!) { page(id: $id) { id children(order: [RANDOM], offset: 1) { totalCount } } }
    """
    response = anonymous.post(query, {"id": str(seeded.index.pk)})
    [error] = response.body["errors"]
    assert error["path"] == ["page", "children"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "order"}
    assert response.body["data"] == {"page": None}


@pytest.fixture
def french_home(seeded: Any) -> Iterator[Page]:
    languages = [("en", "English"), ("fr", "French")]
    with override_settings(WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=languages):
        yield seeded.home.copy_for_translation(Locale.objects.create(language_code="fr"))


def test_translations(anonymous: Any, admin: Any, seeded: Any, french_home: Page) -> None:
    assert _tree(admin, seeded.home)["translations"] == [
        {"id": str(french_home.pk), "locale": "fr"}
    ]
    assert _tree(admin, french_home, "LATEST")["translations"] == [
        {"id": str(seeded.home.pk), "locale": "en"}
    ]
    # A draft translation is not readable anonymously; once published, it is (the
    # site root's translations belong to the site).
    assert _tree(anonymous, seeded.home)["translations"] == []
    french_home.save_revision().publish()
    assert _tree(anonymous, seeded.home)["translations"] == [
        {"id": str(french_home.pk), "locale": "fr"}
    ]


def test_interface_fields_need_no_fragment(editor: Any, seeded: Any) -> None:
    """allowedSubpageTypes and the tree fields are on ``Page``: one selection for every type."""
    query = """
    { pages(descendantOf: "/") { items { __typename allowedSubpageTypes parent { id } } } }
    """
    items = editor.execute(query)["pages"]["items"]
    assert items[0] == {
        "__typename": "BlogIndexPage",
        "allowedSubpageTypes": ["BLOG_PAGE"],
        "parent": {"id": str(seeded.home.pk)},
    }
    assert {i["__typename"]: i["allowedSubpageTypes"] for i in items}["BlogPage"] == []


# ---- query counts ----------------------------------------------------------------------

LIST = """
query($limit: Int) {
  pages(type: [BLOG_PAGE], limit: $limit) {
    items { id parent { id title parent { id } } translations { id } }
  }
}
"""


def _queries(client: Any, limit: int) -> tuple[int, list[dict[str, Any]]]:
    client.post(LIST, {"limit": 1})  # warm-up: token use, site root paths
    with CaptureQueriesContext(connection) as captured:
        items = client.execute(LIST, {"limit": limit})["pages"]["items"]
    return len(captured), items


def test_parents_and_translations_of_a_list_cost_the_same_for_3_and_30_pages(
    anonymous: Any, seeded: Any
) -> None:
    for n in range(30):
        post = seeded.index.add_child(instance=BlogPage(title=f"Post {n}", slug=f"post-{n}"))
        post.save_revision().publish()
    few, few_items = _queries(anonymous, 3)
    many, many_items = _queries(anonymous, 30)
    assert (len(few_items), len(many_items)) == (3, 30)
    assert {i["parent"]["id"] for i in many_items} == {str(seeded.index.pk)}
    assert many_items[0]["parent"]["parent"] == {"id": str(seeded.home.pk)}
    assert few == many
