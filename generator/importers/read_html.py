"""A page saved from a government portal (.html, .htm) as the common structure.

The site around the report is left out: scripts, styles, navigation, headers, footers, sidebars,
share buttons, forms, and elements whose class or id names them (portals put their menus and
breadcrumbs there, and the old importer took the menu's text for the report's title). Headings,
paragraphs, list items and loose text become Blocks; data tables become Tables with colspan and
rowspan kept as merged ranges. A table that holds another table, or a single cell, or headings,
lays out the page: its cells are read as the page's flow, not as a table.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.html
from lxml import etree

from . import limits
from .limits import hidden_content, read_bounded, refuse
from .read_docx import MAX_GRID, grid_table, text_limit, too_many_cells
from .structure import Block, Document, Where
from ..problems import at_most, display_path

SITE_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "iframe", "button", "select",
             "svg", "object", "embed", "head", "title", "meta", "link"}
SITE_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"}
SITE_WORDS = ("menu", "breadcrumb", "crumb", "footer", "header", "sidebar", "share", "toolbar")  # anywhere in a name
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "main", "blockquote", "pre", "center", "address", "figure", "figcaption", "caption", "br", "hr", "form",
              "fieldset", "body", "tr", "td", "th", "thead", "tbody", "tfoot"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BREAK = None  # in the flow of text: a block ends here
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
FIX = "请在浏览器中打开这个网页，另存为“网页，仅 HTML”后再导入。"


def read(path: Path, include_hidden: bool = False) -> Document:
    name = display_path(path)
    raw = read_bounded(path, name, limits.MAX_FILE_BYTES, "请只保存报告所在的网页（不含图片）后再导入。")
    text = _decode(raw, name)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:  # re-encoded as UTF-8 and said so: the page's own <meta charset> may be wrong
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError):  # (lxml's own words, such as Document is empty, are English)
        raise refuse(name, f"无法读取这个网页：里面没有网页内容，或网页已损坏。{FIX}") from None
    if limit := next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None):
        # libxml2 stops reading past 256 nested elements: the rest of the page would silently be lost
        raise refuse(name, f"网页第 {limit.line} 行起元素嵌套过深，无法完整读取。{FIX}")
    out = Document(name)
    _strip(root, out, include_hidden)
    body = root.find("body")
    _flow(_events(body if body is not None else root), out, text_limit(name), {"left": MAX_GRID, "tables": 0})
    out.hidden = at_most(out.hidden, name)
    return out


IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _gb18030(raw: bytes) -> str | None:
    """The page read as GB18030, if its bytes are that and hold Chinese."""
    try:
        text = raw.decode("gb18030")
    except UnicodeError:
        return None
    return text if IDEOGRAPH.search(text) else None


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 first (GBK text is almost never valid UTF-8), then the charset the page declares, then GB18030."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        declared = re.search(rb"""<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", raw[:4096], re.I)
        candidates = ["utf-8-sig", declared.group(1).decode("ascii").lower() if declared else "", "gb18030"]
    for encoding in candidates:
        encoding = "gb18030" if encoding in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936") else encoding
        try:
            text = raw.decode(encoding)
        except (LookupError, UnicodeError):  # (charset="undefined" names a codec that raises UnicodeError)
            continue
        if not IDEOGRAPH.search(text) and encoding != "gb18030" and (chinese := _gb18030(raw)) is not None:
            return chinese  # GBK bytes under a Western charset (iso-8859-1 decodes any bytes): mojibake, not the page
        return text
    raise refuse(name, f"无法识别网页的编码：它不是 UTF-8 或 GBK 编码的网页（可能是其他文件改了扩展名）。{FIX}")


def _strip(root, out: Document, included: bool) -> None:
    """Remove the site around the report, and what the browser does not show unless included (then
    kept and reported: the site would publish what staff never saw on the page)."""
    drop = []
    for element in root.iter(etree.Element):
        if _site(element):
            drop.append(element)
        elif element.get("hidden") is not None or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden",
                                                             element.get("style") or "", re.I):
            if not included:
                drop.append(element)
            elif (text := " ".join(element.text_content().split())):
                out.hidden.append(hidden_content(out.name, str(Where(line=element.sourceline)), "网页中有隐藏的内容",
                                                 text, "浏览器", True))
    for element in drop:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text after it


