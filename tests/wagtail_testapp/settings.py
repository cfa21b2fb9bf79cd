"""Settings for a separate run against Wagtail's own test app (``wagtail.test.testapp``).

Wagtail's test models are a zoo of odd fields; generating a schema for all of them
checks that unmappable fields become system-check warnings rather than crashes.
Wagtail's settings are reused with five changes: media and static files go to temp
dirs (the originals point inside the installed package), the Jinja2 backend is
dropped (jinja2 is not a dependency), this package is installed and served at
``/graphql/`` (next to Wagtail's admin, for ``tests/parity``), and the database is
SQLite in memory whatever the environment says.
"""

import tempfile

from wagtail.test.settings import *  # noqa: F403
from wagtail.test.settings import INSTALLED_APPS, TEMPLATES

MEDIA_ROOT = tempfile.mkdtemp(prefix="wgw-testapp-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="wgw-testapp-static-")

TEMPLATES = [t for t in TEMPLATES if not t["BACKEND"].endswith(".Jinja2")]

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_graphql_write"]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# The admin's views and the GraphQL endpoint side by side (``tests/parity``).
ROOT_URLCONF = "tests.wagtail_testapp.urls"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# demosite and testapp both define EventPage, FormPage and PersonPage: as installed,
# the GraphQL names collide (``test_name_collision_between_apps_is_E001`` shows the
# check reporting it). A site would set ``graphql_type_name`` on one model of each
# pair; Wagtail's models are not ours to edit, so the demosite copies are left out.
WAGTAIL_GRAPHQL_WRITE = {
    "EXCLUDE_MODELS": ["demosite.EventPage", "demosite.FormPage", "demosite.PersonPage"],
}
