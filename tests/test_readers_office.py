"""Word, Excel and saved web pages read into the common structure (read_docx, read_xlsx, read_html).

Each file is made here as departments make them, laid out like the official 2020 项目支出绩效自评表:
merged header cells, 一级/二级指标 merged down several rows, and rows where two adjacent cells hold
the same number (年初预算数 100 and 全年预算数 100; 分值 10 and 得分 10), which the old reader
collapsed into one cell so that values vanished and columns shifted.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import docx
import openpyxl
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles import Font

from generator.importers import limits, read_docx, read_html, read_xlsx
from generator.importers.structure import Block, Table, Where
from generator.problems import DataError

# The form as the HTML table model writes it: each row's cells (text, rowspan, colspan), left to right.
FORM_SPEC = [
    [("项目资金（万元）", 3, 1), ("", 1, 2), ("年初预算数", 1, 1), ("全年预算数", 1, 1), ("全年执行数", 1, 1), ("分值", 1, 1),
     ("执行率", 1, 1), ("得分", 1, 1)],
    [("年度资金总额", 1, 2), ("100", 1, 1), ("100", 1, 1), ("95.12", 1, 1), ("10", 1, 1), ("95.12%", 1, 1), ("9.5", 1, 1)],
    [("其中：当年财政拨款", 1, 2), ("100", 1, 1), ("100", 1, 1), ("95.12", 1, 1), ("—", 1, 1), ("95.12%", 1, 1), ("—", 1, 1)],
    [("绩效指标", 5, 1), ("一级指标", 1, 1), ("二级指标", 1, 1), ("三级指标", 1, 1), ("年度指标值", 1, 1), ("实际完成值", 1, 1),
     ("分值", 1, 1), ("得分", 1, 1), ("偏差原因分析及改进措施", 1, 1)],
    [("产出指标", 3, 1), ("数量指标", 2, 1), ("培训人次", 1, 1), ("≥100人次", 1, 1), ("120人次", 1, 1), ("10", 1, 1), ("10", 1, 1),
     ("", 1, 1)],
    [("覆盖乡镇", 1, 1), ("12个", 1, 1), ("12个", 1, 1), ("10", 1, 1), ("10", 1, 1), ("", 1, 1)],
    [("质量指标", 1, 1), ("合格率", 1, 1), ("≥95%", 1, 1), ("98%", 1, 1), ("10", 1, 1), ("9", 1, 1), ("略有偏差", 1, 1)],
    [("效益指标", 1, 1), ("社会效益指标", 1, 1), ("群众满意度", 1, 1), ("≥90%", 1, 1), ("95%", 1, 1), ("20", 1, 1), ("20", 1, 1),
     ("", 1, 1)],
    [("总分", 1, 6), ("100", 1, 1), ("99", 1, 1), ("", 1, 1)],
]
# What every reader must give: text at a range's top-left, (row, column) of the top-left where a range covers.
FORM = [
    ["项目资金（万元）", "", (0, 1), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [(0, 0), "年度资金总额", (1, 1), "100", "100", "95.12", "10", "95.12%", "9.5"],
    [(0, 0), "其中：当年财政拨款", (2, 1), "100", "100", "95.12", "—", "95.12%", "—"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [(3, 0), "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "10", "10", ""],
    [(3, 0), (4, 1), (4, 2), "覆盖乡镇", "12个", "12个", "10", "10", ""],
    [(3, 0), (4, 1), "质量指标", "合格率", "≥95%", "98%", "10", "9", "略有偏差"],
    [(3, 0), "效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", "20", "20", ""],
    ["总分", (8, 0), (8, 0), (8, 0), (8, 0), (8, 0), "100", "99", ""],
]
SPANS = {(0, 0): (3, 1), (0, 1): (1, 2), (1, 1): (1, 2), (2, 1): (1, 2), (3, 0): (5, 1), (4, 1): (3, 1), (4, 2): (2, 1),
         (8, 0): (1, 6)}


def placed(spec):
    """(row, column, text, rowspan, colspan) of each cell of a spec, by the HTML table model."""
    busy, out = set(), []
    for r, row in enumerate(spec):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in busy:
                c += 1
            out.append((r, c, text, rowspan, colspan))
            busy |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
            c += colspan
    return out


def shape(table: Table):
    return [[cell.text if cell.merged_into is None else cell.merged_into for cell in row] for row in table.rows]


def spans(table: Table):
    return {(r, c): (cell.rowspan, cell.colspan) for r, row in enumerate(table.rows) for c, cell in enumerate(row)
            if (cell.rowspan, cell.colspan) != (1, 1)}


def texts(document):
    return [p.text if isinstance(p, Block) else "<table>" for p in document.parts]


def everything(document) -> str:
    return "\n".join(p.text if isinstance(p, Block) else "\n".join(c.text for row in p.rows for c in row) for p in document.parts)


# ---- Word ------------------------------------------------------------------------------------

def form_docx(tmp_path, name="自评表.docx", edit=None):
    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表")
    document.add_paragraph("（2020年度）")
    document.add_paragraph("")  # an empty paragraph: counted, as Word counts it, but no Block
    table = document.add_table(rows=len(FORM_SPEC), cols=9)
    for r, c, text, rowspan, colspan in placed(FORM_SPEC):
        cell = table.cell(r, c)
        if (rowspan, colspan) != (1, 1):
            cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        cell.text = text
    document.add_paragraph("填报人：张三")
    if edit:
        edit(document, table)
    path = tmp_path / name
    document.save(path)
    return path


def test_a_word_form_keeps_its_grid_merged_cells_and_equal_neighbours(tmp_path):
    document = read_docx.read(form_docx(tmp_path))
    assert texts(document) == ["项目支出绩效自评表", "（2020年度）", "<table>", "填报人：张三"]
    assert [p.where for p in document.parts] == [Where(paragraph=1), Where(paragraph=2), Where(table=1), Where(paragraph=4)]
    table = document.tables[0]
    assert shape(table) == FORM
    assert spans(table) == SPANS
    assert table.value(5, 1) == "产出指标" and table.value(8, 3) == "总分"
    assert table.rows[4][7].where == Where(table=1, row=5, column=8) and str(table.rows[4][7].where) == "表 1 第 5 行第 8 列"
    assert str(document.parts[3].where) == "第 4 段"
    assert document.hidden == []


def test_word_cells_join_paragraphs_flatten_nested_tables_and_honour_grid_before(tmp_path):
    def edit(document, table):
        cell = table.cell(7, 8)
        cell.paragraphs[0].text = "原因一"
        cell.add_paragraph("")
        cell.add_paragraph("原因二")
        inner = cell.add_table(rows=2, cols=2)
        for (r, c), text in {(0, 0): "子项", (0, 1): "金额", (1, 0): "培训", (1, 1): "10"}.items():
            inner.cell(r, c).text = text
        extra = document.add_table(rows=1, cols=3)
        extra.cell(0, 1).text = "右"
        row = extra.rows[0]._tr  # the row starts one grid column in, as Word writes an indented row
        row.remove(row.tc_lst[0])
        grid_before = OxmlElement("w:gridBefore")
        grid_before.set(qn("w:val"), "1")
        row.get_or_add_trPr().append(grid_before)

    document = read_docx.read(form_docx(tmp_path, edit=edit))
    first, second = document.tables
    assert first.rows[7][8].text == "原因一\n原因二\n子项 | 金额\n培训 | 10"
    assert shape(second) == [["", "右", ""]]
    assert second.rows[0][1].where == Where(table=2, row=1, column=2)


TEXT_BOX = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><w:t>见右框：</w:t></w:r><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>"""


