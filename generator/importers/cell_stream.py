"""A form flattened into text as one stream of cells: each line split at its bars, at wide blanks,
or (a whole table on one line) at every blank; header and level words a narrow column broke over
lines joined again; and what a cell is: a header, a 一级 / 二级指标, a number, a dash, a placeholder.
Under a table's header, lines whose cells stand between single blanks are cut there too
(cut_at_blanks); a sharing site's page numbers (1、 2、 …) are taken out where a table runs on from
one page into the next (with_next_pages). flattened.py reads rows from the stream.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import forms

UNSURE = "?"  # a row whose values fit its columns more than one way
EMPTY = ""  # a cell written empty (a lone | in a one-cell-per-line table)
PLACEHOLDER = re.compile(r"^[.…。·]+$")  # a ...... row the form leaves for more indicators
UNNAMED = re.compile(r"^指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?$")  # the form's 指标1: row left unfilled
DASH = re.compile(r"^[-/—－–]$")  # a cell that says "none"
RUN_TOGETHER = 3  # header words a line needs before its words are taken as cells
MAX_CELL = 300

INDICATOR_HEADERS = [("评价指标值", "extra"), ("评价指标", "extra"), ("标准值", "extra"),  # Jiangsu's 目标名称 | 目标值 | 评价指标 | 标准值 | 目标完成值 | 评价指标值 | 权重分值 | 评分规则 | 得分
                     ("目标名称", "name"), ("指标性质", "operator"), ("度量单位", "unit"), ("计量单位", "unit"), ("一级指标", "level1"),
                     ("二级指标", "level2"), ("三级指标", "name"), ("指标名称", "name"), ("年度指标值", "target"),
                     ("年度目标值", "target"), ("实际完成指标值", "actual"), ("指标值", "target"), ("目标值", "target"), ("实际完成值", "actual"), ("全年实际值", "actual"),
                     ("完成值", "actual"), ("实际值", "actual"), ("分值", "weight"), ("权重", "weight"),
                     ("得分", "score"), ("原因", "note"), ("备注", "note"), ("评分标准", "extra"), ("评分规则", "extra"), ("指标解释", "extra")]
MONEY_HEADERS = [("年初预算", "initial"), ("全年预算", "adjusted"), ("调整后预算", "adjusted"), ("全年执行", "executed"), ("预算数", "adjusted"),
                 ("执行数", "executed"), ("权重", "weight"), ("分值", "weight"), ("得分", "score"), ("执行率", "rate"),
                 ("原因", "note"), ("备注", "note"), ("实际下达额度", "adjusted"), ("实际支出金额", "executed"),  # Guangxi's 基础信息表
                 ("实际投入资金", "executed"),  # Chongqing's 部门整体绩效目标自评表: 年初预算资金总额 | 实际投入资金额
                 *forms.FUJIAN_MONEY_COLUMNS]
# Header words that name a column only as the whole cell: 年度预算数(万元) is the block's title above
# the columns, 预算数(A) is the column.
WHOLE_WORDS = {"预算数", *forms.WHOLE_CELL}
AMOUNTS = ("initial", "adjusted", "executed")
AMOUNT_NAMES = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数"}
MAX_HEADER = 24  # characters of a header cell (偏差原因分析及改进措施, 未完成原因及拟采取的改进措施)
WORDS = {"extra", "note", "unit"}  # columns of words: a number is never theirs
NUMERIC = {"initial", "adjusted", "executed", "rate", "weight", "score", "unread"}  # unread: a column of amounts the model has no key for
# Fujian's forms say 目标 where the Ministry's say 指标 (产出目标 > 数量目标).
# Jiangsu's: 一、投入目标 / 二、管理目标 / 三、产出目标 (1.数量目标), numbered.
LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "影响指标", "产出目标", "效益目标", "满意度目标",
          "投入目标", "管理目标"}
LEVEL_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2})[、.．]")
LEVEL2 = re.compile(r"^(?:(?:数量|质量|时效性?|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|(?:社会公众或)?服务对象满意度|"
                    r"(?:群众|公众|社会公众|受益群众|受益对象)?满意度|经济成本|社会成本|生态环境成本)(?:指标等?|目标)"
                    r"|经济效益|社会效益|生态效益|环境效益|可持续影响)$")
POINTS = re.compile(r"^[(（]?\d+(?:\.\d+)?分?[)）]?$")  # 产出指标 (50) / 30分): the block's points, not a cell
TOTAL = re.compile(r"^(?:总分|合计|总计|其他需要说明的?事项)$")  # the rows after the indicators
VOCABULARY = [w for w, _ in INDICATOR_HEADERS + MONEY_HEADERS] + sorted(LEVEL1) + [
    "年初预算数", "全年预算数", "全年执行数", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "数量指标", "质量指标",
    "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    *forms.FUJIAN_MONEY_WORDS]


@dataclass(frozen=True)
class Token:
    text: str
    line: int  # 0-based index of its line
    row: bool  # its line is one row of several cells (between bars or wide blanks)
    column: int = -1  # between bars: its place among the line's cells, empty ones counted
    width: int = 0  # between bars: how many cells its line has, empty ones counted


@functools.lru_cache(maxsize=65536)  # each cell is keyed many times over (headers, levels, labels)
def key(text: str) -> str:
    """A cell as a header or a level word: no blanks, no (A) or (万元), no ① or ⑤=④/③, no colon."""
    return re.sub(r"[(（][^()（）]{0,12}[)）]|[:：]$", "", forms.CIRCLED.sub("", re.sub(r"\s+", "", text.translate(forms.FULL_WIDTH))))


def tokens(lines: list[str]) -> list[Token]:
    """The cells of every line, in order. A line with bars is split at them; a line of header words
    run together is split at blanks; other lines with two wide gaps are split there."""
    out: list[Token] = []
    tails: set[int] = set()  # lines that were the second halves of a header's words
    separators = _bars_separate(lines)
    last = ""  # the last non-blank line
    for n, line in enumerate(lines):
        s = line.strip()
        if not s or n in tails:
            continue
        previous, last = last, s
        if "|" in s:
            if s.strip("| ") == "" and s.count("|") == 1:
                if not (separators and "|" not in previous):
                    out.append(Token(EMPTY, n, False))  # a lone | is an empty cell, when cells are one per line
                continue
            bars = [c.strip() for c in s.strip("|").split("|")] if s.startswith("|") else [c.strip() for c in s.split("|")]
            filled = [(c, text) for c, text in enumerate(bars) if text]
            out += [Token(text, n, len(filled) > 1, c, len(bars)) for c, text in filled]
            continue
        elif sum(key(w) in VOCABULARY for w in s.split()) >= RUN_TOGETHER:
            words = s.split()
            if n + 1 < len(lines) and (whole := _wrapped(words, lines[n + 1].split())):
                words = whole
                tails.add(n + 1)
            out += [Token(w, n, False) for w in words]  # a whole table on one line: no row ends
            continue
        else:
            cells = re.split(r"[\t \u3000]{2,}|\t", s)
        cells = [c for c in cells if c]
        out += [Token(c, n, len(cells) > 1) for c in cells]
    return joined(out)


def _bars_separate(lines: list[str]) -> bool:
    """Whether a lone | after a cell's line ends that cell (a page that wrote each cell, then |, on
    lines of their own) rather than being an empty cell of its own (each cell on its line, empty
    ones a lone |): most lone bars follow a line of words. Then only a | after a | is an empty cell."""
    after_cell = after_bar = 0
    previous = ""
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if s == "|":
            after_cell, after_bar = after_cell + ("|" not in previous), after_bar + ("|" in previous)
        previous = s
    return after_cell > 2 * after_bar and after_cell >= 10


def _wrapped(words: list[str], below: list[str]) -> list[str] | None:
    """A header line whose cells wrapped (绩效 | 实际 above 目标值 | 完成值) with the next line's words
    put back: they complete, in order, as many neighbouring words that name no column into words
    that do. None when the next line is no such tail."""
    names = INDICATOR_HEADERS + MONEY_HEADERS
    if not below or len(below) >= len(words) or any(VALUE_LIKE.search(w) or len(w) > 8 for w in below):
        return None
    for at in range(len(words) - len(below) + 1):
        run = words[at:at + len(below)]
        if all(_header_word(key(w), names) is None and _header_word(key(w + b), names) for w, b in zip(run, below)):
            return words[:at] + [w + b for w, b in zip(run, below)] + words[at + len(below):]
    return None


def joined(cells: list[Token]) -> list[Token]:
    """Header and level words a narrow column broke over lines (年度 / 指标值, 经济效 / 益指标) as one."""
    out: list[Token] = []
    for t in cells:
        last = out[-1] if out else None
        both = key(last.text) + key(t.text) if last and not t.row and not last.row and t.text and last.text else None
        if both is not None and any(w.startswith(both) for w in VOCABULARY):  # (keyed once, not once per word)
            out[-1] = Token(last.text + t.text, last.line, False)
        else:
            out.append(t)
    return out


def header_fields(cells: list[Token], i: int, names: list[tuple[str, str]]) -> list[str]:
    """The fields the header cells from i name, in order, each once."""
    return header(cells, i, names)[0]


def header(cells: list[Token], i: int, names: list[tuple[str, str]]) -> tuple[list[str], int]:
    """(the fields the header cells from i name, in order, each once; the index after the header).
    A cell that is only the form's numbering (④=①+②+③, (%)) is passed over; a cell of two header
    words that a line ran together (年中调整金额③ 小计) is two columns."""
    fields: list[str] = []
    end = i
    for n, t in enumerate(cells[i:i + 16], i):
        k = key(t.text)
        if not k and fields:
            end = n + 1
            continue
        if len(k) > MAX_HEADER:
            break  # a row's line, its words among its numbers (执行率*该指标分值…), is no header cell
        named = [_header_word(key(w), names) for w in t.text.split()]
        found = named if len(named) > 1 and all(named) else [_header_word(k, names)]
        if None in found:
            break
        for field in found:
            # 得分计算方法 after 得分: a column not read; each unread column of amounts stays one
            fields.append(field if field not in fields or field == "unread" else "extra")
        end = n + 1
    return fields, end


def _header_word(k: str, names: list[tuple[str, str]]) -> str | None:
    return next((f for w, f in names if (w == k if w in WHOLE_WORDS else w in k)), None) if k else None


def merged_header(fields: list[str]) -> list[str]:
    """A header of two rows run into one stream (年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 | 二级指标 |
    三级指标 | 指标性质 | 指标值 | 度量单位): the columns in the table's order, the second row's 指标性质 /
    指标值 / 度量单位 standing where the first row's 年度指标值 spans them."""
    if "level1" not in fields or fields.index("level1") == 0 or "name" not in fields[fields.index("level1"):]:
        return fields
    first, second = fields[:fields.index("level1")], fields[fields.index("level1"):]
    names = second[:second.index("name") + 1]
    parts = ["target" if f == "extra" else f for f in second[second.index("name") + 1:]]
    if "target" not in first or not {"operator", "unit"} & set(parts) or set(parts) - {"operator", "target", "unit"}:
        return fields
    at = first.index("target")
    return names + first[:at] + parts + first[at + 1:]


