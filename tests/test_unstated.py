"""Nothing invented: a report may leave out what its document does not state (grade, score,
spending), the site then says 未公布 (never 0), and what it works out (a grade from a stated
score) is shown as 推算 and never stored as if stated."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from generator import derive, opendata, render
from generator.loading import load

HEAD = """\
schema_version: 1
kind: {kind}
year: 2021
department:
  name: {name}
  slug: {slug}
title: 2021 年度{name}绩效自评
"""
NO_GRADE_NO_SPENDING = HEAD.format(kind="department", name="无等级局", slug="wu-deng-ji-ju")
SCORE_ONLY = HEAD.format(kind="department", name="只有得分局", slug="zhi-you-de-fen-ju") + "result:\n  score: 84.5\nspending:\n  total: 500\n"
PROJECT_FROM_BUDGET = (HEAD.format(kind="project", name="项目局", slug="xiang-mu-ju")
                       + "project:\n  name: 道路养护\nresult:\n  grade: 优\nbudget:\n  adjusted: 200\n  executed: 180\n")
PROJECT_FROM_FUNDS = (HEAD.format(kind="project", name="项目局", slug="xiang-mu-ju")
                      + "project:\n  name: 校舍维修\nfunds:\n  - source: 财政资金\n    adjusted: 100\n    executed: 90\n"
                      + "  - source: 其他资金\n    adjusted: 20\n    executed: 10\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("unstated")
    files = {"2021/wu-deng-ji-ju.yaml": NO_GRADE_NO_SPENDING, "2021/zhi-you-de-fen-ju.yaml": SCORE_ONLY,
             "2021/xiang-mu-ju-daolu.yaml": PROJECT_FROM_BUDGET, "2021/xiang-mu-ju-xiaoshe.yaml": PROJECT_FROM_FUNDS}
    for name, text in files.items():
        (data / name).parent.mkdir(exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    loaded = load(data)
    assert loaded.errors == [], [str(p) for p in loaded.errors]  # check passes without invented values
    derived = derive.derive(loaded.entries)
    env = render.make_env()
    pages = {p.path: p for p in render.render_indexes(env, derived)}
    for rec in derived.records:
        page = render.render_report(env, rec, {})
        pages[page.path] = page
    return {"pages": pages, "records": {rec.entry.stem: rec for rec in derived.records}, "derived": derived}


def test_a_grade_and_spending_the_document_does_not_state_show_as_unpublished(site):
    page = site["pages"]["2021/wu-deng-ji-ju/index.md"].markdown
    assert re.search(r'<dt>自评结果</dt><dd><span class="jx-grade jx-grade--none"[^>]*>未公布</span>.*得分未公布', page)
    assert re.search(r'<dt>资金</dt><dd><span class="jx-muted">未公布</span>', page)
    assert "jx-grade--none" in page and not re.search(r">0(?:</strong>| 万元)", page)
    description = re.search(r'description: "([^"]*)"', page).group(1)
    assert "自评等级未公布" in description and "本年支出未公布" in description


def test_a_grade_worked_out_from_the_score_is_marked_and_not_stored(site):
    rec = site["records"]["zhi-you-de-fen-ju"]
    assert rec.grade == "良" and "grade" in rec.worked_out and rec.report.result.grade is None
    page = site["pages"]["2021/zhi-you-de-fen-ju/index.md"].markdown
    assert "按得分推算" in page and ">推算</small>" in page
    frame = opendata.reports_frame(list(site["records"].values())).set_index("部门标识")
    assert pd.isna(frame.loc["zhi-you-de-fen-ju", "自评等级"])  # the open data holds what the document states
    assert frame.loc["zhi-you-de-fen-ju", "自评得分"] == 84.5


def test_a_project_without_spending_takes_its_years_execution_from_budget_or_funds(site):
    budget, funds = site["records"]["xiang-mu-ju-daolu"], site["records"]["xiang-mu-ju-xiaoshe"]
    assert budget.own_total == 180 and "total" not in budget.worked_out  # stated, as 全年执行数
    assert funds.own_total == 100 and "total" in funds.worked_out  # 90 + 10, summed here
    page = site["pages"]["2021/xiang-mu-ju-xiaoshe/index.md"].markdown
    summed = r'<small class="jx-worked-out" title="原文没有给出，按各资金来源的全年{}数相加">推算</small>'
    assert re.search(r'<dt>资金</dt><dd>预算 <span class="jx-money">120 万元</span>' + summed.format("预算")
                     + r'，执行 <span class="jx-money">100 万元</span>' + summed.format("执行"), page)
    year = site["pages"]["2021/index.md"].markdown
    assert re.search(r'>100<small class="jx-worked-out"[^>]*>推算</small></td>', year)  # the summed total, marked
    assert not re.search(r'>180<small class="jx-worked-out"', year)  # the stated 全年执行数, not


def test_year_figures_count_unpublished_grades_and_never_rank_a_missing_total_as_zero(site):
    table = site["derived"].by_year
    assert table.loc[2021, "未公布"] == 2 and table.loc[2021, "良"] == 1 and table.loc[2021, "优"] == 1
    assert table.loc[2021, "department_total"] == 500  # the report without spending adds nothing
    year = site["pages"]["2021/index.md"]
    ranking = next(c for c in year.charts if c.key == "ranking")
    assert [row[0] for row in ranking.rows] == ["只有得分局"]
    grades = next(c for c in year.charts if c.key == "grades")
    assert ["未公布", "2"] in grades.rows
    assert "部门本年财政拨款支出合计 500 万元" in year.markdown


def test_a_qualitative_targets_kind_is_not_printed_as_part_of_its_text(tmp_path):
    # An imported text target is stored with operator 定性; the page shows the target as written.
    text = (HEAD.format(kind="project", name="项目局", slug="xiang-mu-ju") + "project:\n  name: 委托业务\n"
            + "indicators:\n  - level1: 产出指标\n    level2: 质量指标\n    name: 制度执行\n    operator: 定性\n"
            + "    target: 严格执行相关制度规定\n    actual: 已执行\n"
            # A form whose 一级指标 cells are empty (p33): the row needs no level to be published.
            + "  - name: 居民健康档案\n    target: 38508\n    actual: 37442\n    weight: 3\n    score: 3\n")
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "xiang-mu-ju-weituo.yaml").write_text(text, encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.errors == []
    rec = derive.derive(loaded.entries).records[0]
    page = render.render_report(render.make_env(), rec, {}).markdown
    assert "严格执行相关制度规定" in page and "定性严格执行" not in page
    assert "居民健康档案" in page and "None" not in page
    # Stacked on a phone, a level the form leaves empty makes no band of its own ("—").
    assert re.search(r'<th scope="rowgroup" rowspan="1" class="jx-empty">—</th><th scope="rowgroup" rowspan="1" '
                     r'class="jx-empty">—</th><td class="jx-name">居民健康档案', page)
