"""The pipeline end to end: read -> validate -> derive -> render -> write docs/ -> mkdocs build -> swap in site/."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from . import opendata, parallel, render
from .feed import atom_feed
from .derive import check_all, check_report
from .model import json_schema_text
from .problems import DataError, Problem, at_most, display_path
from .inventory import scan
from .readers import read_dataset, read_yaml
from .passthrough import PassThroughHtml
from .search_index import IndexPages, SearchIndexError, ShardedIndex
from .validate import Entry, validate
from .writers import MANIFEST, write_tree

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
ECHARTS = ROOT / "build" / "echarts.min.js"  # made by `make` from frontend/echarts.js


class BuildError(Exception):
    """A failure that is not the data's fault (missing tool, MkDocs error); the message is for the user."""


@dataclass
class Loaded:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    sample: bool = False  # invented data (dataset.yaml says sample: true): every page says so

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


@dataclass
class Cache:
    """What `serve` keeps between rebuilds, so that one edited report costs one report's work:
    each file's reading and checks, and each report's generated files, by file and mtime."""

    parallel: bool = True  # the first, full pass may fork; later ones run beside server threads
    loaded: dict = field(default_factory=dict)  # path -> (signature, entry, problems)
    made: dict = field(default_factory=dict)  # path -> (signature, files, downloads)

    def load(self, paths: list[Path]) -> list[tuple[Entry | None, list[Problem]]]:
        self.loaded = self._refresh(self.loaded, paths, lambda p: p, _signature, _load_one)
        return [self.loaded[p][1:] for p in paths]

    def report_files(self, entries: list[Entry]) -> list[tuple[dict, dict]]:
        def signature(e: Entry):
            return _signature(e.path), e.source_path and _signature(e.source_path)

        self.made = self._refresh(self.made, entries, lambda e: e.path, signature, report_files_of)
        return [self.made[e.path][1:] for e in entries]

    def _refresh(self, kept: dict, items: list, key, signature, work) -> dict:
        """kept (key -> (signature, *result)) for items: work redone only where the signature changed."""
        signatures = {key(i): signature(i) for i in items}
        stale = [i for i in items if kept.get(key(i), (None,))[0] != signatures[key(i)]]
        for item, result in zip(stale, parallel.map_reports(work, stale, self.parallel)):
            kept[key(item)] = (signatures[key(item)], *result)
        return {key(i): kept[key(i)] for i in items}


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def load(data_dir: Path, cache: Cache | None = None) -> Loaded:
    """Read and check every report under data_dir, collecting every problem rather than stopping at the first."""
    out = Loaded()
    if not data_dir.is_dir():
        out.problems.append(Problem(display_path(data_dir), None, "", "数据目录不存在。请检查 --data 参数。"))
        return out
    try:
        out.sample = bool(read_dataset(data_dir).get("sample", False))
    except DataError as e:
        out.problems.extend(e.problems)
    paths, other_files, found = scan(data_dir)
    out.problems.extend(found)
    out.files = len(paths)
    if not paths and not found:
        out.problems.append(Problem(display_path(data_dir), None, "",
                                    "没有找到报告文件。报告应放在 <年度>/<部门标识>.yaml，如 2021/huangshi-shangwuju.yaml。"))
    for entry, problems in (cache.load(paths) if cache else parallel.map_reports(_load_one, paths)):
        out.problems.extend(problems)
        if entry:
            out.entries.append(entry)
    out.problems.extend(check_all(out.entries))
    out.problems.extend(unnamed_files(other_files, out.entries, len(paths) - len(out.entries)))
    return out


def unnamed_files(files: list[Path], entries: list[Entry], unreadable: int) -> list[Problem]:
    """A file beside the reports that no report names as its source is published nowhere: say so."""
    if unreadable:
        return []  # a report that could not be read may be the one that names it
    named = {e.source_path.resolve() for e in entries if e.source_path}
    return [Problem(display_path(f), None, "", "没有报告在 source.file 中引用这个文件，它不会公开。"
                    "如果它是某份报告的原文，请在那份报告中写 `source:\n  file: " + f.name + "`；否则请删除它。", "warning")
            for f in files if f.resolve() not in named]


def _load_one(path: Path) -> tuple[Entry | None, list[Problem]]:
    try:
        entry = validate(read_yaml(path))
    except DataError as e:
        return None, e.problems
    problems = at_most(check_report(entry), entry.name)
    # After this only the department's lines are looked up (check_all); every value's line
    # would be over half of what 10,000 loaded reports take in memory.
    return dataclasses.replace(entry, lines={k: v for k, v in entry.lines.items() if k[:1] in ((), ("department",))}), problems


