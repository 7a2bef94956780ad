"""Hunan's 部门整体支出绩效评价基础数据表: a department's figures by year, under columns such as
2021年决算数 | 2022年预算数 | 2022年决算数 (a cell per line, or between bars or blanks).

Read only where the form itself gives no money block (a form's 年度资金总额 states the year
better): its 支出总额 row is the year's budget and execution, its 基本支出 and 项目支出 rows the
year's spending. The evaluated year is the latest, with both its 预算数 and 决算数; the year before is
context.
Each row must give a number under every column, else it is not read.
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import AMOUNT_NAMES

YEAR_CELL = re.compile(r"^(20\d\d)年(预算|决算)数$")
ROWS = {"支出总额": "budget", "基本支出": "basic", "项目支出": "project"}
MAX_WORDS = 200  # the sheet's rows after its header: a few dozen cells


def data_sheet(lines: list[str]) -> tuple[dict, dict, list[str], set[int]]:
    """(budget, spending, found, lines used) of the first data sheet in lines; empty if none."""
    words = [(w, n) for n, line in enumerate(lines)
             for w in re.split(r"[\s|]+", re.sub(r"(20\d\d)\s+年", r"\1年", line.translate(forms.FULL_WIDTH))) if w]
    i = 0
    while i < len(words):
        columns = []
        while i + len(columns) < len(words) and (cell := YEAR_CELL.match(words[i + len(columns)][0])):
            columns.append((int(cell.group(1)), cell.group(2)))
        year = max((y for y, _ in columns), default=0)
        # The sheet's own year has both its 预算数 and its 决算数 (2021年决算数 | 2022年预算数 alone is last
        # year's actuals against a plan; 2021年决算数 | 2022年决算数 a history).
        if {(year, "预算"), (year, "决算")} <= set(columns) and len(columns) == len(set(columns)):
            return _rows(words, i + len(columns), len(columns), columns.index((year, "预算")), columns.index((year, "决算")))
        i += max(1, len(columns))  # past the run: each cell is looked at once
    return {}, {}, [], set()


def _rows(words, j: int, width: int, budgeted: int, executed: int) -> tuple[dict, dict, list[str], set[int]]:
    budget: dict = {}
    spending: dict = {}
    found: list[str] = []
    used: set[int] = set()
    end = min(len(words), j + MAX_WORDS)
    while j < end:
        label, n = words[j]
        numbers = [forms.number(w) for w, _ in words[j + 1:j + 1 + width]]
        if forms.number(label) is not None or len(numbers) < width or None in numbers:
            j += 1
            continue
        place = ROWS.get(re.sub(r"^其中[:：]?", "", label))
        if place == "budget":
            budget = {"adjusted": numbers[budgeted], "executed": numbers[executed]}
            said = "、".join(f"{AMOUNT_NAMES[k]} {forms.number_text(v)}" for k, v in sorted(budget.items()))
            found.append(f"基础数据表 支出总额：{said}（第 {n + 1} 行）")
        elif place in ("basic", "project") and place not in spending:
            spending[place] = numbers[executed]
            found.append(f"基础数据表 {label}：{forms.number_text(numbers[executed])}（第 {n + 1} 行）")
        used |= {k for _, k in words[j:j + 1 + width]}
        j += 1 + width
    return budget, spending, found, used
