"""Benchmark settings: the test settings plus Wagtail 8's v3 REST API, mounted in
``benchmarks/urls.py`` beside ``/graphql/``, so both APIs run in one process on one
database.

The database is the tests' one: SQLite in memory, or ``DATABASE_URL`` (the benchmark
creates and drops its own database there, named by ``BENCH_DATABASE_NAME``).
"""

import os

from tests.settings import *  # noqa: F403
from tests.settings import DATABASES

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v3"]  # type: ignore[has-type]  # noqa: F405
ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost"]

if "TEST" in DATABASES["default"]:
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("BENCH_DATABASE_NAME", "wgw_bench")}

# The lists the benchmark reads (up to 1,000 pages) in one request, on both APIs.
WAGTAILAPI_LIMIT_MAX = None
# (mypy reads the tests' dict, which holds only booleans.)
WAGTAIL_GRAPHQL_WRITE = {"MAX_LIMIT": 1000, "MAX_QUERY_COST": 1_000_000}  # type: ignore[dict-item]

# Both APIs touch a token's last_used_at at most once per interval; off, so that every
# iteration runs the same SQL statements.
WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = None
