"""The corpus documents' own values laid out in the official forms, as real Word, Excel and PDF files.

    python -m tests.forms.make_forms OUT_DIR

For every development (not held-out) document in tests/corpus whose answer.yaml holds enough for a
form, writes `<corpus id>.<layout>.<ext>`:

- project documents: the 2020 Ministry of Finance 项目支出绩效自评表 (财预〔2020〕10号), layout `mof2020`;
- department documents: a common 部门整体支出绩效自评表, layout `dept`, and Fujian's, `dept-fujian`;

each as .docx (one Word table, merged cells), .xlsx (sheet 项目自评表 / 部门自评表) and .pdf (an HTML
table printed by Chromium, with a text layer), plus a second Excel layout (`mof2020-alt`, `dept-alt`):
the form under a 填报单位 / 填报日期 line, 一级 / 二级指标 repeated on every row instead of merged,
amounts with thousands separators. manifest.json lists [{file, corpus_id, format, layout,
not_in_form}]: the expected values are the corpus answer.yaml; not_in_form names the answer's
values that no cell of this form can hold (人员经费, a spending total (the form has no 本年支出合计 cell), counts of
problems ...), so an evaluation knows what the form cannot give back.

Only values the answer states are written; every other cell stays empty. The 填报日期 is a date in
the year after the budget year (or the document's own), as real forms carry it: it is not the year.
Same input, same bytes: the Office files' dates and zip timestamps are fixed, and so are the PDF's.
More in tests/forms/README.md.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
COLUMNS = 10
FIXED = dt.datetime(2020, 1, 1)  # the Office files' creation/modification date: fixed so the bytes are too
# A document's own 填报日期 where it states one (d03's form: 填报日期:2022年2月3日); others get 3月15日 of the next year.
FILED = {"d03_suiyang-taibai-table": dt.date(2022, 2, 3)}
TOTAL = re.compile(r"年度资金总额|年度总金额|资金总额|合计")
SPENDING_ROWS = {"基本支出": "basic", "项目支出": "project"}
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


# ---- values: what kind of number a cell holds decides how each format writes it ---------------

class Money(float):
    """An amount: 2 decimals at least, more if the document has them (89.974)."""


class Rate(float):
    """A percentage as the answer gives it (97.1 = 97.1%)."""


class Points(float):
    """A weight or score: 10, 9.5."""


def money_text(v: float) -> str:
    s = f"{v:.2f}"
    return s if float(s) == v else repr(float(v))


def text(value) -> str:
    """A cell's value as Word and PDF print it."""
    if value is None:
        return ""
    if isinstance(value, Rate):
        return money_text(value) + "%"
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, Points):
        return str(int(value)) if value.is_integer() else repr(float(value))
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


# ---- the form as a grid of cells, whatever the format -----------------------------------------

@dataclass
class Cell:
    row: int
    col: int
    value: object
    rowspan: int = 1
    colspan: int = 1
    head: bool = False