def test_a_text_box_is_read_once_not_also_from_its_copy_for_old_word(tmp_path):
    def edit(document, table):
        document.element.body.insert(0, etree.fromstring(TEXT_BOX))

    document = read_docx.read(form_docx(tmp_path, edit=edit))
    assert document.parts[0] == Block("见右框：框内文字", Where(paragraph=1))
    assert document.parts[1].where == Where(paragraph=2)


def test_hidden_text_in_a_word_table_is_refused_unless_included(tmp_path):
    def edit(document, table):
        table.cell(4, 8).paragraphs[0].add_run("内部意见").font.hidden = True

    path = form_docx(tmp_path, edit=edit)
    with pytest.raises(DataError) as refused:
        read_docx.read(path)
    message = str(refused.value)
    assert "表 1 第 5 行第 9 列" in message and "看不见的文字（隐藏文字）：“内部意见”" in message and "--include-hidden" in message

    document = read_docx.read(path, include_hidden=True)
    assert document.tables[0].rows[4][8].text == "内部意见"
    assert [p.level for p in document.hidden] == ["warning"] and "已按 --include-hidden 导入" in document.hidden[0].message


def test_white_text_in_a_word_paragraph_is_named_by_its_paragraph(tmp_path):
    def edit(document, table):
        document.paragraphs[1].add_run("秘密").font.color.rgb = docx.shared.RGBColor(0xFF, 0xFF, 0xFF)

    with pytest.raises(DataError) as refused:
        read_docx.read(form_docx(tmp_path, edit=edit))
    assert f"{tmp_path / '自评表.docx'}:第 2 段" in str(refused.value) and "白色文字" in str(refused.value)


