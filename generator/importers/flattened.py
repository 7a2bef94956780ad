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
from dataclasses import dataclass

from . import forms

UNSURE = "?"  # a row whose values fit its columns more than one way
EMPTY = ""  # a cell written empty (a lone | in a one-cell-per-line table)
PLACEHOLDER = re.compile(r"^[.…。·]+$")  # a ...... row the form leaves for more indicators
DASH = re.compile(r"^[-/—－–]$")  # a cell that says "none"
RUN_TOGETHER = 3  # header words a line needs before its words are taken as cells
MAX_CELL = 300

INDICATOR_HEADERS = [("指标性质", "operator"), ("度量单位", "unit"), ("计量单位", "unit"), ("一级指标", "level1"),
                     ("二级指标", "level2"), ("三级指标", "name"), ("指标名称", "name"), ("年度指标值", "target"),
                     ("年度目标值", "target"), ("指标值", "target"), ("实际完成值", "actual"), ("全年实际值", "actual"),
                     ("完成值", "actual"), ("实际值", "actual"), ("分值", "weight"), ("权重", "weight"),
                     ("得分", "score"), ("原因", "note"), ("备注", "note")]
MONEY_HEADERS = [("年初预算", "initial"), ("全年预算", "adjusted"), ("调整后预算", "adjusted"), ("全年执行", "executed"),
                 ("执行数", "executed"), ("权重", "weight"), ("分值", "weight"), ("得分", "score"), ("执行率", "rate"),
                 ("原因", "note")]
AMOUNTS = ("initial", "adjusted", "executed")
AMOUNT_NAMES = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数"}
WORDS = {"extra", "note", "unit"}  # columns of words: a number is never theirs
NUMERIC = {"initial", "adjusted", "executed", "rate", "weight", "score"}
LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "影响指标"}
LEVEL2 = re.compile(r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|(?:社会公众或)?服务对象满意度|"
                    r"满意度|经济成本|社会成本|生态环境成本)指标$")
POINTS = re.compile(r"^[(（]?\d+(?:\.\d+)?分?[)）]?$")  # 产出指标 (50) / 30分): the block's points, not a cell
TOTAL = re.compile(r"^(?:总分|合计|总计)$")
VOCABULARY = [w for w, _ in INDICATOR_HEADERS + MONEY_HEADERS] + sorted(LEVEL1) + [
    "年初预算数", "全年预算数", "全年执行数", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "数量指标", "质量指标",
    "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"]


@dataclass(frozen=True)
class Token:
    text: str
    line: int  # 0-based index of its line
    row: bool  # its line is one row of several cells (between bars or wide blanks)
    column: int = -1  # between bars: its place among the line's cells, empty ones counted
    width: int = 0  # between bars: how many cells its line has, empty ones counted


def key(text: str) -> str:
    """A cell as a header or a level word: no blanks, no (A) or (万元), no colon."""
    return re.sub(r"[(（][^()（）]{0,12}[)）]|[:：]$", "", re.sub(r"\s+", "", text.translate(forms.FULL_WIDTH)))


def tokens(lines: list[str]) -> list[Token]:
    """The cells of every line, in order. A line with bars is split at them; a line of header words
    run together is split at blanks; other lines with two wide gaps are split there."""
    out: list[Token] = []
    for n, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if "|" in s:
            if s.strip("| ") == "" and s.count("|") == 1:
                out.append(Token(EMPTY, n, False))  # a lone | is an empty cell, when cells are one per line
                continue
            bars = [c.strip() for c in s.strip("|").split("|")] if s.startswith("|") else [c.strip() for c in s.split("|")]
            filled = [(c, text) for c, text in enumerate(bars) if text]
            out += [Token(text, n, len(filled) > 1, c, len(bars)) for c, text in filled]
            continue
        elif sum(key(w) in VOCABULARY for w in s.split()) >= RUN_TOGETHER:
            out += [Token(w, n, False) for w in s.split()]  # a whole table on one line: no row ends
            continue
        else:
            cells = re.split(r"[\t \u3000]{2,}|\t", s)
        cells = [c for c in cells if c]
        out += [Token(c, n, len(cells) > 1) for c in cells]
    return _joined(out)


