"""The official forms' tables, recognised by their column and row headers, whatever the layout:
the 项目资金 / 年度资金 block (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, with
rows 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金, 基本支出, 项目支出), the indicator table
(一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施) and 总分.

Only cells under a recognised header are read, each value with the cell it came from; a
number in a row label, an instruction or a formula is never a value.
"""

from __future__ import annotations

import re

from .structure import Table, Where

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，：％（）", "0123456789.,:%()")
NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")

# Fujian's 部门整体支出绩效自评表 numbers its money columns 年初部门预算安排金额① | 历年结余结转 |
# 年中调整金额② | 小计③=①+② | 年度拨付金额④ | 支出实现率⑤=④/③ | 本年度结余金额 | 资金结余率: 小计 is the
# year's budget, and the form's rate is worked on 年度拨付金额, its only column of what was spent.
# The carry-over, adjustment and balance columns have no key in the model (unread).
FUJIAN_MONEY_COLUMNS = [("年初部门预算", "initial"), ("年度拨付", "executed"), ("支出实现率", "rate"), ("小计", "adjusted"),
                        ("历年结余结转", "unread"), ("年中调整", "unread"), ("结余金额", "unread"), ("结余率", "unread")]
FUJIAN_MONEY_WORDS = ["年初部门预算安排金额", "历年结余结转", "年中调整金额", "小计", "年度拨付金额", "支出实现率",
                      "本年度结余金额", "资金结余率"]
# Column headers, most specific first: the first that a header cell contains names its column.
MONEY_COLUMNS = [("年初预算", "initial"), ("全年预算", "adjusted"), ("调整后预算", "adjusted"), ("全年执行", "executed"),
                 ("执行数", "executed"), ("分值", "weight"), ("执行率", "rate"), ("得分", "score"),
                 *[(w, f) for w, f in FUJIAN_MONEY_COLUMNS if f != "unread"]]
# A form's own numbering of its columns (年中调整金额②, 小计③=①+②, 支出实现率⑤=④/③): not a word.
CIRCLED = re.compile(r"[①-⑳](?:=[①-⑳](?:[-+/×*][①-⑳])*)?")
# Header words that name a column only as the whole cell: 小计③=①+② is a column, 财政资金小计 a row.
WHOLE_CELL = {"小计"}
# A row's own number before its label (① 项目支出, 2.单位其它收入, (1)上年结转): not part of its name.
ITEM_MARK = re.compile(r"^(?:[①-⑳]|\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十][、.．])\s*")
INDICATOR_COLUMNS = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("年度指标值", "target"),
                     ("指标值", "target"), ("目标值", "target"), ("实际完成值", "actual"), ("全年实际值", "actual"),
                     ("完成值", "actual"), ("实际值", "actual"), ("分值", "weight"), ("得分", "score"), ("偏差原因", "note"),
                     ("未完成原因", "note")]
# Rows of the money block: 年度资金总额 is the whole; the others are its parts.
TOTAL_ROW = re.compile(r"年度资金总额|资金总额|年度总金额|合计|^总(?:金)?额$")
# … and the row a form's block opens with (年度财政资金总额), where a 三公经费 table opens with 合计 or an item.
FORM_TOTAL = re.compile(r"资金总额|支出总额")
BLOCK_TITLE = re.compile(r"资金\s*[(（]\s*万?元\s*[)）]$|^资金情况")
SPENDING_ROWS = {"基本支出": "basic", "项目支出": "project"}


def text(table: Table, row: int, column: int) -> str:
    return " ".join(table.value(row, column).translate(FULL_WIDTH).split())


MAX_DIGITS = 15  # digits before the point of any amount a report states (a state's budget in 元 has 13)


def too_long(digits: str) -> bool:
    """Whether a number has more digits before its point than any amount (400 digits run together
    are no amount: as a float, infinity)."""
    return len(digits.partition(".")[0].replace(",", "")) > MAX_DIGITS


def number(raw: str) -> float | None:
    """A cell that is only a number (with 万元, 万, 元, 分 or % after it): 1,172.55 万元 -> 1172.55."""
    value = re.sub(r"\s*(?:万元|万|元|分|%)$", "", raw.replace(" ", ""))  # 150万: 万元 written short
    return float(value.replace(",", "")) if NUMBER.match(value) and not too_long(value) else None


def number_text(value: float) -> str:
    """A number as a person writes it: 5.0 -> 5, 89.974 -> 89.974."""
    return str(int(value)) if float(value).is_integer() else str(value)


