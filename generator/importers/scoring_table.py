"""A scoring table (评分表) flattened into text: the 部门整体 and older project layouts that score a
unit against criteria, not against targets. Columns 一级 / 二级 / 三级指标 | 指标分值 | 指标解释 |
评分标准 | 自评得分 (or no 分值 column, the points in brackets after each name), and level cells
that carry their points: 规划 (15分), 部门预 / 算管理 / 80分). Or each level with its points in a
column of their own (Hunan's 部门整体支出绩效评价指标表: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 |
分值 | 评价标准 | 指标说明 | 得分, some copies heading the points columns 得分).

Rows hold a name, its weight and its score, nothing else is read. The points make the table check
itself: the weights under a level add up to that level's points (where the level is seen whole),
and a table whose sums disagree is left for staff, never read.
"""

from __future__ import annotations

import re

from . import forms

HEAD = re.compile(r"^(?:序号|[一二三]级(?:指标?)?|指标|标|绩效指标|(?:指标)?分值|权重|指标解释|[计评]分标准|"
                  r"指标说明(?:及评分标准)?|评价标准|评分要点|评价要点|指标内涵|自评|(?:自评)?得分|自评分|备注)$")
TARGETS = re.compile(r"指标值|目标值|完成值|实际值")  # a form of targets: flattened.py reads it
POINTS = re.compile(r"[(（]?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$")  # (15分) 80分) (5 分)
BROKEN_POINTS = re.compile(r"^\d*(?:\.\d+)?\s*分?\s*[)）]$")  # 分) left on its own by a blank
TOTAL = re.compile(r"^(?:总分|合计|总计)")
MAX_NAME = 30
MAX_TEXTS = 60  # cells of 指标解释 and 评分标准 between a weight and its score
# Each level's points in the column after it: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 (or 得分).
POINTS_COLUMNS = re.compile(r"一级指标?(?:分值|得分)二级指标?(?:分值|得分)三级指标?(?:分值|得分)")
NOT_A_NAME = re.compile(r"[\d,，;；。:：=＝%％]")  # a rule's or an explanation's text, not a name


def _cells(lines: list[str]) -> list[tuple[str, int]]:
    """(cell, line) in order: a line split at its bars, or else at its blanks; 分) rejoined."""
    out: list[tuple[str, int]] = []
    for n, line in enumerate(lines):
        parts = line.split("|") if "|" in line else line.split()
        for part in (p.strip() for p in parts):
            if not part:
                continue
            if out and BROKEN_POINTS.match(part) and forms.number(out[-1][0]) is None:
                out[-1] = (out[-1][0] + part, out[-1][1])
            else:
                out.append((part, n))
    return out


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header(cells: list[tuple[str, int]]) -> tuple[int, int, set[str]] | None:
    """(index of the header, index after it, its words) of the first run of header words naming 三级指标 and
    得分 but no 指标值 column."""
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and HEAD.match(_key(cells[j][0])):
            j += 1
        words = {_key(c) for c, _ in cells[i:j]}
        joined = "".join(_key(c) for c, _ in cells[i:j])
        if "三级指标" in joined and re.search(r"得分|自评分", joined) and not TARGETS.search(joined):
            return i, j, words
        i = j + 1
    return None


def _pointed(text: str) -> tuple[str, float] | None:
    m = POINTS.search(text)
    if not m or not re.search(r"[(（)）]|分", text[m.start():]):
        return None
    return re.sub(r"[\s(（)）]", "", text[:m.start()]), float(m.group(1))


def _row_start(cells, i: int) -> tuple[list[tuple[str, float]], str | None, int]:
    """The cells before a row's first number: (levels and names with points, a name without, index)."""
    pointed: list[tuple[str, float]] = []
    texts: list[str] = []
    while i < len(cells) and forms.number(cells[i][0]) is None and len(texts) <= 3:
        p = _pointed(cells[i][0])
        if p:
            pointed.append(("".join(texts) + p[0], p[1]))
            texts = []
        elif len(_key(cells[i][0])) > MAX_NAME or re.search(r"[，。；,;]", cells[i][0]):
            texts = []  # the row before's 指标解释 or 指标说明, when they follow its score: no part of a name
        else:
            texts.append(_key(cells[i][0]))
        i += 1
    return pointed, ("".join(texts) if len(texts) == 1 else None if texts else ""), i


def _paired_start(cells, i: int) -> tuple[list[tuple[str, float]], str | None, float | None, int]:
    """A row whose levels carry their points in columns of their own: up to three (name, points)
    pairs (一级, 二级, 三级), a name in one or two cells; (levels, name, weight, index after)."""
    pairs: list[tuple[str, float]] = []
    j = i
    while len(pairs) < 3:
        texts, k = [], j
        while k < len(cells) and len(texts) < 2 and forms.number(cells[k][0]) is None and not NOT_A_NAME.search(cells[k][0]):
            texts.append(_key(cells[k][0]))
            k += 1
        if not texts or k >= len(cells) or (points := forms.number(cells[k][0])) is None:
            break
        pairs.append(("".join(texts), points))
        j = k + 1
    if not pairs:
        texts = [_key(c) for c, _ in cells[i:i + 1] if forms.number(c) is None]
        return [], (texts[0] if texts else None), None, i
    return pairs[:-1], pairs[-1][0], pairs[-1][1], j


