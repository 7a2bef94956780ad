"""Indicator rows that keep the 2020 form's own numbering (指标1: / 指标2:) where a sheet's text
layer has run the table into one line in an order of its own:

    … 指标7:建立预防接种证 221人 221人 2 2 指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9 …
    (三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分)

The mark begins a row wherever it stands. A row is read only when it is whole and cuts one way:
after its name exactly four cells, the target and the actual value, then the points and the
score, which are numbers. A name wrapped at a blank is joined; a name with a value in it, or a
row with a cell more or less (a wrapped target, two rows' values after one name), is left for staff.
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import LEVEL1, LEVEL2, plain

MARK = re.compile(r"(?<![\u4e00-\u9fff])指标\s*\d{1,2}\s*[:：]")
# The indicator table's header, to be sure the marks are its rows: 三级指标 with 分值 and 得分.
HEADERS = (re.compile(r"三级\s*指标"), re.compile(r"分\s*值"), re.compile(r"得\s*分"))
HEADER_WORD = re.compile(r"指标值|完成值|分值|得分|指标|目标|偏差|原因|总分|合计")
VALUE = re.compile(r"^[-+≥≤><=＞＜]|^\d[\d.,]*%?\D{0,3}$")  # a sign, or a number with a unit (221人)
END = re.compile(r"(?:^|\s)(?:总分|合计|自评总分)(?:\s|$)")


def numbered_rows(lines: list[str]) -> tuple[list[dict], list[str], set[int]]:
    """(indicator rows, rows left unread, lines used) of the marked rows, if the text has the table's header."""
    rows: list[dict] = []
    unsure: list[str] = []
    used: set[int] = set()
    if not all(h.search(" ".join(lines)) for h in HEADERS):
        return rows, unsure, used
    for n, line in enumerate(lines):
        marks = list(MARK.finditer(line))
        for k, mark in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
            text = line[mark.end():end]
            if k + 1 == len(marks) and (stop := END.search(text)):
                text = text[:stop.start()]
            level2 = _level_before(line[max(0, mark.start() - 20):mark.start()])  # the words just before, not the line
            row = _row("".join(mark.group().split()), _without_levels(text), level2)
            if row is None:
                unsure.append(f"绩效指标（第 {n + 1} 行）：{' '.join((mark.group() + text).split())[:30]}")
                continue
            rows.append(row)
            used.add(n)
    return rows, unsure, used


def _row(mark: str, text: str, level2: str | None) -> dict | None:
    cells = text.split()
    if len(cells) < 5:
        return None
    name_parts, (target, actual, weight, score) = cells[:-4], cells[-4:]
    points = forms.number(plain(weight)), forms.number(plain(score))
    if None in points or points[1] > points[0]:
        return None
    if any(VALUE.match(p) or HEADER_WORD.search(p) for p in name_parts):
        return None  # a value or a header word among the name's words: the cells are out of order
    if any(HEADER_WORD.fullmatch(c) or c in LEVEL1 or LEVEL2.match(c) for c in (target, actual)):
        return None
    # A name broken at a blank (资金是否全部纳入医 保统筹) is one name: its pieces are joined.
    return forms.indicator_item(None, level2, mark + "".join(name_parts),
                                {"target": target, "actual": actual, "weight": weight, "score": score})


def _level_before(text: str) -> str | None:
    """The 二级指标 word right before a mark (质量指标 指标1:…), if one is."""
    words = text.split()
    return words[-1] if words and LEVEL2.match(words[-1]) else None


def _without_levels(text: str) -> str:
    """A row's text without the level words of the rows after it (… 2 2 质量指标)."""
    words = text.split()
    while words and (words[-1] in LEVEL1 or LEVEL2.match(words[-1])):
        words.pop()
    return " ".join(words)
