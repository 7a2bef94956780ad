"""make bench: build synthetic sites of N reports and measure them; prints a table and writes JSON.

    .venv/bin/python -m bench.run [N ...] [--json bench/results.json]

For each N: the time of generation, of MkDocs and of the search index, the total, peak memory;
the floor (MkDocs alone on the same Markdown, with the passthrough, without the index) and the
ratio of the full build to it; the median and
largest report page; the site's size; the search index, and what a first search downloads and
how long it takes in Chromium (a tenth of the reports found, and all of them); everything a first visit to a report fetches, gzip-compressed;
and how long `make serve` takes to show an edited report (bench/serve_edit.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import browser, serve_edit, site_bytes, synthetic

ROOT = synthetic.ROOT
SERVE_MAX = 1000
# First searches: a kind of department, in sentences of a tenth of the reports (as a search in a
# real province would find), and the worst case, a word of the seed's text found in every report.
SEARCH_QUERY = "民政局"
SEARCH_EVERY = "消费券"
# …and a rare one: one department's number (合成…00001), on its own reports and a few index pages.
SEARCH_RARE = "00001"


def floor_build(work: Path) -> float:
    """MkDocs alone on the same generated Markdown: with the passthrough, without the index."""
    shutil.rmtree(work / "floor-site", ignore_errors=True)
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "bench.floor", str(work / "docs"), str(work / "floor-site")],
                   check=True, cwd=ROOT, env=env, capture_output=True)
    return round(time.perf_counter() - start, 2)


def full_build(data: Path, work: Path) -> dict:
    """A clean build as `make site` runs it, in its own process, timed from outside (start-up
    included, as the floor's is): generation, MkDocs, the search index, each also timed apart."""
    shutil.rmtree(work, ignore_errors=True)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "bench.measure", str(data), str(work)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result["total_s"] = round(time.perf_counter() - start, 2)
    return result


SEARCHES = 3  # each first search is timed in this many fresh pages: one alone varies by a third


def _median_search(chromium, site: Path, page_path: str, query: str, searches: int = SEARCHES) -> dict:
    runs = [browser.first_search(chromium, site, page_path, query) for _ in range(searches)]
    return {key: (max if key == "bytes" else statistics.median_low)(run[key] for run in runs) for key in runs[0]}


def measure(n: int, root: Path, repeat: int, searches: int = SEARCHES, serve: bool = True) -> dict:
    data = synthetic.make(root / f"data-{n}", n)
    work = root / f"work-{n}"
    # This machine's timings wander by a second or more: the full build and the floor take
    # turns, and each keeps its fastest run.
    runs, floors = [], []
    for _ in range(repeat):
        runs.append(full_build(data, work))
        floors.append(floor_build(work))
    result = min(runs, key=lambda r: r["total_s"])
    result["peak_mib"] = max(r["peak_mib"] for r in runs)
    result["runs"] = repeat
    result["floor_s"] = min(floors)
    result["ratio_to_floor"] = round(result["total_s"] / result["floor_s"], 2)
    site = work / "site"
    reports = [p for p in site.glob("20*/*/index.html")]
    sizes = sorted(p.stat().st_size for p in reports)
    result["report_html_median_kb"] = round(statistics.median(sizes) / 1024, 1)
    result["report_html_max_kb"] = round(sizes[-1] / 1024, 1)
    result["site_mb"] = round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1)
    index = [p for folder in ("pagefind", "pagefind-shards") for p in (site / folder).rglob("*") if p.is_file()]
    result["search_index_kb"] = round(sum(p.stat().st_size for p in index) / 1024, 1)  # every shard
    result.update(site_bytes.per_report(site, n))  # bytes per report by kind of file; reports in 1 GB
    # A reader on a report page searches once, cold: everything fetched for it, and how long
    # from the query typed to the results drawn (Chromium, served from this machine).
    page_path = sorted(reports)[0].parent.relative_to(site).as_posix() + "/"
    with browser.chromium() as chromium:
        first = _median_search(chromium, site, page_path, SEARCH_QUERY, searches)
        every = _median_search(chromium, site, page_path, SEARCH_EVERY, searches)
        rare = _median_search(chromium, site, page_path, SEARCH_RARE, searches)
        result["first_visit_gzip_kb"] = round(browser.first_visit(chromium, site, page_path) / 1024, 1)
    # `make serve` on the same data: seconds from saving an edited report to the preview
    # serving it (up to 1,000 reports; the preview keeps the whole site in memory).
    if serve and n <= SERVE_MAX:
        edited = shutil.copytree(data, root / f"serve-{n}")
        result["serve_edit_s"] = serve_edit.measure(edited)["serve_edit_s"]
        shutil.rmtree(edited)
    else:
        result["serve_edit_s"] = "—"
    result["first_search_kb"] = round(max(first["bytes"], every["bytes"]) / 1024, 1)  # the larger of the two
    result["first_search_ms"] = first["ms"]
    result["first_search_results"] = first["results_drawn"]
    result["first_search_page_ms"] = first["page_ms"]
    result["every_search_ms"] = every["ms"]
    result["every_search_page_ms"] = every["page_ms"]
    result["every_search_again_ms"] = every["again_ms"]
    result["rare_search_ms"] = rare["ms"]
    result["rare_search_results"] = rare["results_drawn"]
    return result


COLUMNS = [("reports", "报告数"), ("generate_s", "生成 s"), ("engine_s", "MkDocs s"), ("index_s", "索引 s"), ("total_s", "合计 s"),
           ("floor_s", "下限 s"), ("ratio_to_floor", "倍数"), ("peak_mib", "峰值 MiB"),
           ("report_html_median_kb", "报告页中位 KB"), ("report_html_max_kb", "报告页最大 KB"), ("site_mb", "网站 MB"),
           ("search_index_kb", "索引 KB"), ("first_search_kb", "首次搜索 KB"), ("first_search_ms", "首次搜索 ms"), ("every_search_ms", "全部命中 ms"), ("every_search_again_ms", "再查 ms"), ("rare_search_ms", "罕见词 ms"), ("first_visit_gzip_kb", "首次访问 gzip KB"), ("serve_edit_s", "预览刷新 s")]


def table(results: list[dict], columns: list[tuple[str, str]] = COLUMNS) -> str:
    lines = ["| " + " | ".join(title for _, title in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(r[key]) for key, _ in columns) + " |" for r in results]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="绩效公开的性能基准（合成数据，从不发布）")
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000], help="报告数（默认 100 1000）")
    parser.add_argument("--repeat", type=int, default=None, help="每个规模重复构建的次数，取最快的一次（默认：1,000 份以内 3 次，更多 1 次）")
    parser.add_argument("--searches", type=int, default=SEARCHES, help=f"每次首次搜索在几个新页面中各测一次，取中位数（默认 {SEARCHES}）")
    parser.add_argument("--no-serve", action="store_true", help="不测预览刷新（tests/test_serve.py 另测同一个函数）")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json", help="结果写入的 JSON 文件")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jx-bench-") as tmp:
        results = [measure(n, Path(tmp), args.repeat or (3 if n <= 1000 else 1), args.searches,
                           not args.no_serve) for n in args.sizes]
    print(table(results))
    print("\n每份报告占的字节（按文件种类；不随报告增长的部分单列）：\n")
    print(table(results, [("reports", "报告数"), *site_bytes.COLUMNS]))
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n已写入 {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
