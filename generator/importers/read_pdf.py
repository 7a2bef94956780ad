"""Read a PDF that has a text layer into the common structure: on each page, the ruled tables
pdfplumber finds as Tables (a merged cell spans the grid positions its ruling encloses) and the
text around them as one Block per printed line, in the order they stand on the page.

Refused with a message naming the file: more than limits.MAX_FILE_BYTES or MAX_PAGES pages,
encrypted, damaged, text that cannot be decoded, and scans (pages that are pictures of text:
they need OCR or the original Word file).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from dataclasses import replace
from pathlib import Path

from . import limits
from .limits import read_bounded, refuse
from .read_text import FORM_HEADERS, header_key, merge_levels, normalise
from .structure import Block, Cell, Document, Table, Where
from ..problems import DataError, display_path

MAX_PAGES = 300  # a department's report with its forms has 10 to 60 pages
PAGE_MARK = 12  # a line this short between two pages' tables is a page number or a running head
SCAN_SHARE = 0.5  # a page without text under a picture this share of its area is a scanned page
FUND_HEADERS = {"年初预算数", "全年预算数", "调整后预算数", "全年执行数", "预算执行数", "执行率", "预算执行率"}
TEXT_TABLES = {"vertical_strategy": "text", "horizontal_strategy": "text"}
# Unruled tables are looked for on a page of at most this many characters (a form's page has a few
# hundred, a page of a report two or three thousand): on a page of thousands of words in columns the
# search grows with the square of their crossings (seconds a page), so such a page is read as lines.
TEXT_TABLE_CHARS = 6000
WORD_FILE = "请导入原始的 Word 文件（.docx）"
logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of a working PDF are not staff's business


def read(path: Path, include_hidden: bool = False) -> Document:
    """The document at path; DataError if it cannot be read safely. Text a PDF reader does not
    show is not looked for: include_hidden changes nothing."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage

    name = display_path(path)
    data = read_bounded(path, name, limits.MAX_FILE_BYTES, f"请压缩 PDF 中的图片，或{WORD_FILE[1:]}。")
    if b"%PDF-" not in data[:1024]:
        seen = "空的（0 字节）" if not data else next((w for m, w in limits.MAGIC if data.startswith(m)), "其他格式的文件改了扩展名")
        raise refuse(name, f"文件不是有效的 PDF：它是{seen}。请重新获取这个文件，或{WORD_FILE[1:]}。")
    encrypted = f"PDF 设置了密码或加密保护，无法读取其中的文字。请导入没有加密的 PDF，或{WORD_FILE[1:]}。"
    try:
        pdf = pdfplumber.open(io.BytesIO(data), pages=range(1, MAX_PAGES + 1))
    except Exception as e:  # pdfminer raises many kinds for a damaged file; a password is one of them
        if isinstance(e, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect) for a in e.args):
            raise refuse(name, encrypted) from None
        raise _damaged(name, e) from None
    with pdf:
        # Opened without a password: at most an owner password restricts printing or copying, as
        # government sites often set it. Its text is the public's to read, and is read.
        try:
            count = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))
            if count > MAX_PAGES:
                raise refuse(name, f"PDF 超过 {MAX_PAGES} 页，不像一份自评报告。请只保留报告正文和自评表后再导入。")
            return _document(pdf, name)
        except DataError:
            raise
        except Exception as e:
            raise _damaged(name, e) from None


def _damaged(name: str, e: Exception) -> DataError:
    return refuse(name, f"文件不是有效的 PDF：文件已损坏或不完整。请重新获取这个文件，或{WORD_FILE[1:]}。")  # (no library's class name)


def _document(pdf, name: str) -> Document:
    parts: list[Block | Table] = []
    scanned: list[int] = []
    chars = undecoded = lines = images = 0
    for number, page in enumerate(pdf.pages, start=1):
        text = [c for c in page.chars if c["text"].strip()]
        chars += sum(len(c["text"]) for c in text)
        undecoded += sum(c["text"].startswith("(cid:") for c in text)
        images += len(page.images)
        if not text and any(_area(i) >= SCAN_SHARE * page.width * page.height for i in page.images):
            scanned.append(number)
        if chars <= limits.MAX_TEXT_CHARS:  # over it, refused before the page's tables are looked for
            page_parts = _page(page, number, sum(isinstance(p, Table) for p in parts))
            lines += len(page_parts)
            parts += page_parts
        page.close()  # what pdfplumber keeps of a page: 300 pages of it would hold every character in memory
        if chars > limits.MAX_TEXT_CHARS or lines > limits.MAX_LINES:
            raise refuse(name, f"文档超过 {limits.MAX_TEXT_CHARS:,} 字或 {limits.MAX_LINES:,} 行的上限，不像一份自评报告。"
                               "请只保留报告正文后再导入。")
    ocr = f"需要先用文字识别（OCR）软件转换成文字，或{WORD_FILE[1:]}。"
    if not chars:
        what = "PDF 里只有扫描的图片，没有文字层" if images else "PDF 里没有任何文字"
        raise refuse(name, f"{what}，无法读取其中的文字。{ocr}")
    if scanned:
        pages = "、".join(map(str, scanned[:10])) + ("等" if len(scanned) > 10 else "")
        raise refuse(name, f"PDF 的第 {pages} 页是扫描的图片，没有文字层，这些页上的内容无法读取（自评表常是这样的扫描件）。{ocr}")
    if undecoded > chars / 10:
        raise refuse(name, f"PDF 中的文字无法解码（字体缺少编码信息，提取出来是乱码）。{WORD_FILE}。")
    return Document(name, continued(parts))


