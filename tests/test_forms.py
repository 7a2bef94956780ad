"""tests/forms/make_forms.py: the corpus documents' own values in the official forms, as Word,
Excel and PDF files; read back here with python-docx, openpyxl and pypdf."""

from __future__ import annotations

import datetime as dt
import json
import re

import docx
import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
import yaml
from pypdf import PdfReader

from .conftest import ROOT
from .forms import make_forms

CORPUS = ROOT / "tests" / "corpus"
P07 = "p07_xiaoxian-hexi-zyzbt-2023"  # 14 indicator rows, sub-rows without 分值/得分, no 年初预算数, no score
D17 = "d17_hetang-fl-2022"  # spending.total but no 全年执行数


@pytest.fixture(scope="module")
def forms(tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("forms")
    make_forms.make(out, browser=browser)
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def answer(doc_id: str) -> dict:
    return yaml.safe_load((CORPUS / doc_id / "answer.yaml").read_text(encoding="utf-8"))


def word_rows(path) -> list[list[str]]:
    document = docx.Document(path)
    assert len(document.tables) == 1
    return [[c.text for c in row.cells] for row in document.tables[0].rows]


def row_with(rows, label: str, column: int = 2) -> list:
    return next(r for r in rows if r[column] == label)


def test_every_development_document_with_figures_has_each_format(forms):
    out, manifest = forms
    ids = {e["corpus_id"] for e in manifest}
    assert {P07, D17, "p05_guichi-tangxi-wtyw-2022", "d03_suiyang-taibai-table", "d06_lingling-lyj-2021"} <= ids
    assert "d01_yueyang-szcg-2018" not in ids  # an answer with no figures makes no form
    for doc_id in ids:
        layouts = sorted((e["layout"], e["format"]) for e in manifest if e["corpus_id"] == doc_id)
        base = "mof2020" if answer(doc_id)["kind"] == "project" else "dept"
        fujian = [("dept-fujian", "docx"), ("dept-fujian", "pdf"), ("dept-fujian", "xlsx")] if base == "dept" else []
        assert layouts == sorted([(base, "docx"), (base, "pdf"), (base, "xlsx"), (base + "-alt", "xlsx"), *fujian])
    assert all((out / e["file"]).stat().st_size > 1000 for e in manifest)


def test_held_out_documents_produce_nothing(forms):
    out, manifest = forms
    held = [p.name for p in CORPUS.iterdir() if (p / "source.yaml").exists()
            and yaml.safe_load((p / "source.yaml").read_text(encoding="utf-8")).get("held_out")]
    assert held
    assert not [e for e in manifest if e["corpus_id"] in held]
    assert not [p for p in out.iterdir() if p.name.split(".")[0] in held]


def test_fujians_form_numbers_its_columns_and_puts_the_total_last(forms):
    out, _ = forms
    doc_id = "d38_ningde-dzj-2020"
    rows = word_rows(out / f"{doc_id}.dept-fujian.docx")
    head = next(r for r in rows if "资金结构" in r)
    assert head[3:] == make_forms.FUJIAN_MONEY
    total = next(r for r in rows if r[1] == "合 计")
    assert total[3:8] == ["130.54", "", "188.61", "188.45", "99.92%"]  # 年初① | 年中调整② (empty) | 小计③ | 拨付④ | 实现率⑤
    assert next(r for r in rows if r[1] == "② 项目支出")[6] == "30.00"
    assert [r[3] for r in rows if r[1] == "产出目标"][:1] == ["抽查全市地震监测台站运维情况个数"]


def test_the_word_table_merges_the_levels_and_puts_each_value_in_its_column(forms):
    out, _ = forms
    path = out / f"{P07}.mof2020.docx"
    document = docx.Document(path)
    assert document.paragraphs[0].text == "项目支出绩效自评表（2023年度）"
    rows, stated = word_rows(path), answer(P07)
    head = next(i for i, r in enumerate(rows) if r[1] == "一级指标")
    col = {name: rows[head].index(name) for name in ("三级指标", "年度指标值", "实际完成值", "分值", "得分")}
    for row, ind in zip(rows[head + 1:], stated["indicators"]):
        assert (row[1], row[2], row[col["三级指标"]]) == (ind["level1"], ind["level2"], ind["name"])
        assert (row[col["年度指标值"]], row[col["实际完成值"]]) == (ind["target"], ind["actual"])
        assert row[col["分值"]] == str(ind.get("weight", "")) and row[col["得分"]] == str(ind.get("score", ""))
    # 一级指标 is one Word cell merged down its rows: the rows below continue it (vMerge).
    table = document.tables[0]
    output = [i for i, ind in enumerate(stated["indicators"]) if ind["level1"] == "产出指标"]
    cells = [table.cell(head + 1 + i, 1)._tc for i in output]
    assert len(cells) == 12 and all(c is cells[0] for c in cells)
    assert table.rows[head + 2]._tr.tc_lst[1].vMerge == "continue"
    assert table.cell(head + 1 + len(output), 1)._tc is not cells[0]  # 效益指标 is its own cell
    money = rows.index(row_with(rows, "年度资金总额"))
    total = dict(zip(rows[money - 1], rows[money]))  # under the header row 年初预算数 全年预算数 ...
    assert (total["全年预算数"], total["全年执行数"], total["执行率"]) == ("9.48", "9.48", "100.00%")


def test_values_the_answer_does_not_state_leave_their_cells_empty(forms):
    out, _ = forms
    rows = word_rows(out / f"{P07}.mof2020.docx")
    header = next(r for r in rows if "年初预算数" in r)
    total, other = dict(zip(header, row_with(rows, "年度资金总额"))), dict(zip(header, row_with(rows, "其他资金")))
    assert total["年初预算数"] == "" and total["分值"] == total["得分"] == ""  # p07 states no 年初预算数
    assert [other[h] for h in ("年初预算数", "全年预算数", "全年执行数", "执行率")] == ["", "", "", ""]
    sub = next(r for r in rows if r[3] == "其中桃树种植面积")  # a sub-row with values but no 分值/得分
    assert sub[4:6] == ["1.5亩", "1.5亩"] and sub[6:8] == ["", ""]
    assert row_with(rows, "总分", 0)[7] == ""  # no score stated
    ws = openpyxl.load_workbook(out / f"{P07}.mof2020.xlsx").active
    label = next(c for row in ws.iter_rows() for c in row if c.value == "年度资金总额")
    assert ws.cell(label.row, 5).value is None and ws.cell(label.row, 6).value == 9.48
    # d17 states spending 76.36 but no 全年执行数: the cell stays empty, and the manifest says so.
    d17 = word_rows(out / f"{D17}.dept.docx")
    header = next(r for r in d17 if "年初预算数" in r)
    assert dict(zip(header, row_with(d17, "年度资金总额")))["全年执行数"] == ""
    assert dict(zip(header, row_with(d17, "其中：基本支出")))["全年执行数"] == "76.36"
    entry = next(e for e in forms[1] if e["file"] == f"{D17}.dept.docx")
    assert entry["not_in_form"] == ["spending.total"]


def test_the_excel_form_has_merged_headers_and_typed_numbers(forms):
    out, _ = forms
    ws = openpyxl.load_workbook(out / f"{P07}.mof2020.xlsx").active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert ws.title == "项目自评表" and ws["A1"].value == "项目支出绩效自评表（2023年度）" and "A1:J1" in merged
    assert ws["A4"].value == "项目资金（万元）" and "A4:B7" in merged  # the money block's name down its rows
    level1 = sorted((r for r in ws.merged_cells.ranges if r.min_col == r.max_col == 2 and r.max_row > r.min_row), key=lambda r: r.min_row)
    assert [ws.cell(r.min_row, 2).value for r in level1] == ["产出指标", "效益指标"]
    label = next(c for row in ws.iter_rows() for c in row if c.value == "年度资金总额")
    adjusted, rate = ws.cell(label.row, 6), ws.cell(label.row, 9)
    assert type(adjusted.value) is float and adjusted.value == 9.48
    assert rate.value == 1 and rate.number_format == "0.00%"
    # Ruled: every cell a merge does not cover is boxed (a merged range is drawn by its edge cells).
    assert all(c.border.left.style == c.border.bottom.style == "thin" for row in ws.iter_rows(min_row=2) for c in row
               if not isinstance(c, MergedCell))
    d03 = openpyxl.load_workbook(out / "d03_suiyang-taibai-table.dept.xlsx").active
    assert d03.title == "部门自评表" and d03["A1"].value == "部门整体支出绩效自评表"  # its year is not stated


def test_the_second_excel_layout_repeats_the_levels_under_a_filing_line(forms):
    out, _ = forms
    ws = openpyxl.load_workbook(out / f"{P07}.mof2020-alt.xlsx").active
    assert ws["A2"].value.startswith("填报单位") and ws["A3"].value == "项目名称"  # the form starts on row 3
    assert ws["G2"].value == "填报日期："
    assert ws["H2"].value == dt.datetime(2024, 3, 15) and "年" in ws["H2"].number_format  # filed the year after 2023
    assert not [r for r in ws.merged_cells.ranges if r.min_col in (2, 3) and r.max_row > r.min_row]  # 一级/二级 not merged
    head = next(c.row for c in ws["B"] if c.value == "一级指标")
    assert [ws.cell(head + 1 + i, 2).value for i in range(14)] == [i["level1"] for i in answer(P07)["indicators"]]
    d03 = openpyxl.load_workbook(out / "d03_suiyang-taibai-table.dept-alt.xlsx").active
    assert d03["H2"].value == dt.datetime(2022, 2, 3)  # the document's own 填报日期; its budget year is unstated


def test_the_pdf_text_layer_has_the_names_and_every_amount_shown(forms):
    out, manifest = forms
    for entry in (e for e in manifest if e["format"] == "pdf"):
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out / entry["file"]).pages))
        stated = answer(entry["corpus_id"])
        for name in (stated.get("project"), stated.get("unit")):
            assert name is None or re.sub(r"\s+", "", name) in text, (entry["file"], name)  # the text without blanks
        amounts = [(f"{group}.{k}", v) for group in ("budget", "spending") for k, v in (stated.get(group) or {}).items()]
        amounts += [(f"funds[{i}].{k}", v) for i, f in enumerate(stated.get("funds") or []) for k, v in f.items() if k != "source"]
        for path, value in amounts:
            if value is not None and path not in entry["not_in_form"]:
                shown = make_forms.money_text(value) + ("%" if path == "budget.rate" else "")
                assert shown in text, (entry["file"], path, shown)


