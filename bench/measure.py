"""One clean build in its own process: generation, then MkDocs and the search index; prints JSON.
bench/run.py times the whole process from outside.

    python -m bench.measure DATA_DIR WORK_DIR
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from generator import build as pipeline


def main(data_dir: Path, work: Path) -> dict:
    pipeline.set_build_date()
    t0 = time.perf_counter()
    loaded = pipeline.load(data_dir)
    if loaded.errors:
        raise SystemExit("\n".join(map(str, loaded.errors)))
    files = pipeline.generated_files(loaded.entries, "http://127.0.0.1/")
    pipeline.prepare_docs(work / "docs", files)
    t1 = time.perf_counter()
    pipeline.mkdocs_build(work / "docs", work / "site", "http://127.0.0.1/", sample=loaded.sample)
    t2 = time.perf_counter()
    # Peak memory: this process's, plus the largest child's (Pagefind, or a generation worker),
    # which may have run at the same time: an upper bound on what the build held at once.
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"reports": len(loaded.entries), "generate_s": round(t1 - t0, 2), "build_s": round(t2 - t1, 2),
            "peak_mib": round(peak_kib / 1024, 1)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
