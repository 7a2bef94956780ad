"""`import` of hostile or broken files: each is refused with a Chinese message naming the file
(and the sheet, cell or paragraph), exit status 1, no traceback and no output file.

The bounds are shown by what happens, not by timing: a zip bomb is refused before openpyxl or
python-docx is called at all; a sheet is refused at the first row past the limit.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
import openpyxl
import pytest
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl import load_workbook
from openpyxl.styles import Font

from generator.importers import limits as import_limits
from generator.cli import main
from generator.importers.workbook import write_workbook
from generator.model import Report
from generator.importers.document import read_lines

from .conftest import SEED

LABELS = {".docx": "Word 文档（.docx）", ".xlsx": "Excel 工作簿（.xlsx）"}


@pytest.fixture(autouse=True)
def plain_output(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # problems as text, not workflow commands


def run_import(path, capsys, *extra):
    """(exit status, stderr, the output path) of `python -m generator import path -o out.yaml`."""
    out = path.parent / "out.yaml"
    status = main(["import", str(path), "-o", str(out), *extra])
    return status, capsys.readouterr().err, out


def refused(path, capsys, *fragments):
    """Import must fail cleanly: status 1, the file named with every fragment, nothing written."""
    status, err, out = run_import(path, capsys)
    assert status == 1, err
    assert "Traceback" not in err
    assert f"{path}:" in err  # problems start with the file's name
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert not out.exists()
    return err


def form(tmp_path, name="form.xlsx"):
    path = tmp_path / name
    write_workbook(path, Report.model_validate(yaml.safe_load(SEED.read_text(encoding="utf-8"))).model_dump(mode="json"))
    return path


def report_docx(tmp_path, name="报告.docx"):
    document = docx.Document()
    document.add_paragraph("2023年度示例市水务局部门整体绩效自评报告")
    document.add_paragraph("一、基本情况")
    document.add_paragraph("本年财政拨款支出 2,000.5 万元。自评结果为优。")
    path = tmp_path / name
    document.save(path)
    return path


def add_member(path, name: str, megabytes: int, byte: bytes = b"\0") -> None:
    """Append a part of `megabytes` of one repeated byte, written in chunks: the test stays small in memory."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(name, "w", force_zip64=True) as f:
            chunk = byte * (1024 * 1024)
            for _ in range(megabytes):
                f.write(chunk)


def rewrite(path, change) -> None:
    """Rewrite a zip's parts: change(name, bytes) returns the new bytes, or None to drop the part."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            new = change(name, data)
            if new is not None:
                z.writestr(name, new)


@pytest.fixture
def forbid_libraries(monkeypatch):
    """Call it once the test's files are made: from then on, openpyxl or python-docx opening a file fails the test."""
    def boom(*args, **kwargs):
        raise AssertionError("the file reached openpyxl or python-docx")

    def forbid():
        monkeypatch.setattr(docx, "Document", boom)
        monkeypatch.setattr("generator.importers.workbook.load_workbook", boom)
        monkeypatch.setattr(openpyxl.reader.excel.ExcelReader, "__init__", boom)

    return forbid


# ---- zip bombs and sizes ----------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_zip_bomb_is_refused_from_its_directory_before_any_library_opens_it(tmp_path, capsys, suffix, forbid_libraries):
    path = report_docx(tmp_path, "bomb.docx") if suffix == ".docx" else form(tmp_path, "bomb.xlsx")
    add_member(path, "word/media/image1.png" if suffix == ".docx" else "xl/media/image1.png", 200)
    assert path.stat().st_size < 1024 * 1024  # 200 MB of zeros in a few hundred KB
    forbid_libraries()
    refused(path, capsys, f"文件不是有效的 {LABELS[suffix]}", "image1.png", "200 MB", "压缩炸弹", "另存为")


