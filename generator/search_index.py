"""The search index: Pagefind, run over the built site, whichever engine built it.

Material's own search plugin writes one lunr index that every searcher downloads whole (29 MB
at 1,000 reports). Pagefind splits its index by word and fetches only the pieces a query
needs; its extended build segments Chinese.

Pagefind 1.6 holds about 1.1 MB per page until it writes its index, so one index of 10,000
reports would need 11 GB. The built pages go to it in shards of SHARD_PAGES (hard links in a
work folder, no copies), each shard indexed by the Pagefind command in a background thread,
one at a time, while the next shard is gathered.

A shard holds the reports of one year only, newest year first, and the other pages (home, year,
department pages) come last in shards of their own. The browser (search.js) searches each year
in a Pagefind of its own, so the newest year's results show as soon as that year has answered,
and a year filter simply leaves the other years out. pagefind/shards.json lists the years and
their shards, each with a tag of its entry file, which Pagefind then fetches at a stable address
(cached) instead of with the time of every opening. The bundle at pagefind/ itself indexes one
placeholder page: every year's Pagefind starts from it, so its program and its WebAssembly are
downloaded once, and it finds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
BUNDLE = "pagefind"
SHARDS = "pagefind-shards"
SHARD_PAGES = 700  # about 0.8 GB for Pagefind: the 10,000-report build stays within 2 GiB
# Only each page's article: not the header, tabs, navigation or footer. Not the page's own
# text either: heading permalinks ("#") and the breadcrumb trail.
ROOT_SELECTOR = "article.md-content__inner"
# Nor what every report page says alike (the glossary) or says twice (a chart's table repeats
# its caption): they would make every page match 预算 or 支出, and swell the index.
EXCLUDE = ".headerlink, .md-source-file, .jx-breadcrumbs, .jx-terms, .jx-chart-data"
# Pagefind's ready-made interfaces: the site draws results in Material's search box instead
# (docs/assets/javascripts/search.js), so these would only be dead weight in the download.
# Pagefind's program, the same in every bundle: only pagefind/ keeps it.
PROGRAM = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message is for the user."""


def pagefind_executable() -> Path:
    """The Pagefind command that `npm ci` installed from package-lock.json (its extended build,
    which segments Chinese), for this computer's system and processor."""
    system = {"win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    cpu = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64"}.get(platform.machine().lower(),
                                                                    platform.machine().lower())
    name = "pagefind_extended.exe" if system == "windows" else "pagefind_extended"
    exe = NODE_MODULES / "@pagefind" / f"{system}-{cpu}" / "bin" / name
    if not exe.is_file():
        raise SearchIndexError(f"找不到 Pagefind（搜索索引工具）：{exe}。请运行 `make site`，它会按 package-lock.json 安装。")
    return exe


