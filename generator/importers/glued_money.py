"""The money block of a form whose cells ran together with nothing between them (see glued.py):
全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金…

Each row is a label and a run of digits. The run is cut into the header's columns, from the left
(a fund's row stops after its amounts), and read only if it cuts one way: no leading zero, points
at most 100, a score within its weight, a rate (with its %) that is the amounts' ratio, and a fund's
amount never above the total's in the same column.
"""

from __future__ import annotations

import re

from . import forms
from .cell_stream import AMOUNT_NAMES

HEADERS = [("年初预算数", "initial"), ("全年预算数", "adjusted"), ("调整后预算数", "adjusted"), ("全年执行数", "executed"),
           ("预算数", "adjusted"), ("执行数", "executed"), ("分值", "weight"), ("预算执行率", "rate"), ("执行率", "rate"), ("得分", "score")]
STARTS = "|".join(w for w, f in HEADERS if f in ("initial", "adjusted"))
# A column's note the scan broke ((B/A1 for (B/A)) or that weighs it ((20分*执行率)): no cell of the run.
HEADER_NOTE = re.compile(r"[(（](?:[^()（）]{1,12}[)）]|[^()（）\u4e00-\u9fff]{1,6}(?=[\u4e00-\u9fff]))")
# A label and its run of digits; an item's number in brackets ((1)财政拨款) is not an amount.
ROW = re.compile(r"([^\d%.,]{2,20}?)[:：]?(?<![(（])(\d[\d.%]*)(?=[^\d.%)）]|$)")
NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
AMOUNTS = ("initial", "adjusted", "executed")
NAMES = {**AMOUNT_NAMES, "rate": "执行率"}
METHOD = "得分计算方法"  # Beijing's last money column, the rule 执行率*该指标分值 (p26)
MAX_DIGITS = 32  # a row's run: more digits than a form's row holds is not one
MAX_ROWS = 20
LIST_COLUMNS = re.compile(r"(?:序号|名称)$")  # the columns before the amounts of a list, not of a form


def glued_money(line: str) -> tuple[dict, list[str], list[str]]:
    """({"budget", "spending", "funds"}, found, rows left unread) of the money block run together in
    line; ({}, [], []) if there is none."""
    # The header's (A), (B/A) and (10分) (分值(10分)) name or weigh a column: they are no cells.
    text = re.sub(r"[(（](?:[A-Za-z/]{1,5}|\d+分)[)）]", "", re.sub(r"\s+", "", line.translate(forms.FULL_WIDTH)))
    for start in (m.start() for m in re.finditer(STARTS, text)):
        if LIST_COLUMNS.search(text, max(0, start - 8), start):
            continue  # 序号各设区市名称全年预算数…: a list of recipients or projects, one row each, not a form's block
        fields, pos = _header(text, start)
        if not ({"initial", "adjusted"} & set(fields) and "executed" in fields) or len(set(fields)) < len(fields):
            continue  # no amounts to read, or a column named twice: not a header read whole (执行率(%)执行率权重…)
        out: dict = {"budget": {}, "spending": {}, "funds": []}
        found: list[str] = []
        unsure: list[str] = []
        total: dict = {}
        for n, row in enumerate(ROW.finditer(text, pos)):
            label = re.split(r"[。；;]", row.group(1))[-1]  # …最高不得超过分值上限。其中:本年…拨款: the rule's end is not the label
            if not label or re.search(r"目标|指标", label) or n == MAX_ROWS:
                break
            if n == 0 and text.startswith("预算数", start) and not forms.FORM_TOTAL.search(label):
                break  # 预算数执行数 alone heads a 三公经费 table or a sentence too: a form's block opens with its total
            cuts = _cuts(row.group(2), fields, total)
            if len(cuts) != 1:
                unsure.append(f"资金 {label}：{row.group(2)}")
                continue
            values = cuts[0]
            place, name = forms.money_row(label)
            if place == "fund" and 0 < sum(f in AMOUNTS for f in values) < sum(f in AMOUNTS for f in fields):
                # Fewer amounts than amount columns (上年结转资金00 under 年初 | 全年 | 执行): which cell
                # is empty cannot be told once the cells ran together.
                unsure.append(f"资金 {label}：{row.group(2)}")
                continue
            amounts = {f: v for f, v in values.items() if f in (*AMOUNTS, "rate")}
            if place == "budget":
                out["budget"].update(amounts)
                total = values
            elif place == "spending" and values.get("executed") is not None:
                out["spending"][name] = values["executed"]
            elif place == "fund":
                out["funds"].append({"source": name, **{f: v for f, v in amounts.items() if f != "rate"}})
            said = "、".join(f"{NAMES[f]} {forms.number_text(v)}" for f, v in amounts.items())
            found.append(f"资金 {label}：{said}（各格连在一起）")
        if found or unsure:
            return {k: v for k, v in out.items() if v}, found, unsure
    return {}, [], []


