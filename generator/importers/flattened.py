"""The official forms' money block and indicator table where a web page or a copy-and-paste has
flattened them into text: one cell per line, cells between bars, or a whole table run into one
line of words. Merged cells are gone and empty cells usually too, so columns cannot be counted;
instead the cells are read as one stream in the header's order, with these rules:
- a cell under 分值 / 得分 / 执行率 / an amount column must be a number (or a dash, for none);
- 一级 / 二级指标 cells are known by their words wherever they stand (a merged cell is written once);
- where a line is one row (cells between bars), the row ends with its line;
- a last note (偏差原因) is taken only if the cell after it begins a row, never by counting.
A row that does not fit ends the table: nothing is guessed. Every value keeps its line.
"""

from __future__ import annotations

import itertools
import re

from . import forms
from .cell_stream import (AMOUNT_NAMES, AMOUNTS, DASH, EMPTY, INDICATOR_HEADERS, MAX_CELL, MONEY_HEADERS, NUMERIC,
                          PLACEHOLDER, UNNAMED, UNSURE, WORDS, Token, continues, cut_at_blanks, ends, header, header_fields, key, level_of,
                          merged_header, plain, points, tokens, with_next_pages)
from .data_sheet import data_sheet
from .form_blocks import form_region, goals_block, labelled_money, paired_money, stated_score, total_grade
from .glued import glued_indicators, glued_total
from .glued_money import glued_money
from .numbered_rows import numbered_rows
from .points_tail import tail_rows
from .scoring_table import scoring_rows
from .year_tables import income_table, spending_table

# What a money block's row is called: an empty row must say it to be one.
MONEY_LABEL = re.compile(r"资金|拨款|收入|补助|结转|结余|经费|财政|预算|自筹|其他|其它|合计|总额|支出")
NEXT_BLOCK = re.compile(MONEY_LABEL.pattern + r"|目标|指标")  # what begins another row or block after a money row
MONEY_WINDOW = 600  # cells after a money header that its block may span: 20 rows of 30 cells
MAX_WAYS = 200  # placements weighed for one row: C(fields, values) is at most 70 for the forms' columns


def _fits(cells: list[Token], i: int, fields: list[str], level1: str | None,
          empty: bool = False, most: float = 100, columns: dict[str, int] | None = None) -> tuple[dict, int] | None:
    """The row whose first cell is at i: ({field: Token or None}, index after it), or None. A row
    with no value fits only if empty (a money row written 其他资金 | - | -), which is a money block's:
    there 合计 is a row, not the end of the indicators. most: the highest weight the row may have."""
    if i >= len(cells) or not cells[i].text or level_of(cells, i, level1) or (ends(cells[i]) and not empty):
        return None
    # A label alone on its line with its values on the next, between bars (年度资金总额 | / | 32.4 | 31.69 |):
    # the next line is its row, read as one.
    values_below = (not cells[i].row and i + 1 < len(cells) and cells[i + 1].row and cells[i + 1].line == cells[i].line + 1
                    and (i == 0 or cells[i - 1].line != cells[i].line) and continues(cells[i + 1]))
    found = _line_row(cells, i, fields, most, empty, columns) if cells[i].row or values_below else _stream_row(cells, i, fields, level1, empty)
    if found is None or (not empty and not found[0].get(UNSURE) and not any(found[0].get(f) for f in fields if f != "note")):
        return None
    return found


