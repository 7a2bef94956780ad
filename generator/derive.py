"""The derive stage: between validate and render, it works out once every figure the site shows
that the document does not state in so many words.

- record(): one Record per report, read by the report's page, its charts, the pages and charts
  that compare reports, the open data and the feed: amounts in 万元 whatever unit the report is
  in (the report's own unit is kept for showing its own figures), shares, rates, the report's
  address and label, and which of those figures the document states (the rest are 推算).
- derive(): the records of all reports and, built with pandas, the per-year and per-department
  tables that the home, year and department pages show.
Nothing after this stage computes a figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .collation import pinyin_key
from .model import GRADES, Report
from .validate import Entry

if TYPE_CHECKING:  # pandas is imported when the tables are built, never by `check`
    import pandas as pd

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
    """One report with everything the site works out of it."""

    entry: Entry
    url: str  # below the site root
    label: str  # the project's name, or 部门整体绩效自评
    total: float | None  # 本年财政拨款支出, in 万元
    basic: float | None  # in 万元
    project: float | None  # in 万元
    basic_share: float | None  # %
    project_share: float | None
    execution_rate: float | None
    # Figures the site worked out, not the document (shown as 推算): the grade from the score by the
    # official bands, a total summed from the funds, a share or rate from the amounts.
    worked_out: frozenset[str]
    grade: str | None  # stated, or worked out from a stated score; None: 未公布
    own_total: float | None  # the year's spending in the report's own unit, as its page shows it
    # In the report's own unit, for its own page: the 合计 of its funds, and each fund's rate.
    funds_total: dict = field(default_factory=dict)
    fund_rates: tuple = ()
    # Indicators: (indicator, actual ÷ target in %) where both are numbers; (一级指标, 分值, 得分) sums.
    completion: tuple = ()
    level_scores: tuple = ()
    # The change from the same department's report of the same kind (and project) for the latest
    # earlier year: (that year, a short sentence), or () when there is none.
    compared: tuple = ()

    @property
    def report(self) -> Report:
        return self.entry.report

    @property
    def unit(self) -> str:
        """The unit the report states its own amounts in."""
        return self.entry.report.unit


def record(entry: Entry) -> Record:
    r = entry.report
    s = r.spending
    worked_out = {name for name, stated, value in (
        ("basic_share", s.basic_share, basic_share(r)), ("project_share", s.project_share, project_share(r)),
        ("execution_rate", r.budget.rate if r.budget else None, execution_rate(r))) if stated is None and value is not None}
    grade = r.result.grade
    if grade is None and r.result.score is not None:
        grade = grade_for_score(r.result.score)
        worked_out.add("grade")
    total, summed = year_spending(r)
    if summed:
        worked_out.add("total")
    return Record(entry, report_url(entry), report_label(entry), in_wan(total, r.unit), in_wan(s.basic, r.unit),
                  in_wan(s.project, r.unit), basic_share(r), project_share(r), execution_rate(r), frozenset(worked_out),
                  grade, total, funds_total(r), tuple(fund_rate(f) for f in r.funds), completion(r), level_scores(r))


def year_spending(report: Report) -> tuple[float | None, bool]:
    """The year's spending in the report's unit, and whether it was summed here: 本年财政拨款支出 as
    stated; for a project also its 全年执行数 (budget), else its funds' 全年执行数 added up."""
    if report.spending.total is not None:
        return report.spending.total, False
    if report.kind == "project":
        if report.budget and report.budget.executed is not None:
            return report.budget.executed, False
        executed = [f.executed for f in report.funds if f.executed is not None]
        if executed:
            return sum(executed), len(executed) > 1
    return None, False


def completion(report: Report) -> tuple:
    """Each indicator with numbers for both target and actual: (indicator, actual as % of target)."""
    return tuple((i, round(i.actual / i.target * 100, 1)) for i in report.indicators
                 if isinstance(i.target, (int, float)) and isinstance(i.actual, (int, float)) and i.target)


def level_scores(report: Report) -> tuple:
    """分值 and 得分 summed per 一级指标, over the indicators that state both, in order of appearance."""
    sums: dict[str, list[float]] = {}
    for i in report.indicators:
        if i.weight is not None and i.score is not None:
            level = i.level1 or "—"  # a form whose 一级指标 cells are empty
            weight, score = sums.setdefault(level, [0.0, 0.0])
            sums[level] = [weight + i.weight, score + i.score]
    return tuple((level, round(w, 2), round(sc, 2)) for level, (w, sc) in sums.items())


@dataclass(frozen=True)
class Derived:
    """What the derive stage hands to render: the records and the tables that sum over them."""

    records: list[Record]  # in the order of the entries
    by_year: "pd.DataFrame"  # index: year, newest first
    by_department: "pd.DataFrame"  # index: department slug, by name


UNPUBLISHED = "未公布"  # a grade the document does not state and no score to work it out from
YEAR_COLUMNS = ["reports", "department_reports", "project_reports", "departments", "department_total", *GRADES, UNPUBLISHED]
DEPARTMENT_COLUMNS = ["name", "region", "reports", "years"]


def derive(entries: list[Entry]) -> Derived:
    records = compared_with_earlier([record(e) for e in entries])
    frame = reports_frame(records)  # once, for both tables
    return Derived(records, year_table(frame), department_table(frame))