def _site(element) -> bool:
    """Whether an element is the portal's, not the report's."""
    tag = element.tag
    if tag in ("header", "footer") and any(a.tag in ("article", "main") for a in element.iterancestors()):
        return False  # an article's own header holds its title
    if tag in SITE_TAGS or element.get("role") in SITE_ROLES:
        return True
    if tag == "form":  # a search box is a form; so is a whole ASP.NET page, which holds the report
        return element.find(".//p") is None and element.find(".//table") is None
    for value in (element.get("class"), element.get("id")):
        for token in re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", value or "").lower()):
            if token.startswith("nav") or token.endswith("nav") or any(word in token for word in SITE_WORDS):
                return True
    return False


def _events(element):
    """The flow of an element's content: (text, line) pieces, BREAK where a block ends, and data
    table elements, in reading order."""
    if element.text:
        yield element.text, element.sourceline
    for child in element.iterchildren(etree.Element):
        if child.tag == "table":
            yield BREAK
            if (caption := child.find("caption")) is not None:
                yield from _events(caption)
                yield BREAK
            if _layout(child):
                for cell in (c for tr in _rows(child) for c in _cells(tr)):
                    yield from _events(cell)
                    yield BREAK
            else:
                yield child
        elif child.tag in BLOCK_TAGS:
            yield BREAK
            yield from _events(child)
            yield BREAK
        else:
            yield from _events(child)
        if child.tail:
            yield child.tail, child.sourceline


def _flow(events, out: Document, count, budget: dict) -> None:
    """Blocks of the text between breaks, each at the line its text begins on; and the tables."""
    pieces, line = [], None
    for event in [*events, BREAK]:
        if isinstance(event, tuple):
            if line is None and event[0].strip():
                line = event[1]
            pieces.append(event[0])
            continue
        if text := clean("".join(pieces)):
            count(text)
            out.parts.append(Block(text, Where(line=line)))
        pieces, line = [], None
        if event is not BREAK:
            out.parts.append(_table(event, out.name, count, budget))


def _text(events) -> str:
    """A table cell's text: its blocks (paragraphs, lines after <br>) joined by newlines."""
    lines, pieces = [], []
    for event in [*events, BREAK]:
        if isinstance(event, tuple):
            pieces.append(event[0])
        else:
            lines.append(clean("".join(pieces)))
            pieces = []
    return "\n".join(line for line in lines if line)


def clean(text: str) -> str:
    """Text as a browser shows it: runs of white space as one space, none between Chinese characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(f"(?<=[{CJK}]) (?=[{CJK}])", "", text)


def _layout(table) -> bool:
    return (table.find(".//table") is not None or any(table.find(f".//{h}") is not None for h in HEADINGS)
            or sum(1 for tr in _rows(table) for _ in _cells(tr)) <= 1)


def _rows(table):
    for child in table.iterchildren(etree.Element):
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child.iterchildren("tr"))


def _cells(tr):
    return (c for c in tr.iterchildren("td", "th"))


def _table(table, name: str, count, budget: dict):
    """The HTML table model: each cell at the first column no rowspan from above occupies, as wide
    as its colspan (cut where an occupied column begins) and as tall as its rowspan (0: to the end)."""
    budget["tables"] += 1
    k = budget["tables"]
    rows = list(_rows(table))
    spans, busy, width = {}, {}, 0  # busy: column -> the first row a rowspan from above no longer covers
    for r, tr in enumerate(rows):
        c = 0
        for td in _cells(tr):
            while busy.get(c, 0) > r:
                c += 1
            colspan = min(max(_span(td.get("colspan"), 1), 1), limits.MAX_COLUMNS)
            free = next((i for i in range(1, colspan) if busy.get(c + i, 0) > r), colspan)
            rowspan = min(_span(td.get("rowspan"), 1) or len(rows), len(rows) - r)  # 0: to the table's end
            if c + free > limits.MAX_COLUMNS:
                raise refuse(name, f"表 {k} 第 {r + 1} 行超过了 {limits.MAX_COLUMNS} 列的上限。{FIX}")
            spans[(r, c)] = [_text(_events(td)), rowspan, free]
            for j in range(c, c + free):
                busy[j] = r + rowspan
            c += free
            width = max(width, c)
        if (r + 1) * width > budget["left"]:
            raise too_many_cells(name, f"表 {k}")
    budget["left"] -= len(rows) * width
    grid = grid_table(spans, len(rows), lambda i, j: Where(table=k, row=i + 1, column=j + 1), Where(table=k))
    for row in grid.rows:
        count(" ".join(cell.text for cell in row))
    return grid


def _span(value: str | None, default: int) -> int:
    match = re.match(r"\s*(\d{1,6})", value or "")
    return int(match.group(1)) if match else default
