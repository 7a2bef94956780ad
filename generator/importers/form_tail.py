"""A page that opens inside the form before it.

Counties publish their project forms one after another, and a web page or an excerpt often starts
with the last rows of the previous form (its indicators, 合计, 评价结论, the signatures) and only then
comes this form's title and 项目名称. Nothing above that title says whose rows they are, so they are
not read into this form's draft: they are kept apart for staff to see.
"""

from __future__ import annotations

import re

TITLE = re.compile(r"绩效(?:目标)?自评表")
# A field that names whose form it is: the tail of a form has lost these with its top.
IDENTITY = re.compile(r"项目名称|单位名称|部门名称|主管部门|实施单位|预算单位")
# What only the end of a form holds.
ENDING = re.compile(r"合\s*计|总\s*分|评价结论|项目负责人|财务负责人|填表人|联系电话")
INDICATOR = re.compile(r"[一二三]级指标|产出指标|效益指标|满意度指标")
SHORT = 30  # a cell given alone on its line is short; a paragraph of a narrative is not


def _row_like(line: str) -> bool:
    text = line.strip()
    return not text or "|" in text or len(text) <= SHORT


def tail_length(lines: list[str]) -> int:
    """How many opening lines are the tail of another form: 0 unless a form's title follows lines
    that are table rows or cells, hold a form's ending and an indicator, and name no project or unit."""
    for n, line in enumerate(lines[:200]):
        if IDENTITY.search(line):
            return 0
        if TITLE.search(line) and "报告" not in line:
            head = lines[:n]
            if n and all(_row_like(h) for h in head) and any(ENDING.search(h) for h in head) \
                    and any(INDICATOR.search(h) for h in head):
                return n
            return 0
    return 0