def level_of(cells: list[Token], i: int, level1: str | None) -> tuple[int, str] | None:
    """(1 or 2, the word) if the cell at i is a 一级 or 二级指标 cell."""
    k = LEVEL_NUMBER.sub("", re.sub(r"[(（]?\d+(?:\.\d+)?分?[)）]?$", "", key(cells[i].text)))
    after = key(cells[i + 1].text) if i + 1 < len(cells) else ""
    if k == "成本指标" and level1 == "产出指标" and not LEVEL2.match(after):
        return 2, k  # the 2020 forms' 产出指标 > 成本指标
    if k in LEVEL1 and not (k == level1 and LEVEL2.match(k)):
        return 1, k
    if LEVEL2.match(k):
        return 2, k
    return None


def continues(t: Token) -> bool:
    """A line that begins with a number or a dash goes on the row before: a row begins with its name."""
    return t.text != EMPTY and (forms.number(plain(t.text)) is not None or DASH.match(t.text) is not None)


def points(text: str) -> bool:
    """产出指标 (50) / 30分): the points of the block before, in a cell of their own."""
    s = re.sub(r"\s+", "", text)
    return bool(POINTS.match(s) and re.search(r"[()（）分]", s))


def ends(t: Token) -> bool:
    return bool(TOTAL.match(key(t.text)))


