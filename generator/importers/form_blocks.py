"""The parts of a flattened form besides its money block and indicator table: the 年度总体目标
block, the 自评总分 field, the amounts a form gives as label and value (转移支付预算数(A) 5.8万), and
the lines the whole form spans (kept apart from the narrative).
"""

from __future__ import annotations

import itertools
import re

from . import forms
from .cell_stream import AMOUNT_NAMES, EMPTY, PLACEHOLDER, Token, key, plain

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


POINTS_GIVEN = re.compile(r"[(（]\s*100\s*分\s*[)）]")
GRADE_LABELS = ("自评等级", "评价等级", "绩效等级", "自评等次")


def stated_score(cells: list[Token]) -> tuple[float, int] | None:
    """The form's 自评总分 field (自评总分: | 99.68): the cell after the label, if it is a score on the
    label's line (a 自评得分 column's header is followed by the next row, not by a value)."""
    for t in cells:
        if glued := re.fullmatch(r"自评总(?:得)?分[:：]?(\d{1,3}(?:\.\d+)?)分?", key(t.text)):  # 自评总分100, its cell run on
            if float(glued.group(1)) <= 100:
                return float(glued.group(1)), t.line
    for n, t in enumerate(cells[:-1]):
        label, after = key(t.text), cells[n + 1]
        if label in ("自评总分", "自评得分", "自评总得分") and (after.line == t.line or label != "自评得分" and not t.row):
            value = forms.number(plain(after.text))
            if value is not None and 0 <= value <= 100:
                return value, after.line
    return total_row(cells)


def total_row(cells: list[Token]) -> tuple[float, int] | None:
    """The indicator table's 总分 row (总分 | 100 | 96 | 优, or one cell per line): its score after the 100 points."""
    for n, t in enumerate(cells[:-1]):
        if key(t.text) == "总分" and POINTS_GIVEN.search(t.text) and not t.row and (after := _filled(cells, n)):
            # 总分(100分) / 100, one cell per line: the row's points are in its label, the score follows
            value = forms.number(plain(after.text))
            if value is not None and 0 <= value <= 100 and after.line > t.line:
                return value, after.line
    for n, t in enumerate(cells[:-2]):
        points, score = cells[n + 1], cells[n + 2]
        on_its_line = t.line == points.line == score.line
        one_per_line = not (t.row or points.row or score.row) and t.line < points.line < score.line
        if key(t.text) == "总分" and (on_its_line or one_per_line) and forms.number(plain(points.text)) == 100:
            value = forms.number(plain(score.text))
            if value is not None and 0 <= value <= 100:
                return value, score.line
    header_words: set[str] = set()  # the cells of the last indicator header's line (三级指标 … 得分)
    for n, t in enumerate(cells[:-1]):
        k, after = key(t.text), cells[n + 1]
        if k == "三级指标":
            first = next(k for k in range(n, -1, -1) if k == 0 or cells[k - 1].line != t.line)
            header_words = {key(c.text) for c in itertools.takewhile(lambda c: c.line == t.line, itertools.islice(cells, first, None))}
        elif k == "总分" and t.row and after.line == t.line and _scores_only(header_words) \
                and (n + 2 >= len(cells) or cells[n + 2].line != t.line or not cells[n + 2].text):
            # 总分 | 71.7 | under a header with 得分 and no 分值 column: the row's one number is its score
            value = forms.number(plain(after.text))
            if value is not None and 0 <= value <= 100:
                return value, after.line
    return None


def _scores_only(words: set[str]) -> bool:
    """Whether an indicator header's cells have 得分 and no 分值 column."""
    return "得分" in words and not any(re.search(r"分值|权重", w) for w in words)