@dataclass
class Form:
    kind: str
    title: str
    sheet: str
    filer: str | None = None  # the 填报单位 / 填报日期 line above the table, its unit if known ("": none); None: no line
    filed: dt.date | None = None
    cells: list[Cell] = field(default_factory=list)
    rows: int = 0
    shown: set[str] = field(default_factory=set)  # the answer's values some cell holds

    def put(self, row, col, value, rowspan=1, colspan=1, head=False, path=None):
        if value is None or value == "":
            value = None
        elif path:
            self.shown.update([path] if isinstance(path, str) else path)
        self.cells.append(Cell(row, col, value, rowspan, colspan, head))
        self.rows = max(self.rows, row + rowspan)

    def grid(self) -> list[list[Cell | None]]:
        """Every position: its cell if one starts there, None if a merged cell covers it;
        positions no cell covers get an empty one."""
        out: list[list] = [[False] * COLUMNS for _ in range(self.rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    assert out[r][k] is False, f"overlap at {r},{k}"
                    out[r][k] = None
            out[c.row][c.col] = c
        return [[Cell(r, k, None) if x is False else x for k, x in enumerate(row)] for r, row in enumerate(out)]


def money_rows(answer: dict, kind: str) -> list[tuple[str, dict, dict]]:
    """The money block's rows: the total (the budget), then the funds, then for a department
    基本支出 / 项目支出; each (label, {field: value}, {field: the answer's paths to that value})."""
    budget, spending = answer.get("budget") or {}, answer.get("spending") or {}
    funds = list(enumerate(answer.get("funds") or []))
    total = {k: budget[k] for k in ("initial", "adjusted", "executed", "rate") if budget.get(k) is not None}
    paths = {k: [f"budget.{k}"] for k in total}
    label = "年度资金总额"
    if funds and TOTAL.search(funds[0][1].get("source") or ""):  # the document's own total row (d03, d18)
        i, row = funds.pop(0)
        label = row["source"]
        for k in ("initial", "adjusted", "executed"):
            if row.get(k) is not None:
                assert total.setdefault(k, row[k]) == row[k], f"{label}.{k} differs from budget.{k}"
                paths.setdefault(k, []).append(f"funds[{i}].{k}")
    # (A spending total the answer takes from the narrative is not shown by this row's 全年执行数, even
    # when the two agree: the form has no 本年支出合计 cell, and 年度资金总额 counts every source, so the
    # importer records it once, as budget.executed. It stays in not_in_form.)
    rows = [(label, total, paths)]
    parts = {}  # source -> (values, paths)
    for i, row in funds:
        values = {k: row[k] for k in ("initial", "adjusted", "executed") if row.get(k) is not None}
        parts[row["source"]] = (values, {k: [f"funds[{i}].{k}"] for k in values})
    if kind == "department":
        for name, key in SPENDING_ROWS.items():
            values, where = parts.pop(name, ({}, {}))
            if spending.get(key) is not None:  # 基本支出's 全年执行数 is spending.basic
                assert values.setdefault("executed", spending[key]) == spending[key]
                where.setdefault("executed", []).append(f"spending.{key}")
            parts[name] = (values, where)
    elif not parts:  # the form's own rows, left empty
        parts = {name: ({}, {}) for name in ("当年财政拨款", "上年结转资金", "其他资金")}
    for n, (name, (values, where)) in enumerate(parts.items()):
        rows.append((("其中：" if n == 0 else "") + name, values, where))
    return rows


def spans(rows: list[dict], key, alt: bool) -> list[int]:
    """How many rows each row's merged cell covers: a run of rows with the same key is one cell
    (0 for the rows it covers). alt: no merging, every row its own cell."""
    out: list[int] = []
    for n, row in enumerate(rows):
        if not alt and n and key(rows[n - 1]) == key(row):
            out.append(0)
        else:
            run = 1
            while not alt and n + run < len(rows) and key(rows[n + run]) == key(row):
                run += 1
            out.append(run)
    return out


def put_goals(form: Form, r: int, label: str, done: str) -> int:
    """The 年度总体目标 block at row r, its cells left empty (no answer gives the goals' text); the row after it."""
    form.put(r, 0, label, rowspan=2, head=True)
    form.put(r, 1, "预期目标", colspan=5, head=True)
    form.put(r, 6, done, colspan=4, head=True)
    form.put(r + 1, 1, None, colspan=5)
    form.put(r + 1, 6, None, colspan=4)
    return r + 2


def layout(answer: dict, doc_id: str, alt: bool) -> Form:
    """The form for one answer: project -> MoF 2020 项目支出绩效自评表, department -> 部门整体支出绩效自评表."""
    kind, year = answer["kind"], answer.get("year")
    project = kind == "project"
    name = "项目支出绩效自评表" if project else "部门整体支出绩效自评表"
    form = Form(kind, name + (f"（{year}年度）" if year else ""), "项目自评表" if project else "部门自评表")
    if year:
        form.shown |= {"kind", "year"}
    else:
        form.shown.add("kind")
    if alt or not project:  # the MoF template has no such line; departments' forms (d03) and many copies do
        form.filer = "" if project else answer.get("unit") or ""  # a project's filer is not in its answer
        form.filed = FILED.get(doc_id) or (dt.date(year + 1, 3, 15) if year else None)
    unit_word = f"（{answer['money_unit']}）" if answer.get("money_unit") else ""
    if unit_word:
        form.shown.add("money_unit")

    r = 0
    if project:
        form.put(r, 0, "项目名称", colspan=2, head=True)
        form.put(r, 2, answer.get("project"), colspan=8, path="project")
        form.put(r + 1, 0, "主管部门", colspan=2, head=True)
        form.put(r + 1, 2, answer.get("unit"), colspan=4, path="unit")
        form.put(r + 1, 6, "实施单位", head=True)
        form.put(r + 1, 7, answer.get("implementer"), colspan=3, path="implementer")
        r += 2
    else:
        form.put(r, 0, "部门（单位）名称", colspan=2, head=True)
        form.put(r, 2, answer.get("unit"), colspan=8, path="unit")
        r += 1

    # The money block: its name merged down the left, the column headers, a row per source.
    rows = money_rows(answer, kind)
    form.put(r, 0, ("项目资金" if project else "年度预算") + unit_word, rowspan=len(rows) + 1, colspan=2, head=True)
    form.put(r, 2, None, colspan=2, head=True)
    for c, word in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], start=4):
        form.put(r, c, word, head=True)
    for n, (label, values, paths) in enumerate(rows, start=r + 1):
        form.put(n, 2, label, colspan=2, head=True)
        for c, k in enumerate(["initial", "adjusted", "executed"], start=4):
            form.put(n, c, Money(values[k]) if k in values else None, path=paths.get(k))
        form.put(n, 7, None)  # 分值 and 得分 of the money rows: no answer states them
        form.put(n, 8, Rate(values["rate"]) if "rate" in values else None, path=paths.get("rate"))
        form.put(n, 9, None)
    r += len(rows) + 1

    r = put_goals(form, r, "年度总体目标", "实际完成情况")

    # The indicators: 一级 merged down its rows, 二级 down its rows within the 一级 (unless alt).
    indicators = answer.get("indicators") or [{}]
    form.put(r, 0, "绩效指标", rowspan=len(indicators) + 1, head=True)
    for c, word in enumerate(HEAD[:-1], start=1):
        form.put(r, c, word, head=True)
    form.put(r, 8, HEAD[-1], colspan=2, head=True)
    first = r + 1
    level1 = spans(indicators, lambda i: i.get("level1"), alt)
    level2 = spans(indicators, lambda i: (i.get("level1"), i.get("level2")), alt)
    for n, row in enumerate(indicators, start=first):
        for c, key, span in ((1, "level1", level1[n - first]), (2, "level2", level2[n - first])):
            if span:  # 0: covered by the merged cell above
                form.put(n, c, row.get(key), rowspan=span)
        form.put(n, 3, row.get("name"))
        form.put(n, 4, row.get("target"))
        form.put(n, 5, row.get("actual"))
        form.put(n, 6, Points(row["weight"]) if row.get("weight") is not None else None)
        form.put(n, 7, Points(row["score"]) if row.get("score") is not None else None)
        form.put(n, 8, None, colspan=2)  # 偏差原因: no answer gives its text
    if answer.get("indicators"):
        form.shown.add("indicators")
        if (answer.get("counts") or {}).get("deviations") == 0:
            form.shown.add("counts.deviations")  # the deviation column, present and empty
    r = first + len(indicators)
    form.put(r, 0, "总分", colspan=6, head=True)
    form.put(r, 6, None)
    form.put(r, 7, Points(answer["score"]) if answer.get("score") is not None else None, path="score")
    form.put(r, 8, None, colspan=2)
    return form


