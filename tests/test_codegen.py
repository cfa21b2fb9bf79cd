"""TypeScript clients can use the SDL: graphql-codegen generates types, tsc accepts them.

``tests/codegen/`` is a small npm project pinning ``@graphql-codegen/cli`` with the
``typescript`` and ``typescript-operations`` plugins, ``graphql`` and ``typescript``.
The test prints the schema as it is now, generates types from it for
``documents/createBlogPage.graphql`` (a ``createBlogPage`` mutation with a block of every
kind of the blog body), and runs ``tsc --noEmit`` over ``usage.ts``, which builds the
mutation's variables with one block of every kind, reads every block kind of the result,
and holds deliberately wrong inputs under ``@ts-expect-error`` so that tsc must really
check them; over ``usage-workflows.ts`` for ``documents/approveWorkflowTask.graphql``
(the ``ContentRef`` @oneOf target, the workflow payload and its typed errors); and over
``usage-revisions.ts`` for ``documents/pageRevisions.graphql`` (revision content typed
``BlogPageRevisionContent``, without an id).

Node.js and npm are requirements of the test command (see ``tests/npm.py``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.npm import REPO, ensure_installed, node_env, run

CODEGEN_DIR = REPO / "tests" / "codegen"
BIN = CODEGEN_DIR / "node_modules" / ".bin"
STEP_TIMEOUT = 180
WHY = "tests/test_codegen.py type-checks TypeScript generated from the schema"


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="No database behaviour here: it ran in the SQLite pass of the test command "
    "(run once to keep CI under its time budget).",
)
def test_codegen_types_for_every_block_kind_type_check(tmp_path: Path) -> None:
    from wagtail_graphql_write.schema import build_schema

    ensure_installed(CODEGEN_DIR, WHY)
    schema_path = tmp_path / "schema.graphql"
    schema_path.write_text(build_schema().schema.as_str().rstrip("\n") + "\n", encoding="utf-8")
    env = node_env(SCHEMA_PATH=str(schema_path))

    generated = CODEGEN_DIR / "generated"
    shutil.rmtree(generated, ignore_errors=True)
    run(
        [str(BIN / "graphql-codegen"), "--config", "codegen.ts"],
        cwd=CODEGEN_DIR,
        env=env,
        timeout=STEP_TIMEOUT,
    )
    operations = (generated / "graphql.ts").read_text(encoding="utf-8")
    assert "export type CreateBlogPageWithEveryBlockMutationVariables" in operations
    assert "export type CreateBlogPageWithEveryBlockMutation " in operations

    run([str(BIN / "tsc"), "--noEmit", "-p", "."], cwd=CODEGEN_DIR, env=env, timeout=STEP_TIMEOUT)