def plain(text: str) -> str:
    """A number cell without the ? that a mis-encoded blank leaves after it (3,724,055.00?)."""
    return text.translate(forms.FULL_WIDTH).rstrip("?？ ")


SENTENCE = re.compile(r"[，。；！？,;]")
VALUE_LIKE = re.compile(r"\d|[≥≤><=＞＜]")


def cut_at_blanks(cells: list[Token], body: int) -> list[Token]:
    """The stream with each line after the header whose cells stand between single blanks
    (数量指标 指标1.药品抽验品种 ≥3 4) cut into its cells, as one row. Only a line of several
    words, one of them after the first a number or an operator, and no sentence in its first:
    a line of prose is not a row (a last cell may be a sentence: 得分计算方法, 偏差原因)."""
    out, split = cells[:body], False
    for n, t in enumerate(cells[body:], body):
        whole = (n == 0 or cells[n - 1].line != t.line) and (n + 1 == len(cells) or cells[n + 1].line != t.line)
        parts = t.text.split()
        spaced = sum(len(part) == 1 and "\u4e00" <= part <= "\u9fff" for part in parts) * 2 >= len(parts)  # 产 出 指 标
        spaced = spaced or all(DASH.match(part) for part in parts)  # - - -: empty cells, no row of their own
        if whole and not t.row and t.column < 0 and not spaced and not SENTENCE.search(parts[0]) and (
                split or (len(parts) >= 2 and any(VALUE_LIKE.search(p) for p in parts[1:]))):
            # Once rows are lines, every line is one: a row with no values (指标4.不合格产品处置率)
            # stays on its line and does not take the next line's cells as its own.
            out += [Token(part, t.line, True) for part in _label_first(parts)]
            split = True
        else:
            out.append(t)
    return out


