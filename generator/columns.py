"""The columns of the reports tables, defined once: the open data's CSV and XLSX, each report's
CSV, and the HTML tables that list reports all take their columns from here.

A column reads a derive.Record. `kind` tells the HTML table how to show and sort a cell
(the files hold the plain value); `short` is the heading where a phone has little room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .derive import Record


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Record], object]
    kind: str = "text"  # text | number | total (a number marked 推算 when summed here) | percent | year | grade | department | report
    short: str | None = None  # the HTML table's heading, when shorter than the title

    @property
    def heading(self) -> str:
        return self.short or self.title


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _budget(key: str) -> Callable[[Record], object]:
    return lambda rec: getattr(rec.report.budget, key) if rec.report.budget else None


COLUMNS = {c.title: c for c in [
    Column("年度", lambda rec: rec.report.year, "year"),
    Column("部门", lambda rec: rec.report.department.name, "department"),
    Column("部门标识", lambda rec: rec.report.department.slug),
    Column("地区", lambda rec: rec.report.department.region),
    Column("报告类型", lambda rec: rec.report.kind_name),
    Column("项目", lambda rec: rec.report.project.name if rec.report.project else None),
    Column("报告", lambda rec: rec.label, "report"),
    Column("标题", lambda rec: rec.report.title),
    # As the document states it (a grade the site works out from the score is not data): the
    # HTML table shows the worked-out one too, marked 推算.
    Column("自评等级", lambda rec: rec.report.result.grade, "grade", "等级"),
    Column("自评得分", lambda rec: rec.report.result.score, "number", "得分"),
    Column("金额单位", lambda rec: rec.report.unit),
    # As the report states them, in its own unit (金额单位).
    Column("本年财政拨款支出", lambda rec: rec.report.spending.total, "number"),
    Column("基本支出", lambda rec: rec.report.spending.basic, "number"),
    Column("项目支出", lambda rec: rec.report.spending.project, "number"),
    Column("人员经费", lambda rec: rec.report.spending.personnel, "number"),
    Column("公用经费", lambda rec: rec.report.spending.public, "number"),
    # In 万元 whatever the report's unit: for comparing reports.
    Column("本年支出（万元）", lambda rec: rec.total, "total"),
    Column("基本支出占比（%）", lambda rec: _round(rec.basic_share), "percent", "基本支出占比"),
    Column("项目支出占比（%）", lambda rec: _round(rec.project_share), "percent", "项目支出占比"),
    Column("年初预算数", _budget("initial"), "number"),
    Column("调整后预算数", _budget("adjusted"), "number"),
    Column("全年执行数", _budget("executed"), "number"),
    Column("预算执行率（%）", lambda rec: _round(rec.execution_rate), "percent", "预算执行率"),
    Column("公开日期", lambda rec: rec.report.published.isoformat() if rec.report.published else None),
    Column("报告页面", lambda rec: rec.url),
]}

# The open data's reports table (reports.csv, the XLSX's 报告 sheet, each report's CSV).
OPEN_DATA = [COLUMNS[t] for t in (
    "年度", "部门", "部门标识", "地区", "报告类型", "项目", "标题", "自评等级", "自评得分", "金额单位",
    "本年财政拨款支出", "基本支出", "项目支出", "人员经费", "公用经费", "基本支出占比（%）", "项目支出占比（%）",
    "年初预算数", "调整后预算数", "全年执行数", "预算执行率（%）", "公开日期", "报告页面")]


def page_table(show_year: bool = True, show_department: bool = True) -> list[Column]:
    """The HTML table of reports on the home, year and department pages."""
    titles = [*(["年度"] if show_year else []), *(["部门"] if show_department else []), "报告", "自评等级", "自评得分",
              "本年支出（万元）", "基本支出占比（%）", "项目支出占比（%）", "预算执行率（%）"]
    return [COLUMNS[t] for t in titles]


def row(rec: Record, columns: list[Column]) -> list:
    return [c.value(rec) for c in columns]
