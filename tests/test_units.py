"""Reports in 元 and in 万元 side by side: every page, chart and table that compares reports
reads amounts in 万元 (derive.record), and each report's own page keeps the unit it states."""

from __future__ import annotations

import json
import re

import pytest

from generator import derive, render
from generator.loading import load

from .test_validate import MINIMAL


def report(year: int, slug: str, name: str, unit: str, total: float, basic: float, project: float) -> str:
    return (MINIMAL.replace("year: 2021", f"year: {year}").replace("slug: ce-shi-ju", f"slug: {slug}")
            .replace("name: 测试局", f"name: {name}").replace("title: 2021 年度", f"title: {year} 年度")
            .replace("total: 100", f"total: {total}").replace("basic: 40", f"basic: {basic}")
            .replace("project: 60", f"project: {project}").replace("score: 85", "score: 85") + f"unit: {unit}\n")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    data = tmp_path_factory.mktemp("units")
    files = {
        "2022/ce-shi-ju.yaml": report(2022, "ce-shi-ju", "测试局", "元", 12_000_000, 4_000_000, 8_000_000),  # 1200 万元
        "2023/ce-shi-ju.yaml": report(2023, "ce-shi-ju", "测试局", "万元", 1500, 500, 1000),
        "2023/ling-yi-ju.yaml": report(2023, "ling-yi-ju", "另一局", "元", 13_000_000, 3_000_000, 10_000_000),  # 1300 万元
    }
    for name, text in files.items():
        (data / name).parent.mkdir(exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    loaded = load(data)
    assert loaded.errors == [], [str(p) for p in loaded.errors]
    env = render.make_env()
    derived = derive.derive(loaded.entries)
    out = {page.path: page for page in render.render_indexes(env, derived)}
    for rec in derived.records:
        page = render.render_report(env, rec, {})
        out[page.path] = page
    out["records"] = derived.records
    return out


def chart(page, key: str) -> dict:
    return next(c for c in page.charts if c.key == key).option


def test_a_record_holds_amounts_in_wan_yuan():
    assert derive.in_wan(12_000_000, "元") == pytest.approx(1200)
    assert derive.in_wan(1200, "万元") == 1200 and derive.in_wan(None, "元") is None


def test_year_totals_add_reports_in_wan_yuan(pages):
    assert "部门本年财政拨款支出合计 2800 万元" in pages["2023/index.md"].markdown  # 1500 万元 + 13,000,000 元
    assert "部门本年财政拨款支出合计 1200 万元" in pages["2022/index.md"].markdown  # not 12000000
    home = pages["index.md"].markdown
    assert re.search(r"部门本年财政拨款支出合计</dt><dd>2800<small>万元", home)


def test_the_ranking_puts_a_report_in_yuan_in_its_place(pages):
    option = chart(pages["2023/index.md"], "ranking")
    values = dict(zip(option["yAxis"][0]["data"], option["series"][0]["data"]))
    assert values == {"另一局": pytest.approx(1300), "测试局": pytest.approx(1500)}
    ranking = next(c for c in pages["2023/index.md"].charts if c.key == "ranking")
    assert ["测试局", "1500"] in ranking.rows and ["另一局", "1300"] in ranking.rows


def test_reports_tables_show_wan_yuan_under_their_wan_yuan_header(pages):
    table = pages["departments/ce-shi-ju/index.md"].markdown
    assert "本年支出（万元）" in table
    assert '<td class="jx-num">1200</td>' in table and "12000000" not in table


def test_year_over_year_compares_across_units(pages):
    text = pages["departments/ce-shi-ju/index.md"].markdown
    assert "本年财政拨款支出 1500 万元，比上年增加 300 万元（+25.00%）" in text
    trend = chart(pages["departments/ce-shi-ju/index.md"], "trend")
    assert [round(point[1], 4) for point in trend["series"][0]["data"]] == [1200, 1500]


def test_a_reports_own_page_keeps_the_unit_it_states(pages):
    own = pages["2022/ce-shi-ju/index.md"].markdown
    assert '本年支出 <span class="jx-money">12000000 元</span>' in own  # the summary: 1,200 万元, under 1 亿元
    spending = next(c for c in pages["2022/ce-shi-ju/index.md"].charts if c.key == "spending")
    assert spending.caption.startswith("本年财政拨款支出 12000000 元")  # its chart in its own unit
    assert "万元" not in json.dumps(spending.option, ensure_ascii=False)


def test_the_year_table_sums_in_wan_yuan_and_counts_grades(pages):
    by_year = derive.year_table(derive.reports_frame(pages["records"]))
    assert list(by_year.index) == [2023, 2022]  # newest first
    assert by_year.loc[2023, "department_total"] == pytest.approx(2800)
    assert by_year.loc[2023, "reports"] == 2 and by_year.loc[2023, "departments"] == 2
    assert by_year.loc[2022, "良"] == 1 and by_year.loc[2022, "优"] == 0


def test_downloads_keep_each_reports_own_unit_beside_the_wan_yuan_figures(pages):
    from generator import opendata

    frame = opendata.reports_frame(pages["records"]).set_index("部门标识")
    yuan = frame[frame["年度"] == 2023].loc["ling-yi-ju"]
    assert yuan["金额单位"] == "元" and yuan["本年财政拨款支出"] == 13_000_000
    assert yuan["项目支出占比（%）"] == pytest.approx(76.92)  # a share is the same in any unit
    row = opendata.to_csv(opendata.reports_frame(pages["records"][:1])).decode("utf-8-sig").splitlines()
    assert row[0].split(",")[:3] == ["年度", "部门", "部门标识"]
