"""Where a built site's bytes go, per report: which kinds of file grow with the reports, and so
how many reports fit in GitHub Pages' 1 GB (issue 16's budget is 50 KB a report, all included).

    .venv/bin/python -m bench.site_bytes SITE REPORTS
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

from generator.pages_size import PAGES_LIMIT
# (key, title, rule on the path below the site): the first that matches takes the file.
KINDS = [
    ("report_pages", "报告页", re.compile(r"^\d{4}/[^/]+/index\.html$")),
    ("report_charts", "报告图表 CSV", re.compile(r"^\d{4}/[^/]+/chart-[^/]+\.csv$")),
    ("report_downloads", "每份报告的下载", re.compile(r"^data/\d{4}/[^/]+$")),
    ("search_index", "搜索索引", re.compile(r"^pagefind(?:-shards)?/")),
    ("index_pages", "年度和部门页", re.compile(r"^(?:\d{4}/(?:index\.html|chart-[^/]+\.csv)|departments/|years/)")),
    ("whole_set", "整套数据和站点地图", re.compile(r"^(?:data/(?:reports|indicators)\.|sitemap|feed\.xml)")),
    ("site_wide", "不随报告增长", re.compile(r"")),  # scripts, styles, icons, the hand-written pages
]


def bytes_by_kind(site: Path) -> dict[str, int]:
    out = dict.fromkeys((key for key, _, _ in KINDS), 0)
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            key = next(key for key, _, rule in KINDS if rule.search(rel))
            out[key] += path.stat().st_size
    return out


OWN = ("report_pages", "report_charts", "report_downloads")  # the kinds of file each report has apart


def _report_of(rel: str) -> str:
    """The report a file of its own belongs to: 2021/slug/… and data/2021/slug.… both give 2021/slug."""
    parts = rel.removeprefix("data/").split("/")
    return parts[0] + "/" + parts[1].split(".")[0]


def median_report_kb(site: Path, reports: int) -> float:
    """A seed-sized report's share (issue 16's budget is for those): the median report's own files,
    plus an equal share of everything that grows with the reports but is not any one's own."""
    own: dict[str, int] = {}
    shared = 0
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            key = next(key for key, _, rule in KINDS if rule.search(rel))
            if key in OWN:
                own[_report_of(rel)] = own.get(_report_of(rel), 0) + path.stat().st_size
            elif key != "site_wide":
                shared += path.stat().st_size
    return round((statistics.median_low(own.values()) + shared / reports) / 1024, 1) if own else 0.0


def per_report(site: Path, reports: int) -> dict:
    """KB per report by kind (all but the site-wide files, which do not grow with the reports),
    their total, and how many reports fit in 1 GB beside the site-wide files."""
    kinds = bytes_by_kind(site)
    growing = sum(v for k, v in kinds.items() if k != "site_wide")
    out = {f"each_{k}_kb": round(v / reports / 1024, 1) for k, v in kinds.items() if k != "site_wide"}
    out["site_wide_mb"] = round(kinds["site_wide"] / 2**20, 1)
    out["per_report_kb"] = round(growing / reports / 1024, 1)
    out["median_report_kb"] = median_report_kb(site, reports)
    out["reports_per_gb"] = int((PAGES_LIMIT - kinds["site_wide"]) / (growing / reports)) if growing else 0
    return out


COLUMNS = [(f"each_{key}_kb", f"{title} KB") for key, title, _ in KINDS[:-1]] + [
    ("site_wide_mb", "不随报告增长 MB"), ("per_report_kb", "每份合计 KB"), ("median_report_kb", "中位报告合计 KB"), ("reports_per_gb", "1 GB 可容报告数")]


def main(argv: list[str] | None = None) -> int:
    site, reports = Path(argv[0]), int(argv[1])
    result = per_report(site, reports)
    print("| " + " | ".join(t for _, t in COLUMNS) + " |")
    print("| " + " | ".join(str(result[k]) for k, _ in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
