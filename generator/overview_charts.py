"""Charts across reports: a year's grades, spending ranking and shares; a department's trends.

They compare reports, so they read each report's record: amounts in 万元 whatever its unit."""

from __future__ import annotations

from pyecharts import options as opts
from pyecharts.charts import Line

from .charts import GRADE_COLOURS, Chart, bar_height, hbar, page_option, ring
from .derive import UNPUBLISHED, Record, fmt, fmt_pct
from .model import GRADES

TOP = 20  # a ranking shows at most this many bars; the table below it has every report


def grade_chart(entries: list[Record], key: str = "grades") -> Chart:
    # Stated grades and grades worked out from a stated score alike; 未公布 when neither.
    counts = [(g, sum(1 for rec in entries if (rec.grade or UNPUBLISHED) == g)) for g in (*GRADES, UNPUBLISHED)]
    counts = [(g, n) for g, n in counts if g != UNPUBLISHED or n]
    pie = ring([(f"{g} {n} 份", n, GRADE_COLOURS[g]) for g, n in counts if n], "自评等级")
    caption = "，".join(f"“{g}” {n} 份" for g, n in counts) + f"，共 {len(entries)} 份。"
    return Chart(key, "自评等级分布", caption, page_option(pie), ["自评等级", "报告数"], [[g, str(n)] for g, n in counts])


def _department_reports(records: list[Record]) -> list[Record]:
    return [rec for rec in records if rec.report.kind == "department"]


def spending_ranking(entries: list[Record], key: str = "ranking", every_row: bool = True) -> Chart | None:
    """The departments by spending: at most TOP bars; the table has every department, or only
    the ones drawn when every_row is false (the home page, which links to the year's page)."""
    # Reports that do not state their spending are not ranked (never as 0).
    ranked = sorted((rec for rec in _department_reports(entries) if rec.total is not None), key=lambda rec: -rec.total)
    if not ranked:
        return None
    shown = ranked[:TOP]
    names = [e.report.department.name for e in shown]
    values = [rec.total for rec in shown]
    title = "本年财政拨款支出排名" + (f"（前 {TOP} 个部门）" if len(ranked) > TOP else "")
    caption = "，".join(f"{n} {fmt(v)} 万元" for n, v in zip(names, values)) + "。"
    rows = [[rec.report.department.name, fmt(rec.total)] for rec in (ranked if every_row else shown)]
    return Chart(key, title, caption, page_option(hbar(names, values, "万元")), ["部门", "本年财政拨款支出（万元）"], rows,
                 bar_height(len(shown)))


def project_share_chart(entries: list[Record], key: str = "project-share") -> Chart | None:
    with_share = [(rec, rec.project_share) for rec in _department_reports(entries)]
    with_share = sorted([(e, s) for e, s in with_share if s is not None], key=lambda es: -es[1])
    if not with_share:
        return None
    shown = with_share[:TOP]
    names = [e.report.department.name for e, _ in shown]
    values = [round(s, 2) for _, s in shown]
    title = "项目支出占比" + (f"（前 {TOP} 个部门）" if len(with_share) > TOP else "")
    caption = "项目支出占本年财政拨款支出的比例：" + "，".join(f"{n} {fmt_pct(v)}" for n, v in zip(names, values)) + "。"
    rows = [[e.report.department.name, fmt_pct(s)] for e, s in with_share]
    return Chart(key, title, caption, page_option(hbar(names, values, "%")), ["部门", "项目支出占比"], rows, bar_height(len(shown)))


def spending_trend(entries: list[Record]) -> Chart | None:
    """A department's total, basic and project spending by year (its department-wide reports)."""
    records = sorted(_department_reports(entries), key=lambda rec: rec.report.year)
    if len(records) < 2:
        return None
    years = [str(rec.report.year) for rec in records]
    line = Line().add_xaxis(years)
    for label, get in (("本年财政拨款支出", lambda rec: rec.total), ("基本支出", lambda rec: rec.basic),
                       ("项目支出", lambda rec: rec.project)):
        line.add_yaxis(label, [get(rec) for rec in records], is_connect_nones=False)
    line.set_global_opts(legend_opts=opts.LegendOpts(pos_bottom="0"), tooltip_opts=opts.TooltipOpts(trigger="axis"),
                         yaxis_opts=opts.AxisOpts(name="万元"))
    rows = [[str(rec.report.year), fmt(rec.total), fmt(rec.basic), fmt(rec.project)] for rec in records]
    caption = "，".join(f"{rec.report.year} 年 {fmt(rec.total)} 万元" if rec.total is not None else f"{rec.report.year} 年未公布"
                       for rec in records) + "（本年财政拨款支出）。"
    return Chart("trend", "支出变化", caption, page_option(line), ["年度", "本年财政拨款支出（万元）", "基本支出（万元）", "项目支出（万元）"], rows)


def score_trend(entries: list[Record]) -> Chart | None:
    recs = sorted((rec for rec in _department_reports(entries) if rec.report.result.score is not None),
                  key=lambda rec: rec.report.year)
    if len(recs) < 2:
        return None
    line = (
        Line()
        .add_xaxis([str(rec.report.year) for rec in recs])
        .add_yaxis("自评得分", [rec.report.result.score for rec in recs])
        .set_global_opts(legend_opts=opts.LegendOpts(is_show=False), tooltip_opts=opts.TooltipOpts(trigger="axis"),
                         yaxis_opts=opts.AxisOpts(name="分", min_=0, max_=100))
    )
    rows = [[str(rec.report.year), fmt(rec.report.result.score), rec.grade] for rec in recs]
    caption = "，".join(f"{rec.report.year} 年 {fmt(rec.report.result.score)} 分（{rec.grade}）" for rec in recs) + "。"
    return Chart("score", "自评得分变化", caption, page_option(line), ["年度", "自评得分", "自评等级"], rows, 280)
