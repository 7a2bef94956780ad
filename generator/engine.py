"""The site engine step: MkDocs turns docs/ into a new site folder, Pagefind indexes it, and
the new site replaces the old one in one step, only when everything succeeded."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from .passthrough import PassThroughHtml
from .paths import CONFIG_FILE
from .problems import BuildError
from .search_index import IndexPages, SearchIndexError, ShardedIndex


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

    quiet_mkdocs_logging()
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


def quiet_mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_jx", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._jx = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
