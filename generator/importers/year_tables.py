"""A department's tables of the year's receipts and spending (Hunan's 岳阳 template: 年度收入情况,
部门(单位)年度支出和结余情况) as a page flattens them, a cell per line: the header's cells, the unit's
name, then its figures.

    机构名称 | 收入合计 | 其中: | 上年结转 | 公共财 | 政拨款 | … | 其他 | 收入 / 示例工作部 / 84.1 | 0 | 84.1 | …
    机构名称 | 支出合计 | 其中: | 结余 | 基本支出 | 其中: | 项目支出 | 当年结余 | 累计结余 | 人员支出 | 公用支出 / …

A two-level header loses its shape when flattened, and a narrow header cell breaks in two (公共财 /
政拨款), so the columns are not trusted as laid out: each table is read only when its figures add up
the one way its names allow (spending: total = basic + project, basic = personnel + public; receipts:
the total is the sum of the sources, one figure per source).
"""

from __future__ import annotations

import re

from . import forms

SPENDING_TITLE = re.compile(r"支出(?:和|及)?结余情况|年度支出情况")
INCOME_TITLE = re.compile(r"年度收入情况")
NAMES = {"total": ("支出合计",), "basic": ("基本支出",), "personnel": ("人员支出", "人员经费"),
         "public": ("公用支出", "公用经费"), "project": ("项目支出",)}
# A source's name ends so; a header cell that does not (公共财, 其他) is the first half of one broken in two.
SOURCE_END = re.compile(r"(?:拨款|结转|结余|收入|资金|基金)$")
# A table of another year's (2019年度…, 上年度…), of a budget, or of the subordinate bodies' (下属二级机构…)
NOT_THE_UNITS_YEAR = re.compile(r"20\d\d|预算|上一?年|去年|下属|所属|二级")
MAX_HEADER = 30  # cells between the table's title and its figures
CENT = 0.005


def spending_table(lines: list[str]) -> tuple[dict, list[str], set[int]]:
    """(spending, found, lines used) of the first spending table in lines; empty if none adds up."""
    for start, header, figures in _tables(lines, SPENDING_TITLE):
        named = _spending_columns(header)
        if named is None or len(figures) < len(named):
            continue
        spending = dict(zip(named, (v for v, _ in figures)))
        if not _spending_adds_up(spending):
            continue
        said = "、".join(f"{NAMES[k][0]} {forms.number_text(v)}" for k, v in spending.items())
        return spending, [f"支出情况表：{said}（第 {figures[0][1] + 1} 行起）"], {start, *(n for _, n in figures[:len(named)])}
    return {}, [], set()


def income_table(lines: list[str]) -> tuple[list[dict], list[str], set[int]]:
    """(funds, found, lines used) of the first receipts table in lines: each source with the year's
    amount (as the template gives one amount a source, it is the year's whole: 全年预算数)."""
    for start, header, figures in _tables(lines, INCOME_TITLE):
        if "收入合计" not in header or "其中:" not in header:
            continue
        sources = _joined(header[header.index("其中:") + 1:])
        if sources is None or len(figures) != len(sources) + 1:
            continue  # (a figure for each source and the total: names joined wrongly leave a figure over)
        total, amounts = figures[0][0], [v for v, _ in figures[1:len(sources) + 1]]
        if abs(total - sum(amounts)) >= CENT:
            continue
        funds = [{"source": s, "adjusted": v} for s, v in zip(sources, amounts)]
        said = "、".join(f"{s} {forms.number_text(v)}" for s, v in zip(sources, amounts))
        return funds, [f"资金来源：{said}（收入情况表，第 {figures[0][1] + 1} 行起）"], \
            {start, *(n for _, n in figures[:len(sources) + 1])}
    return [], [], set()


def _tables(lines: list[str], title: re.Pattern):
    """(title's line, header cells without blanks, [(figure, line)]) of each table so titled whose
    one row is the unit's: the cells before its first figure are its header (机构名称 first) and
    the unit's name, the run of figures after. Not a table of another year's or of a budget (a
    title naming a year or 预算), nor one with a row for each body (the first may be a subordinate's)."""
    for start, line in enumerate(lines):
        if not title.search(line) or NOT_THE_UNITS_YEAR.search(line):
            continue
        cells = [(c, n) for n in range(start + 1, min(len(lines), start + 1 + 3 * MAX_HEADER))
                 for c in re.split(r"\s*\|\s*", lines[n].strip()) if c.strip()]
        first = next((k for k, (c, _) in enumerate(cells) if forms.number(c) is not None), None)
        if first is None or first > MAX_HEADER or re.sub(r"\s+", "", cells[0][0]) not in ("机构名称", "单位名称"):
            continue
        figures = []
        for c, n in cells[first:]:
            if (v := forms.number(c)) is None:
                break
            figures.append((v, n))
        after = cells[first + len(figures):first + len(figures) + 2]
        if len(after) == 2 and forms.number(after[1][0]) is not None:
            continue  # another body's row follows (示例中心 | 60.5 | …): which is the unit's whole is not said
        yield start, [re.sub(r"\s+", "", c).replace("：", ":") for c, _ in cells[:first]], figures


def _joined(cells: list[str]) -> list[str] | None:
    """The sources' names from the header cells after 其中: (the unit's name last), each broken cell
    joined to the next; None if a name cannot be made whole."""
    names, part = [], ""
    for cell in cells[:-1]:  # (the last cell before the figures is the unit's name: 机构名称's value)
        part += cell
        if SOURCE_END.search(part):
            names.append(part)
            part = ""
    return names if names and not part else None


def _spending_columns(header: list[str]) -> list[str] | None:
    """The order of the figures under a spending header: the header's own order for 支出合计 |
    基本支出 | 项目支出; with 人员 and 公用 after them (the 岳阳 template's two-level header, flattened
    row by row), 支出合计, 基本支出, its two parts, then 项目支出. None for any other header."""
    at = {f: next((k for k, c in enumerate(header) if c in NAMES[f]), None) for f in NAMES}
    if None in (at["total"], at["basic"], at["project"]) or (at["personnel"] is None) != (at["public"] is None):
        return None  # one of 人员 / 公用 named without the other: the columns' count is not known
    if at["personnel"] is None:
        return sorted(("total", "basic", "project"), key=at.get)
    if at["total"] < at["basic"] < at["project"] < at["personnel"] < at["public"]:
        return ["total", "basic", "personnel", "public", "project"]
    return None


def _spending_adds_up(spending: dict) -> bool:
    parts = abs(spending["total"] - spending["basic"] - spending["project"]) < CENT
    return parts and ("personnel" not in spending
                      or abs(spending["basic"] - spending["personnel"] - spending["public"]) < CENT)
