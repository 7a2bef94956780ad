"""A page that opens inside the form before it.

Counties publish their project forms one after another, and a web page or an excerpt often starts
with the last rows of the previous form (its indicators, 合计, 评价结论, the signatures) and only then
comes this form's title and 项目名称. Nothing above that title says whose rows they are, so they are
not read into this form's draft: they are kept apart for staff to see.

Only lines that are a table's rows or cells count: a report's own lines (sentences, headings, an
attachment's note 附件：…自评表) never do, so a narrative is never set aside as a tail.
"""

from __future__ import annotations

import re

TITLE = re.compile(r"绩效(?:目标)?自评表")
ATTACHED = re.compile(r"^\s*(?:附\s*[件表])")  # 附件：项目支出绩效自评表: a report's note of its attachment
# A field that names whose form it is, as a cell's label: the tail of a form has lost these with its top
# (项目实施单位满意度 is an indicator's name, not the field).
IDENTITY = re.compile(r"(?:项目名称|单位名称|部门名称|(?:项目)?主管部门|(?:项目)?实施单位|预算单位)\s*(?:[:：(（]|$)")
# What only the end of a form holds, and the indicators above it: each a cell's first words.
ENDING = re.compile(r"(?:合\s*计|总\s*分|评价结论|项目负责人|财务负责人|填表人)")
INDICATOR = re.compile(r"(?:[一二三]级指标|产出指标|效益指标|效果指标|满意度指标)")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)])")
SENTENCE = re.compile(r"[。，；,;]")
SHORT = 20  # a cell given alone on its line is short


def _cells(line: str) -> list[str]:
    return [c for c in re.split(r"\s*\|\s*|\s+", line.strip()) if c]


def _row_like(line: str) -> bool:
    """A table's row: between bars, or cells between blanks, or one short cell; never a sentence or a heading."""
    text = line.strip()
    if not text or "|" in text:
        return True
    return not SENTENCE.search(text) and not HEADING.match(text) and (len(text) <= SHORT or len(_cells(text)) >= 3)


def tail_length(lines: list[str]) -> int:
    """How many opening lines are the tail of another form: 0 unless a form's title follows lines
    that are table rows or cells, hold a form's ending and an indicator, and name no project or unit."""
    for n, line in enumerate(lines[:200]):
        cells = _cells(line)
        if any(IDENTITY.match(c) for c in cells):
            return 0
        if TITLE.search(line) and "报告" not in line:
            head = lines[:n]
            starts = [c for h in head for c in _cells(h)]
            if n and not ATTACHED.match(line) and all(_row_like(h) for h in head) \
                    and any(ENDING.match(c) for c in starts) and any(INDICATOR.match(c) for c in starts):
                return n
            return 0
    return 0
