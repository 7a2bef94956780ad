"""A document's lines as a report's narrative: lines a page break or a hard wrap cut joined into
paragraphs (never a cover's field or the page's chrome), a text layer run into one line cut at its
headings, and the paragraphs ordered under their headings (一、 （一） 1., or the highest numbering a
report uses) as sections and items, with the paragraphs before the first heading kept apart.
"""

from __future__ import annotations

import re

from . import recognise

H1 = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
H2 = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$")
H3 = re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.*)$")
SENTENCE_END = "。；！？：:”」）)"
# A cover page's or a page's field: 部门(单位)全称:…, 填报日期 2024年2月26日, 主管部门审核意见:, (公章)
COVER_FIELD = re.compile(r"^[^，。；,;]{1,16}[:：]|^(?:填报|报告|评价|发布|制表)日期|审核意见|[(（](?:公章|盖章)[)）]|财政局制$")
COVER_LENGTH = 80
INTRO_LENGTH = 15  # an opening paragraph is a sentence or more, not a label


# ---- paragraphs ---------------------------------------------------------------------------

def paragraphs(lines: list[str]) -> list[str]:
    """Join lines a page break or a hard wrap cut in the middle of a sentence; keep headings apart.

    The paragraph being joined is kept as pieces and joined once: adding line after line to one
    string copies it each time, quadratic in a document without sentence ends.
    """
    out: list[str] = []
    pieces: list[str] = []
    heading = punctuated = bar = False  # of the paragraph being joined, kept up to date as lines are added
    size = 0

    def add(line: str) -> None:
        nonlocal heading, punctuated, bar, size
        pieces.append(line)
        size += len(line)
        if len(pieces) == 1 or size <= HEAD:  # whether it is a heading shows in its first characters
            heading = _is_heading("".join(pieces))
        punctuated = punctuated or bool(re.search(r"[。；，,]", line))
        bar = bar or "|" in line

    for line in (l.strip() for l in lines):
        if not line:
            continue
        alone = heading and not punctuated  # a heading alone on its line, such as “（一）部门支出情况”
        if (pieces and not _is_heading(line) and not alone and "|" not in line and not bar
                and pieces[-1][-1] not in SENTENCE_END and out and not cover_line(line) and not cover_line(pieces[-1])):
            # Two numbers, each a line (cells one per line: 2.38 / 20), stay two: 2.3820 is neither.
            add(" " + line if re.match(r"[\d.%]", pieces[-1][-1]) and line[0].isdigit() else line)
            continue
        if pieces:
            out.append("".join(pieces))
        pieces.clear()
        heading = punctuated = bar = False
        size = 0
        add(line)
    if pieces:
        out.append("".join(pieces))
    return out


HEAD = 200  # characters enough to tell a heading (一、 （一） 1.) from a paragraph
RUN_ON = 300  # a line this long may be a whole report run together (a PDF's text layer)
# A heading's number inside a run-together line: after a blank, before text (" 二、部门…", " (三)年度…").
INLINE_HEADING = re.compile(r"(?<=\s)(?=(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}、)\s*[^\s\d])")

HEADING_WORDS = re.compile(r"^(\S{1,6}?[、）)]\s*[^\s，。；,;:：]{1,30}。?)\s+(\S.*)$")  # （一）部门职能 我局负责…


