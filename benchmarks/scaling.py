"""The N-scaling table: ``documents.TYPED_LIST`` for N = 10, 100, 1,000 pages.

For each N: GraphQL's answer is checked against the direct floor's (``typed.py``), the
SQL statements of each are counted (the operations before have warmed both up), each is
timed a few times (alternating; see ``runs``), and
the peak memory of one call of each is taken with ``tracemalloc`` (in a separate run:
tracing slows the code it measures). Memory per page at each N shows whether memory
grows linearly with the list.
"""

from __future__ import annotations

import gc
import json
import math
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks import documents as docs
from benchmarks.canonical import difference
from benchmarks.data import Fixture
from benchmarks.operations import Api, Failed
from benchmarks.runner import Stats, counted
from benchmarks.typed import typed_list


@dataclass
class ScaleRow:
    size: int
    graphql: Stats
    direct: Stats
    graphql_peak: int  # bytes
    direct_peak: int

    def per_page(self, ms: float) -> float:
        return ms / self.size


def peak_memory(call: Callable[[], Any]) -> int:
    """Peak bytes allocated while ``call`` runs (what it keeps alive included)."""
    gc.collect()
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _calls(fixture: Fixture, api: Api, size: int) -> dict[str, Callable[[], Any]]:
    variables = {"parent": str(fixture.index.pk), "limit": size}
    return {
        "graphql": lambda: api.graphql(docs.TYPED_LIST, variables),
        "direct": lambda: typed_list(fixture.index, size),
    }


def _check(size: int, calls: dict[str, Callable[[], Any]]) -> dict[str, int]:
    """SQL counts; raise ``Failed`` unless GraphQL and the floor return the same data."""
    graphql_queries, response = counted(calls["graphql"])
    answer = json.loads(response.content)
    if response.status_code != 200 or "errors" in answer:
        raise Failed(f"typed list of {size}: {response.status_code} {answer.get('errors')}")
    direct_queries, floor = counted(calls["direct"])
    found = difference(answer["data"], json.loads(floor))
    if found:
        raise Failed(f"typed list of {size}: GraphQL and the direct floor disagree at {found}")
    if len(answer["data"]["pages"]["items"]) != size:
        raise Failed(f"typed list of {size}: {len(answer['data']['pages']['items'])} items")
    return {"graphql": graphql_queries, "direct": direct_queries}


def runs(size: int, repeats: int) -> int:
    """Timed runs of each variant for N = ``size``: ``repeats`` up to 100 pages, fewer
    (at least one) above, so each N times about the same number of pages."""
    return max(1, min(repeats, math.ceil(repeats * 100 / size)))


def scale_row(fixture: Fixture, api: Api, size: int, repeats: int) -> ScaleRow:
    calls = _calls(fixture, api, size)
    queries = _check(size, calls)
    stats = {name: Stats(queries=count) for name, count in queries.items()}
    for repeat in range(runs(size, repeats)):
        for name in ("graphql", "direct") if repeat % 2 == 0 else ("direct", "graphql"):
            start = time.perf_counter_ns()
            calls[name]()
            stats[name].samples.append((time.perf_counter_ns() - start) / 1e6)
    return ScaleRow(
        size,
        stats["graphql"],
        stats["direct"],
        peak_memory(calls["graphql"]),
        peak_memory(calls["direct"]),
    )


def scale(fixture: Fixture, api: Api, sizes: tuple[int, ...], repeats: int) -> list[ScaleRow]:
    return [scale_row(fixture, api, size, repeats) for size in sizes]
