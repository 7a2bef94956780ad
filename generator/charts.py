"""Charts as pure functions from a report to ECharts options, each with a caption and a data table.

pyecharts builds the option, stripped of what ECharts would use anyway (chart_defaults.py);
the page carries it as JSON in a data- attribute and
docs/assets/javascripts/charts.js draws it, so no JavaScript code may appear in an option.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from markupsafe import Markup
from pyecharts import options as opts
from pyecharts.charts import Bar, Pie
from pyecharts.charts.base import default as pyecharts_default
from pyecharts.commons.utils import JsCode

from . import chart_shared
from .chart_defaults import strip_defaults
from .derive import Record, fmt, fmt_pct
from .model import Figure, Item
from .spreadsheet import csv_bytes


@dataclass(frozen=True)
class Chart:
    key: str  # unique on its page, ASCII, used for the container id
    title: str
    caption: str  # one sentence a reader who cannot see the chart is told
    option: dict
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    height: int = 320  # px; bar charts grow with their number of bars
    # False when the caption already says every row word for word (a group of figures): the
    # table would be a third copy of it on the page, beside the caption and the CSV.
    table: bool = True


    def option_json(self) -> str:
        """The option as the page carries it: without what every chart shares (chart_shared.py),
        whole numbers without their .0."""
        return json.dumps(_whole(chart_shared.split(self.option)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def option_attribute(self) -> Markup:
        """option_json() for a single-quoted attribute: its many double quotes stay one byte each."""
        text = self.option_json().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        return Markup(text)

    @property
    def csv_name(self) -> str:
        """The chart's data beside its page, for download."""
        return f"chart-{self.key}.csv"

    def csv(self) -> bytes:
        """The chart's data for download, a number and its unit in columns of their own."""
        return csv_bytes(units_apart([self.columns, *self.rows]))


NUMBER_UNIT = re.compile(r"^([-+]?\d[\d,]*(?:\.\d+)?)\s*(\S.{0,9})?$")


def units_apart(table: list[list[str]]) -> list[list[str]]:
    """A column whose cells are all a number and a unit (12 个, 98.3%) split into the number and, beside
    it, its unit (列名单位): a spreadsheet can add up the numbers. Other columns stay as they are."""
    heading, rows = table[0], table[1:]
    split = set()
    for j in range(1, len(heading)):
        parsed = [NUMBER_UNIT.match(str(row[j]).strip()) for row in rows if j < len(row) and str(row[j]).strip()]
        if parsed and all(parsed) and any(m.group(2) for m in parsed):
            split.add(j)
    out_heading: list[str] = []
    for j, name in enumerate(heading):
        out_heading += [name, f"{name}单位"] if j in split else [name]
    out = [out_heading]
    for row in rows:
        cells: list[str] = []
        for j, cell in enumerate(row):
            if j in split:
                m = NUMBER_UNIT.match(str(cell).strip())
                cells += [m.group(1), m.group(2) or ""] if m else ["", ""]
            else:
                cells.append(cell)
        out.append(cells)
    return out


def _whole(value):
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def _plain(value):
    """pyecharts' option objects as JSON; JavaScript (JsCode) must never reach a page."""
    if isinstance(value, JsCode):
        raise TypeError("图表配置中不允许 JavaScript 代码（JsCode）")
    return pyecharts_default(value)


def page_option(chart) -> dict:
    # Not chart.dump_options(): its indent=4 forces the slow pure-Python JSON encoder.
    option = json.loads(json.dumps(chart.get_options(), default=_plain))
    if isinstance(chart, Bar):
        # Keep the category names inside the chart on narrow screens; room on the right for value labels,
        # and below for a legend, so that it never covers the axis.
        legend = any(item.get("show", True) for item in option.get("legend", [])) and len(option.get("series", [])) > 1
        option["grid"] = {"containLabel": True, "left": 8, "right": 56, "top": 8, "bottom": 40 if legend else 8}
        for axis in option.get("xAxis", []) + option.get("yAxis", []):
            if axis.get("type", "value") == "value" and not axis.get("data"):  # the value axis, not the names
                axis["splitNumber"] = 3  # a phone's width holds about three value labels
                axis.setdefault("axisLabel", {})["hideOverlap"] = True
    # The palette comes from the light or dark ECharts theme chosen in the browser.
    option.pop("color", None)
    for legend in option.get("legend", []):
        if legend.get("data") == []:
            del legend["data"]  # pyecharts leaves a pie of PieItems an empty list: ECharts then shows no legend
    # The figure's caption titles the chart: pyecharts' title has no text and would only draw an empty box.
    option.pop("title", None)
    option["aria"] = {"enabled": True}
    # pyecharts writes out ECharts' defaults too: the page carries only what differs.
    return strip_defaults(option)


# The site's one grade palette, as docs/assets/stylesheets/site.css gives it (--jx-excellent …).
GRADE_COLOURS = {"优": "#1b7f3b", "良": "#1f6fb2", "中": "#a15c00", "差": "#b3261e", "未公布": "#8a8a8a"}
SPENDING_COLOURS = ("#2f5f9e", "#93acd0")  # 基本支出, 项目支出: no grade's colour (--jx-basic, --jx-project)