def _line_row(cells: list[Token], i: int, fields: list[str], most: float = 100,
              dashes_say_nothing: bool = False, columns: dict[str, int] | None = None) -> tuple[dict, int] | None:
    """A row that is one line (with any next lines that begin with a number: a cell broken in two).
    Its empty cells are gone, so its values are placed only if they fit the columns one way: a
    number where a number must be, or, between bars, the one way that keeps each value under its
    header's cell (columns: each field's place in the header's line). A last value left over is the note."""
    j, line = i + 1, cells[i].line
    values: list[Token] = []
    while j < len(cells) and ((cells[j].line == line and (line == cells[i].line or continues(cells[j])))
                              or (len(values) < len(fields) and continues(cells[j]))):
        # On a line the row went on to, a cell of words is the next row's label (公开14表's rows
        # end with the label of the row after them: 387664.62 | … | 10 | 其中:当年财政拨款 |).
        line = cells[j].line
        values.append(cells[j])
        j += 1
    plain = [f for f in fields if f != "note"]
    # The text ends inside this row, no bar closing its last cell: that cell may be cut (an excerpt), so
    # it is placed, to place the others, but not read.
    cut = values[-1] if j == len(cells) and values and values[-1].width == 0 and len(values) < len(plain) else None
    if values and all(DASH.match(v.text) for v in values):
        return {f: None for f in fields}, j  # 其他资金 | - | -: nothing stated, whatever the columns
    for take, note in ((values, None), (values[:-1], values[-1:])):
        if note and "note" not in fields:
            break
        ways = list(itertools.islice((w for w in _placements(take, plain) if _plausible(w, most)), MAX_WAYS))
        if dashes_say_nothing:
            # A money row's dashes (其中:本年财政拨款 100 100 100 - -) state nothing: readings that
            # differ only in which columns hold them are one.
            ways = list({tuple((f, t) for f, t in w.items() if t is not None): w for w in ways}.values())
        if len(ways) > 1 and columns and len(aligned := [w for w in ways if _aligned(w, columns)]) == 1:
            ways = aligned  # | 总额 | 5.00 | 5.00 | 5.00 | | | 100.00% | 10 | | |: the empty cells between bars place 10
        if len(ways) > 1:
            # A number that is the amounts' ratio to its decimals is their 执行率, not a weight or score.
            ways = [w for w in ways if w.get("rate") is not None and w.get("executed") is not None
                    and (w.get("adjusted") or w.get("initial")) is not None] or ways
        if len(ways) > 1 or (ways and ways[0].get("rate") is not None and ways[0].get("executed") is None
                             and any(ways[0].get(f) is not None for f in AMOUNTS)):
            # More than one reading, or a rate beside amounts none of which is what it is the ratio
            # of (its 全年执行数 cell empty): the row is left for staff.
            return {UNSURE: True}, j
        if len(ways) == 1:
            out = {f: None for f in fields} | ways[0]
            if note:
                out["note"] = note[0]
            return {f: None if cut is not None and v is cut else v for f, v in out.items()}, j
    return None


def _aligned(way: dict, columns: dict[str, int]) -> bool:
    """Whether every value of a placement stands the same number of cells from its header's cell (a
    row's line may have one cell more or less at its start than the header's: a merged cell). Only
    for a row that writes its empty cells between its values (5.00 | | | 100.00%): where a row's
    values stand side by side, a cell may be merged away anywhere (864.2 | 100% under 预算数 | 执行数
    | 执行率), and places say nothing."""
    placed = [t for t in way.values() if t is not None]
    if not placed or any(t.column < 0 for t in placed) or not all(f in columns for f, t in way.items() if t is not None):
        return False
    gaps = max(t.column for t in placed) - min(t.column for t in placed) + 1 > len(placed)
    return gaps and len({t.column - columns[f] for f, t in way.items() if t is not None}) == 1


def _plausible(row: dict, most: float = 100) -> bool:
    """Whether a placement can be what the form says: points and rates are at most 100 (a rate up to
    200%; a weight up to most), a score within its weight, and a rate next to amounts is their ratio."""
    if row.get("operator") is not None and row.get("unit") is not None and forms.QUALITATIVE.fullmatch(row["operator"].text):
        return False  # 006 定性 | 明显提高 | 明显提高: a text target has no unit, the second is its actual
    got = {f: forms.number(plain(t.text)) for f, t in row.items() if t is not None and f in NUMERIC}
    if any(got.get(f, 0) > limit for f, limit in (("weight", most), ("score", 100), ("rate", 200))):
        return False
    if got.get("score", 0) > got.get("weight", 100):
        return False
    base = got.get("adjusted") or got.get("initial")
    if "rate" in got and base and got.get("executed") is not None:
        rate = plain(row["rate"].text)
        return forms.rate_agrees(got["executed"], base, rate) or forms.rate_agrees(got["executed"] / 100, base, rate)
    return True


def _placements(values: list[Token], fields: list[str]):
    """Every way to put values, in order, under fields (some fields left empty), a number under each
    numeric field and none under a column of words."""
    if len(values) > len(fields):
        return
    if not values:
        yield {}
        return
    for n in range(len(fields) - len(values) + 1):
        field, t = fields[n], values[0]
        number = forms.number(plain(t.text)) is not None or DASH.match(t.text) is not None
        if (field in NUMERIC and not number) or (field in WORDS and number) or (field in ("weight", "score") and "%" in t.text) or (
                field == "operator" and not (forms.OPERATOR.fullmatch(t.text) or forms.QUALITATIVE.fullmatch(t.text))) or (
                field != "operator" and CODED.match(t.text)):  # 006 定性, 004 >=: a 指标性质 cell, never a value
            continue
        for rest in _placements(values[1:], fields[n + 1:]):
            yield {field: None if DASH.match(t.text) else t, **rest}


