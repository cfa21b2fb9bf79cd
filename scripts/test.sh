#!/usr/bin/env bash
# The whole test command (`make test`, and `.ci/run`): lint, type check, the suite on
# SQLite, and the suite on PostgreSQL. The suite includes the schema build over Wagtail's
# own test app (tests/wagtail_testapp, run in a child process by
# tests/test_wagtail_testapp.py); that suite always uses SQLite, so the PostgreSQL run
# skips it rather than run it twice.
#
# Chromium (the GraphiQL browser test): uses CHROMIUM if set, else Debian's `chromium`,
# installing it with apt-get when it is missing and this runs as root.
#
# PostgreSQL: uses DATABASE_URL if set, else 127.0.0.1:5432 (user postgres, trust auth),
# starting the local cluster if it is installed but down. Without a reachable server the
# PostgreSQL run is reported as not run; with CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# One pytest worker per core (pytest-xdist); each worker has its own test database.
WORKERS="${TEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}"
status=0

step() { printf '\n== %s\n' "$*"; }

if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        step "installing Chromium (for the GraphiQL browser test)"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
            echo "Installing chromium failed: the GraphiQL browser test will fail."
    else
        echo "Chromium is missing: install Debian's chromium or set CHROMIUM; the GraphiQL browser test will fail."
    fi
fi

step "ruff"
$BIN/ruff check .
$BIN/ruff format --check .

step "mypy"
$BIN/mypy

step "tests on SQLite"
$BIN/pytest -q -n "$WORKERS"

pg_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
pg_ready() { $BIN/python scripts/pg_ready.py "$pg_url"; }
if ! pg_ready && [ -z "${DATABASE_URL:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    step "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_ready && break; sleep 1; done
fi
if pg_ready; then
    step "tests on PostgreSQL ($pg_url)"
    DATABASE_URL="$pg_url" $BIN/pytest -q -n "$WORKERS" || status=$?
else
    echo "PostgreSQL is not reachable at $pg_url: the PostgreSQL run did not happen."
    if [ "${CI:-}" = "true" ]; then status=1; fi
fi
exit $status