def _joined(cells: list[Token]) -> list[Token]:
    """Header and level words a narrow column broke over lines (年度 / 指标值, 经济效 / 益指标) as one."""
    out: list[Token] = []
    for t in cells:
        last = out[-1] if out else None
        if (last and not t.row and not last.row and t.text and last.text
                and any(w.startswith(key(last.text) + key(t.text)) for w in VOCABULARY)):
            out[-1] = Token(last.text + t.text, last.line, False)
        else:
            out.append(t)
    return out


def _header(cells: list[Token], i: int, names: list[tuple[str, str]]) -> list[str]:
    """The fields the header cells from i name, in order, each once."""
    fields: list[str] = []
    for t in cells[i:i + 16]:
        k = key(t.text)
        field = next((f for w, f in names if w in k), None)
        if field is None:
            break
        fields.append(field if field not in fields else "extra")  # 得分计算方法 after 得分: a column not read
    return fields


def level_of(cells: list[Token], i: int, level1: str | None) -> tuple[int, str] | None:
    """(1 or 2, the word) if the cell at i is a 一级 or 二级指标 cell."""
    k = re.sub(r"[(（]?\d+(?:\.\d+)?分?[)）]?$", "", key(cells[i].text))
    after = key(cells[i + 1].text) if i + 1 < len(cells) else ""
    if k == "成本指标" and level1 == "产出指标" and not LEVEL2.match(after):
        return 2, k  # the 2020 forms' 产出指标 > 成本指标
    if k in LEVEL1 and not (k == level1 and LEVEL2.match(k)):
        return 1, k
    if LEVEL2.match(k):
        return 2, k
    return None


def _fits(cells: list[Token], i: int, fields: list[str], level1: str | None,
          empty: bool = False) -> tuple[dict, int] | None:
    """The row whose first cell is at i: ({field: Token or None}, index after it), or None. A row
    with no value fits only if empty (a money row written 其他资金 | - | -)."""
    if i >= len(cells) or not cells[i].text or level_of(cells, i, level1) or _ends(cells[i]):
        return None
    found = _line_row(cells, i, fields) if cells[i].row else _stream_row(cells, i, fields, level1, empty)
    if found is None or (not empty and not found[0].get(UNSURE) and not any(found[0].get(f) for f in fields if f != "note")):
        return None
    return found


def _line_row(cells: list[Token], i: int, fields: list[str]) -> tuple[dict, int] | None:
    """A row that is one line (with any next lines that begin with a number: a cell broken in two).
    Its empty cells are gone, so its values are placed only if they fit the columns one way: a
    number where a number must be. A last value left over is the note."""
    j, line = i + 1, cells[i].line
    values: list[Token] = []
    while j < len(cells) and (cells[j].line == line or (len(values) < len(fields) and _continues(cells[j]))):
        line = cells[j].line
        values.append(cells[j])
        j += 1
    plain = [f for f in fields if f != "note"]
    for take, note in ((values, None), (values[:-1], values[-1:])):
        if note and "note" not in fields:
            break
        ways = list(itertools.islice((w for w in _placements(take, plain) if _plausible(w)), 2))  # one or more
        if len(ways) > 1:
            return {UNSURE: True}, j  # more than one reading: the row is left for staff
        if len(ways) == 1:
            out = {f: None for f in fields} | ways[0]
            if note:
                out["note"] = note[0]
            return out, j
    return None


