"""`python -m generator serve`: a live preview that shows an edit to data/ or docs/ within seconds.

It keeps everything between rebuilds: each report's reading and pages (build.Cache), the
generated Markdown in its own folder (so writing it does not look like an edit), and MkDocs
rebuilds only the pages whose Markdown changed (`dirty`). Search is rebuilt in the background
after each change, from the pages' HTML kept in memory, and so are the whole data set's
downloads (data/reports.*), which no page shows and which take longer than the rest of an edit.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from dataclasses import dataclass, field

from . import opendata, parallel
from .engine import mkdocs_config, quiet_mkdocs_logging
from .generate import generated_files, prepare_docs, report_files_of, set_build_date
from .loading import load, load_one
from .paths import CONFIG_FILE, DOCS_DIR, ROOT
from .problems import BuildError, Problem, display_path
from .search_index import BUNDLE, SHARDS, SearchIndexError, ShardedIndex, built_pages
from .derive import Record, record
from .validate import Entry
from .writers import write_file


@dataclass
class Cache:
    """What `serve` keeps between rebuilds, so that one edited report costs one report's work:
    each file's reading and checks, and each report's generated files, by file and mtime."""

    parallel: bool = True  # the first, full pass may fork; later ones run beside server threads
    loaded: dict = field(default_factory=dict)  # path -> (signature, entry, problems)
    made: dict = field(default_factory=dict)  # path -> (signature, files)

    def load(self, paths: list[Path]) -> list[tuple[Entry | None, list[Problem]]]:
        self.loaded = self._refresh(self.loaded, paths, lambda p: p, _signature, load_one)
        return [self.loaded[p][1:] for p in paths]

    def report_files(self, records: list[Record]) -> list[dict]:
        def signature(rec: Record):
            # compared: the page's 与上年比 row changes when the earlier year's report does.
            return _signature(rec.entry.path), rec.entry.source_path and _signature(rec.entry.source_path), rec.compared

        self.made = self._refresh(self.made, records, lambda rec: rec.entry.path, signature,
                                  lambda rec: (report_files_of(rec),))
        return [self.made[rec.entry.path][1] for rec in records]

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


class Preview:
    def __init__(self, data_dir: Path, work: Path, url: str, report) -> None:
        self.data_dir = data_dir
        self.docs_dir = work / "docs"
        self.site_dir = work / "site"
        self.url = url
        self.report = report  # prints the data's problems
        self.cache = Cache()
        self.sample = False
        self._index_lock = threading.Lock()
        self._index_wanted = threading.Event()
        self._open_data_lock = threading.Lock()
        self._open_data_wanted: list | None = None  # the entries whose data set is still to write
        self._generated_once = False
        self._indexing: ShardedIndex | None = None  # the background index being made, if any
        self._closing = False

    def regenerate(self) -> bool:
        loaded = load(self.data_dir, self.cache)
        self.report(loaded.problems)
        if loaded.errors:
            print("数据有错误，预览未更新。改正后保存即可。", file=sys.stderr, flush=True)
            return False
        self.sample = loaded.sample
        later = self._generated_once  # the first pass writes everything before the first build
        files = generated_files(loaded.entries, self.url, self.cache, open_data=not later)
        prepare_docs(self.docs_dir, files)
        self._generated_once = True
        self._open_data_wanted = loaded.entries if later else None
        self.cache.parallel = False  # from now on the server's threads are running
        return True

    def build(self, dirty: bool) -> None:
        from mkdocs.commands.build import build

        config = mkdocs_config(self.docs_dir, self.site_dir, self.url, self.sample)
        if dirty:
            # MkDocs warns that every dirty build is one; strict mode would fail each rebuild on it.
            config["strict"] = False
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        build(config, dirty=dirty)
        self._index_wanted.set()
        threading.Thread(target=self._reindex, daemon=True).start()
        if self._open_data_wanted is not None:
            threading.Thread(target=self._write_open_data, daemon=True).start()

    def rebuild(self) -> None:
        """Called by the live-reload server when a watched file changes."""
        try:
            if self.regenerate():
                self.build(dirty=True)
                print("预览已更新。", flush=True)
        except Exception as e:  # keep previewing whatever goes wrong with one save
            print(f"重新生成失败：{e}", file=sys.stderr, flush=True)

    def _write_open_data(self) -> None:
        # The newest edit's data set, into the generated Markdown's folder and the served site.
        with self._open_data_lock:
            entries, self._open_data_wanted = self._open_data_wanted, None
            if entries is None or self._closing:
                return
            try:
                files = opendata.dataset_files([record(e) for e in entries])
            except Exception as e:  # said, never a silent thread: the downloads would be stale
                print(f"开放数据（CSV、JSON、XLSX）未能更新：{e}。预览中的下载仍是上一次的。", file=sys.stderr, flush=True)
                return
            for rel, content in files.items():
                for folder in (self.docs_dir, self.site_dir):
                    write_file(folder / rel, content)

    def _reindex(self) -> None:
        # One index at a time; edits made meanwhile are picked up by the next pass.
        with self._index_lock:
            if not self._index_wanted.is_set():
                return
            self._index_wanted.clear()
            fresh = self.site_dir.with_name("search.new")
            shutil.rmtree(fresh, ignore_errors=True)
            try:
                if self._closing:
                    return
                index = self._indexing = ShardedIndex(fresh, self.site_dir.with_name("search.work"))
                for url, page in built_pages(self.site_dir):
                    index.add(url, page, link=False)  # MkDocs may rewrite a page meanwhile
                index.finish()
            except (SearchIndexError, OSError) as e:
                if not self._closing:  # close() stopping it is no failure
                    print(f"预览中的搜索暂不可用：{e}", file=sys.stderr, flush=True)
                return
            finally:
                self._indexing = None
            if self._closing:
                return
            for name in (BUNDLE, SHARDS):
                old = self.site_dir / name
                shutil.rmtree(old, ignore_errors=True)
                if (fresh / name).exists():
                    (fresh / name).rename(old)
            shutil.rmtree(fresh, ignore_errors=True)

    def close(self) -> None:
        """Stop the background work (Pagefind included) before the work folder is removed."""
        self._closing = True
        index = self._indexing
        if index:
            index.discard()
        with self._index_lock, self._open_data_lock:  # the threads have let go
            pass


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


def _stop(signum, frame):
    raise KeyboardInterrupt


def _remove_abandoned_work_folders() -> None:
    """A preview killed outright (SIGKILL, power cut) could not remove its work folder: the
    next one does, for every preview whose process (named in the folder) is gone."""
    for folder in Path(tempfile.gettempdir()).glob("jx-preview-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: it exists
        return True
    return True


def serve(data_dir: Path, dev_addr: str, report) -> int:
    from mkdocs.livereload import LiveReloadServer

    # Stopped by its terminal closing or by `kill` as by Ctrl+C: the work folder is removed either way.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)

    host, _, port = dev_addr.rpartition(":")
    url = f"http://{host}:{port}/"
    set_build_date()
    quiet_mkdocs_logging()
    _remove_abandoned_work_folders()
    work = Path(tempfile.mkdtemp(prefix=f"jx-preview-{os.getpid()}-"))
    preview = Preview(data_dir, work, url, report)
    try:
        if not preview.regenerate():
            return 1
        preview.build(dirty=False)
        server = LiveReloadServer(builder=preview.rebuild, host=host, port=int(port), root=str(preview.site_dir))

        def error_page(code: int) -> bytes | None:
            page = preview.site_dir / "404.html"
            return page.read_bytes() if code == 404 and page.is_file() else None

        server.error_handler = error_page
        # The data, the hand-written pages and the site's look; not the generated Markdown,
        # which lives in work/ so that writing it does not count as an edit.
        for path in (data_dir, DOCS_DIR, CONFIG_FILE, ROOT / "overrides"):
            server.watch(str(path))
        print(f"预览：{url}（修改 {display_path(data_dir)}/ 或 docs/ 后自动刷新；Ctrl+C 结束）", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
        return 0
    except BuildError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    finally:
        preview.close()
        shutil.rmtree(work, ignore_errors=True)