def ring(items: list[tuple[str, float, str]], series: str) -> Pie:
    """A donut whose labels are its legend below it ("优 5 份"): labels around a ring are cut on a phone."""
    data = [opts.PieItem(name=name, value=value, itemstyle_opts=opts.ItemStyleOpts(color=colour))
            for name, value, colour in items]
    return (
        Pie()
        .add(series, data, radius=["40%", "66%"], center=["50%", "42%"], label_opts=opts.LabelOpts(is_show=False))
        .set_global_opts(legend_opts=opts.LegendOpts(pos_bottom="0"), tooltip_opts=opts.TooltipOpts(trigger="item"))
    )


def spending_chart(rec: Record) -> Chart | None:
    s, unit = rec.report.spending, rec.unit
    if s.basic is None or s.project is None:
        return None
    parts = [("基本支出", s.basic, rec.basic_share), ("项目支出", s.project, rec.project_share)]
    colours = SPENDING_COLOURS  # as the summary's split bar
    pie = ring([(f"{name} {fmt(value)} {unit}", value, colour) for (name, value, _), colour in zip(parts, colours)], "支出结构")
    caption = (
        f"本年财政拨款支出 {fmt(s.total)} {unit}，其中基本支出 {fmt(s.basic)} {unit}（{fmt_pct(parts[0][2])}），"
        f"项目支出 {fmt(s.project)} {unit}（{fmt_pct(parts[1][2])}）。"
    )
    rows = [[name, fmt(value), fmt_pct(pct)] for name, value, pct in parts]
    rows.append(["合计", fmt(s.total), "100%"])
    # No table of its own: the page's 支出情况 table, under it, holds the same amounts and shares.
    return Chart("spending", "支出结构", caption, page_option(pie), ["支出类别", f"金额（{unit}）", "占比"], rows, table=False)


def budget_chart(rec: Record) -> Chart | None:
    b, unit = rec.report.budget, rec.unit
    if b is None:
        return None
    bars = [(name, v) for name, v in (("年初预算数", b.initial), ("调整后预算数", b.adjusted), ("全年执行数", b.executed)) if v is not None]
    if len(bars) < 2:
        return None
    rate = rec.execution_rate
    option = page_option(hbar([n for n, _ in bars], [v for _, v in bars], unit))
    caption = "，".join(f"{n} {fmt(v)} {unit}" for n, v in bars)
    caption += f"，预算执行率 {fmt_pct(rate)}。" if rate is not None else "。"
    rows = [[n, fmt(v)] for n, v in bars]
    # No table of its own: the 预算执行和资金来源 table's 年度资金总额 row holds the same amounts.
    return Chart("budget", "预算执行", caption, option, ["项目", f"金额（{unit}）"], rows, bar_height(len(bars)), table=False)


def figure_charts(items: list[Item], prefix: str = "fig") -> dict[int, list[Chart]]:
    """One bar chart per named group of same-unit figures in an item, keyed by id(item)."""
    out: dict[int, list[Chart]] = {}
    counter = 0

    def walk(items: list[Item]) -> None:
        nonlocal counter
        for item in items:
            for group, figures in grouped_figures(item).items():
                counter += 1
                out.setdefault(id(item), []).append(group_chart(f"{prefix}-{counter}", group, figures))
            walk(item.items)

    walk(items)
    return out


