"""A seventh attack review (2026-11-28), against the rules added from d76–d81, p82–p87 and the held-out
set's first run: texts shaped like real reports that were read into values they do not state. The
draft must hold what the text says, or leave it out: never the misreading."""

from __future__ import annotations

from generator.importers.document import build_draft
from generator.importers.glued import glued_indicators, glued_total


def draft(tmp_path, *lines: str):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return build_draft(path).data


DEPT = "示例县农业农村局2020年度部门整体支出绩效自评报告"
PROJECT = "示例县2020年度农村饮水安全维修养护项目绩效自评报告"
HEADER = ["机构名称", "支出合计", "其中:", "结余", "基本支出", "其中:", "项目支出", "当年结余", "累计结余", "人员支出", "公用支出"]


def test_a_spending_table_of_several_bodies_another_year_a_budget_or_by_year_is_not_read(tmp_path):
    many = draft(tmp_path, DEPT, "部门(单位)年度支出和结余情况(万元)", *HEADER, "区农业技术推广中心",
                 "84.1", "84.1", "74.65", "9.45", "0", "0", "0", "局机关", "956.2", "412.6", "330.1", "82.5", "543.6", "0", "0")
    assert "spending" not in many  # the first row is a subordinate's, not the department's whole
    for title in ("部门(单位)2019年度支出和结余情况(万元)", "部门(单位)年度支出情况(万元)（年初预算数）"):
        assert "spending" not in draft(tmp_path, DEPT, title, *HEADER, "示例局", "90", "80", "70", "10", "10", "0", "0")
    by_year = ["年度", *HEADER[1:]]
    assert "spending" not in draft(tmp_path, DEPT, "部门(单位)年度支出和结余情况(万元)", *by_year, "2019年度",
                                   "90", "80", "70", "10", "10", "0", "0")


def test_a_one_level_spending_header_is_read_in_its_own_order(tmp_path):
    data = draft(tmp_path, DEPT, "部门(单位)年度支出情况(万元)", "机构名称", "支出合计", "项目支出", "基本支出", "示例局", "500", "320", "180")
    assert data["spending"] == {"total": 500, "project": 320, "basic": 180}


def test_another_years_figures_and_score_are_not_the_reports(tmp_path):
    data = draft(tmp_path, DEPT, "一、支出对比分析", "2019年度，示例县农业农村局基本支出590.2万元，项目支出188万元。",
                 "受普查工作影响，2019年支出680.5万元。", "2019年度部门整体支出绩效评价中，我局自评得分为82分，评价等级为良。",
                 "三、下一步打算", "2021年预算安排1860万元。")
    assert not {"spending", "budget", "result"} & set(data)
    data = draft(tmp_path, PROJECT, "一、资金情况", "上年预算安排180万元，执行率100%。2019年年初预算安排300万元。每年预算安排1200万元。",
                 "2020年实际下达资金1500万元。")
    assert data["budget"] == {"adjusted": 1500}
    # the report's own year stays: 2020年预算安排 in a 2020 report
    assert draft(tmp_path, PROJECT, "一、资金情况", "2020年预算安排200万元。")["budget"] == {"adjusted": 200}


def test_scores_of_an_indicator_a_place_a_survey_or_a_project_are_not_the_reports(tmp_path):
    assert "result" not in draft(tmp_path, DEPT, "一、评价情况", "该指标满分10分，本指标得分9分。")
    assert draft(tmp_path, DEPT, "一、评价情况", "全市平均得分86分，我县得分95分。", "二、结论", "自评得分为91.5分。")["result"]["score"] == 91.5
    assert "result" not in draft(tmp_path, DEPT, "一、工作情况", "全县机关作风满意度测评，本单位得分92.3分。")
    data = draft(tmp_path, DEPT, "一、项目情况", "其中农村公路养护项目自评得分88分，农村公路养护项目预算执行率85.2%。",
                 "二、结论", "部门整体支出绩效自评得分93分，部门整体预算执行率96.4%。")
    assert data["result"]["score"] == 93 and data["budget"]["rate"] == 96.4
    # said of its own self-evaluation, the body's score stays (经自评,我委得分98分)
    assert draft(tmp_path, DEPT, "", "经自评,我局得分98分。")["result"]["score"] == 98


def test_a_listed_recipients_or_a_subordinates_money_is_not_the_whole(tmp_path):
    for line in ("1.示例管理处，下达预算资金9378万元。", "（一）市园林绿化中心：下达资金860万元，用于绿化养护。",
                 "首先是市园林绿化中心，下达资金860万元。", "一是对示例管理处，主要用于消防设施改造，下达预算资金9378万元。"):
        assert "budget" not in draft(tmp_path, PROJECT, "一、资金分配", line), line
    # a section's own sentence after its number stays: (一)示例局2020年衔接资金共下达105万元
    assert draft(tmp_path, PROJECT, "一、资金分配", "(一)示例局2020年衔接资金共下达105万元,用于实施示例项目。")["budget"] == {"adjusted": 105}
    assert "spending" not in draft(tmp_path, DEPT, "二、支出情况", "示例县农机服务公司基本支出35.6万元，项目支出12万元。")


def test_a_title_broken_by_a_blank_line_and_a_cited_notice(tmp_path):
    data = draft(tmp_path, "示例县2020年度农村公路养护项目", "", "绩效自评报告", "",
                 "根据县财政局关于开展2020年度部门整体支出绩效自评工作的通知要求，现将有关情况报告如下。")
    assert data["kind"] == "project"
    data = draft(tmp_path, "示例县交通运输局2020年度", "", "绩效自评报告", "", "根据《示例县财政局关于开展2020年度部门整体支出", "",
                 "绩效自评工作的通知》要求，我局对农村公路建设资金开展了自评。")
    assert data.get("kind") != "department"


GLUED = "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施"


def test_a_run_together_table_does_not_cut_a_year_or_take_a_names_total_or_a_levels_points():
    rows, unsure = glued_indicators(GLUED + "产出指标质量指标储存安全合格合格2020年度轮换计划完成率100%100%说明无")
    assert not any(r["target"] == 20 for r in rows)  # 2020年度 is no 20 written twice
    rows, _ = glued_indicators(GLUED + "产出指标数量指标储备规模5000吨已完成2020年轮换计划完成率100%100%")
    assert not any(r["name"] == "已完成" for r in rows)
    points = "一级指标二级指标三级指标分值年度指标值全年实际值得分"
    assert glued_total(points + "产出指标数量指标学员考核总分10≥90分95分10总分10099") == 99
    rows, _ = glued_indicators(points + "产出指标(50分)数量指标20分培训人数10≥500人次≥500人次10质量指标(30分)培训合格率10≥95%≥95%10")
    assert [r["name"] for r in rows] == ["培训人数", "培训合格率"]
