"""Whether a built site can go to GitHub Pages, checked before the deploy uploads it: Pages refuses
a published site over 1 GB (and a deploy that runs past 10 minutes), and says so only after the
upload. The same site/ can go to any static web server instead (README: 部署到其他地方)."""

from __future__ import annotations

import os
from pathlib import Path

PAGES_LIMIT = 1_000_000_000  # bytes: GitHub Pages' limit on a published site
WARN_SHARE = 0.8  # from here on, a warning: the next years' reports will not fit


def site_size(site: Path) -> tuple[int, int]:
    """(bytes, files) of everything under site/, links not followed."""
    total = files = 0
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder) / name
            if not path.is_symlink():
                total += path.stat().st_size
                files += 1
    return total, files


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def check(site: Path, limit: int = PAGES_LIMIT) -> tuple[bool, str]:
    """(fits, a message in Chinese for the deploy's log)."""
    if not site.is_dir():
        return False, f"找不到已生成的网站 {site}：请先运行 `make site`。"
    size, files = site_size(site)
    said = f"网站 {site} 共 {files} 个文件、{mb(size)}（GitHub Pages 上限 {mb(limit)}）"
    if size > limit:
        return False, (f"错误：{said}，超过上限，GitHub Pages 会拒绝发布。请把同一个 site/ 目录发布到"
                       f"任意静态网站服务器或对象存储（见 README“部署到其他地方”）。")
    if size > limit * WARN_SHARE:
        return True, f"警告：{said}，已用 {size / limit:.0%}；再增加报告可能超过上限，请提前准备其他发布方式（见 README）。"
    return True, f"{said}，可以发布。"
