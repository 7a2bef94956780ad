"""A Word .docx as the common structure: body paragraphs and tables, in document order.

Tables keep their grid: w:gridSpan and w:vMerge become merged ranges, and cells that hold the
same text stay separate cells (the old reader dropped a cell equal to its left neighbour, so a
score of 10 beside a weight of 10 vanished and the columns after it shifted). A nested table's
text is flattened into its cell. Text Word does not show is refused unless include_hidden.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from . import limits, word_looks
from .limits import hidden_content, open_package, refuse, unreadable
from .structure import Block, Cell, Document, Table, Where
from ..problems import DataError, at_most, display_path

W = word_looks.W  # the WordprocessingML namespace
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_GRID = 4 * limits.MAX_CELLS  # grid positions in all tables of a document: spans cost what they cover


def read(path: Path, include_hidden: bool = False) -> Document:
    import docx

    name = display_path(path)
    package = open_package(path, name, "docx")
    out = Document(name)
    try:
        document = docx.Document(io.BytesIO(package))
        body = document.element.body
        for fallback in list(body.iter(FALLBACK)):  # the copy of a text box for old Word: read once
            fallback.getparent().remove(fallback)
        looks = word_looks.looks(document)
        looks["included"] = include_hidden  # a problem is an error, or a warning that the text is imported
        _read_body(body, looks, out, text_limit(name), {"left": MAX_GRID})
    except DataError:
        raise
    except Exception as e:  # python-docx raises many kinds for a package that is not a Word document
        raise refuse(name, f"文件不是有效的 Word 文档（.docx）：{unreadable(e)}。请在 Word 中另存为 .docx 后再导入。") from None
    out.hidden = at_most(out.hidden, name)
    if out.hidden and not include_hidden:
        raise DataError(out.hidden)
    return out


def _read_body(body, looks: dict, out: Document, count, budget: dict) -> None:
    paragraph = table = 0
    for element in _children(body):
        if element.tag == W + "p":
            paragraph += 1
            text, unseen = _paragraph(element, looks)
            where = Where(paragraph=paragraph)
            if unseen:
                out.hidden.append(_hidden_problem(out.name, where, f"段落“{_beginning(text)}”", unseen, looks["included"]))
            if text.strip():
                count(text)
                out.parts.append(Block(text.strip(), where))
        elif element.tag == W + "tbl":
            table += 1
            out.parts.append(_table(element, table, looks, out, count, budget))


def _children(element):
    """Child elements, looking through content controls and custom XML, which Word shows as their content."""
    for child in element.iterchildren(tag=etree.Element):
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            yield from _children(content) if content is not None else ()
        elif child.tag == W + "customXml":
            yield from _children(child)
        else:
            yield child


def _paragraph(p, looks: dict) -> tuple[str, list[tuple[str, str]]]:
    """A paragraph's text (w:t, and the text of text boxes and equations) and the runs Word does not show."""
    pieces, unseen = [], []
    for t in p.iter("{*}t"):
        if "}" in t.tag and t.text:
            pieces.append(t.text)
            if t.text.strip() and t.getparent().tag == W + "r" and (why := word_looks.invisible(t.getparent(), looks)):
                unseen.append((why, t.text))
    return "".join(pieces), unseen


def _cell(tc, looks: dict) -> tuple[str, list]:
    """A cell's paragraphs joined by newlines; a nested table's rows as lines of cells joined by ' | '."""
    lines, unseen = [], []
    for child in _children(tc):
        if child.tag == W + "p":
            text, more = _paragraph(child, looks)
            lines.append(text.strip())
            unseen += more
        elif child.tag == W + "tbl":
            for tr in (r for r in _children(child) if r.tag == W + "tr"):
                texts = []
                for inner in (c for c in _children(tr) if c.tag == W + "tc"):
                    text, more = _cell(inner, looks)
                    texts.append(text.replace("\n", " "))
                    unseen += more
                lines.append(" | ".join(texts))
    return "\n".join(line for line in lines if line), unseen


