"""GraphiQL works in a real browser, offline and under a strict CSP.

``tests/browser/graphiql.mjs`` drives Debian's Chromium (playwright-core from npm, no
browser download) through the page of a live test server: it renders, runs a query with
an ``Authorization: Bearer`` header typed into the Headers tab, and runs a mutation as a
logged-in admin whose session needs the CSRF header. Every response gets
``Content-Security-Policy: script-src 'self'`` (and more), and any request to another
origin is aborted and recorded.

Chromium is a requirement of the test command (``scripts/test.sh`` installs Debian's
``chromium`` when it is missing): without it this test fails, it does not skip. Set
``CHROMIUM`` to use another build.
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any

import pytest
from django.test import Client

from blog.models import Category
from tests.npm import REPO, ensure_installed, node_env, require_tool, run

BROWSER_DIR = REPO / "tests" / "browser"
WHY = "tests/http/test_graphiql_browser.py drives GraphiQL in Chromium with playwright-core"
DRIVER_TIMEOUT = 90

QUERY = "query Me { viewer { isAuthenticated user { displayName } } }"
MUTATION = """mutation AddCategory {
  createCategory(input: {name: "From GraphiQL", slug: "from-graphiql"}) {
    snippet { slug }
    errors { message }
  }
}"""


def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if path is None:
        pytest.fail(
            "Chromium is not installed: the GraphiQL browser test needs it "
            "(`apt-get install chromium`, which scripts/test.sh does by itself), "
            "or set CHROMIUM to a Chromium executable.",
            pytrace=False,
        )
    return path


def drive(url: str, token: str, session_cookie: str) -> dict[str, Any]:
    ensure_installed(BROWSER_DIR, WHY)
    node = require_tool("node", WHY)
    env = node_env(
        CHROMIUM=chromium(),
        GRAPHIQL_URL=url,
        TOKEN=token,
        SESSION_COOKIE=session_cookie,
        QUERY=QUERY,
        QUERY_NAME="Me",
        MUTATION=MUTATION,
        MUTATION_NAME="AddCategory",
    )
    result = run([node, "graphiql.mjs"], cwd=BROWSER_DIR, env=env, timeout=DRIVER_TIMEOUT)
    return json.loads(result.stdout)


@pytest.fixture
def seen(live_server: Any, seeded: Any) -> dict[str, Any]:
    """What the browser saw: one run of the driver shared by the assertions below."""
    client = Client()
    client.force_login(seeded.users["admin"])
    session = client.cookies["sessionid"].value
    return drive(f"{live_server.url}/graphql/", seeded.tokens["editor"], f"sessionid={session}")


# A live server needs committed data; serialized_rollback restores Wagtail's migrated
# rows (the root page, content types) afterwards, as the suite's other transactional
# tests expect.
@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="No database behaviour here: it ran in the SQLite pass of the test command "
    "(run once to keep CI under its time budget).",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_graphiql_in_chromium(seen: dict[str, Any], live_server: Any, seeded: Any) -> None:
    assert seen["problems"] == []

    # Rendered, and a query ran with the Bearer header typed into the Headers tab.
    token = seen["token"]
    assert token["title"] == "GraphiQL"
    assert token["response"] == {
        "data": {"viewer": {"isAuthenticated": True, "user": {"displayName": "editor"}}}
    }
    # The token was not kept in the browser: neither in localStorage nor after a reload.
    assert seeded.tokens["editor"] not in token["localStorage"]
    assert "graphiql:queries" in token["localStorage"]  # history was stored, headers not
    assert seeded.tokens["editor"] not in token["headersAfterReload"]

    # The admin's session ran a mutation: the page sent the csrftoken cookie as X-CSRFToken.
    assert seen["session"]["response"] == {
        "data": {"createCategory": {"snippet": {"slug": "from-graphiql"}, "errors": []}}
    }
    assert Category.objects.filter(slug="from-graphiql").exists()
    assert "csrftoken" in seen["session"]["cookies"]
    mutation_posts = [p for p in seen["graphqlPosts"] if "AddCategory" in (p["body"] or "")]
    assert len(mutation_posts) == 1
    assert mutation_posts[0]["headers"].get("x-csrftoken")

    # Nothing came from anywhere but the test server.
    assert seen["requests"]
    assert [url for url in seen["requests"] if not url.startswith(live_server.url)] == []
