"""The Excel form: a workbook laid out like the official self-evaluation forms.

`template` writes it (empty, or filled from a report); `import` reads a filled one back
into report data, keeping each value's sheet and cell (e.g. 支出情况!B3) for error messages.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..model import FUND_SOURCES, GRADES, KINDS, OPERATORS
from .limits import hidden_content, open_package, workbook_sheets
from ..problems import DataError, Problem, at_most, display_path
from ..readers import RawReport

LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
UNITS = ("万元", "元")
CHOICES = {"kind": tuple(KINDS.values()), "grade": GRADES, "unit": UNITS, "fund": FUND_SOURCES,
           "level1": LEVEL1, "operator": OPERATORS}
OPEN_CHOICES = {"fund"}  # suggestions, not the only values allowed

# Sheets of one value per row: (label in column A, path in the report, kind of value)
KEY_VALUE_SHEETS = {
    "基本信息": [
        ("数据格式版本", ("schema_version",), "int"),
        ("报告类型", ("kind",), "kind"),
        ("年度", ("year",), "int"),
        ("部门名称", ("department", "name"), "text"),
        ("部门标识", ("department", "slug"), "text"),
        ("所属地区", ("department", "region"), "text"),
        ("项目名称", ("project", "name"), "text"),
        ("项目编码", ("project", "code"), "text"),
        ("报告标题", ("title",), "text"),
        ("自评等级", ("result", "grade"), "grade"),
        ("自评得分", ("result", "score"), "number"),
        ("公开日期", ("published",), "date"),
        ("原始文件", ("source", "file"), "text"),
        ("原文网址", ("source", "url"), "text"),
        ("金额单位", ("unit",), "unit"),
        ("自评结论", ("conclusion",), "text"),
    ],
    "支出情况": [
        ("本年财政拨款支出", ("spending", "total"), "number"),
        ("基本支出", ("spending", "basic"), "number"),
        ("项目支出", ("spending", "project"), "number"),
        ("人员经费", ("spending", "personnel"), "number"),
        ("公用经费", ("spending", "public"), "number"),
        ("基本支出占比（%）", ("spending", "basic_share"), "number"),
        ("项目支出占比（%）", ("spending", "project_share"), "number"),
        ("年初预算数", ("budget", "initial"), "number"),
        ("调整后预算数", ("budget", "adjusted"), "number"),
        ("全年执行数", ("budget", "executed"), "number"),
        ("预算执行率（%）", ("budget", "rate"), "number"),
    ],
}

# Sheets of one row per entry: (sheet, key of the list in the report, [(header, field, kind)]);
# field None: the list holds plain texts.
TABLE_SHEETS = [
    ("资金来源", "funds", [("资金来源", "source", "fund"), ("年初预算数", "initial", "number"),
                          ("全年预算数", "adjusted", "number"), ("全年执行数", "executed", "number")]),
    ("绩效指标", "indicators", [("一级指标", "level1", "level1"), ("二级指标", "level2", "text"), ("三级指标", "name", "text"),
                            ("比较方式", "operator", "operator"), ("年度指标值", "target", "value"), ("计量单位", "unit", "text"),
                            ("实际完成值", "actual", "value"), ("分值", "weight", "number"), ("得分", "score", "number"),
                            ("偏差原因分析及改进措施", "note", "text")]),
    ("绩效目标偏差", "deviations", [("偏差指标", "indicator", "text"), ("偏差原因", "reason", "text")]),
    ("年度目标", "goals", [("年度目标", "goal", "text"), ("实际完成情况", "completion", "text")]),
    ("存在的问题", "problems", [("问题", None, "text")]),
    ("改进措施", "measures", [("措施", None, "text")]),
    ("正文", "sections", [("编号", "number", "text"), ("标题", "title", "text"), ("正文", "text", "text")]),
    ("关键数字", "figures", [("条目编号", "item", "text"), ("名称", "label", "text"), ("数值", "value", "number"),
                          ("单位", "unit", "text"), ("限定词", "qualifier", "text"), ("图表分组", "group", "text")]),
]

INSTRUCTIONS = """填写说明
1. 本表对应一份绩效自评报告：部门整体绩效自评或项目支出绩效自评。填好后运行
   .venv/bin/python -m generator import 本文件.xlsx
   生成 data/<年度>/<部门标识>.yaml；有问题时会指出工作表、行和列。