def _stream_row(cells: list[Token], i: int, fields: list[str], level1: str | None,
                empty: bool) -> tuple[dict, int] | None:
    """A row of a one-cell-per-line table: its cells one by one in the header's order. In a money
    block, a label followed at once by the next row's label or the next block (上年结转资金 | 其他资金,
    its empty cells gone) is a row with nothing in it."""
    j, out = i + 1, {}
    if empty and (j >= len(cells) or (forms.number(plain(cells[j].text)) is None and not DASH.match(cells[j].text)
                                      and cells[j].text != EMPTY and NEXT_BLOCK.search(key(cells[j].text)))):
        return {f: None for f in fields}, j
    for field in fields:
        if field == "note":
            break  # decided after the row, by what follows
        if j >= len(cells):
            return None
        t = cells[j]
        if t.text == EMPTY or (field in NUMERIC and DASH.match(t.text)):
            out[field], j = None, j + 1
            continue
        if field in NUMERIC and forms.number(plain(t.text)) is None:
            if empty and all(out.get(f) for f in fields if f in AMOUNTS):
                break  # a fund's row of the 2020 forms: its amounts, without 分值 / 执行率 / 得分
            return None
        if t.row or level_of(cells, j, level1) or ends(t) or len(t.text) > MAX_CELL:
            return None
        out[field], j = t, j + 1
    return out, j


def _note(cells: list[Token], j: int, fields: list[str], level1: str | None) -> bool:
    """Whether the cell at j is the row's note: it does not begin a row, and a row, a level or the
    table's end follows it."""
    if "note" not in fields or j >= len(cells) or cells[j].row or ends(cells[j]) or level_of(cells, j, level1):
        return False
    if cells[j].text == EMPTY:
        return True
    if _fits(cells, j, fields, level1):
        return False
    after = j + 1
    while after < len(cells) and cells[after].text == EMPTY:
        after += 1  # the next row's empty level cells (| lines), which the rows pass over too
    return after < len(cells) and (_fits(cells, after, fields, level1) is not None or level_of(cells, after, level1) is not None
            or ends(cells[after]) or PLACEHOLDER.match(cells[after].text) is not None
            or UNNAMED.match(cells[after].text) is not None)


def _stray(cells: list[Token], i: int, fields: list[str], level1: str | None) -> bool:
    """Whether the cell at i is a line of words alone (the rest of a cell that wrapped) with a whole
    row or a level after it: skipped, never read as a row or as part of one."""
    t, after = cells[i], i + 1
    return (not t.row and forms.number(plain(t.text)) is None and after < len(cells) and cells[after].line != t.line
            and forms.number(plain(cells[after].text)) is None
            and (level_of(cells, after, level1) is not None or _fits(cells, after, fields, level1) is not None))


MARKED_NAME = re.compile(r"^指标\s*\d{1,2}\s*[.．:：、]\s*[\u4e00-\u9fff]")  # the form's 指标4. with the row's name


def _named_alone(cells: list[Token], i: int, fields: list[str], level1: str | None) -> bool:
    """Whether the cell at i is a row of the form's own numbering, alone on its line, whose cells are all
    empty: the next line begins another row or a level."""
    t, after = cells[i], i + 1
    if not MARKED_NAME.match(t.text) or len(t.text) > 40 or (i and cells[i - 1].line == t.line):
        return False
    # At the text's very end it may be a name cut off (an excerpt's 指标2:村卫生): not a row.
    return (after < len(cells) and cells[after].line != t.line and (
        MARKED_NAME.match(cells[after].text) is not None or level_of(cells, after, level1) is not None
        or _fits(cells, after, fields, level1) is not None))


BROKEN_LINES = 3  # lines a broken row may run over before the table is taken to have ended


