"""The endpoint: CSRF for session users, GET rules, GraphiQL, and the request safety limits."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from blog.models import Category
from tests.conftest import ENDPOINT, GraphQLClient

CREATE = 'mutation { createCategory(input: {name: "Events", slug: "events"}) { errors { code } } }'
VIEWER = "{ viewer { isAuthenticated user { displayName } } }"


def _csrf_browser(user: Any) -> tuple[Client, str]:
    """A logged-in browser that enforces CSRF, and its ``csrftoken`` cookie value."""
    browser = Client(enforce_csrf_checks=True)
    browser.get("/admin/login/")  # the login form sets the CSRF cookie
    browser.force_login(user)
    return browser, browser.cookies["csrftoken"].value


def _post(client: Client, query: str, **headers: Any) -> Any:
    return client.post(
        ENDPOINT,
        data=json.dumps({"query": query}),
        content_type="application/json",
        **headers,
    )


# ---- CSRF -----------------------------------------------------------------------------


def test_session_post_without_csrf_token_is_refused(seeded: Any) -> None:
    browser, _ = _csrf_browser(seeded.users["editor"])
    response = _post(browser, CREATE)
    assert response.status_code == 403
    assert "CSRF" in response.json()["errors"][0]["message"]
    assert not Category.objects.filter(slug="events").exists()


def test_session_post_query_without_csrf_token_is_refused_too(seeded: Any) -> None:
    browser, _ = _csrf_browser(seeded.users["editor"])
    assert _post(browser, VIEWER).status_code == 403


def test_session_post_with_a_wrong_csrf_token_is_refused(seeded: Any) -> None:
    browser, _ = _csrf_browser(seeded.users["editor"])
    response = _post(browser, CREATE, HTTP_X_CSRFTOKEN="x" * 32)
    assert response.status_code == 403
    assert not Category.objects.filter(slug="events").exists()


def test_session_post_with_the_csrf_token_works(seeded: Any) -> None:
    browser, token = _csrf_browser(seeded.users["editor"])
    response = _post(browser, CREATE, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json()["data"]["createCategory"]["errors"] == []
    assert Category.objects.filter(slug="events").exists()


def test_bearer_token_post_is_not_csrf_checked(seeded: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    client = GraphQLClient(seeded.tokens["editor"], client=browser)
    assert client.execute(CREATE)["createCategory"]["errors"] == []
    assert Category.objects.filter(slug="events").exists()


def test_bearer_token_post_from_a_logged_in_browser_is_not_csrf_checked(seeded: Any) -> None:
    browser, _ = _csrf_browser(seeded.users["admin"])
    client = GraphQLClient(seeded.tokens["editor"], client=browser)
    assert client.execute(VIEWER)["viewer"]["user"] == {"displayName": "editor"}


def test_anonymous_post_needs_no_csrf_token(seeded: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    response = _post(browser, VIEWER)
    assert response.status_code == 200
    assert response.json()["data"]["viewer"]["isAuthenticated"] is False


# ---- GET -------------------------------------------------------------------------------


def test_queries_work_over_get(anonymous: Any, seeded: Any) -> None:
    response = Client().get(ENDPOINT, {"query": '{ page(path: "/blog/") { title } }'})
    assert response.status_code == 200
    assert response.json()["data"]["page"] == {"title": "Blog"}


def test_a_mutation_over_get_is_refused(seeded: Any) -> None:
    browser = Client()
    browser.force_login(seeded.users["editor"])
    response = browser.get(ENDPOINT, {"query": CREATE})
    assert response.status_code == 400
    assert b"not allowed when using GET" in response.content
    assert not Category.objects.filter(slug="events").exists()


def test_a_mutation_over_get_with_a_token_is_refused(seeded: Any) -> None:
    response = Client().get(
        ENDPOINT, {"query": CREATE}, HTTP_AUTHORIZATION=f"Bearer {seeded.tokens['editor']}"
    )
    assert response.status_code == 400
    assert not Category.objects.filter(slug="events").exists()


def test_other_methods_are_refused(db: Any) -> None:
    assert Client().put(ENDPOINT, data="{}", content_type="application/json").status_code == 405


def test_batched_requests_are_refused(seeded: Any) -> None:
    body = json.dumps([{"query": CREATE}, {"query": CREATE}])
    response = Client().post(
        ENDPOINT,
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {seeded.tokens['editor']}",
    )
    assert response.status_code == 400
    assert not Category.objects.filter(slug="events").exists()


# ---- GraphiQL --------------------------------------------------------------------------


def test_browser_get_serves_graphiql_when_enabled(db: Any) -> None:
    response = Client().get(ENDPOINT, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"graphiql" in response.content.lower()


@override_settings(WAGTAIL_GRAPHQL_WRITE={"GRAPHIQL": False})
def test_browser_get_does_not_serve_graphiql_when_disabled(db: Any) -> None:
    response = Client().get(ENDPOINT, HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert b"graphiql" not in response.content.lower()


@override_settings(WAGTAIL_GRAPHQL_WRITE={})
def test_graphiql_is_off_by_default(db: Any) -> None:
    assert Client().get(ENDPOINT, HTTP_ACCEPT="text/html").status_code == 404


# ---- limits ----------------------------------------------------------------------------


def _creates(count: int) -> str:
    """``count`` aliased ``createCategory`` fields (slugs c0, c1, ...)."""
    return " ".join(
        f'c{n}: createCategory(input: {{name: "C{n}", slug: "c{n}"}}) {{ errors {{ code }} }}'
        for n in range(count)
    )


def _errors(client: GraphQLClient, query: str) -> list[str]:
    response = client.post(query)
    assert response.status == 200
    assert response.body.get("data") is None
    return [error["message"] for error in response.body["errors"]]


DEEP = "{ pages { items { ... on BlogPage { authors { person { image { title } } } } } } }"


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_DEPTH": 4})
def test_a_query_deeper_than_max_depth_is_refused(anonymous: GraphQLClient, seeded: Any) -> None:
    messages = _errors(anonymous, DEEP)
    assert any("exceeds maximum operation depth" in m for m in messages), messages
    shallow = anonymous.execute("{ pages { items { id } } }")
    assert shallow["pages"]["items"]


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_DEPTH": 6})
def test_a_query_within_max_depth_runs(anonymous: GraphQLClient, seeded: Any) -> None:
    assert anonymous.execute(DEEP)["pages"]["items"]


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_MUTATIONS": 2})
def test_more_mutations_than_max_mutations_are_refused_and_none_runs(seeded: Any) -> None:
    client = GraphQLClient(seeded.tokens["editor"])
    messages = _errors(client, f"mutation {{ {_creates(3)} }}")
    assert any("3 mutations" in m and "at most 2" in m for m in messages), messages
    assert not Category.objects.filter(slug__in=["c0", "c1", "c2"]).exists()
    client.execute(f"mutation {{ {_creates(2)} }}")
    assert Category.objects.filter(slug__in=["c0", "c1"]).count() == 2


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_ALIASES": 2})
def test_more_aliases_than_max_aliases_are_refused(anonymous: GraphQLClient, db: Any) -> None:
    messages = _errors(
        anonymous,
        "{ a: viewer { isAuthenticated } b: viewer { isAuthenticated }"
        " c: viewer { isAuthenticated } }",
    )
    assert any("aliases" in m for m in messages), messages


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_TOKENS": 10})
def test_more_tokens_than_max_tokens_are_refused(anonymous: GraphQLClient, db: Any) -> None:
    messages = _errors(
        anonymous,
        "{ viewer { isAuthenticated isSuperuser canAccessAdmin "
        "permissions user { id displayName } } }",
    )
    assert any("tokens" in m for m in messages), messages


@override_settings(WAGTAIL_GRAPHQL_WRITE={"INTROSPECTION": False})
def test_introspection_can_be_switched_off(anonymous: GraphQLClient, db: Any) -> None:
    messages = _errors(anonymous, "{ __schema { queryType { name } } }")
    assert any("introspection" in m.lower() for m in messages), messages
    assert anonymous.execute("{ __typename }") == {"__typename": "Query"}


def test_introspection_is_on_by_default(anonymous: GraphQLClient, db: Any) -> None:
    data = anonymous.execute("{ __schema { queryType { name } } }")
    assert data == {"__schema": {"queryType": {"name": "Query"}}}


def test_a_malformed_document_is_a_graphql_error(anonymous: GraphQLClient, db: Any) -> None:
    response = anonymous.post("{ viewer { ")
    assert response.status == 200
    assert response.body["errors"][0]["message"].startswith("Syntax Error")
    assert "Traceback" not in json.dumps(response.body)


@pytest.mark.parametrize(
    "template",
    ["mutation { ...M } fragment M on Mutation { %s }", "mutation { ... on Mutation { %s } }"],
    ids=["fragment-spread", "inline-fragment"],
)
@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_MUTATIONS": 2})
def test_max_mutations_counts_mutations_inside_fragments(template: str, seeded: Any) -> None:
    client = GraphQLClient(seeded.tokens["editor"])
    response = client.post(template % _creates(3))
    assert not Category.objects.filter(slug__in=["c0", "c1", "c2"]).exists()
    assert response.body.get("data") is None