def rate_agrees(executed: float, base: float, rate_text: str) -> bool:
    """Whether a stated 执行率 (97%, 100.00%) is executed / base to the precision it is written in
    (a rate written without decimals may also be cut, not rounded: 96.9 -> 96%)."""
    rate = number(rate_text.rstrip("%％"))
    if rate is None or not base:
        return False
    decimals = len(rate_text.rstrip("%％").partition(".")[2])
    return abs(executed / base * 100 - rate) <= 10 ** -decimals


def _columns(table: Table, row: int, names: list[tuple[str, str]]) -> dict[str, int]:
    """The fields a header row names, by column: each field once, at its first column."""
    out: dict[str, int] = {}
    for column in range(len(table.rows[row])):
        cell = CIRCLED.sub("", text(table, row, column).replace(" ", ""))
        for word, field in names:
            if (word == cell if word in WHOLE_CELL else word in cell) and field not in out and column not in out.values():
                out[field] = column
                break
    return out


def money_block(table: Table) -> dict:
    """{"budget": {...}, "funds": [...], "spending": {...}, "found": [(path, value, where)]} from the
    rows under a header naming 年初预算数, a 全年预算数 or 调整后预算数, and a 全年执行数."""
    out: dict = {"budget": {}, "funds": [], "spending": {}, "found": []}
    for row in range(len(table.rows)):
        columns = _columns(table, row, MONEY_COLUMNS)
        if not {"initial", "executed"} <= columns.keys():
            continue
        first = min(columns.values())
        for below in range(row + 1, len(table.rows)):
            # The row's own label is the cell just before the amounts (a merged cell shows its text
            # there too); a block title merged down the left (项目资金（万元）) is not a row.
            label = text(table, below, first - 1).replace(" ", "") if first else ""
            if BLOCK_TITLE.search(label):
                continue
            values = {field: number(text(table, below, c)) for field, c in columns.items()}
            if not label or re.search(r"一级指标|年度总体目标|绩效指标", label):
                break  # the block has ended
            amounts = {f: v for f, v in values.items() if v is not None and f in ("initial", "adjusted", "executed")}
            where = {field: table.rows[below][c].where for field, c in columns.items()}  # each value's own cell
            place, name = money_row(label)
            if place == "budget":
                target, path = out["budget"], "budget"
                if values.get("rate") is not None:
                    out["budget"]["rate"] = values["rate"]
                    out["found"].append(("budget.rate", values["rate"], where["rate"]))
            elif place == "spending":
                if amounts.get("executed") is not None:
                    out["spending"][name] = amounts["executed"]
                    out["found"].append((f"spending.{name}", amounts["executed"], where["executed"]))
                continue
            else:
                fund = {"source": name, **amounts}
                out["funds"].append(fund)
                out["found"] += [(f"funds[{len(out['funds']) - 1}].{f}", v, where[f]) for f, v in amounts.items()]
                continue
            target.update(amounts)
            out["found"] += [(f"{path}.{f}", v, where[f]) for f, v in amounts.items()]
        break
    return out


# A grade as documents write it, to the model's one character.
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "优": "优", "良": "良", "中": "中", "差": "差"}
# Yunnan's budget system exports its 指标性质 cell with the operator's code first (004 >=, 005 <=).
OPERATOR = re.compile(r"^\s*(?:00\d\s+)?([>＞][=＝]|[<＜][=＝]|≥|≤|>|<|=|＞|＜|≧|≦|═|＝|大于等于|小于等于|不低于|不高于|不少于|不超过|大于|小于)\s*")
OPERATORS = {">=": "≥", "<=": "≤", "＞＝": "≥", "＜＝": "≤", ">＝": "≥", "<＝": "≤", "＞=": "≥", "＜=": "≤", "≧": "≥", "≦": "≤", "＞": ">", "＜": "<", "═": "=", "＝": "=", "大于等于": "≥", "不低于": "≥",
             "不少于": "≥", "小于等于": "≤", "不高于": "≤", "不超过": "≤", "大于": ">", "小于": "<"}


def target_parts(raw: str) -> tuple[str, object, str | None]:
    """(operator, value, unit) of an indicator's 年度指标值 as the form writes it: ≥95% -> (≥, 95, %);
    text stays text (定性)."""
    operator = "="
    found = OPERATOR.match(raw)
    if found:
        operator = OPERATORS.get(found.group(1), found.group(1))
        raw = raw[found.end():]
    value = re.match(r"^([-+]?\d[\d,]*(?:\.\d+)?)\s*(\D{0,6})$", raw.strip())  # (not 2023年12月底前: a date)
    if value:
        return operator, float(value.group(1).replace(",", "")), value.group(2).strip() or None
    return ("定性" if not found else operator), raw.strip(), None


QUALITATIVE = re.compile(r"\s*(?:00\d\s+)?定性\s*")  # a 指标性质 cell saying the target is text (006 定性)
MAGNITUDES = {"十", "百", "千", "万", "十万", "百万", "千万", "亿"}


