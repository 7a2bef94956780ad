"""`import` of a published form in each format a department publishes (saved web page, Word,
Excel as departments lay it out): the draft holds the form's values, read by its headers.
The values are p05's (tests/corpus: 池州市贵池区棠溪镇 委托业务项目, 2022) as its form states them: its
年度资金总额 row reads 0 throughout, its 本年财政拨款 row 90 | 89.974 | 89.974 (the first three of its nine
indicator rows here)."""

from __future__ import annotations

import yaml

from .conftest import run_generator

HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
ROWS = [["产出指标", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8", ""],
        ["产出指标", "质量指标", "委托业务报告合格率", "≥100百分比", "100", "8", "8", ""],
        ["产出指标", "质量指标", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8", ""]]
MONEY = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额:", "0", "0", "0", "10", "0", "0"],
         ["其中:本年财政拨款", "90", "89.974", "89.974", "", "", ""],
         ["上年结转资金", "", "", "", "", "", ""],
         ["其他资金", "", "", "", "", "", ""]]


def check_draft(path):
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["kind"] == "project" and draft["year"] == 2022
    assert draft["department"]["name"] == "池州市贵池区棠溪镇人民政府" and draft["project"]["name"] == "委托业务项目"
    assert draft["budget"] == {"initial": 0, "adjusted": 0, "executed": 0, "rate": 0}  # as the form states it
    assert draft["funds"][0] == {"source": "本年财政拨款", "initial": 90, "adjusted": 89.974, "executed": 89.974}
    assert [(i["level2"], i["name"], i.get("operator"), i.get("target"), i.get("unit"), i.get("weight"))
            for i in draft["indicators"]] == [
        ("数量指标", "基建工程委托业务项目数量", "≥", 50, "个", 8), ("质量指标", "委托业务报告合格率", "≥", 100, "百分比", 8),
        ("质量指标", "经费支出合规性", "定性", "严格执行相关制度规定", None, 8)]


def test_a_saved_web_page_with_the_form_imports_its_values(tmp_path):
    def rows(rs):
        return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rs)
    page = ("<html><head><meta charset='gbk'><title>x</title></head><body><div class='nav'>首页 > 政务公开 > 部门预算</div>"
            "<h1>项目支出绩效自评表（2022年度）</h1><table><tr><td>项目名称</td><td>委托业务项目</td></tr>"
            "<tr><td>主管部门</td><td>池州市贵池区棠溪镇人民政府</td></tr></table>"
            f"<table>{rows(MONEY)}</table><table>{rows([HEAD] + ROWS)}</table></body></html>")
    source = tmp_path / "自评表.html"
    source.write_bytes(page.encode("gbk"))
    out = tmp_path / "draft.yaml"
    result = run_generator("import", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    check_draft(out)
    assert "首页" not in out.read_text(encoding="utf-8")  # the portal's navigation is not the report's


def test_a_word_form_with_merged_cells_imports_its_values(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表")
    document.add_paragraph("（2022年度）")
    info = document.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate((("项目名称", "委托业务项目"), ("主管部门", "池州市贵池区棠溪镇人民政府"))):
        info.cell(r, 0).text, info.cell(r, 1).text = label, value
    money = document.add_table(rows=len(MONEY), cols=len(MONEY[0]))
    for r, row in enumerate(MONEY):
        for c, text in enumerate(row):
            money.cell(r, c).text = text
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEAD))
    for r, row in enumerate([HEAD] + ROWS):
        for c, text in enumerate(row):
            if not (r == 2 and c == 0):  # the second row's 一级指标 is the merged cell above
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 产出指标 over two rows, as the form has it
    source = tmp_path / "自评表.docx"
    document.save(source)
    out = tmp_path / "draft.yaml"
    result = run_generator("import", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    check_draft(out)
    # The form's rows, equal neighbours kept (89.974 | 89.974), are set apart as the form's text, not
    # left among the page's cover lines or the unplaced text; the form's heading is the title.
    draft = yaml.safe_load(out.read_text(encoding="utf-8"))
    sections = {s["title"]: s for s in draft["sections"]}
    from generator.consistency import PAGE_SECTION, TABLE_SECTION, UNPLACED_SECTION

    assert "其中:本年财政拨款 | 90 | 89.974 | 89.974" in sections[TABLE_SECTION]["text"]
    assert not any(" | " in item["text"] for title in (PAGE_SECTION, UNPLACED_SECTION) for item in sections.get(title, {}).get("items", []))
    assert draft["title"].startswith("项目支出绩效自评表")
