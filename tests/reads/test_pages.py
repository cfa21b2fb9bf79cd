"""Reading pages: ``page`` and ``pages``, LIVE vs LATEST, visibility, filters and paging."""

from __future__ import annotations

from typing import Any

from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from blog.models import BlogPage

PAGE = """
query Page($id: ID, $path: String, $version: ContentVersion) {
  page(id: $id, path: $path, version: $version) {
    __typename id title url live
    ... on BlogPage { date readingLevel tags }
  }
}
"""

PAGES = """
query Pages($type: [PageType!], $childOf: ID, $descendantOf: ID, $offset: Int,
            $limit: Int, $version: ContentVersion) {
  pages(type: $type, childOf: $childOf, descendantOf: $descendantOf, offset: $offset,
        limit: $limit, version: $version) {
    totalCount
    items { __typename id title live }
  }
}
"""

UPDATE_TITLE = """
mutation Update($id: ID!, $input: BlogPageUpdateInput!) {
  updateBlogPage(id: $id, input: $input) { errors { message path } }
}
"""


def _page(client: Any, **variables: Any) -> Any:
    return client.execute(PAGE, variables)["page"]


def _pages(client: Any, **variables: Any) -> dict[str, Any]:
    return client.execute(PAGES, variables)["pages"]


def _ids(listing: dict[str, Any]) -> list[int]:
    return [int(item["id"]) for item in listing["items"]]


def _draft_title(editor: Any, page: Page, title: str) -> None:
    """Save a draft revision through the API, leaving the live page as it was."""
    errors = editor.execute(UPDATE_TITLE, {"id": str(page.pk), "input": {"title": title}})
    assert errors["updateBlogPage"]["errors"] == []


def _more_posts(seeded: Any, count: int) -> list[BlogPage]:
    """Extra live posts under the blog index, published as the admin would."""
    posts = []
    for n in range(count):
        post = seeded.index.add_child(instance=BlogPage(title=f"Extra {n}", slug=f"extra-{n}"))
        post.save_revision().publish()
        posts.append(post)
    return posts


# ---- page(id:) / page(path:) ---------------------------------------------------------