def _area(image: dict) -> float:
    return max(image["x1"] - image["x0"], 0) * max(image["bottom"] - image["top"], 0)


def _page(page, number: int, before: int) -> list[Block | Table]:
    """A page's tables and the lines of text outside their cells, top to bottom."""
    tables = page.find_tables()
    if (top := _open_top(page, tables)) is not None:  # a table continued from the page before: its first row has no top rule
        tables = page.find_tables({"explicit_horizontal_lines": [top]})
    found = [_grid(t, True) for t in tables if len(t.cells) >= 2]  # one ruled box is a frame, not a table
    ruled = bool(found)
    if not ruled and len(page.chars) <= TEXT_TABLE_CHARS:
        found = [grid for t in page.find_tables(TEXT_TABLES) if (grid := _grid(t, False))]
    # Each table's box, then its cells: a character in no cell (a hole in the grid) stays text.
    boxes = [(_bbox(rows), [box for row in rows for box in row.cells if box]) for _, rows, _ in found]
    outside = page.filter(lambda o: o.get("object_type") != "char"
                          or not any(_inside(o, box) and any(_inside(o, b) for b in cells) for box, cells in boxes))
    items = [(line["top"], line["x0"], line["text"]) for line in outside.extract_text_lines(return_chars=False)]
    items += [(grid[1][0].bbox[1], grid[1][0].bbox[0], grid) for grid in found]
    out: list[Block | Table] = []
    for _, _, item in sorted(items, key=lambda i: (i[0], i[1])):
        if isinstance(item, str):
            out.append(Block(normalise(item.translate(DASHES)), Where(page=number, line=sum(isinstance(p, Block) for p in out) + 1)))
        else:
            table = _table(*item, number, before + sum(isinstance(p, Table) for p in out) + 1)
            out.append(table if ruled else merge_levels(table))  # no ruling to show merged cells: as in text
    return out


def _open_top(page, tables) -> float | None:
    """Where the top rule of a page's first table would be, when its column rules go on above it:
    the row that continues a table from the page before is drawn without one, and would be lost."""
    if not tables:
        return None
    x0, top, x1, _ = min((t.bbox for t in tables), key=lambda box: box[1])
    above = [e for e in page.edges if e["orientation"] == "v" and x0 - 1 <= e["x0"] <= x1 + 1
             and e["top"] < top - 2 and abs(e["bottom"] - top) < 2]
    return min(e["top"] for e in above) if len(above) >= 2 else None


def continued(parts: list[Block | Table]) -> list[Block | Table]:
    """A table that goes on over a page break as one table: the first table of a page joins the last
    one of the page before when only short lines (a page number, a running head) stand between them
    and its rows have as many cells."""
    out: list[Block | Table] = []
    for part in parts:
        if isinstance(part, Table) and part.rows:
            previous = next((p for p in reversed(out) if isinstance(p, Table)), None)
            between = out[out.index(previous) + 1:] if previous else []
            joined, columns = _aligned(previous, part) if previous else (previous, None)
            if (columns and part.where.page == previous.rows[-1][0].where.page + 1
                    and all(len(b.text) <= PAGE_MARK for b in between) and not _headed(part)):
                out[out.index(previous)] = Table(joined.rows + _placed(part, columns, joined), joined.where, joined.lefts)
                continue
        out.append(part)
    return out


def _aligned(previous: Table, part: Table) -> tuple[Table, list[int] | None]:
    """(previous, the column of it each column of part stands under), or None for the columns when
    they do not line up. A cell merged down the left of every row (绩效指标), whose text stayed on the
    page before outside the header's table, gives part columns left of that table's first: the
    header's table is widened by as many empty columns at its left."""
    if columns := _columns_in(previous, part):
        return previous, columns
    if not previous.lefts or not part.lefts:
        return previous, None
    k = sum(1 for x in part.lefts[:len(part.rows[0])] if x < previous.lefts[0] - 2)
    if k == 0 or any(c.rowspan > 1 for row in previous.rows for c in row):
        return previous, None
    width = len(previous.rows[0])
    rows = [[Cell("", replace(row[0].where, column=c + 1)) for c in range(k)]
            + [replace(c, where=replace(c.where, column=c.where.column + k) if c.where.column else c.where,
                       merged_into=c.merged_into and (c.merged_into[0], c.merged_into[1] + k)) for c in row]
            for row in previous.rows]
    wider = Table(rows, previous.where, tuple(part.lefts[:k]) + previous.lefts[:width])
    return (wider, columns) if (columns := _columns_in(wider, part)) else (previous, None)


