"""An indicator table whose cells were run together with nothing between them, as a page that
copied a PDF's text shows it: 一级指标二级指标三级指标分值年度指标值全年实际值得分…产出指标(70分)数量指标
安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10质量指标…

The header's words give the columns; 一级 / 二级指标 words cut the rest into runs of rows. A run is
read only if it splits into rows one way alone (a name not starting with a digit, points at most 100
without a leading zero, a score within its weight, values with their operator and unit). A target
and an actual that are one value written twice (显著提升显著提升) are read as that value twice; any
other run that splits more than one way (显著提升明显改善) is listed as unsure, never guessed.
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import INDICATOR_HEADERS, LEVEL1, LEVEL2

HEADER_WORDS = sorted({w for w, _ in INDICATOR_HEADERS} | {"年度指标值", "全年实际值", "实际完成值", "全年完成值", "偏差原因分析及改进措施",
                                                           "未完成原因及拟采取的改进措施", "未完成原因和改进措施", "未完成原因分析"},
                      key=len, reverse=True)
# A level's points after its word (产出指标(70分), 数量指标20分) are the level's, not a name's
LEVEL_POINTS = r"(?:[(（]\d+(?:\.\d+)?分?[)）]|\d+(?:\.\d+)?分)?"
LEVEL_WORD = re.compile("(" + "|".join(sorted(LEVEL1, key=len, reverse=True)) + ")" + LEVEL_POINTS + "|("
                        + LEVEL2.pattern.strip("^$") + ")" + LEVEL_POINTS)
END = re.compile(r"总分|合计|注[:：]|……|(?<=[%\d])说明")  # (…100%说明无: the form's 说明 row after the last)
POINTS = r"(?:100|[1-9]?\d)(?:\.\d+)?"
# A value: an operator, a number without a leading zero and its unit; or words, not a unit's (万元).
VALUE = r"(?:≥|≤|>|<|=|＞|＜)?(?:(?:0|[1-9]\d*)(?:\.\d+)?(?:%|‰|[\u4e00-\u9fff]{1,3})?|(?![万元亿])[\u4e00-\u9fff]{2,8})"
# A name: three characters or more, no digit (with nothing between cells, a digit in a name could
# as well be the points after it), not beginning with the unit of the value before it.
NAME = r"[^\d≥≤<>=＞＜%‰万元亿亩米吨][^\d≥≤<>=＞＜%‰]{2,39}?"
# Tried only where no row reads with NAME: figures inside a name (5000吨稻谷、500吨成品粮储备到位率).
NAME_WITH_FIGURES = r"[^≥≤<>=＞＜%‰万元亿亩米吨][^≥≤<>=＞＜%‰]{1,38}?[^\d≥≤<>=＞＜%‰、，,；;]"
FIGURES_INSIDE = r"[^\d≥≤<>=＞＜%‰万元亿亩米吨][^≥≤<>=＞＜%‰]{1,38}?[^\d≥≤<>=＞＜%‰、，,；;]"
# A value of one word, read only when written twice (高高: the target met)
ONE_WORD = r"[高低是否好优良无有]"
FIELD = {"weight": POINTS, "score": POINTS, "target": VALUE, "actual": VALUE}
# Without points to check a row, a value in words could end anywhere (粮食储 | 备设 | 备维…): only
# numbers are read, and words only where the target met is written twice (高高).
NUMBER_VALUE = r"(?:≥|≤|>|<|=|＞|＜)?(?:0|[1-9]\d*)(?:\.\d+)?(?:%|‰|[\u4e00-\u9fff]{1,3})?"
REPEATED = re.compile(r"([^\d]{2,}?)\1")  # words written twice over (合格合格)
YEAR_AHEAD = re.compile(r"\d{0,2}(?:19|20)\d\d年")  # a year starting up to two digits back: 20 | 20年 is 2020年
MAX_SPLITS = 2  # two readings are enough to know a run is not certain
MAX_BODY = 20_000  # a form's indicator table is a few thousand characters; more is not one (and costs time)
MAX_RUN = 2000  # characters between two level words: more is not one block of rows
MAX_CELL = 40


def glued_indicators(line: str) -> tuple[list[dict], list[str]]:
    """(rows, runs left unread because they split into rows more than one way) of the indicator table
    run together in line; ([], []) if line holds no such table."""
    text = re.sub(r"\s+", "", line.translate(forms.FULL_WIDTH))
    start = text.find("一级指标二级指标三级指标")
    if start < 0:
        return [], []
    fields, pos = _header(text, start)
    values = [f for f in fields if f in FIELD]
    # Points (a score within its weight) or a target and its actual value: enough columns that a
    # row's cells check each other.
    if fields[:3] != ["level1", "level2", "name"] or not ({"weight", "score"} <= set(values) or {"target", "actual"} <= set(values)) \
            or len(values) != len(fields) - 3 - ("note" in fields):
        return [], []
    body = text[pos:]
    body = body[:m.start()] if (m := END.search(body)) else body
    if len(body) > MAX_BODY:
        return [], [f"连在一起的指标表超过 {MAX_BODY:,} 字，未读"]
    rows: list[dict] = []
    unsure: list[str] = []
    level1 = level2 = None
    matches = list(LEVEL_WORD.finditer(body))
    for n, m in enumerate(matches):
        after = LEVEL_WORD.match(body, m.end())
        if m.group(1) == "成本指标" and level1 == "产出指标" and not (after and after.group(2)):
            level2 = m.group(1)  # the 2020 forms' 产出指标 > 成本指标
        elif m.group(1):
            level1, level2 = m.group(1), None
        else:
            level2 = m.group(2)
        run = body[m.end():matches[n + 1].start() if n + 1 < len(matches) else len(body)]
        if not run:
            continue
        splits = _splits(run, values, words={"weight", "score"} <= set(values))
        if not splits:  # 5000吨稻谷、500吨成品粮储备到位率100%100%: a name with figures, read if that is the one way
            splits = _splits(run, values, words={"weight", "score"} <= set(values), name=NAME_WITH_FIGURES)
        if len(splits) == 1 and level1:
            rows += [forms.indicator_item(level1, level2, name, cells) for name, cells in splits[0]]
        else:
            unsure.append(f"{level2 or level1}：{run[:30]}")
    return rows, unsure


def _header(text: str, pos: int) -> tuple[list[str], int]:
    """The fields the run-together header names from pos, and where its words end."""
    fields: list[str] = []
    while True:
        word = next((w for w in HEADER_WORDS if text.startswith(w, pos)), None)
        if word is None:
            return fields, pos
        field = next(f for w, f in INDICATOR_HEADERS if w in word) if any(w in word for w, _ in INDICATOR_HEADERS) else "note"
        fields.append(field)
        pos += len(word)


def _splits(run: str, values: list[str], words: bool = True, name: str = NAME) -> list[list[tuple[str, dict]]]:
    """Every way (up to two) to cut run into rows of a name and the values' cells, each row's score
    within its weight. One pass over (position, column, weight): linear in the run's length."""
    if len(run) > MAX_RUN:
        return []
    # (a name with figures may start with one only where the run starts: elsewhere a digit ends the cell before)
    first_name = re.compile(name)
    patterns = [re.compile(name if name == NAME else FIGURES_INSIDE)] + [re.compile(FIELD[f] if words or f not in ("target", "actual") else NUMBER_VALUE)
                                     for f in values]
    memo: dict[tuple, list] = {}

    def ways(pos: int, k: int, weight: float | None, pinned: str | None = None) -> list[list[str]]:
        """pinned: the target written twice (显著提升显著提升), which the actual cell must then be."""
        if pos == len(run):
            return [[]] if k == 0 else []
        state = (pos, k, weight, pinned)
        if state not in memo:
            found: list[list[str]] = []
            ends, twice = range(pos + 1, min(len(run), pos + MAX_CELL) + 1), None
            if k and values[k - 1] == "target" and k < len(values) and values[k] == "actual" and (twice := _written_twice(run, pos)):
                ends = [pos + len(twice)]  # 显著提升显著提升: the target met, written in both cells
            if pinned is not None:
                ends = [pos + len(pinned)] if run.startswith(pinned, pos) else []
            for end in ends:
                cell = run[pos:end]
                if cell[-1].isdigit() and end < len(run) and (run[end] in "年月日" or (run[end].isdigit() and YEAR_AHEAD.match(run, end - 2))):
                    continue  # 20 | 20年度…: a cell does not end inside a date (2020年度轮换计划)
                field = values[k - 1] if k else "name"
                said_twice = twice if field == "target" else pinned is not None
                if k == 0 and name != NAME and REPEATED.search(cell):
                    continue  # 储存安全合格合格2020年度…: a target met written twice is no part of a name
                if not ((first_name if k == 0 and pos == 0 else patterns[k]).fullmatch(cell) or (said_twice and (re.fullmatch(VALUE, cell) or re.fullmatch(ONE_WORD, cell)))):
                    continue
                number = forms.number(cell) if field in ("weight", "score") else None
                if field == "score" and (number is None or weight is None or number > weight):
                    continue
                if field == "weight" and (number is None or number < 1):
                    continue  # every 三级指标 carries points
                after = (k + 1) % len(patterns)
                found += [[cell, *rest] for rest in ways(end, after, number if field == "weight" else weight if after else None,
                                                         twice if field == "target" else None)]
                if len(found) >= MAX_SPLITS:
                    break
            memo[state] = found[:MAX_SPLITS]
        return memo[state]

    width = len(patterns)
    return [[(cut[i], dict(zip(values, cut[i + 1:i + width]))) for i in range(0, len(cut), width)] for cut in ways(0, 0, None)]