def test_a_word_span_past_the_grid_limit_is_refused_before_its_grid_is_made(tmp_path):
    def edit(document, table):
        huge = document.add_table(rows=300, cols=1)
        for row in huge.rows:
            span = OxmlElement("w:gridSpan")
            span.set(qn("w:val"), "999")
            row.cells[0]._tc.get_or_add_tcPr().append(span)

    with pytest.raises(DataError, match="表 2使全部表格超过了 200,000 个单元格的上限"):
        read_docx.read(form_docx(tmp_path, edit=edit))


# ---- Excel ------------------------------------------------------------------------------------

def form_xlsx(tmp_path, name="自评表.xlsx", edit=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    for r, c, text, rowspan, colspan in placed(FORM_SPEC):
        cell = ws.cell(r + 1, c + 1)
        if re.fullmatch(r"\d+", text):
            cell.value = int(text)
        elif re.fullmatch(r"\d+\.\d+", text):
            cell.value = float(text)
        elif text.endswith("%") and re.fullmatch(r"\d+\.\d\d%", text):
            cell.value, cell.number_format = float(text[:-1]) / 100, "0.00%"
        else:
            cell.value = f"  {text} " if text else None  # staff's stray spaces are not part of the text
        if (rowspan, colspan) != (1, 1):
            ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rowspan, end_column=c + colspan)
    ws["K20"].font = Font(bold=True)  # a formatted empty cell beyond the table does not widen it
    wb.create_sheet("Sheet2")  # empty: no table
    if edit:
        edit(wb)
    path = tmp_path / name
    wb.save(path)
    return path


def test_an_excel_form_keeps_its_grid_merged_ranges_and_equal_neighbours(tmp_path):
    document = read_xlsx.read(form_xlsx(tmp_path))
    assert len(document.parts) == 1 and document.blocks == []
    table = document.tables[0]
    assert shape(table) == FORM
    assert spans(table) == SPANS
    assert table.where == Where(sheet="项目支出绩效自评表")
    assert table.rows[4][7].where == Where(sheet="项目支出绩效自评表", cell="H5")
    assert str(table.rows[4][7].where) == "工作表“项目支出绩效自评表”单元格 H5"


def test_excel_values_read_as_excel_shows_them(tmp_path):
    rows = [(12.5, "General", "12.5"), (0.9512, "0.00%", "95.12%"), (0.9512, "0%", "95%"), (1234.5, "#,##0.00", "1234.50"),
            (0.1 + 0.2, "General", "0.3"), (3.0, "General", "3"), (7, "0", "7"), (-0.001, "0.00", "0.00"),
            (dt.datetime(2020, 12, 31), "yyyy-mm-dd", "2020-12-31"), (dt.datetime(2021, 3, 5), 'yyyy"年"m"月"d"日"', "2021-03-05"),
            ("  文字  ", "@", "文字"), (True, "General", "TRUE")]

    def edit(wb):
        ws = wb.create_sheet("数值")
        for r, (value, fmt, _) in enumerate(rows, start=1):
            ws.cell(r, 1, value).number_format = fmt

    table = read_xlsx.read(form_xlsx(tmp_path, edit=edit)).tables[1]
    assert [row[0].text for row in table.rows] == [shown for _, _, shown in rows]