def _plausible(row: dict) -> bool:
    """Whether a placement can be what the form says: points and rates are at most 100 (a rate up to
    200%), a score within its weight, and a rate next to amounts is their ratio."""
    got = {f: forms.number(_plain(t.text)) for f, t in row.items() if t is not None and f in NUMERIC}
    if any(got.get(f, 0) > limit for f, limit in (("weight", 100), ("score", 100), ("rate", 200))):
        return False
    if got.get("score", 0) > got.get("weight", 100):
        return False
    base = got.get("adjusted") or got.get("initial")
    if "rate" in got and base and got.get("executed") is not None:
        return abs(got["executed"] / base * 100 - got["rate"]) <= 1
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
        number = forms.number(_plain(t.text)) is not None or DASH.match(t.text) is not None
        if (field in NUMERIC and not number) or (field in WORDS and number) or (
                field == "operator" and not forms.OPERATOR.fullmatch(t.text)):
            continue
        for rest in _placements(values[1:], fields[n + 1:]):
            yield {field: None if DASH.match(t.text) else t, **rest}


def _stream_row(cells: list[Token], i: int, fields: list[str], level1: str | None,
                empty: bool) -> tuple[dict, int] | None:
    """A row of a one-cell-per-line table: its cells one by one in the header's order."""
    j, out = i + 1, {}
    for field in fields:
        if field == "note":
            break  # decided after the row, by what follows
        if j >= len(cells):
            return None
        t = cells[j]
        if t.text == EMPTY or (field in NUMERIC and DASH.match(t.text)):
            out[field], j = None, j + 1
            continue
        if field in NUMERIC and forms.number(_plain(t.text)) is None:
            if empty and all(out.get(f) for f in fields if f in AMOUNTS):
                break  # a fund's row of the 2020 forms: its amounts, without 分值 / 执行率 / 得分
            return None
        if t.row or level_of(cells, j, level1) or _ends(t) or len(t.text) > MAX_CELL:
            return None
        out[field], j = t, j + 1
    return out, j


def _note(cells: list[Token], j: int, fields: list[str], level1: str | None) -> bool:
    """Whether the cell at j is the row's note: it does not begin a row, and a row, a level or the
    table's end follows it."""
    if "note" not in fields or j >= len(cells) or cells[j].row or _ends(cells[j]) or level_of(cells, j, level1):
        return False
    if cells[j].text == EMPTY:
        return True
    if _fits(cells, j, fields, level1):
        return False
    after = j + 1
    return after < len(cells) and (_fits(cells, after, fields, level1) is not None or level_of(cells, after, level1) is not None
            or _ends(cells[after]) or PLACEHOLDER.match(cells[after].text) is not None)


def _continues(t: Token) -> bool:
    """A line that begins with a number or a dash goes on the row before: a row begins with its name."""
    return t.text != EMPTY and (forms.number(_plain(t.text)) is not None or DASH.match(t.text) is not None)


def _points(text: str) -> bool:
    """产出指标 (50) / 30分): the points of the block before, in a cell of their own."""
    s = re.sub(r"\s+", "", text)
    return bool(POINTS.match(s) and re.search(r"[()（）分]", s))


def _ends(t: Token) -> bool:
    return bool(TOTAL.match(key(t.text)))


def _plain(text: str) -> str:
    """A number cell without the ? that a mis-encoded blank leaves after it (3,724,055.00?)."""
    return text.translate(forms.FULL_WIDTH).rstrip("?？ ")


def _where(t: Token) -> str:
    return f"第 {t.line + 1} 行"