# Fujian's 部门整体支出绩效自评表 (d38, d39): numbered money columns with 小计 and 年度拨付金额, the total
# row last (合 计), spending rows numbered (① 项目支出), the indicators with 绩效目标值 and 评分标准.
FUJIAN_MONEY = ["年初部门预算安排金额（含历年结余结转）①", "年中调整金额②", "小计③=①+②", "年度拨付金额④",
                "支出实现率(%)⑤=④/③", "本年度结余金额⑥=③-④", "资金结余率(%)⑦=⑥/③"]
FUJIAN_HEAD = ["一级指标", "二级指标", "三级指标", "绩效目标值", "实际完成值", "评分标准", "指标分值", "自评得分", "未完成原因"]


def fujian_layout(answer: dict, doc_id: str) -> Form:
    """A department's values in Fujian's form. Its adjustment and balance columns stay empty: no answer
    states them (a difference worked out here would be a number the document does not print)."""
    year = answer.get("year")
    form = Form("department", "部门整体支出绩效自评表" + (f"（{year}年度）" if year else ""), "部门自评表")
    form.shown |= {"kind", "year"} if year else {"kind"}
    form.put(0, 0, "部门（单位）名称", colspan=2, head=True)
    form.put(0, 2, answer.get("unit"), colspan=4, path="unit")
    form.put(0, 6, "部门预算编码", colspan=2, head=True)
    form.put(0, 8, None, colspan=2)
    unit_word = f"（{answer['money_unit']}）" if answer.get("money_unit") else ""
    if unit_word:
        form.shown.add("money_unit")
    total, *parts = money_rows(answer, "department")
    rows = []
    for n, (label, values, paths) in enumerate(parts, start=1):
        bare = label.removeprefix("其中：")  # the form numbers its rows instead
        mark = "①②"[list(SPENDING_ROWS).index(bare)] + " " if bare in SPENDING_ROWS else f"{n}."
        rows.append((mark + bare, values, paths))
    rows.append(("合 计", *total[1:]))  # the whole, last, spaced out as the form prints it
    form.put(1, 0, "财政资金安排和使用情况" + unit_word, rowspan=len(rows) + 1, head=True)
    form.put(1, 1, "资金结构", colspan=2, head=True)
    for c, word in enumerate(FUJIAN_MONEY, start=3):
        form.put(1, c, word, head=True)
    for n, (label, values, paths) in enumerate(rows, start=2):
        form.put(n, 1, label, colspan=2, head=True)
        for c, k in ((3, "initial"), (5, "adjusted"), (6, "executed")):
            form.put(n, c, Money(values[k]) if k in values else None, path=paths.get(k))
        form.put(n, 7, Rate(values["rate"]) if "rate" in values else None, path=paths.get("rate"))
        for c in (4, 8, 9):
            form.put(n, c, None)
    r = len(rows) + 2
    r = put_goals(form, r, "年度总体目标完成情况", "目标实际完成情况")
    indicators = answer.get("indicators") or [{}]
    form.put(r, 0, "年度绩效指标完成情况", rowspan=len(indicators) + 1, head=True)
    for c, word in enumerate(FUJIAN_HEAD, start=1):
        form.put(r, c, word, head=True)
    first = r + 1
    level1 = spans(indicators, lambda i: i.get("level1"), False)
    level2 = spans(indicators, lambda i: (i.get("level1"), i.get("level2")), False)
    for n, row in enumerate(indicators, start=first):
        for c, key, span in ((1, "level1", level1[n - first]), (2, "level2", level2[n - first])):
            if span:
                form.put(n, c, row.get(key), rowspan=span)
        for c, key in ((3, "name"), (4, "target"), (5, "actual")):
            form.put(n, c, row.get(key))
        form.put(n, 6, None)  # 评分标准: no answer gives its text
        form.put(n, 7, Points(row["weight"]) if row.get("weight") is not None else None)
        form.put(n, 8, Points(row["score"]) if row.get("score") is not None else None)
        form.put(n, 9, None)
    if answer.get("indicators"):
        form.shown.add("indicators")
    return form