def test_page_by_id_returns_the_live_page_with_its_concrete_type(
    anonymous: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    page = _page(anonymous, id=str(post.pk))
    assert page["__typename"] == "BlogPage"
    assert (page["id"], page["title"], page["live"]) == (str(post.pk), "Hello, GraphQL", True)
    assert page["date"] == "2025-01-15"
    assert page["readingLevel"] == "BEGINNER"
    assert page["tags"] == ["graphql", "wagtail"]
    assert page["url"] == "/blog/hello-graphql/"


def test_page_by_path_finds_the_page_on_the_requests_site(anonymous: Any, seeded: Any) -> None:
    page = _page(anonymous, path="/blog/")
    assert (page["__typename"], page["id"]) == ("BlogIndexPage", str(seeded.index.pk))
    nested = _page(anonymous, path="/blog/hello-graphql/")
    assert nested["id"] == str(seeded.posts[0].pk)
    root = _page(anonymous, path="/")
    assert (root["__typename"], root["id"]) == ("HomePage", str(seeded.home.pk))


def test_unknown_id_or_path_is_null(anonymous: Any, seeded: Any) -> None:
    assert _page(anonymous, id="999999") is None
    assert _page(anonymous, id="not-a-number") is None
    assert _page(anonymous, path="/blog/no-such-post/") is None


def test_anonymous_gets_null_for_a_draft_page(anonymous: Any, editor: Any, seeded: Any) -> None:
    draft = seeded.posts[2]
    assert draft.live is False
    assert _page(anonymous, id=str(draft.pk)) is None
    assert _page(anonymous, path="/blog/coming-soon-workflows/") is None
    # The draft has no live version, so even an editor's LIVE read is null.
    assert _page(editor, id=str(draft.pk)) is None


def test_anonymous_gets_null_for_a_password_protected_page(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    PageViewRestriction.objects.create(
        page=post, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert _page(anonymous, id=str(post.pk)) is None
    assert _page(anonymous, path="/blog/hello-graphql/") is None
    # An editor of the page still reads it, as in the admin.
    assert _page(editor, id=str(post.pk))["id"] == str(post.pk)


def test_a_restriction_hides_the_pages_descendants_from_anonymous_lists(
    anonymous: Any, seeded: Any
) -> None:
    PageViewRestriction.objects.create(
        page=seeded.index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    listing = _pages(anonymous)
    assert _ids(listing) == [seeded.home.pk]
    assert listing["totalCount"] == 1


def test_latest_returns_the_draft_for_an_editor_and_null_for_anonymous(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    draft = seeded.posts[2]
    page = _page(editor, id=str(draft.pk), version="LATEST")
    assert (page["__typename"], page["title"], page["live"]) == (
        "BlogPage",
        "Coming soon: workflows",
        False,
    )
    assert page["readingLevel"] == "EXPERT"
    assert _page(anonymous, id=str(draft.pk), version="LATEST") is None
    live = seeded.posts[0]
    assert _page(anonymous, id=str(live.pk), version="LATEST") is None


def test_live_shows_the_published_title_and_latest_the_draft_title(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    _draft_title(editor, post, "Hello, drafts")
    assert _page(anonymous, id=str(post.pk))["title"] == "Hello, GraphQL"
    assert _page(editor, id=str(post.pk))["title"] == "Hello, GraphQL"
    latest = _page(editor, id=str(post.pk), version="LATEST")
    assert (latest["title"], latest["live"]) == ("Hello, drafts", True)
    by_path = _page(editor, path="/blog/hello-graphql/", version="LATEST")
    assert by_path["title"] == "Hello, drafts"


def test_lists_show_live_titles_in_live_and_draft_titles_in_latest(
    editor: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    _draft_title(editor, post, "Hello, drafts")
    titles = {i["id"]: i["title"] for i in _pages(editor, type=["BLOG_PAGE"])["items"]}
    assert titles[str(post.pk)] == "Hello, GraphQL"
    latest = _pages(editor, type=["BLOG_PAGE"], version="LATEST")["items"]
    titles = {i["id"]: i["title"] for i in latest}
    assert titles[str(post.pk)] == "Hello, drafts"
    assert titles[str(seeded.posts[2].pk)] == "Coming soon: workflows"


# ---- pages(...) ----------------------------------------------------------------------


def test_anonymous_pages_lists_live_public_pages_of_the_site_in_tree_order(
    anonymous: Any, seeded: Any
) -> None:
    listing = _pages(anonymous)
    expected = [seeded.home.pk, seeded.index.pk, seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(listing) == expected
    assert listing["totalCount"] == 4
    assert [i["__typename"] for i in listing["items"]] == [
        "HomePage",
        "BlogIndexPage",
        "BlogPage",
        "BlogPage",
    ]


def test_drafts_never_appear_in_live_lists(anonymous: Any, editor: Any, seeded: Any) -> None:
    draft_id = seeded.posts[2].pk
    for client in (anonymous, editor):
        listing = _pages(client, limit=100)
        assert draft_id not in _ids(listing)
        assert all(item["live"] for item in listing["items"])
        by_parent = _pages(client, childOf=str(seeded.index.pk))
        assert draft_id not in _ids(by_parent)


def test_latest_lists_include_drafts_for_editors_only(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    latest = _pages(editor, childOf="/blog/", version="LATEST")
    assert _ids(latest) == [p.pk for p in seeded.posts]
    assert latest["totalCount"] == 3
    nothing = _pages(anonymous, version="LATEST")
    assert nothing == {"totalCount": 0, "items": []}


def test_type_filter(anonymous: Any, seeded: Any) -> None:
    listing = _pages(anonymous, type=["BLOG_PAGE"])
    assert _ids(listing) == [seeded.posts[0].pk, seeded.posts[1].pk]
    assert {i["__typename"] for i in listing["items"]} == {"BlogPage"}
    assert listing["totalCount"] == 2
    both = _pages(anonymous, type=["BLOG_INDEX_PAGE", "HOME_PAGE"])
    assert _ids(both) == [seeded.home.pk, seeded.index.pk]


def test_child_of_by_id_and_by_path(anonymous: Any, seeded: Any) -> None:
    expected = [seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(_pages(anonymous, childOf=str(seeded.index.pk))) == expected
    assert _ids(_pages(anonymous, childOf="/blog/")) == expected
    assert _ids(_pages(anonymous, childOf="/")) == [seeded.index.pk]


def test_descendant_of_by_id_and_by_path(anonymous: Any, seeded: Any) -> None:
    expected = [seeded.index.pk, seeded.posts[0].pk, seeded.posts[1].pk]
    by_id = _pages(anonymous, descendantOf=str(seeded.home.pk))
    assert _ids(by_id) == expected
    assert by_id["totalCount"] == 3
    assert _ids(_pages(anonymous, descendantOf="/")) == expected
    assert _ids(_pages(anonymous, descendantOf="/blog/")) == expected[1:]


def test_unknown_anchor_gives_an_empty_list(anonymous: Any, seeded: Any) -> None:
    assert _pages(anonymous, childOf="/nope/") == {"totalCount": 0, "items": []}
    assert _pages(anonymous, descendantOf="999999") == {"totalCount": 0, "items": []}


def test_offset_and_limit_slice_while_total_count_counts_everything(
    anonymous: Any, seeded: Any
) -> None:
    everything = _ids(_pages(anonymous))
    window = _pages(anonymous, offset=1, limit=2)
    assert _ids(window) == everything[1:3]
    assert window["totalCount"] == len(everything) == 4
    beyond = _pages(anonymous, offset=10)
    assert beyond == {"totalCount": 4, "items": []}


def test_default_limit_applies_when_none_is_given(anonymous: Any, seeded: Any) -> None:
    _more_posts(seeded, 3)
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"DEFAULT_LIMIT": 2}):
        listing = _pages(anonymous)
    assert len(listing["items"]) == 2
    assert listing["totalCount"] == 7


def test_limit_is_capped_by_max_limit(anonymous: Any, seeded: Any) -> None:
    _more_posts(seeded, 3)
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_LIMIT": 3}):
        listing = _pages(anonymous, limit=50)
    assert len(listing["items"]) == 3
    assert listing["totalCount"] == 7


def test_every_listed_item_has_a_concrete_typename(editor: Any, seeded: Any) -> None:
    """Editors also see the tree root (a plain ``Page``): it is a ``GenericPage``."""
    query = "{ pages(limit: 100) { items { __typename id } } }"
    items = editor.execute(query)["pages"]["items"]
    root = Page.get_first_root_node()
    assert [(i["__typename"], int(i["id"])) for i in items] == [
        ("GenericPage", root.pk),
        ("HomePage", seeded.home.pk),
        ("BlogIndexPage", seeded.index.pk),
        ("BlogPage", seeded.posts[0].pk),
        ("BlogPage", seeded.posts[1].pk),
    ]


def test_the_tree_root_is_a_generic_page_for_editors(editor: Any, seeded: Any) -> None:
    root = Page.get_first_root_node()
    page = _page(editor, id=str(root.pk))
    assert (page["__typename"], page["id"]) == ("GenericPage", str(root.pk))
    # GENERIC_PAGE matches pages of the base class only (not every subclass).
    assert _ids(_pages(editor, type=["GENERIC_PAGE"])) == [root.pk]


def test_anonymous_page_reads_can_be_switched_off(anonymous: Any, editor: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"ANONYMOUS_READS": False}):
        assert _page(anonymous, id=str(post.pk)) is None
        assert _pages(anonymous) == {"totalCount": 0, "items": []}
        assert _page(editor, id=str(post.pk))["id"] == str(post.pk)


def test_a_path_without_the_trailing_slash_finds_the_page(anonymous: Any, seeded: Any) -> None:
    assert _page(anonymous, path="/blog")["id"] == str(seeded.index.pk)


def test_a_page_of_an_excluded_model_reads_as_a_generic_page(anonymous: Any, seeded: Any) -> None:
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"EXCLUDE_MODELS": ["blog.BlogIndexPage"]}):
        page = _page(anonymous, path="/blog/")
        listed = _pages(anonymous)["items"]
    assert (page["__typename"], page["title"]) == ("GenericPage", "Blog")
    assert [i["__typename"] for i in listed] == ["HomePage", "GenericPage", "BlogPage", "BlogPage"]


def test_generic_page_type_filter_matches_only_base_pages(admin: Any) -> None:
    data = admin.execute("{ pages(type: [GENERIC_PAGE], limit: 100) { items { __typename id } } }")
    assert {i["__typename"] for i in data["pages"]["items"]} == {"GenericPage"}
    assert [i["id"] for i in data["pages"]["items"]] == ["1"]


def test_include_models_keeps_generic_page_for_left_out_types(admin: Any) -> None:
    from django.test import override_settings

    with override_settings(WAGTAIL_GRAPHQL_WRITE={"INCLUDE_MODELS": ["blog.BlogPage"]}):
        from wagtail_graphql_write.http import views

        views.reset()
        data = admin.execute("{ pages(limit: 100) { items { __typename } } }")
        views.reset()
    assert {i["__typename"] for i in data["pages"]["items"]} == {"GenericPage", "BlogPage"}
