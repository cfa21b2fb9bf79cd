"""``pages(...)``: Wagtail API v2's filters (issue 14), on the pages the viewer may read.

Search runs on the site's search backend (the database backend: SQLite FTS5 or
PostgreSQL's full-text search); the seeded pages are indexed as they are saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page, PageViewRestriction, Site

from blog.models import BlogPage

PAGES = """
query Pages(
  $type: [PageType!], $childOf: ID, $descendantOf: ID, $ancestorOf: ID, $translationOf: ID,
  $slug: String, $path: String, $site: String, $locale: String, $inMenu: Boolean,
  $filter: PageFilter, $search: String, $searchOperator: SearchOperator, $order: [PageOrder!],
  $offset: Int, $limit: Int, $version: ContentVersion
) {
  pages(
    type: $type, childOf: $childOf, descendantOf: $descendantOf, ancestorOf: $ancestorOf,
    translationOf: $translationOf, slug: $slug, path: $path, site: $site, locale: $locale,
    inMenu: $inMenu, filter: $filter, search: $search, searchOperator: $searchOperator,
    order: $order, offset: $offset, limit: $limit, version: $version
  ) {
    totalCount
    items { id title }
  }
}
"""


def _pages(client: Any, **variables: Any) -> dict[str, Any]:
    return client.execute(PAGES, variables)["pages"]


def _ids(client: Any, **variables: Any) -> list[int]:
    return [int(item["id"]) for item in _pages(client, **variables)["items"]]


def _error(client: Any, **variables: Any) -> dict[str, Any]:
    """The one top-level error of a refused list, which answers 200 with JSON."""
    response = client.post(PAGES, variables)
    assert response.status == 200
    assert response.body["data"] is None
    [error] = response.body["errors"]
    return {"message": error["message"], **error["extensions"]}


@pytest.fixture
def french(seeded: Any) -> Iterator[Page]:
    """A French translation of the blog index (a draft) and of Home (live)."""
    languages = [("en", "English"), ("fr", "French")]
    with override_settings(WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=languages):
        fr = Locale.objects.create(language_code="fr")
        home = seeded.home.copy_for_translation(fr)
        home.save_revision().publish()
        yield seeded.index.copy_for_translation(fr)


# ---- search ----------------------------------------------------------------------------


def test_search_matches_titles_and_body_text(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    assert _ids(anonymous, search="mutations") == [writing]
    # "Analytical engine" is only in the first post's StreamField quote block.
    found = _pages(anonymous, search="analytical engine")
    assert found == {"totalCount": 1, "items": [{"id": str(hello), "title": "Hello, GraphQL"}]}


def test_search_operator_and_needs_every_word_or_any(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    assert _ids(anonymous, search="analytical mutations", searchOperator="AND") == []
    ored = _ids(anonymous, search="analytical mutations", searchOperator="OR")
    assert sorted(ored) == sorted([hello, writing])


def test_search_never_finds_what_the_viewer_may_not_read(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    draft = seeded.posts[2]
    assert _ids(anonymous, search="workflows") == []
    assert _ids(editor, search="workflows") == []  # LIVE: the draft has no live version
    assert _ids(editor, search="workflows", version="LATEST") == [draft.pk]


def test_search_combines_with_every_filter(anonymous: Any, seeded: Any) -> None:
    """Filters on columns the search index does not hold (slug, the type's fields) work."""
    hello = seeded.posts[0]
    variables = {"search": "graphql", "type": ["BLOG_PAGE"]}
    featured = {"blogPage": {"featured": True, "tags": ["graphql"]}}
    assert _ids(anonymous, **variables, filter=featured, slug="hello-graphql") == [hello.pk]
    assert _ids(anonymous, **variables, childOf="/") == []


def test_search_can_be_sorted_instead_of_by_relevance(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    by_date = _ids(anonymous, search="content", searchOperator="OR", order=["TITLE_DESC"])
    assert by_date == [writing, hello]
    assert _ids(anonymous, search="content", searchOperator="OR", order=["TITLE_ASC"]) == [
        hello,
        writing,
    ]


def test_a_blank_search_is_no_search(anonymous: Any, seeded: Any) -> None:
    assert _ids(anonymous, search="  ") == _ids(anonymous)


def test_search_operator_without_search_is_refused(anonymous: Any, seeded: Any) -> None:
    error = _error(anonymous, searchOperator="OR")
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "searchOperator")


def test_search_can_be_switched_off_by_the_rest_api_setting(anonymous: Any, seeded: Any) -> None:
    with override_settings(WAGTAILAPI_SEARCH_ENABLED=False):
        error = _error(anonymous, search="graphql")
    assert error == {
        "message": "Search is disabled on this site (WAGTAILAPI_SEARCH_ENABLED).",
        "code": "BAD_USER_INPUT",
        "argument": "search",
    }


def test_search_sees_a_new_title_once_published(anonymous: Any, seeded: Any) -> None:
    post = BlogPage.objects.get(pk=seeded.posts[1].pk)
    post.title = "Zeppelins and GraphQL"
    post.save_revision().publish()
    assert _ids(anonymous, search="zeppelins") == [post.pk]


# ---- order -----------------------------------------------------------------------------


def test_default_order_is_tree_order(anonymous: Any, seeded: Any) -> None:
    tree = [seeded.home.pk, seeded.index.pk, seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(anonymous) == tree
    assert _ids(anonymous, order=["TREE_ASC"]) == tree
    assert _ids(anonymous, order=["TREE_DESC"]) == tree[::-1]


def test_order_by_title_and_id(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    titles = [i["title"] for i in _pages(anonymous, order=["TITLE_ASC"])["items"]]
    assert titles == ["Blog", "Hello, GraphQL", "Home", "Writing content with mutations"]
    assert _ids(anonymous, order=["ID_DESC"]) == sorted(_ids(anonymous), reverse=True)
    assert _ids(anonymous, childOf="/blog/", order=["SLUG_DESC"]) == [writing, hello]


def test_order_by_publication_puts_never_published_pages_last(editor: Any, seeded: Any) -> None:
    hello, writing, draft = (p.pk for p in seeded.posts)
    for key in ("FIRST_PUBLISHED_AT_DESC", "FIRST_PUBLISHED_AT_ASC"):
        ids = _ids(editor, childOf="/blog/", order=[key], version="LATEST")
        assert ids[-1] == draft
    newest = _ids(editor, childOf="/blog/", order=["LAST_PUBLISHED_AT_DESC"], version="LATEST")
    assert newest == [writing, hello, draft]
    latest = _ids(editor, childOf="/blog/", order=["LATEST_REVISION_CREATED_AT_DESC"])
    assert latest == [writing, hello]


def test_order_by_a_page_types_own_field(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    assert _ids(anonymous, type=["BLOG_PAGE"], order=["BLOG_PAGE_DATE_DESC"]) == [writing, hello]
    assert _ids(anonymous, type=["BLOG_PAGE"], order=["BLOG_PAGE_DATE_ASC"]) == [hello, writing]
    by_level = _ids(anonymous, type=["BLOG_PAGE"], order=["BLOG_PAGE_READING_LEVEL_DESC"])
    assert by_level == [writing, hello]  # "intermediate" > "beginner", as stored


def test_several_sort_keys_sort_by_the_first_then_the_next(anonymous: Any, seeded: Any) -> None:
    extra = seeded.index.add_child(instance=BlogPage(title="Hello, GraphQL", slug="again"))
    extra.save_revision().publish()
    hello = seeded.posts[0].pk
    ids = _ids(anonymous, type=["BLOG_PAGE"], order=["TITLE_ASC", "ID_DESC"])
    assert ids[:2] == [extra.pk, hello]
    ids = _ids(anonymous, type=["BLOG_PAGE"], order=["TITLE_ASC", "ID_ASC"])
    assert ids[:2] == [hello, extra.pk]


def test_random_order_lists_the_same_pages(anonymous: Any, seeded: Any) -> None:
    listing = _pages(anonymous, order=["RANDOM"])
    assert listing["totalCount"] == 4
    assert sorted(int(i["id"]) for i in listing["items"]) == sorted(_ids(anonymous))


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"order": ["RANDOM", "TITLE_ASC"]}, "RANDOM cannot be combined with other sort keys."),
        ({"order": ["RANDOM"], "offset": 2}, "RANDOM order cannot be paged"),
        ({"order": ["RANDOM"], "search": "graphql"}, "RANDOM order cannot be combined with"),
        ({"order": ["BLOG_PAGE_DATE_ASC"]}, "BLOG_PAGE_DATE_ASC sorts by a field of BlogPage"),
        (
            {"order": ["BLOG_PAGE_DATE_ASC"], "type": ["BLOG_PAGE", "HOME_PAGE"]},
            "list only that type with `type: [BLOG_PAGE]`",
        ),
    ],
)
def test_sort_keys_that_cannot_be_honoured_are_refused(
    anonymous: Any, seeded: Any, variables: dict[str, Any], message: str
) -> None:
    error = _error(anonymous, **variables)
    assert message in error["message"]
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "order")


