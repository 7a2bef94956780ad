"""The parts of a flattened form besides its money block and indicator table: the 年度总体目标
block, the 自评总分 field, and the lines the whole form spans (kept apart from the narrative).
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import EMPTY, PLACEHOLDER, Token, key, plain

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
    """The form's 自评总分 field (自评总分: | 99.68): the cell after the label, if it is a score on the
    label's line (a 自评得分 column's header is followed by the next row, not by a value)."""
    for n, t in enumerate(cells[:-1]):
        label, after = key(t.text), cells[n + 1]
        if label in ("自评总分", "自评得分", "自评总得分") and (after.line == t.line or label != "自评得分" and not t.row):
            value = forms.number(plain(after.text))
            if value is not None and 0 <= value <= 100:
                return value, after.line
    return total_row(cells)


def total_row(cells: list[Token]) -> tuple[float, int] | None:
    """The indicator table's 总分 row (总分 | 100 | 96 | 优, or one cell per line): its score after the 100 points."""
    for n, t in enumerate(cells[:-2]):
        points, score = cells[n + 1], cells[n + 2]
        on_its_line = t.line == points.line == score.line
        one_per_line = not (t.row or points.row or score.row) and t.line < points.line < score.line
        if key(t.text) == "总分" and (on_its_line or one_per_line) and forms.number(plain(points.text)) == 100:
            value = forms.number(plain(score.text))
            if value is not None and 0 <= value <= 100:
                return value, score.line
    return None


def total_grade(cells: list[Token]) -> tuple[str, int] | None:
    """The grade the 总分 row gives after its score (总分 | 100 | 96 | 优)."""
    for n, t in enumerate(cells[:-3]):
        if key(t.text) == "总分" and (row := total_row(cells[n:n + 3])) and cells[n + 3].line == row[1]:
            if grade := forms.GRADE_WORDS.get(key(cells[n + 3].text)):
                return grade, row[1]
    return None
