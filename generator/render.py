"""Render reports into Markdown pages with Jinja2 templates (generator/templates/).

Data is never markup: templates autoescape for HTML, and text that lands in Markdown
syntax (headings) goes through the `md` filter, which also neutralises Markdown.
"""

from __future__ import annotations

import datetime
import html
import json
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import charts, columns, derive, glossary, overview_charts
from .collation import pinyin_key
from .follow_up import follow_up
from .model import GRADES

GRADE_CLASS = {"优": "excellent", "良": "good", "中": "fair", "差": "poor"}
# Python-Markdown's backslash-escapable characters (with `|` from the tables extension).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass
class Page:
    # Below docs/, always <address>/index.md: raw HTML links are then relative to the page's
    # address and to its file alike (Zensical rewrites them from the file, MkDocs leaves them).
    path: str  # e.g. "2021/index.md", "2021/huangshi-shangwuju/index.md"
    markdown: str
    charts: list[charts.Chart] = field(default_factory=list)

    @property
    def folder(self) -> str:
        """The page's URL below the site root ("" for the home page): its chart data files go there."""
        stem = self.path[: -len(".md")]
        if stem == "index":
            return ""
        return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


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
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (heading numbers as on the official forms)."""
    if not 1 <= n < 10000:
        return str(n)
    digits = str(n)
    out, zero = "", False
    for i, d in enumerate(map(int, digits)):
        if d == 0:
            zero = True
            continue
        out += ("零" if zero and out else "") + "零一二三四五六七八九"[d] + ("", "十", "百", "千")[len(digits) - 1 - i]
        zero = False
    return out[1:] if out.startswith("一十") else out  # 十二, not 一十二


YI = 10000  # 万元 in one 亿元: sums from here on are shown in 亿元


def money(value: float | None, unit: str) -> Markup:
    """An amount as a reader takes it in: 1.65 亿元 from 10,000 万元 on (the exact figure in its title
    and in the tables), else the figure and the report's own unit."""
    if value is None:
        return Markup("未公布")
    wan = value / 10000 if unit == "元" else value
    exact = f"{derive.fmt(value)} {unit}"
    if abs(wan) >= YI:
        return Markup('<span class="jx-money" title="{}">{} 亿元</span>').format(exact, f"{wan / YI:.2f}")
    return Markup('<span class="jx-money">{}</span>').format(exact)


def sort_key(value: float | None) -> str:
    """The data-sort attribute of a numeric cell: empty sorts last."""
    return "" if value is None else repr(round(float(value), 4))


