"""A department's table of the year's spending (部门(单位)年度支出和结余情况, Hunan's 岳阳 template) as a
page flattens it, a cell per line: 机构名称 | 支出合计 | 其中: | 结余 | 基本支出 | 其中: | 项目支出 | 当年结余 |
累计结余 | 人员支出 | 公用支出, then the unit's name and its figures 84.1 | 84.1 | 74.65 | 9.45 | 0 | 0 | 0.

A two-level header loses its shape when flattened, so the columns' order is not read from it: the
figures are read as 支出合计, 基本支出 (its 人员 and 公用 parts after it, when the header names them),
项目支出 — and only when they add up that way (total = basic + project; basic = personnel + public).
"""

from __future__ import annotations

import re

from . import forms

TITLE = re.compile(r"支出(?:和|及)?结余情况|年度支出情况")
NAMES = {"total": ("支出合计",), "basic": ("基本支出",), "personnel": ("人员支出", "人员经费"),
         "public": ("公用支出", "公用经费"), "project": ("项目支出",)}
MAX_HEADER = 30  # cells between the table's title and its figures
CENT = 0.005


def spending_table(lines: list[str]) -> tuple[dict, list[str], set[int]]:
    """(spending, found, lines used) of the first such table in lines; empty if none adds up."""
    for start, line in enumerate(lines):
        if not TITLE.search(line):
            continue
        cells = [(c, n) for n in range(start + 1, min(len(lines), start + 1 + 3 * MAX_HEADER))
                 for c in re.split(r"\s*\|\s*", lines[n].strip()) if c.strip()]
        first = next((k for k, (c, _) in enumerate(cells) if forms.number(c) is not None), None)
        if first is None or first > MAX_HEADER:
            continue
        header = {re.sub(r"\s+", "", c) for c, _ in cells[:first]}
        named = [f for f in ("total", "basic", "personnel", "public", "project") if header & set(NAMES[f])]
        if not {"total", "basic", "project"} <= set(named) or len(named) == 4:
            continue  # one of 人员 / 公用 named without the other: the columns' count is not known
        figures = []
        for c, n in cells[first:first + len(named)]:
            figures.append((forms.number(c), n))
        if len(figures) < len(named) or any(v is None for v, _ in figures):
            continue
        spending = dict(zip(named, (v for v, _ in figures)))
        if not _adds_up(spending):
            continue
        said = "、".join(f"{NAMES[k][0]} {forms.number_text(v)}" for k, v in spending.items())
        return spending, [f"支出情况表：{said}（第 {figures[0][1] + 1} 行起）"], {start, *(n for _, n in cells[:first + len(named)])}
    return {}, [], set()


def _adds_up(spending: dict) -> bool:
    parts = abs(spending["total"] - spending["basic"] - spending["project"]) < CENT
    return parts and ("personnel" not in spending
                      or abs(spending["basic"] - spending["personnel"] - spending["public"]) < CENT)
