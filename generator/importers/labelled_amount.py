"""An amount a report's sentence gives right after its label (本年财政拨款支出 8,483.10 万元, 基本支出 | 1390.81),
and for spending labels only the unit's own for the year: not a budget's parts (其中: 基本支出… under a 预算),
another year's, a subordinate's, an addition's, a forecast or a sum to date. Counts (8个项目), dates, item
numbers and numbers run into the next are never amounts.
"""

from __future__ import annotations

import itertools
import re

from . import forms

NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
# A number found by scanning starts where a number starts: tried from inside a run of digits, each
# start would read the rest of the run again (500,000 digits took minutes).
START = r"(?<![\d,.])"
COUNT_WORD = re.compile(r"[ \t]*(?:个|项(?!目)|人(?!员)|家|次|户|所|名|座|条|辆|台|套|件|篇|场|批|处|只|头|亩|公里|米|吨|天|%|％)")


def amount(text: str, label: str, spending: bool = False) -> float | None:
    """The amount right after a label (“基本支出 1,390.81 万元”, “基本支出 | 1390.81”), not “基本支出占比”.

    Not when a second number follows in the next cell: that is a row of a table with several
    amount columns (年初预算数 | 全年执行数), which only its column headers can tell apart. For a
    spending figure, not when the nearest money word before it is a budget's (其中: 一般公共预算 ...
    项目支出 2985.5 lists what a budget is made of, not what was spent); then a later one whose
    nearest money word is a spending's (年初预算支出…其中:基本支出A…。决算支出…其中:基本支出B)."""
    # 年初批复预算8个项目985万元: the count of items before the amount is passed over
    matches = re.finditer(label + r"(?:数)?\s*(?:(?:为|是|[:|])\s*)?(?:共?\d{1,3}个项目)?" + NUMBER + r"\s*(?:万元|元)?", text)  # one \s* run: no backtracking
    # (一)基本支出 / 2024年度…基本支出1076.17万元: a heading's label, then a year, is not its amount
    matches = (m for m in matches if not re.match(r"\s*年", text[m.end(1):m.end(1) + 3]))
    if spending:
        matches = (m for m in matches if not _not_the_units_year(text, m))
    matches, ahead = itertools.tee(matches)
    if len({y for m in itertools.islice(ahead, MAX_LATER + 1) if (y := _year_of(text, m))}) > 1:
        return None  # 2022年度基本支出320.5万元，2023年度基本支出351.2万元: which year is the report's, a person says
    match = next(matches, None)
    if not match:
        return None
    value = _stated(text, match)
    if value is None or not spending:
        return value
    word = _money_word_before(text, match)
    if word not in BUDGET_WORDS or any(w in SPENT_WORDS for w in MONEY_WORD.findall(match.group(0))):
        return value  # (全年支出1480万元 names its own spending, whatever budget the clause before states)
    for later in itertools.islice(matches, MAX_LATER):
        if _money_word_before(text, later) in SPENT_WORDS and (value := _stated(text, later)) is not None:
            return value
    return None


BUDGET_WORDS = ("预算支出合计", "预算支出", "预算", "资金总额", "资金来源")
SPENT_WORDS = ("决算", "实际支出", "全年支出", "本年支出", "总支出", "支出合计", "完成支出")
# Spending that is not the unit's for the year: in its clause a forecast, a sum to date or a comparison
# (预计2024年共支出, 截至2023年共支出, 较2022年基本支出800万元); in its sentence another year's, an
# addition's or a subordinate's (上年决算支出…其中基本支出, 年中追加基本支出, 所属示例中心基本支出 — not 局机关及所属单位)
NOT_THE_YEARS_CLAUSE = re.compile(r"较|比|同比")
# (截至2023年6月底，基本支出…: part of the year; 截至12月31日，本年支出合计…: all of it)
NOT_THE_YEARS_SENTENCE = re.compile(r"上年|去年|上一年|同期|追加|(?<![及和含与、])(?:所属|下属)|预计|计划|拟|累计"
                                    r"|(?:截至|截止)(?!\s*(?:20\d\d\s*年)?\s*(?:12\s*月\s*(?:31\s*日|底|末)|年底|年末))")


def sentence_before(text: str, at: int, window: int = 200) -> str:
    """The sentence's words before position at (within window: a text without stops stays linear)."""
    return re.split(r"[。；;\n]", text[max(0, at - window):at])[-1]


def _not_the_units_year(text: str, match: re.Match) -> bool:
    sentence = sentence_before(text, match.start(), 300)
    clause = re.split(r"[，,]", sentence)[-1]
    return bool(NOT_THE_YEARS_CLAUSE.search(clause) or NOT_THE_YEARS_SENTENCE.search(sentence))


def _year_of(text: str, match: re.Match) -> str | None:
    """The year its sentence gives a label (2023年度基本支出; 2022年度部门决算支出…,其中:基本支出)."""
    sentence = sentence_before(text, match.start(1), 120 + match.start(1) - match.start())
    return found[-1] if (found := re.findall(r"(20\d\d)\s*年", sentence)) else None


MAX_LATER = 5  # later mentions looked at: a budget's parts, then the year's, are a sentence or two apart


def _stated(text: str, match: re.Match) -> float | None:
    """The amount of a label's match, unless what follows says it is no amount of its own."""
    if re.match(r"\s*\|\s*" + NUMBER, text[match.end():match.end() + 40]):
        return None
    if re.search(r"\n", text[match.start():match.start(1)]):
        return None  # 执行数: / (an empty cell) / 20: a label ending its line, a number alone on a later one
    after = text[match.end(1):match.end(1) + 40]
    if not match.group(0).endswith("元") and re.match(r"[ \t]+\d", after):
        return None  # 项目支出 874.20 308.17 (1025.20): a row of amount columns too, which only its header tells apart
    if COUNT_WORD.match(text, match.end(1)):
        return None  # 8个项目: a count, not an amount
    if re.match(r"\s*(?:[-—~～至到]\s*\d|月|日|号)", text[match.end(1):match.end(1) + 4]):
        return None  # 基本支出是1-12月…工资, 执行数是12月31日…: a date or a span of months, not an amount
    if re.match(r"\s*[、.．][\u4e00-\u9fff]", text[match.end(1):match.end(1) + 3]):
        return None  # 项目支出: / 1、业务工作专项 938.8: an item's number, not an amount
    if re.match(r"\.\d", text[match.end(1):match.end(1) + 2]):
        return None  # 62.73100.00: two numbers run together, where one ends cannot be told
    if forms.too_long(match.group(1)):
        return None
    return float(match.group(1).replace(",", ""))


def _money_word_before(text: str, match: re.Match) -> str | None:
    """The nearest money word before a spending label, in its sentence (一般公共预算收入 is what came
    in, not a budget's breakdown)."""
    sentences = re.split(r"[。；]", text[max(0, match.start() - 300):match.start()])
    words = MONEY_WORD.findall(sentences[-1])
    if not words and re.match(r"\s*其中", sentences[-1]) and len(sentences) > 1:
        # 预算支出为1250万元。其中,基本支出922万元: this 其中 is the sentence before's; a budget's parts unless
        # that sentence speaks of spending too (…资金共157.71万元,实际支出157.71万元。其中基本支出148.26万元)
        before = MONEY_WORD.findall(sentences[-2])
        words = [w for w in before if w not in BUDGET_WORDS][-1:] or before[-1:]
    return words[-1] if words else None


MONEY_WORD = re.compile(r"预算支出合计|预算支出|预算(?!收入)|完成支出|资金总额|资金来源|支出合计|本年支出|决算|实际支出|全年支出|\d年支出|总支出|执行")
