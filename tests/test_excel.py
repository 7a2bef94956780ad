"""The Excel form: template, round trip YAML -> workbook -> YAML, and errors by sheet and cell."""

import yaml
import pytest
from openpyxl import load_workbook

from generator.importers.workbook import read_workbook, write_workbook
from generator.model import Report
from generator.problems import DataError

from .conftest import DEMO, SEED, run_generator


def load_report(path) -> Report:
    return Report.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", [SEED, *sorted(DEMO.glob("2022/*.yaml"))], ids=lambda p: p.stem)
def test_yaml_to_workbook_to_yaml_loses_nothing(tmp_path, path):
    workbook, back = tmp_path / "form.xlsx", tmp_path / "back.yaml"
    assert run_generator("template", str(workbook), "--from", str(path)).returncode == 0
    result = run_generator("import", str(workbook), "-o", str(back))
    assert result.returncode == 0, result.stderr
    assert load_report(back) == load_report(path)


def test_the_empty_form_has_the_official_layout_with_dropdowns(tmp_path):
    path = tmp_path / "form.xlsx"
    result = run_generator("template", str(path))
    assert result.returncode == 0 and "import" in result.stdout
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["填写说明", "基本信息", "支出情况"]
    assert {"绩效指标", "资金来源", "正文", "关键数字"} <= set(wb.sheetnames)
    info = wb["基本信息"]
    labels = [info.cell(r, 1).value for r in range(2, info.max_row + 1)]
    assert "自评等级" in labels and "报告类型" in labels
    grade_cell = f"B{labels.index('自评等级') + 2}"
    lists = {str(dv.sqref): dv.formula1 for dv in info.data_validations.dataValidation}
    assert lists[grade_cell] == '"优,良,中,差"'
    indicator_lists = [dv.formula1 for dv in wb["绩效指标"].data_validations.dataValidation]
    assert '"产出指标,效益指标,满意度指标,成本指标"' in indicator_lists
    assert [c.value for c in wb["绩效指标"][1]][:3] == ["一级指标", "二级指标", "三级指标"]


def filled(tmp_path):
    path = tmp_path / "form.xlsx"
    write_workbook(path, load_report(SEED).model_dump(mode="json"))
    return path


def cell_of(wb, sheet, label):
    ws = wb[sheet]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    return ws.cell(row, 2)


def problems_of(path):
    with pytest.raises(DataError) as e:
        read_workbook(path)
    return e.value.problems


def filled_with(tmp_path, sheet: str, label: str, value):
    """A filled form where the value of one labelled row is changed; returns the file and that row."""
    path = filled(tmp_path)
    wb = load_workbook(path)
    cell = cell_of(wb, sheet, label)
    cell.value = value
    wb.save(path)
    return path, cell.row


def test_a_choice_outside_the_dropdown_names_sheet_and_cell(tmp_path):
    path, row = filled_with(tmp_path, "基本信息", "自评等级", "很好")
    [problem] = problems_of(path)
    assert problem.line == f"基本信息!B{row}"
    assert "只能是 优、良、中、差 之一" in problem.message and "下拉" in problem.message


def test_text_in_an_amount_cell_is_located(tmp_path):
    path, row = filled_with(tmp_path, "支出情况", "本年财政拨款支出", "8,483.10万元")
    result = run_generator("import", str(path), "-o", str(tmp_path / "x.yaml"))
    assert result.returncode == 1
    assert f"form.xlsx:支出情况!B{row}: spending.total: “本年财政拨款支出”应是数字" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_a_missing_or_renamed_sheet_is_named(tmp_path):
    path = filled(tmp_path)
    wb = load_workbook(path)
    wb["支出情况"].title = "支出"
    wb.save(path)
    messages = [p.message for p in problems_of(path)]
    assert any("缺少工作表“支出情况”" in m and "支出" in m for m in messages)


def test_merged_cells_are_refused_with_their_place(tmp_path):
    path = filled(tmp_path)
    wb = load_workbook(path)
    wb["绩效目标偏差"].merge_cells("A2:A3")
    wb.save(path)
    problem = next(p for p in problems_of(path) if "合并" in p.message)
    assert problem.line == "绩效目标偏差!A2"


def test_empty_rows_are_ignored(tmp_path):
    path = filled(tmp_path)
    wb = load_workbook(path)
    ws = wb["绩效目标偏差"]
    ws.insert_rows(2, amount=2)  # two empty rows before the first deviation
    wb.save(path)
    raw = read_workbook(path)
    assert [d["indicator"] for d in raw.data["deviations"]] == ["预算调整率", "预算编制准确率"]


def test_section_numbers_must_follow_the_document(tmp_path):
    path = filled(tmp_path)
    wb = load_workbook(path)
    ws = wb["正文"]
    ws.cell(3, 1).value = "9.1"  # an item of a section that does not exist
    wb.save(path)
    problem = next(p for p in problems_of(path) if p.field == "编号")
    assert problem.line == "正文!A3" and "上一级 9 不存在" in problem.message


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "form.xlsx"
    data = load_report(SEED).model_dump(mode="json")
    data["deviations"][0]["reason"] = "=HYPERLINK(\"http://x\")"
    write_workbook(path, data)
    assert read_workbook(path).data["deviations"][0]["reason"] == "=HYPERLINK(\"http://x\")"


def test_import_does_not_overwrite_without_force(tmp_path):
    path = filled(tmp_path)
    out = tmp_path / "out.yaml"
    out.write_text("keep", encoding="utf-8")
    result = run_generator("import", str(path), "-o", str(out))
    assert result.returncode == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    assert run_generator("import", str(path), "-o", str(out), "--force").returncode == 0


def test_a_formula_without_a_computed_value_is_named(tmp_path):
    # openpyxl, like some other programs, saves formulas without their results; Excel saves both.
    path, row = filled_with(tmp_path, "支出情况", "本年财政拨款支出", "=B3+B4")
    problem = next(p for p in problems_of(path) if "公式" in p.message)
    assert problem.line == f"支出情况!B{row}" and "=B3+B4" in problem.message and "保存一次" in problem.message


def test_a_missing_sheet_is_named(tmp_path):
    path = filled(tmp_path)
    wb = load_workbook(path)
    del wb["绩效指标"]
    wb.save(path)
    assert any("缺少工作表“绩效指标”" in p.message for p in problems_of(path))
