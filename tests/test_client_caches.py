"""Normalising client caches are correct with their default configuration (issue 11).

Apollo Client's ``InMemoryCache`` and urql's Graphcache key every object that has an
``id`` by ``__typename`` + ``id``. ``tests/codegen/client-caches.mjs`` runs both, with
no cache configuration, against this live server as the seeded admin: it copies a post
(the copy keeps every block id), edits the copy's blocks and author rows in a draft,
publishes it, and reads its revisions with their content. It fails unless every
result each client returns equals what the server sent for that operation, and every
query read back from the cache alone equals what the server answers to it afterwards.

Before blocks were ``blockId``, rows ``rowId`` and revision content a
``<Model>RevisionContent`` without ``id``, Apollo returned the copy's heading for the
original and one title for every revision, and Graphcache merged the revisions into
the page. A real HTTP server is needed (the clients are Node processes), so this test
uses pytest-django's ``live_server`` on a transactional database, with
``serialized_rollback`` as the other transactional tests, so the database is restored
as migrated for the tests that follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.npm import REPO, ensure_installed, node_env, require_tool, run

CODEGEN_DIR = REPO / "tests" / "codegen"
STEP_TIMEOUT = 180
WHY = "tests/test_client_caches.py runs real GraphQL clients (Apollo Client, urql)"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_apollo_and_graphcache_return_what_the_server_sent(
    live_server: Any, tmp_path: Path
) -> None:
    from blog.seeding import seed_site
    from wagtail_graphql_write.schema import build_schema

    node = require_tool("node", WHY)
    seeded = seed_site()
    schema_path = tmp_path / "schema.graphql"
    schema_path.write_text(build_schema().schema.as_str(), encoding="utf-8")
    env = node_env(
        GRAPHQL_URL=f"{live_server.url}/graphql/",
        TOKEN=seeded.tokens["admin"],
        SCHEMA_PATH=str(schema_path),
    )
    ensure_installed(CODEGEN_DIR, WHY)

    output = run([node, "client-caches.mjs"], cwd=CODEGEN_DIR, env=env, timeout=STEP_TIMEOUT).stdout

    assert "ok - Apollo InMemoryCache" in output, output
    assert "ok - urql Graphcache" in output, output