def total_grade(cells: list[Token]) -> tuple[str, int] | None:
    """The grade the 总分 row gives after its score (总分 | 100 | 96 | 优)."""
    for n, t in enumerate(cells[:-3]):
        if key(t.text) == "总分" and (row := total_row(cells[n:n + 3])) and cells[n + 3].line == row[1]:
            if grade := forms.GRADE_WORDS.get(key(cells[n + 3].text)):
                return grade, row[1]
    for n, t in enumerate(cells[:-1]):  # … | 自评等级 | 优: the form's grade field
        if key(t.text) in GRADE_LABELS and (at := _filled_at(cells, n)) and (grade := forms.GRADE_WORDS.get(key(cells[at].text))):
            following = _filled(cells, at)
            if following is None or not forms.GRADE_WORDS.get(key(following.text)):  # not a legend: 等级 | 优 | 良 | 中
                return grade, cells[at].line
    return None


def _filled_at(cells: list[Token], n: int) -> int | None:
    """The index of the next cell after n with text in it (a lone bar on its own line is an empty cell)."""
    return next((k for k in range(n + 1, min(n + 4, len(cells))) if cells[k].text), None)


def _filled(cells: list[Token], n: int) -> Token | None:
    return cells[at] if (at := _filled_at(cells, n)) is not None else None


# The 中央对地方转移支付 区域 form gives its money as labels and values, not as a grid:
# 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100% / 转移支付执行数(B) | 5.8万.
# 年度预算资金总额 heads the transfer-payment checklist's money (计划生育转移支付资金合计(万元) 年度预算资金总额): 1084.25).
LABELLED = {"转移支付预算数": "adjusted", "年度预算资金总额": "adjusted", "转移支付执行数": "executed", "预算执行率": "rate"}
# Each optional piece takes its own blanks after it: one run of blanks is read by one \s* (not tried
# split between two, which is quadratic in a long run).
LABELLED_VALUE = re.compile("(" + "|".join(LABELLED) + r")\s*(?:[(（][A-Z](?:\s*/\s*[A-Z])?[)）]\s*)?(?:[)）]\s*)?(?:[:：|]\s*)?"
                            r"(\d[\d,]*(?:\.\d+)?)\s*(万元|万|元|%)?")
# A source under it, a line of its own: 其中:中央补助 668.00 / 市级资金 343.00 / 本级资金(包括结转结余) 73.25
SOURCE_LINE = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([\u4e00-\u9fff()（）]{2,20}?)\s*(?:[:：]\s*)?(\d[\d,]*(?:\.\d+)?)\s*(?:万元|万)?\s*$")


# Sichuan's 区域绩效目标自评表: 预算数: and 执行数: each a cell of its own, the amount in the next cell
# (one cell per line). Only a cell that is the label alone, with its colon.
BARE = {"预算数": "adjusted", "执行数": "executed"}
BARE_LABEL = re.compile(r"^\s*(预算数|执行数)\s*[:：]\s*$")
BARE_VALUE = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|万|元)?\s*$")


def labelled_money(lines: list[str]) -> tuple[dict, list[str], set[int], list[dict]]:
    """({"adjusted", "executed", "rate"}, found, lines used, funds) of a form giving its money as label
    and value; a rate only with its %, an amount never with one, and a rate only if it is the amounts'
    ratio. The funds: the sources listed on the lines after the year's budget, if they add up to it."""
    read: dict[str, tuple[float, str, int]] = {}
    bare = {n: said for n in range(len(lines)) if (said := _bare_labelled(lines, n))}
    if {said[0] for said in bare.values()} != set(BARE):
        bare = {}  # 预算数: and 执行数: each with its amount, or neither (执行数: / (empty) / 20 is its points)
    for n, line in enumerate(lines):
        for label, raw, unit in LABELLED_VALUE.findall(line.translate(forms.FULL_WIDTH)) + ([bare[n]] if n in bare else []):
            field = LABELLED.get(label) or BARE[label]
            if (field == "rate") == (unit == "%") and field not in read:
                read[field] = (float(raw.replace(",", "")), f"{label}：{raw}（第 {n + 1} 行）", n)
    if "rate" in read and not ({"adjusted", "executed"} <= read.keys() and forms.rate_agrees(
            read["executed"][0], read["adjusted"][0], forms.number_text(read["rate"][0]))):
        del read["rate"]  # a 预算执行率 alone is a narrative's, or not these amounts' ratio
    used = {n for _, _, n in read.values()}
    funds = []
    if bare and {"adjusted", "executed"} <= read.keys():
        funds, source_lines = _bare_sources(lines, read["adjusted"][0], read["executed"][0], max(bare))
        used |= source_lines
    elif "adjusted" in read:
        total, _, at = read["adjusted"]
        funds = _sources_below(lines, total, at)
        used |= set(range(at + 1, at + 1 + len(funds)))  # the sources' lines
    found = [said for _, said, _ in read.values()]
    if funds:
        found.append("资金来源：" + "、".join(f"{f['source']} {forms.number_text(f['adjusted'])}" for f in funds) + "（全年预算数）")
        if any("executed" in f for f in funds):
            found.append("资金来源：" + "、".join(f"{f['source']} {forms.number_text(f['executed'])}" for f in funds) + "（全年执行数）")
    return {f: v for f, (v, _, _) in read.items()}, found, used, funds


