"""Parsed and validated documents are remembered (``limits/documents.py``), safely.

A document's parse and its validation by the document-only rules are reused; the rules
that read the request (the cost of ``limit: $n``, operationName) still run every time,
and errors are never reused.
"""

from __future__ import annotations

import json
from typing import Any

from django.test import override_settings
from graphql import GraphQLError

from tests.conftest import GraphQLClient
from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.limits import schema_extensions
from wagtail_graphql_write.limits.documents import CachedDocuments, DocumentCache
from wagtail_graphql_write.schema import get_schema

PAGED = "query P($n: Int) { pages(limit: $n) { items { title } } }"


def _document_cache() -> DocumentCache:
    schema = get_schema()
    extensions = [factory() for factory in schema.extensions]  # type: ignore[operator]
    [cached] = [e for e in extensions if isinstance(e, CachedDocuments)]
    return cached.cache


def test_a_document_is_parsed_once_and_reused(editor: GraphQLClient) -> None:
    options = {"max_tokens": get_settings()["MAX_TOKENS"]}
    editor.execute(PAGED, {"n": 1})
    cache = _document_cache()
    first = cache.document(PAGED, options)
    editor.execute(PAGED, {"n": 2})
    assert cache.document(PAGED, options) is first


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_QUERY_COST": 50})
def test_the_cost_of_a_remembered_document_follows_its_variables(editor: GraphQLClient) -> None:
    assert editor.execute(PAGED, {"n": 3})["pages"]["items"]
    refused = editor.post(PAGED, {"n": 100})
    assert refused.body.get("data") is None
    assert refused.body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert editor.execute(PAGED, {"n": 3})["pages"]["items"]


def _post(client: GraphQLClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.client.post(
        "/graphql/",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {client.token}",
    )
    return dict(response.json())


def test_operation_name_is_still_required_for_a_remembered_document(editor: GraphQLClient) -> None:
    document = "query A { viewer { isAuthenticated } } query B { viewer { isSuperuser } }"
    named = _post(editor, {"query": document, "operationName": "A"})
    assert named == {"data": {"viewer": {"isAuthenticated": True}}}
    unnamed = _post(editor, {"query": document})
    assert unnamed.get("data") is None
    assert "operationName" in unnamed["errors"][0]["message"]


def test_invalid_documents_report_their_errors_every_time(editor: GraphQLClient) -> None:
    bad = "{ pages { items { noSuchField } } }"
    first = editor.post(bad).body["errors"]
    second = editor.post(bad).body["errors"]
    assert first == second
    assert "noSuchField" in first[0]["message"]


def test_syntax_errors_are_reported_as_before(editor: GraphQLClient) -> None:
    response = editor.post("{ pages { ")
    assert response.body["errors"][0]["message"].startswith("Syntax Error")


def test_the_cache_is_bounded() -> None:
    cache = DocumentCache(maxsize=2)
    first = cache.document("{ a }", {})
    cache.document("{ b }", {})
    cache.document("{ c }", {})
    assert cache.document("{ a }", {}) is not first  # forgotten, parsed again
    cache.mark_valid(("{ a }", ()))
    for query in ("{ b }", "{ c }", "{ d }"):
        cache.mark_valid((query, ()))
    assert not cache.is_valid(("{ a }", ()))
    assert cache.is_valid(("{ d }", ()))


def test_a_syntax_error_is_not_remembered() -> None:
    cache = DocumentCache()
    try:
        cache.document("{ a ", {})
    except GraphQLError:
        pass
    else:
        raise AssertionError("a syntax error must raise")
    assert cache.document("{ a }", {}) is cache.document("{ a }", {})


def test_rules_are_built_once_per_schema(db: Any) -> None:
    factories = schema_extensions()
    first = [rule for f in factories for rule in getattr(f(), "validation_rules", [])]
    second = [rule for f in factories for rule in getattr(f(), "validation_rules", [])]
    assert first and first == second
