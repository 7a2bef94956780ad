"""What a document is (title, kind, year, unit, project), by rules that read real documents'
shapes: the lines below are the shapes of real published self-evaluations (tests/corpus)."""

from __future__ import annotations

from generator.importers import recognise as r
from generator.importers import recognise_project as pr
from generator.importers import recognise_unit as u
from generator.importers.recognise_kind import kind_of


def test_the_portals_navigation_and_metadata_are_never_the_title():
    lines = ["您现在所在的位置 : 首页 > 政务 > 政府信息公开年度报告",
             "索引号: 431102009/2022-00132 发文日期: 2022-04-07 发布机构: 零陵区林业局",
             "2021年林业局部门整体支出绩效自评表"]
    title = r.title_of(lines)
    assert title.value == "2021年林业局部门整体支出绩效自评表" and title.line == 3
    assert kind_of(title.value, lines).value == "department"
    assert r.year_of(title, lines).value == 2021
    assert u.unit_of(title, lines).value == "零陵区林业局"  # the title's 林业局, named in full by its publisher


def test_the_year_is_the_budget_year_never_the_filing_date():
    lines = ["部门整体支出绩效评价自评报告", "(2023年度)", "部门(单位)全称:平泉市人民检察院 (公章)", "填报日期 2024年 2月26日"]
    title = r.title_of(lines)
    assert title.value == "部门整体支出绩效评价自评报告(2023年度)"
    assert r.year_of(title, lines).value == 2023
    assert u.unit_of(title, lines).value == "平泉市人民检察院"


def test_a_year_written_as_2021年度_never_cuts_the_unit_into_度部():
    lines = ["2021年茂名市发展和改革局部门整体支出绩效自评报告.pdf"]
    title = r.title_of(lines)
    assert title.value == "2021年茂名市发展和改革局部门整体支出绩效自评报告"  # not the file's extension
    assert u.unit_of(title, lines).value == "茂名市发展和改革局"
    assert u.unit_of(r.title_of(["2022年度示例市科学技术局示范项目项目支出绩效自评报告"]), []).value == "示例市科学技术局"


def test_a_title_broken_over_two_lines_and_its_parenthesis_are_one_title():
    lines = ["保山市林业和草原局2021年度", "项目绩效自评报告", "(市级森林防火“三三制”补助经费项目)", "一、项目基本情况"]
    title = r.title_of(lines)
    assert title.value == "保山市林业和草原局2021年度项目绩效自评报告(市级森林防火“三三制”补助经费项目)"
    assert kind_of(title.value, lines).value == "project"
    assert pr.project_of(title, lines).value == "市级森林防火“三三制”补助经费项目"
    assert u.unit_of(title, lines).value == "保山市林业和草原局"


def test_form_fields_give_the_unit_and_project_cell_by_cell():
    lines = ["绩效目标自评表 | | |", "(2023年度) | | |", "项目名称 | 河西村特色种养补贴到户项目 | 项目负责人及电话 | 李宁",
             "主管部门 | 县农业农村局 | 实施单位 | 张庄寨镇人民政府 |"]
    title = r.title_of(lines)
    assert r.year_of(title, lines).value == 2023
    assert kind_of(title.value, lines).value == "project"
    assert pr.project_of(title, lines).value == "河西村特色种养补贴到户项目"
    assert u.unit_of(title, lines).value == "县农业农村局"  # the cell, not the row run together
    assert u.unit_of(None, ["项目主管部门: | 705-重庆市忠县科学技术协会 | 财政归口处室: |"]).value == "重庆市忠县科学技术协会"


def test_sentences_and_attachments_are_not_titles_and_labels_in_sentences_not_fields():
    lines = ["根据要求，我厅对2020年度部门整体支出开展绩效自评，形成自评报告。",
             "附 件:1.广东省科学技术厅2020年度部门整体支出绩效自评报告"]
    title = r.title_of(lines)
    assert title.value == "广东省科学技术厅2020年度部门整体支出绩效自评报告"
    assert u.unit_of(title, lines).value == "广东省科学技术厅"
    assert u.unit_of(None, ["作为部门预算单位，我厅严格按照省财政厅的要求"]) is None


def test_what_no_rule_finds_is_not_found():
    lines = ["为提升预算绩效管理水平，强化部门支出责任，加强预算管理。"]
    assert r.title_of(lines) is None and r.year_of(None, lines) is None and u.unit_of(None, lines) is None
    assert u.unit_of(r.title_of(["会宁县2021年度中央彩票公益金支持地方社会公益事业发展资金绩效自评报告"]), []) is None


def test_the_money_unit_is_what_the_document_writes_and_only_when_it_is_one():
    assert r.money_unit_of(["单位：元", "年度资金总额 | 1000 | 980"]).value == "元"
    assert r.money_unit_of(["项目资金（元） | 年初预算数 | 全年预算数"]).value == "元"
    assert r.money_unit_of(["本年支出合计3642.4万元"]).value == "万元"
    assert r.money_unit_of(["本年支出合计3642.4万元", "单位：元"]) is None  # both: a person decides
    assert r.money_unit_of(["一、部门基本情况"]) is None
    # A target's figure is not the report's money: 人均收入 in 元, a goal's 业务收入 in 万元.
    assert r.money_unit_of(["4.农村居民人均可支配收入12500元,增10%以上;"]) is None
    assert r.money_unit_of(["年初设定目标:业务收入达到55万元"]) is None
    assert r.money_unit_of(["下达项目资金56万元,实际支出54.6万元"]).value == "万元"


def test_a_form_field_and_a_title_naming_different_bodies_are_doubtful_not_found():
    lines = ["示例市农业农村局2022年度部门整体支出绩效自评报告", "部门(单位)名称 | 示例市水利局 |"]
    assert [c.value for c in u.unit_doubt(r.title_of(lines), lines)] == ["示例市水利局", "示例市农业农村局"]
    same = ["2021年林业局部门整体支出绩效自评表", "部门(单位)名称 | 零陵区林业局 |"]  # a short form of the same body
    assert u.unit_doubt(r.title_of(same), same) == []


def test_the_draft_leaves_a_doubtful_unit_out_and_says_why(tmp_path):
    from .conftest import run_generator

    source = tmp_path / "自评.txt"
    source.write_text("示例市农业农村局2022年度部门整体支出绩效自评报告\n部门(单位)名称 | 示例市水利局 |\n一、基本情况\n正文。\n",
                      encoding="utf-8")
    result = run_generator("import", str(source), "-o", str(tmp_path / "draft.yaml"))
    assert result.returncode == 0
    assert "存疑" in result.stdout and "示例市水利局（第 2 行） 或 示例市农业农村局（第 1 行）" in result.stdout
    import yaml

    draft = yaml.safe_load((tmp_path / "draft.yaml").read_text(encoding="utf-8"))
    assert "department" not in draft and draft["title"] == "示例市农业农村局2022年度部门整体支出绩效自评报告"
