"""Render reports into Markdown pages with Jinja2 templates (generator/templates/).

Data is never markup: templates autoescape for HTML, and text that lands in Markdown
syntax (headings) goes through the `md` filter, which also neutralises Markdown.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import charts, derive
from .model import GRADES
from .validate import Entry

GRADE_CLASS = {"优": "excellent", "良": "good", "中": "fair", "差": "poor"}
CN_NUMERALS = "一二三四五六七八九十"
# Python-Markdown's backslash-escapable characters (with `|` from the tables extension).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(text: object) -> Markup:
    """Text safe inside a Markdown line: HTML escaped, Markdown punctuation backslash-escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))
    return Markup(" ".join(escaped.split()))


def paragraphs(text: str | None) -> Markup:
    """Text as HTML paragraphs, one per line of the source; never a blank line (it would end the HTML block)."""
    if not text:
        return Markup("")
    parts = [line.strip() for line in str(text).splitlines() if line.strip()]
    return Markup("\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in parts))


def cn_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (heading numbers as on the official forms)."""
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMERALS[ones - 1] if ones else "")


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, paragraphs=paragraphs, fmt=derive.fmt, pct=derive.fmt_pct, cn=cn_number)
    env.globals.update(
        grade_class=GRADE_CLASS,
        figure_text=charts.figure_text,
        loose_figures=charts.loose_figures,
        basic_share=derive.basic_share,
        project_share=derive.project_share,
        item_id=id,
        execution_rate=derive.execution_rate,
    )
    return env


def report_url(entry: Entry) -> str:
    """The report's address below the site root: <year>/<file stem>/."""
    return f"{entry.report.year}/{entry.stem}/"


def render_report(env: Environment, entry: Entry, downloads: dict[str, str]) -> str:
    r = entry.report
    return env.get_template("report.md.j2").render(
        r=r,
        entry=entry,
        base="../../",
        head_charts=charts.report_charts(r),
        item_charts=charts.figure_charts([i for s in r.sections for i in s.items]),
        downloads=downloads,
    )


def render_indexes(env: Environment, entries: list[Entry]) -> dict[str, str]:
    """The home page, year pages, department pages and their lists: path below docs/ -> Markdown."""
    by_year: dict[int, list[Entry]] = defaultdict(list)
    by_dept: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_year[e.report.year].append(e)
        by_dept[e.report.department.slug].append(e)
    years = sorted(by_year, reverse=True)
    order = lambda es: sorted(es, key=lambda e: (e.report.department.name, e.report.kind, e.stem))  # noqa: E731
    pages = {}
    common = dict(report_url=report_url, grades=GRADES)
    latest = years[0] if years else None
    pages["index.md"] = env.get_template("home.md.j2").render(
        base="", latest=latest, latest_entries=order(by_year.get(latest, [])),
        years=[(y, by_year[y]) for y in years], department_count=len(by_dept), **common)
    pages["years.md"] = env.get_template("years.md.j2").render(
        base="../", years=[(y, by_year[y]) for y in years], **common)
    for y in years:
        pages[f"{y}/index.md"] = env.get_template("year.md.j2").render(
            base="../", year=y, entries=order(by_year[y]), **common)
    depts = sorted(by_dept.items(), key=lambda kv: kv[1][0].report.department.name)
    pages["departments/index.md"] = env.get_template("departments.md.j2").render(
        base="../", departments=depts, **common)
    for slug, es in depts:
        es = sorted(es, key=lambda e: (-e.report.year, e.report.kind, e.stem))
        pages[f"departments/{slug}.md"] = env.get_template("department.md.j2").render(
            base="../../", department=es[0].report.department, entries=es, **common)
    return pages