def test_a_part_that_compresses_too_well_is_refused(tmp_path, capsys, forbid_libraries):
    path = report_docx(tmp_path)
    add_member(path, "word/media/image1.png", 2, b"a")  # 2 MB: under every size limit, but 1000 times smaller zipped
    forbid_libraries()
    refused(path, capsys, "image1.png", "倍", "压缩炸弹")


def test_a_part_larger_than_its_declared_size_is_stopped_at_that_size(tmp_path, capsys, forbid_libraries):
    path = report_docx(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.png", b"\0" * 500_000)
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # the last part's central directory entry says it holds 1,000 bytes
    data[entry + 24:entry + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    forbid_libraries()
    refused(path, capsys, "文件已损坏，其中的“word/media/image1.png”无法解压")


def test_too_many_parts_or_too_much_in_all_are_refused(tmp_path, capsys, monkeypatch, forbid_libraries):
    many, normal = report_docx(tmp_path, "many.docx"), report_docx(tmp_path, "normal.docx")
    with zipfile.ZipFile(many, "a") as z:
        for i in range(import_limits.MAX_MEMBERS):
            z.writestr(f"word/media/{i}.txt", b"x")
    forbid_libraries()
    refused(many, capsys, f"超过了上限 {import_limits.MAX_MEMBERS}")
    monkeypatch.setattr(import_limits, "MAX_TOTAL_BYTES", 20_000)  # a normal document, under a lower limit
    refused(normal, capsys, "全部解压后超过")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, capsys, monkeypatch, forbid_libraries):
    workbook, text = form(tmp_path), tmp_path / "报告.txt"
    text.write_text("一、基本情况\n" * 20, encoding="utf-8")
    monkeypatch.setattr(import_limits, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(import_limits, "MAX_TEXT_BYTES", 100)
    forbid_libraries()
    refused(workbook, capsys, "超过了导入上限")
    refused(text, capsys, "超过了导入上限")


# ---- renamed, empty, truncated, with macros --------------------------------------------------

def other_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "hello")
    return buffer.getvalue()


BROKEN = {
    "empty": (lambda good: b"", "它是空的（0 字节）"),
    "text": (lambda good: "一、基本情况\n".encode(), "其他格式的文件改了扩展名"),
    "png": (lambda good: b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG 图片"),
    "old Office or password": (lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "旧版 Office 97-2003 格式"),
    "truncated": (lambda good: good[: len(good) // 2], "文件不完整或已损坏"),
    "zip of something else": (lambda good: other_zip(), "不是 Office 文档"),
}


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_or_renamed_file_is_named_with_what_it_is_and_what_to_do(tmp_path, capsys, suffix, case):
    good = (report_docx(tmp_path, "good.docx") if suffix == ".docx" else form(tmp_path, "good.xlsx")).read_bytes()
    make, says = BROKEN[case]
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(make(good))
    app = "Word" if suffix == ".docx" else "Excel"
    refused(path, capsys, f"文件不是有效的 {LABELS[suffix]}", says, f"在 {app} 中打开它，另存为")


def test_a_workbook_renamed_docx_and_a_document_renamed_xlsx_are_told_apart(tmp_path, capsys):
    (tmp_path / "a.docx").write_bytes(form(tmp_path).read_bytes())
    refused(tmp_path / "a.docx", capsys, "文件不是有效的 Word 文档（.docx）", "它其实是Excel 工作簿（.xlsx）")
    (tmp_path / "b.xlsx").write_bytes(report_docx(tmp_path).read_bytes())
    refused(tmp_path / "b.xlsx", capsys, "文件不是有效的 Excel 工作簿（.xlsx）", "它其实是Word 文档（.docx）")


def test_a_document_missing_its_text_part_is_refused(tmp_path, capsys):
    path = report_docx(tmp_path)
    rewrite(path, lambda name, data: None if name == "word/document.xml" else data)
    refused(path, capsys, "文件不是有效的 Word 文档（.docx）", "另存为 .docx")


def macro_enabled(path, vba: str, content_type: str | None) -> None:
    def change(name, data):
        if content_type and name == "[Content_Types].xml":
            return data.replace(b"sheet.main+xml", content_type.encode()).replace(b"document.main+xml", content_type.encode())
        return data

    rewrite(path, change)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(vba, b"\xd0\xcf\x11\xe0 VBA project")


@pytest.mark.parametrize("content_type", [None, "sheet.macroEnabled.main+xml"])
def test_a_macro_enabled_workbook_renamed_xlsx_is_refused(tmp_path, capsys, content_type, forbid_libraries):
    path = form(tmp_path)
    macro_enabled(path, "xl/vbaProject.bin", content_type)
    forbid_libraries()
    refused(path, capsys, "含有宏", "另存为")


def test_a_macro_enabled_document_renamed_docx_is_refused(tmp_path, capsys, forbid_libraries):
    path = report_docx(tmp_path)
    macro_enabled(path, "word/vbaProject.bin", "document.macroEnabled.main+xml")
    forbid_libraries()
    refused(path, capsys, "含有宏")


# ---- huge sheets ----------------------------------------------------------------------------

def test_a_sheet_declaring_a_million_rows_is_refused_before_openpyxl_reads_it(tmp_path, capsys, monkeypatch):
    path = form(tmp_path)
    rewrite(path, lambda name, data: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:Z1000000"/>', data)
            if name == "xl/worksheets/sheet1.xml" else data)
    monkeypatch.setattr("generator.importers.workbook.load_workbook", lambda *a, **k: pytest.fail("openpyxl read the cells"))
    refused(path, capsys, "工作表“填写说明”", "A1:Z1000000", "1000000 行", "超过了 5000 行")


def rows_workbook(tmp_path, rows: int, columns: int = 2):
    """A workbook of one sheet, written row by row, whose <dimension> claims two rows."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("基本信息")
    for i in range(rows):
        ws.append([f"r{i}"] * columns)
    path = tmp_path / "rows.xlsx"
    wb.save(path)
    rewrite(path, lambda name, data: data.replace(b"<sheetData>", b'<dimension ref="A1:B2"/><sheetData>', 1)
            if name.startswith("xl/worksheets/") else data)
    return path


def test_rows_past_the_limit_stop_the_reading_whatever_the_sheet_declares(tmp_path, capsys, monkeypatch):
    path = rows_workbook(tmp_path, import_limits.MAX_ROWS + 1)
    monkeypatch.setattr("generator.importers.workbook.load_workbook", lambda *a, **k: pytest.fail("openpyxl read the cells"))
    refused(path, capsys, "工作表“基本信息”", f"有第 {import_limits.MAX_ROWS + 1} 行", "删除多余的行列")


def test_cells_past_the_limit_stop_the_reading(tmp_path, capsys):
    path = rows_workbook(tmp_path, import_limits.MAX_CELLS // 20 + 1, columns=20)
    refused(path, capsys, f"超过 {import_limits.MAX_CELLS} 个的上限")


def test_a_cell_far_to_the_right_is_refused(tmp_path, capsys):
    path = form(tmp_path)
    wb = load_workbook(path)
    wb["基本信息"].cell(3, import_limits.MAX_COLUMNS + 1, "x")
    wb.save(path)
    refused(path, capsys, "工作表“基本信息”", f"{import_limits.MAX_COLUMNS + 1} 列", "删除多余的行列")


def test_a_sheet_whose_xml_is_cut_off_is_named(tmp_path, capsys):
    path = form(tmp_path)
    rewrite(path, lambda name, data: data[: len(data) // 2] if name == "xl/worksheets/sheet2.xml" else data)
    refused(path, capsys, "工作表“基本信息”已损坏")


# ---- hidden content ---------------------------------------------------------------------------

def edited_form(tmp_path, edit):
    path = form(tmp_path)
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def label_row(ws, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def department_row_hidden(wb):
    ws = wb["基本信息"]
    ws.row_dimensions[label_row(ws, "部门名称")].hidden = True


# (how it is hidden, where the message says it is, what it says)
XLSX_HIDDEN = {
    "sheet": (lambda wb: setattr(wb["基本信息"], "sheet_state", "hidden"), "基本信息!B", "工作表“基本信息”是隐藏的"),
    "very hidden sheet": (lambda wb: setattr(wb["绩效目标偏差"], "sheet_state", "veryHidden"), "绩效目标偏差!A2",
                          "工作表“绩效目标偏差”是隐藏的"),
    "row": (department_row_hidden, "基本信息!B5", "第 5 行是隐藏的：“黄石市商务局”"),
    "column": (lambda wb: setattr(wb["绩效目标偏差"].column_dimensions["B"], "hidden", True), "绩效目标偏差!B2", "B 列是隐藏的"),
    "white text": (lambda wb: setattr(wb["基本信息"]["B5"], "font", Font(color="FFFFFF")), "基本信息!B5", "白色文字在白色底色上"),
    "tiny text": (lambda wb: setattr(wb["基本信息"]["B5"], "font", Font(size=1)), "基本信息!B5", "字号是 1 磅"),
    "format ;;;": (lambda wb: setattr(wb["基本信息"]["B5"], "number_format", ";;;"), "基本信息!B5", "单元格的数字格式“;;;”不显示内容"),
}


@pytest.mark.parametrize("case", XLSX_HIDDEN)
def test_hidden_content_in_a_workbook_is_refused_unless_included(tmp_path, capsys, case):
    edit, where, says = XLSX_HIDDEN[case]
    path = edited_form(tmp_path, edit)
    refused(path, capsys, f"{path}:{where}", says, "看不到，导入后却会公开", "--include-hidden")

    status, err, out = run_import(path, capsys, "--include-hidden")
    assert status == 0 and out.exists(), err
    assert f"{path}:{where}" in err and f"警告：{says}" in err and "已按 --include-hidden 导入" in err


def test_a_hidden_sheet_that_is_not_imported_is_not_reported(tmp_path, capsys):
    def scratch(wb):
        wb.create_sheet("草稿")["A1"] = "不导入的草稿"
        wb["草稿"].sheet_state = "hidden"

    status, err, out = run_import(edited_form(tmp_path, scratch), capsys)
    assert status == 0 and out.exists() and "隐藏" not in err, err


def document_with(tmp_path, decorate):
    """The report document with one sentence added after its heading, decorated by `decorate(run)`."""
    document = docx.Document()
    document.add_paragraph("2023年度示例市水务局部门整体绩效自评报告")
    document.add_paragraph("一、基本情况")
    paragraph = document.add_paragraph("本年财政拨款支出 2,000.5 万元。")
    decorate(paragraph.add_run("这句话不应公开。"), document)
    path = tmp_path / "报告.docx"
    document.save(path)
    return path


def hidden_style(run, document):
    document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER).font.hidden = True
    run.style = "Secret"


def white(run):
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def shaded(run, fill):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    run._r.get_or_add_rPr().append(shading)


DOCX_HIDDEN = {
    "vanish": (lambda run, doc: setattr(run.font, "hidden", True), "隐藏文字"),
    "hidden style": (hidden_style, "隐藏文字"),
    "white": (lambda run, doc: white(run), "白色文字"),
    "white on white shading": (lambda run, doc: (white(run), shaded(run, "FFFFFF")), "白色文字"),
    "tiny": (lambda run, doc: setattr(run.font, "size", Pt(1)), "字号不超过 1 磅"),
}


@pytest.mark.parametrize("case", DOCX_HIDDEN)
def test_text_word_does_not_show_is_refused_unless_included(tmp_path, capsys, case):
    decorate, why = DOCX_HIDDEN[case]
    path = document_with(tmp_path, decorate)
    refused(path, capsys, f"{path}:第 3 段", "段落“本年财政拨款支出 2,000.5 万元。……”", f"看不见的文字（{why}）：“这句话不应公开。”",
            "在 Word 中看不到，导入后却会公开", "--include-hidden")

    status, err, out = run_import(path, capsys, "--include-hidden")
    assert status == 0 and out.exists(), err
    assert "警告：" in err and "已按 --include-hidden 导入" in err
    assert "这句话不应公开。" in out.read_text(encoding="utf-8")


def test_white_text_on_a_dark_shading_can_be_seen(tmp_path, capsys):
    def white_on_navy(run, doc):
        white(run)
        shaded(run, "1F3864")

    status, err, out = run_import(document_with(tmp_path, white_on_navy), capsys)
    assert status == 0 and "看不见" not in err, err


def test_hidden_text_in_a_table_names_the_table_and_row(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("2023年度示例市水务局部门整体绩效自评报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成值"
    table.cell(1, 0).text = "供水"
    table.cell(1, 1).paragraphs[0].add_run("秘密").font.hidden = True
    path = tmp_path / "报告.docx"
    document.save(path)
    refused(path, capsys, "第 1 个表格第 2 行", "表格行“供水 | 秘密”", "（隐藏文字）：“秘密”")


# ---- long documents, linear reading ---------------------------------------------------------

def element(tag: str, *children, **attributes):
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), value)
    node.extend(children)
    return node


def cell(text: str | None, merge: str | None = None):
    properties = [element("w:tcPr", element("w:vMerge", **({"val": merge} if merge == "restart" else {})))] if merge else []
    runs = [element("w:r", element("w:t"))] if text else []
    if text:
        runs[0][0].text = text
    return element("w:tc", *properties, element("w:p", *runs))


def test_a_cell_merged_down_thousands_of_rows_is_read_in_one_pass(tmp_path):
    # python-docx's row.cells finds a merged cell's text by going up one row at a time, each
    # step a recursive call that searches the whole table: this merge raised RecursionError.
    document = docx.Document()
    rows = [element("w:tr", cell("产出指标", "restart"), cell("第一行"))]
    rows += [element("w:tr", cell(None, "continue"), cell(f"第{i}行")) for i in range(2, 3001)]
    document.element.body.append(element("w:tbl", element("w:tblGrid", element("w:gridCol"), element("w:gridCol")), *rows))
    path = tmp_path / "tall.docx"
    document.save(path)
    lines = [line for line in read_lines(path) if line]
    assert len(lines) == 3000 and all(line.startswith("产出指标 | 第") for line in lines)
    assert lines[-1] == "产出指标 | 第3000行"


def test_a_long_run_of_spaces_is_read_without_backtracking(tmp_path, capsys):
    # The patterns that read it had two \s* in a row, or a \s* tried from every position: 20,000
    # spaces took 5 seconds, 100,000 took minutes. Read in one pass, they take milliseconds.
    path = tmp_path / "报告.txt"
    path.write_text("2023年度示例市水务局部门整体绩效自评报告\n一、基本情况\n基本支出" + " " * 100_000 + "x | y\n",
                    encoding="utf-8")
    status, err, out = run_import(path, capsys)
    assert status == 0 and out.exists(), err
    # A label whose amount must be in 万元 or 元 (,支出 / 实际支出), then the run: a look-ahead with two \s*
    # around an optional word took 109 s; a column's letter (A) sought after every blank, 100 s.
    for label in (",支出", "实际支出", "预算数(A)", "预算执行率", "转移支付预算数(A)", "发布机构", "项目名称", "主管部门", "预算部门、单位名称"):
        path.write_text("2023年度示例市水务局部门整体绩效自评报告\n一、基本情况\n" + label + " " * 100_000 + "x\n", encoding="utf-8")
        status, err, out = run_import(path, capsys, "--force")
        assert status == 0 and out.exists(), err


def test_a_document_past_the_line_limit_is_refused(tmp_path, capsys):
    document = docx.Document()
    body = document.element.body
    for i in range(import_limits.MAX_LINES + 1):
        paragraph = OxmlElement("w:p")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = f"第{i}行"
        run.append(text)
        paragraph.append(run)
        body.append(paragraph)
    path = tmp_path / "长.docx"
    document.save(path)
    refused(path, capsys, f"{import_limits.MAX_LINES:,} 行的上限")


# ---- text files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["一、基本情况\n".encode("utf-16"), b"\x80\xff\xfe\x81" * 10, b"\x89PNG\r\n\x1a\n\0\0"],
                         ids=["utf-16", "not gbk", "png"])
def test_a_text_file_in_an_unknown_encoding_is_named(tmp_path, capsys, raw):
    path = tmp_path / "报告.txt"
    path.write_bytes(raw)
    refused(path, capsys, "无法识别文件的编码", "另存为", "UTF-8")


def test_a_word_file_with_an_entity_bomb_is_refused_in_chinese(tmp_path, capsys):
    # Found by a second review: the XML library's English reason was quoted inside the Chinese message.
    import zipfile

    good = report_docx(tmp_path, "good.docx")
    path = tmp_path / "报告.docx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY a{i} "{("&a;" if i == 1 else f"&a{i - 1};") * 10}">' for i in range(1, 9))
            + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            + "<w:t>&a8;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, bomb if item.filename == "word/document.xml" else src.read(item.filename))
    status, err, _ = run_import(path, capsys)
    assert status == 1 and "Traceback" not in err and "实体定义" in err
    assert not re.search(r"[A-Za-z]{4,}", err.split(":", 1)[-1].replace(str(path), "").replace("Word", "").replace("docx", "")), err


def test_a_page_of_no_elements_a_codec_named_undefined_and_a_damaged_pdf_are_refused_in_chinese(tmp_path, capsys):
    # Found by a fuzzing review: lxml's "Document is empty" and pdfminer's class name reached the message,
    # and <meta charset="undefined"> over GBK bytes raised UnicodeError (a traceback).
    page = tmp_path / "空.html"
    page.write_text("<!-- 某县 -->", encoding="utf-8")
    refused(page, capsys, "没有网页内容")
    assert "Document" not in capsys.readouterr().err
    odd = tmp_path / "编码.html"
    odd.write_bytes('<meta charset="undefined"><p>某县2023年度部门整体支出绩效自评报告</p>'.encode("gbk"))
    status, err, out = run_import(odd, capsys)
    assert status == 0 and "某县2023年度部门整体支出绩效自评报告" in out.read_text(encoding="utf-8"), err
    pdf = tmp_path / "坏.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 100)
    status, err, out = run_import(pdf, capsys)
    assert status == 1 and "已损坏或不完整" in err and not re.search(r"[A-Za-z]{6,}Exception", err)


def test_gbk_bytes_under_a_western_charset_are_read_as_chinese_not_mojibake(tmp_path, capsys):
    # Found by the fuzzing review: <meta charset="iso-8859-1"> over GBK bytes decoded (latin-1 decodes
    # any bytes) into a draft of mojibake, silently. A page that is English by its charset keeps it.
    page = tmp_path / "西文编码.html"
    page.write_bytes('<meta charset="iso-8859-1"><p>某县2023年度部门整体支出绩效自评报告</p>'.encode("gbk"))
    status, err, out = run_import(page, capsys)
    assert status == 0 and "某县2023年度部门整体支出绩效自评报告" in out.read_text(encoding="utf-8"), err
    from generator.importers import read_html

    latin = tmp_path / "latin.html"
    latin.write_bytes('<meta charset="iso-8859-1"><p>Caf\u00e9 2023 report</p>'.encode("latin-1"))
    assert [b.text for b in read_html.read(latin).blocks] == ["Caf\u00e9 2023 report"]
