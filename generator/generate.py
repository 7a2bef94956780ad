"""Generate docs/ from the checked reports: pages, downloads, open data, feed, schema and ECharts."""

from __future__ import annotations

import datetime
import functools
import os
import shutil
import subprocess
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from . import chart_shared, derive, fields, opendata, parallel, render
from .feed import atom_feed
from .model import json_schema_text
from .paths import DOCS_DIR, ECHARTS, ROOT
from .problems import BuildError
from .validate import Entry
from .writers import MANIFEST, read_manifest, write_tree


def set_build_date(entries: Iterable[Entry] = ()) -> None:
    """Dates the build writes (sitemap, feed) come from the last commit, never the clock; outside
    git, from the data: the newest publication date, else the newest report file."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    stamp = _commit_time()
    if stamp is None:
        entries = list(entries)
        published = [e.report.published for e in entries if e.report.published]
        if published:
            stamp = int(datetime.datetime.combine(max(published), datetime.time(), datetime.timezone.utc).timestamp())
        else:
            stamp = max((int(e.path.stat().st_mtime) for e in entries), default=int(time.time()))
    os.environ["SOURCE_DATE_EPOCH"] = str(stamp)


def generated_files(entries: list[Entry], site_url: str | None = None, cache=None,
                    open_data: bool = True) -> Iterator[tuple[str, str | bytes | None]]:
    """Every generated file below docs/, as (path, content) pairs while they are made: pages,
    downloads, the schema and the ECharts script. The reports' files stream from the workers
    and are written and let go one by one (10,000 reports' pages are over 1 GB).
    open_data=False leaves the whole data set's files as they are (content None): the preview
    brings them up to date after the edited page is shown."""
    if not ECHARTS.is_file():
        raise BuildError(f"找不到 {ECHARTS.relative_to(ROOT)}。请运行 `make site`（它会安装并打包 ECharts）。")
    env = _env()  # compiled once: the preview regenerates on every save
    derived = derive.derive(entries)  # the derive stage: every figure a page shows, worked out once
    ordered = sorted(derived.records, key=lambda rec: (-rec.report.year, rec.report.department.name, rec.entry.stem))
    made = cache.report_files(ordered) if cache else parallel.each_report(report_files_of, ordered)
    for report_files in made:
        yield from report_files.items()
    for page in render.render_indexes(env, derived):
        yield page.path, page.markdown
        for chart in page.charts:
            yield page.folder + chart.csv_name, chart.csv()
    # The data set first: its page tells each file's size.
    dataset = opendata.dataset_files(derived.records) if open_data else dict.fromkeys(opendata.DATASET_FILES)
    schema = json_schema_text()
    sizes = {path.removeprefix("data/"): file_size(content) for path, content in dataset.items() if content is not None}
    sizes["report.schema.json"] = file_size(schema)
    yield "data/index.md", env.get_template("data.md.j2").render(base="../", sizes=sizes)
    yield "terms/index.md", env.get_template("terms.md.j2").render()
    yield "data/fields/index.md", env.get_template("fields.md.j2").render(base="../../", fields=fields.field_dictionary())
    yield from dataset.items()
    yield "feed.xml", atom_feed(derived.records, site_url)
    yield "data/report.schema.json", schema
    yield "assets/vendor/echarts.min.js", ECHARTS.read_bytes()
    yield "assets/javascripts/chart-shared.js", chart_shared.shared_script()


def file_size(content: str | bytes) -> str:
    """A download's size as a reader weighs it: 812 字节, 35.2 KB, 1.4 MB."""
    n = len(content.encode("utf-8") if isinstance(content, str) else content)
    if n < 1024:
        return f"{n} 字节"
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def report_files_of(rec: derive.Record) -> dict[str, str | bytes]:
    """One report's page, its chart CSVs and its downloads."""
    e = rec.entry
    folder = f"data/{e.report.year}"
    # The original only: the report's data is in the whole set's reports.zip, and every copy of
    # it per report (JSON, YAML, a CSV row) cost GitHub Pages' 1 GB 200 MB at 20,000 reports.
    files: dict[str, str | bytes] = {}
    downloads = {}
    if e.source_path:
        path = f"{folder}/{e.source_path.name}"
        files[path] = e.source_path.read_bytes()
        downloads["原始文件"] = quote(path)  # percent-encoded: an original's name may hold #, % or spaces
    # Links are relative: the report page is <year>/<stem>/, the data page is data/.
    page = render.render_report(_env(), rec, {label: "../../" + href for label, href in downloads.items()})
    files[page.path] = page.markdown
    for chart in page.charts:
        files[page.folder + chart.csv_name] = chart.csv()
    return files


@functools.cache
def _env():
    return render.make_env()


def prepare_docs(docs_dir: Path, files: Iterable[tuple[str, str | bytes]]) -> tuple[int, int]:
    """Write the generated files; a docs_dir other than docs/ also gets a copy of the hand-written pages."""
    written, removed = write_tree(docs_dir, files)
    if docs_dir.resolve() != DOCS_DIR.resolve():
        made = read_manifest(docs_dir)
        generated = read_manifest(DOCS_DIR)
        for path in sorted(DOCS_DIR.rglob("*")):
            rel = path.relative_to(DOCS_DIR).as_posix()
            if path.is_file() and rel not in generated and rel != MANIFEST and rel not in made:
                target = docs_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists() or target.read_bytes() != path.read_bytes():
                    shutil.copyfile(path, target)
    return written, removed


def _commit_time() -> int | None:
    """The last commit's time, so that dates in the sitemap do not change from build to build."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, ValueError, subprocess.CalledProcessError):
        return None