class ShardedIndex:
    """add() saves a page for its shard and returns; full shards are indexed in the background."""

    def __init__(self, site_dir: Path, work: Path) -> None:
        self.site_dir = site_dir
        self.exe = pagefind_executable()
        # A fixed folder beside the site rather than a new one in /tmp: a killed build's pages
        # are removed by the next build (and the build's lock keeps two builds apart).
        self.work = work
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        self.shards = 0  # shards handed to the indexer so far
        self.count = 0  # pages in the shard being filled
        self.groups: list[tuple[str, list[int]]] = []  # (year or OTHER, its shards), in search order
        self._queue: queue.Queue = queue.Queue()
        self._failure: SearchIndexError | None = None
        self._process: subprocess.Popen | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._index_shards, name="pagefind", daemon=True)
        self._thread.start()

    def _bundle(self, number: int) -> Path:
        return self.site_dir / f"{SHARDS}/{number + 1}"

    def add(self, url: str, page: Path, link: bool = True) -> None:
        """Hand the built page at url (its file, page) to the shard being filled: a hard link,
        or a copy when link is false (a site whose pages may be rewritten meanwhile). Pages come
        in search order (built_pages): a new year starts a new shard."""
        group = group_of(url)
        new_group = not self.groups or self.groups[-1][0] != group
        if self.count == SHARD_PAGES or (self.count and new_group):
            self._close()
        if new_group:
            self.groups.append((group, []))
        if self.count == 0:
            self.groups[-1][1].append(self.shards)
        target = self.work / str(self.shards) / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (link and _linked(page, target)):
            shutil.copyfile(page, target)
        self.count += 1

    def _close(self) -> None:
        if self.count:
            self._queue.put(self.shards)
            self.shards += 1
            self.count = 0

    def _index_shards(self) -> None:
        while (number := self._queue.get()) is not None:
            if self._failure or self._stopped:
                continue
            source = self.work / str(number)
            self._process = subprocess.Popen(self._command(source, self._bundle(number)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            output, _ = self._process.communicate()
            if self._process.returncode != 0 and not self._stopped:
                self._failure = SearchIndexError(
                    f"建立搜索索引失败（Pagefind 退出码 {self._process.returncode}）：{output.strip()}")
            shutil.rmtree(source, ignore_errors=True)

    def _command(self, source: Path, output: Path) -> list[str]:
        return [str(self.exe), "--site", str(source), "--output-path", str(output),
                "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE, "--silent"]

    def finish(self) -> int:
        """Wait for every shard to be indexed; returns how many shards there are."""
        self._close()
        self._queue.put(None)
        self._thread.join()
        try:
            if self._failure:
                raise self._failure
            if self.shards:
                self._placeholder_bundle()
        finally:
            shutil.rmtree(self.work, ignore_errors=True)
        for number in range(self.shards):
            for name in UNUSED + PROGRAM:  # the placeholder's program serves every shard
                (self._bundle(number) / name).unlink(missing_ok=True)
        if self.shards:
            groups = [{"year": None if group == OTHER else int(group),
                       "bundles": [{"path": f"{SHARDS}/{n + 1}/", "tag": _tag(self._bundle(n))} for n in shards]}
                      for group, shards in self.groups]
            (self.site_dir / BUNDLE / "shards.json").write_text(
                json.dumps({"tag": _tag(self.site_dir / BUNDLE), "groups": groups}, separators=(",", ":")) + "\n",
                encoding="utf-8")
        return self.shards

    def _placeholder_bundle(self) -> None:
        """pagefind/: one page of one character, the starting point of every year's Pagefind."""
        site = self.work / "placeholder"
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text(PLACEHOLDER, encoding="utf-8")
        result = subprocess.run(self._command(site, self.site_dir / BUNDLE), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        shutil.rmtree(site, ignore_errors=True)
        if result.returncode != 0:
            raise SearchIndexError(f"建立搜索索引失败（Pagefind 退出码 {result.returncode}）：{result.stdout.strip()}")
        for name in UNUSED:
            (self.site_dir / BUNDLE / name).unlink(missing_ok=True)

    def discard(self) -> None:
        """Stop indexing (the build failed or was interrupted) and remove the saved pages."""
        self._stopped = True
        if self._process and self._process.poll() is None:
            self._process.kill()
        self._queue.put(None)
        self._thread.join(timeout=30)
        shutil.rmtree(self.work, ignore_errors=True)


OTHER = "other"  # the group of every page that is not a report: home, year and department pages
# The placeholder page of pagefind/, in the site's language so that its index is the Chinese one.
PLACEHOLDER = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>-</title></head>'
               '<body><article class="md-content__inner">〇</article></body></html>')


def group_of(url: str) -> str:
    """A page's group in the index: a report's year (/2023/slug/ is "2023"), else OTHER."""
    parts = url.strip("/").split("/")
    return parts[0] if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) == 4 else OTHER


def _search_order(url: str) -> tuple:
    group = group_of(url)
    return (group == OTHER, -int(group) if group != OTHER else 0, url)


def _tag(bundle: Path) -> str:
    """A bundle's entry file's fingerprint: the address at which Pagefind fetches it."""
    return hashlib.sha256((bundle / "pagefind-entry.json").read_bytes()).hexdigest()[:16]


def _linked(page: Path, target: Path) -> bool:
    try:
        os.link(page, target)  # the work folder sits beside the site: usually the same file system
        return True
    except OSError:
        return False


# Not pages a citizen searches for: the error page, and the staff's guide and field reference (their
# snippets, such as ".items[].figures[].label", would crowd out reports).
NOT_INDEXED = frozenset({"404.html", "guide/index.html", "data/fields/index.html"})


def built_pages(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """(address, file) of every page of a built site, in search order (each year's reports, newest
    year first, then the other pages) and a stable one: <dir>/index.html is /<dir>/."""
    pages = []
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        if rel in NOT_INDEXED or rel.startswith(("assets/", BUNDLE + "/", SHARDS + "/")):
            continue
        pages.append(("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel), path))
    yield from sorted(pages, key=lambda page: _search_order(page[0]))


def index_site(site_dir: Path, work: Path) -> int:
    """Index every page of site_dir into its pagefind/ bundles; returns how many shards there are."""
    index = None
    try:  # the index is made inside: an interrupt while it starts up must clean up too
        index = ShardedIndex(site_dir, work)
        for url, page in built_pages(site_dir):
            index.add(url, page)
        return index.finish()
    except BaseException:
        if index is not None:
            index.discard()
        shutil.rmtree(work, ignore_errors=True)
        raise
