"""The GraphiQL page the package serves: its own static assets, no CDN, no inline script.

The browser side is tested in ``test_graphiql_browser.py``; these tests check the HTML
and the committed build without a browser.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from django.contrib.staticfiles import finders
from django.test import Client, override_settings

from tests.npm import REPO

ENDPOINT = "/graphql/"
BUILD_DIR = REPO / "graphiql"
STATIC = REPO / "wagtail_graphql_write" / "static" / "wagtail_graphql_write" / "graphiql"


def _page(**settings: Any) -> tuple[str, Any]:
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"GRAPHIQL": True, **settings}):
        response = Client().get(ENDPOINT, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    return response.content.decode(), response


def test_page_loads_only_its_own_static_files(db: Any) -> None:
    html, _ = _page()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script defer src="/static/wagtail_graphql_write/graphiql/graphiql.js">']
    assert re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S) == [""]  # no inline code
    assert re.search(r"\son[a-z]+=", html) is None  # no inline event handler
    assert "//" not in html  # no URL of another origin, protocol-relative ones included
    assert 'href="/static/wagtail_graphql_write/graphiql/graphiql.css"' in html
    for name in ("graphiql.js", "graphiql.css"):
        assert finders.find(f"wagtail_graphql_write/graphiql/{name}"), name


def test_page_tells_the_script_its_endpoint_and_the_persist_setting(db: Any) -> None:
    html, _ = _page()
    assert f'data-endpoint="{ENDPOINT}"' in html
    assert 'data-persist-headers="false"' in html
    html, _ = _page(GRAPHIQL_PERSIST_HEADERS=True)
    assert 'data-persist-headers="true"' in html


def test_page_sets_the_csrf_cookie_the_script_sends_back(db: Any) -> None:
    _, response = _page()
    assert response.cookies["csrftoken"].value


def _inputs_hash(names: list[str]) -> str:
    """``inputsHash()`` of graphiql/build.mjs."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(f"{name}\n".encode())
        digest.update((BUILD_DIR / name).read_bytes())
    return digest.hexdigest()


def test_committed_build_matches_its_sources() -> None:
    """A change to graphiql/ that was not rebuilt (npm ci && npm run build) fails here."""
    manifest = json.loads((STATIC / "BUILD.json").read_text())
    sources = sorted(p.name for p in (BUILD_DIR / "src").iterdir())
    names = ["build.mjs", "package.json", "package-lock.json", *(f"src/{s}" for s in sources)]
    assert manifest["inputs"] == names
    assert manifest["inputsSha256"] == _inputs_hash(names)
    package = json.loads((BUILD_DIR / "package.json").read_text())
    for name, version in manifest["versions"].items():
        assert package["devDependencies"][name] == version, name


def test_built_assets_reference_no_other_origin() -> None:
    """No CDN at run time: the stylesheet's fonts and images are inline data."""
    css = (STATIC / "graphiql.css").read_text()
    assert re.findall(r"url\((?!\"?data:)[^)]*\)", css) == []
    assert "@import" not in css