2. “基本信息”和“支出情况”每行一项，只填 B 列。带下拉箭头的单元格请从列表中选择。
3. 金额单位默认万元，只填数字，不要带单位或千分位逗号。占比填百分数的数字，如 16.39。
4. 其余工作表每行一条，从第 2 行开始填，不要合并单元格，空行会被忽略。
5. “正文”按原文顺序逐段照录：编号 1、2、3 是一级标题（一、二、三），1.1、1.2 是其下的（一）（二），1.2.1 是再下一级的 1、2。
6. “关键数字”是正文中值得做成图表的数字：条目编号对应“正文”的编号；同一“图表分组”且同一单位的数字合成一张柱状图。
7. 不要修改工作表名称和第 1 行的表头。"""

HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")


# ---- writing -------------------------------------------------------------------------

def write_workbook(path: Path, data: dict | None = None) -> None:
    """The Excel form, empty or filled from report data (a dict as in the YAML)."""
    data = data or {}
    wb = Workbook()
    intro = wb.active
    intro.title = "填写说明"
    for i, line in enumerate(INSTRUCTIONS.splitlines(), start=1):
        intro.cell(i, 1, line).font = Font(bold=i == 1, size=14 if i == 1 else 11)
    intro.column_dimensions["A"].width = 100

    for sheet, fields in KEY_VALUE_SHEETS.items():
        ws = wb.create_sheet(sheet)
        _header(ws, ["项目", "内容"], [22, 60])
        for row, (label, path_, kind) in enumerate(fields, start=2):
            ws.cell(row, 1, label).font = Font(bold=True)
            value = _get(data, path_)
            if kind == "kind" and value in KINDS:
                value = KINDS[value]
            if kind == "int" and value is None and path_ == ("schema_version",):
                value = 1
            _put(ws.cell(row, 2), value, kind)
            if kind in CHOICES:
                _dropdown(ws, kind, f"B{row}")

    lists = _flatten_lists(data)
    for sheet, key, columns in TABLE_SHEETS:
        ws = wb.create_sheet(sheet)
        _header(ws, [c[0] for c in columns], [40 if c[2] == "text" else 14 for c in columns])
        for r, entry in enumerate(lists.get(key, []), start=2):
            for c, (_, field, kind) in enumerate(columns, start=1):
                _put(ws.cell(r, c), entry if field is None else entry.get(field), kind)
        for c, (_, _, kind) in enumerate(columns, start=1):
            if kind in CHOICES:
                letter = get_column_letter(c)
                _dropdown(ws, kind, f"{letter}2:{letter}500")
    wb.save(path)


def _header(ws, titles: list[str], widths: list[int]) -> None:
    for c, (title, width) in enumerate(zip(titles, widths), start=1):
        cell = ws.cell(1, c, title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"


def _dropdown(ws, kind: str, ref: str) -> None:
    # A fund's source may be any row label of the document's form: the list only suggests.
    validation = DataValidation(type="list", formula1='"' + ",".join(CHOICES[kind]) + '"', allow_blank=True,
                                showErrorMessage=kind not in OPEN_CHOICES, errorTitle="请从列表中选择", error="只能填写列表中的值。")
    ws.add_data_validation(validation)
    validation.add(ref)


def _put(cell, value, kind: str) -> None:
    if value is None:
        return
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text that starts with = stays text, never a formula
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    cell.value = value
    if kind == "number" and isinstance(value, (int, float)):
        cell.number_format = "0.00##"


def _get(data: dict, path: tuple):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _flatten_lists(data: dict) -> dict[str, list]:
    """The report's lists as the sheets hold them; sections and their items become numbered rows."""
    out = {key: list(data.get(key) or []) for _, key, _ in TABLE_SHEETS if key not in ("sections", "figures")}
    out["sections"], out["figures"] = [], []

    def walk(items: list, prefix: str) -> None:
        for i, item in enumerate(items, start=1):
            number = f"{prefix}.{i}"
            out["sections"].append({"number": number, "title": item.get("title"), "text": item.get("text")})
            out["figures"].extend({"item": number, **f} for f in item.get("figures") or [])
            walk(item.get("items") or [], number)

    for i, section in enumerate(data.get("sections") or [], start=1):
        out["sections"].append({"number": str(i), "title": section.get("title"), "text": section.get("text")})
        walk(section.get("items") or [], str(i))
    return out