def set_build_date(entries: Iterable[Entry] = ()) -> None:
    """Dates the build writes (sitemap, feed) come from the last commit, never the clock; outside
    git, from the data: the newest publication date, else the newest report file."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    entries = list(entries)
    published = [e.report.published for e in entries if e.report.published]
    if (stamp := _commit_time()) is None and published:
        stamp = int(datetime.datetime.combine(max(published), datetime.time(), datetime.timezone.utc).timestamp())
    if stamp is None:
        stamp = max((int(e.path.stat().st_mtime) for e in entries), default=int(time.time()))
    os.environ["SOURCE_DATE_EPOCH"] = str(stamp)


def generated_files(entries: list[Entry], site_url: str | None = None, cache: Cache | None = None,
                    open_data: bool = True) -> Iterator[tuple[str, str | bytes | None]]:
    """Every generated file below docs/, as (path, content) pairs while they are made: pages,
    downloads, the schema and the ECharts script. The reports' files stream from the workers
    and are written and let go one by one (10,000 reports' pages are over 1 GB).
    open_data=False leaves the whole data set's files as they are (content None): the preview
    brings them up to date after the edited page is shown."""
    if not ECHARTS.is_file():
        raise BuildError(f"找不到 {ECHARTS.relative_to(ROOT)}。请运行 `make site`（它会安装并打包 ECharts）。")
    env = _env()  # compiled once: the preview regenerates on every save
    ordered = sorted(entries, key=lambda e: (-e.report.year, e.report.department.name, e.stem))
    data_rows = []
    made = cache.report_files(ordered) if cache else parallel.each_report(report_files_of, ordered)
    for entry, (report_files, downloads) in zip(ordered, made):
        yield from report_files.items()
        data_rows.append((entry, {label: "../" + href for label, href in downloads.items()}))
    for page in render.render_indexes(env, entries):
        yield page.path, page.markdown
        for chart in page.charts:
            yield page.folder + chart.csv_name, chart.csv()
    yield "data/index.md", env.get_template("data.md.j2").render(base="../", rows=data_rows, report_url=render.report_url)
    yield "data/fields.md", env.get_template("fields.md.j2").render(base="../../", fields=opendata.field_dictionary())
    if open_data:
        yield from opendata.dataset_files(entries).items()
    else:
        yield from ((path, None) for path in opendata.DATASET_FILES)
    yield "feed.xml", atom_feed(entries, site_url)
    yield "data/report.schema.json", json_schema_text()
    yield "assets/vendor/echarts.min.js", ECHARTS.read_bytes()


def report_files_of(e: Entry) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """One report's page, its chart CSVs and its downloads; and the downloads by label."""
    folder = f"data/{e.report.year}"
    files: dict[str, str | bytes] = {f"{folder}/{e.stem}.json": report_json(e), f"{folder}/{e.stem}.csv": opendata.report_csv(e),
                                     f"{folder}/{e.stem}.yaml": e.path.read_bytes()}
    labels = ["JSON 数据", "CSV 数据", "YAML 源数据"]
    if e.source_path:
        files[f"{folder}/{e.source_path.name}"] = e.source_path.read_bytes()
        labels.append("原始文件")
    # Addresses are percent-encoded: an original's name may hold #, % or spaces.
    downloads = {label: quote(path) for label, path in zip(labels, files)}
    # Links are relative: the report page is <year>/<stem>/, the data page is data/.
    page = render.render_report(_env(), e, {label: "../../" + href for label, href in downloads.items()})
    files[page.path] = page.markdown
    for chart in page.charts:
        files[page.folder + chart.csv_name] = chart.csv()
    return files, downloads


@functools.cache
def _env():
    return render.make_env()


def report_json(entry: Entry) -> str:
    return json.dumps(entry.report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def prepare_docs(docs_dir: Path, files: Iterable[tuple[str, str | bytes]]) -> tuple[int, int]:
    """Write the generated files; a docs_dir other than docs/ also gets a copy of the hand-written pages."""
    written, removed = write_tree(docs_dir, files)
    if docs_dir.resolve() != DOCS_DIR.resolve():
        made = set((docs_dir / MANIFEST).read_text(encoding="utf-8").split())
        generated = set((DOCS_DIR / MANIFEST).read_text(encoding="utf-8").split()) if (DOCS_DIR / MANIFEST).exists() else set()
        for path in sorted(DOCS_DIR.rglob("*")):
            rel = path.relative_to(DOCS_DIR).as_posix()
            if path.is_file() and rel not in generated and rel != MANIFEST and rel not in made:
                target = docs_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists() or target.read_bytes() != path.read_bytes():
                    shutil.copyfile(path, target)
    return written, removed


def mkdocs_config(docs_dir: Path, site_dir: Path, site_url: str | None, sample: bool):
    """mkdocs.yml for this build, with the generator's plugin that lets ready HTML skip
    Markdown's parser (generator/passthrough.py)."""
    from mkdocs.config import load_config

    overrides = {"docs_dir": str(docs_dir.resolve()), "site_dir": str(site_dir)}
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(config_file=str(CONFIG_FILE), **overrides)
    config.extra["sample_data"] = sample  # overrides/main.html shows the banner
    config.plugins["jx-passthrough"] = PassThroughHtml()
    return config


def mkdocs_build(docs_dir: Path, site_dir: Path, site_url: str | None = None, sample: bool = False) -> None:
    """Build with MkDocs and index with Pagefind into a new folder; swap it in only when everything succeeded."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    _quiet_mkdocs_logging()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = site_dir.with_name(f".{site_dir.name}.new")
    shutil.rmtree(tmp, ignore_errors=True)
    index = None
    try:
        config = mkdocs_config(docs_dir, tmp, site_url, sample)
        # After the passthrough plugin: each page's converted HTML goes to the search index.
        index = ShardedIndex(tmp, site_dir.with_name(f".{site_dir.name}.search"))
        config.plugins["jx-search-index"] = IndexPages(index, config.plugins["jx-passthrough"])
        build(config)
        index.finish()
    except SearchIndexError as e:
        if index:
            index.discard()
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"{e} 原有的 {site_dir.name}/ 未改动。") from None
    except MkDocsException as e:
        if index:
            index.discard()
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"MkDocs 构建失败：{e}。上面的 WARNING/ERROR 行说明了原因；原有的 {site_dir.name}/ 未改动。") from None
    except BaseException:
        if index:
            index.discard()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _quiet_mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_jx", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._jx = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _commit_time() -> int | None:
    """The last commit's time, so that dates in the sitemap do not change from build to build."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, ValueError, subprocess.CalledProcessError):
        return None
