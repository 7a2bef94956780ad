"""Rules from the documents rotated into development on 2026-11-28 (d76, d78, d80, p86 in tests/corpus):
what each reads, and the near cases it must leave alone. The texts are short stand-ins written in
those documents' shapes, not their content."""

from __future__ import annotations

from generator.importers.document import build_draft
from generator.importers.narrative_money import year_budget
from generator.importers.year_tables import income_table, spending_table


def draft(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return build_draft(path)


SPENDING_CELLS = ["部门(单位)年度支出和结余情况(万元)", "机构名称", "支出合计", "其中:", "结余", "基本支出", "其中:", "项目支出",
                  "当年结余", "累计结余", "人员支出", "公用支出", "示例工作部"]


def test_a_flattened_spending_table_is_read_only_when_its_figures_add_up():
    # d76's shape: the 岳阳 template's two-level header, a cell per line, then the unit's figures.
    lines = SPENDING_CELLS + ["90", "80", "70", "10", "10", "0", "0"]
    spending, found, used = spending_table(lines)
    assert spending == {"total": 90, "basic": 80, "personnel": 70, "public": 10, "project": 10}
    assert found and "第 14 行起" in found[0]  # the line of the first figure
    assert {0, 13, 17} <= used and 18 not in used  # (the 结余 figures are not read)
    # basic 80 is not 70 + 5: the columns are not where the rule thinks, so nothing is read
    assert spending_table(SPENDING_CELLS + ["90", "80", "70", "5", "10", "0", "0"])[0] == {}
    # total 90 is not basic 80 + project 20
    assert spending_table(SPENDING_CELLS + ["90", "80", "70", "10", "20", "0", "0"])[0] == {}
    # a header naming 人员支出 but not 公用支出: how many columns stand before 项目支出 is not known
    no_public = [c for c in SPENDING_CELLS if c != "公用支出"]
    assert spending_table(no_public + ["90", "80", "70", "10", "10", "0", "0"])[0] == {}


INCOME_CELLS = ["年度收入情况(万元)", "机构名称", "收入合计", "其中:", "上年结转", "公共财", "政拨款", "政府基金拨款",
                "纳入专户管理的非税收入拨款", "其他", "收入", "示例工作部"]


def test_a_flattened_receipts_table_gives_each_source_when_they_add_up_to_the_total():
    # d70's and d76's shape: header cells broken in two (公共财 / 政拨款, 其他 / 收入) are joined into names
    funds, found, used = income_table(INCOME_CELLS + ["70.5", "0", "69", "0", "0", "1.5"])
    assert funds == [{"source": "上年结转", "adjusted": 0}, {"source": "公共财政拨款", "adjusted": 69},
                     {"source": "政府基金拨款", "adjusted": 0}, {"source": "纳入专户管理的非税收入拨款", "adjusted": 0},
                     {"source": "其他收入", "adjusted": 1.5}]
    assert "第 13 行起" in found[0] and {0, 12, 17} <= used
    assert income_table(INCOME_CELLS + ["70.5", "0", "69", "0", "0", "1"])[0] == []  # 70 is not 70.5
    # a broken name that nothing completes (…其他 / 示例): no names, nothing read
    assert income_table(INCOME_CELLS[:-2] + ["示例工作部", "69", "0", "69", "0", "0", "0"])[0] == []
    # a sheet of another title is not this table
    assert income_table(["年度支出情况(万元)", *INCOME_CELLS[1:], "70.5", "0", "69", "0", "0", "1.5"])[0] == []


def test_a_title_broken_before_its_report_words_gives_the_kind_and_the_spending(tmp_path):
    text = "\n".join(["2020年绩效自评", "", "示例区2020年度部门(单位)整体支出", "", "绩效评价自评报告", "",
                      "部门(单位)名称:  示例区工作部", *SPENDING_CELLS, "60", "60", "50", "10", "0", "0", "0"])
    data = draft(tmp_path, text).data
    assert data["kind"] == "department"
    assert data["spending"] == {"total": 60, "basic": 60, "personnel": 50, "public": 10, "project": 0}


def test_a_title_line_without_report_words_after_it_is_no_kind(tmp_path):
    # 部门整体支出 in a sentence, followed by another sentence: no title broken in two
    text = "示例区2020年度部门整体支出情况如下\n\n全年共开展检查12次。"
    assert draft(tmp_path, text).data.get("kind") is None


def test_the_unit_naming_itself_before_its_basic_spending(tmp_path):
    # d78's shape has a budget heading before; here the sentence stands alone: 示例中心基本支出 is the
    # unit's own when 示例中心 is the unit, and still another body's when it is not.
    own = draft(tmp_path, "示例疫控中心2021年度部门整体支出绩效自评报告\n一、部门概况\n2021年,示例疫控中心基本支出127.31万元。")
    assert own.data["spending"]["basic"] == 127.31
    other = draft(tmp_path, "示例局2021年度部门整体支出绩效自评报告\n一、部门概况\n2021年,所辖示例中心基本支出127.31万元。")
    assert "basic" not in (other.data.get("spending") or {})


def test_a_body_says_its_own_score_and_its_whole_budget_management_report(tmp_path):
    # d80's shape: 我委得分98分 in the opening; the title a 预算绩效管理考核自评报告 of the whole body.
    made = draft(tmp_path, "示例自治区示例委员会2020年度预算绩效管理考核自评报告\n\n经自评,我委得分98分,现将情况报告如下:")
    assert made.data["kind"] == "department"
    assert made.data["result"]["score"] == 98
    # 我委得分率: not a score
    rate = draft(tmp_path, "示例委员会2020年度预算绩效管理考核自评报告\n\n我委得分率98%。")
    assert "score" not in (rate.data.get("result") or {})


def test_a_projects_budget_arranged_for_the_year(tmp_path):
    # p86's shape: 2021年预算安排2700万元 is the year's budget (not called 年初: the adjusted one)
    made = draft(tmp_path, "示例区2021年度示例专项资金项目支出绩效自评报告\n一、项目概况\n2021年预算安排2700万元,全年实际支出1723.62万元。")
    assert made.data["budget"]["adjusted"] == 2700
    assert made.data["budget"]["executed"] == 1723.62
    early = draft(tmp_path, "示例区2021年度示例专项资金项目支出绩效自评报告\n一、项目概况\n2021年年初预算安排300万元。")
    assert early.data["budget"].get("initial") == 300 and "adjusted" not in early.data["budget"]


def test_a_listed_recipients_allocation_is_not_the_years_budget():
    # p91's shape (held out; only its wrong value seen): 一是X管理处,下达预算资金… is one recipient's share
    listed = "区直文博系统项目有:一是示例管理处,下达预算资金9378万元。二是提前下达示例馆项目资金6622万元绩效目标。"
    assert year_budget(listed) is None
    assert year_budget("2020年度下达示例专项资金共500万元,用于示例工作。") == (500.0, "2020年度下达示例专项资金共500万元")


def test_the_project_forms_summary_as_a_pages_body(tmp_path):
    # p59's shape: a page titled only 2020年度绩效评价 whose body is the MoF form's 自评综述
    made = draft(tmp_path, "2020年度绩效评价\n\n发布日期:2021-10-12 16:58 来源:示例局\n浏览次数:\n\n"
                           "项目全年预算数为1050万元,执行数为1040万元,完成预算的99.05%。项目绩效目标完成情况:一是…")
    assert made.data["kind"] == "project"
    assert made.data["budget"] == {"adjusted": 1050, "executed": 1040, "rate": 99.05}
    # a department's summary (全年预算数 without 项目) is not a project's
    other = draft(tmp_path, "2020年度绩效评价\n\n部门全年预算数为1050万元,执行数为1040万元。")
    assert other.data.get("kind") != "project"


def test_a_subsidy_paid_out_and_a_budgets_spending_completion_rate(tmp_path):
    # p79's shape: 发放补助资金为278.8万元 is the project's year spending (not 计划发放)
    made = draft(tmp_path, "示例市危房改造转移支付2022年度绩效自评报告\n一、绩效目标情况\n实际完成改造264户,发放补助资金为278.8万元。")
    assert made.data["budget"]["executed"] == 278.8
    planned = draft(tmp_path, "示例市危房改造转移支付2022年度绩效自评报告\n一、绩效目标情况\n计划发放补助资金300万元。")
    assert "executed" not in (planned.data.get("budget") or {})
    # d42's shape: 年初预算支出完成率为100%, said once among receipts' and both sides' rates
    made = draft(tmp_path, "示例县人大常委会2021年度部门整体支出绩效自评报告\n一、部门基本情况\n"
                           "年初预算收入完成率为80%。单位年初预算支出785.59万元,年初预算支出完成率为100%。收支完成率为90%。")
    assert made.data["budget"]["rate"] == 100