def set_formula(path, cell: str, formula: str, cached: str | None, kind: str = "n") -> None:
    """Rewrite a cell as a formula, with Excel's cached result, or none as a program that does not compute saves it."""
    def change(xml: str) -> str:
        value = f"<v>{cached}</v>" if cached is not None else "<v></v>"
        xml, n = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', f'<c r="{cell}" t="{kind}"><f>{formula}</f>{value}</c>', xml)
        assert n == 1
        return xml

    rewrite_sheet(path, change)


def test_excel_formulas_give_their_cached_results_and_uncomputed_ones_are_refused(tmp_path):
    path = form_xlsx(tmp_path)
    set_formula(path, "E2", "D2", "100")
    table = read_xlsx.read(path).tables[0]
    assert table.rows[1][4].text == "100" and table.rows[1][3].text == "100"
    set_formula(path, "H9", 'IF(G9&gt;0,"","")', "", kind="str")  # computed, and its result is empty text
    assert read_xlsx.read(path).tables[0].rows[8][7].text == ""

    set_formula(path, "I2", "H2*10", None)
    with pytest.raises(DataError) as refused:
        read_xlsx.read(path)
    assert "单元格 I2" in str(refused.value) and "公式（=H2*10），但文件里没有它的计算结果" in str(refused.value)


XLSX_HIDDEN = {
    "row": (lambda wb: setattr(wb.active.row_dimensions[6], "hidden", True), "单元格 D6", "第 6 行是隐藏的"),
    "column": (lambda wb: setattr(wb.active.column_dimensions["I"], "hidden", True), "单元格 I1", "I 列是隐藏的"),
    "white text": (lambda wb: setattr(wb.active["D5"], "font", Font(color="FFFFFF")), "单元格 D5", "白色文字在白色底色上"),
    "sheet": (lambda wb: (wb.create_sheet("草稿").cell(1, 1, "内部测算"), setattr(wb["草稿"], "sheet_state", "hidden")),
              "工作表“草稿”单元格 A1", "工作表“草稿”是隐藏的"),
}


@pytest.mark.parametrize("case", XLSX_HIDDEN)
def test_what_excel_does_not_show_is_refused_unless_included(tmp_path, case):
    edit, where, says = XLSX_HIDDEN[case]
    path = form_xlsx(tmp_path, edit=edit)
    with pytest.raises(DataError) as refused:
        read_xlsx.read(path)
    assert where in str(refused.value) and says in str(refused.value) and "--include-hidden" in str(refused.value)

    document = read_xlsx.read(path, include_hidden=True)
    assert len(document.hidden) == 1 and document.hidden[0].level == "warning" and says in document.hidden[0].message
    assert shape(document.tables[0]) == FORM  # imported as it is
    assert ("内部测算" in everything(document)) == (case == "sheet")


def rewrite_sheet(path, change) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_merge_far_past_the_content_is_refused_without_building_it(tmp_path):
    # Written into the XML: openpyxl would itself make five million cells to write it.
    path = form_xlsx(tmp_path)
    rewrite_sheet(path, lambda xml: xml.replace("</mergeCells>", '<mergeCell ref="A1:ALL5000"/></mergeCells>'))
    with pytest.raises(DataError, match="内容范围是 A1:ALL5000，使全部工作表超过了 200,000 个单元格的上限"):
        read_xlsx.read(path)


def test_merged_ranges_that_overlap_are_refused_as_damaged(tmp_path):
    path = form_xlsx(tmp_path)
    many = "".join('<mergeCell ref="A1:I9"/>' for _ in range(1000))  # 81,000 cells of ranges on a grid of 81
    rewrite_sheet(path, lambda xml: xml.replace("</mergeCells>", many + "</mergeCells>"))
    with pytest.raises(DataError, match="合并单元格互相重叠，文件已损坏"):
        read_xlsx.read(path)


# ---- web pages --------------------------------------------------------------------------------