def reports_frame(records: list[Record]) -> "pd.DataFrame":
    """One row per report, the columns the tables group and sum."""
    import pandas as pd

    return pd.DataFrame({
        "year": [rec.report.year for rec in records],
        "slug": [rec.report.department.slug for rec in records],
        "name": [rec.report.department.name for rec in records],
        "region": [rec.report.department.region for rec in records],
        "kind": [rec.report.kind for rec in records],
        "grade": [rec.grade or UNPUBLISHED for rec in records],
        "total": [rec.total for rec in records],
    })


def year_table(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Per year: reports, of which department and project reports, departments, the departments'
    本年财政拨款支出 summed in 万元 (projects' spending is part of it; a report that does not state
    it adds nothing), and reports per grade (stated or worked out; 未公布 for neither)."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=YEAR_COLUMNS)
    own = frame["kind"] == "department"
    by_year = frame.groupby("year")
    table = pd.DataFrame({
        "reports": by_year.size(),
        "department_reports": own.groupby(frame["year"]).sum(),
        "departments": by_year["slug"].nunique(),
        # As floats: a year whose reports all leave the total out holds only None, which cannot be rounded.
        "department_total": frame["total"].astype(float).where(own).groupby(frame["year"]).sum(min_count=1).round(2),
    })
    table["project_reports"] = table["reports"] - table["department_reports"]
    grades = pd.crosstab(frame["year"], frame["grade"]).reindex(columns=[*GRADES, UNPUBLISHED], fill_value=0)
    table = table.join(grades).fillna({g: 0 for g in [*GRADES, UNPUBLISHED]})
    return table[YEAR_COLUMNS].sort_index(ascending=False)


def department_table(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Per department: its name and region, its reports and the years they cover (“2020、2021”)."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=DEPARTMENT_COLUMNS)
    by_slug = frame.groupby("slug")
    table = pd.DataFrame({
        "name": by_slug["name"].first(),
        "region": by_slug["region"].first(),
        "reports": by_slug.size(),
        "years": by_slug["year"].agg(lambda ys: "、".join(str(y) for y in sorted(set(ys)))),
    })
    return table[DEPARTMENT_COLUMNS].sort_values("name", kind="stable", key=lambda names: names.map(pinyin_key))


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


def grade_words(rec: Record) -> str:
    """“优”, or “优”（按得分推算） for a grade the document does not state, or 未公布."""
    if rec.grade is None:
        return UNPUBLISHED
    return f"“{rec.grade}”" + ("（按得分推算）" if "grade" in rec.worked_out else "")


def year_over_year(records: list[Record]) -> list[tuple[int, int, list[str]]]:
    """For each pair of consecutive years of a department's reports: (year before, year, sentences),
    amounts in 万元 (the two years may be in different units)."""
    ordered = sorted(records, key=lambda rec: rec.report.year)
    out = []
    for earlier, later in zip(ordered, ordered[1:]):
        sentences = [s for s in (
            change_words("本年财政拨款支出", earlier.total, later.total),
            change_words("基本支出", earlier.basic, later.basic),
            change_words("项目支出", earlier.project, later.project),
        ) if s]
        out.append((earlier.report.year, later.report.year, sentences + result_changes(earlier, later)))
    return out


def result_changes(earlier: Record, later: Record) -> list[str]:
    """How the grade and the score changed between two years' reports (nothing where one is 未公布)."""
    out = []
    if earlier.grade is not None and later.grade is not None:
        out.append(f"自评等级由{grade_words(earlier)}变为{grade_words(later)}" if earlier.grade != later.grade
                   else f"自评等级保持{grade_words(later)}")
    before, after = earlier.report.result.score, later.report.result.score
    if before is not None and after is not None:
        out.append(change_words("自评得分", before, after, "分"))
    return out


def brief_change(earlier: Record, later: Record) -> str:
    """The change from last year in a few words, for a report's summary: 支出增加 5.20%，等级保持“优”，得分增加 2 分
    (a grade worked out from the score counts as the grade: the summary marks it 推算 beside it)."""
    parts = []
    if earlier.total and later.total is not None:
        diff = (later.total - earlier.total) / earlier.total * 100
        parts.append("支出持平" if abs(diff) < 0.005 else f"支出{'增加' if diff > 0 else '减少'} {abs(diff):.2f}%")
    if earlier.grade is not None and later.grade is not None:
        parts.append(f"等级由“{earlier.grade}”变为“{later.grade}”" if earlier.grade != later.grade else f"等级保持“{later.grade}”")
    before, after = earlier.report.result.score, later.report.result.score
    if before is not None and after is not None:
        diff = after - before
        parts.append("得分持平" if abs(diff) < TOLERANCE else f"得分{'增加' if diff > 0 else '减少'} {fmt(round(abs(diff), 2))} 分")
    return "，".join(parts) or "两年没有可比的数字"


def compared_with_earlier(records: list[Record]) -> list[Record]:
    """Each record with its change from the latest earlier year's report of the same department,
    kind and project (a project is followed by its name)."""
    groups: dict[tuple, list[Record]] = {}
    for rec in records:
        r = rec.report
        groups.setdefault((r.department.slug, r.kind, r.project.name if r.project else None), []).append(rec)
    compared: dict[int, tuple] = {}
    for group in groups.values():
        ordered = sorted(group, key=lambda rec: rec.report.year)
        for earlier, later in zip(ordered, ordered[1:]):
            if earlier.report.year < later.report.year:
                compared[id(later)] = (earlier.report.year, brief_change(earlier, later), earlier.url)
    return [replace(rec, compared=compared[id(rec)]) if id(rec) in compared else rec for rec in records]
