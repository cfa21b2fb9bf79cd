"""The small npm project in ``tests/codegen/``, shared by the tests that run Node.

It pins graphql-codegen and TypeScript (tests/test_codegen.py) and the real GraphQL
clients Apollo Client and urql with Graphcache (tests/test_client_caches.py).

Node.js and npm are requirements of the test command: without them these tests fail,
they do not skip. ``npm ci`` runs only when ``node_modules`` is missing or older than
``package-lock.json``; its download cache lives in the repository's ignored ``.cache/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NODE_DIR = REPO / "tests" / "codegen"
NPM_CACHE = REPO / ".cache" / "npm"
LOCKFILE = NODE_DIR / "package-lock.json"
# npm ci writes this hidden lockfile last, so it marks a complete install.
INSTALLED_STAMP = NODE_DIR / "node_modules" / ".package-lock.json"
BIN = NODE_DIR / "node_modules" / ".bin"

INSTALL_TIMEOUT = 600
STEP_TIMEOUT = 180


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"`{name}` is not on PATH. Node.js (with npm) is required by the test command: "
            "tests/test_codegen.py type-checks TypeScript generated from the schema and "
            "tests/test_client_caches.py runs real GraphQL clients. Install Node.js 20 or newer.",
            pytrace=False,
        )
    return path


def node_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "npm_config_update_notifier": "false", "NO_COLOR": "1", **extra}


def run(args: list[str], *, env: dict[str, str], timeout: int) -> str:
    """Run ``args`` in the npm project; fail with its whole output unless it exits 0."""
    try:
        result = subprocess.run(
            args,
            cwd=NODE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"`{' '.join(args)}` timed out after {timeout}s\n"
            f"--- stdout ---\n{exc.stdout or ''}\n--- stderr ---\n{exc.stderr or ''}",
            pytrace=False,
        )
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(args)}` exited with {result.returncode} (in {NODE_DIR})\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}",
            pytrace=False,
        )
    return result.stdout


def ensure_installed(env: dict[str, str]) -> None:
    """``npm ci`` unless ``node_modules`` is complete and newer than the lockfile."""
    npm = require_tool("npm")
    if not INSTALLED_STAMP.exists() or INSTALLED_STAMP.stat().st_mtime < LOCKFILE.stat().st_mtime:
        run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--cache", str(NPM_CACHE)],
            env=env,
            timeout=INSTALL_TIMEOUT,
        )
