"""The built pages without the engine's indentation: about a tenth of every page.

Material's templates indent every tag; at 20,000 reports that whitespace alone is 100 MB of
GitHub Pages' 1 GB. Only whitespace that touches a tag and holds a line break is cut, and a
line break is kept in its place: in HTML's normal flow any run of whitespace shows as one space,
so the page looks and reads the same. Text inside pre, textarea, code, script and style, where
whitespace can matter, is left as it is, and so is every attribute value (a tag's own < and >
never stand inside one: the engines escape them).

The same pass puts the theme's icons in one shared file (icon_sprite.py): each page is read and
written once.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from . import parallel
from .icon_sprite import use_sprite, write_sprite

_KEEP_OR_SPACE = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)|(?<=>)\s*\n\s*|\s*\n\s*(?=<)",
                            re.S | re.I)


def compact(html: str) -> str:
    return _KEEP_OR_SPACE.sub(lambda m: m.group(1) or "\n", html)


def _compact_file(path: Path, site: Path, base: str | None) -> tuple[int, dict]:
    text = path.read_text(encoding="utf-8")
    icons: dict = {}
    out = use_sprite(compact(text), path, site, base, icons)
    if out != text:
        path.write_text(out, encoding="utf-8")
    return len(text.encode("utf-8")) - len(out.encode("utf-8")), icons


def compact_site(site: Path, site_url: str | None = None) -> int:
    """Compact every page of a built site in place and write the icons' file; the bytes saved."""
    base = (urlsplit(site_url).path.rstrip("/") + "/") if site_url else None
    saved, icons = 0, {}
    for cut, used in parallel.map_reports(partial(_compact_file, site=site, base=base), sorted(site.rglob("*.html"))):
        saved += cut
        icons.update(used)
    write_sprite(site, icons)
    return saved
