"""Runs the Wagtail test-app suite (``tests/wagtail_testapp``) from the main suite.

That suite needs its own settings module (Wagtail's test settings, with their custom
user model), and Django's settings cannot change within one process, so it runs in a
child pytest process; this test passes only if that whole run passed, and shows its
output otherwise. So a plain ``pytest`` runs everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMMAND = [
    sys.executable,
    "-m",
    "pytest",
    "tests/wagtail_testapp",
    "--ds=tests.wagtail_testapp.settings",
    "-o",
    "addopts=-p no:cacheprovider --strict-markers",
    "-o",
    "testpaths=",
    "-p",
    "no:xdist",
    "-q",
    "-rfE",
]

#: Long enough for a slow, shared machine; the run takes about a minute and a half.
TIMEOUT_SECONDS = 900


def _environment() -> dict[str, str]:
    """This process's environment without what the parent pytest (or an xdist worker)
    set for itself: the child chooses its own settings and runs its own session."""
    return {
        key: value
        for key, value in os.environ.items()
        if key != "DJANGO_SETTINGS_MODULE" and not key.startswith("PYTEST_")
    }


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="The Wagtail test-app suite always uses SQLite (its settings ignore DATABASE_URL), "
    "so it runs in the SQLite pass only.",
)
def test_the_wagtail_testapp_suite_passes() -> None:
    run = subprocess.run(
        COMMAND,
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    output = f"$ {' '.join(COMMAND[1:])}\n{run.stdout}\n{run.stderr}"
    assert run.returncode == 0, output
    assert " passed" in run.stdout, output