# ---- reading -------------------------------------------------------------------------

def read_workbook(path: Path, hidden: list[Problem] | None = None) -> RawReport:
    """A filled form as report data; every problem found is raised at once, located by sheet and cell.

    Content staff cannot see in Excel (hidden sheets, rows and columns; white, tiny or ;;;-formatted
    text) is an error, since it would be published; pass a list as `hidden` to import it anyway and
    receive the warnings there. The file is checked by limits.py first, then read in openpyxl's
    read-only mode: row by row, never building merged ranges, comments or pictures.
    """
    name = display_path(path)
    package = open_package(path, name, "xlsx")
    sheets = {title: (state, info) for title, state, info in workbook_sheets(package, name)}
    try:  # data_only: formulas give the values Excel computed; the second, read if there are any, their text
        wb = load_workbook(io.BytesIO(package), read_only=True, data_only=True, keep_links=False)
        formulas = None
        if any(info["formulas"] for _, info in sheets.values()):
            formulas = load_workbook(io.BytesIO(package), read_only=True, keep_links=False)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise DataError([Problem(name, None, "", f"无法作为 Excel 工作簿（.xlsx）打开：{e}。请在 Excel 中另存为 .xlsx 后再导入。")]) from None
    data: dict = {}
    lines: dict[tuple, str] = {}
    problems: list[Problem] = []
    unseen: dict[tuple, Problem] = {}  # hidden content, once per sheet, row, column or cell

    def where(sheet: str, row: int, col: int) -> str:
        return f"{sheet}!{get_column_letter(col)}{row}"

    def uncomputed(sheet: str, row: int, col: int, typed) -> bool:
        """A formula whose result the file does not hold (saved by a program that does not compute)."""
        if isinstance(typed, str) and typed.startswith("="):
            problems.append(Problem(name, where(sheet, row, col), "",
                                    f"这个单元格是公式（{typed}），但文件里没有它的计算结果。请在 Excel 中打开后保存一次，或直接填写数值。"))
            return True
        return False

    def visible(sheet: str, row: int, col: int, cell) -> None:
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            return
        state, info = sheets.get(sheet, ("visible", None))
        try:
            key, why = why_unseen(sheet, state, info["hidden_rows"] if info else (), info["hidden_columns"] if info else (),
                                  row, col, cell)
        except Exception as e:  # a style openpyxl loaded but cannot apply
            raise DataError([Problem(name, where(sheet, row, col), "", f"无法读取这个单元格的格式：{e}。请在 Excel 中另存为 .xlsx 后再导入。")]) from None
        if key and key not in unseen:
            unseen[key] = hidden_content(name, where(sheet, row, col), why, str(cell.value), "Excel", hidden is not None)

    for sheet, fields in KEY_VALUE_SHEETS.items():
        if sheet not in wb.sheetnames:
            problems.append(_missing_sheet(name, sheet, wb.sheetnames))
            continue
        labels = {label: (path_, kind) for label, path_, kind in fields}
        for row, cells, typed in _rows(name, wb, formulas, sheet, 2):
            if row == 1:
                continue
            label, value = cells[0].value, cells[1].value
            if label is None and value is None:
                continue
            if value is None and uncomputed(sheet, row, 2, typed[1]):
                continue
            if label not in labels:
                problems.append(Problem(name, where(sheet, row, 1), "", f"“{label}”不是“{sheet}”表的项目。请不要改动 A 列。"))
                continue
            visible(sheet, row, 2, cells[1])
            path_, kind = labels[label]
            lines[path_] = where(sheet, row, 2)
            converted = _convert(value, kind, name, lines[path_], label, problems)
            if converted is not None:
                _set(data, path_, converted)
                for depth in range(1, len(path_)):
                    lines.setdefault(path_[:depth], where(sheet, row, 2))

    rows: dict[str, list] = {}
    for sheet, key, columns in TABLE_SHEETS:
        if sheet not in wb.sheetnames:
            problems.append(_missing_sheet(name, sheet, wb.sheetnames))
            continue
        merged = sheets[sheet][1]["merged"] if sheet in sheets else None
        headers = [None] * len(columns)  # an empty sheet has no header row
        for row, cells, typed in _rows(name, wb, formulas, sheet, len(columns)):
            values = [c.value for c in cells]
            if row == 1:
                headers = values
                if headers != [c[0] for c in columns]:
                    break
                continue
            if any(v is None and uncomputed(sheet, row, c, t) for c, (v, t) in enumerate(zip(values, typed), start=1)):
                continue
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue  # empty rows are ignored
            for c, cell in enumerate(cells, start=1):
                visible(sheet, row, c, cell)
            index = len(rows.setdefault(key, []))
            if columns[0][1] is None:
                lines[(key, index)] = where(sheet, row, 1)
                rows[key].append(_convert(values[0], "text", name, lines[(key, index)], columns[0][0], problems))
                continue
            entry = {}
            for c, ((header, field, kind), value) in enumerate(zip(columns, values), start=1):
                lines[(key, index, field)] = where(sheet, row, c)
                converted = _convert(value, kind, name, lines[(key, index, field)], header, problems)
                if converted is not None:
                    entry[field] = converted
            lines[(key, index)] = where(sheet, row, 1)
            rows[key].append(entry)
        if headers != [c[0] for c in columns]:
            problems.append(Problem(name, where(sheet, 1, 1), "",
                                    f"“{sheet}”表的表头应是 {'、'.join(c[0] for c in columns)}，现在是 {'、'.join(str(h) for h in headers)}。请不要改动第 1 行。"))
        elif merged:
            problems.append(Problem(name, f"{sheet}!{merged.split(':')[0]}", "",
                                    f"“{sheet}”表有合并的单元格（{merged}）。请取消合并，每行填写完整。"))

    for key in ("funds", "indicators", "deviations", "goals", "problems", "measures"):
        if rows.get(key):
            data[key] = rows[key]
            lines.setdefault((key,), lines[(key, 0)])
    sections, section_lines = _build_sections(name, rows.get("sections", []), rows.get("figures", []), lines, problems)
    if sections:
        data["sections"] = sections
        lines.update(section_lines)
    if hidden is None:
        problems.extend(unseen.values())
    else:
        hidden.extend(unseen.values())
    if problems:
        raise DataError(at_most(problems, name))
    return RawReport(path, name, data, lines)


