"""The text and PDF readers: flattened tables rebuilt exactly, nothing lost on the real corpus,
PDF tables with their merged cells and pages, and the files they refuse."""

import base64
import io
import re
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.importers import limits, read_pdf, read_text
from generator.importers.structure import Block, Table
from generator.problems import DataError

CORPUS = Path(__file__).parent / "corpus"


def write(tmp_path, text: str, name: str = "report.txt", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def grid(table: Table) -> list[list[str]]:
    """Texts, a covered position shown as ^(row, column) of its merged range."""
    return [[c.text if c.merged_into is None else "^%d,%d" % c.merged_into for c in row] for row in table.rows]


def refused(read, path: Path) -> str:
    with pytest.raises(DataError) as e:
        read(path)
    [problem] = e.value.problems
    assert problem.file == str(path)  # the message names the file
    return problem.message


# ---- text: the flattened shapes ---------------------------------------------------------------

def test_a_markdown_table_with_bars_and_a_separator_row(tmp_path):
    doc = read_text.read(write(tmp_path, "三、绩效指标\n\n| 一级指标 | 三级指标 | 分值 |\n|---|:---:|---|\n| 产出指标 | 救助人次 | 30 |\n"
                                         "| 效益指标 |  | 28 |\n本表完。\n", "r.md"))
    assert [type(p).__name__ for p in doc.parts] == ["Block", "Table", "Block"]
    [table] = doc.tables
    assert grid(table) == [["一级指标", "三级指标", "分值"], ["产出指标", "救助人次", "30"], ["效益指标", "", "28"]]
    assert str(table.where) == "第 3 行表 1"
    assert (table.rows[2][1].where.line, table.rows[2][1].where.row, table.rows[2][1].where.column) == (6, 3, 2)
    assert [str(b.where) for b in doc.blocks] == ["第 1 行", "第 7 行"]


def test_our_docx_to_text_rows_keep_their_empty_first_and_last_cells(tmp_path):
    # document.py joins a row's cells with " | ": an empty first cell leaves a leading bar, an empty last one a trailing bar.
    # An indicator's empty 一级/二级 cell continues the one above (a merged cell is written once), not under a new 一级.
    doc = read_text.read(write(tmp_path, "一级指标 | 二级指标 | 三级指标 | 偏差原因\n产出指标 | 数量指标 | 救助人次 |\n"
                                         " | 质量指标 | 准确率 | 核查滞后\n |  | 及时率 |\n效益指标 |  | 保障 |\n |  |  | 说明\n"))
    [table] = doc.tables
    assert grid(table) == [["一级指标", "二级指标", "三级指标", "偏差原因"], ["产出指标", "数量指标", "救助人次", ""],
                           ["^1,0", "质量指标", "准确率", "核查滞后"], ["^1,0", "^2,1", "及时率", ""], ["效益指标", "", "保障", ""],
                           ["", "", "", "说明"]]
    assert (table.rows[1][0].rowspan, table.rows[2][1].rowspan, table.value(3, 1)) == (3, 2, "质量指标")


def test_rows_of_different_lengths_are_padded_to_a_rectangle(tmp_path):
    doc = read_text.read(write(tmp_path, "项目名称 | 示例项目 | 主管部门 | 民政局 |\n资金情况 |\n年度资金总额 | 100 | 95 |\n"))
    assert grid(doc.tables[0]) == [["项目名称", "示例项目", "主管部门", "民政局"], ["资金情况", "", "", ""], ["年度资金总额", "100", "95", ""]]


def test_one_line_with_bars_is_not_a_table(tmp_path):
    doc = read_text.read(write(tmp_path, "浏览量:1 | | | |\n正文\n"))
    assert doc.tables == [] and [b.text for b in doc.blocks] == ["浏览量:1 | | | |", "正文"]


def test_cells_separated_by_spaces_or_tabs(tmp_path):
    doc = read_text.read(write(tmp_path, "说明\n  项目    年初预算数\t全年执行数\n年度资金总额  100  95\n其中：财政拨款　　80　　76\n说明完\n"))
    [table] = doc.tables
    assert grid(table) == [["项目", "年初预算数", "全年执行数"], ["年度资金总额", "100", "95"], ["其中：财政拨款", "80", "76"]]
    assert [b.text for b in doc.blocks] == ["说明", "说明完"]


def test_spaced_lines_are_a_table_only_when_enough_of_them_agree(tmp_path):
    # two lines of two cells: a label and its value, not clearly a table; a line with a different count ends a run
    doc = read_text.read(write(tmp_path, "部门名称:  岳阳市城管中心\n预算编码:  906017\n一级指标  三级指标  分值\n产出指标  救助人次\n"))
    assert doc.tables == [] and len(doc.blocks) == 4


FORM = """三、绩效指标
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
产出指标（50分）
数量指标
救助人次
≥1000人
1200人
20
20
质量指标
资金发放准确率
100%
100%
20
18
个别对象核查滞后
时效指标
发放及时率
100%
100%
10
10
效益指标
社会效益指标
困难群众基本生活保障
有效保障
有效保障
30
28
以上为指标完成情况。
"""


def test_one_cell_per_line_under_the_form_header(tmp_path):
    doc = read_text.read(write(tmp_path, FORM))
    assert [type(p).__name__ for p in doc.parts] == ["Block", "Table", "Block"]
    [table] = doc.tables
    # 一级 merged down two rows, left out of them in the text; empty notes left out; the paragraph after stays a Block
    assert grid(table) == [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标（50分）", "数量指标", "救助人次", "≥1000人", "1200人", "20", "20", ""],
        ["^1,0", "质量指标", "资金发放准确率", "100%", "100%", "20", "18", "个别对象核查滞后"],
        ["^1,0", "时效指标", "发放及时率", "100%", "100%", "10", "10", ""],
        ["效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "有效保障", "30", "28", ""],
    ]
    assert (table.rows[1][0].rowspan, table.rows[1][0].colspan) == (3, 1)
    assert table.value(3, 0) == "产出指标（50分）"
    assert str(table.rows[2][7].where) == "第 23 行表 1 第 3 行第 8 列"
    assert [(b.text, b.where.line) for b in doc.blocks] == [("三、绩效指标", 1), ("以上为指标完成情况。", 37)]


def test_one_cell_per_line_stops_at_a_row_that_does_not_fit(tmp_path):
    # the second row lost its empty 实际完成值 cell: its 得分 would be "个别对象核查滞后", so the table stops before it
    text = FORM.replace("资金发放准确率\n100%\n100%\n", "资金发放准确率\n100%\n")
    doc = read_text.read(write(tmp_path, text))
    [table] = doc.tables
    assert len(table.rows) == 2 and table.rows[1][2].text == "救助人次"
    after = [b.text for b in doc.blocks][1:]
    assert after[:4] == ["质量指标", "资金发放准确率", "100%", "20"]  # every line after the table is still there


def test_one_cell_per_line_needs_the_whole_header(tmp_path):
    text = FORM.replace("三级指标\n", "")  # no 三级指标: not the indicator table
    assert read_text.read(write(tmp_path, text)).tables == []
    split = FORM.replace("年度指标值\n", "年度\n指标值\n")  # a header word broken over two lines: not recognised
    assert read_text.read(write(tmp_path, split)).tables == []


def test_one_cell_per_line_with_written_empty_cells(tmp_path):
    # as a web page's table copied one cell per line, each cell followed by a bar: empty cells are a lone bar
    header = ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "未完成原因分析"]
    rows = [["产出指标", "数量指标", "覆盖率", "100", "", "60", "", ""], ["效益指标", "社会效益指标", "保障率", "100", "", "30", "", ""]]
    text = "".join(f"{c} |\n" for row in [header, *rows] for c in row) + "合计 |\n100 |\n|\n"
    doc = read_text.read(write(tmp_path, text))
    assert grid(doc.tables[0]) == [header, *rows]
    assert [b.text for b in doc.blocks] == ["合计 |", "100 |", "|"]


def test_one_cell_per_line_double_spaced(tmp_path):
    # a Word table pasted as text: a blank line after every cell, an empty cell a line with a space;
    # the second row leaves out the 一级 and 二级 cells it shares with the first
    cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因",
             "产出指标", "数量指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", " ",
             "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7", " "]
    doc = read_text.read(write(tmp_path, "\n\n".join(cells) + "\n\n二、结论\n"))
    [table] = doc.tables
    assert grid(table)[1:] == [["产出指标", "数量指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", ""],
                               ["^1,0", "^1,1", "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7", ""]]
    assert table.rows[2][2].where.line == 2 * cells.index("病虫害防治面积") + 1
    assert [b.text for b in doc.blocks] == ["二、结论"]