def stated(answer: dict) -> set[str]:
    """The answer's values as paths (budget.initial, funds[0].executed, indicators, counts.problems)."""
    out = set()
    for key, value in answer.items():
        if key == "notes" or value is None:
            continue
        if isinstance(value, dict):
            out |= {f"{key}.{k}" for k, v in value.items() if v is not None}
        elif key == "funds":
            out |= {f"funds[{i}].{k}" for i, row in enumerate(value) for k, v in row.items() if k != "source" and v is not None}
        else:
            out.add(key)
    return out


def filer_line(form: Form) -> tuple[str, str]:
    """The line above the form: who files it (d03 writes 单位(盖章):) and when."""
    who = "单位（盖章）：" if form.kind == "department" else "填报单位（盖章）："
    return who + (form.filer or ""), f"填报日期：{text(form.filed)}"


def form_text(form: Form) -> str:
    """Every character the form prints."""
    return form.title + "".join(filer_line(form)) + "".join(text(c.value) for c in form.cells)


# ---- the corpus ---------------------------------------------------------------------------------

def documents(corpus: Path = CORPUS) -> list[tuple[str, dict]]:
    """(id, answer) of each development document with enough for a form, its amounts in 万元 or 元;
    held-out ones are not even read."""
    out = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "source.yaml").exists()):
        if (yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8")) or {}).get("held_out"):
            continue
        answer = yaml.safe_load((folder / "answer.yaml").read_text(encoding="utf-8")) or {}
        keys = ("budget", "funds", "indicators") if answer.get("kind") == "project" else ("spending", "budget", "indicators")
        # The official forms give amounts in 万元 (or 元); a document in 亿元 has no such form.
        if any(answer.get(k) for k in keys) and answer.get("money_unit") in (None, "万元", "元"):
            out.append((folder.name, answer))
    return out


# ---- Word ---------------------------------------------------------------------------------------

def write_docx(form: Form, path: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(form.title)
    run.bold, run.font.size = True, Pt(16)
    if form.filer is not None:
        document.add_paragraph("　　　　".join(filer_line(form)))
    grid = form.grid()
    table = document.add_table(rows=form.rows, cols=COLUMNS)
    table.style, table.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
    cells = [list(row.cells) for row in table.rows]  # once, before merging: table.cell() walks the whole table
    for row in grid:
        for cell in row:
            if cell is None:
                continue
            target = cells[cell.row][cell.col]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(cells[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1])
            target.text = text(cell.value)
            if cell.head:
                for r in target.paragraphs[0].runs:
                    r.bold = True
    props = document.core_properties
    props.author = props.last_modified_by = "绩效公开 tests/forms"
    props.title, props.revision = form.title, 1
    props.created = props.modified = props.last_printed = FIXED
    document.save(path)
    fix_zip(path)


# ---- Excel --------------------------------------------------------------------------------------

def excel_value(value, alt: bool):
    """(value, number format): amounts and points as numbers, 执行率 as a percent, 填报日期 as a date."""
    # Formats show every decimal the document writes (2465.390098, 0.958%): a sheet shows its cells
    # as formatted, and the importer reads what the sheet shows.
    more = len(money_text(value).partition(".")[2]) - 2 if isinstance(value, (Rate, Money)) else 0  # beyond 2 decimals
    if isinstance(value, Rate):
        return round(value / 100, 10), "0.00" + "#" * more + "%"
    if isinstance(value, Money):
        return float(value), ("#,##0.00" if alt else "0.00") + "#" * max(2, more)
    if isinstance(value, Points):
        return (int(value) if value.is_integer() else float(value)), "General"
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value):  # 实际完成值 50: typed as a number
        return (float(value) if "." in value else int(value)), "General"
    return value, "General"


def write_xlsx(form: Form, path: Path, alt: bool) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = form.sheet
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(1, 1, form.title).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    top = 2
    if form.filer is not None:  # 填报单位 on the left, 填报日期 and its date cell on the right
        ws.cell(2, 1, filer_line(form)[0])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
        ws.cell(2, 7, "填报日期：").alignment = Alignment(horizontal="right")
        if form.filed:
            ws.cell(2, 8, form.filed).number_format = 'yyyy"年"m"月"d"日"'
        ws.merge_cells(start_row=2, start_column=8, end_row=2, end_column=10)
        top = 3
    for row in form.grid():
        for cell in row:
            if cell is None:
                continue
            value, fmt = excel_value(cell.value, alt)
            target = ws.cell(top + cell.row, 1 + cell.col, value)
            if isinstance(value, str) and value.startswith("="):
                target.data_type = "s"  # 年度指标值 "=100%" is text (typed '=100%), not a formula
            target.number_format = fmt
            target.font = Font(bold=cell.head)
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=top + cell.row, start_column=1 + cell.col,
                               end_row=top + cell.row + cell.rowspan - 1, end_column=1 + cell.col + cell.colspan - 1)
    for r in range(top, top + form.rows):  # borders on every position, merged ones included
        for c in range(1, COLUMNS + 1):
            ws.cell(r, c).border = box
            ws.cell(r, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for c, width in zip("ABCDEFGHIJ", (12, 12, 14, 26, 14, 14, 10, 10, 10, 16)):
        ws.column_dimensions[c].width = width
    wb.properties.creator = wb.properties.lastModifiedBy = "绩效公开 tests/forms"
    wb.properties.title = form.title
    wb.properties.created = FIXED
    wb.save(path)
    fix_zip(path)


def fix_zip(path: Path) -> None:
    """The same bytes every run: fixed core-property dates (openpyxl sets 'modified' to now on
    save) and fixed timestamps on the zip's members."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i)) for i in z.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
                data = re.sub(rb"(<cp:lastPrinted>)[^<]*", rb"\g<1>" + stamp, data)
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)


# ---- PDF ------------------------------------------------------------------------------------------

KEEP_ROWS = "tr { break-inside: avoid; }"  # as Word's 允许跨页断行 off; tests also make forms without it
STYLE = """
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; font-size: 9pt; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 6pt; }
p.filer { display: flex; justify-content: space-between; margin: 0 0 4pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { border: 1px solid #000; padding: 2pt 3pt; height: 16pt; text-align: center; vertical-align: middle; }
td.head { font-weight: bold; }
td.num { white-space: nowrap; }
"""


def form_html(form: Form, keep_rows: bool = True) -> str:
    rows = []
    for row in form.grid():
        cells = []
        for cell in row:
            if cell is None:
                continue
            span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            kind = "head" if cell.head else "num" if isinstance(cell.value, float) else ""
            cells.append(f'<td{span}{f" class={kind}" if kind else ""}>{html.escape(text(cell.value))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    filer = ""
    if form.filer is not None:
        filer = '<p class="filer">' + "".join(f"<span>{html.escape(t)}</span>" for t in filer_line(form)) + "</p>"
    widths = "".join(f'<col style="width:{w}%">' for w in (8, 8, 9, 15, 12, 12, 12, 7, 8, 9))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(form.title)}</title>"
            f"<style>{STYLE}{KEEP_ROWS if keep_rows else ''}</style></head><body><h1>{html.escape(form.title)}</h1>{filer}"
            f"<table><colgroup>{widths}</colgroup>{''.join(rows)}</table></body></html>")


# Chromium (Skia) names each glyph by the first code point the font maps to it; Noto CJK maps
# radicals to the same glyphs as ideographs, so its text layer says 项⽬ and 部⻔ for 项目 and 部门.
# Departments' PDFs (Word, WPS) say 项目: the ideograph is put back, chosen among the form's own
# characters: the radical's NFKC form, or for these radicals (no NFKC form, or a traditional one)
# the simplified character.
SIMPLIFIED = dict(zip("⺠⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳⻄⻁⻗⼾⾭⾧⾨",
                      "民见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟西虎雨户青长门"))
RADICAL = re.compile("[\u2e80-\u2fdf]")


def ideograph(radical: str, chars: set[str]) -> str:
    found = {c for c in (unicodedata.normalize("NFKC", radical), SIMPLIFIED.get(radical)) if c in chars}
    if len(found) != 1:
        raise ValueError(f"the PDF's text layer has {radical} (U+{ord(radical):04X}), and no one character of the form for it")
    return found.pop()


def fix_text_layer(data: bytes, chars: set[str]) -> bytes:
    """The PDF with every font's ToUnicode map naming ideographs, not radicals."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            stream = font.get_object().get("/ToUnicode")
            if stream is None:
                continue
            stream = stream.get_object()
            cmap = stream.get_data().decode("latin-1")
            codes: dict[str, str] = {}  # source code (hex) -> text
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                codes.update((a, bytes.fromhex(b).decode("utf-16-be")) for a, b in re.findall(r"<(\w+)>\s*<(\w+)>", block))
            for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
                for a, b, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
                    start = bytes.fromhex(dst).decode("utf-16-be")
                    for n in range(int(b, 16) - int(a, 16) + 1):
                        codes[f"{int(a, 16) + n:0{len(a)}X}"] = start[:-1] + chr(ord(start[-1]) + n)
            if not any(RADICAL.search(t) for t in codes.values()):
                continue
            codes = {a: RADICAL.sub(lambda m: ideograph(m.group(), chars), t) for a, t in codes.items()}
            items = sorted(codes.items())
            body = "".join(f"{len(chunk)} beginbfchar\n" + "".join(f"<{a}> <{t.encode('utf-16-be').hex().upper()}>\n" for a, t in chunk)
                           + "endbfchar\n" for chunk in (items[i:i + 100] for i in range(0, len(items), 100)))
            head, tail = cmap.index("endcodespacerange") + len("endcodespacerange\n"), cmap.index("endcmap")
            stream.set_data((cmap[:head] + body + cmap[tail:]).encode("latin-1"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def fix_pdf_dates(data: bytes) -> bytes:
    """Chromium stamps the PDF with the time it was made; the same-length fixed date keeps the
    cross-reference offsets right and the bytes the same every run."""
    return re.sub(rb"\((D:\d{14})", b"(D:20200101000000", data)


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("没有找到 Chromium：请安装 Debian 的 chromium 软件包，或设置 CHROMIUM=/path/to/chromium。")


def cjk_fonts() -> list[str]:
    """The fonts fontconfig has for Chinese: without one, Chromium prints boxes and the PDF has no Chinese text."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def write_pdfs(jobs: list[tuple[Form, Path]], browser=None, keep_rows: bool = True) -> None:
    """Every PDF from one browser page: the given one (the tests' session browser) or one started here."""
    if not jobs:
        return
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
            try:
                write_pdfs(jobs, own, keep_rows)
            finally:
                own.close()
        return
    page = browser.new_page()
    try:
        for form, path in jobs:
            page.set_content(form_html(form, keep_rows))
            data = page.pdf(format="A4", print_background=True,
                            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
            path.write_bytes(fix_text_layer(fix_pdf_dates(data), set(form_text(form))))
    finally:
        page.close()


# ---- all of it ----------------------------------------------------------------------------------

def make(out_dir: Path, browser=None, corpus: Path = CORPUS, formats=("docx", "xlsx", "pdf")) -> list[Path]:
    """Write every form into out_dir, and manifest.json; return the forms' paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if "pdf" in formats and not cjk_fonts():
        print("make_forms: fc-list :lang=zh finds no Chinese font; the PDFs will have no Chinese text", file=sys.stderr)
    written, manifest, pdfs = [], [], []
    for doc_id, answer in documents(corpus):
        base = "mof2020" if answer["kind"] == "project" else "dept"
        outputs = [(base, ext, False) for ext in formats] + ([(base + "-alt", "xlsx", True)] if "xlsx" in formats else [])
        if base == "dept":
            outputs += [("dept-fujian", ext, False) for ext in formats]
        for name, ext, alt in outputs:
            form = fujian_layout(answer, doc_id) if name == "dept-fujian" else layout(answer, doc_id, alt)
            path = out_dir / f"{doc_id}.{name}.{ext}"
            if ext == "docx":
                write_docx(form, path)
            elif ext == "xlsx":
                write_xlsx(form, path, alt)
            else:
                pdfs.append((form, path))
            written.append(path)
            manifest.append({"file": path.name, "corpus_id": doc_id, "format": ext, "layout": name,
                             "not_in_form": sorted(stated(answer) - form.shown)})
    write_pdfs(pdfs, browser)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    paths = make(Path(args[0]))
    print(f"{len(paths)} forms in {args[0]} (manifest.json lists them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
