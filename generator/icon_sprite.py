"""Material's icons written once, not on every page.

The theme writes each icon (logo, menu, search, palette, close, back to top …) inline as a whole
<svg>: about 2 KB of every page, 40 MB at 20,000 reports (issue 16). Here every such icon becomes
an <svg> that uses a <symbol> of one file, assets/icons.svg, which the browser fetches once and
keeps. Only plain icons are touched (a viewBox and paths, nothing else), so colours still come
from the theme's CSS (fill: currentcolor reaches inside a <use>).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SPRITE = "assets/icons.svg"
_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([\d. ]+)">((?:<path d="[^"<>]*"/>)+)</svg>')


def icon_id(view_box: str, paths: str) -> str:
    """A name from the icon itself: every page names the same icon alike, without a shared table."""
    return "i" + hashlib.sha1(f"{view_box}|{paths}".encode()).hexdigest()[:6]


def use_sprite(html: str, page: Path, site: Path, base: str | None, icons: dict[str, tuple[str, str]]) -> str:
    """html with its plain icons replaced by uses of the sprite; icons gets {id: (viewBox, paths)}.
    base is the site's path on its host (/jixiao/) when it has an address: the link then holds
    after Material's instant navigation swaps a page in, and on 404.html. Without one, the link is
    relative (no instant navigation then) and 404.html keeps its icons.

    xlink:href, not href: Material rewrites every [href] on navigation, and a <use>'s href
    property cannot be set (it throws, and the navigation stops)."""
    depth = len(page.relative_to(site).parts) - 1
    if base is None and depth == 0 and page.name == "404.html":
        return html
    href = (base if base is not None else "../" * depth) + SPRITE

    def use(m: re.Match) -> str:
        key = icon_id(m.group(1), m.group(2))
        icons[key] = (m.group(1), m.group(2))
        return f'<svg viewBox="{m.group(1)}"><use xlink:href="{href}#{key}"/></svg>'

    return _ICON.sub(use, html)


def write_sprite(site: Path, icons: dict[str, tuple[str, str]]) -> None:
    symbols = "".join(f'<symbol id="{key}" viewBox="{box}">{paths}</symbol>' for key, (box, paths) in sorted(icons.items()))
    (site / SPRITE).parent.mkdir(parents=True, exist_ok=True)
    (site / SPRITE).write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n', encoding="utf-8")
