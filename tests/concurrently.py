"""Run GraphQL writes at the same moment from several threads (PostgreSQL tests)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from tests.conftest import GraphQLClient


def run_concurrently(
    writes: dict[str, tuple[str, str, dict[str, Any]]],
) -> dict[str, dict[str, Any]]:
    """Run each named ``(token, document, variables)`` in its own thread, all at once.

    A barrier releases the threads together so their mutations overlap; each thread
    closes its own database connection. Returns each write's ``data``; an exception
    in a thread, or a thread that never finishes, fails the test.
    """
    barrier = threading.Barrier(len(writes))
    results: dict[str, dict[str, Any]] = {}
    failures: dict[str, BaseException] = {}

    def run(name: str, token: str, document: str, variables: dict[str, Any]) -> None:
        try:
            barrier.wait(timeout=30)
            results[name] = GraphQLClient(token).execute(document, variables)
        except BaseException as exc:  # re-raised in the test's thread below
            failures[name] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name, *write)) for name, write in writes.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a concurrent write hung"
    for name, exc in failures.items():
        raise AssertionError(f"concurrent write {name!r} raised") from exc
    return results


def skip_unless_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SQLite serialises whole-database writes)")