def _bare_labelled(lines: list[str], n: int) -> tuple[str, str, str] | None:
    """(label, amount, unit) when line n is a bare 预算数: cell and the next non-blank line its amount."""
    if not (label := BARE_LABEL.match(lines[n].translate(forms.FULL_WIDTH))):
        return None
    below = next((line for line in lines[n + 1:n + 4] if line), "")  # a line of blanks is a cell left empty
    value = BARE_VALUE.match(below.translate(forms.FULL_WIDTH))
    return (label.group(1), value.group(1), value.group(2) or "") if value else None


# … and its sources, each a cell under 预算数 then a cell under 执行数: 其中:中央补助 / 2.38 万元 / 其中:中央补助 / 2.38万元
SOURCE_CELL = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([\u4e00-\u9fff][\u4e00-\u9fff()（）/、]{1,20})\s*[:：]?\s*$")
AMOUNT_CELL = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)?\s*(?:万元|万|元)\s*$")


def _bare_sources(lines: list[str], budget: float, executed: float, n: int) -> tuple[list[dict], set[int]]:
    """The sources after Sichuan's bare 预算数: / 执行数: cells (n: the last label's line), each named
    twice, its budget then its spending, when the amounts add up to the two totals; and their lines."""
    cells = [(k, line) for k, line in enumerate(lines[n + 1:n + 40], n + 1) if line.strip()][:24]
    pairs: list[tuple[str, float | None, int]] = []
    k = 0
    while k + 1 < len(cells):
        name, amount = SOURCE_CELL.match(cells[k][1]), AMOUNT_CELL.match(cells[k + 1][1])
        if name and amount:
            pairs.append((name.group(1), float(amount.group(1).replace(",", "")) if amount.group(1) else None, cells[k + 1][0]))
            k += 2
        elif pairs:
            break
        else:
            k += 1  # the 执行数's amount and its points (2.38 / 20) before the first source
    out: dict[str, dict] = {}
    for name, value, _ in pairs:
        fund = out.setdefault(name, {"source": name})
        key = "adjusted" if "adjusted" not in fund else "executed" if "executed" not in fund else None
        if key is None:
            return [], set()  # named three times: not this layout
        fund[key] = value  # (地方资金/其他 / 万元: named, no amount)
    funds = [{k: v for k, v in f.items() if v is not None} for f in out.values()]
    sums = [sum(f.get(k, 0) for f in funds) for k in ("adjusted", "executed")]
    if not pairs or abs(sums[0] - budget) >= 0.005 or abs(sums[1] - executed) >= 0.005:
        return [], set()
    return [f for f in funds if len(f) > 1], set(range(n + 1, pairs[-1][2] + 1))


def _sources_below(lines: list[str], total: float, n: int) -> list[dict]:
    """The sources on the lines just after the total's (其中 first), each a name and an amount, when
    they add up to the total: a list cut short, or another block's, is not its sources."""
    out = []
    for line in lines[n + 1:n + 12]:
        found = SOURCE_LINE.match(line.translate(forms.FULL_WIDTH))
        if not found or (not out and not line.strip().startswith("其中")):
            break
        out.append({"source": found.group(1), "adjusted": float(found.group(2).replace(",", ""))})
    return out if out and abs(sum(f["adjusted"] for f in out) - total) < 0.005 else []


