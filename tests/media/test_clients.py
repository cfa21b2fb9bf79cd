"""The upload examples of docs/media.md, run as written against a live server: the
``curl -F`` command, and the urql client (``@urql/core``'s own multipart support, from
the ``tests/codegen`` npm project and its package-lock).

A real HTTP server is needed (curl and Node are other processes): pytest-django's
``live_server`` on a transactional database, with ``serialized_rollback`` as the other
live-server tests. No database behaviour is tested here beyond what the other media
tests cover, so it runs in the SQLite pass only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.media.helpers import png_bytes
from tests.npm import REPO, ensure_installed, node_env, require_tool, run

MEDIA_DOC = REPO / "docs" / "media.md"
CODEGEN_DIR = REPO / "tests" / "codegen"
WHY = "tests/media/test_clients.py uploads an image with urql, as docs/media.md shows"

pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")),
        reason="No database behaviour here: it ran in the SQLite pass of the test command "
        "(run once to keep CI under its time budget).",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _fenced(language: str, containing: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", MEDIA_DOC.read_text(), flags=re.S)
    (block,) = [b for b in blocks if containing in b]
    return block


def _site(live_server: Any, settings: Any, tmp_path: Path) -> tuple[str, str]:
    from blog.seeding import seed_site

    settings.MEDIA_ROOT = str(tmp_path / "media")
    token = seed_site().tokens["editor"]
    (tmp_path / "lighthouse.png").write_bytes(png_bytes(90, 120))
    return f"{live_server.url}/graphql/", token


def test_curl_upload_from_the_docs(live_server: Any, settings: Any, tmp_path: Path) -> None:
    from wagtail.images import get_image_model

    url, token = _site(live_server, settings, tmp_path)
    command = _fenced("sh", "curl").replace("http://127.0.0.1:8000/graphql/", url)
    result = subprocess.run(
        ["bash", "-c", command.replace("curl ", "curl --silent --show-error ", 1)],
        cwd=tmp_path,
        env={**os.environ, "TOKEN": token},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    payload = json.loads(result.stdout)["data"]["uploadImage"]
    assert payload["errors"] == []
    assert payload["image"]["title"] == "Lighthouse"
    assert (payload["image"]["width"], payload["image"]["height"]) == (90, 120)
    image = get_image_model().objects.get(pk=payload["image"]["id"])
    assert list(image.tags.names()) == ["sea"]
    assert (tmp_path / "media" / image.file.name).is_file()


def test_urql_upload_from_the_docs(live_server: Any, settings: Any, tmp_path: Path) -> None:
    from wagtail.images import get_image_model

    node = require_tool("node", WHY)
    url, token = _site(live_server, settings, tmp_path)
    ensure_installed(CODEGEN_DIR, WHY)
    script = CODEGEN_DIR / f".media-upload-{os.getpid()}.mjs"  # beside its node_modules
    script.write_text(_fenced("js", "uploadImage"), encoding="utf-8")
    env = node_env(GRAPHQL_URL=url, TOKEN=token, IMAGE_PATH=str(tmp_path / "lighthouse.png"))
    try:
        output = run([node, script.name], cwd=CODEGEN_DIR, env=env, timeout=120).stdout
    finally:
        script.unlink()
    payload = json.loads(output.strip().splitlines()[-1])
    assert payload["errors"] == []
    assert payload["image"]["title"] == "lighthouse"  # the file's name, as no title was sent
    assert payload["image"]["tags"] == ["sea"]
    assert (payload["image"]["width"], payload["image"]["height"]) == (90, 120)
    image = get_image_model().objects.get(pk=payload["image"]["id"])
    assert (tmp_path / "media" / image.file.name).is_file()