def grouped_figures(item: Item) -> dict[str, list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for f in item.figures:
        if f.group:
            groups.setdefault(f.group, []).append(f)
    # A group of one is a key number, not a chart.
    return {g: fs for g, fs in groups.items() if len(fs) >= 2}


def loose_figures(item: Item) -> list[Figure]:
    charted = {id(f) for fs in grouped_figures(item).values() for f in fs}
    return [f for f in item.figures if id(f) not in charted]


def group_chart(key: str, title: str, figures: list[Figure]) -> Chart:
    unit = figures[0].unit or ""
    option = page_option(hbar([f.label for f in figures], [f.value for f in figures], unit))
    caption = "，".join(f"{f.label} {figure_text(f)}" for f in figures) + "。"
    rows = [[f.label, figure_text(f)] for f in figures]
    return Chart(key, title, caption, option, ["项目", "数值"], rows, bar_height(len(figures)), table=False)


def bar_height(bars: int) -> int:
    return 40 + 44 * bars


def figure_text(f: Figure) -> str:
    """A figure as the document says it: 超过 50%, 200 多家, 20 余场, 100 万元以上."""
    value, unit, q = fmt(f.value), f.unit or "", f.qualifier or ""
    if q in ("余", "多"):  # these stand between the number and the unit
        return f"{value} {q}{unit}".strip()
    amount = f"{value}{unit}" if unit == "%" else f"{value} {unit}".strip()
    if q in ("以上", "以下", "左右"):
        return amount + q
    return f"{q} {amount}" if q else amount


def hbar(labels: list[str], values: list[float], unit: str) -> Bar:
    # Horizontal bars: Chinese category names stay readable on a narrow phone screen.
    bar = (
        Bar()
        .add_xaxis(list(labels))
        .add_yaxis(unit or "数值", list(values), label_opts=opts.LabelOpts(position="right"), category_gap="35%")
        .reversal_axis()
        .set_global_opts(
            legend_opts=opts.LegendOpts(is_show=False),
            tooltip_opts=opts.TooltipOpts(trigger="axis"),
            yaxis_opts=opts.AxisOpts(is_inverse=True),
        )
    )
    return bar


def report_charts(rec: Record) -> list[Chart]:
    """The charts at the head of a report page, in order."""
    if rec.report.kind == "project":
        return [c for c in (funds_chart(rec), budget_chart(rec)) if c]
    return [c for c in (spending_chart(rec), budget_chart(rec)) if c]


def indicator_charts(rec: Record) -> list[Chart]:
    """Completion (actual against target) per indicator, and score against weight per 一级指标."""
    out = []
    if rec.completion:
        numeric = [i for i, _ in rec.completion]
        labels = [i.name for i in numeric]
        rates = [rate for _, rate in rec.completion]
        option = page_option(hbar(labels, rates, "%"))
        caption = "各项指标实际完成值占年度指标值的百分比：" + "，".join(f"{n} {fmt(r)}%" for n, r in zip(labels, rates)) + "。"
        rows = [[i.name, f"{fmt(i.target)} {i.unit or ''}".strip(), f"{fmt(i.actual)} {i.unit or ''}".strip(), f"{fmt(r)}%"]
                for i, r in zip(numeric, rates)]
        out.append(Chart("completion", "指标完成情况", caption, option, ["指标", "年度指标值", "实际完成值", "完成比例"],
                         rows, bar_height(len(numeric))))
    by_level = {level: (weight, score) for level, weight, score in rec.level_scores}
    if by_level:
        levels = list(by_level)
        bar = (
            Bar()
            .add_xaxis(levels)
            .add_yaxis("分值", [by_level[k][0] for k in levels], label_opts=opts.LabelOpts(position="right"))
            .add_yaxis("得分", [by_level[k][1] for k in levels], label_opts=opts.LabelOpts(position="right"))
            .reversal_axis()
            .set_global_opts(legend_opts=opts.LegendOpts(pos_bottom="0"), tooltip_opts=opts.TooltipOpts(trigger="axis"),
                             yaxis_opts=opts.AxisOpts(is_inverse=True))
        )
        caption = "按一级指标汇总的分值与得分：" + "，".join(
            f"{k} 分值 {fmt(by_level[k][0])}、得分 {fmt(by_level[k][1])}" for k in levels) + "。"
        rows = [[k, fmt(by_level[k][0]), fmt(by_level[k][1])] for k in levels]
        out.append(Chart("scores", "分值与得分", caption, page_option(bar), ["一级指标", "分值", "得分"], rows,
                         bar_height(2 * len(levels)) + 30))
    return out


def funds_chart(rec: Record) -> Chart | None:
    """A project's funds by source: full-year budget against executed, with execution rates."""
    rated = [(f, rate) for f, rate in zip(rec.report.funds, rec.fund_rates) if f.adjusted is not None or f.executed is not None]
    if not rated:
        return None
    funds = [f for f, _ in rated]
    unit = rec.unit
    sources = [f.source for f in funds]
    bar = (
        Bar()
        .add_xaxis(sources)
        .add_yaxis("全年预算数", [f.adjusted for f in funds], label_opts=opts.LabelOpts(position="right"))
        .add_yaxis("全年执行数", [f.executed for f in funds], label_opts=opts.LabelOpts(position="right"))
        .reversal_axis()
        .set_global_opts(legend_opts=opts.LegendOpts(pos_bottom="0"), tooltip_opts=opts.TooltipOpts(trigger="axis"),
                         yaxis_opts=opts.AxisOpts(is_inverse=True))
    )
    total = rec.funds_total
    rows = [[f.source, fmt(f.initial), fmt(f.adjusted), fmt(f.executed), fmt_pct(rate)] for f, rate in rated]
    rows.append(["合计", fmt(total["initial"]), fmt(total["adjusted"]), fmt(total["executed"]), fmt_pct(total["rate"])])
    caption = "，".join(f"{f.source}全年预算 {fmt(f.adjusted)} {unit}、执行 {fmt(f.executed)} {unit}（{fmt_pct(rate)}）"
                       for f, rate in rated) + f"；合计执行率 {fmt_pct(total['rate'])}。"
    return Chart("funds", "资金来源与执行", caption, page_option(bar),
                 ["资金来源", f"年初预算数（{unit}）", f"全年预算数（{unit}）", f"全年执行数（{unit}）", "执行率"], rows,
                 bar_height(2 * len(funds)) + 30)
