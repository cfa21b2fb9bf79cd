"""GraphQL over HTTP: every answer is JSON a GraphQL client can read.

Apollo Client and urql read ``{"errors": [...]}`` from any response; Strawberry's own
view answers a malformed request with ``text/plain`` (which they cannot read), and a
body that is not a JSON object, invalid UTF-8, or JSON nested 100,000 deep makes it
raise (HTTP 500). Here each of those is a 4xx with a JSON body, following the
GraphQL-over-HTTP spec: ``application/graphql-response+json`` when the client accepts
it (and then a request error, one that stops the operation before it runs, is HTTP
400), ``application/json`` otherwise (HTTP 200 for request errors, as before the spec).
"""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException
from django.http import HttpRequest, HttpResponse

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def response_type(request: HttpRequest) -> str:
    """The media type to answer with: the spec's own when the client lists it."""
    return GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in request.headers.get("Accept", "") else JSON


def error_response(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """A transport-level failure as a GraphQL response body: ``{"errors": [...]}``."""
    body = json.dumps({"errors": [{"message": message}]})
    content_type = f"{response_type(request)}; charset=utf-8"
    return HttpResponse(body, status=status, content_type=content_type)


def decode_request_json(data: str | bytes) -> Any:
    """A request body (or a ``variables``/``extensions`` query parameter) as JSON.

    Refuses what Strawberry would crash on: invalid UTF-8, nesting too deep for
    Python's parser, and a top-level value that is not an object (or a list, which
    Strawberry answers itself as a batch); and strings no database can store.
    """
    try:
        value = json.loads(data)
    except UnicodeDecodeError as exc:
        raise HTTPException(400, "The request body is not valid UTF-8.") from exc
    except RecursionError as exc:
        raise HTTPException(400, "The request body's JSON is nested too deeply.") from exc
    if not isinstance(value, dict | list):
        raise HTTPException(400, "The request body must be a JSON object.")
    _refuse_lone_surrogates(value)
    return value


def _refuse_lone_surrogates(value: Any) -> None:
    """JSON's ``"\\ud800"`` decodes to a string no database (nor UTF-8) can hold; found
    here, it is the client's mistake rather than an ``UnicodeEncodeError`` deep in a save."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        surrogate = exc.object[exc.start : exc.end].encode("unicode_escape").decode()
        raise HTTPException(
            400, f"The request contains a lone surrogate ({surrogate}), not text."
        ) from exc


def is_request_error(response_data: Any) -> bool:
    """A response whose operation never ran: no data, and errors without a path
    (parse, validation, variable and operation-name errors). A field error always has
    a path, even when it nulls ``data``."""
    if not isinstance(response_data, dict) or response_data.get("data") is not None:
        return False
    errors = response_data.get("errors") or ()
    return bool(errors) and all("path" not in error for error in errors)