def _table(tbl, k: int, looks: dict, out: Document, count, budget: dict) -> Table:
    """The grid of a table: each w:tc at its grid column (after w:gridBefore), w:gridSpan wide; a
    w:vMerge continuation makes the range above one row taller instead of becoming a cell."""
    spans: dict[tuple[int, int], list] = {}  # top-left (row, column) -> [text, rowspan, colspan]
    above: dict[int, tuple[int, int]] = {}  # the previous row's ranges by their first column
    rows = [r for r in _children(tbl) if r.tag == W + "tr"]
    width = 0
    for r, tr in enumerate(rows):
        column = max(word_looks.number(tr.find(f"{W}trPr/{W}gridBefore"), 0), 0)
        here = {}
        for tc in (c for c in _children(tr) if c.tag == W + "tc"):
            span = max(word_looks.number(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 1)
            if column + span > limits.MAX_COLUMNS:
                raise refuse(out.name, f"表 {k} 第 {r + 1} 行超过了 {limits.MAX_COLUMNS} 列的上限，文件可能已损坏。{limits.KINDS['docx'][1]}")
            text, unseen = _cell(tc, looks)
            if unseen:
                where = Where(table=k, row=r + 1, column=column + 1)
                out.hidden.append(_hidden_problem(out.name, where, f"表格单元格“{_beginning(text)}”", unseen, looks["included"]))
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            origin = above.get(column)
            if (merge is not None and merge.get(W + "val") in (None, "continue") and origin is not None
                    and spans[origin][2] == span):
                spans[origin][1] += 1
                if text:  # a continuation is empty as Word writes it; any text in it is kept, not dropped
                    spans[origin][0] = f"{spans[origin][0]}\n{text}".strip()
                here[column] = origin
            else:
                spans[(r, column)] = [text, 1, span]
                here[column] = (r, column)
            column += span
        above, width = here, max(width, column)
        if (r + 1) * width > budget["left"]:  # checked row by row: a huge span is refused before its grid is made
            raise too_many_cells(out.name, f"表 {k}")
    budget["left"] -= len(rows) * width
    table = grid_table(spans, len(rows), lambda i, j: Where(table=k, row=i + 1, column=j + 1), Where(table=k))
    for row in table.rows:
        count(" ".join(cell.text for cell in row))
    return table


# ---- shared with the other readers ---------------------------------------------------------

def grid_table(spans: dict[tuple[int, int], list], height: int, where, table_where: Where) -> Table:
    """A rectangular Table from each range's top-left [text, rowspan, colspan] by 0-based (row, column);
    where(row, column) locates a position. Positions nothing covers become empty cells; where ranges
    overlap (a damaged workbook), every top-left keeps its text and the position covered twice points to one."""
    width = max((c + s[2] for (r, c), s in spans.items()), default=0)
    rows: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for (r, c), (text, rowspan, colspan) in spans.items():
        rows[r][c] = Cell(text, where(r, c), rowspan, colspan)
    for (r, c), (text, rowspan, colspan) in spans.items():
        for i in range(r, min(r + rowspan, height)):
            for j in range(c, c + colspan):
                if rows[i][j] is None:
                    rows[i][j] = Cell("", where(i, j), merged_into=(r, c))
    return Table([[cell or Cell("", where(i, j)) for j, cell in enumerate(row)] for i, row in enumerate(rows)], table_where)


def too_many_cells(name: str, what: str) -> DataError:
    return refuse(name, f"{what}使全部表格超过了 {MAX_GRID:,} 个单元格的上限（可能是合并单元格的范围有误）。请删除多余的行列后再导入。")


def text_limit(name: str):
    """A function counting each line of text against the limits document.py sets, raising past them."""
    seen = {"chars": 0, "lines": 0}

    def count(text: str, line: bool = True) -> None:
        seen["chars"] += len(text)
        seen["lines"] += line and bool(text.strip())
        if seen["chars"] > limits.MAX_TEXT_CHARS or seen["lines"] > limits.MAX_LINES:
            raise refuse(name, f"文档超过 {limits.MAX_TEXT_CHARS:,} 字或 {limits.MAX_LINES:,} 行的上限，不像一份自评报告。"
                               "请只保留报告正文后再导入。")
    return count


# ---- text Word does not show: copied from document.py (its names are private) -----------------

def _beginning(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 20 else text[:20] + "……"


def _hidden_problem(name: str, where: Where, start: str, unseen: list[tuple[str, str]], included: bool):
    why = "、".join(dict.fromkeys(w for w, _ in unseen))
    return hidden_content(name, str(where), f"{start}中有看不见的文字（{why}）", "".join(t for _, t in unseen), "Word", included)
