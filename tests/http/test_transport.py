"""Malformed requests get a 4xx with a JSON ``{"errors": [...]}`` body that Apollo and
urql can read, following the GraphQL-over-HTTP spec; nothing is a 500 or an HTML page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from blog.models import Category

ENDPOINT = "/graphql/"
GRAPHQL_RESPONSE = "application/graphql-response+json"
CREATE = (
    'mutation { createCategory(input: {name: "Events", slug: "events"}) { errors { message } } }'
)


def _post(body: bytes | str, accept: str | None = None, **headers: str) -> Any:
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    client = Client(raise_request_exception=False)
    return client.post(ENDPOINT, data=body, content_type="application/json", **headers)


def _errors(response: Any) -> list[str]:
    assert response["Content-Type"].split(";")[0] in ("application/json", GRAPHQL_RESPONSE)
    return [error["message"] for error in json.loads(response.content)["errors"]]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"42", "The request body must be a JSON object."),
        (b'"x"', "The request body must be a JSON object."),
        (b"null", "The request body must be a JSON object."),
        (b"\xff\xfe{", "The request body is not valid UTF-8."),
        (b"{not json", "Unable to parse request body as JSON"),
        (
            b'{"query": "{ viewer { isSuperuser } }", "variables": {"a": '
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}}",
            "The request body's JSON is nested too deeply.",
        ),
        (
            b'{"query": 42}',
            "The GraphQL operation's `query` must be a string or null, if provided.",
        ),
        (b"{}", "No GraphQL query found in the request"),
    ],
)
def test_a_malformed_body_is_a_400_with_a_json_error(body: bytes, message: str, db: Any) -> None:
    response = _post(body)
    assert response.status_code == 400
    assert _errors(response) == [message]


def test_a_lone_surrogate_in_variables_is_a_400(db: Any) -> None:
    """JSON allows ``"\\ud800"``; no database can store it, so it never reaches one."""
    body = (
        '{"query": "query ($s: String!) { page(path: $s) { id } }", "variables": {"s": "\\ud800"}}'
    )
    response = _post(body)
    assert response.status_code == 400
    assert _errors(response) == ["The request contains a lone surrogate (\\ud800), not text."]


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_over_the_size_limit_is_a_413_with_json(db: Any) -> None:
    body = json.dumps({"query": "{ viewer { isSuperuser } }", "variables": {"x": "y" * 2000}})
    response = _post(body)
    assert response.status_code == 413
    assert _errors(response) == ["The request body is larger than this server accepts."]


def test_errors_use_the_spec_media_type_when_the_client_accepts_it(db: Any) -> None:
    response = _post(b"42", accept=f"{GRAPHQL_RESPONSE}, application/json;q=0.9")
    assert response.status_code == 400
    assert response["Content-Type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"


def test_a_request_error_is_400_for_graphql_response_json_and_has_no_data(db: Any) -> None:
    """Spec: a request error (here validation) under ``application/graphql-response+json``
    is a 4xx, and a response to a request error has no ``data`` entry."""
    body = json.dumps({"query": "{ nothing }"})
    spec = _post(body, accept=GRAPHQL_RESPONSE)
    assert spec.status_code == 400
    assert spec["Content-Type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert "data" not in json.loads(spec.content)
    legacy = _post(body, accept="application/json")
    assert legacy.status_code == 200
    assert "data" not in json.loads(legacy.content)


def test_a_field_error_is_200_even_for_graphql_response_json(seeded: Any) -> None:
    """The operation ran: the spec keeps such a response 2xx, with its ``data``."""
    body = json.dumps({"query": '{ page(id: "1") { id } a: page(id: "x") { id } }'})
    response = _post(body, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert "data" in json.loads(response.content)


def test_a_successful_query_uses_the_spec_media_type_when_accepted(db: Any) -> None:
    body = json.dumps({"query": "{ viewer { isSuperuser } }"})
    response = _post(body, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert json.loads(response.content) == {"data": {"viewer": {"isSuperuser": False}}}


def test_several_operations_without_operation_name_run_none(seeded: Any) -> None:
    """Strawberry used to run the first operation, even a mutation."""
    named = CREATE.replace("mutation {", "mutation M {")
    body = json.dumps({"query": f"{named} query Q {{ viewer {{ isSuperuser }} }}"})
    response = _post(body, HTTP_AUTHORIZATION=f"Bearer {seeded.tokens['editor']}")
    assert _errors(response) == [
        "This document has several operations: say which one to run with operationName."
    ]
    assert not Category.objects.filter(slug="events").exists()


def test_several_operations_with_an_operation_name_run_that_one(seeded: Any) -> None:
    document = (
        f"mutation M {CREATE.removeprefix('mutation ')} query Q {{ viewer {{ isSuperuser }} }}"
    )
    body = json.dumps({"query": document, "operationName": "Q"})
    response = _post(body, HTTP_AUTHORIZATION=f"Bearer {seeded.tokens['editor']}")
    assert json.loads(response.content) == {"data": {"viewer": {"isSuperuser": False}}}
    assert not Category.objects.filter(slug="events").exists()


def test_a_csrf_failure_is_json(seeded: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(seeded.users["editor"])
    response = browser.post(
        ENDPOINT, data=json.dumps({"query": CREATE}), content_type="application/json"
    )
    assert response.status_code == 403
    assert _errors(response)[0].startswith("CSRF verification failed")


def test_strawberrys_own_refusals_are_json_too(seeded: Any) -> None:
    """Mutation over GET, an unsupported content type, a batch: Strawberry answers these
    with ``text/plain``, which clients cannot read."""
    get = Client().get(ENDPOINT, {"query": CREATE})
    assert get.status_code == 400
    assert _errors(get) == ["mutations are not allowed when using GET"]
    text = Client().post(ENDPOINT, data="{ viewer { isSuperuser } }", content_type="text/plain")
    assert text.status_code == 400
    assert _errors(text) == ["Unsupported content type"]
    batch = _post(json.dumps([{"query": CREATE}]))
    assert batch.status_code == 400
    assert _errors(batch) == ["Batching is not enabled"]
    assert not Category.objects.filter(slug="events").exists()