def _rows(name: str, wb, formulas, sheet: str, width: int):
    """(row number, cells, typed values) of a sheet's first `width` columns, streamed in order;
    typed values (a formula's text) are all None when the workbook has no formulas.

    limits.py has counted the rows, so the declared size (which can be wrong either way) is
    dropped and every row in the file is read.
    """
    try:  # a sheet may also be a chart, or hold a value openpyxl cannot read in well-formed XML
        values = wb[sheet]
        values.reset_dimensions()
        typed = formulas[sheet] if formulas is not None and sheet in formulas.sheetnames else None
        if typed is not None:
            typed.reset_dimensions()
        typed_rows = typed.iter_rows(max_col=width) if typed is not None else itertools.repeat([None] * width)
        for row, (cells, typed_cells) in enumerate(zip(values.iter_rows(max_col=width), typed_rows), start=1):
            yield row, cells, [getattr(c, "value", None) for c in typed_cells]
    except Exception as e:
        raise DataError([Problem(name, sheet, "", f"无法读取工作表“{sheet}”：{e}。请在 Excel 中另存为 .xlsx 后再导入。")]) from None


def why_unseen(sheet: str, state: str, hidden_rows, hidden_columns, row: int, col: int, cell) -> tuple[tuple | None, str]:
    """Why staff cannot see this cell in Excel, keyed so each hidden sheet, row or column is named
    once. Both Excel readers ask this (our template's and read_xlsx.py's)."""
    if state != "visible":
        return (sheet,), f"工作表“{sheet}”是隐藏的"
    if row in hidden_rows:
        return (sheet, "row", row), f"第 {row} 行是隐藏的"
    if col in hidden_columns:
        return (sheet, "column", col), f"{get_column_letter(col)} 列是隐藏的"
    if cell.number_format and not cell.number_format.strip(";"):
        return (sheet, row, col), f"单元格的数字格式“{cell.number_format}”不显示内容"
    font = cell.font
    if font is not None and font.sz is not None and font.sz <= 1:
        return (sheet, row, col), f"字号是 {font.sz:g} 磅，看不清"
    fill = cell.fill
    solid = fill is not None and getattr(fill, "fill_type", None) == "solid" and not _white(fill.fgColor)
    if font is not None and _white(font.color) and not solid:
        return (sheet, row, col), "白色文字在白色底色上"
    return None, ""


