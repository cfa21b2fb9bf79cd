"""Run the operations: warm up, check the variants agree and count their SQL, then time
them round-robin.

Round-robin: every iteration runs every operation, and each operation's variants one
after the other, in an order rotated at each iteration, so drift in the machine's speed
(other processes, CPU frequency) falls on all variants alike. Writes run in a
transaction rolled back after the call (only the call is timed), so every iteration
starts from the same database (work deferred with ``transaction.on_commit`` never runs,
for any variant; Wagtail's index updates run at save time, in django-tasks' immediate
backend, so they are measured).

SQL statements are counted in a separate pass (a cursor wrapper), not while timing.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import connection, transaction

from benchmarks.canonical import difference
from benchmarks.operations import VARIANTS, Failed, Operation, Variant


@dataclass
class Counter:
    """Counts the SQL statements run on the default connection while installed."""

    count: int = 0

    def __call__(self, execute: Callable[..., Any], *args: Any) -> Any:
        self.count += 1
        return execute(*args)


def counted(call: Callable[[], Any]) -> tuple[int, Any]:
    """Run ``call``; the number of SQL statements it ran, and its result."""
    counter = Counter()
    with connection.execute_wrapper(counter):
        result = call()
    return counter.count, result


@contextmanager
def rolled_back(write: bool) -> Iterator[None]:
    if not write:
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class Stats:
    samples: list[float] = field(default_factory=list)  # milliseconds
    queries: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        ordered = sorted(self.samples)
        return ordered[math.ceil(0.9 * len(ordered)) - 1]


Results = dict[str, dict[str, Stats]]


def check(operation: Operation) -> dict[str, int]:
    """Run each variant once: its SQL count; raise ``Failed`` unless all agree."""
    answers: dict[str, Any] = {}
    queries: dict[str, int] = {}
    for name, variant in operation.variants.items():
        with rolled_back(operation.write):
            queries[name], response = counted(partial(variant.call, 0))
            answers[name] = variant.canonical(response)
    first, *others = VARIANTS
    for other in others:
        found = difference(answers[first], answers[other])
        if found:
            raise Failed(f"{operation.name}: {first} and {other} disagree at {found}")
    return queries


def timed(operation: Operation, variant: Variant, iteration: int) -> float:
    """One call of ``variant``, in milliseconds; its answer is checked (untimed), so an
    error is never timed as if it were the operation."""
    with rolled_back(operation.write):
        start = time.perf_counter_ns()
        response = variant.call(iteration)
        elapsed = time.perf_counter_ns() - start
    variant.canonical(response)
    return elapsed / 1e6


def rotated(iteration: int) -> list[str]:
    shift = iteration % len(VARIANTS)
    return [*VARIANTS[shift:], *VARIANTS[:shift]]


def run(operations: list[Operation], iterations: int, warmup: int) -> Results:
    """Warm up, check and count, then time ``iterations`` round-robin rounds."""
    for iteration in range(warmup):
        for operation in operations:
            for name in rotated(iteration):
                timed(operation, operation.variants[name], iteration)
    results: Results = {}
    for operation in operations:
        queries = check(operation)
        results[operation.name] = {name: Stats(queries=queries[name]) for name in VARIANTS}
    for iteration in range(iterations):
        for operation in operations:
            for name in rotated(iteration):
                ms = timed(operation, operation.variants[name], iteration)
                results[operation.name][name].samples.append(ms)
    return results
