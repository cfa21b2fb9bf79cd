"""Test settings: the example site, on SQLite in memory or on ``DATABASE_URL``.

The same suite runs on PostgreSQL when ``DATABASE_URL`` points at one (``.ci/run``
does both).
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "example"))

from example_site.settings import *  # noqa: F403

if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_wgw")}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

MEDIA_ROOT = tempfile.mkdtemp(prefix="wgw-test-media-")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAPHQL_WRITE = {"GRAPHIQL": True}
