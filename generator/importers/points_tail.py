"""Hebei's 预算项目绩效自评表 as a page gives its text: one indicator row a line, its first cells run
together and its last three between blanks:

    产出指标数量指标办理案件数量10>=50006418件完成100 10 10
    (一级 | 二级 | 三级指标 | 指标分值 | 预期指标值 | 实际完成值 | 完成情况 | 单项指标得分 | 权重占比 | 折算得分)

The header names the tail (单项指标得分 | 权重占比(%) | 单项指标折算得分): the row's weight is its 权重占比,
its score the 折算得分. The cells run together are read only where they cut one way: the name ends
where the weight is written before a target that begins with a sign or a digit; the target and the
actual value are cut where only one cut leaves a value on each side (>=90%98%, >=68年), or at a blank
(<=62.73 62.73万), or where the target met is written twice. Any other row is left for staff.
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import LEVEL1, LEVEL2

HEADER = re.compile(r"权重占比")
TAIL_HEADER = re.compile(r"折算得分")
NUMBER = r"\d+(?:\.\d+)?"
TAIL = re.compile(r"(未完成|部分完成|基本完成|完成)?\s*(" + NUMBER + r")\s+(" + NUMBER + r")\s+(" + NUMBER + r")\s*$")
END = re.compile(r"自评总分|总分|填报人")
TARGET = re.compile(r"^(?:>=|<=|≥|≤|>|<|=)?(?:0|[1-9]\d*)(?:\.\d+)?[^\d]*$")
ACTUAL = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?[^\d]*$")
SIGN = re.compile(r">=|<=|≥|≤|>|<|=|＞＝|＜＝|＞|＜|＝")  # a target's 符号 cell
DESCRIBED = "文字描述"  # the target is described in words on the next line


def tail_rows(lines: list[str]) -> tuple[list[dict], list[str], set[int]]:
    """(indicator rows, rows left unread, lines used) of the form's indicator block, if it has one."""
    start = next((n for n, line in enumerate(lines) if "三级指标" in line and HEADER.search(lines[n] + _next(lines, n))
                  and TAIL_HEADER.search(lines[n] + _next(lines, n))), None)
    if start is None:
        return [], [], set()
    rows: list[dict] = []
    unsure: list[str] = []
    used = {start}
    level1 = level2 = None
    pending: tuple[str, str] | None = None  # (head, weight) of a row whose target is described below
    for n in range(start + 1, min(len(lines), start + 200)):
        line = " ".join(lines[n].split())
        if not line:
            continue
        if END.match(line):
            break
        used.add(n)
        if line.endswith(DESCRIBED):
            level1, level2, head = _levels(line[:-len(DESCRIBED)], level1, level2)
            pending = (head, n)
            continue
        tail = TAIL.search(line)
        if tail is None:
            continue  # the header's second line (符号 单位 …)
        weight, score = tail.group(3), tail.group(4)
        body = line[:tail.start()].strip()
        if pending:
            name, _ = _named(pending[0], weight)
            # 2021年12月31日前完成2021年12月31日前完成: the last 完成 may be the actual's, not the 完成情况
            values = _written_twice(body) or _written_twice(body + (tail.group(1) or ""))
            pending = None
        elif (spaced := _spaced(body, level1, level2)) is not None:
            level1, level2, name, values = spaced
        else:
            level1, level2, head = _levels(body, level1, level2)
            name, rest = _named(head, weight)
            values = _cut(rest) if name else None
        if not name or values is None or not level1:
            unsure.append(f"绩效指标（第 {n + 1} 行）：{line[:30]}")
            continue
        rows.append(forms.indicator_item(level1, level2, name, {"target": values[0], "actual": values[1],
                                                                "weight": weight, "score": score}))
    return rows, unsure, used


def _next(lines: list[str], n: int) -> str:
    return lines[n + 1] if n + 1 < len(lines) else ""


def _levels(text: str, level1: str | None, level2: str | None) -> tuple[str | None, str | None, str]:
    """(一级, 二级, the rest) of a row's beginning: a level word starts it, or the row is under the ones above."""
    text = text.strip()
    first = next((w for w in sorted(LEVEL1, key=len, reverse=True) if text.startswith(w)), None)
    if first and not (first == "成本指标" and level1 == "产出指标"):  # the 2020 forms' 产出指标 > 成本指标
        level1, level2, text = first, None, text[len(first):]
    second = re.match(LEVEL2.pattern.strip("^$"), text)
    if second:
        level2, text = second.group(), text[second.end():]
    return level1, level2, text


def _spaced(body: str, level1: str | None, level2: str | None):
    """(一级, 二级, name, (target, actual)) of a row whose cells stand between blanks, the target
    written in its 符号 and 单位 cells (… 享受补贴政策人数占…的比例 >= 98 %(百分比) 100%): the name is
    the first cell after the levels, the 指标分值 cell (here a text) the one after it. None if the
    row is not written so; (…, None, None) if its cells do not cut one way."""
    cells = body.split()
    sign = next((k for k, c in enumerate(cells) if SIGN.fullmatch(c)), None)
    if sign is None or sign < 1 or len(cells) - sign < 3:
        return None
    head = cells[:sign]
    while head and (head[0] in LEVEL1 and not (head[0] == "成本指标" and level1 == "产出指标")):
        level1, level2 = head.pop(0), None
    if head and LEVEL2.match(head[0]):
        level2 = head.pop(0)
    actual = cells[-1]
    target = "".join(cells[sign:-1])
    if len(head) not in (1, 2) or not ACTUAL.match(actual) or not TARGET.match(target):
        return level1, level2, None, None
    return level1, level2, head[0], (target, actual)


def _named(head: str, weight: str) -> tuple[str | None, str]:
    """(the name, what follows the weight) where the weight stands once between the name and a value."""
    cuts = [m.start() for m in re.finditer(re.escape(weight), head)
            if m.start() >= 2 and re.match(r"[<>=≥≤\d]|文字描述|$", head[m.end():])]
    if len(cuts) != 1:
        return None, ""
    return head[:cuts[0]], head[cuts[0] + len(weight):]


def _cut(rest: str) -> tuple[str, str] | None:
    """The target and actual value run together, cut one way only."""
    if " " in rest:
        target, _, actual = rest.partition(" ")
        return (target, actual) if TARGET.match(target) and ACTUAL.match(actual.replace(" ", "")) else None
    cuts = [(rest[:k], rest[k:]) for k in range(1, len(rest)) if TARGET.match(rest[:k]) and ACTUAL.match(rest[k:])]
    return cuts[0] if len(cuts) == 1 else None


def _written_twice(text: str) -> tuple[str, str] | None:
    """A target described in words and met as written: the same words twice."""
    text = text.replace(" ", "")
    half = len(text) // 2
    return (text[:half], text[half:]) if half and len(text) % 2 == 0 and text[:half] == text[half:] else None
