"""``manage.py graphql_schema``: print, write or check the committed SDL file.

``--check`` is meant for CI: it exits non-zero when the models changed the API but
the committed file was not regenerated, and says how to regenerate it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.schema import build_schema
from wagtail_graphql_write.sdl import compare_sdl, export_sdl


def regenerate_command(path: str) -> str:
    """The command line that rewrites ``path``, as the user would type it.

    ``sys.argv[0]`` keeps the script's path (``example/manage.py``) when run through
    a manage script; under ``call_command`` it is not one, so say ``manage.py``.
    """
    script = sys.argv[0] if sys.argv and sys.argv[0].endswith("manage.py") else "manage.py"
    return f"python {script} graphql_schema --out {path}"


class Command(BaseCommand):
    help = (
        "Print the GraphQL schema as SDL, write it to a file (--out), or check that a "
        "committed file matches the current models (--check; non-zero exit on drift)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        default = "the SCHEMA_FILE setting"
        group.add_argument(
            "--out", metavar="PATH", nargs="?", const="", help=f"Write the SDL to PATH ({default})."
        )
        group.add_argument(
            "--check",
            metavar="PATH",
            nargs="?",
            const="",
            help=f"Compare PATH ({default}) with the current schema; exit non-zero if they differ.",
        )

    def handle(
        self, *args: Any, out: str | None = None, check: str | None = None, **options: Any
    ) -> None:
        # A fresh build, not the process-wide cached one: the point is the current state.
        sdl = export_sdl(build_schema().schema)
        schema_file = get_settings()["SCHEMA_FILE"]
        check = check or (schema_file if check is not None else None)
        out = out or (schema_file if out is not None else None)
        if check is not None:
            self._check(Path(check), check, sdl)
        elif out is not None:
            Path(out).write_text(sdl, encoding="utf-8", newline="\n")
            self.stdout.write(f"Wrote {out}")
        else:
            self.stdout.write(sdl, ending="")

    def _check(self, path: Path, shown: str, sdl: str) -> None:
        """Raise ``CommandError`` (exit status 1) unless ``path`` holds ``sdl``."""
        regenerate = regenerate_command(shown)
        if not path.exists():
            raise CommandError(f"{shown} does not exist. Generate it with:\n  {regenerate}")
        diff = compare_sdl(path.read_text(encoding="utf-8"), sdl)
        if not diff.changed:
            self.stdout.write(f"{shown} is up to date")
            return
        self.stderr.write(diff.report())
        raise CommandError(
            f"{shown} is out of date with the models. Regenerate it with:\n  {regenerate}"
        )