def form_html(charset: str = "utf-8", declared: str | None = None) -> str:
    rows = "\n".join("<tr>" + "".join(f'<td rowspan="{rs}" colspan="{cs}"><p>{t}</p></td>' if t else f'<td colspan="{cs}"></td>'
                                      for t, rs, cs in row) + "</tr>" for row in FORM_SPEC)
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared or charset}">'
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>某某市人民政府</title>
<script>var title = "脚本里的标题";</script><style>.x {{ color: red }}</style></head>
<body>
<div class="header"><h1>某某市人民政府门户网站</h1></div>
<div id="mainNav"><ul><li>首页</li><li>政务公开</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 财政预决算</div>
<nav>网站导航</nav>
<div class="content">
<h2>2020年度项目支出绩效自评表</h2>
<p>项目名称：
   示例项目</p>
<table border="1">
{rows}
</table>
<p>填报单位：示例局<br>联系电话：1234</p>
<ul><li>附件一</li></ul>
<div class="bdsharebuttonbox">分享到：微信</div>
<div style="display: none">隐藏的统计代码</div>
</div>
<div class="footer">版权所有：某某市人民政府</div>
</body></html>
"""


def line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(form_html().splitlines(), start=1) if fragment in line)


PAGE_TEXTS = ["2020年度项目支出绩效自评表", "项目名称：示例项目", "<table>", "填报单位：示例局", "联系电话：1234", "附件一"]
SITE = ("某某市人民政府", "首页", "政务公开", "当前位置", "网站导航", "脚本", "分享到", "版权所有", "隐藏的统计代码")


def save(tmp_path, text: str, encoding: str, name="page.html"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_saved_page_keeps_the_report_and_drops_the_site_around_it(tmp_path):
    document = read_html.read(save(tmp_path, form_html(), "utf-8"))
    assert texts(document) == PAGE_TEXTS
    assert not any(word in everything(document) for word in SITE), everything(document)
    assert [p.where for p in document.parts] == [Where(line=line_of("<h2>")), Where(line=line_of("<p>项目名称")), Where(table=1),
                                                 Where(line=line_of("<p>填报单位")), Where(line=line_of("<p>填报单位")),
                                                 Where(line=line_of("<li>附件一"))]
    table = document.tables[0]
    assert table.where == Where(table=1) and table.rows[4][7].where == Where(table=1, row=5, column=8)
    assert shape(table) == FORM
    assert spans(table) == SPANS


@pytest.mark.parametrize("encoding, declared", [("gbk", "gb2312"), ("gb18030", None), ("gbk", "utf-8")],
                         ids=["declared", "undeclared", "declared wrongly"])
def test_a_gbk_page_reads_right(tmp_path, encoding, declared):
    html = form_html(encoding, declared)
    if declared is None:
        html = re.sub(r"<meta[^>]*>", "", html)
    document = read_html.read(save(tmp_path, html, encoding))
    assert texts(document) == PAGE_TEXTS and shape(document.tables[0]) == FORM


def test_a_page_laid_out_in_tables_reads_its_content_cell_as_the_page(tmp_path):
    html = """<html><body><table><tr><td class="left">栏目列表</td>
<td><h3>绩效自评报告</h3><p>一、基本情况</p>
<table><tr><td>分值</td><td>得分</td></tr><tr><td>10</td><td>10</td></tr></table></td></tr></table>
<table><tr><td>只有一格的说明</td></tr></table></body></html>"""
    document = read_html.read(save(tmp_path, html, "utf-8"))
    assert texts(document) == ["栏目列表", "绩效自评报告", "一、基本情况", "<table>", "只有一格的说明"]
    assert shape(document.tables[0]) == [["分值", "得分"], ["10", "10"]]


def test_an_article_header_and_a_page_wide_form_are_the_report_not_the_site(tmp_path):
    html = """<html><body><form class="s"><input name="q"><span>站内搜索</span></form>
