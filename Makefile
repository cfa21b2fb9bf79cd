# Two commands (see README):  `make demo`  and  `make test`  (`make demo-fresh` starts the
# demo over on a new database). `make bench` compares the GraphQL API with Wagtail's v3
# REST API (see docs/performance.md); it is not part of `make test`.
# Each creates the virtualenv it needs in .venv with the first Python >= 3.11 it finds.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo demo-fresh test bench

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python >= 3.11 is required" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/python example/manage.py migrate --noinput -v 0
	$(VENV)/bin/python example/manage.py seed
	$(VENV)/bin/python example/manage.py runserver 127.0.0.1:8000

# The demo on a new database: the ids the docs' examples show (see docs/index.md).
demo-fresh:
	rm -f example/db.sqlite3
	$(MAKE) demo

test: $(STAMP)
	bash scripts/test.sh

# SQLite in memory, or PostgreSQL with DATABASE_URL=postgres://...; BENCH_ARGS for the
# options (`.venv/bin/python -m benchmarks --help`), e.g. BENCH_ARGS="--iterations 50".
bench: $(STAMP)
	$(VENV)/bin/python -m benchmarks --docs docs/performance.md $(BENCH_ARGS)
