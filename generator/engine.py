"""The site engine step: an engine (MkDocs, or Zensical) turns docs/ into a new site folder,
Pagefind indexes the pages it wrote, and the new site replaces the old one in one step, only
when everything succeeded.

Nothing here depends on MkDocs' plugin API for the output: the search index is made from the
built pages, so it is the same after either engine. The passthrough plugin only saves MkDocs
time (its output is byte for byte the same without it).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .compact_html import compact_site
from .passthrough import PassThroughHtml
from .paths import CONFIG_FILE, ROOT
from .problems import BuildError
from .search_index import SearchIndexError, index_site
from .sitemaps import split_sitemap

ENGINES = ("mkdocs", "zensical")


def mkdocs_config(docs_dir: Path, site_dir: Path, site_url: str | None, sample: bool, passthrough: bool = True):
    """mkdocs.yml for this build, with the generator's plugin that lets ready HTML skip
    Markdown's parser (generator/passthrough.py)."""
    from mkdocs.config import load_config

    overrides = {"docs_dir": str(docs_dir.resolve()), "site_dir": str(site_dir)}
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(config_file=str(CONFIG_FILE), **overrides)
    config.extra["sample_data"] = sample  # overrides/main.html shows the banner
    if passthrough:
        config.plugins["jx-passthrough"] = PassThroughHtml()
    return config


def build_site(docs_dir: Path, site_dir: Path, site_url: str | None = None, sample: bool = False,
               engine: str = "mkdocs", timings: dict | None = None) -> None:
    """Build docs_dir with the engine and index it with Pagefind into a new folder; swap it in
    only when everything succeeded. timings, if given, gets the seconds of each step
    (engine_s, index_s): the benchmark reports them apart."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = site_dir.with_name(f".{site_dir.name}.new")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        start = time.perf_counter()
        if engine == "zensical":
            _zensical_build(docs_dir, tmp, site_url, sample)
        else:
            mkdocs_build(docs_dir, tmp, site_url, sample)
        compact_site(tmp, site_url if site_url is not None else os.environ.get("SITE_URL"))  # after either engine, before the index
        split_sitemap(tmp, site_url)
        engine_done = time.perf_counter()
        index_site(tmp, site_dir.with_name(f".{site_dir.name}.search"))
        if timings is not None:
            timings.update(engine_s=round(engine_done - start, 2), index_s=round(time.perf_counter() - engine_done, 2))
    except SearchIndexError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"{e} 原有的 {site_dir.name}/ 未改动。") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(site_dir.with_name(f".{site_dir.name}.search"), ignore_errors=True)  # however far indexing got
        raise
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def mkdocs_build(docs_dir: Path, out: Path, site_url: str | None, sample: bool, passthrough: bool = True) -> None:
    """MkDocs alone, into out: no search index (the benchmark's floor runs just this)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    quiet_mkdocs_logging()
    try:
        build(mkdocs_config(docs_dir, out, site_url, sample, passthrough))
    except MkDocsException as e:
        raise BuildError(f"MkDocs 构建失败：{e}。上面的 WARNING/ERROR 行说明了原因；原有的网站未改动。") from None


def zensical_executable() -> Path:
    exe = Path(sys.executable).parent / "zensical"
    if not exe.is_file():
        raise BuildError("找不到 Zensical。请运行 `make site ENGINE=zensical`，它会按 requirements-zensical.lock 安装。")
    return exe


def _zensical_build(docs_dir: Path, out: Path, site_url: str | None, sample: bool) -> None:
    """Zensical reads mkdocs.yml itself; this build's folders, address and banner go in a small
    config that inherits it. Zensical wants both folders inside the config's own folder."""
    exe = zensical_executable()
    docs_dir = docs_dir.resolve()
    project = Path(os.path.commonpath([docs_dir, out]))
    config = project / f".{out.name}.zensical.yml"
    # Folders relative to the config: Zensical 0.0.73 panics on absolute ones.
    settings = {"INHERIT": str(CONFIG_FILE), "docs_dir": os.path.relpath(docs_dir, project),
                "site_dir": os.path.relpath(out, project), "theme": {"custom_dir": str(ROOT / "overrides")},
                "extra": {"sample_data": sample}}
    if site_url is not None:
        settings["site_url"] = site_url
    config.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")  # JSON is YAML
    try:
        result = subprocess.run([str(exe), "build", "--config-file", str(config)], cwd=project,
                                capture_output=True, text=True)
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0 or not (out / "index.html").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["没有输出"]
        raise BuildError(f"Zensical 构建失败：{detail[0]}。原有的网站未改动。")
    # Zensical's own search index: its script fetches it on every page that has a search box,
    # but the site searches with Pagefind. Kept as an empty index of a few bytes.
    own_index = out / "search.json"
    if own_index.is_file():
        settings = json.loads(own_index.read_text(encoding="utf-8")).get("config", {})
        own_index.write_text(json.dumps({"config": settings, "items": []}, ensure_ascii=False), encoding="utf-8")


class _CurrentStderr(logging.StreamHandler):
    """Writes to sys.stderr as it is when a message comes, not as it was when the handler was
    made: the tests run the CLI in-process, each run with its own captured stderr."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def quiet_mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_jx", False) for h in logger.handlers):
        handler = _CurrentStderr()
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._jx = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