# ---- text: encodings, numbers, limits ---------------------------------------------------------

def test_gbk_with_full_width_numbers(tmp_path):
    path = write(tmp_path, "（一）支出情况\r\n本年支出１，２３４．５６万元，执行率９８．５％。\r\n一级指标  三级指标  得分\r\n产出指标  人次  ３０\r\n", encoding="gbk")
    doc = read_text.read(path)
    assert doc.blocks[0].text == "（一）支出情况"  # full-width brackets outside numbers stay as written
    assert doc.blocks[1].text == "本年支出1,234.56万元，执行率98.5%。"
    assert grid(doc.tables[0])[1] == ["产出指标", "人次", "30"]


def test_utf8_with_bom_and_kangxi_radicals(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("\ufeff项\u2f6c支出\n".encode("utf-8"))  # 项⽬: a radical where PDF text has lost the ideograph
    assert read_text.read(path).blocks[0].text == "项目支出"


def test_utf16_is_refused(tmp_path):
    assert "无法识别文件的编码" in refused(read_text.read, write(tmp_path, "自评报告\n", encoding="utf-16"))


def test_a_2_mb_line_is_refused_at_once_and_a_long_line_is_read_in_linear_time(tmp_path):
    started = time.monotonic()
    assert "上限" in refused(read_text.read, write(tmp_path, "项目" * 700_000 + "\n"))  # about 4 MB of UTF-8
    long = "| " + "产出指标  100  " * 30_000 + "\n" + " " * 100_000 + "一级指标\t\t" * 10_000  # 490,000 characters
    doc = read_text.read(write(tmp_path, long, "long.txt"))
    assert "".join(b.text for b in doc.blocks).count("产出指标") == 30_000
    assert time.monotonic() - started < 5


def squeeze(text: str) -> str:
    """Text without blanks and bars: what splitting a line into cells leaves of it."""
    return re.sub(r"[\s|]", "", text)


def test_real_documents_lose_nothing():
    """Every non-blank line of every corpus document (not the held-out ones) is in the Document:
    its Blocks and cells on that line, joined, are the line without blanks and bars."""
    seen_tables = {}
    for folder in sorted(CORPUS.iterdir()):
        if not (folder / "document.txt").is_file() or yaml.safe_load((folder / "source.yaml").read_text("utf-8")).get("held_out"):
            continue
        doc = read_text.read(folder / "document.txt")
        found: dict[int, str] = {}
        for part in doc.parts:
            cells = [part] if isinstance(part, Block) else [c for row in part.rows for c in row]
            for cell in cells:
                found[cell.where.line] = found.get(cell.where.line, "") + squeeze(cell.text)
        lines = (folder / "document.txt").read_text("utf-8").split("\n")
        expected = {n: squeeze(read_text.normalise(line)) for n, line in enumerate(lines, 1)
                    if not read_text.SEPARATOR.match(line)}
        # A line of dashes is a Markdown rule between a header and its rows, or (a lone -) a cell
        # that says "none" in a table given one cell per line: kept or not, nothing is lost.
        dashes = {n for n, line in enumerate(lines, 1) if read_text.SEPARATOR.match(line)}
        assert {n: t for n, t in found.items() if t and n not in dashes} == {n: t for n, t in expected.items() if t}, folder.name
        assert Counter(squeeze(p.text) for p in doc.blocks if p.where.line not in dashes) <= Counter(expected.values()), folder.name
        if doc.tables:
            seen_tables[folder.name[:3]] = [(len(t.rows), len(t.rows[0])) for t in doc.tables]
    # bars: the forms and the pages' metadata tables; p10: the form one cell per line, its empty cells a lone bar;
    # d23: a scoring table between bars; p24: a form one cell per line, each with its bar; p31: a form between bars;
    # d08: a result table (分值 | 得分 | 等级); d16: a page's metadata and its form; p04: a form; p08: a page's metadata
    assert seen_tables == {"d03": [(12, 11)], "d08": [(6, 4)], "d15": [(2, 4)], "d16": [(7, 11)], "d18": [(11, 11)],
                           "d23": [(14, 8)], "p02": [(3, 4)], "p04": [(35, 28)], "p07": [(38, 11)], "p08": [(5, 4)],
                           "p09": [(3, 4)], "p10": [(3, 10)], "p24": [(186, 13)], "p31": [(21, 11)],
                           # d30: a portal's link bar; d34, p32: the MoF forms between bars (held out until 2026-11-27)
                           "d30": [(2, 4)], "d34": [(24, 15)], "p32": [(23, 10)],
                           # p40: its 26 lines with bars, the page's metadata and the form (held out until the next rotation)
                           "p40": [(26, 7)],
                           # held out until 2026-11-27: d42's sheet of section rows between bars (4 rows, 5 cells
                           # with its empty trailing ones); p44's transfer-payment form between bars; p49's three
                           # blocks of rows written with a bar line after each cell; p51's OCR form between bars
                           "d42": [(4, 5)], "p44": [(10, 8)], "p49": [(8, 4), (8, 4), (8, 4)], "p51": [(14, 12)],
                           # held out until 2026-11-27 (the next rotation): d46's 基础信息表 one cell per line with a
                           # bar each; d49's town form between bars; p52's bond form; p53's form one cell per line
                           "d46": [(58, 8)], "d49": [(15, 10)], "p52": [(13, 10)], "p53": [(147, 8)],
                           # held out until the rotation after them: d52's metadata block (cells between runs of blanks); d54's
                           # duty targets between bars; d57's summary of project scores, cells between runs of blanks
                           # (two blocks, split by a row of another width); p63's form as bar rows
                           "d52": [(2, 3)], "d54": [(4, 3)], "d57": [(6, 3), (4, 3)], "p63": [(21, 11)],
                           # held out until 2026-11-27: p67's transfer-payment form as bar rows
                           "p67": [(26, 9)],
                           # added 2026-11-27: d70's 岳阳 form one cell per line with a bar each; d73's and d74's
                           # portal link bars (中国政府网 | 重庆市人民政府网 …)
                           "d70": [(58, 16)], "d73": [(2, 5)], "d74": [(2, 5)],
                           # held out until 2026-11-27 (the session after): d68's table of the evaluation group between
                           # bars; p70's and p71's Yunnan forms as bar rows; p72's metadata block between bars; p75's
                           # portal link bar
                           "d68": [(6, 5)], "p70": [(21, 10)], "p71": [(20, 12)], "p72": [(5, 4)], "p75": [(2, 4)],
                           # held out until 2026-11-28: d77's metadata block between bars; p84's MoF form as bar rows
                           # padded to 13 columns
                           "d77": [(3, 4)], "p84": [(17, 14)]}


def test_a_whole_form_on_one_line_is_left_as_text():
    doc = read_text.read(CORPUS / "p05_guichi-tangxi-wtyw-2022" / "document.txt")
    assert doc.tables == [] and len(doc.blocks) == 1


# ---- PDF --------------------------------------------------------------------------------------

STYLE = ('<meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:12px} '
         'table{border-collapse:collapse}')
RULED = 'td{border:1px solid #000;padding:3px}</style>'
FUNDS = """<table>
<tr><td>项目名称</td><td colspan="7">示例救助项目</td></tr>
<tr><td rowspan="4">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td>
<td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>100</td><td>120</td><td>114</td><td>10</td><td>95%</td><td>9.5</td></tr>
<tr><td>其中：当年财政拨款</td><td>100</td><td>120</td><td>114</td><td>—</td><td>95%</td><td>—</td></tr>
<tr><td>其他资金</td><td>0</td><td>0</td><td>0</td><td>—</td><td>—</td><td>—</td></tr>
</table>"""
INDICATORS = """<table>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td>
<td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="3">产出指标</td><td rowspan="2">数量指标</td><td>救助人次</td><td>≥1000人</td><td>1200人</td><td>20</td><td>20</td>
<td></td></tr>
<tr><td>救助家庭数</td><td>≥300家</td><td>320家</td><td>10</td><td>10</td><td>部分家庭未申报</td></tr>
<tr><td>质量指标</td><td>资金发放准确率</td><td>100%</td><td>98%</td><td>20</td><td>18</td><td>个别对象核查滞后</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>困难群众基本生活保障</td><td colspan="2">有效保障</td><td>30</td><td>28</td><td></td></tr>
</table>"""
FORM_PDF = (f"<html><head>{STYLE}{RULED}</head><body><h1>2020年度项目支出绩效自评表</h1><p>一、项目资金</p>{FUNDS}"
            f"<p>本项目年初预算１００万元。</p><div style='break-before:page'><p>二、绩效指标</p>{INDICATORS}<p>自评得分95.5分。</p></div></body></html>")
BORDERLESS = (f"<html><head>{STYLE}td{{padding:2px 8px;white-space:nowrap}}</style></head><body><p>三、绩效指标</p>"
              + INDICATORS.replace('rowspan="3">产出指标', '>产出指标').replace('rowspan="2">数量指标', '>数量指标')
              .replace("<tr><td>救助家庭数", "<tr><td></td><td></td><td>救助家庭数").replace("<tr><td>质量指标", "<tr><td></td><td>质量指标")
              .replace('<td colspan="2">有效保障</td>', "<td>有效保障</td><td>有效保障</td>")
              + "<p>四、结论</p><div style='break-before:page'><p>" + "本项目年初预算100万元，全年执行114万元，执行率为95%。" * 20
              + "</p></div></body></html>")


def png(width: int, height: int) -> str:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((40, 40, width - 40, 120), fill="black")  # a line of "text" on a scanned page
    out = io.BytesIO()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.fixture(scope="module")
def pdfs(browser, tmp_path_factory):
    """PDFs printed by Chromium from HTML: a text layer, ruled tables, pictures."""
    folder = tmp_path_factory.mktemp("pdfs")
    pages = {
        "form": FORM_PDF,
        "borderless": BORDERLESS,
        "wrapped": BORDERLESS.replace("white-space:nowrap", "white-space:normal"),
        "canvas": "<canvas id=c width=500 height=300></canvas><script>const x=document.getElementById('c').getContext('2d');"
                  "x.font='40px sans-serif';x.fillText('扫描件 自评表',20,100)</script>",
        "mixed": f"<html><head>{STYLE}</style></head><body><p>一、基本情况</p><p>正文。</p>"
                 f"<img style='break-before:page;display:block;width:700px' src='{png(700, 990)}'></body></html>",
    }
    page = browser.new_page()
    for name, html in pages.items():
        page.set_content(html)
        page.pdf(path=str(folder / f"{name}.pdf"), format="A4")
    page.close()
    return folder


def test_cjk_fonts_are_installed_for_chromium():
    import subprocess

    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "没有中文字体：Chromium 打印的 PDF 里中文会缺字。请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）。"


def test_pdf_tables_with_merged_cells_and_the_text_around_them(pdfs):
    doc = read_pdf.read(pdfs / "form.pdf")
    assert [(type(p).__name__, p.where.page) for p in doc.parts] == [
        ("Block", 1), ("Block", 1), ("Table", 1), ("Block", 1), ("Block", 2), ("Table", 2), ("Block", 2)]
    assert [b.text for b in doc.blocks] == ["2020年度项目支出绩效自评表", "一、项目资金", "本项目年初预算100万元。", "二、绩效指标",
                                            "自评得分95.5分。"]  # radicals and full-width digits normalised
    assert [str(b.where) for b in doc.blocks] == ["第 1 页第 1 行", "第 1 页第 2 行", "第 1 页第 3 行", "第 2 页第 1 行", "第 2 页第 2 行"]
    funds, indicators = doc.tables
    assert grid(funds) == [
        ["项目名称", "示例救助项目", "^0,1", "^0,1", "^0,1", "^0,1", "^0,1", "^0,1"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["^1,0", "年度资金总额", "100", "120", "114", "10", "95%", "9.5"],
        ["^1,0", "其中：当年财政拨款", "100", "120", "114", "—", "95%", "—"],
        ["^1,0", "其他资金", "0", "0", "0", "—", "—", "—"],
    ]
    assert (funds.rows[0][1].colspan, funds.rows[1][0].rowspan) == (7, 4)
    assert grid(indicators) == [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "救助人次", "≥1000人", "1200人", "20", "20", ""],
        ["^1,0", "^1,1", "救助家庭数", "≥300家", "320家", "10", "10", "部分家庭未申报"],
        ["^1,0", "质量指标", "资金发放准确率", "100%", "98%", "20", "18", "个别对象核查滞后"],
        ["效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "^4,3", "30", "28", ""],
    ]
    assert (indicators.rows[1][0].rowspan, indicators.rows[1][1].rowspan, indicators.rows[4][3].colspan) == (3, 2, 2)
    assert indicators.value(3, 0) == "产出指标" and indicators.value(4, 4) == "有效保障"
    assert str(funds.where) == "第 1 页表 1" and str(indicators.where) == "第 2 页表 2"
    assert str(indicators.rows[3][6].where) == "第 2 页表 2 第 4 行第 7 列"


def test_pdf_table_from_aligned_text_only_when_it_names_the_form_columns(pdfs):
    doc = read_pdf.read(pdfs / "borderless.pdf")
    [table] = doc.tables
    assert grid(table)[:3] == [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                               ["产出指标", "数量指标", "救助人次", "≥1000人", "1200人", "20", "20", ""],
                               ["^1,0", "^1,1", "救助家庭数", "≥300家", "320家", "10", "10", "部分家庭未申报"]]
    assert [b.text for b in doc.blocks if b.where.page == 1] == ["三、绩效指标", "四、结论"]
    assert [p.where.page for p in doc.parts if isinstance(p, Table)] == [1]  # the page of prose is text, not a table
    assert len([b for b in doc.blocks if b.where.page == 2]) > 3
    # cells wrapped over lines do not line up into rows: left as lines of text
    doc = read_pdf.read(pdfs / "wrapped.pdf")
    assert doc.tables == [] and "数量指标 救助人次 ≥1000人 1200人 20 20" in [b.text for b in doc.blocks]


def test_a_pdf_without_a_text_layer_is_refused(pdfs):
    assert refused(read_pdf.read, pdfs / "canvas.pdf") == (
        "PDF 里只有扫描的图片，没有文字层，无法读取其中的文字。需要先用文字识别（OCR）软件转换成文字，或导入原始的 Word 文件（.docx）。")
    message = refused(read_pdf.read, pdfs / "mixed.pdf")
    assert message.startswith("PDF 的第 2 页是扫描的图片，没有文字层") and "OCR" in message


def test_a_pdf_that_needs_a_password_is_refused_one_that_only_restricts_copying_is_read(pdfs, tmp_path):
    from pypdf import PdfReader, PdfWriter

    for name, user in (("password.pdf", "secret"), ("owner-only.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(pdfs / "form.pdf"))
        writer.encrypt(user_password=user, owner_password="owner")
        writer.write(tmp_path / name)
    assert refused(read_pdf.read, tmp_path / "password.pdf").startswith("PDF 设置了密码或加密保护，无法读取其中的文字。")
    # Government sites often publish PDFs with only an owner password (no copying, no printing):
    # anyone can open them, so their text is read.
    restricted, plain = read_pdf.read(tmp_path / "owner-only.pdf"), read_pdf.read(pdfs / "form.pdf")
    assert [t.rows for t in restricted.tables] == [t.rows for t in plain.tables] and restricted.tables


def test_a_pdf_over_the_limits_is_refused(pdfs, tmp_path, monkeypatch):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(read_pdf.MAX_PAGES + 1):
        writer.add_blank_page(width=595, height=842)
    writer.write(tmp_path / "long.pdf")
    assert refused(read_pdf.read, tmp_path / "long.pdf") == f"PDF 超过 {read_pdf.MAX_PAGES} 页，不像一份自评报告。请只保留报告正文和自评表后再导入。"
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 2048)
    assert "超过了导入上限 2 KB" in refused(read_pdf.read, pdfs / "form.pdf")


def test_files_that_are_not_pdfs_are_refused(pdfs, tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert refused(read_pdf.read, tmp_path / "empty.pdf").startswith("文件不是有效的 PDF：它是空的（0 字节）。")
    (tmp_path / "word.pdf").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    assert "旧版 Office 97-2003 格式" in refused(read_pdf.read, tmp_path / "word.pdf")
    data = (pdfs / "form.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    message = refused(read_pdf.read, tmp_path / "cut.pdf")
    assert message.startswith("文件不是有效的 PDF：文件已损坏或不完整") or message.startswith("PDF 里只有")


def test_a_line_a_narrow_cell_broke_is_joined_without_a_blank_next_to_chinese():
    from generator.importers.read_pdf import wrapped

    assert wrapped("产出指\n标") == "产出指标" and wrapped("2021年12月\n31日前完成") == "2021年12月31日前完成"
    assert wrapped("偏差原因分析及改进\n措施") == "偏差原因分析及改进措施" and wrapped("PM2.5\nindex") == "PM2.5 index"


def test_a_dense_page_is_read_as_lines_and_text_over_the_limit_is_refused_before_its_tables(pdfs, monkeypatch):
    # Unruled tables are looked for only on a page of a report's density: on a page of thousands of
    # words in columns the search takes seconds (bench: 8,000 characters a page, 2.5 s -> 1.2 s).
    monkeypatch.setattr(read_pdf, "TEXT_TABLE_CHARS", 100)
    doc = read_pdf.read(pdfs / "borderless.pdf")
    assert doc.tables == [] and "产出指标 数量指标 救助人次 ≥1000人 1200人 20 20" in [b.text for b in doc.blocks]
    # Over the text limit, the page is refused before its tables are looked for.
    pages: list[int] = []
    original = read_pdf._page
    monkeypatch.setattr(read_pdf, "_page", lambda page, number, before: pages.append(number) or original(page, number, before))
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 200)
    assert refused(read_pdf.read, pdfs / "borderless.pdf").startswith("文档超过 200 字")
    assert pages == [1]  # page 1 is under the limit; page 2's prose brings it over, unread