def _broken_row(cells: list[Token], i: int, fields: list[str], level1: str) -> int | None:
    """Where the table goes on after a row broken over lines (a name alone on its line, its values on
    the next lines, 有效 | 有效 | 10 | 10): the first line within BROKEN_LINES that begins a level, the
    table's end, or a whole row placed one way. None when there is none: the table has ended."""
    t = cells[i]
    if i and cells[i - 1].line == t.line and level_of(cells, i - 1, level1) is None:
        return None  # not the first cell of its line (after its level cells)
    for k in range(i + 1, len(cells)):
        if cells[k].line - t.line > BROKEN_LINES:
            return None
        if cells[k].line == cells[k - 1].line:
            continue
        if level_of(cells, k, level1) is not None or ends(cells[k]):
            return k
        if cells[k].row and (fit := _fits(cells, k, fields, level1)) and not fit[0].get(UNSURE):
            return k  # a whole row on its own line, placed one way
    return None


def _where(t: Token) -> str:
    return f"第 {t.line + 1} 行"


CODED = re.compile(r"\s*00\d\s+\S")  # Yunnan's 指标性质 cell: its sign's code, then the sign (004 >=) or 定性
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_-]*")  # a cell of Latin letters only: no indicator's name


def indicator_table(cells: list[Token]) -> tuple[list[dict], list[str], set[int], list[str]]:
    """(indicator rows, found, lines used, rows whose columns are unsure) of the first indicator
    table in the stream."""
    for start in range(len(cells)):
        fields, body = header(cells, start, INDICATOR_HEADERS)
        if "name" not in fields or not {"weight", "score", "target"} & set(fields):
            continue
        if start and header_fields(cells, start - 1, INDICATOR_HEADERS):
            continue  # a header's tail, or the second row of a two-row header (the first just above it): not one alone
        header_at = {f: cells[start + n].column for n, f in enumerate(fields)} if body - start == len(fields) else {}
        if (in_order := merged_header(fields)) != fields:
            fields, header_at = in_order, {}  # two header rows in one: the cells' places say nothing
        values = fields[fields.index("name") + 1:]
        values = [f for f in values if f not in ("level1", "level2")]
        stream = cut_at_blanks(cells, body)  # the table's lines, each cut into its cells
        rows: list[dict] = []
        unsure: list[str] = []
        i, level1, level2 = body, None, None
        while i < len(stream):
            t = stream[i]
            if t.text == EMPTY or PLACEHOLDER.match(t.text) or (i and points(t.text) and level_of(stream, i - 1, None)):
                i += 1
                continue
            if t.row and (i == 0 or stream[i - 1].line != t.line) and _numbers_only(stream, i):
                i = _line_end(stream, i)  # 90.00 | 90.00 under the header: its blocks' points, no row (a row has a name)
                continue
            if (t.row and t.width == stream[start].width and stream[start].row and (i == 0 or stream[i - 1].line != t.line)
                    and header_at and _in_columns(stream, i, header_at)):  # a whole line, from its first cell: not a line half read
                # A row with every cell in its place (empty ones between bars): read by column.
                level1, level2, item, i = _by_column(stream, i, header_at, level1, level2)
                if item:
                    rows.append(item)
                continue
            level = level_of(stream, i, level1)
            if level:
                if level[0] == 1:
                    level1, level2 = level[1], None
                else:
                    level2 = level[1]
                i += 1
                continue
            if LATIN_WORD.fullmatch(t.text):
                break  # qrcode / 手机扫码…: the page's own words after the table; an indicator is named in Chinese
            fit = _fits(stream, i, values, level1)
            if fit is None and (level1 or level2) and _named_alone(stream, i, values, level1):
                rows.append(forms.indicator_item(level1, level2, t.text, {}))  # 指标4.不合格产品处置率, its cells empty
                i += 1
                continue
            if fit is None and (UNNAMED.match(t.text) or _stray(stream, i, values, level1)):
                i += 1  # the form's 指标2 left unfilled, or a lone line a wrapped cell left: no row
                continue
            if fit is None and (level1 or level2) is not None and (resume := _broken_row(stream, i, values, level1)):
                unsure.append(f"绩效指标 {t.text}（第 {t.line + 1} 行起，各格与栏目对不上，可能是一行断成了几行）")
                i = resume  # the row is left for staff; the table goes on after it
                continue
            if fit is None or (level1 is None and level2 is None and not t.row):
                # A row stands under a level (an 一级指标 cell left empty, or only its points, has its
                # 二级), or is a whole line whose cells fit the header's columns one way.
                break
            row, i = fit
            if row.get(UNSURE):
                unsure.append(f"绩效指标 {t.text}（第 {t.line + 1} 行）")
                continue
            if _note(stream, i, values, level1):
                row["note"] = stream[i] if stream[i].text else None
                i += 1
            item = forms.indicator_item(level1, level2, t.text, {f: _cell(row, f) for f in values})
            if item.get("score", 0) > item.get("weight", 100):
                break  # a score above its weight: the columns are not what the header says
            rows.append(item)
        if rows:
            used = set(range(stream[start].line, stream[i - 1].line + 1))
            return rows, [f"绩效指标：{len(rows)} 行（第 {stream[start].line + 1} 行起）"], used, unsure
    return [], [], set(), []