<form id="aspnetForm" method="post"><header><a>市政府首页</a></header>
<article><header><h1>2020年度部门整体绩效自评报告</h1></header><p>一、部门概况</p><footer>发布日期：2021-06-30</footer></article>
</form></body></html>"""
    document = read_html.read(save(tmp_path, html, "utf-8"))
    assert texts(document) == ["2020年度部门整体绩效自评报告", "一、部门概况", "发布日期：2021-06-30"]


def test_hidden_page_content_is_kept_and_reported_only_when_included(tmp_path):
    document = read_html.read(save(tmp_path, form_html(), "utf-8"), include_hidden=True)
    assert "隐藏的统计代码" in everything(document)
    assert len(document.hidden) == 1 and document.hidden[0].level == "warning"
    assert document.hidden[0].line == f"第 {line_of('隐藏的统计代码')} 行"


def test_spans_that_overlap_or_run_past_the_table_keep_it_rectangular(tmp_path):
    html = """<table><tr><td rowspan="0">甲</td><td>乙</td><td rowspan="9">丙</td></tr>
<tr><td colspan="5">丁</td></tr><tr><td colspan="0">戊</td></tr></table>"""
    table = read_html.read(save(tmp_path, html, "utf-8")).tables[0]
    assert shape(table) == [["甲", "乙", "丙"], [(0, 0), "丁", (0, 2)], [(0, 0), "戊", (0, 2)]]
    assert spans(table) == {(0, 0): (3, 1), (0, 2): (3, 1)}  # 丁 cut where 丙 occupies its column


def test_a_page_over_the_limits_is_refused(tmp_path, monkeypatch):
    many = "<table>" + "<tr><td colspan='1000'>x</td></tr>" * 201 + "</table>"
    with pytest.raises(DataError, match="表 1使全部表格超过了 200,000 个单元格的上限"):
        read_html.read(save(tmp_path, many, "utf-8"))
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(DataError, match=r"page.html: 文件有 .* KB，超过了导入上限"):
        read_html.read(save(tmp_path, form_html(), "utf-8"))


def test_a_page_nested_too_deep_to_read_whole_is_refused(tmp_path):
    path = save(tmp_path, "<p>开头</p>\n" + "<div>" * 300 + "深处的文字" + "</div>" * 300, "utf-8")
    with pytest.raises(DataError, match="page.html: 网页第 2 行起元素嵌套过深"):
        read_html.read(path)


def test_a_file_that_is_not_a_page_is_named(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(b"\x80\xff\xfe\x81" * 10)  # neither UTF-8 nor GB18030
    with pytest.raises(DataError, match="page.htm: 无法识别网页的编码"):
        read_html.read(path)


# ---- hostile packages: the checks of limits.py run before any library ------------------------------

@pytest.fixture
def forbid_libraries(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the file reached openpyxl or python-docx")

    monkeypatch.setattr(docx, "Document", boom)
    monkeypatch.setattr(ExcelReader, "__init__", boom)


def add_member(path, name: str, megabytes: int) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(name, "w", force_zip64=True) as f:
            for _ in range(megabytes):
                f.write(b"\0" * (1024 * 1024))


def add_macros(path, vba: str) -> None:
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(vba, b"\xd0\xcf\x11\xe0 VBA project")


MAKERS = {".docx": (form_docx, read_docx, "word", "Word 文档（.docx）"), ".xlsx": (form_xlsx, read_xlsx, "xl", "Excel 工作簿（.xlsx）")}


@pytest.mark.parametrize("suffix", MAKERS)
def test_a_zip_bomb_is_refused_before_any_library_opens_it(tmp_path, request, suffix):
    make, reader, folder, label = MAKERS[suffix]
    path = make(tmp_path, f"bomb{suffix}")
    add_member(path, f"{folder}/media/image1.png", 200)
    request.getfixturevalue("forbid_libraries")
    with pytest.raises(DataError) as refused:
        reader.read(path)
    assert f"文件不是有效的 {label}" in str(refused.value) and "200 MB" in str(refused.value) and "压缩炸弹" in str(refused.value)


@pytest.mark.parametrize("suffix", MAKERS)
def test_a_file_with_macros_is_refused_before_any_library_opens_it(tmp_path, request, suffix):
    make, reader, folder, _ = MAKERS[suffix]
    path = make(tmp_path, f"macros{suffix}")
    add_macros(path, f"{folder}/vbaProject.bin")
    request.getfixturevalue("forbid_libraries")
    with pytest.raises(DataError, match="含有宏"):
        reader.read(path)