def run_on_pieces(lines: list[str]) -> tuple[list[str], list[int]]:
    """run_on_headings' pieces, and for each the index of the line it came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for n, line in enumerate(lines):
        cut = run_on_headings([line])
        pieces += cut or [line]
        origin += [n] * len(cut or [line])
    return pieces, origin


def run_on_headings(lines: list[str]) -> list[str]:
    """A long line holding two or more 一、 / （一） headings is cut before each heading, and after the
    heading's words where a blank follows them (where its line ended), so the headings of a text
    layer run into one line are found as headings."""
    out: list[str] = []
    for line in lines:
        line = _glued_in_order(_numbered_by_blanks(line)) if len(line) > RUN_ON else line
        if len(line) > RUN_ON and len(re.findall(r"(?<=\s)(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)])",
                                                 line)) >= 2:
            for piece in filter(None, (p.strip() for p in INLINE_HEADING.split(line))):
                heading = HEADING_WORDS.match(piece) if _is_heading(piece) else None
                out += [heading.group(1), heading.group(2)] if heading else [piece]
        else:
            out.append(line)
    return out


NUMERALS = "一二三四五六七八九十"
BLANK_NUMBER = re.compile(r"(?<=\s)([一二三四五六七八九十])\s+(?=[^\s\d，。；、,.])")


def _numbered_by_blanks(line: str) -> str:
    """一 绩效管理工作开展情况 … 二 部门整体…: a text layer that lost the 、 after each heading's number.
    Taken as headings only where the numbers run 一, 二, 三 … in order (two or more), and given their 、."""
    chosen = _in_order(BLANK_NUMBER.finditer(line))
    if len(chosen) < 2:
        return line
    for m in reversed(chosen):
        line = line[:m.start()] + m.group(1) + "、" + line[m.end():]
    return line


def _in_order(matches) -> list[re.Match]:
    """The matches whose numeral runs 一, 二, 三 … from 一, skipping the others."""
    chosen: list[re.Match] = []
    for m in matches:
        if NUMERALS.index(m.group(1)) == len(chosen):
            chosen.append(m)
    return chosen


# Not a list's number: 一、二、三产业, 一、二、三类幼儿园 (a numeral and 、 before or after it).
GLUED_NUMBER = re.compile(r"(?<=[^\s一二三四五六七八九十第])(?<![一二三四五六七八九十]、)([一二三四五六七八九十])、"
                          r"(?=[\u4e00-\u9fff])(?![一二三四五六七八九十]、)")


def _glued_in_order(line: str) -> str:
    """…报告一、基本情况(一)…二、项目资金使用…三、…: a .docx text layer run together with no blanks.
    Its 一、 二、 三、 are headings only where three or more run in order from 一; each then gets the
    blank a heading stands after (第一、 and an 一、 out of order are words)."""
    chosen = _in_order(GLUED_NUMBER.finditer(line))
    if len(chosen) < 3:
        return line
    for m in reversed(chosen):
        line = line[:m.start()] + " " + line[m.start():]
    return line


def intro_like(text: str) -> bool:
    return len(text) >= INTRO_LENGTH and bool(re.search(r"[。；]", text))


def cover_line(line: str) -> bool:
    """A line of a cover page or of the portal's page: a field, a date, a seal, navigation, or a
    title (the title is read by recognise.py): never joined to the text around it."""
    return len(line) <= COVER_LENGTH and bool(COVER_FIELD.search(line) or recognise.is_chrome(line)
                                              or recognise.TITLE_WORDS.search(line) and not re.search(r"[。；]", line))


def _is_heading(line: str) -> bool:
    return bool(H1.match(line) or H2.match(line) or (H3.match(line) and not re.match(r"^\d{4}", line)))


# ---- structure ---------------------------------------------------------------------------

def split_title(text: str) -> tuple[str | None, str | None]:
    """A numbered paragraph's headline sentence and the rest: “商务经济指标进入全省第一方阵。全市…”."""
    match = re.match(r"^([^。；，,]{1,30}[。；])(.*)$", text)
    if match and match.group(2).strip():
        return match.group(1), match.group(2).strip()
    if match:
        return match.group(1), None
    if not re.search(r"[。；，,]", text) and len(text) <= 30:
        return text, None  # a heading alone on its line
    return None, text


def structure(paras: list[str]) -> tuple[list[str], list[dict], list[str]]:
    """(title lines, sections, paragraphs before the first heading that are not the title)."""
    title: list[str] = []
    preamble: list[str] = []
    sections: list[dict] = []
    current: list[dict | None] = [None, None, None]  # the open section, level-2 item, level-3 item
    more: dict[int, tuple[dict, list[str]]] = {}  # paragraphs under each heading, joined once at the end
    # A report numbered from （一） or 1. has no 一、: its highest numbering opens the sections.
    top = None if any(H1.match(p) for p in paras) else next(
        (h for h in (H2, H3) if any(h.match(p) and split_title(h.match(p).group(2).strip())[0] for p in paras
                                    if not re.match(r"^\d{4}", p))), None)
    for para in paras:
        if top and (m := top.match(para)) and not re.match(r"^\d{4}", para):
            heading, text = split_title(m.group(2).strip())
            if heading:
                section = {"title": heading, "text": text, "items": []}
                sections.append(section)
                current = [section, None, None]
                continue
        if m := H1.match(para):
            section = {"title": m.group(2).strip(), "items": []}
            sections.append(section)
            current = [section, None, None]
            continue
        if (m := H2.match(para)) and current[0] is not None and top is not H2:
            heading, text = split_title(m.group(2).strip())
            item = {"title": heading, "text": text, "items": []}
            current[0]["items"].append(item)
            current = [current[0], item, None]
            continue
        if (m := H3.match(para)) and not re.match(r"^\d{4}", para) and current[0] is not None:
            heading, text = split_title(m.group(2).strip())
            item = {"title": heading, "text": text, "items": []}
            (current[1] or current[0])["items"].append(item)
            current[2] = item
            continue
        target = current[2] or current[1] or current[0]
        if target is None:
            (title if len(title) < 2 and not re.search(r"[。；]", para) and not preamble else preamble).append(para)
        else:
            more.setdefault(id(target), (target, []))[1].append(para)
    for target, texts in more.values():
        target["text"] = "\n".join(([target["text"]] if target.get("text") else []) + texts)
    return title, [_clean(s) for s in sections], preamble


def _clean(node: dict) -> dict:
    out = {k: v for k, v in node.items() if v not in (None, [], "")}
    if "items" in out:
        out["items"] = [_clean(i) for i in out["items"]]
    return out
