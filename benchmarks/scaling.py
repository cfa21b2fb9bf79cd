"""The N-scaling table: ``documents.TYPED_LIST`` for N = 10, 100, 1,000 pages.

For each N, one untimed call of each variant is checked (GraphQL's answer against the
direct floor's, ``typed.py``), its SQL statements counted and its peak memory traced
with ``tracemalloc`` (after a warm-up call of one page); then each is timed a
few times, alternating (see ``runs``), without tracing, which slows the code it traces.
Memory per page at each N shows whether memory grows linearly with the list.
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


@dataclass(frozen=True)
class Traced:
    """One untimed call: its SQL statements, its peak memory and its result."""

    queries: int
    peak: int  # bytes allocated at most while it ran (what it keeps alive included)
    result: Any


def traced(call: Callable[[], Any]) -> Traced:
    gc.collect()
    tracemalloc.start()
    try:
        queries, result = counted(call)
        return Traced(queries, tracemalloc.get_traced_memory()[1], result)
    finally:
        tracemalloc.stop()


def _calls(fixture: Fixture, api: Api, size: int) -> dict[str, Callable[[], Any]]:
    variables = {"parent": str(fixture.index.pk), "limit": size}
    return {
        "graphql": lambda: api.graphql(docs.TYPED_LIST, variables),
        "direct": lambda: typed_list(fixture.index, size),
    }


def _check(size: int, calls: dict[str, Callable[[], Any]]) -> dict[str, Traced]:
    """One traced call of each; raise ``Failed`` unless both return the same data."""
    graphql, floor = traced(calls["graphql"]), traced(calls["direct"])
    answer = json.loads(graphql.result.content)
    if graphql.result.status_code != 200 or "errors" in answer:
        raise Failed(f"typed list of {size}: {graphql.result.status_code} {answer.get('errors')}")
    found = difference(answer["data"], json.loads(floor.result))
    if found:
        raise Failed(f"typed list of {size}: GraphQL and the direct floor disagree at {found}")
    if len(answer["data"]["pages"]["items"]) != size:
        raise Failed(f"typed list of {size}: {len(answer['data']['pages']['items'])} items")
    return {"graphql": graphql, "direct": floor}


def runs(size: int, repeats: int) -> int:
    """Timed runs of each variant for N = ``size``: ``repeats`` up to 100 pages, fewer
    (at least one) above, so each N times about the same number of pages."""
    return max(1, min(repeats, math.ceil(repeats * 100 / size)))


def scale_row(fixture: Fixture, api: Api, size: int, repeats: int) -> ScaleRow:
    calls = _calls(fixture, api, size)
    checked = _check(size, calls)
    stats = {name: Stats(queries=call.queries) for name, call in checked.items()}
    for repeat in range(runs(size, repeats)):
        for name in ("graphql", "direct") if repeat % 2 == 0 else ("direct", "graphql"):
            start = time.perf_counter_ns()
            calls[name]()
            stats[name].samples.append((time.perf_counter_ns() - start) / 1e6)
    return ScaleRow(
        size, stats["graphql"], stats["direct"], checked["graphql"].peak, checked["direct"].peak
    )


def scale(fixture: Fixture, api: Api, sizes: tuple[int, ...], repeats: int) -> list[ScaleRow]:
    for call in _calls(fixture, api, 1).values():
        call()  # warm-up: what the first run of this document fills (caches) is not per N
    return [scale_row(fixture, api, size, repeats) for size in sizes]
