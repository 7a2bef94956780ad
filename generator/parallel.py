"""Per-report work on every core. Reports are independent until the indexes are made, and
MkDocs itself is single-threaded, so the generator's share of a build is what can be cut."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_PER_WORKER = 100  # below this, starting a process costs more than it saves
CHUNK = 50  # reports per task: small, so that finished results do not pile up waiting

# Set just before the workers are forked, so they inherit the work instead of having it
# pickled to them; only the results travel back.
_work: tuple[Callable, Sequence] | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _run(bounds: tuple[int, int]) -> list:
    func, items = _work
    return [func(item) for item in items[bounds[0]:bounds[1]]]


def map_reports(func: Callable[[T], R], items: Sequence[T], parallel: bool = True) -> list[R]:
    """[func(item) for item in items], in order, split over the cores when there is enough work."""
    return list(each_report(func, items, parallel))


def each_report(func: Callable[[T], R], items: Sequence[T], parallel: bool = True) -> Iterator[R]:
    """func(item) for each item, in order, as they are ready: the caller can write each result
    and let it go, so 10,000 reports' pages are never all in memory at once.

    Forks (Linux): callers must not hold threads that the children could need (the build calls
    this before it starts Pagefind; `serve` passes parallel=False after its first build)."""
    workers = min(cores(), len(items) // MIN_PER_WORKER)
    if not parallel or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (func(item) for item in items)
        return
    global _work
    _work = (func, items)
    chunks = [(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_run, chunks):
                yield from chunk
    finally:
        _work = None
