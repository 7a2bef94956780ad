"""Derived figures (shares, rates) and consistency checks, within a report and across reports.

record() works out, once, what every page, chart and download that compares reports reads:
amounts in 万元 whatever unit the report is in, shares, rates, the report's address and label,
and which of those figures the document states (the rest are worked out: 推算).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .model import Report
from .problems import Problem
from .readers import closest_line
from .validate import Entry

TOLERANCE = 0.01  # 万元 for amounts, percentage points for shares: the precision of the forms
WAN_PER_UNIT = {"万元": 1.0, "元": 0.0001}  # a report's amounts in 万元, for comparing reports


def in_wan(value: float | None, unit: str) -> float | None:
    return None if value is None else value * WAN_PER_UNIT[unit]


def report_url(entry: Entry) -> str:
    """The report's address below the site root: <year>/<file stem>/."""
    return f"{entry.report.year}/{entry.stem}/"


def report_label(entry: Entry) -> str:
    r = entry.report
    return r.project.name if r.project else r.kind_name


@dataclass(frozen=True)
class Record:
    """One report as the pages, charts and downloads that compare reports read it."""

    entry: Entry
    url: str
    label: str
    total: float | None  # 本年财政拨款支出, in 万元
    basic: float | None  # in 万元
    project: float | None  # in 万元
    basic_share: float | None  # %
    project_share: float | None
    execution_rate: float | None
    stated: frozenset[str]  # the shares and rates the document itself states

    @property
    def report(self) -> Report:
        return self.entry.report


def record(entry: Entry) -> Record:
    r = entry.report
    s = r.spending
    stated = {name for name, value in (("basic_share", s.basic_share), ("project_share", s.project_share),
                                       ("execution_rate", r.budget.rate if r.budget else None)) if value is not None}
    return Record(entry, report_url(entry), report_label(entry), in_wan(s.total, r.unit), in_wan(s.basic, r.unit),
                  in_wan(s.project, r.unit), basic_share(r), project_share(r), execution_rate(r), frozenset(stated))


def share(part: float | None, whole: float | None) -> float | None:
    """part as a percentage of whole, or None when either is missing or whole is zero."""
    if part is None or not whole:
        return None
    result = part / whole * 100
    return result if math.isfinite(result) else None


def basic_share(report: Report) -> float | None:
    s = report.spending
    return s.basic_share if s.basic_share is not None else share(s.basic, s.total)


def project_share(report: Report) -> float | None:
    s = report.spending
    return s.project_share if s.project_share is not None else share(s.project, s.total)


def execution_rate(report: Report) -> float | None:
    """执行数 ÷ 调整后预算数: from the budget, or for a project from its funds."""
    if report.budget:
        b = report.budget
        return b.rate if b.rate is not None else share(b.executed, b.adjusted)
    return funds_total(report)["rate"] if report.funds else None


def fund_rate(fund) -> float | None:
    return share(fund.executed, fund.adjusted)


def funds_total(report: Report) -> dict[str, float | None]:
    """The funds of a project report summed over their sources: 合计 row of the form."""
    out: dict[str, float | None] = {}
    for key in ("initial", "adjusted", "executed"):
        values = [getattr(f, key) for f in report.funds if getattr(f, key) is not None]
        out[key] = sum(values) if values else None
    out["rate"] = share(out["executed"], out["adjusted"])
    return out


def grade_for_score(score: float) -> str:
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 60:
        return "中"
    return "差"


def check_report(entry: Entry) -> list[Problem]:
    """Consistency of one report: parts sum to the whole, shares match, grade matches score."""
    r, out = entry.report, []

    def problem(loc: tuple, message: str, level: str = "error") -> None:
        line = closest_line(entry.lines, loc)
        out.append(Problem(entry.name, line, ".".join(map(str, loc)), message, level))

    s = r.spending
    if s.basic is not None and s.project is not None and abs(s.basic + s.project - s.total) > TOLERANCE:
        problem(("spending", "total"),
                f"基本支出 {fmt(s.basic)} + 项目支出 {fmt(s.project)} = {fmt(s.basic + s.project)}，"
                f"与本年财政拨款支出 {fmt(s.total)} 不符。请核对这三个数。")
    if s.personnel is not None and s.public is not None and s.basic is not None \
            and abs(s.personnel + s.public - s.basic) > TOLERANCE:
        problem(("spending", "basic"),
                f"人员经费 {fmt(s.personnel)} + 公用经费 {fmt(s.public)} = {fmt(s.personnel + s.public)}，"
                f"与基本支出 {fmt(s.basic)} 不符。请核对这三个数。")
    for key, part in (("basic_share", s.basic), ("project_share", s.project)):
        stated = getattr(s, key)
        computed = share(part, s.total)
        if stated is not None and computed is not None and abs(stated - computed) > TOLERANCE:
            problem(("spending", key),
                    f"所填占比 {fmt(stated)}% 与按金额算出的 {computed:.2f}% 相差超过 {TOLERANCE} 个百分点。请核对。")
    if r.result.score is not None and grade_for_score(r.result.score) != r.result.grade:
        problem(("result", "grade"),
                f"得分 {fmt(r.result.score)} 对应的等级是“{grade_for_score(r.result.score)}”，所填等级却是“{r.result.grade}”"
                "（优 ≥ 90，良 80–89.99，中 60–79.99，差 < 60）。请核对等级或得分。")
    for i, ind in enumerate(r.indicators):
        if ind.weight is not None and ind.score is not None and ind.score > ind.weight + TOLERANCE:
            problem(("indicators", i, "score"), f"指标“{ind.name}”得分 {fmt(ind.score)} 高于其分值 {fmt(ind.weight)}。")
    if r.budget and r.budget.rate is not None:
        computed = share(r.budget.executed, r.budget.adjusted)
        if computed is not None and abs(computed - r.budget.rate) > TOLERANCE:
            problem(("budget", "rate"),
                    f"所填预算执行率 {fmt(r.budget.rate)}% 与 全年执行数 ÷ 调整后预算数 = {computed:.2f}% 不符。请核对。")
    executed = funds_total(r)["executed"]
    if r.funds and executed is not None and abs(executed - s.total) > TOLERANCE:
        problem(("spending", "total"),
                f"各资金来源的全年执行数合计 {fmt(executed)}，与所填支出 {fmt(s.total)} 不符。请核对。", "warning")
    weights = [ind.weight for ind in r.indicators]
    if weights and all(w is not None for w in weights) and abs(sum(weights) - 100) > TOLERANCE:
        problem(("indicators",), f"各指标分值合计 {fmt(sum(weights))}，不是 100。", "warning")
    return out


