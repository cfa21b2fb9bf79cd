"""What one run measures, and its defaults (here, apart, so ``__main__`` can read them
before Django is set up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    #: Timed round-robin iterations of every operation, after ``warmup`` untimed ones.
    iterations: int = 20
    warmup: int = 2
    #: Page counts of the list operations (v3 and GraphQL side by side).
    lists: tuple[int, ...] = (10, 100)
    #: Page counts of the N-scaling table, and the timed runs per size (see ``scaling.runs``).
    sizes: tuple[int, ...] = (10, 100, 1000)
    repeats: int = 3
