"""TypeScript clients can use the SDL: graphql-codegen generates types, tsc accepts them.

``tests/codegen/`` is a small npm project pinning ``@graphql-codegen/cli`` with the
``typescript`` and ``typescript-operations`` plugins, ``graphql`` and ``typescript``.
The test prints the schema as it is now, generates types from it for
``documents/createBlogPage.graphql`` (a ``createBlogPage`` mutation with a block of every
kind of the blog body), and runs ``tsc --noEmit`` over ``usage.ts``, which builds the
mutation's variables with one block of every kind, reads every block kind of the result,
and holds deliberately wrong inputs under ``@ts-expect-error`` so that tsc must really
check them; and over ``usage-workflows.ts`` for ``documents/approveWorkflowTask.graphql``
(the ``ContentRef`` @oneOf target, the workflow payload and its typed errors).

Node.js and npm are requirements of the test command: without them this test fails, it
does not skip. ``npm ci`` runs only when ``node_modules`` is missing or older than
``package-lock.json``; its download cache lives in the repository's ignored ``.cache/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CODEGEN_DIR = REPO / "tests" / "codegen"
NPM_CACHE = REPO / ".cache" / "npm"
LOCKFILE = CODEGEN_DIR / "package-lock.json"
# npm ci writes this hidden lockfile last, so it marks a complete install.
INSTALLED_STAMP = CODEGEN_DIR / "node_modules" / ".package-lock.json"
BIN = CODEGEN_DIR / "node_modules" / ".bin"

INSTALL_TIMEOUT = 600
STEP_TIMEOUT = 180


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"`{name}` is not on PATH. Node.js (with npm) is required by the test command: "
            "tests/test_codegen.py type-checks TypeScript generated from the schema. "
            "Install Node.js 20 or newer.",
            pytrace=False,
        )
    return path


def run(args: list[str], *, env: dict[str, str], timeout: int) -> None:
    """Run ``args`` in the codegen directory; fail with its whole output unless it exits 0."""
    try:
        result = subprocess.run(
            args,
            cwd=CODEGEN_DIR,
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
            f"`{' '.join(args)}` exited with {result.returncode} (in {CODEGEN_DIR})\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}",
            pytrace=False,
        )


def needs_install() -> bool:
    return (
        not INSTALLED_STAMP.exists() or INSTALLED_STAMP.stat().st_mtime < LOCKFILE.stat().st_mtime
    )


def test_codegen_types_for_every_block_kind_type_check(tmp_path: Path) -> None:
    from wagtail_graphql_write.schema import build_schema

    require_tool("node")
    npm = require_tool("npm")

    schema_path = tmp_path / "schema.graphql"
    schema_path.write_text(build_schema().schema.as_str().rstrip("\n") + "\n", encoding="utf-8")

    env = {
        **os.environ,
        "SCHEMA_PATH": str(schema_path),
        "npm_config_update_notifier": "false",
        "NO_COLOR": "1",
    }
    if needs_install():
        run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--cache", str(NPM_CACHE)],
            env=env,
            timeout=INSTALL_TIMEOUT,
        )

    generated = CODEGEN_DIR / "generated"
    shutil.rmtree(generated, ignore_errors=True)
    run([str(BIN / "graphql-codegen"), "--config", "codegen.ts"], env=env, timeout=STEP_TIMEOUT)
    operations = (generated / "graphql.ts").read_text(encoding="utf-8")
    assert "export type CreateBlogPageWithEveryBlockMutationVariables" in operations
    assert "export type CreateBlogPageWithEveryBlockMutation " in operations

    run([str(BIN / "tsc"), "--noEmit", "-p", "."], env=env, timeout=STEP_TIMEOUT)
