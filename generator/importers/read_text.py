"""Read a .txt or .md document into the common structure: one Block per line, and the tables
that were flattened into text rebuilt as Table parts.

Three flattened shapes are rebuilt, each only where the evidence is plain; a line that does not
fit stays a Block, so nothing is guessed and nothing is lost:
- rows of cells separated by | (Markdown, or document.py's docx-to-text output);
- cells separated by two or more spaces or a tab, on consecutive lines with the same number of cells;
- one cell per line, after a header of the indicator table's column names, one name per line.
Every line lands in a Block or a cell; only Markdown separator rows (|---|) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from . import limits
from .forms import FULL_WIDTH
from .narrative_structure import H1, H2
from .limits import read_bounded, refuse
from .structure import Block, Cell, Document, Table, Where
from ..problems import display_path

# Full-width digits and punctuation inside a number, as document.py reads them: "１，２３４．５％".
NUMBER_RUN = re.compile(r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*[%％]?")
# Kangxi radicals that PDF fonts map ideographs to ("项⽬" for 项目), back to the ideographs.
RADICALS = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2E80, 0x2FE0)
            if unicodedata.normalize("NFKC", chr(c)) != chr(c)}
SPACED = re.compile(r"[\t \u3000]{2,}|\t")  # one pass over any run of blanks: linear on a 2 MB line
SEPARATOR = re.compile(r"^[\s|:\-]*-[\s|:\-]*$")  # |---|:---:|
# The indicator table's column names in the official forms (财政部 2020 and provincial variants).
NOTE_HEADERS = {"偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "未完成原因及拟采取的改进措施", "未完成原因分析及改进措施", "备注"}
NUMERIC_HEADERS = {"分值", "权重", "得分"}
FORM_HEADERS = NOTE_HEADERS | NUMERIC_HEADERS | {
    "一级指标", "二级指标", "三级指标", "指标名称", "指标性质", "指标方向", "年度指标值", "指标值", "年度目标值",
    "全年指标值", "实际完成值", "全年实际值", "实际值", "完成值", "度量单位", "计量单位"}
NUMERIC = re.compile(r"^\d{1,3}(?:\.\d+)?分?$|^[-/—－]$")  # a weight or a score: 20, 9.5, 10分, or a dash
LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本|效果|影响)指标$")
LEVEL2 = re.compile(r"^.{1,10}指标$")
MAX_CELL = 200  # a cell on its own line is short; a longer line is a paragraph and ends the table


def read(path: Path, include_hidden: bool = False) -> Document:
    """The document at path; DataError if it is too big or not UTF-8 or GBK text. A text file
    hides nothing, so include_hidden changes nothing."""
    name = display_path(path)
    lines = decode_lines(path, name)
    if sum(map(len, lines)) > limits.MAX_TEXT_CHARS or sum(1 for line in lines if line.strip()) > limits.MAX_LINES:
        raise refuse(name, f"文档超过 {limits.MAX_TEXT_CHARS:,} 字或 {limits.MAX_LINES:,} 行的上限，不像一份自评报告。"
                           "请只保留报告正文后再导入。")
    return Document(name, parts([normalise(line) for line in lines]))


def decode_lines(path: Path, name: str) -> list[str]:
    """A text file's lines: UTF-8 with or without BOM, else GB18030 (GBK); refused otherwise."""
    raw = read_bounded(path, name, limits.MAX_TEXT_BYTES, "请只保留报告正文后再导入。")
    text = None
    if b"\0" not in raw:  # NUL: UTF-16, or a binary file renamed .txt
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        raise refuse(name, "无法识别文件的编码：它不是 UTF-8 或 GBK 编码的纯文本（可能是 UTF-16 编码，或其他文件改了扩展名）。"
                           "请在记事本中打开它，“另存为”时选择 UTF-8 编码，再导入。")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def normalise(text: str) -> str:
    """Kangxi radicals as ideographs, full-width digits and punctuation inside numbers as ASCII."""
    return NUMBER_RUN.sub(lambda m: m.group().translate(FULL_WIDTH), text.translate(RADICALS))