def _header(text: str, pos: int) -> tuple[list[str], int]:
    """The columns from pos, and where the header ends."""
    fields: list[str] = []
    while True:
        if fields and (note := HEADER_NOTE.match(text, pos)):
            pos = note.end()
        if not (match := next(((w, f) for w, f in HEADERS if text.startswith(w, pos)), None)):
            break
        if text.startswith(METHOD, pos):
            return fields, pos + len(METHOD)  # a column of words after the scores: no digits of the run are its
        fields.append(match[1])
        pos += len(match[0])
    return fields, pos


def _cuts(run: str, fields: list[str], total: dict) -> list[dict]:
    """Every way (up to two) to cut run into the first columns of fields, each reading plausible."""
    if len(run) > MAX_DIGITS:
        return []
    out: list[dict] = []
    amounts = sum(f in AMOUNTS for f in fields)
    # A row states its amounts, or its amounts and the whole scoring (分值, 执行率, 得分) together.
    places: list[set] = []
    for k in (*range(1, amounts + 1), len(fields)):
        for pieces in _pieces(run, fields[:k]):
            values = _read(pieces, fields[:k])
            if values is not None and _plausible(values, dict(zip(fields, pieces)), total):
                out.append(values)
                places.append({len(p.partition(".")[2]) for p, f in zip(pieces, fields) if f in AMOUNTS})
    if len(out) > 1 and sum(len(d) == 1 for d in places) == 1:
        # A form prints a column's amounts alike (2456.18 | 2456.18 | 2456.18): the one reading whose
        # amounts all have as many decimals is the form's.
        out = [v for v, d in zip(out, places) if len(d) == 1]
    spent = [v for v in out if not (v.get("executed") == 0 and v.get("rate") == 0)]
    if len(out) > 1 and len(spent) == 1 and _spent_in_full(spent[0]):
        # 21182118100%: 2118 | 2118 | 100% or 211821181 | 0 | 0%. Any A | A | 100% also cuts as AA1 | 0 | 0%;
        # a budget of three digits or more written twice, then 1, and nothing spent, is no form's row.
        # (With fewer digits, 33100% may be 331 | 0 | 0% as well as 3 | 3 | 100%: left for staff.)
        out = spent
    # Several readings: the official scoring (得分 = 执行率 × 分值, at most 分值) may leave one.
    scored = [v for v in out if {"rate", "weight", "score"} <= v.keys()
              and abs(min(v["weight"], v["rate"] / 100 * v["weight"]) - v["score"]) <= 0.01 * v["weight"] + 0.005]
    return out if len(out) <= 1 else scored if len(scored) == 1 else out[:2]


def _spent_in_full(values: dict) -> bool:
    budget = values.get("adjusted") or values.get("initial")
    return values.get("rate") == 100 and budget == values.get("executed") and budget is not None and budget >= 100


def _pieces(run: str, fields: list[str]):
    """Each way to cut run into one number per field, each piece a number that field can hold (no
    leading zero, a % only for the rate, points at most 100): the cuts that fail are never tried on."""
    if not fields:
        if not run:
            yield []
        return
    if ("rate" in fields) != ("%" in run) or len(run) < len(fields):
        return  # the % is the rate's, and only the rate's: a cut that cannot place it is not tried on
    for end in range(1, len(run) + 1):
        piece = run[:end]
        if _read([piece], fields[:1]) is None or (fields[0] in ("weight", "score") and float(piece) > 100):
            continue
        for rest in _pieces(run[end:], fields[1:]):
            yield [piece, *rest]


def _read(pieces: list[str], fields: list[str]) -> dict | None:
    values = {}
    for piece, field in zip(pieces, fields):
        bare = piece[:-1] if field == "rate" and piece.endswith("%") else piece
        if ("%" in piece) != (field == "rate") or not NUMBER.fullmatch(bare):
            return None  # a % belongs to the rate, and only there
        values[field] = float(bare)
    return values


def _plausible(values: dict, texts: dict, total: dict) -> bool:
    if any(values.get(f, 0) > 100 for f in ("weight", "score")) or values.get("score", 0) > values.get("weight", 100):
        return False
    base = values.get("adjusted") or values.get("initial")
    if "rate" in values and base and values.get("executed") is not None \
            and not forms.rate_agrees(values["executed"], base, texts["rate"]):
        return False
    if values.get("rate") == 0 and values.get("executed"):
        return False  # 0% of 10001000 rounds to 10 spent, but a form prints 0% only when nothing was
    return all(values[f] <= total[f] for f in AMOUNTS if f in values and f in total)