def _label_first(parts: list[str]) -> list[str]:
    """A row's words with its label whole: 合 计 (spaced out to fill a wide cell) and ① 项目支出 (its
    number apart) are one cell."""
    n = 0
    while n < len(parts) and len(parts[n]) == 1 and "\u4e00" <= parts[n] <= "\u9fff":
        n += 1
    if n >= 2:
        return ["".join(parts[:n]), *parts[n:]]
    if len(parts) > 2 and forms.ITEM_MARK.fullmatch(parts[0]) and forms.number(parts[1]) is None:
        return [parts[0] + parts[1], *parts[2:]]
    return parts


PAGE_MARK = re.compile(r"^\s*(\d{1,3})、")
MAX_PAGES = 50  # a form's table spans a few pages


def with_next_pages(lines: list[str], n: int) -> tuple[str, set[int]]:
    """Line n and the lines after it that a document-sharing site starts with its page numbers
    (1、…, 2、…, 3、…), without the numbers: one page's text layer runs on into the next. With the
    lines' indexes."""
    text, page, used = lines[n], PAGE_MARK.match(lines[n]), {n}
    number = int(page.group(1)) if page else None
    for k, line in enumerate(lines[n + 1:n + 1 + MAX_PAGES], n + 1):
        mark = PAGE_MARK.match(line)
        if number is None or not mark or int(mark.group(1)) != number + 1:
            break
        text, number = text + line[mark.end():], number + 1
        used.add(k)
    return text, used
