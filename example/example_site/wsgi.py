"""WSGI entry point, so the example can be served by any WSGI server."""

import os
import sys
from pathlib import Path

from django.core.wsgi import get_wsgi_application

# Same path set-up as manage.py: the example apps and the un-installed package.
_EXAMPLE_DIR = Path(__file__).resolve().parent.parent
for _path in (str(_EXAMPLE_DIR), str(_EXAMPLE_DIR.parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

application = get_wsgi_application()
