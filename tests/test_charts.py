"""Stage 4a, charts: pure functions from a report to ECharts options, each with caption and data table."""

import json

from generator import chart_shared, charts, derive
from generator.model import Item
from generator.readers import read_yaml
from generator.validate import validate

from .conftest import SEED


def seed() -> derive.Record:
    return derive.record(validate(read_yaml(SEED)))


def test_spending_chart_shows_both_parts_with_the_documents_shares():
    chart = charts.spending_chart(seed())
    pie = chart.option["series"][0]
    assert pie["type"] == "pie"
    # The ring's labels are its legend: each slice named with its amount.
    assert {d["name"]: d["value"] for d in pie["data"]} == {"基本支出 1390.81 万元": 1390.81, "项目支出 7092.29 万元": 7092.29}
    assert chart.rows[0] == ["基本支出", "1390.81", "16.39%"]
    assert "8483.1 万元" in chart.caption and "83.61%" in chart.caption


def test_options_are_plain_json_with_aria_and_no_fixed_palette():
    for chart in charts.report_charts(seed()):
        text = chart.option_json()
        assert json.loads(text) == charts._whole(chart_shared.split(chart.option))
        assert chart.option["aria"] == {"enabled": True}
        assert "color" not in chart.option  # the light/dark theme chooses the colours
        assert "title" not in chart.option  # the figure's caption titles the chart
        assert "animationDuration" not in chart.option  # ECharts' own default: left to ECharts (test_chart_options.py)
        assert "function" not in text and "JsCode" not in text


def test_grouped_figures_become_one_bar_chart_each():
    item = Item.model_validate({"text": "x", "figures": [
        {"label": "拨付资金", "value": 4312, "unit": "万元", "group": "消费券"},
        {"label": "核销金额", "value": 4260.18, "unit": "万元", "group": "消费券"},
        {"label": "资金使用率", "value": 98.8, "unit": "%"},
        {"label": "孤立", "value": 1, "unit": "个", "group": "只有一个"},
    ]})
    found = charts.figure_charts([item])[id(item)]
    assert [c.title for c in found] == ["消费券"]
    bar = found[0].option["series"][0]
    assert bar["type"] == "bar" and bar["data"] == [4312, 4260.18]
    assert found[0].option["yAxis"][0]["data"] == ["拨付资金", "核销金额"]
    assert [f.label for f in charts.loose_figures(item)] == ["资金使用率", "孤立"]


def test_the_seed_has_charts_for_consumption_vouchers_and_investment_projects():
    report = seed().report
    items = [i for s in report.sections for i in s.items]
    found = [c for cs in charts.figure_charts(items).values() for c in cs]
    values = {c.title: c.option["series"][0]["data"] for c in found}
    voucher = next(v for t, v in values.items() if "消费券" in t)
    projects = next(v for t, v in values.items() if "项目" in t)
    assert voucher[:2] == [4312, 4260.18]
    assert {5, 40, 4, 6, 10} <= set(projects)


def test_figures_read_as_the_document_says_them():
    from generator.model import Figure
    assert charts.figure_text(Figure(label="a", value=50, unit="%", qualifier="超过")) == "超过 50%"
    assert charts.figure_text(Figure(label="a", value=200, unit="家", qualifier="多")) == "200 多家"
    assert charts.figure_text(Figure(label="a", value=98.8, unit="%")) == "98.8%"


def test_a_charts_csv_keeps_numbers_and_their_units_in_columns_of_their_own():
    chart = charts.Chart("completion", "指标完成情况", "", {}, ["指标", "年度指标值", "实际完成值", "完成比例"],
                         [["完成项目数", "12 个", "11.8 个", "98.3%"], ["群众满意度", "90 %", "定性", "100%"]])
    rows = [line.split(",") for line in chart.csv().decode("utf-8-sig").strip().split("\r\n")]
    # 实际完成值 holds a text (定性), so it stays one column; the others split into number and unit.
    assert rows[0] == ["指标", "年度指标值", "年度指标值单位", "实际完成值", "完成比例", "完成比例单位"]
    assert rows[1] == ["完成项目数", "12", "个", "11.8 个", "98.3", "%"]
    assert rows[2] == ["群众满意度", "90", "%", "定性", "100", "%"]