def build_date() -> str:
    """The date the data was last updated, as the build sets it (generate.set_build_date: the last
    commit, or the data's newest date); empty when nothing set it (a page rendered on its own)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc).date().isoformat() if stamp else ""


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, paragraphs=paragraphs, fmt=derive.fmt, pct=derive.fmt_pct, cn=cn_number, sortkey=sort_key,
                       money=money)
    env.globals.update(
        updated=build_date(),
        yi=YI,
        terms=glossary.TERMS,
        grade_class=GRADE_CLASS,
        grades=GRADES,
        figure_text=charts.figure_text,
        loose_figures=charts.loose_figures,
        page_table=columns.page_table,
        item_id=id,
    )
    return env


def front_matter(title: str, description: str) -> str:
    """The page's title and description for MkDocs, which Material prints unescaped into
    <title>, the header and meta tags: escaped here, once, for HTML text and attributes.
    Without it MkDocs would title the page from its first heading or its file name."""
    def value(text: str) -> str:
        return json.dumps(html.escape(" ".join(text.split()), quote=True), ensure_ascii=False)  # a YAML string

    return f"---\ntitle: {value(title)}\ndescription: {value(description)}\n---\n"


def report_description(rec: derive.Record) -> str:
    """One sentence on the report: the page's description and the feed's summary."""
    r = rec.report
    score = f"，得分 {derive.fmt(r.result.score)}" if r.result.score is not None else ""
    spending = f"本年支出 {derive.fmt(rec.own_total)} {r.unit}" if rec.own_total is not None else "本年支出未公布"
    return (f"{r.department.name} {r.year} 年度{r.project.name + '项目支出绩效自评' if r.project else r.kind_name}："
            f"自评等级{derive.grade_words(rec)}{score}，{spending}。")


def render_report(env: Environment, rec: derive.Record, downloads: dict[str, str]) -> Page:
    r, entry = rec.report, rec.entry
    head = charts.report_charts(rec)
    indicator = charts.indicator_charts(rec)
    items = charts.figure_charts([i for s in r.sections for i in s.items])
    markdown = env.get_template("report.md.j2").render(
        r=r, rec=rec, entry=entry, base="../../", head_charts=head, indicator_charts=indicator, item_charts=items,
        downloads=downloads, indicator_groups=indicator_groups(r),
    )
    markdown = front_matter(r.title, report_description(rec)) + markdown
    return Page(f"{r.year}/{entry.stem}/index.md", markdown, [*head, *indicator, *(c for cs in items.values() for c in cs)])


def indicator_groups(report) -> list[tuple[str, list[tuple[str, list]]]]:
    """Indicators grouped by 一级 then 二级 指标, in the order they first appear."""
    groups: dict[str, dict[str, list]] = {}
    for ind in report.indicators:
        groups.setdefault(ind.level1 or "—", {}).setdefault(ind.level2 or "—", []).append(ind)
    return [(l1, list(l2s.items())) for l1, l2s in groups.items()]


def _by_department_name(records: list[derive.Record]) -> list[derive.Record]:
    return sorted(records, key=lambda rec: (pinyin_key(rec.report.department.name), rec.report.kind, rec.entry.stem))


HOME_REPORTS = 100  # the most the home page lists; beyond that the page would grow with the province


def render_indexes(env: Environment, derived: derive.Derived) -> list[Page]:
    """The home page, year pages, department pages and their lists: they compare reports, so
    they read the records (amounts in 万元 whatever the report's unit) and the derive stage's tables."""
    by_year: dict[int, list[derive.Record]] = defaultdict(list)
    by_dept: dict[str, list[derive.Record]] = defaultdict(list)
    for rec in derived.records:
        by_year[rec.report.year].append(rec)
        by_dept[rec.report.department.slug].append(rec)
    years = [int(y) for y in derived.by_year.index]  # newest first
    year_stats = {y: _plain(derived.by_year, y) for y in years}
    pages = []
    latest = years[0] if years else None
    latest_entries = _by_department_name(by_year.get(latest, []))
    # At a province's scale the home page lists only the newest reports; the year page has all.
    home_entries = sorted(latest_entries, key=lambda e: str(e.report.published or ""), reverse=True)[:HOME_REPORTS] \
        if len(latest_entries) > HOME_REPORTS else latest_entries
    home_charts = [c for c in (overview_charts.spending_ranking(latest_entries, "spending", every_row=False),
                               overview_charts.grade_chart(latest_entries) if latest_entries else None) if c]
    # Titled like every other page: engines differ in how they title a home page without one.
    home_title = front_matter("政府绩效自评公开", f"各部门公开的部门整体绩效自评和项目支出绩效自评：{len(by_dept)} 个部门，{len(derived.records)} 份报告。")
    pages.append(Page("index.md", home_title + env.get_template("home.md.j2").render(
        base="", latest=latest, stats=year_stats.get(latest), latest_entries=latest_entries, home_entries=home_entries,
        home_charts=home_charts, years=[(y, year_stats[y]) for y in years], department_count=len(by_dept)), home_charts))
    pages.append(Page("years/index.md", env.get_template("years.md.j2").render(base="../", years=[(y, year_stats[y]) for y in years])))
    for y in years:
        es = _by_department_name(by_year[y])
        year_charts = [c for c in (overview_charts.grade_chart(es), overview_charts.spending_ranking(es),
                                   overview_charts.project_share_chart(es)) if c]
        pages.append(Page(f"{y}/index.md", front_matter(f"{y} 年度绩效自评", f"{y} 年度各部门的绩效自评报告：等级、支出和下载。")
                          + env.get_template("year.md.j2").render(
            base="../", year=y, stats=year_stats[y], entries=es, year_charts=year_charts), year_charts))
    departments = [(slug, _plain(derived.by_department, slug)) for slug in derived.by_department.index]
    pages.append(Page("departments/index.md", env.get_template("departments.md.j2").render(base="../", departments=departments)))
    for slug, stats in departments:
        es = sorted(by_dept[slug], key=lambda rec: (-rec.report.year, rec.report.kind, rec.entry.stem))
        own = [e for e in es if e.report.kind == "department"]
        dept_charts = [c for c in (overview_charts.spending_trend(es), overview_charts.score_trend(es)) if c]
        name = es[0].report.department.name
        pages.append(Page(f"departments/{slug}/index.md", front_matter(name, f"{name}历年的绩效自评报告：等级、支出和变化。")
                          + env.get_template("department.md.j2").render(
            base="../../", department=es[0].report.department, stats=stats, entries=es, own=own,
            projects=[e for e in es if e.report.kind == "project"], dept_charts=dept_charts,
            changes=derive.year_over_year(own), follow=follow_up(es)), dept_charts))
    return pages


def _plain(table, key) -> dict:
    """A table's row as plain Python values, each column keeping its type; a missing value is None."""
    out = {}
    for column in table.columns:
        value = table.at[key, column]
        if hasattr(value, "item"):
            value = value.item()  # numpy scalar -> Python
        if isinstance(value, float) and math.isnan(value):
            value = None
        out[column] = value
    return out