def _line_end(cells: list[Token], i: int) -> int:
    line = cells[i].line
    while i < len(cells) and cells[i].line == line:
        i += 1
    return i


def _numbers_only(cells: list[Token], i: int) -> bool:
    """Whether the line from i holds numbers and nothing else."""
    return all(forms.number(plain(t.text)) is not None for t in cells[i:_line_end(cells, i)])


def _in_columns(cells: list[Token], i: int, header: dict[str, int]) -> bool:
    """Whether the line from i stands under the header's columns, empty cells kept: its 一级指标
    cell is one or empty, its name cell is filled, its points are numbers."""
    line, by_column = cells[i].line, {}
    for t in cells[i:]:
        if t.line != line:
            break
        by_column[t.column] = t.text
    texts = {f: by_column.get(c, "") for f, c in header.items()}
    level1 = texts.get("level1", "")
    return (bool(texts.get("name")) and (not level1 or (level_of([Token(level1, line, True)], 0, None) or (0,))[0] == 1)
            and all(not texts.get(f) or forms.number(plain(texts[f])) is not None for f in ("weight", "score")))


def _by_column(cells: list[Token], i: int, header: dict[str, int], level1: str | None,
               level2: str | None) -> tuple[str | None, str | None, dict | None, int]:
    """(一级, 二级, the indicator row or None, index after its line) of a line whose cells stand
    under the header's columns. An empty 一级 / 二级 cell continues the one above (merged)."""
    line = cells[i].line
    by_column = {}
    while i < len(cells) and cells[i].line == line:
        by_column[cells[i].column] = cells[i].text
        i += 1
    texts = {f: by_column.get(c, "") for f, c in header.items()}
    if texts.get("level1"):
        level1, level2 = re.sub(r"\s*[(（]?\d+(?:\.\d+)?\s*分?[)）]?$", "", re.sub(r"\s+", "", texts["level1"])), None
    level2 = texts.get("level2") or level2
    if not texts.get("name") or level1 is None:
        return level1, level2, None, i
    values = {f: plain(v) if f in NUMERIC else v for f, v in texts.items()}
    return level1, level2, forms.indicator_item(level1, level2, texts["name"], values), i


def _cell(row: dict, field: str) -> str:
    t = row.get(field)
    return "" if t is None else plain(t.text) if field in NUMERIC else t.text


