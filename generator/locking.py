"""Output folders: never one that holds anything but a site, and one build at a time.

A build replaces its site folder whole. Given the data folder or the repository by mistake
(`--site-dir data`, `--site-dir .`), it would delete them: such folders are refused first.

Two builds into the same site/ (or docs/) would each swap in a site built partly from the
other's files, and one would exit 0 over a wrong or empty site. Each build holds an exclusive
lock on a file beside each folder it writes; the system releases it when the process ends,
however it ends, so a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds there are not run side by side
    fcntl = None


class Unsafe(Exception):
    """An output folder the build must not replace or write into; the message is for the user."""


# A folder a build made has these; a folder without any of them is not a site to replace.
SITE_MARKS = ("sitemap.xml", "404.html", "pagefind")


def refuse_unsafe_outputs(data_dir: Path, site_dir: Path, docs_dir: Path, root: Path) -> None:
    """Raise Unsafe when site_dir or docs_dir would overwrite the data, the project or another folder."""
    data, site, docs, root = (Path(os.path.realpath(p)) for p in (data_dir, site_dir, docs_dir, root))
    for out, option in ((site, "--site-dir"), (docs, "--docs-dir")):
        for precious, name in ((data, "数据目录"), (root, "项目目录")):
            if out == precious or out in precious.parents:
                raise Unsafe(f"{option} {out} 是{name}或包含{name}：生成的网站会覆盖或删除它。请指定一个单独的输出目录，如 site/。")
        if data in out.parents:
            raise Unsafe(f"{option} {out} 在数据目录 {data} 之中。请把输出目录放在数据目录之外。")
    if site == docs or docs in site.parents or site in docs.parents:
        raise Unsafe(f"网站目录 {site} 和生成的 Markdown 目录 {docs} 不能相同或互相包含。")
    if site.is_dir() and any(site.iterdir()) and (
            (site / ".git").exists() or not any((site / mark).exists() for mark in SITE_MARKS)):
        raise Unsafe(f"--site-dir {site} 已有内容，但不是本工具生成的网站（没有 sitemap.xml、404.html 或 pagefind/）。"
                     f"构建会把它整个替换掉：请指定一个空目录或新目录。")


class Busy(Exception):
    """Another build holds the folder; the message is for the user."""


def lock_file(folder: Path) -> Path:
    folder = folder.resolve()
    return folder.with_name(f".{folder.name}.lock")


@contextlib.contextmanager
def exclusive(*folders: Path):
    """Hold every folder's lock for the duration of the block, or raise Busy at once."""
    with contextlib.ExitStack() as stack:
        for folder in dict.fromkeys(f.resolve() for f in folders):
            stack.enter_context(_locked(folder))
        yield


@contextlib.contextmanager
def _locked(folder: Path):
    if fcntl is None:
        yield
        return
    path = lock_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"另一个构建正在写入 {folder.name}/（锁文件 {path}）。请等它结束后再运行；"
                       f"两个构建同时写同一个目录会得到错误的网站。") from None
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