# Hebei's 预算项目绩效自评表 pairs each amount with its label on one line, under 预算安排情况(调整后) |
# 资金到位情况 | 资金执行情况 | 预算执行进度(%): 预算数 6.84 到位数 6.84 执行数 6.84 100.00, or with
# nothing between (预算数62.73到位数62.73执行数62.73100.00); each source's line the same way.
AMOUNT = r"(\d[\d,]{0,20}(?:\.\d{1,8})?)"
PAIRED = re.compile(r"^\s*预算数\s*" + AMOUNT + r"\s*到位数\s*" + AMOUNT + r"\s*执行数\s*([\d,.]{1,40}(?:\s+[\d,.]{1,20})?)$")
PAIRED_HEADER = re.compile(r"(年初)?预算安排情况.*资金执行情况")  # the block's header, on the line above
MAX_LINE = 200  # a form's line of paired amounts is short: a longer one is not one (and is not scanned)
PAIRED_SOURCE = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([\u4e00-\u9fff]{2,12}?)\s*" + AMOUNT + r"\s*(?:其中\s*[:：]\s*)?\1\s*"
                           + AMOUNT + r"\s*(?:其中\s*[:：]\s*)?\1\s*" + AMOUNT + r"\s*$")


def paired_money(lines: list[str]) -> tuple[dict, list[str], set[int], list[dict]]:
    """({"adjusted", "executed", "rate"}, found, lines used, funds) of a form pairing labels and
    amounts on one line. The 执行数 and the 执行进度 after it, run together, are split only where the
    rate is the amounts' ratio, one way alone; a rate that is not their ratio is not read."""
    for n, line in enumerate(lines):
        found = PAIRED.match(line.translate(forms.FULL_WIDTH).strip()) if len(line) <= MAX_LINE else None
        header = found and next((h for h in (PAIRED_HEADER.search(re.sub(r"\s+", "", k)) for k in lines[max(0, n - 2):n]) if h), None)
        if not header:
            continue  # the form's block only: a report quoting one project's line is not the report's money
        budget = float(found.group(1).replace(",", ""))
        tail = found.group(3).split()
        if not re.search(r"\s", line.strip()):  # 62.73100.00: cut where the rate is the amounts' ratio, one way
            tail = cuts[0] if len(cuts := _rate_cuts(found.group(3), budget)) == 1 else []
        if len(tail) not in (1, 2) or forms.number(tail[0]) is None:
            return {}, [], set(), []
        column = "initial" if header.group(1) else "adjusted"  # 预算安排情况(调整后), or 年初预算安排情况
        money = {column: budget, "executed": forms.number(tail[0])}
        if len(tail) == 2 and forms.rate_agrees(money["executed"], budget, tail[1]):
            money["rate"] = forms.number(tail[1])
        said = [f"{AMOUNT_NAMES.get(k, '执行率')}：{forms.number_text(v)}（第 {n + 1} 行）" for k, v in money.items()]
        funds, used = [], {n}
        for k, below in enumerate(lines[n + 1:n + 6], n + 1):
            if len(below) <= MAX_LINE and (source := PAIRED_SOURCE.match(below.translate(forms.FULL_WIDTH))):
                funds.append({"source": source.group(1), column: float(source.group(2).replace(",", "")),
                              "executed": float(source.group(4).replace(",", ""))})
                said.append(f"资金来源 {source.group(1)}：{AMOUNT_NAMES[column]} {source.group(2)}、"
                            f"{AMOUNT_NAMES['executed']} {source.group(4)}（第 {k + 1} 行）")
                used.add(k)
            elif below.strip() and not below.strip().startswith("其他"):
                break
        return money, said, used, funds
    return {}, [], set(), []


def _rate_cuts(run: str, budget: float) -> list[list[str]]:
    """The ways to cut run into an amount and a rate that is its ratio to budget."""
    out = []
    for k in range(1, len(run)):
        amount, rate = run[:k], run[k:]
        if re.fullmatch(r"\d+(?:\.\d+)?", amount) and re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", rate) \
                and forms.rate_agrees(float(amount), budget, rate):
            out.append([amount, rate])
    return out
