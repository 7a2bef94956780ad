"""An Atom feed of the reports, newest publication first, so readers can follow new disclosures."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET

from .derive import fmt, report_label, report_url
from .validate import Entry

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50  # the newest reports; the feed's size does not grow with the archive


def _build_date() -> dt.date:
    # The commit's date (set by the build), never the clock: the same commit gives the same feed.
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.timezone.utc).date()


def entry_date(entry: Entry) -> dt.date:
    """When the report was published, or, when the data does not say, the date of the build's commit."""
    return entry.report.published or _build_date()


def atom_feed(entries: list[Entry], site_url: str | None, site_name: str = "绩效公开") -> bytes:
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    ordered = sorted(entries, key=lambda e: (entry_date(e), e.report.year, e.stem), reverse=True)[:LIMIT]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{site_name}：最新公开的绩效自评报告"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "tag:jixiao-gongkai,2021:feed"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base + "feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base or "./", rel="alternate")
    latest = max((entry_date(e) for e in ordered), default=_build_date())
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{latest.isoformat()}T00:00:00Z"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    for e in ordered:
        r = e.report
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}title").text = r.title
        ET.SubElement(item, f"{{{ATOM}}}id").text = f"tag:jixiao-gongkai,2021:{r.year}/{e.stem}"
        ET.SubElement(item, f"{{{ATOM}}}link", href=base + report_url(e), rel="alternate")
        ET.SubElement(item, f"{{{ATOM}}}updated").text = f"{entry_date(e).isoformat()}T00:00:00Z"
        if r.published:
            ET.SubElement(item, f"{{{ATOM}}}published").text = f"{r.published.isoformat()}T00:00:00Z"
        score = f"，得分 {fmt(r.result.score)}" if r.result.score is not None else ""
        ET.SubElement(item, f"{{{ATOM}}}summary").text = (
            f"{r.department.name} {r.year} 年度{report_label(e)}：自评等级“{r.result.grade}”{score}，"
            f"支出 {fmt(r.spending.total)} {r.unit}。")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
