"""The search index: Pagefind over the built HTML, with Chinese segmented by its extended build.

Material's own search plugin writes one lunr index that every searcher downloads whole (29 MB
at 1,000 reports). Pagefind splits its index by word and fetches only the pieces a query needs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# Pagefind's ready-made interfaces: the site draws results in Material's search box instead
# (docs/assets/javascripts/search.js), so these would only be dead weight in the download.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
# Not the page's own text: heading permalinks ("#") and the breadcrumb trail.
EXCLUDE = ".headerlink, .md-source-file, .jx-breadcrumbs"


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message is for the user."""


def pagefind_executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None
    exe = get_executable() if get_executable else None
    if exe is None:
        raise SearchIndexError("找不到 Pagefind（搜索索引工具）。请运行 `make site`，它会按 requirements.lock 安装。")
    return Path(exe)


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/: the index of every page's main text (not the 404 page)."""
    cmd = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE,
           # Every page is <folder>/index.html; the one page that is not is 404.html.
           "--glob", "**/index.html",
           "--root-selector", "article.md-content__inner",
           "--exclude-selectors", EXCLUDE,
           "--silent"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"建立搜索索引失败（Pagefind 退出码 {result.returncode}）：{detail}")
    for name in UNUSED:
        (site_dir / BUNDLE / name).unlink(missing_ok=True)

