"""An Atom feed of the reports, newest publication first, so readers can follow new disclosures."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET

from .derive import Record
from .render import report_description
from .validate import Entry

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50  # the newest reports; the feed's size does not grow with the archive


def _build_date() -> dt.date:
    # The commit's date (set by the build), never the clock: the same commit gives the same feed.
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.timezone.utc).date()


def entry_date(entry: Entry) -> dt.date:
    """When the report was published, or, when the data does not say, the date of the build's commit."""
    return entry.report.published or _build_date()


def atom_feed(records: list[Record], site_url: str | None, site_name: str = "绩效公开") -> bytes:
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    ordered = sorted(records, key=lambda rec: (entry_date(rec.entry), rec.report.year, rec.entry.stem), reverse=True)[:LIMIT]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{site_name}：最新公开的绩效自评报告"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "tag:jixiao-gongkai,2021:feed"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base + "feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base or "./", rel="alternate")
    latest = max((entry_date(rec.entry) for rec in ordered), default=_build_date())
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{latest.isoformat()}T00:00:00Z"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    for rec in ordered:
        r, e = rec.report, rec.entry
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}title").text = r.title
        ET.SubElement(item, f"{{{ATOM}}}id").text = f"tag:jixiao-gongkai,2021:{r.year}/{e.stem}"
        ET.SubElement(item, f"{{{ATOM}}}link", href=base + rec.url, rel="alternate")
        ET.SubElement(item, f"{{{ATOM}}}updated").text = f"{entry_date(e).isoformat()}T00:00:00Z"
        if r.published:
            ET.SubElement(item, f"{{{ATOM}}}published").text = f"{r.published.isoformat()}T00:00:00Z"
        ET.SubElement(item, f"{{{ATOM}}}summary").text = report_description(rec)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
