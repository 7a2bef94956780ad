"""The search index: Pagefind, fed each page's HTML as MkDocs converts it.

Material's own search plugin writes one lunr index that every searcher downloads whole (29 MB
at 1,000 reports). Pagefind splits its index by word and fetches only the pieces a query
needs; its extended build segments Chinese. It runs as its own process, so it indexes on the
second core while MkDocs renders on the first, instead of reading the whole site afterwards.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path

from mkdocs.plugins import BasePlugin

BUNDLE = "pagefind"
SHARDS = "pagefind-shards"
SHARD_PAGES = 1000
CONFIG = {
    # Only each page's article: not the header, tabs, navigation or footer.
    "root_selector": "article.md-content__inner",
    # Not the page's own text: heading permalinks ("#") and the breadcrumb trail.
    "exclude_selectors": [".headerlink", ".md-source-file", ".jx-breadcrumbs"],
}
# Pagefind's ready-made interfaces: the site draws results in Material's search box instead
# (docs/assets/javascripts/search.js), so these would only be dead weight in the download.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message is for the user."""


class LiveIndex:
    """A Pagefind process in service mode (`pagefind_extended --service`); add() returns at once.

    Pagefind's own Python wrapper waits 0.1 s before reading each answer (100 s for 1,000
    pages), so this speaks the same small protocol directly: base64 JSON messages, each ended
    by a comma, answered in kind. A thread reads the answers so that neither pipe fills up.
    """

    def __init__(self) -> None:
        try:
            from pagefind_bin_extended import get_executable

            exe = get_executable()
        except (ImportError, FileNotFoundError):
            raise SearchIndexError("找不到 Pagefind（搜索索引工具）。请运行 `make site`，它会按 requirements.lock 安装。") from None
        self._process = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        self._answers: dict[int, dict] = {}
        self._arrived = threading.Condition()
        self._sent = 0
        self._reader = threading.Thread(target=self._read, name="pagefind", daemon=True)
        self._reader.start()
        self._index_id = self._wait(self._send({"type": "NewIndex", "config": CONFIG}))["index_id"]
        self._pages: list[int] = []

    def _send(self, payload: dict) -> int:
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise SearchIndexError(self._ended()) from None
        return self._sent

    def _read(self) -> None:
        buffer = b""
        while chunk := self._process.stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                answer = json.loads(base64.b64decode(raw))
                with self._arrived:
                    self._answers[answer.get("message_id") or 0] = answer["payload"]
                    self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

    def _wait(self, message_id: int) -> dict:
        with self._arrived:
            while message_id not in self._answers and 0 not in self._answers:
                if not self._reader.is_alive():
                    raise SearchIndexError(self._ended())
                self._arrived.wait(timeout=1)
            answer = self._answers.pop(message_id, None) or self._answers.pop(0)
        if answer.get("type") == "Error":
            self.discard()
            raise SearchIndexError(f"建立搜索索引失败（Pagefind）：{answer.get('message')}")
        return answer

    def _ended(self) -> str:
        return f"建立搜索索引失败：Pagefind 意外退出（退出码 {self._process.poll()}）。"

    def add(self, url: str, html: str) -> None:
        self._pages.append(self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                                       "file_path": None, "file_contents": html}))

    def start_writing(self, bundle_dir: Path) -> None:
        """Ask Pagefind to write the index to bundle_dir once it has every page; do not wait."""
        self._writing = self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(bundle_dir)})
        self._bundle_dir = bundle_dir

    def finish(self) -> int:
        """Wait until the index is written, stop Pagefind; returns the pages indexed."""
        for message_id in self._pages:
            self._wait(message_id)
        self._wait(self._writing)
        self.discard()
        for name in UNUSED:
            (self._bundle_dir / name).unlink(missing_ok=True)
        return len(self._pages)

    def discard(self) -> None:
        """Stop Pagefind (after writing, or without writing when the build failed)."""
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


class ShardedIndex:
    """Pages in shards of SHARD_PAGES, each its own Pagefind process, written as soon as it is
    full. Pagefind holds about 0.6 MB per page until it writes, so one index of 10,000 reports
    would need 6 GB; shards keep the build within 2 GiB. The browser merges them (search.js):
    the first shard is the bundle at pagefind/, the others are listed in pagefind/shards.json."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.shards: list[LiveIndex] = []
        self.current: LiveIndex | None = None
        self.count = 0

    def _bundle(self, number: int) -> Path:
        return self.site_dir / (BUNDLE if number == 0 else f"{SHARDS}/{number}")

    def add(self, url: str, html: str) -> None:
        if self.current is None or self.count == SHARD_PAGES:
            self._close()
            self.current, self.count = LiveIndex(), 0
        self.current.add(url, html)
        self.count += 1

    def _close(self) -> None:
        if self.current is not None:
            self.current.start_writing(self._bundle(len(self.shards)))
            self.shards.append(self.current)
            self.current = None

    def start_writing(self) -> None:
        self._close()

    def finish(self) -> int:
        self._close()
        pages = sum(shard.finish() for shard in self.shards)
        others = [f"{SHARDS}/{n}/" for n in range(1, len(self.shards))]
        if self.shards:
            (self._bundle(0) / "shards.json").write_text(json.dumps(others) + "\n", encoding="utf-8")
        return pages

    def discard(self) -> None:
        for shard in [*self.shards, *([self.current] if self.current else [])]:
            shard.discard()


class IndexPages(BasePlugin):
    """A MkDocs plugin (added by generator/build.py, not in mkdocs.yml) that hands the index
    each page's HTML as soon as MkDocs has converted it, and has the index written while
    MkDocs goes on to lay out and write the pages: Pagefind works on the other core meanwhile."""

    def __init__(self, index) -> None:
        super().__init__()
        self.index = index  # a ShardedIndex, or anything with add() and start_writing()

    def on_page_content(self, html: str, /, *, page, config, files) -> str:
        # The same root element as the finished page, so CONFIG's root_selector finds it.
        self.index.add("/" + page.url, f'<html lang="{config.theme["language"]}"><body>'
                                       f'<article class="md-content__inner">{html}</article></body></html>')
        return html

    def on_env(self, env, /, *, config, files):
        self.index.start_writing()
        return env
