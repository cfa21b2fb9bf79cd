"""List reads cost a number of SQL queries that does not grow with the number of rows.

Acceptance criterion: ``pages(limit: 10)`` and ``pages(limit: 100)`` run the same
number of queries for a selection spanning several page types and their relations.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage, BlogPageAuthor

#: Selects interface fields, and per-type fields backed by every kind of relation.
LIST = """
query List($limit: Int) {
  pages(limit: $limit) {
    totalCount
    items {
      __typename id title url locale
      ... on BlogPage {
        date tags readingLevel
        authors { role person { displayTitle } }
        categories { name }
        feedImage { title }
      }
      ... on BlogIndexPage { intro }
      ... on HomePage { intro }
    }
  }
}
"""

#: The same relations through a named fragment (selections are read from fragments too).
LIST_WITH_FRAGMENT = """
fragment Post on BlogPage {
  tags authors { role person { displayTitle } } categories { name } feedImage { title }
}
query List($limit: Int) { pages(limit: $limit) { items { __typename id ...Post } } }
"""

#: A relation selected through an interface fragment rather than a concrete type.
LOCKED_BY = """
query List($limit: Int) {
  pages(limit: $limit) {
    items { __typename id ... on Lockable { locked lockedBy { displayName } } }
  }
}
"""

PEOPLE = """
query People($limit: Int) {
  people(limit: $limit) { items { id displayTitle image { title } } }
}
"""

#: Enough live posts that ``limit: 100`` is full (plus Home and the blog index).
EXTRA_POSTS = 100


def _add_posts(seeded: Any, count: int) -> None:
    """Live posts with tags, categories, a feed image and two authors each."""
    people = list(seeded.people.values())
    categories = list(seeded.categories.values())
    for n in range(count):
        post = BlogPage(title=f"Post {n}", slug=f"post-{n}", live=True, feed_image=seeded.image)
        post.tags.add(f"tag-{n % 3}", "common")
        post.categories = categories
        post.authors = [
            BlogPageAuthor(person=people[0], role="Author"),
            BlogPageAuthor(person=people[1], role="Reviewer"),
        ]
        seeded.index.add_child(instance=post)


def _run(client: Any, query: str, limit: int) -> tuple[int, list[dict[str, Any]], list[str]]:
    """Run ``query`` and capture its SQL, after a warm-up request.

    The warm-up absorbs one-off work that is not per row: the token's ``last_used_at``
    update (at most once a minute) and Wagtail's cached site root paths.
    """
    client.post(query, {"limit": 1})
    with CaptureQueriesContext(connection) as captured:
        response = client.post(query, {"limit": limit})
    data = response.data
    items = next(iter(data.values()))["items"]
    return len(captured), items, [q["sql"] for q in captured.captured_queries]


@pytest.fixture
def many_posts(seeded: Any) -> Any:
    _add_posts(seeded, EXTRA_POSTS)
    return seeded


def _explain(small: list[str], large: list[str]) -> str:
    """The statements the larger list ran more often: the N+1 culprits."""
    from collections import Counter

    extra = Counter(large) - Counter(small)
    return "\n".join(f"{n}x {sql[:300]}" for sql, n in extra.most_common(5))


def test_page_list_costs_the_same_for_10_and_100_items(anonymous: Any, many_posts: Any) -> None:
    small_count, small_items, small_sql = _run(anonymous, LIST, 10)
    large_count, large_items, large_sql = _run(anonymous, LIST, 100)
    assert len(small_items) == 10
    assert len(large_items) == 100
    types = {"HomePage", "BlogIndexPage", "BlogPage"}
    assert {i["__typename"] for i in small_items} == types
    assert {i["__typename"] for i in large_items} == types
    post = next(i for i in large_items if i["title"] == "Post 0")
    assert [a["person"]["displayTitle"] for a in post["authors"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]
    assert post["feedImage"] == {"title": "Sample image"}
    assert small_count == large_count, _explain(small_sql, large_sql)


def test_page_list_through_a_named_fragment_costs_the_same(anonymous: Any, many_posts: Any) -> None:
    small_count, _, small_sql = _run(anonymous, LIST_WITH_FRAGMENT, 10)
    large_count, large_items, large_sql = _run(anonymous, LIST_WITH_FRAGMENT, 100)
    assert len(large_items) == 100
    assert small_count == large_count, _explain(small_sql, large_sql)


def test_relations_selected_through_an_interface_fragment_are_prefetched(
    editor: Any, many_posts: Any
) -> None:
    """``lockedBy`` is for editors (anonymous readers get null, see test_leaks.py)."""
    from wagtail.models import Page

    Page.objects.filter(depth__gt=2).update(locked=True, locked_by=many_posts.users["admin"])
    small_count, _, small_sql = _run(editor, LOCKED_BY, 10)
    large_count, large_items, large_sql = _run(editor, LOCKED_BY, 100)
    assert large_items[-1]["lockedBy"] == {"displayName": "admin"}
    assert small_count == large_count, _explain(small_sql, large_sql)


def test_page_list_query_count_is_bounded(
    anonymous: Any, many_posts: Any, django_assert_max_num_queries: Any
) -> None:
    """A fixed bound: one query per relation per type, plus the list and its count."""
    with django_assert_max_num_queries(25):
        items = anonymous.execute(LIST, {"limit": 100})["pages"]["items"]
    assert len(items) == 100


def test_authenticated_page_list_costs_the_same_for_10_and_100_items(
    editor: Any, many_posts: Any
) -> None:
    small_count, _, small_sql = _run(editor, LIST, 10)
    large_count, large_items, large_sql = _run(editor, LIST, 100)
    assert len(large_items) == 100
    assert small_count == large_count, _explain(small_sql, large_sql)


def test_snippet_list_costs_the_same_for_1_and_many_items(anonymous: Any, seeded: Any) -> None:
    from blog.models import Person

    for n in range(10):
        person = Person(first_name=f"P{n}", last_name="X", image=seeded.image, live=True)
        person.save()
    one_count, one_items, one_sql = _run(anonymous, PEOPLE, 1)
    many_count, many_items, many_sql = _run(anonymous, PEOPLE, 12)
    assert (len(one_items), len(many_items)) == (1, 12)
    assert one_count == many_count, _explain(one_sql, many_sql)


WORKFLOW_STATES = """
query List($limit: Int) {
  pages(limit: $limit) {
    items {
      __typename id
      ... on Workflowable { workflowState { status requestedBy { displayName } workflow { name } } }
    }
  }
}
"""


def test_workflow_states_of_a_list_are_fetched_at_once(editor: Any, many_posts: Any) -> None:
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="Moderators approval")
    for post in BlogPage.objects.filter(title__startswith="Post ")[:60]:
        post.save_revision(user=many_posts.users["editor"])
        workflow.start(post, many_posts.users["editor"])
    small_count, _, small_sql = _run(editor, WORKFLOW_STATES, 10)
    large_count, large_items, large_sql = _run(editor, WORKFLOW_STATES, 100)
    states = [i["workflowState"] for i in large_items if i["workflowState"] is not None]
    assert len(states) == 60
    assert states[0] == {
        "status": "IN_PROGRESS",
        "requestedBy": {"displayName": "editor"},
        "workflow": {"name": "Moderators approval"},
    }
    assert small_count == large_count, _explain(small_sql, large_sql)


def _reader_without_permissions() -> Any:
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken

    from tests.conftest import GraphQLClient

    user = get_user_model().objects.create_user("reader", password="x")
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_hiding_related_objects_costs_no_query_per_item(
    who: str, anonymous: Any, many_posts: Any
) -> None:
    """Unpublished authors read as null, decided in memory for every row of the list."""
    many_posts.people["lovelace"].unpublish(user=many_posts.users["admin"])
    client = anonymous if who == "anonymous" else _reader_without_permissions()
    small_count, _, small_sql = _run(client, LIST, 10)
    large_count, large_items, large_sql = _run(client, LIST, 100)
    post = next(i for i in large_items if i["title"] == "Post 0")
    assert [a["person"] for a in post["authors"]] == [None, {"displayTitle": "Grace Hopper"}]
    assert small_count == large_count, _explain(small_sql, large_sql)


def test_hiding_who_locked_pages_costs_no_query_per_item(many_posts: Any) -> None:
    from wagtail.models import Page

    Page.objects.filter(depth__gt=2).update(locked=True, locked_by=many_posts.users["admin"])
    client = _reader_without_permissions()
    small_count, _, small_sql = _run(client, LOCKED_BY, 10)
    large_count, large_items, large_sql = _run(client, LOCKED_BY, 100)
    assert large_items[-1]["locked"] is True
    assert large_items[-1]["lockedBy"] is None
    assert small_count == large_count, _explain(small_sql, large_sql)