def indicator_table(cells: list[Token]) -> tuple[list[dict], list[str], set[int], list[str]]:
    """(indicator rows, found, lines used, rows whose columns are unsure) of the first indicator
    table in the stream."""
    for start in range(len(cells)):
        fields = _header(cells, start, INDICATOR_HEADERS)
        if "name" not in fields or not {"weight", "score", "target"} & set(fields):
            continue
        header = {f: cells[start + n].column for n, f in enumerate(fields)}
        values = fields[fields.index("name") + 1:]
        values = [f for f in values if f not in ("level1", "level2")]
        rows: list[dict] = []
        unsure: list[str] = []
        i, level1, level2 = start + len(fields), None, None
        while i < len(cells):
            t = cells[i]
            if t.text == EMPTY or PLACEHOLDER.match(t.text) or (i and _points(t.text) and level_of(cells, i - 1, None)):
                i += 1
                continue
            level = level_of(cells, i, level1)
            if level:
                if level[0] == 1:
                    level1, level2 = level[1], None
                else:
                    level2 = level[1]
                i += 1
                continue
            if t.row and t.width == cells[start].width and cells[start].row and _in_columns(cells, i, header):
                # A row with every cell in its place (empty ones between bars): read by column.
                level1, level2, item, i = _by_column(cells, i, header, level1, level2)
                if item:
                    rows.append(item)
                continue
            fit = _fits(cells, i, values, level1)
            if fit is None or level1 is None:
                break
            row, i = fit
            if row.get(UNSURE):
                unsure.append(f"绩效指标 {t.text}（第 {t.line + 1} 行）")
                continue
            if _note(cells, i, values, level1):
                row["note"] = cells[i] if cells[i].text else None
                i += 1
            item = forms.indicator_item(level1, level2, t.text, {f: _cell(row, f) for f in values})
            if item.get("score", 0) > item.get("weight", 100):
                break  # a score above its weight: the columns are not what the header says
            rows.append(item)
        if rows:
            used = set(range(cells[start].line, cells[i - 1].line + 1))
            return rows, [f"绩效指标：{len(rows)} 行（第 {cells[start].line + 1} 行起）"], used, unsure
    return [], [], set(), []


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
            and all(not texts.get(f) or forms.number(_plain(texts[f])) is not None for f in ("weight", "score")))


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
    values = {f: _plain(v) if f in NUMERIC else v for f, v in texts.items()}
    return level1, level2, forms.indicator_item(level1, level2, texts["name"], values), i


def _cell(row: dict, field: str) -> str:
    t = row.get(field)
    return "" if t is None else _plain(t.text) if field in NUMERIC else t.text


def money_table(cells: list[Token]) -> tuple[dict, list[str], set[int], list[str]]:
    """({"budget", "spending", "funds"}, found, lines used, rows whose columns are unsure) from the
    first money block in the stream."""
    for start in range(len(cells)):
        fields = _header(cells, start, MONEY_HEADERS)
        if not ({"initial", "adjusted"} & set(fields) and "executed" in fields):
            continue
        out: dict = {"budget": {}, "spending": {}, "funds": []}
        found: list[str] = []
        unsure: list[str] = []
        i = last = start + len(fields)
        while i < len(cells):
            t = cells[i]
            if forms.number(_plain(t.text)) is not None or DASH.match(t.text) or t.text == EMPTY:
                i += 1  # a number left over from a cell the line broke in two
                continue
            label = key(t.text)
            if len(label) > 20 or re.search(r"指标|目标", label):
                break
            fit = _fits(cells, i, fields, None, empty=True)
            if fit is None:
                break
            row, i = fit
            last = i
            if row.get(UNSURE):
                unsure.append(f"资金 {t.text}（第 {t.line + 1} 行）")
                continue
            if _note(cells, i, fields, None):
                i += 1
            amounts = {f: forms.number(_plain(row[f].text)) for f in (*AMOUNTS, "rate")
                       if row.get(f) is not None}
            where = f"（{_where(t)}）"
            place, name = forms.money_row(re.sub(r"\s+", "", t.text).rstrip(":："))
            if place == "budget":
                out["budget"].update(amounts)
                found += [f"{AMOUNT_NAMES.get(f, '执行率')}：{forms.number_text(v)}{where}" for f, v in amounts.items()]
            elif place == "spending":
                if amounts.get("executed") is not None:
                    out["spending"][name] = amounts["executed"]
                    found.append(f"{'基本支出' if name == 'basic' else '项目支出'}：{forms.number_text(amounts['executed'])}{where}")
            else:
                amounts.pop("rate", None)
                out["funds"].append({"source": name, **amounts})
                said = "、".join(f"{AMOUNT_NAMES[f]} {forms.number_text(v)}" for f, v in amounts.items())
                found.append(f"资金来源 {name}：{said or '未填'}{where}")
            last = i
        if found or unsure:
            return out, found, set(range(cells[start].line, cells[last - 1].line + 1)), unsure
    return {}, [], set(), []