def parts(lines: list[str]) -> list[Block | Table]:
    """Blocks and tables in the order of the lines. Each detector scans a run of lines once: a
    run that failed is not scanned again from its middle, so the whole is linear."""
    out: list[Block | Table] = []
    i = no_pipe = no_spaced = tables = 0
    while i < len(lines):
        found = None
        if i >= no_pipe and "|" in lines[i]:
            found, no_pipe = _pipe(lines, i)
        if not found and i >= no_spaced:
            found, no_spaced = _spaced(lines, i)
        found = found or _form(lines, i)
        if found:
            grid, i = found
            tables += 1
            out.append(merge_levels(_table(grid, tables)))
        else:
            if lines[i].strip():
                out.append(Block(lines[i].strip(), Where(line=i + 1)))
            i += 1
    return out


def _pipe(lines: list[str], i: int):
    """Consecutive lines with a |, at least two of them with two cells or more: ((grid, end), end).
    Bars before the first and after the last cell are borders when every row has them (Markdown);
    else a row's leading or trailing bar follows or precedes an empty cell (" | ".join of cells)."""
    end = i
    while end < len(lines) and "|" in lines[end]:
        end += 1
    texts = [(lines[n].strip(), n + 1) for n in range(i, end) if not SEPARATOR.match(lines[n])]
    lead = all(t.startswith("|") for t, _ in texts)
    trail = all(t.endswith("|") for t, _ in texts)
    rows = [[(c.strip(), n) for c in t[lead : len(t) - trail].split("|")] for t, n in texts]
    if sum(len(r) >= 2 for r in rows) < 2 or max(map(len, rows)) > limits.MAX_COLUMNS:
        return None, end  # (a run of separator rows alone has no row with two cells)
    return (rows, end), end


def _spaced(lines: list[str], i: int):
    """Consecutive lines split by runs of blanks into the same number of cells (two or more):
    three lines of two cells, or two lines of more."""
    count = _spaced_count(lines[i])
    end = i + 1
    while end < len(lines) and count >= 2 and _spaced_count(lines[end]) == count:
        end += 1
    if count < 2 or end - i < (3 if count == 2 else 2) or count > limits.MAX_COLUMNS:
        return None, end
    return ([[(c, n + 1) for c in SPACED.split(lines[n].strip())] for n in range(i, end)], end), end


def _spaced_count(line: str) -> int:
    s = line.strip()
    return len(SPACED.split(s)) if s and "|" not in s else 0


def header_key(cell: str) -> str:
    """A header cell as the forms name it: no blanks, no trailing (A) or (10分)."""
    return re.sub(r"[(（][^()（）]{0,8}[)）]$", "", re.sub(r"\s+", "", cell))


def _one_cell(line: str) -> str | None:
    """The cell a line holds when it holds one (with or without a bar after it), else None."""
    s = line.strip()
    if len(s) > MAX_CELL or s.count("|") > 1 or ("|" in s and not (s.startswith("|") or s.endswith("|"))):
        return None
    return s.strip("|").strip()