def money_table(cells: list[Token]) -> tuple[dict, list[str], set[int], list[str]]:
    """({"budget", "spending", "funds"}, found, lines used, rows whose columns are unsure) from the
    first money block in the stream."""
    for start in range(len(cells)):
        fields, body = header(cells, start, MONEY_HEADERS)
        if not ({"initial", "adjusted"} & set(fields) and "executed" in fields):
            continue
        if start and header_fields(cells, start - 1, MONEY_HEADERS):
            continue  # the header's tail (全年预算数 … without its 年初预算数) would shift every row's cells
        # Each column's place in the header's line, when every header cell was read (between bars) and
        # names a column of its own (not Fujian's several columns the model has no key for)
        header_at = {f: cells[start + n].column for n, f in enumerate(fields)} \
            if body - start == len(fields) == len(set(fields)) and all(cells[k].column >= 0 for k in range(start, body)) else None
        first = _first_label(cells, body)
        if (key(cells[start].text).startswith("预算数") and not forms.FORM_TOTAL.search(first)) or (
                any(SHEET_WORDS.search(key(t.text)) for t in cells[start:body]) and not forms.FORM_TOTAL.search(first)
                and forms.money_row(first)[0] == "fund"):
            # 项目 | 预算数 | 执行数 (or 实际支出金额) / 公务接待费 | 3.00 …: a 三公经费 table or a list of projects; a
            # form's block, or a sheet's, opens with its total or its 基本支出
            continue
        out: dict = {"budget": {}, "spending": {}, "funds": []}
        found: list[str] = []
        unsure: list[str] = []
        seen_twice: set[str] = set()
        i = last = body
        most = 100.0  # a source's row weighs no more than the block's total row (年度资金总额 | … | 10)
        # This block's lines, each cut into its cells: a money block is a few rows, so only the cells
        # near its header (every header word of a long text would cut the whole rest again).
        rows = cut_at_blanks(cells[:i + MONEY_WINDOW], i)
        while i < len(rows):
            t = rows[i]
            if forms.number(plain(t.text)) is not None or DASH.match(t.text) or t.text == EMPTY:
                i += 1  # a number left over from a cell the line broke in two
                continue
            label = key(t.text)
            if PLACEHOLDER.match(forms.ITEM_MARK.sub("", label)):
                i += 1  # ①……: a row the form leaves for more sources
                continue
            if not label and re.fullmatch(r"[(（]\s*万?元\s*[)）]", t.text.strip()):
                i += 1  # 项目资金 / (万元) 年度资金总额 …: the header's unit, wrapped onto the first row
                continue
            if len(label) > 20 or re.search(r"指标|目标", label):
                break
            fit = _fits(rows, i, fields, None, empty=True, most=most, columns=header_at)
            if fit is None or (not any(fit[0].get(f) for f in fields) and not MONEY_LABEL.search(label)):
                break  # a row with nothing in it is a money row only by its name (其他资金小计), not 年度
            row, i = fit
            last = i
            if row.get(UNSURE):
                unsure.append(f"资金 {t.text}（第 {t.line + 1} 行）")
                continue
            if _note(rows, i, fields, None):
                i += 1
            amounts = {f: forms.number(plain(row[f].text)) for f in (*AMOUNTS, "rate")
                       if row.get(f) is not None}
            base = amounts.get("adjusted") or amounts.get("initial")
            if "rate" in amounts and base and amounts.get("executed") is not None and not forms.rate_agrees(
                    amounts["executed"], base, plain(row["rate"].text)):
                amounts.pop("rate")  # a ratio written as a fraction (0.1 for 94 / 650): not the model's per cent
                unsure.append(f"资金 {t.text} 的执行率 {row['rate'].text} 写成小数，未当作百分数（{_where(t)}）")
            where = f"（{_where(t)}）"
            place, name = forms.money_row(re.sub(r"\s+", "", t.text).rstrip(":："))
            if place == "budget":
                if row.get("weight") is not None and (weight := forms.number(plain(row["weight"].text))) is not None:
                    most = weight
                out["budget"].update(amounts)
                found += [f"{AMOUNT_NAMES.get(f, '执行率')}：{forms.number_text(v)}{where}" for f, v in amounts.items()]
            elif place == "spending":
                said = SPENDING_LABELS[name]
                if name in out["spending"] or name in seen_twice:
                    # 基本支出 for 2022, then again for 2021 (a sheet by year): which is the report's, a person says
                    seen_twice.add(name)
                    out["spending"].pop(name, None)
                    found = [f for f in found if not f.startswith(said)]
                    unsure.append(f"资金 {t.text}（{_where(t)}，表中出现两次）")
                elif amounts.get("executed") is not None:
                    out["spending"][name] = amounts["executed"]
                    found.append(f"{said}：{forms.number_text(amounts['executed'])}{where}")
            else:
                amounts.pop("rate", None)
                out["funds"].append({"source": name, **amounts})
                said = "、".join(f"{AMOUNT_NAMES[f]} {forms.number_text(v)}" for f, v in amounts.items())
                found.append(f"资金来源 {name}：{said or '未填'}{where}")
            last = i
        if found or unsure:
            return out, found, set(range(rows[start].line, rows[last - 1].line + 1)), unsure
    return {}, [], set(), []


SPENDING_LABELS = {v: k for k, v in forms.SPENDING_ROWS.items()}  # basic -> 基本支出
# Column words of the provinces' sheets (Guangxi's 实际下达额度 | 实际支出金额, Chongqing's 实际投入资金额) that
# other tables use too.
SHEET_WORDS = re.compile(r"实际下达额度|实际支出金额|实际投入资金")


def _first_label(cells: list[Token], body: int) -> str:
    return next((key(t.text) for t in cells[body:body + 6] if key(t.text) and forms.number(plain(t.text)) is None), "")


