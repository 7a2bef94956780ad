"""Which sentences of a narrative speak of the report's own money: not those about another year than
the report's (2019年度，…基本支出590.2万元 in a 2020 report; 2021年预算安排…, the next year's plan), nor
those whose subject is another body (示例县农机服务公司基本支出…)."""

from __future__ import annotations

import re


# A sentence about another year's money or result: 2019年度，…基本支出590.2万元; 2021年预算安排2700万元 (the next
# year's plan); 上年预算安排180万元; 2019年度部门整体支出绩效评价中，我局自评得分为82分. (A year inside a fund's or a
# project's name, 2021年中央…资金, is not one.)
YEARS_MONEY = r"(?=\s*(?:[,，]|年初|全年|共|实际|支出|预算|基本支出|项目支出|部门|我|本|该|单位|决算|收入|下达|安排|执行|自评|绩效评价))"
OTHER_YEAR = re.compile(r"(?<![\d较比与于])(20\d\d)\s*年度?" + YEARS_MONEY  # (较2022年基本支出…: a comparison, whose clause amount() passes over)
                        + r"|(?:上一?年|去年|下一?年|明年)度?(?=\s*(?:年初|全年|实际|支出|预算|基本支出|项目支出|决算|安排|执行|下达))")


def without_other_years(text: str, year: int | None) -> str:
    """text without its sentences about another year than the report's (none taken out if the year is not known)."""
    if year is None:
        return text
    sentences = re.split(r"(?<=[。；;\n])", text)
    return "".join(" " * len(s) if any(not m.group(1) or int(m.group(1)) != year for m in OTHER_YEAR.finditer(s)) else s
                   for s in sentences)


# A sentence whose subject is a body before its spending: 示例县农机服务公司基本支出35.6万元，项目支出12万元
BODYS_SPENDING = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:20\d\d年度?[,，]?\s*)?([\u4e00-\u9fff]{2,24}?(?:公司|中心|站|所|院|队|馆|学校|医院|机关))"
                            r"(?=基本支出|项目支出|人员经费|公用经费)")


def without_others_spending(text: str, unit: str | None) -> str:
    """text without the sentences about another body's spending (the unit's own, when named, stays)."""
    out, last = [], 0
    for found in BODYS_SPENDING.finditer(text):
        if unit and found.group(1) == unit:
            continue
        end = (m.start() + found.end()) if (m := re.search(r"[。；;\n]", text[found.end():])) else len(text)
        out += [text[last:found.start()], " " * (end - found.start())]
        last = end
    return "".join(out) + text[last:]
