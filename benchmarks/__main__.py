"""``python -m benchmarks`` (``make bench``): GraphQL, Wagtail v3 REST and the direct floor,
in one process on one database, as Markdown tables.

The database is created for the run and dropped after it, as Django's test runner does:
SQLite in memory by default; with ``--database postgres://...`` (or ``DATABASE_URL``) a
database named ``BENCH_DATABASE_NAME`` (default ``wgw_bench``) on that server.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks.options import Options

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = Options()


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(part) for part in text.split(",") if part.strip())
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give page counts >= 1, comma-separated")
    return sizes


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add = parser.add_argument
    add("--iterations", type=int, default=DEFAULTS.iterations, help="timed, per operation")
    add("--warmup", type=int, default=DEFAULTS.warmup, help="untimed iterations first")
    add("--repeats", type=int, default=DEFAULTS.repeats, help="timed runs per N, up to 100")
    add("--lists", type=_sizes, default=DEFAULTS.lists, help="list operations' page counts")
    add("--sizes", type=_sizes, default=DEFAULTS.sizes, help="N of the typed list table")
    add(
        "--database",
        default=os.environ.get("DATABASE_URL", "sqlite"),
        help="'sqlite' (in memory) or a postgres:// URL; $DATABASE_URL when set",
    )
    add("--output", type=Path, default=ROOT / "benchmarks" / "results" / "latest.md")
    add("--docs", type=Path, default=None, help="also replace the run shown in this page")
    args = parser.parse_args(argv)
    if args.iterations < 1 or args.warmup < 0 or args.repeats < 1:
        parser.error("--iterations and --repeats must be >= 1, --warmup >= 0")
    return args


def _setup(database: str) -> None:
    if database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = database
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    sys.path[:0] = [str(ROOT), str(ROOT / "example")]

    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse(argv)
    _setup(args.database)
    from django.db import connection

    from benchmarks.harness import bench
    from benchmarks.report import render, update_docs

    options = Options(args.iterations, args.warmup, args.lists, args.sizes, args.repeats)
    # Created and dropped as Django's test runner does (migrations run on it).
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        markdown = render(bench(options))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(markdown)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(markdown)
    print(f"Written to {args.output}")
    if args.docs:
        update_docs(args.docs, markdown)
        print(f"and into {args.docs}")
    print(f"{time.perf_counter() - started:.0f} s in all (database creation included).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