HEADING = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)])")
GOAL_HEADS = re.compile(r"^(?:年初设定目标|预期目标|年初绩效目标|年度目标|全年绩效目标|调整后目标)$")
DONE_HEAD = re.compile(r"完成情况")
INSTRUCTION = re.compile(r"字以内|请填写|请结合|结合自评情况|(?:说明|分析|提出)[^。]{0,30}(?:原因|成效|意见)")  # the form's own help text


def goals_block(cells: list[Token]) -> tuple[list[dict], list[str]]:
    """The form's 年度总体目标 block: columns 年初设定目标 (预期目标 …) and 实际完成情况, then one cell
    under each; read only when the cells up to the next block are exactly as many as the columns
    (a goal broken over several lines cannot be told from its completion)."""
    for start, t in enumerate(cells):
        if not GOAL_HEADS.match(key(t.text)):
            continue
        end = start
        while end < len(cells) and (GOAL_HEADS.match(key(cells[end].text)) or DONE_HEAD.search(key(cells[end].text))):
            end += 1
        heads = cells[start:end]
        if len(heads) < 2 or not DONE_HEAD.search(key(heads[-1].text)):
            continue
        values = []
        for c in cells[end:]:
            if c.text == EMPTY:
                continue
            if re.search(r"指标|资金", key(c.text)) and len(c.text) <= 20:
                break  # the next block's label
            values.append(c)
        if len(values) != len(heads) or any(INSTRUCTION.search(v.text) or PLACEHOLDER.match(v.text) for v in values):
            return [], []
        return ([{"goal": values[0].text, "completion": values[-1].text}],
                [f"年度目标：1 项（第 {values[0].line + 1} 行）"])
    return [], []


def form_region(lines: list[str], used: set[int]) -> set[int]:
    """The form's lines around the blocks read from it: up to its title (…自评表) and down to its last
    cell, over the lines that are cells (between bars, or short and without a sentence's end)."""
    if not used:
        return used
    first, last = min(used), max(used)

    def cell_like(line: str) -> bool:  # a heading (一、 （二）) is the narrative's, never the form's
        s = line.strip()
        return not s or "|" in s or (len(s) <= 40 and not re.search(r"[。；]$", s) and not HEADING.match(s))

    while first > 0 and cell_like(lines[first - 1]):
        first -= 1
        if re.search(r"自评表|评价表|评分表", lines[first]):
            break
    while last + 1 < len(lines) and cell_like(lines[last + 1]):
        last += 1
    return set(range(first, last + 1))


def stated_score(cells: list[Token]) -> tuple[float, int] | None:
    """The form's 自评总分 field (自评总分: | 99.68): the cell after the label, if it is a score."""
    for n, t in enumerate(cells[:-1]):
        if key(t.text) in ("自评总分", "自评得分", "自评总得分"):
            value = forms.number(_plain(cells[n + 1].text))
            if value is not None and 0 <= value <= 100:
                return value, cells[n + 1].line
    return None


def form_values(lines: list[str]) -> tuple[dict, list[str], set[int], list[str]]:
    """What a flattened form states, as assemble.form_values gives it for real tables; the lines
    of the form; and the rows left unread because their cells fit the columns more than one way."""
    cells = tokens(lines)
    values: dict = {}
    money, found, used, unsure = money_table(cells)
    for k in ("budget", "spending"):
        if money.get(k):
            values[k] = money[k]
    if money.get("funds"):
        values["funds"] = money["funds"]
    rows, more, lines_used, rows_unsure = indicator_table(cells)
    if rows:
        values["indicators"] = rows
    if score := stated_score(cells):
        values["result"] = {"score": score[0]}
        more.append(f"自评得分：{score[0]}（第 {score[1] + 1} 行）")
    if used or lines_used:
        goals, said = goals_block(cells)
        if goals:
            values["goals"] = goals
            more += said
    return values, found + more, form_region(lines, used | lines_used), unsure + rows_unsure
