"""One clean build in its own process: generation, MkDocs, the search index, each timed; prints JSON.
bench/run.py times the whole process from outside.

    python -m bench.measure DATA_DIR WORK_DIR
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

from generator.engine import build_site
from generator.generate import generated_files, prepare_docs, set_build_date
from generator.loading import load


class PeakMemory:
    """The largest total memory of this process and all its children (Pagefind shards, the
    generation workers) at any moment, sampled five times a second. PSS, not RSS: a forked
    worker's pages shared with its parent count once, not twice."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(os.getpid())))

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return round(self.peak_kib / 1024, 1)


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            pids += [p for child in task.read_text().split() for p in _tree(int(child))]
        except OSError:
            pass
    return pids


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(data_dir: Path, work: Path) -> dict:
    """The same steps as `python -m generator build`, timed apart."""
    memory = PeakMemory()
    set_build_date()
    t0 = time.perf_counter()
    loaded = load(data_dir)
    if loaded.errors:
        raise SystemExit("\n".join(map(str, loaded.errors)))
    count, sample = len(loaded.entries), loaded.sample
    prepare_docs(work / "docs", generated_files(loaded.entries, "http://127.0.0.1/"))
    del loaded  # as the CLI does
    t1 = time.perf_counter()
    steps: dict = {}
    build_site(work / "docs", work / "site", "http://127.0.0.1/", sample=sample, timings=steps)
    t2 = time.perf_counter()
    return {"reports": count, "generate_s": round(t1 - t0, 2), "build_s": round(t2 - t1, 2), **steps,
            "peak_mib": memory.stop()}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