def indicator_item(level1: str | None, level2: str | None, name: str, cells: dict[str, str]) -> dict:
    """One indicator row from its cells' texts by field: target split into operator, value and
    unit (a 指标性质 cell such as = and a 度量单位 cell complete it), numbers as numbers."""
    item = {"level1": level1, "level2": level2, "name": name}
    scaled = ""  # the 万 or 亿 the target's value carries itself (1亿 | 元)
    if target := cells.get("target"):
        given = cells.get("operator") or ""
        if OPERATOR.fullmatch(given) and not OPERATOR.match(target):
            target = given + target
        operator, value, unit = target_parts(target)
        if QUALITATIVE.fullmatch(given) and isinstance(value, float):
            operator, value, unit = "定性", target, None  # 006 定性 | 明显提高: a text target, whatever it looks like
        if unit in MAGNITUDES and (scaled := unit) and cells.get("unit"):
            # 1亿 | 元: the value's 亿 and the 度量单位 cell make the unit, 亿元 (1亿 | 亿元 says it twice)
            unit = cells["unit"] if cells["unit"].startswith(unit) else unit + cells["unit"]
        unit = unit or (cells.get("unit") if not isinstance(value, str) else None)
        item.update(operator=operator, target=value, **({"unit": unit} if unit else {}))
    if actual := cells.get("actual"):
        # A number, when its unit is the target's (or it has none): 14.8万元 under a text target stays text;
        # a bare 12000 under 1万 | 亩 (万亩) says nothing of its scale, so it stays as written too.
        value = re.match(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*(\D{0,6})$", actual)
        # (1.6万 under 1.5万 | 亩, 24亿 under ≥1亿元: the unit's own 万 or 亿, so the same unit)
        suffix, unit = (value.group(2).strip(), item.get("unit") or "") if value else ("", "")
        same_unit = value and ((not suffix and not scaled) or suffix == unit or (suffix in MAGNITUDES and unit.startswith(suffix)))
        item["actual"] = float(value.group(1).replace(",", "")) if same_unit else actual
    for field in ("weight", "score"):
        if (value := number(cells.get(field) or "")) is not None:
            item[field] = value
    if cells.get("note"):
        item["note"] = cells["note"]
    return item


def money_row(label: str) -> tuple[str, str | None]:
    """Where a money block's row goes by its label: ("budget", None) for the whole, ("spending",
    basic or project), or ("fund", its source)."""
    if TOTAL_ROW.search(label):
        return "budget", None
    bare = ITEM_MARK.sub("", re.sub(r"^其中[:：]?", "", label))
    if bare in SPENDING_ROWS:
        return "spending", SPENDING_ROWS[bare]
    return "fund", bare


def indicator_rows(table: Table) -> tuple[list[dict], tuple[float, Where] | None]:
    """Each 三级指标 row under a header naming 一级指标 and 三级指标, with its 一级 and 二级 指标
    from merged cells, until the table's 总分 row; and the 总分 in that row's 得分 column."""
    for row in range(len(table.rows)):
        columns = _columns(table, row, INDICATOR_COLUMNS)
        if not {"level1", "name"} <= columns.keys():
            continue
        rows, total = [], None
        for below in range(row + 1, len(table.rows)):
            cells = {field: text(table, below, c) for field, c in columns.items()}
            if any(re.fullmatch(r"总分|合计|总计", text(table, below, c).replace(" ", "")) for c in range(len(table.rows[below]))):
                if "score" in columns and (value := number(cells.get("score") or "")) is not None:
                    total = (value, table.rows[below][columns["score"]].where)
                break
            if not cells.get("name") or cells["name"] == cells.get("level2") == cells.get("level1"):
                continue
            # An empty 一级 or 二级 cell continues the one above: a merged cell flattened into text.
            level1 = re.sub(r"\s*[(（]?\d+\s*分[)）]?$", "", cells["level1"]) or (rows[-1]["level1"] if rows else None)
            level2 = cells.get("level2") or (rows[-1]["level2"] if rows and not cells["level1"] else None)
            rows.append(indicator_item(level1, level2, cells["name"], cells))
        return rows, total
    return [], None


def stated_score(table: Table) -> tuple[float, Where] | None:
    """A form's 自评总分 field (自评总分: | 99.68): the first number in the cells after the label."""
    for row, cells in enumerate(table.rows):
        for column in range(len(cells)):
            if re.fullmatch(r"自评总分[:：]?|自评得分[:：]?", text(table, row, column).replace(" ", "")):
                for after in range(column + 1, min(column + 3, len(cells))):
                    value = number(text(table, row, after))
                    if value is not None and 0 <= value <= 100:
                        return value, cells[after].where
    return None