def check_all(entries: list[Entry]) -> list[Problem]:
    """Across reports: one report per (year, department, kind, project); a department keeps its name."""
    out = []
    seen: dict[tuple, Entry] = {}
    for e in entries:
        r = e.report
        key = (r.year, r.department.slug, r.kind, r.project.name if r.project else None)
        if key in seen:
            out.append(Problem(e.name, closest_line(e.lines, ("department", "slug")), "department.slug",
                               f"与 {seen[key].name} 是同一年度、同一部门的同一份报告。请删除其中一份。"))
        seen[key] = e
    # The same name must keep its slug (or the years fall apart), and a slug its name (a warning: renames happen).
    out += _keeps(entries, "name", "slug", "error",
                  "部门“{own}”在其他报告中的标识是 {others}。同一部门各年度应使用同一个标识，网站才能把各年度连起来。")
    out += _keeps(entries, "slug", "name", "warning",
                  "部门标识 {own} 在其他年度的名称是“{others}”。同一部门各年度的名称和标识应保持一致；部门更名时请在所有年度统一。")
    return out


def _keeps(entries: list[Entry], by: str, kept: str, level: str, message: str) -> list[Problem]:
    """Reports whose department.<kept> differs from another report with the same department.<by>."""
    values = defaultdict(set)
    for e in entries:
        values[getattr(e.report.department, by)].add(getattr(e.report.department, kept))
    out = []
    for e in entries:
        own = getattr(e.report.department, by)
        others = values[own] - {getattr(e.report.department, kept)}
        if others:
            out.append(Problem(e.name, closest_line(e.lines, ("department", kept)), f"department.{kept}",
                               message.format(own=own, others="、".join(sorted(others))), level))
    return out


def fmt(x: float | int | None) -> str:
    """A number as people write it: no trailing zeros, no exponent, no thousands separator."""
    if x is None:
        return "—"
    if float(x).is_integer():
        return str(int(x))
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return text


def fmt_pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}".rstrip("0").rstrip(".") + "%"


def change_words(label: str, before: float | None, after: float | None, unit: str = "万元") -> str | None:
    """“X 万元，比上年增加 Y 万元（+Z%）” for a year-over-year change, or None when a value is missing."""
    if before is None or after is None:
        return None
    diff = after - before
    if abs(diff) < TOLERANCE:
        return f"{label} {fmt(after)} {unit}，与上年持平"
    text = f"{label} {fmt(after)} {unit}，比上年{'增加' if diff > 0 else '减少'} {fmt(round(abs(diff), 2))} {unit}"
    if before:
        text += f"（{'+' if diff > 0 else '−'}{abs(diff) / before * 100:.2f}%）"
    return text


def year_over_year(records: list[Record]) -> list[tuple[int, int, list[str]]]:
    """For each pair of consecutive years of a department's reports: (year before, year, sentences),
    amounts in 万元 (the two years may be in different units)."""
    ordered = sorted(records, key=lambda rec: rec.report.year)
    out = []
    for earlier, later in zip(ordered, ordered[1:]):
        before, after = earlier.report, later.report
        sentences = [s for s in (
            change_words("本年财政拨款支出", earlier.total, later.total),
            change_words("基本支出", earlier.basic, later.basic),
            change_words("项目支出", earlier.project, later.project),
        ) if s]
        if before.result.grade != after.result.grade:
            sentences.append(f"自评等级由“{before.result.grade}”变为“{after.result.grade}”")
        else:
            sentences.append(f"自评等级保持“{after.result.grade}”")
        if before.result.score is not None and after.result.score is not None:
            sentences.append(change_words("自评得分", before.result.score, after.result.score, "分"))
        out.append((before.year, after.year, sentences))
    return out
