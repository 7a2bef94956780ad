"""The sitemap, split: a small one for the site's own pages, full ones for search engines.

Material's instant navigation downloads sitemap.xml on every first visit, and takes over only the
links it lists. Listing every report there cost a first visit 34 KB (gzip) at 10,000 reports, and
more as a province's years add up, for readers who mostly open one report from a shared link.
So sitemap.xml keeps the index pages (home, years, departments, open data, about), between which
a reader moves instantly; a report or department page opens as a normal page, its scripts and
styles from the browser's cache. Search engines find every page through robots.txt and
sitemap-index.xml: one sitemap per year of reports, one of department pages, and sitemap.xml.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from .search_index import OTHER, group_of

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
FOLDER = "sitemaps"


def _kind(path: str) -> str:
    """Where a page's address goes: a report's year, "departments", or "site" (sitemap.xml)."""
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "departments":
        return "departments"
    group = group_of("/" + path)
    return "site" if group == OTHER else group


def _urlset(entries: list[ET.Element]) -> bytes:
    root = ET.Element(f"{{{NS}}}urlset")
    root.extend(entries)
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def split_sitemap(site: Path, site_url: str | None) -> None:
    """Rewrite site/sitemap.xml (and .gz) to the index pages; write the full sitemaps and robots.txt."""
    path = site / "sitemap.xml"
    if not site_url or not path.is_file():
        return  # without the published address the engines write no entries: nothing to split
    base = site_url if site_url.endswith("/") else site_url + "/"
    ET.register_namespace("", NS)
    kinds: dict[str, list[ET.Element]] = {"site": []}
    for url in ET.parse(path).getroot().findall(f"{{{NS}}}url"):
        loc = url.findtext(f"{{{NS}}}loc") or ""
        kinds.setdefault(_kind(loc[len(base):] if loc.startswith(base) else loc), []).append(url)
    own = _urlset(kinds.pop("site"))
    path.write_bytes(own)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(own, mtime=0))
    (site / FOLDER).mkdir(exist_ok=True)
    names = ["sitemap.xml"]
    for kind in sorted(kinds, key=lambda k: (k == "departments", k)):
        name = f"{FOLDER}/{'reports-' + kind if kind.isdigit() else kind}.xml"
        (site / name).write_bytes(_urlset(kinds[kind]))
        names.append(name)
    index = ET.Element(f"{{{NS}}}sitemapindex")
    for name in names:
        ET.SubElement(ET.SubElement(index, f"{{{NS}}}sitemap"), f"{{{NS}}}loc").text = base + name
    ET.indent(index, space=" ")
    (site / "sitemap-index.xml").write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(index, encoding="utf-8") + b"\n")
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap-index.xml\n", encoding="utf-8")