def _white(color) -> bool:
    """A colour Excel shows as (nearly) white: FFFFFF, the palette's white, or the theme's background."""
    if color is None:
        return False
    kind = getattr(color, "type", None)
    if kind == "rgb" and isinstance(color.rgb, str) and re.fullmatch(r"[0-9A-Fa-f]{6,8}", color.rgb):
        return all(int(color.rgb[-6:][i:i + 2], 16) >= 0xF0 for i in (0, 2, 4))  # ARGB: Excel ignores the alpha
    if kind == "indexed":
        return color.indexed in (1, 9)
    if kind == "theme":
        return color.theme == 0 and (color.tint or 0) > -0.1
    return False


def _missing_sheet(name: str, sheet: str, present: list[str]) -> Problem:
    return Problem(name, None, "", f"缺少工作表“{sheet}”（现有：{'、'.join(present)}）。"
                                   "请使用 `.venv/bin/python -m generator template` 生成的表格，不要改动工作表名称。")


def _convert(value, kind: str, file: str, place: str, label: str, problems: list[Problem]):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip()
    if kind == "kind":
        codes = {v: k for k, v in KINDS.items()}
        if value in codes or value in KINDS:
            return codes.get(value, value)
        problems.append(Problem(file, place, label, f"“{label}”只能是 {'、'.join(KINDS.values())} 之一，现在是“{value}”。"))
        return None
    if kind in CHOICES and kind not in OPEN_CHOICES and value not in CHOICES[kind]:
        problems.append(Problem(file, place, label, f"“{label}”只能是 {'、'.join(CHOICES[kind])} 之一，现在是“{value}”。请从下拉列表中选择。"))
        return None
    if kind == "date" and isinstance(value, dt.datetime):
        return value.date()
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "text" and not isinstance(value, str):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return value


def _set(data: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")


def _build_sections(file: str, rows: list[dict], figures: list[dict], lines: dict, problems: list[Problem]):
    """Numbered rows (1, 1.2, 1.2.3) back into sections with nested items, and figures into their items."""
    sections: list[dict] = []
    by_number: dict[str, dict] = {}
    out_lines: dict[tuple, str] = {}
    locs: dict[str, tuple] = {}
    for i, row in enumerate(rows):
        number = str(row.get("number", "")).strip()
        place = lines[("sections", i, "number")]
        if not _NUMBER.match(number):
            problems.append(Problem(file, place, "编号", f"编号应像 1、1.2、1.2.3 这样，现在是“{number}”。"))
            continue
        parts = number.split(".")
        node = {k: v for k, v in (("title", row.get("title")), ("text", row.get("text"))) if v is not None}
        if len(parts) == 1:
            loc = ("sections", len(sections))
            sections.append(node)
        else:
            parent = by_number.get(".".join(parts[:-1]))
            if parent is None:
                problems.append(Problem(file, place, "编号", f"编号 {number} 的上一级 {'.'.join(parts[:-1])} 不存在或在它之后。请按原文顺序排列。"))
                continue
            loc = locs[".".join(parts[:-1])] + ("items", len(parent.setdefault("items", [])))
            parent["items"].append(node)
        if number in by_number:
            problems.append(Problem(file, place, "编号", f"编号 {number} 重复了。"))
        by_number[number], locs[number] = node, loc
        out_lines[loc] = place
        for field in ("title", "text"):
            out_lines[loc + (field,)] = lines[("sections", i, field)]
    for i, fig in enumerate(figures):
        number = str(fig.pop("item", "")).strip()
        target = by_number.get(number)
        if target is None or "." not in number:
            problems.append(Problem(file, lines[("figures", i, "item")], "条目编号",
                                    f"条目编号“{number}”不是“正文”表中某个条目（如 1.2）的编号。"))
            continue
        loc = locs[number] + ("figures", len(target.setdefault("figures", [])))
        target["figures"].append(fig)
        for field in ("label", "value", "unit", "qualifier", "group"):
            out_lines[loc + (field,)] = lines[("figures", i, field)]
        out_lines[loc] = lines[("figures", i, "item")]
    return sections, out_lines
