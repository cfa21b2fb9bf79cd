"""Running a small npm project of the test suite (tests/codegen, tests/browser).

Node.js and npm are requirements of the test command: without them a test that needs
them fails, it does not skip. ``npm ci`` runs only when a project's ``node_modules`` is
missing or older than its ``package-lock.json``; the download cache lives in the
repository's ignored ``.cache/npm``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NPM_CACHE = REPO / ".cache" / "npm"
INSTALL_TIMEOUT = 600


def require_tool(name: str, why: str) -> str:
    """The path of ``name`` on PATH, or fail the test saying what needs it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"`{name}` is not on PATH. Node.js (with npm) is required by the test command: "
            f"{why}. Install Node.js 20 or newer.",
            pytrace=False,
        )
    return path


def node_env(**extra: str) -> dict[str, str]:
    """The environment for node and npm: quiet, no colours, plus ``extra``."""
    return {
        **os.environ,
        "npm_config_update_notifier": "false",
        "NO_COLOR": "1",
        **extra,
    }


def run(
    args: list[str], *, cwd: Path, env: dict[str, str], timeout: int
) -> subprocess.CompletedProcess[str]:
    """Run ``args`` in ``cwd``; fail with its whole output unless it exits 0."""
    try:
        result = subprocess.run(
            args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"`{' '.join(args)}` timed out after {timeout}s\n"
            f"--- stdout ---\n{exc.stdout or ''}\n--- stderr ---\n{exc.stderr or ''}",
            pytrace=False,
        )
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(args)}` exited with {result.returncode} (in {cwd})\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}",
            pytrace=False,
        )
    return result


def ensure_installed(project: Path, why: str) -> None:
    """``npm ci`` in ``project`` unless its node_modules is complete and up to date."""
    require_tool("node", why)
    npm = require_tool("npm", why)
    # npm ci writes this hidden lockfile last, so it marks a complete install.
    stamp = project / "node_modules" / ".package-lock.json"
    lockfile = project / "package-lock.json"
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    # Two xdist workers may need the same project at once: one installs, the other waits.
    with open(NPM_CACHE / f"{project.name}.install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists() and stamp.stat().st_mtime >= lockfile.stat().st_mtime:
            return
        run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--cache", str(NPM_CACHE)],
            cwd=project,
            env=node_env(),
            timeout=INSTALL_TIMEOUT,
        )
