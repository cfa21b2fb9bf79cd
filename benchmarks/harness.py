"""One benchmark run on the current database: seed, run the operations, scale the list.

``bench()`` is what ``make bench`` runs (through ``__main__``, which also creates and
drops the database) and what the smoke test runs at tiny sizes inside a test's
database.
"""

from __future__ import annotations

import os
import platform
import subprocess
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from django.db import connection

from benchmarks.data import seed
from benchmarks.operations import Api, operations
from benchmarks.options import Options
from benchmarks.runner import Results, run
from benchmarks.scaling import ScaleRow, scale

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Report:
    options: Options
    environment: dict[str, str]
    results: Results
    scaling: list[ScaleRow]
    #: The operations that write (rolled back after each call).
    writes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def _database() -> str:
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.pg_version, 10000)  # type: ignore[attr-defined]
        return f"PostgreSQL {major}.{minor} ({connection.settings_dict['HOST'] or 'socket'})"
    if connection.vendor == "sqlite":
        import sqlite3

        name = connection.settings_dict["NAME"]
        where = "in memory" if connection.is_in_memory_db() else name  # type: ignore[attr-defined]
        return f"SQLite {sqlite3.sqlite_version} ({where})"
    return connection.vendor


def _commit() -> str:
    try:
        run_git = ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs"]
        commit = subprocess.run(run_git, capture_output=True, text=True, check=True)
        status = ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"]
        dirty = subprocess.run(status, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit.stdout.strip() + (" with uncommitted changes" if dirty.strip() else "")


def environment() -> dict[str, str]:
    packages = ("Django", "wagtail", "strawberry-graphql", "django-ninja")
    return {
        "database": _database(),
        "python": platform.python_version(),
        "packages": ", ".join(f"{name} {version(name)}" for name in packages),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "commit": _commit(),
    }


def bench(options: Options) -> Report:
    """Seed the current database and run every measurement."""
    seconds = {}
    start = time.perf_counter()
    fixture = seed(max((*options.lists, *options.sizes)))
    api = Api(fixture.token)
    seconds["seed"] = time.perf_counter() - start
    measured = operations(fixture, api, options.lists)
    results = run(measured, options.iterations, options.warmup)
    seconds["operations"] = time.perf_counter() - start - seconds["seed"]
    rows = scale(fixture, api, options.sizes, options.repeats)
    seconds["scaling"] = time.perf_counter() - start - seconds["seed"] - seconds["operations"]
    writes = [operation.name for operation in measured if operation.write]
    return Report(options, environment(), results, rows, writes, seconds)