def _form(lines: list[str], i: int):
    """An indicator table one cell per line: a header of four or more column names (三级指标 among
    them), one per line, then rows of as many lines: (grid, end) or None. Where empty cells are
    written (a lone |, or a blank cell between the blank lines of a double-spaced file) a row has
    every cell; else a row may leave out the 一级/二级 cells it shares with the row above (merged)
    and an empty last note, and any other empty cell ends the table."""
    stride = 2 if i + 2 < len(lines) and lines[i + 1] == "" and header_key(_one_cell(lines[i + 2]) or "") in FORM_HEADERS else 1
    header, pos = [], i
    while (pos < len(lines) and len(header) < 20 and (cell := _one_cell(lines[pos])) and header_key(cell) in FORM_HEADERS
           and (stride == 1 or lines[pos + 1 : pos + 2] in ([""], []))):
        header.append((cell, pos + 1, None))
        pos += stride
    kinds = [header_key(c) for c, _, _ in header]
    if len(header) < 4 or "三级指标" not in kinds or len(set(kinds)) < len(kinds):
        return None
    explicit = stride == 2 or lines[i].strip().endswith("|")
    grid = [header]

    def at(p: int):  # the cell at line index p, or None where the table cannot go on (a blank line ends it)
        if p >= len(lines) or (stride == 2 and lines[p - 1] != "") or not lines[p].strip() and (stride == 1 or not lines[p]):
            return None
        cell = _one_cell(lines[p])
        return None if cell is None else (cell, p + 1)

    def row(pos: int, grid: list, look: bool):  # one row from line index pos: (cells, next pos), or None if it does not fit
        cells: list[tuple] = []
        above = len(grid) - 1  # the row a merged cell continues (0: the header, nothing to continue)
        for c, kind in enumerate(kinds):
            cell = at(pos)
            text = header_key(cell[0]) if cell else ""
            new_level1 = c > 0 and kinds[0] == "一级指标" and cells[0][2] is None
            if kind in ("一级指标", "二级指标"):
                if cell and (LEVEL1.match(text) if kind == "一级指标" else text and (new_level1 or LEVEL2.match(text))):
                    cells.append((*cell, None))
                    pos += stride
                    continue
                if above == 0 or cell is None or (kind == "二级指标" and new_level1):
                    return None
                pos += 0 if text else stride  # a merged cell written empty takes its line
                into = grid[above][c][2] or (above, c)
                cells.append(("", cell[1], (into[0], c)))
            elif kind in NOTE_HEADERS and c == len(kinds) - 1 and not explicit:
                # An empty note is left out of the text: the line is the note if a row follows it and
                # cannot itself begin a row; if it could be either, the table ends here.
                note = bool(look and cell and not _row_start(cell[0]) and not LEVEL2.match(text))
                take = note and row(pos + stride, grid + [cells], False)
                if take and row(pos, grid + [cells + [("", 0, None)]], False):
                    return cells + [("", cells[-1][1], None)], pos, True
                cells.append((cell[0], cell[1], None) if take else ("", cells[-1][1], None))
                pos += stride if take else 0
            else:
                if (cell is None or _row_start(cell[0]) or (kind != "三级指标" and "二级指标" in kinds and LEVEL2.match(text))
                        or (kind in NUMERIC_HEADERS and text and not NUMERIC.match(text))):
                    return None
                cells.append((*cell, None))
                pos += stride
        return cells, pos, False

    while found := row(pos, grid, True):
        grid.append(found[0])
        pos = found[1]
        if found[2]:
            break
    return (grid, pos - stride + 1) if len(grid) > 1 else None


def _row_start(text: str) -> bool:
    """A line that begins a row or a section, never the last cell of the row before."""
    key = header_key(text)
    return bool(LEVEL1.match(key) or H1.match(text) or H2.match(text))


def merge_levels(table: Table) -> Table:
    """Under a header naming 三级指标, an empty 一级指标 or 二级指标 cell of an indicator's row continues
    the cell above it: a form flattened into text, or printed without ruling, shows a merged cell
    once, in its first row (document.py read it so too)."""
    rows = [list(row) for row in table.rows]
    keys = [[header_key(c.text) for c in row] for row in rows]
    header = next((h for h, row in enumerate(keys) if "三级指标" in row), None)
    if header is None:
        return table
    name = keys[header].index("三级指标")
    levels = [keys[header].index(k) for k in ("一级指标", "二级指标") if k in keys[header]]
    for r in range(header + 2, len(rows)):
        for n, c in enumerate(levels):
            cell, above = rows[r][c], rows[r - 1][c]
            if (cell.text or cell.merged_into or not rows[r][name].text or not (above.text or above.merged_into)
                    or (n and rows[r][levels[0]].merged_into is None)):  # under a new 一级, its 二级 starts anew
                continue
            top = above.merged_into or (r - 1, c)
            rows[r][c] = replace(cell, merged_into=top)
            rows[top[0]][top[1]] = replace(rows[top[0]][top[1]], rowspan=r - top[0] + 1)
    return Table(rows, table.where)


def _table(grid: list[list[tuple]], k: int) -> Table:
    """A Table from rows of (text, line) or (text, line, merged_into), padded to a rectangle."""
    width = max(map(len, grid))
    rows = [[c if len(c) == 3 else (*c, None) for c in row] for row in grid]
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(rows):
        for c, (_, _, into) in enumerate(row):
            if into is not None:
                span = spans.setdefault(into, [1, 1])
                span[0], span[1] = max(span[0], r - into[0] + 1), max(span[1], c - into[1] + 1)
    cells = []
    for r, row in enumerate(rows):
        line = row[0][1]
        row = row + [("", line, None)] * (width - len(row))
        cells.append([Cell(t, Where(line=n, table=k, row=r + 1, column=c + 1), *spans.get((r, c), (1, 1)), merged_into=into)
                      for c, (t, n, into) in enumerate(row)])
    return Table(cells, Where(line=rows[0][0][1], table=k))
