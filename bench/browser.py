"""Search as a reader meets it, in a real Chromium: the site's Pagefind search, and Material's
old lunr search for comparison. Used by the benchmark (bench/run.py) and bench/search_recall.py."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """A static server for folder on 127.0.0.1; yields its address, ending in /."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit("找不到 Chromium。请运行 `make browser`（安装 Debian 的 chromium），或设置 CHROMIUM=/path/to/chromium。")


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


# Submit the search box's form (no typing delay) and wait until the first result, or the message
# that there is none, is drawn, and then until the whole first page of results is. Returns the
# milliseconds each took.
_SUBMIT = """async (query) => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const start = performance.now();
  input.value = query;
  input.form.requestSubmit();
  const until = (done) => new Promise((resolve) => {
    const check = () => done() ? resolve(performance.now() - start) : requestAnimationFrame(check);
    check();
  });
  const finished = () => !/正在|输入/.test(meta.textContent);
  const first = await until(() => document.querySelector('.md-search-result__item') || finished());
  const all = await until(finished);
  return [first, all];
}"""


def first_visit(browser, site: Path, page_path: str) -> int:
    """Everything a first visit to page_path fetches until the network is quiet (the page, its
    styles and scripts, the icon, the sitemap Material's instant navigation reads), in bytes
    after gzip, as a static host such as GitHub Pages sends them."""
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request))
        page.goto(url + page_path, wait_until="networkidle")
        size = sum(len(gzip.compress(r.response().body())) for r in fetched if r.response() and r.response().ok)
        context.close()
    return size


TYPING_MS = 1000  # from clicking the search box to the query typed in: a short word by pinyin input


def first_search(browser, site: Path, page_path: str, query: str) -> dict:
    """Open page_path fresh and let it settle; click the search box, type query (the site starts
    loading its search as the box gets focus), submit. Milliseconds from the query typed to the
    first result drawn (ms) and to the first page of results drawn (page_ms); bytes fetched for
    the search from the click on; milliseconds to the first result when the same query is submitted
    again (again_ms)."""
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + page_path, wait_until="networkidle")
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request))
        page.focus(".md-search__input")
        page.wait_for_timeout(TYPING_MS)
        first_ms, all_ms = page.evaluate(_SUBMIT, query)
        results = page.eval_on_selector_all(".md-search-result__item", "items => items.length")
        # Bytes that came over the network: each year's Pagefind asks for the same program and
        # WebAssembly, which Chromium's cache then answers (a body counted per request would
        # count them once per year).
        size = sum(max(0, r.sizes()["responseBodySize"]) for r in fetched if r.response() and r.response().ok)
        # The same query again, with everything it needs downloaded: what is left is Pagefind's work.
        page.evaluate("document.querySelector('.md-search-result__list').replaceChildren()")
        again_ms, _ = page.evaluate(_SUBMIT, query)
        context.close()
    return {"ms": round(first_ms), "page_ms": round(all_ms), "again_ms": round(again_ms), "bytes": size,
            "results_drawn": results}


def _page_of(url: str) -> str:
    """A result's address as the page's path: /2021/slug/ (anchors and host dropped)."""
    path = unquote(urlsplit(url).path)
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


_PAGEFIND = """async (queries) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ baseUrl: '/' });
  const shards = await (await fetch('/pagefind/shards.json')).json();
  for (const group of shards.groups) {
    for (const bundle of group.bundles) await pagefind.mergeIndex('/' + bundle.path, { baseUrl: '/' });
  }
  await pagefind.init();
  const out = {};
  for (const q of queries) {
    const search = await pagefind.search(q);
    const datas = await Promise.all(search.results.map((r) => r.data()));
    out[q] = datas.map((d) => d.url);
  }
  return out;
}"""

# Material's search worker, spoken to as its own interface does: SETUP with the index, then
# QUERY with what the reader typed; RESULT lists the matching documents and sections.
_LUNR = """async (queries) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const index = await (await fetch('/search/search_index.json')).json();
  const worker = new Worker(new URL(config.search, location.href));
  const next = (type) => new Promise((resolve) => {
    worker.onmessage = (event) => { if (event.data.type === type) resolve(event.data.data); };
  });
  const ready = next(1);
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  await ready;
  const out = {};
  for (const q of queries) {
    const result = next(3);
    worker.postMessage({ type: 2, data: q });
    const data = await result;
    out[q] = data.items.flat().map((item) => item.location);
  }
  worker.terminate();
  return out;
}"""


def pages_found(browser, site: Path, queries: list[str], engine: str) -> dict[str, set[str]]:
    """The pages each query finds, with engine "pagefind" or "lunr" (Material's old search)."""
    with serve(site) as url:
        page = browser.new_page()
        page.goto(url, wait_until="load")
        found = page.evaluate(_PAGEFIND if engine == "pagefind" else _LUNR, queries)
        page.close()
    return {q: {_page_of(url + u.lstrip("/")) for u in urls} for q, urls in found.items()}