def form_values(lines: list[str]) -> tuple[dict, list[str], set[int], list[str]]:
    """What a flattened form states, as assemble.form_values gives it for real tables; the lines
    of the form; and the rows left unread because their cells fit the columns more than one way."""
    cells = tokens(lines)
    values: dict = {}
    money, found, used, unsure = money_table(cells)
    for n, line in enumerate(lines if not (found or unsure) else []):
        money, found, unsure = glued_money(line)  # a money block whose cells ran together
        if found or unsure:
            found, unsure, used = [f"{f[:-1]}，第 {n + 1} 行）" for f in found], [f"{u}（第 {n + 1} 行）" for u in unsure], {n}
            break
    if not (found or unsure):
        budget, found, used, funds = labelled_money(lines)  # 转移支付预算数(A) 5.8万: labels and values, no grid
        if not found:
            budget, found, used, funds = paired_money(lines)  # 预算数 6.84 到位数 6.84 执行数 6.84 100.00
        money = {"budget": budget, "funds": funds}
        if not found:  # Hunan's 基础数据表: 支出总额 | 2021年决算数 | 2022年预算数 | 2022年决算数
            budget, spending, found, used = data_sheet(lines)
            money = {"budget": budget, "spending": spending}
    if not money.get("spending") and (sheet := spending_table(lines))[0]:  # 岳阳's 年度支出和结余情况
        money["spending"], found, used = sheet[0], found + sheet[1], used | sheet[2]
    if not money.get("funds") and (sheet := income_table(lines))[0]:  # and its 年度收入情况
        money["funds"], found, used = sheet[0], found + sheet[1], used | sheet[2]
    for k in ("budget", "spending"):
        if money.get(k):
            values[k] = money[k]
    if money.get("funds"):
        values["funds"] = money["funds"]
    rows, more, lines_used, rows_unsure = indicator_table(cells)
    before_glued = len(more), len(rows_unsure)
    for n, line in enumerate(lines if not rows else []):
        if "三级指标" not in re.sub(r"\s+", "", line):
            continue  # not the start of one (and a page-numbered text is joined only from there)
        text, pages = with_next_pages(lines, n)
        rows, glued_unsure = glued_indicators(text)  # a table whose cells ran together, nothing between
        if rows or glued_unsure:
            more.append(f"绩效指标：{len(rows)} 行（第 {n + 1} 行，各格连在一起）")
            rows_unsure += [f"绩效指标 {u}（第 {n + 1} 行）" for u in glued_unsure]
            lines_used |= pages
            if (total := glued_total(text)) is not None:
                values["result"] = {"score": total}
                more.append(f"自评得分：{forms.number_text(total)}（第 {n + 1} 行，总分一行）")
            break
    if not rows and (tailed := tail_rows(lines))[0] + tailed[1]:  # Hebei's form: one row a line, a tail of points
        rows, lines_used = tailed[0], lines_used | tailed[2]
        more.append(f"绩效指标：{len(rows)} 行（第 {min(tailed[2]) + 1} 行起，各格连在一起）")
        rows_unsure += tailed[1]
    if not rows and (marked := numbered_rows(lines))[0]:  # rows keeping the form's 指标1: marks, out of order
        rows, lines_used = marked[0], lines_used | marked[2]
        # What the run-together reader said of these cells (0 rows, each one doubtful) no longer holds.
        more, rows_unsure = more[:before_glued[0]], rows_unsure[:before_glued[1]]
        more.append(f"绩效指标：{len(rows)} 行（第 {min(marked[2]) + 1} 行，按表中“指标1:”编号）")
        rows_unsure += marked[1]
    if not rows:
        rows, said, scored_lines, scored_unsure = scoring_rows(lines)  # a 评分表: names, weights, scores
        more, lines_used, rows_unsure = more + said, lines_used | scored_lines, rows_unsure + scored_unsure
    if rows:
        values["indicators"] = rows
    if score := stated_score(cells):
        values["result"] = {"score": score[0]}
        more.append(f"自评得分：{forms.number_text(score[0])}（第 {score[1] + 1} 行）")
    if grade := total_grade(cells):
        values.setdefault("result", {})["grade"] = grade[0]
        more.append(f"自评等级：{grade[0]}（第 {grade[1] + 1} 行，总分一行）")
    if used or lines_used:
        goals, said = goals_block(cells)
        if goals:
            values["goals"] = goals
            more += said
    return values, found + more, form_region(lines, used | lines_used), unsure + rows_unsure
