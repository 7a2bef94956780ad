"""Stage 3, derive: shares and rates, and the consistency checks that catch a wrong figure."""

from generator.consistency import check_all, check_report
from generator.derive import basic_share, execution_rate, fmt, fmt_pct, grade_for_score, share
from generator.model import Report
from generator.validate import Entry

from pathlib import Path

BASE = {
    "schema_version": 1, "kind": "department", "year": 2021,
    "department": {"name": "测试局", "slug": "ce-shi-ju"},
    "title": "测试", "result": {"grade": "良", "score": 85},
    "spending": {"total": 100, "basic": 40, "project": 60},
}


def entry(name: str = "2021/ce-shi-ju.yaml", **changes) -> Entry:
    data = {**BASE, **changes}
    return Entry(Report.model_validate(data), Path(name), name, {("spending", "total"): 12, ("result", "grade"): 9})


def test_shares_are_computed_when_not_stated():
    assert share(25, 200) == 12.5
    assert share(1, 0) is None and share(None, 10) is None
    assert basic_share(entry().report) == 40


def test_stated_shares_win_over_computed_ones():
    # The document says 16.39 % where the amounts give 16.3952 %: the page shows the document's figure.
    report = entry(spending={"total": 8483.1, "basic": 1390.81, "project": 7092.29, "basic_share": 16.39}).report
    assert basic_share(report) == 16.39


def test_execution_rate_is_executed_over_adjusted():
    report = entry(budget={"initial": 100, "adjusted": 120, "executed": 90}).report
    assert execution_rate(report) == 75


def test_a_consistent_report_has_no_problem():
    assert check_report(entry()) == []


def test_parts_must_sum_to_the_whole():
    found = check_report(entry(spending={"total": 100, "basic": 40, "project": 59}))
    assert [(p.field, p.line, p.level) for p in found] == [("spending.total", 12, "error")]
    assert "40 + 项目支出 59 = 99" in found[0].message


def test_a_stated_share_must_match_the_amounts():
    found = check_report(entry(spending={"total": 100, "basic": 40, "project": 60, "basic_share": 41}))
    assert found[0].field == "spending.basic_share" and "40.00%" in found[0].message


def test_the_grade_must_match_the_score_band():
    assert [grade_for_score(s) for s in (90, 89.99, 80, 79.99, 60, 59.99)] == ["优", "良", "良", "中", "中", "差"]
    found = check_report(entry(result={"grade": "优", "score": 85}))
    assert found[0].field == "result.grade" and "对应的等级是“良”" in found[0].message


def test_one_report_per_department_and_year():
    found = check_all([entry(), entry("2021/copy.yaml")])
    assert len(found) == 1 and found[0].file == "2021/copy.yaml" and "同一份报告" in found[0].message


def test_a_department_keeps_its_name_across_years():
    renamed = entry("2022/ce-shi-ju.yaml", year=2022, department={"name": "测试局（新）", "slug": "ce-shi-ju"})
    found = check_all([entry(), renamed])
    assert {p.level for p in found} == {"warning"} and len(found) == 2


def test_numbers_are_written_as_people_write_them():
    assert [fmt(8483.1), fmt(4312.0), fmt(4260.18), fmt(None)] == ["8483.1", "4312", "4260.18", "—"]
    assert [fmt_pct(16.39), fmt_pct(50.0), fmt_pct(91.666666)] == ["16.39%", "50%", "91.67%"]


def test_personnel_and_public_must_sum_to_basic():
    found = check_report(entry(spending={"total": 100, "basic": 40, "project": 60, "personnel": 30, "public": 5}))
    assert [p.field for p in found] == ["spending.basic"]
    assert found[0].message == "人员经费 30 + 公用经费 5 = 35，与基本支出 40 不符。请核对这三个数。"


def test_a_stated_execution_rate_must_be_executed_over_adjusted():
    found = check_report(entry(budget={"adjusted": 200, "executed": 150, "rate": 80}))
    assert [p.field for p in found] == ["budget.rate"]
    assert "75.00%" in found[0].message and "80%" in found[0].message
    assert check_report(entry(budget={"adjusted": 200, "executed": 150, "rate": 75})) == []


def test_an_indicator_cannot_score_above_its_weight():
    row = {"level1": "产出指标", "name": "覆盖率", "weight": 10, "score": 12}
    found = check_report(entry(indicators=[row]))
    assert any(p.field == "indicators[0].score" and "得分 12 高于其分值 10" in p.message for p in found)


def test_weights_that_do_not_sum_to_100_are_a_warning():
    rows = [{"level1": "产出指标", "name": f"指标{i}", "weight": 30, "score": 30} for i in range(3)]
    found = check_report(entry(indicators=rows))
    assert [(p.field, p.level) for p in found] == [("indicators", "warning")]
    assert "合计 90" in found[0].message


def test_funds_must_add_up_to_a_projects_spending():
    found = check_report(entry(funds=[{"source": "财政资金", "adjusted": 80, "executed": 70},
                                     {"source": "单位资金", "adjusted": 20, "executed": 20}]))
    assert [(p.field, p.level) for p in found] == [("spending.total", "warning")]
    assert "合计 90" in found[0].message


def test_a_department_keeps_its_slug_across_years():
    moved = entry("2022/ce-shi.yaml", year=2022, department={"name": "测试局", "slug": "ce-shi"})
    found = check_all([entry(), moved])
    assert {(p.file, p.level) for p in found} == {("2021/ce-shi-ju.yaml", "error"), ("2022/ce-shi.yaml", "error")}
    assert "标识是 ce-shi-ju" in next(p.message for p in found if p.file == "2022/ce-shi.yaml")


def test_departments_are_listed_by_pinyin_not_by_code_point():
    from generator.collation import pinyin_key

    names = ["卫生健康委员会", "交通运输局", "农业农村局", "教育局"]
    # By code point 交 < 农 < 卫 < 教; a reader looks them up as jiaotong, jiaoyu, nongye, weisheng.
    assert sorted(names) == ["交通运输局", "农业农村局", "卫生健康委员会", "教育局"]
    assert sorted(names, key=pinyin_key) == ["交通运输局", "教育局", "农业农村局", "卫生健康委员会"]
