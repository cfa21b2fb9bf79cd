"""The run as Markdown: printed, written to a file, and copied into docs/performance.md.

``docs/performance.md`` holds the latest run between two markers (``BEGIN`` and ``END``
below); ``update_docs`` replaces what is between them and leaves the rest of the page
alone.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from benchmarks.harness import Report
from benchmarks.operations import VARIANTS
from benchmarks.runner import Stats
from benchmarks.scaling import ScaleRow, runs

BEGIN = "<!-- bench:begin (written by `make bench`; edit benchmarks/report.py instead) -->"
END = "<!-- bench:end -->"

TIMES = "\N{MULTIPLICATION SIGN}"
LABELS = {"graphql": "GraphQL", "v3": "v3 REST", "direct": "direct"}


def ms(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}{TIMES}"


def _timing(stats: Stats) -> str:
    return f"{ms(stats.median)} / {ms(stats.p90)}"


def operations_table(report: Report) -> list[str]:
    head = " | ".join(f"{LABELS[name]} ms" for name in VARIANTS)
    lines = [
        f"| operation | {head} | GraphQL / v3 | GraphQL / direct | SQL GraphQL / v3 / direct |",
        "|---|" + "---:|" * (len(VARIANTS) + 3),
    ]
    for operation, stats in report.results.items():
        graphql, v3, floor = (stats[name] for name in VARIANTS)
        timings = " | ".join(_timing(stats[name]) for name in VARIANTS)
        queries = " / ".join(str(stats[name].queries) for name in VARIANTS)
        lines.append(
            f"| {operation} | {timings} | {ratio(graphql.median, v3.median)} | "
            f"{ratio(graphql.median, floor.median)} | {queries} |"
        )
    return lines


def _memory(row: ScaleRow, before: ScaleRow | None, variant: str) -> str:
    """Peak, per page, and per page added since the previous N (linear: it stays flat)."""
    peak: int = getattr(row, f"{variant}_peak")
    text = f"{peak / 2**20:.1f} MiB, {peak / row.size / 2**10:.0f} KiB/page"
    if before is not None:
        added = (peak - getattr(before, f"{variant}_peak")) / (row.size - before.size)
        text += f", +{added / 2**10:.0f} KiB/added page"
    return text


def scaling_table(report: Report) -> list[str]:
    lines = [
        "| N | SQL GraphQL / direct | ms per page GraphQL / direct | GraphQL / direct "
        "| peak memory GraphQL | peak memory direct |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    before: ScaleRow | None = None
    for row in report.scaling:
        per_page = f"{ms(row.per_page(row.graphql.median))} / {ms(row.per_page(row.direct.median))}"
        lines.append(
            f"| {row.size} | {row.graphql.queries} / {row.direct.queries} | {per_page} | "
            f"{ratio(row.graphql.median, row.direct.median)} | "
            f"{_memory(row, before, 'graphql')} | {_memory(row, before, 'direct')} |"
        )
        before = row
    return lines


#: Issue 12's targets: (operation kind, what is compared, the ratio it may reach).
READ_TARGETS = (("v3", 1.0), ("direct", 1.5))
WRITE_TARGETS = (("v3", 1.0), ("direct", 1.1))


def _verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else f"missed by {(value / limit - 1) * 100:.0f}%"


def targets_table(report: Report) -> list[str]:
    """Each operation against issue 12's targets, and the typed list's query counts."""
    lines = ["| operation | target | measured | |", "|---|---|---:|---|"]
    for operation, stats in report.results.items():
        write = operation in report.writes
        for other, limit in WRITE_TARGETS if write else READ_TARGETS:
            value = stats["graphql"].median / stats[other].median
            lines.append(
                f"| {operation} | GraphQL / {LABELS[other]} ≤ {limit:.2f}{TIMES} "
                f"| {value:.2f}{TIMES} "
                f"| {_verdict(value, limit)} |"
            )
        if write:
            graphql, v3 = stats["graphql"].queries, stats["v3"].queries
            lines.append(
                f"| {operation} | SQL GraphQL ≤ v3 | {graphql} / {v3} | {_verdict(graphql, v3)} |"
            )
    counts = [row.graphql.queries for row in report.scaling]
    sizes = ", ".join(str(row.size) for row in report.scaling)
    same = "met" if len(set(counts)) == 1 else "missed"
    lines.append(
        f"| typed list | same SQL for N = {sizes} | {' / '.join(map(str, counts))} | {same} |"
    )
    return lines


def render(report: Report) -> str:
    options, env = report.options, report.environment
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"Run of {today}: {env['database']}; Python {env['python']}; {env['packages']}; "
        f"{env['machine']}; commit {env['commit']}.",
        "",
        f"Operations: median / p90 of {options.iterations} round-robin iterations "
        f"(after {options.warmup} warm-up), milliseconds; ratios of medians; SQL statements "
        "per call.",
        "",
        *operations_table(report),
        "",
        "Typed list (`pages(childOf:, limit: N)`, see below): median of "
        + ", ".join(f"{runs(row.size, options.repeats)}" for row in report.scaling)
        + " runs per variant for N = "
        + ", ".join(str(row.size) for row in report.scaling)
        + "; peak memory of one call, traced with `tracemalloc`.",
        "",
        *scaling_table(report),
        "",
        "Against the targets of issue 12 (ratios of medians, from this run):",
        "",
        *targets_table(report),
        "",
        "Run time: "
        + ", ".join(f"{part} {seconds:.0f} s" for part, seconds in report.seconds.items())
        + ".",
    ]
    return "\n".join(lines) + "\n"


def update_docs(path: Path, markdown: str) -> None:
    """Replace the run between the markers of ``path`` with ``markdown``."""
    text = path.read_text()
    if BEGIN not in text or END not in text:
        raise ValueError(f"{path} has no {BEGIN} ... {END} section to replace.")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n\n{markdown}\n{END}{tail}")
