"""One build at a time per output folder.

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