def _columns_in(previous: Table, part: Table) -> list[int] | None:
    """For each column of part, the column of previous that starts where it starts (within a
    point or two), or None if any of them has none: then it is not the same table."""
    if not previous.rows or not previous.lefts or not part.lefts:
        return None
    out = []
    for x in part.lefts[:len(part.rows[0])]:
        near = [c for c, left in enumerate(previous.lefts) if abs(left - x) <= 2]
        if not near or near[0] >= len(previous.rows[0]) or (out and near[0] <= out[-1]):
            return None
        out.append(near[0])
    return out if len(out) == len(part.rows[0]) else None


def _placed(part: Table, columns: list[int], previous: Table) -> list[list[Cell]]:
    """part's rows in previous's columns, below its rows: a merged cell points to its new place."""
    offset, width = len(previous.rows), len(previous.rows[0])
    rows = []
    for r, row in enumerate(part.rows):
        cells = [Cell("", replace(row[0].where, column=c + 1)) for c in range(width)]
        for c, cell in enumerate(row):
            into = cell.merged_into and (cell.merged_into[0] + offset, columns[cell.merged_into[1]])
            cells[columns[c]] = replace(cell, merged_into=into)
        rows.append(cells)
    return rows


def _headed(table: Table) -> bool:
    """Whether a table's first row names the form's columns (it is a table of its own)."""
    return sum(header_key(c.text) in FORM_HEADERS | FUND_HEADERS for c in table.rows[0]) >= 2


def _grid(table, ruled: bool):
    """(texts, rows, left edges) of a table. Found from aligned words alone, it is kept only when
    it is plainly a table: from a row naming three of the official form's columns on, three rows
    or more of three columns or more, mostly filled (its empty rows are gaps between lines)."""
    texts, rows = table.extract(), table.rows
    lefts = sorted({cell[0] for cell in table.cells})
    if ruled:
        return texts, rows, lefts
    keep = [r for r, row in enumerate(texts) if any(c and c.strip() for c in row)]
    named = [r for r in keep if sum(header_key(normalise(c or "")) in FORM_HEADERS | FUND_HEADERS for c in texts[r]) >= 3]
    keep = [r for r in keep if named and r >= named[0]]
    cells = [c for r in keep for c in texts[r]]
    if len(keep) < 3 or len(texts[0]) < 3 or sum(bool(c and c.strip()) for c in cells) < 0.6 * len(cells):
        return None
    return [texts[r] for r in keep], [rows[r] for r in keep], lefts


def _bbox(rows: list) -> tuple:
    x0, top, x1, bottom = zip(*(row.bbox for row in rows))
    return min(x0), min(top), max(x1), max(bottom)


def _inside(obj: dict, box: tuple) -> bool:
    """As pdfplumber assigns a character to a cell: by its middle."""
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


# A line break a narrow cell made next to a Chinese character or mark (产出指 / 标, 2021年12月 / 31日):
# not a space. Between two Latin words or numbers it is one.
WRAP = re.compile(r"\s*\n\s*(?=[\u2014\u2e3a\u2e3b\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
                  r"|(?<=[\u2014\u2e3a\u2e3b\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*\n\s*")
# A font's one glyph for a Chinese dash of two or three em dashes: the text writes ——.
DASHES = str.maketrans({"\u2e3a": "——", "\u2e3b": "———"})


def wrapped(text: str) -> str:
    """A cell's text with the lines its width made joined again."""
    return WRAP.sub("", text).replace("\n", " ").translate(DASHES)


def _table(texts: list, rows: list, lefts: list, page: int, k: int) -> Table:
    """A Table of pdfplumber's grid. A cell spans the rows whose tops and the columns whose left
    edges lie within its ruling; the positions it covers point to it."""
    tops = [row.bbox[1] for row in rows]
    tolerance = 1.0  # points: edges pdfplumber snapped together differ by less
    spans, covered = {}, {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            down = sum(1 for t in tops if box[1] - tolerance <= t < box[3] - tolerance)
            across = sum(1 for x in lefts if box[0] - tolerance <= x < box[2] - tolerance)
            spans[r, c] = (max(down, 1), max(across, 1))
            for rr, cc in itertools.product(range(r, r + down), range(c, c + across)):
                if (rr, cc) != (r, c):
                    covered[rr, cc] = (r, c)
    grid = []
    for r, row in enumerate(texts):
        cells = []
        for c, text in enumerate(row):
            where = Where(page=page, table=k, row=r + 1, column=c + 1)
            if text is None:
                cells.append(Cell("", where, merged_into=covered.get((r, c))))
            else:
                cells.append(Cell(normalise(wrapped(text)), where, *spans.get((r, c), (1, 1))))
        grid.append(cells)
    return Table(grid, Where(page=page, table=k), tuple(lefts))
