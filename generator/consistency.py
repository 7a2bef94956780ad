"""Consistency checks: within a report (parts sum to the whole, shares and rates match their
amounts, the grade matches the score) and across reports (one report per department and year,
a department keeps its name). Run by `check` and `build` alike."""

from __future__ import annotations

from collections import defaultdict

from .derive import TOLERANCE, fmt, funds_total, grade_for_score, share
from .fields import path_text
from .problems import Problem
from .readers import closest_line
from .validate import Entry


# The sections `import` sets apart for staff to check and remove (importers/document.py).
PAGE_SECTION = "原网页和封面信息（导航、发布和填报信息，通常应删除）"
TABLE_SECTION = "自评表原文（已读入金额和指标，核对后应删除）"
UNPLACED_SECTION = "未归类内容"
OTHER_FORM_SECTION = "另一份自评表的末尾（原文开头，未读入，通常应删除）"
IMPORT_SECTIONS = (PAGE_SECTION, TABLE_SECTION, UNPLACED_SECTION, OTHER_FORM_SECTION)


def written_precision(rate: float) -> float:
    """How far a rate may be from its amounts' ratio as it is written: 86 may be 86.20 rounded or
    cut (1 point), 89.7 may be 89.72 (0.1), 97.10 must be 97.10."""
    decimals = len(repr(float(rate)).partition(".")[2].rstrip("0"))
    return max(10.0 ** -decimals, TOLERANCE)


def check_report(entry: Entry) -> list[Problem]:
    """Consistency of one report: parts sum to the whole, shares match, grade matches score."""
    r, out = entry.report, []

    def problem(loc: tuple, message: str, level: str = "error") -> None:
        line = closest_line(entry.lines, loc)
        out.append(Problem(entry.name, line, path_text(loc), message, level))

    s = r.spending
    if s.total is not None and s.basic is not None and s.project is not None and abs(s.basic + s.project - s.total) > TOLERANCE:
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
    if r.result.score is not None and r.result.grade is not None and grade_for_score(r.result.score) != r.result.grade:
        problem(("result", "grade"),
                f"得分 {fmt(r.result.score)} 对应的等级是“{grade_for_score(r.result.score)}”，所填等级却是“{r.result.grade}”"
                "（优 ≥ 90，良 80–89.99，中 60–79.99，差 < 60）。请核对等级或得分。")
    for i, ind in enumerate(r.indicators):
        if ind.weight is not None and ind.score is not None and ind.score > ind.weight + TOLERANCE:
            problem(("indicators", i, "score"), f"指标“{ind.name}”得分 {fmt(ind.score)} 高于其分值 {fmt(ind.weight)}。")
    if r.budget and r.budget.rate is not None:
        computed = share(r.budget.executed, r.budget.adjusted)
        if computed is not None and abs(computed - r.budget.rate) > written_precision(r.budget.rate):
            # A warning: documents round a rate (86% for 86.20%) or state one that does not agree; a
            # faithful report keeps what its document says.
            problem(("budget", "rate"),
                    f"所填预算执行率 {fmt(r.budget.rate)}% 与 全年执行数 ÷ 调整后预算数 = {computed:.2f}% 不符。"
                    "请核对；原文就是这样写的，可以保留。", "warning")
    executed = funds_total(r)["executed"]
    if r.funds and executed is not None and s.total is not None and abs(executed - s.total) > TOLERANCE:
        problem(("spending", "total"),
                f"各资金来源的全年执行数合计 {fmt(executed)}，与所填支出 {fmt(s.total)} 不符。请核对。", "warning")
    if r.kind == "project" and r.project is None:  # a warning: a report whose document names no project is published
        problem(("kind",), "没有填写 project（项目名称）。原文写明了就请补上；原文没有写明时可以不填，"
                "页面上称它为“项目支出绩效自评”。", "warning")
    for i, section in enumerate(r.sections):
        if section.title in IMPORT_SECTIONS:
            problem(("sections", i, "title"), f"导入时留下的“{section.title}”一节还在，会原样公开。请对照原文核对："
                    "其中的正文移到相应章节，其余删除整节。", "warning")
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
