"""Per-report work on every core. Reports are independent until the indexes are made, and
MkDocs itself is single-threaded, so the generator's share of a build is what can be cut."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_PER_WORKER = 100  # below this, starting a process costs more than it saves

# Set just before the workers are forked, so they inherit the work instead of having it
# pickled to them; only the results travel back.
_work: tuple[Callable, Sequence] | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _run(bounds: tuple[int, int]) -> list:
    func, items = _work
    return [func(item) for item in items[bounds[0]:bounds[1]]]


def map_reports(func: Callable[[T], R], items: Sequence[T], parallel: bool = True) -> list[R]:
    """[func(item) for item in items], in order, split over the cores when there is enough work.

    Forks (Linux): callers must not hold threads that the children could need (the build calls
    this before it starts Pagefind; `serve` passes parallel=False)."""
    workers = min(cores(), len(items) // MIN_PER_WORKER)
    if not parallel or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    global _work
    _work = (func, items)
    step = -(-len(items) // (workers * 4))  # several chunks per worker, so that none waits idle
    chunks = [(start, min(start + step, len(items))) for start in range(0, len(items), step)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_run, chunks) for result in chunk]
    finally:
        _work = None