def _written_twice(run: str, pos: int) -> str | None:
    """The value written twice over from pos (显著提升显著提升, ≥1000人≥1000人), the longest such, or None.
    A target met is often written again as its actual value; cut anywhere else, the two cells
    would be two values that happen to join into one value said twice, which no form holds."""
    for size in range(min(MAX_CELL, (len(run) - pos) // 2), 0, -1):
        cell = run[pos:pos + size]
        if run.startswith(cell, pos + size) and (re.fullmatch(VALUE, cell) or re.fullmatch(ONE_WORD, cell)):
            return cell
    return None


def glued_total(line: str) -> float | None:
    """The 总分 row's score after a run-together indicator table: 总分100100 is 分值 100 and 得分 100,
    总分10099 is 100 and 99."""
    text = re.sub(r"\s+", "", line.translate(forms.FULL_WIDTH))
    # the last 总分: the total row ends the table (学员考核总分 | 10 | ≥90分 … is an indicator's name)
    found = None
    for found in re.finditer(r"总分(\d{3,10}(?:\.\d+)?)(?![\d.%])", text[text.find("一级指标二级指标三级指标"):]):
        pass
    if not found or "一级指标二级指标三级指标" not in text:
        return None
    # A total out of 100 is read as 100 and its score (总分100 alone: its score cell left empty, not 10 | 0);
    # another, only where the digits cut one way (95 | 90).
    digits = found.group(1)
    if digits.startswith("100"):
        score = digits[3:]
        return float(score) if re.fullmatch(POINTS, score) and float(score) <= 100 else None
    cuts = [(digits[:n], digits[n:]) for n in range(1, len(digits))
            if all(re.fullmatch(POINTS, p) for p in (digits[:n], digits[n:])) and float(digits[n:]) <= float(digits[:n])]
    return float(cuts[0][1]) if len(cuts) == 1 else None

