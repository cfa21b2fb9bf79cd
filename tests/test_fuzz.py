"""Schema-driven fuzzing with schemathesis: generated queries and mutations, as an
anonymous client, an editor and an admin, must never make the server fail.

Every generated document goes through the real endpoint (Django's test client, token
auth, the real database). The run is seeded (``derandomize``) and bounded to fit CI:
``FUZZ_EXAMPLES`` cases per role (default 150). For a release, run it longer, e.g.
``FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/test_fuzz.py -p no:xdist``
(docs/security.md).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import schemathesis.graphql
from graphql import introspection_from_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from tests.conftest import GraphQLClient
from wagtail_graphql_write.schema import build_schema

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))


def _cases() -> st.SearchStrategy[Any]:
    """Any operation of the schema (each root field), with generated arguments.

    ``Upload`` values are strings here: a JSON request can send nothing else in their
    place (files come as multipart parts, tested in tests/media).
    """
    schemathesis.graphql.scalar("Upload", st.text(max_size=20).map(nodes.String))
    introspection = introspection_from_schema(build_schema().schema._schema)
    schema = schemathesis.graphql.from_dict({"data": introspection})
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    return st.sampled_from(operations).flatmap(lambda operation: operation.as_strategy())


def _unexpected(response: Any) -> list[Any]:
    errors = response.body.get("errors") or []
    return [e for e in errors if "errorId" in (e.get("extensions") or {})]


@pytest.mark.parametrize("role", ["anonymous", "editor", "admin"])
def test_generated_requests_never_fail_the_server(role: str, seeded: Any) -> None:
    client = GraphQLClient(seeded.tokens[role] if role != "anonymous" else None)
    failures: list[tuple[str, int, Any]] = []
    answered = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_cases())
    def run(case: Any) -> None:
        document = case.body if isinstance(case.body, str) else json.dumps(case.body)
        response = client.post(document)
        answered.append(response.body.get("data") is not None)
        if response.status >= 500 or _unexpected(response):
            failures.append((document, response.status, response.body.get("errors")))

    run()
    assert failures == [], failures[:3]
    # most documents must be valid and run, or the fuzzing would only test the parser
    assert sum(answered) > len(answered) / 2, f"{sum(answered)} of {len(answered)} ran"
