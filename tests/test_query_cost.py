"""The static query cost limit (``cost.py``) and the operationName rule, over HTTP."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage
from tests.conftest import ENDPOINT, GraphQLClient

#: The issue's query: under the depth limit, yet 100 x 100 revision contents.
REVISIONS_OF_REVISIONS = """
{ a: pages(limit: 100) { items { ... on DraftState { revisions(limit: 100) { items {
  ... on PageRevision { content { title } } } } } } }
  b: pages(limit: 100) { items { ... on DraftState { revisions(limit: 100) { items {
  ... on PageRevision { content { title } } } } } } } }
"""


def _refusal(response: Any) -> dict[str, Any]:
    assert response.status == 200
    assert response.body.get("data") is None, response.body
    [error] = response.body["errors"]
    return error


def _cost(client: GraphQLClient, query: str, variables: dict[str, Any] | None = None) -> int:
    """The cost the server computes, read from its refusal under MAX_QUERY_COST = 0."""
    error = _refusal(client.post(query, variables))
    match = re.search(r"costs (\d+); at most 0 is allowed", error["message"])
    assert match, error
    return int(match.group(1))


def test_revisions_of_revisions_are_refused_before_any_sql(editor: GraphQLClient) -> None:
    with CaptureQueriesContext(connection) as queries:
        error = _refusal(editor.post(REVISIONS_OF_REVISIONS))
    assert re.search(r"costs \d+; at most 10000 is allowed \(MAX_QUERY_COST\)", error["message"])
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] > 1_000_000
    touched = [
        q["sql"] for q in queries if "wagtailcore_page" in q["sql"] or "revision" in q["sql"]
    ]
    assert touched == []


def test_a_cheap_page_listing_runs(editor: GraphQLClient) -> None:
    assert editor.execute("{ pages(limit: 100) { items { title } } }")["pages"]["items"]


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 0})
def test_a_paged_list_multiplies_its_items_by_the_clamped_limit(editor: GraphQLClient) -> None:
    # pages 1 + items 1 + limit x title 1
    assert _cost(editor, "{ pages(limit: 7) { items { title } } }") == 9
    assert _cost(editor, "{ pages { totalCount items { title } } }") == 23  # DEFAULT_LIMIT 20
    assert _cost(editor, "{ pages(limit: 100000) { items { title } } }") == 102  # MAX_LIMIT
    assert _cost(editor, "{ pages(limit: -5) { items { title } } }") == 2


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 0})
def test_a_variable_limit_counts_the_value_sent(editor: GraphQLClient) -> None:
    query = "query ($n: Int) { pages(limit: $n) { items { title } } }"
    assert _cost(editor, query, {"n": 3}) == 5
    assert _cost(editor, query, {"n": None}) == 22
    assert _cost(editor, query, {}) == 22
    defaulted = "query ($n: Int = 4) { pages(limit: $n) { items { title } } }"
    assert _cost(editor, defaulted, {}) == 6


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 0})
def test_expensive_fields_cost_more(editor: GraphQLClient) -> None:
    revision_content = '{ revision(id: "1") { ... on PageRevision { content { title } } } }'
    assert _cost(editor, revision_content) == 1 + 50 + 1
    rich_text = '{ page(id: "5") { ... on BlogPage { intro(format: HTML) } } }'
    assert _cost(editor, rich_text) == 1 + 3
    stream = '{ page(id: "5") { ... on BlogPage { body { blockId } } } }'
    assert _cost(editor, stream) == 1 + 5 + 10 * 1  # an unpaged list counts 10 items


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 0})
def test_fragments_are_counted_and_the_costliest_type_wins(editor: GraphQLClient) -> None:
    named = "{ ...F } fragment F on Query { pages(limit: 2) { items { title } } }"
    assert _cost(editor, named) == 4
    twice = "{ ...F a: pages(limit: 2) { items { ...G } } } " + (
        "fragment F on Query { pages(limit: 2) { items { ...G } } } fragment G on Page { title }"
    )
    assert _cost(editor, twice) == 8
    # One object is one type: a BlogPage costs intro 3 + date 1, a HomePage title 1.
    typed = (
        "{ pages(limit: 1) { items { ... on BlogPage { intro date } ... on HomePage { title } } } }"
    )
    assert _cost(editor, typed) == 1 + 1 + 4


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 1})
def test_introspection_is_free(editor: GraphQLClient) -> None:
    data = editor.execute("{ __schema { types { name fields { name args { name } } } } }")
    assert data["__schema"]["types"]


def test_fragments_that_multiply_a_short_document_are_refused_quickly(
    editor: GraphQLClient,
) -> None:
    levels = 24
    fragments = " ".join(
        f"fragment F{i} on Page {{ title ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    query = f'{{ page(id: "5") {{ ...F0 }} }} {fragments} fragment F{levels} on Page {{ id }}'
    started = time.monotonic()
    error = _refusal(editor.post(query))
    assert time.monotonic() - started < 5
    assert "more than 20000 fields once its fragments are expanded" in error["message"]


# ---- several operations ---------------------------------------------------------------

TWO_OPERATIONS = """
mutation Rename($id: ID!) { updateBlogPage(id: $id, input: {title: "Renamed"}) { errors { code } } }
query Read($id: ID!) { page(id: $id) { title } }
"""


def _post(token: str, body: dict[str, Any]) -> Any:
    """POST ``body`` (with the first post's id as ``$id``) as the token's user."""
    variables = {"id": str(_first_post().pk)}
    response = Client().post(
        ENDPOINT,
        data=json.dumps({**body, "variables": variables}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    return response.json()


def _first_post() -> BlogPage:
    post = BlogPage.objects.order_by("pk").first()
    assert post is not None
    return post


def test_several_operations_without_operation_name_run_none(seeded: Any) -> None:
    body = _post(seeded.tokens["editor"], {"query": TWO_OPERATIONS})
    assert body.get("data") is None
    assert "operationName" in body["errors"][0]["message"]
    assert _first_post().get_latest_revision_as_object().title != "Renamed"


def test_several_operations_run_the_named_one(seeded: Any) -> None:
    body = _post(seeded.tokens["editor"], {"query": TWO_OPERATIONS, "operationName": "Read"})
    assert "errors" not in body, body
    assert body["data"]["page"]["title"] != "Renamed"
    assert _first_post().get_latest_revision_as_object().title != "Renamed"


def test_one_operation_needs_no_operation_name(seeded: Any) -> None:
    query = "query Read($id: ID!) { page(id: $id) { title } }"
    body = _post(seeded.tokens["editor"], {"query": query})
    assert "errors" not in body, body
