#!/usr/bin/env python
"""Django's command-line utility for the example site.

It puts ``example/`` (for ``example_site``, ``home``, ``blog``) and the repository
root (for ``wagtail_graphql_write``, without installing it) on ``sys.path`` so
``python example/manage.py ...`` works from the repository root.
"""

import os
import sys
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parent
REPO_ROOT = EXAMPLE_DIR.parent


def main() -> None:
    """Run administrative tasks."""
    for path in (str(EXAMPLE_DIR), str(REPO_ROOT)):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