def test_the_same_input_makes_the_same_bytes(forms, tmp_path, browser):
    out, _ = forms
    form, alt = make_forms.layout(answer(P07), P07, alt=False), make_forms.layout(answer(P07), P07, alt=True)
    make_forms.write_docx(form, tmp_path / "again.docx")
    make_forms.write_xlsx(alt, tmp_path / "again.xlsx", alt=True)
    make_forms.write_pdfs([(form, tmp_path / "again.pdf")], browser)
    for again, first in (("docx", "mof2020.docx"), ("xlsx", "mof2020-alt.xlsx"), ("pdf", "mof2020.pdf")):
        assert (tmp_path / f"again.{again}").read_bytes() == (out / f"{P07}.{first}").read_bytes(), first


def test_the_importer_reads_every_form_without_a_wrong_value(forms):
    """`make import-eval --forms`: every Word, Excel and PDF form made from the corpus imports with
    no wrong or invented value, and with every indicator row and budget figure it states."""
    from bench import import_eval

    out, _ = forms
    scores = import_eval.score_forms(out, import_eval.CORPUS)
    assert [(s["id"], s["wrong"]) for s in scores if s["wrong"]] == []
    figures = import_eval.totals(scores)
    assert figures["wrong"] == 0 and figures["refused"] == 0
    # p33's PDF: every 一级/二级指标 cell is empty, the header row ends page 2 and its rows fill page 3
    # with one more column at the left (the 绩效指标 cell, whose text stayed outside the header's
    # table); the two tables are joined, the header widened by that column.
    missed = {s["id"]: s["groups"]["指标行"]["missed"] for s in scores if s["groups"]["指标行"]["missed"]}
    assert missed == {}
    assert figures["rows_found"] == figures["rows_stated"] > 100
    budget = figures["groups"]["预算"]
    assert budget["correct"] == budget["stated"] > 100


def test_a_table_that_goes_on_over_a_page_break_is_read_as_one(tmp_path, browser):
    """p25's 19 indicator rows fill more than a page. Printed with rows allowed to break (Word's
    default), the row at the top of page 2 has no top rule and the table there no header: the
    reader closes the row and joins the two pages' tables by their columns' positions."""
    from generator.importers.document import build_draft
    from generator.importers.read_pdf import read

    doc_id = "p25_changning-gxs-clhy-2022"
    path = tmp_path / "p25.pdf"
    make_forms.write_pdfs([(make_forms.layout(answer(doc_id), doc_id, alt=False), path)], browser, keep_rows=False)
    assert len(PdfReader(path).pages) == 2
    document = read(path)
    assert len(document.tables) == 1 and {c.where.page for row in document.tables[0].rows for c in row} == {1, 2}
    rows = build_draft(path).data["indicators"]
    squeeze = lambda name: re.sub(r"\s", "", name)  # noqa: E731 — a cell's text wraps in the PDF
    assert [squeeze(r["name"]) for r in rows] == [r["name"] for r in answer(doc_id)["indicators"]]  # 种母猪 last
