"""Any Excel workbook (.xlsx) as the common structure: each sheet with content one Table.

Workbooks as departments make them, not our template: every cell at its grid position from A1,
trailing empty rows and columns trimmed, merged ranges kept as merged. Values read as Excel
shows them: cached results of formulas, numbers with the decimals and % of their format, dates
as YYYY-MM-DD. Hidden sheets, rows and columns and unreadable text are refused unless
include_hidden, as workbook.py does for the form.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from xml.parsers import expat

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter, range_boundaries

from . import limits
from .limits import hidden_content, open_package, refuse, unreadable, workbook_sheets
from .read_docx import MAX_GRID, grid_table, text_limit
from .structure import Document, Where
from .workbook import why_unseen
from ..problems import DataError, Problem, at_most, display_path

FIX = limits.KINDS["xlsx"][1]


def read(path: Path, include_hidden: bool = False) -> Document:
    name = display_path(path)
    package = open_package(path, name, "xlsx")
    scanned = {title: (state, info) for title, state, info in workbook_sheets(package, name)}  # bounded before openpyxl
    try:  # read-only: row by row, never building merged ranges (a merge of A1:ALL5000 would make 5 million cells)
        reader = ExcelReader(io.BytesIO(package), read_only=True, data_only=True, keep_links=False)
        reader.read()
        parts = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()}
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise refuse(name, f"无法作为 Excel 工作簿（.xlsx）打开：{unreadable(e)}。{FIX}") from None
    out, problems, unseen = Document(name), [], {}
    budget, count = {"left": MAX_GRID}, text_limit(name)
    for ws in reader.wb.worksheets:
        if ws.title not in scanned:
            continue
        state, info = scanned[ws.title]
        try:
            with reader.archive.open(parts[ws.title]) as f:
                merges, hidden_columns, uncomputed = _scan(f)
            values = _values(ws, state, info["hidden_rows"], hidden_columns, unseen, name, include_hidden)
        except DataError:
            raise
        except Exception as e:  # a value or style openpyxl cannot read in well-formed XML
            raise refuse(name, f"无法读取工作表“{ws.title}”：{unreadable(e)}。{FIX}") from None
        for ref, formula in uncomputed:  # its cell would be empty: refused, as workbook.py refuses it
            problems.append(Problem(name, str(Where(sheet=ws.title, cell=ref)), "", f"这个单元格是公式（={formula}），"
                                    "但文件里没有它的计算结果。请在 Excel 中打开后保存一次，或直接填写数值。"))
        if values:
            out.parts.append(_table(ws.title, values, merges, budget, name))
            for row in out.parts[-1].rows:
                count(" ".join(cell.text for cell in row), line=False)
    if problems:
        raise DataError(at_most(problems, name))
    out.hidden = at_most(list(unseen.values()), name)
    if out.hidden and not include_hidden:
        raise DataError(out.hidden)
    return out


def _values(ws, state: str, hidden_rows: set, hidden_columns: set, unseen: dict, name: str, included: bool) -> dict:
    """The text shown in each cell that has any, by 1-based (row, column); what staff cannot see goes to `unseen`."""
    ws.reset_dimensions()  # limits.py counted every row; the declared size can be wrong either way
    values = {}
    for r, row in enumerate(ws.iter_rows(), start=1):
        for c, cell in enumerate(row, start=1):
            if cell.value is None or not (text := _shown(cell.value, cell.number_format)):
                continue
            values[(r, c)] = text
            key, why = why_unseen(ws.title, state, hidden_rows, hidden_columns, r, c, cell)
            if key and key not in unseen:
                where = str(Where(sheet=ws.title, cell=f"{get_column_letter(c)}{r}"))
                unseen[key] = hidden_content(name, where, why, text, "Excel", included)
    return values


def _table(title: str, values: dict, merges: list, budget: dict, name: str):
    """The sheet from A1 to its last row and column with content; a range merged from a cell with
    content counts, cut where the content ends otherwise."""
    kept = [m for m in merges if (m[0], m[1]) in values]
    height = max([r for r, _ in values] + [m[2] for m in kept])
    width = max([c for _, c in values] + [m[3] for m in kept])
    if height * width > budget["left"]:
        raise refuse(name, f"工作表“{title}”的内容范围是 A1:{get_column_letter(width)}{height}，使全部工作表超过了 {MAX_GRID:,} 个单元格的上限。"
                           "请删除多余的行列（选中后“删除”，不只是清除内容）后再导入。")
    budget["left"] -= height * width
    inside = [(r1, c1, min(r2, height), min(c2, width)) for r1, c1, r2, c2 in merges if r1 <= height and c1 <= width]
    if sum((r2 - r1 + 1) * (c2 - c1 + 1) for r1, c1, r2, c2 in inside) > height * width:  # Excel never overlaps them
        raise refuse(name, f"工作表“{title}”的合并单元格互相重叠，文件已损坏。{FIX}")
    covered = {(r, c) for r1, c1, r2, c2 in inside for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    spans = {(r - 1, c - 1): [text, 1, 1] for (r, c), text in values.items() if (r, c) not in covered}
    for r1, c1, r2, c2 in inside:  # a value under a merged range is not shown by Excel, and not read
        spans[(r1 - 1, c1 - 1)] = [values.get((r1, c1), ""), r2 - r1 + 1, c2 - c1 + 1]
    where = lambda i, j: Where(sheet=title, cell=f"{get_column_letter(j + 1)}{i + 1}")  # noqa: E731
    return grid_table(spans, height, where, Where(sheet=title))


def _scan(stream) -> tuple[list[tuple[int, int, int, int]], set[int], list[tuple[str, str]]]:
    """What openpyxl's read-only mode does not give, from one pass over a sheet's XML: merged
    ranges (top-left and bottom-right row, column; 1-based), hidden columns, and formulas whose
    result the file does not hold (saved by a program that does not compute) as (cell, formula)."""
    merges, hidden, uncomputed = [], set(), []
    cell = {"ref": "", "type": None, "in": None, "formula": None, "value": ""}

    def start(tag: str, attrs: dict) -> None:
        tag = tag.rsplit(" ", 1)[-1]
        if tag == "c":
            cell.update(ref=attrs.get("r", ""), type=attrs.get("t"), formula=None, value="")
        elif tag in ("f", "v"):
            cell["in"] = tag
            if tag == "f" and cell["formula"] is None:
                cell["formula"] = ""
        elif tag == "mergeCell" and (bounds := _bounds(attrs.get("ref", ""))):
            merges.append(bounds)
        elif tag == "col" and (attrs.get("hidden") in ("1", "true") or _float(attrs.get("width")) == 0):
            first, last = int(_float(attrs.get("min")) or 1), int(_float(attrs.get("max")) or 1)
            hidden.update(range(max(first, 1), min(last, limits.MAX_COLUMNS) + 1))

    def text(data: str) -> None:
        if cell["in"] == "f" and len(cell["formula"]) < 60:
            cell["formula"] += data
        elif cell["in"] == "v":
            cell["value"] += data.strip()[:1]  # whether there is one is all that matters

    def end(tag: str) -> None:
        cell["in"] = None
        # A formula whose result is empty text is saved as t="str" with an empty <v>: it was computed.
        if tag.endswith(" c") and cell["formula"] is not None and not cell["value"] and cell["type"] != "str":
            uncomputed.append((cell["ref"], cell["formula"]))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.CharacterDataHandler, parser.EndElementHandler = start, text, end
    while chunk := stream.read(limits.CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return merges, hidden, uncomputed


def _bounds(ref: str) -> tuple[int, int, int, int] | None:
    try:
        c1, r1, c2, r2 = range_boundaries(ref)
    except (ValueError, TypeError):  # a damaged range merges nothing
        return None
    return (r1, c1, r2, c2) if None not in (r1, c1, r2, c2) and r1 <= r2 and c1 <= c2 else None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


# ---- values as Excel shows them -------------------------------------------------------------

def _shown(value, number_format: str | None) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):  # a date, or a date with its time when the cell has one
        if value.time() == dt.time():
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if not isinstance(value, (int, float)):
        return str(value)
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].', "", (number_format or "General").split(";")[0])  # text, colours, padding
    percent = "%" in section
    if percent:
        value = value * 100
    digits = re.search(r"[0#?](?:[0#?,]*)(?:\.([0#?]*))?", section)
    if not digits or "E" in section.upper() or "/" in section:  # General, text, scientific, fractions: all digits
        text = f"{value:.15g}"
        text = f"{value:.15f}".rstrip("0").rstrip(".") if "e" in text else text
    else:
        places = digits.group(1) or ""
        text = f"{value:.{len(places)}f}"
        optional = len(places) - len(places.rstrip("#?"))  # 0.0# shows 1 or 2 decimals
        for _ in range(optional):
            if text.endswith("0") and "." in text:
                text = text[:-1]
        text = text.rstrip(".")
    if re.fullmatch(r"-0(\.0*)?", text):
        text = text[1:]
    return text + ("%" if percent else "")