# ---- tree, slug, path, menus -----------------------------------------------------------


def test_ancestor_of_by_id_and_by_path(anonymous: Any, editor: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    expected = [seeded.home.pk, seeded.index.pk]
    assert _ids(anonymous, ancestorOf=str(post.pk)) == expected
    assert _ids(anonymous, ancestorOf="/blog/hello-graphql/") == expected
    # Editors may read the tree root, which is an ancestor of every page.
    root = Page.get_first_root_node()
    assert _ids(editor, ancestorOf=str(post.pk)) == [root.pk, *expected]


def test_child_of_and_descendant_of_together_narrow_to_both(anonymous: Any, seeded: Any) -> None:
    posts = [seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(anonymous, childOf="/blog/", descendantOf="/") == posts
    assert _ids(anonymous, childOf="/", descendantOf="/blog/") == []


def test_hidden_anchors_give_an_empty_list(anonymous: Any, seeded: Any) -> None:
    draft = seeded.posts[2]
    PageViewRestriction.objects.create(
        page=seeded.index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for argument in ("childOf", "descendantOf", "ancestorOf", "translationOf"):
        assert _pages(anonymous, **{argument: "/blog/"}) == {"totalCount": 0, "items": []}
        assert _pages(anonymous, **{argument: str(draft.pk)}) == {"totalCount": 0, "items": []}
        assert _pages(anonymous, **{argument: "999999"}) == {"totalCount": 0, "items": []}


def test_slug(anonymous: Any, seeded: Any) -> None:
    assert _ids(anonymous, slug="hello-graphql") == [seeded.posts[0].pk]
    assert _ids(anonymous, slug="coming-soon-workflows") == []  # a draft


def test_path_names_one_page_on_the_site(anonymous: Any, seeded: Any) -> None:
    assert _ids(anonymous, path="/blog/hello-graphql/") == [seeded.posts[0].pk]
    assert _ids(anonymous, path="/blog/hello-graphql") == [seeded.posts[0].pk]
    assert _ids(anonymous, path="/") == [seeded.home.pk]
    assert _ids(anonymous, path="/blog/nothing-here/") == []
    assert _ids(anonymous, path="/blog/coming-soon-workflows/") == []  # a draft


def test_in_menu(anonymous: Any, seeded: Any) -> None:
    Page.objects.filter(pk=seeded.index.pk).update(show_in_menus=True)
    assert _ids(anonymous, inMenu=True) == [seeded.index.pk]
    assert seeded.index.pk not in _ids(anonymous, inMenu=False)
    assert len(_ids(anonymous, inMenu=False)) == 3


# ---- site ------------------------------------------------------------------------------


@pytest.fixture
def blog_site(seeded: Any) -> Site:
    """A second site whose root is the blog index."""
    return Site.objects.create(hostname="blog.example.com", port=8080, root_page=seeded.index)


def test_site_by_hostname_id_and_port(editor: Any, seeded: Any, blog_site: Site) -> None:
    blog = [seeded.index.pk, seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(editor, site="blog.example.com") == blog
    assert _ids(editor, site="blog.example.com:8080") == blog
    assert _ids(editor, site=str(blog_site.pk)) == blog
    assert _ids(editor, site="localhost") == [seeded.home.pk, *blog]


def test_path_is_read_on_the_site_argument(editor: Any, seeded: Any, blog_site: Site) -> None:
    hello = seeded.posts[0].pk
    assert _ids(editor, site="blog.example.com", path="/hello-graphql/") == [hello]
    assert _ids(editor, site="blog.example.com", childOf="/") == [hello, seeded.posts[1].pk]


def test_site_narrows_what_the_viewer_may_read(anonymous: Any, seeded: Any) -> None:
    """Anonymous readers see the request's site only (as ``page``): another site's tree,
    named by ``site``, gives no pages, not more pages."""
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Other home", slug="other-home")
    )
    other_home.save_revision().publish()
    Site.objects.create(hostname="other.example.com", root_page=other_home)
    assert _ids(anonymous, site="other.example.com") == []


def test_unknown_or_ambiguous_sites_are_refused(anonymous: Any, seeded: Any) -> None:
    assert _error(anonymous, site="nowhere.example.com") == {
        "message": "No site matches 'nowhere.example.com'.",
        "code": "BAD_USER_INPUT",
        "argument": "site",
    }
    Site.objects.create(hostname="twice.example.com", port=81, root_page=seeded.home)
    Site.objects.create(hostname="twice.example.com", port=82, root_page=seeded.home)
    error = _error(anonymous, site="twice.example.com")
    assert "add the port" in error["message"]
    assert _ids(anonymous, site="twice.example.com:82")[0] == seeded.home.pk


# ---- locale and translations -----------------------------------------------------------


def test_locale(admin: Any, seeded: Any, french: Page) -> None:
    english = _ids(admin, locale="en", descendantOf="/")
    assert english == [seeded.index.pk, seeded.posts[0].pk, seeded.posts[1].pk]
    assert _ids(admin, locale="fr", version="LATEST", type=["BLOG_INDEX_PAGE"]) == [french.pk]
    assert _error(admin, locale="xx") == {
        "message": "No locale has the language code 'xx'.",
        "code": "BAD_USER_INPUT",
        "argument": "locale",
    }


def test_translation_of(admin: Any, anonymous: Any, seeded: Any, french: Page) -> None:
    assert _ids(admin, translationOf=str(seeded.index.pk), version="LATEST") == [french.pk]
    assert _ids(admin, translationOf=str(french.pk), version="LATEST") == [seeded.index.pk]
    # The French index is a draft: LIVE reads do not list it.
    assert _ids(anonymous, translationOf="/blog/") == []


# ---- a page type's own fields ----------------------------------------------------------


def test_filter_on_a_page_types_own_fields(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk

    def ids(**fields: Any) -> list[int]:
        return _ids(anonymous, type=["BLOG_PAGE"], filter={"blogPage": fields})

    assert ids(featured=True) == [hello]
    assert ids(featured=False) == [writing]
    assert ids(readingLevel="INTERMEDIATE") == [writing]
    assert ids(date="2025-01-15") == [hello]
    assert ids(tags=["graphql"]) == [hello, writing]
    assert ids(tags=["graphql", "tutorial"]) == [writing]
    assert ids(tags=["graphql"], featured=True) == [hello]
    assert ids(tags=[]) == [hello, writing]
    assert ids() == [hello, writing]


def test_null_matches_an_empty_value(editor: Any, seeded: Any) -> None:
    draft = seeded.posts[2]
    variables = {"type": ["BLOG_PAGE"], "version": "LATEST"}
    assert _ids(editor, **variables, filter={"blogPage": {"date": None}}) == [draft.pk]


def test_field_filters_need_type_to_name_their_type(anonymous: Any, seeded: Any) -> None:
    expected = "`filter: {blogPage: ...}` filters BlogPage fields: list only that type with "
    expected += "`type: [BLOG_PAGE]`."
    for types in (None, ["BLOG_PAGE", "HOME_PAGE"], ["HOME_PAGE"], ["GENERIC_PAGE"]):
        error = _error(anonymous, type=types, filter={"blogPage": {"featured": True}})
        assert error == {"message": expected, "code": "BAD_USER_INPUT", "argument": "filter"}


# ---- hostile input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"search": "graph\x00ql"}, "search"),
        ({"slug": "hello\x00"}, "slug"),
        ({"path": "/blog/\x00/"}, "path"),
        ({"childOf": "/blog/\x00/"}, "childOf"),
        ({"site": "local\x00host"}, "site"),
        ({"locale": "e\x00n"}, "locale"),
        ({"type": ["BLOG_PAGE"], "filter": {"blogPage": {"tags": ["a\x00"]}}}, "filter"),
    ],
)
def test_nul_characters_are_refused_not_crashed_on(
    anonymous: Any, seeded: Any, variables: dict[str, Any], argument: str
) -> None:
    error = _error(anonymous, **variables)
    assert error == {
        "message": f"`{argument}` cannot contain NUL characters.",
        "code": "BAD_USER_INPUT",
        "argument": argument,
    }


def test_the_refused_list_errors_md_shows_is_what_a_client_gets(
    anonymous: Any, seeded: Any
) -> None:
    """docs/errors.md shows this response in full (a refused request is not run there)."""
    response = anonymous.post("{ pages(order: [RANDOM], offset: 20) { totalCount } }")
    assert response.body == {
        "data": None,
        "errors": [
            {
                "message": "RANDOM order cannot be paged: every request draws anew, "
                "so leave out `offset`.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["pages"],
                "extensions": {"code": "BAD_USER_INPUT", "argument": "order"},
            }
        ],
    }


#: Search texts that break a search backend's query syntax if passed on unescaped.
HOSTILE_SEARCHES = [
    '"', '"unterminated', "'", "''", "*", "a*", "(", ")", "NEAR(", "-", "^", ":", "title:x",
    "AND", "OR", "NOT", "a OR", "a & b", "a | b", "!a", "a:*", "<->", "\\", "%", "_", "{",
    "[", "+", "~", ";--", "🙂", "\u200b", "x" * 5000,
]  # fmt: skip


@pytest.mark.parametrize("operator", ["AND", "OR"])
def test_hostile_search_texts_are_searched_not_crashed_on(
    anonymous: Any, seeded: Any, operator: str
) -> None:
    query = """
    query($s: String, $o: SearchOperator) {
      pages(search: $s, searchOperator: $o) { totalCount }
      people(search: $s, searchOperator: $o) { totalCount }
    }
    """
    for text in HOSTILE_SEARCHES:
        response = anonymous.post(query, {"s": text, "o": operator})
        assert "errors" not in response.body, (text, response.body)
    found = anonymous.execute(query, {"s": '"hello" "graphql"', "o": operator})
    assert found["pages"]["totalCount"] == 1


def test_a_search_has_at_most_32_words(anonymous: Any, seeded: Any) -> None:
    words = " ".join(f"w{n}" for n in range(32))
    assert _pages(anonymous, search=words)["totalCount"] == 0
    error = _error(anonymous, search=f"{words} one-more")
    assert error == {
        "message": "`search` has 33 words; at most 32 are searched.",
        "code": "BAD_USER_INPUT",
        "argument": "search",
    }


def test_a_blank_search_with_an_operator_is_no_search(anonymous: Any, seeded: Any) -> None:
    """A search form sends its operator with an empty box: the whole list, no error."""
    assert _ids(anonymous, search="", searchOperator="OR") == _ids(anonymous)


def test_a_field_is_sorted_by_once(anonymous: Any, seeded: Any) -> None:
    """Repeated keys could only contradict each other, and make the ORDER BY grow
    without bound (SQLite refuses more than 2000 terms)."""
    error = _error(anonymous, order=["TITLE_ASC", "ID_DESC", "TITLE_DESC"])
    assert error == {
        "message": "TITLE_DESC sorts by a field an earlier key sorts by already.",
        "code": "BAD_USER_INPUT",
        "argument": "order",
    }
    assert _error(anonymous, order=["ID_ASC"] * 3000)["argument"] == "order"


def test_a_filter_names_at_most_20_tags(anonymous: Any, seeded: Any) -> None:
    """Each tag is a join; SQLite joins at most 64 tables."""
    tags = ["graphql"] * 100 + [f"tag-{n}" for n in range(19)]  # 20 distinct tags
    listing = _pages(anonymous, type=["BLOG_PAGE"], filter={"blogPage": {"tags": tags}})
    assert listing["totalCount"] == 0
    error = _error(
        anonymous, type=["BLOG_PAGE"], filter={"blogPage": {"tags": [*tags, "one-more"]}}
    )
    assert error == {
        "message": "A filter names 21 tags; at most 20 are allowed.",
        "code": "BAD_USER_INPUT",
        "argument": "filter",
    }


def test_a_type_named_many_times_is_one_type(anonymous: Any, seeded: Any) -> None:
    hello, writing = seeded.posts[0].pk, seeded.posts[1].pk
    types = ["BLOG_PAGE"] * 500
    assert _ids(anonymous, type=types, order=["BLOG_PAGE_DATE_DESC"]) == [writing, hello]