# A number a rule's words go on after (每超过 1 个百分点扣 0.5 分, a text layer's blanks around its digits):
# part of the rule, never a score.
RULE_UNIT = re.compile(r"^(?:分|个|%|％|百分点|人|次|元|万元|项|天|年|月|户|家)")


def _in_a_rule(cells, j: int) -> bool:
    return j + 1 < len(cells) and bool(RULE_UNIT.match(cells[j + 1][0]))


def _next_row_starts(cells, i: int) -> bool:
    """Whether a name and its points at i begin a line and a row with its levels (two pairs or more):
    then the row before left its score cell empty. Inside a line, a short text and a number are more
    likely the 指标说明 and its score (反映人员控制情况 10 / 三公经费变动率 10 …)."""
    first = i == 0 or cells[i - 1][1] != cells[i][1]
    return first and not NOT_A_NAME.search(cells[i][0]) and len(_paired_start(cells, i)[0]) >= 1


class _Groups:
    """The weights read under each level, to check against the level's points."""

    def __init__(self):
        self.open: dict[int, list] = {}  # level -> [name, points, sum]
        self.bad: list[str] = []

    def start(self, level: int, name: str, points: float) -> None:
        for lv in [k for k in self.open if k >= level]:
            self.close(lv, whole=True)
        self.open[level] = [name, points, 0.0]

    def add(self, weight: float) -> None:
        for g in self.open.values():
            g[2] += weight

    def left(self, level: int) -> float | None:
        g = self.open.get(level)
        return None if g is None else g[1] - g[2]

    def close(self, level: int, whole: bool) -> None:
        name, points, total = self.open.pop(level)
        if total - points > 1e-6 or (whole and abs(total - points) > 1e-6):
            self.bad.append(f"{name}（{forms.number_text(points)}分，其下分值合计 {forms.number_text(total)}）")


def scoring_rows(lines: list[str]) -> tuple[list[dict], list[str], set[int], list[str]]:
    """(rows, found, lines used, unsure) of the first scoring table in the lines."""
    cells = _cells(lines)
    header = _header(cells)
    if header is None:
        return [], [], set(), []
    top, i, words = header
    paired = bool(POINTS_COLUMNS.search("".join(_key(c) for c, _ in cells[top:i])))
    weighted = paired or any("分值" in w or "权重" in w for w in words)
    serial = "序号" in words
    rows: list[dict] = []
    groups = _Groups()
    level1 = level2 = None
    first, last = cells[top][1], cells[i - 1][1]
    j = i
    while i < len(cells):
        if serial and forms.number(cells[i][0]) is not None and i + 1 < len(cells) and forms.number(cells[i + 1][0]) is None:
            i += 1  # the 序号 column
        if paired:
            levels, bare, weight, j = _paired_start(cells, i)
        else:
            pointed, bare, j = _row_start(cells, i)
        if TOTAL.match(bare or ""):
            break
        if paired:
            name = bare
            if not name or weight is None:
                break
        elif weighted:
            levels, name = pointed, bare
            if not name or j >= len(cells):
                break
            weight = forms.number(cells[j][0])
            j += 1
        else:
            if bare or not pointed or j >= len(cells):
                break
            levels, (name, weight) = pointed[:-1], pointed[-1]
        if len(levels) > 2 or weight is None or weight > 100 or len(name) > MAX_NAME:
            break
        for n, (level_name, points) in enumerate(levels):
            left = groups.left(1)
            # Two levels are 一级 and 二级; one alone is a 二级 if it fits in what its 一级 has left.
            if (len(levels) == 2 and n == 0) or (len(levels) == 1 and (left is None or points > left + 1e-6)):
                level1, level2 = level_name, None
                groups.start(1, level_name, points)
            else:
                level2 = level_name
                groups.start(2, level_name, points)
        if level1 is None:
            break
        score = None
        if weighted:
            skipped = 0
            while j < len(cells) and (forms.number(cells[j][0]) is None or _in_a_rule(cells, j)) and skipped < MAX_TEXTS:
                j, skipped = j + 1, skipped + 1
            if paired and j < len(cells) and skipped and _next_row_starts(cells, j - 1):
                j -= 1  # 满意度 10 服务对象满意度 10 …: the next row's levels, its score cell left empty
            elif j < len(cells) and skipped < MAX_TEXTS:
                score, j = forms.number(cells[j][0]), j + 1
            elif j < len(cells):
                break
        elif j < len(cells) and forms.number(cells[j][0]) is not None:
            score, j = forms.number(cells[j][0]), j + 1
        if score is not None and score > weight:
            break
        rows.append(forms.indicator_item(level1, level2, name, {"weight": str(weight), "score": "" if score is None else str(score)}))
        groups.add(weight)
        last = cells[j - 1][1]
        i = j
    cut = j >= len(cells)  # the text ends inside the table (an excerpt): its last levels need not add up
    for level in sorted(groups.open, reverse=True):
        groups.close(level, whole=not cut)
    if not rows:
        return [], [], set(), []
    used = set(range(first, last + 1))
    if groups.bad:
        return [], [], used, [f"评分表（第 {first + 1} 行起）：{'；'.join(groups.bad)}，未读入"]
    return rows, [f"绩效指标（评分表）：{len(rows)} 行（第 {first + 1} 行起）"], used, []
