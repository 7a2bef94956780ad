"""The built pages without the engine's indentation: about a tenth of every page.

Material's templates indent every tag; at 20,000 reports that whitespace alone is 100 MB of
GitHub Pages' 1 GB. Only whitespace that touches a tag and holds a line break is cut, and a
line break is kept in its place: in HTML's normal flow any run of whitespace shows as one space,
so the page looks and reads the same. Text inside pre, textarea, code, script and style, where
whitespace can matter, is left as it is, and so is every attribute value (a tag's own < and >
never stand inside one: the engines escape them).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import parallel

_KEEP_OR_SPACE = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)|(?<=>)\s*\n\s*|\s*\n\s*(?=<)",
                            re.S | re.I)


def compact(html: str) -> str:
    return _KEEP_OR_SPACE.sub(lambda m: m.group(1) or "\n", html)


def _compact_file(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    out = compact(text)
    if out != text:
        path.write_text(out, encoding="utf-8")
    return len(text.encode("utf-8")) - len(out.encode("utf-8"))


def compact_site(site: Path) -> int:
    """Compact every page of a built site in place; the bytes saved."""
    return sum(parallel.map_reports(_compact_file, sorted(site.rglob("*.html"))))
