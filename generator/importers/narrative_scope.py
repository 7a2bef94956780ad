"""Which sentences of a narrative speak of the report's own money: not those about another year than
the report's (2019年度，…基本支出590.2万元 in a 2020 report; 2021年预算安排…, the next year's plan), nor
those whose subject is another body (示例县农机服务公司基本支出…)."""

from __future__ import annotations

import re


# A sentence about another year's money or result, the year standing first in a clause as its time:
# 2019年度，…基本支出590.2万元; 受普查工作影响，2019年支出680.5万元; 2021年预算安排2700万元 (the next
# year's plan); 上年预算安排180万元; 在2019年市级部门整体绩效评价中，我局得分86分. (Not a year inside a
# clause: 该项目为2019年本级财政安排的续建项目, 其中上年预算结转50万元, 结转下年度执行; nor a fund's
# name, 2021年中央…资金.)
# A list item's number: 1. / 1、, (一) / （1）, ①, 第一，
ITEM_MARK = r"\d{1,2}\s*[.、．](?!\d)|[(（]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|第[一二三四五六七八九十]{1,2}\s*[，,、]"
SENTENCE_END = re.compile(r"[。；;\n]")


def _blank(found: re.Match) -> str:
    """A match replaced by as many blanks: the text keeps its length and its line breaks' places."""
    return " " * len(found.group(0))


CLAUSE_START = r"(?:^|(?<=[，,：:；;。\n\s])|(?<=在))"
CHINESE_YEAR = "二〇[一二][〇一二三四五六七八九]"
YEARS_MONEY = (r"(?=\s*(?:[,，]|的|全|年初|共|实际|支出|预算|基本支出|项目支出|部门|我|本|该|单位|决算|收入|下达|安排|执行|自评"
               r"|绩效评价|市级|县级|区级|[^，,。；;\n]{0,16}?(?:评价|自评)))")
OTHER_YEAR = re.compile(CLAUSE_START + r"(20\d\d|" + CHINESE_YEAR + r")\s*年度?(?!\s*\d{1,2}\s*月)" + YEARS_MONEY  # (not a date)
                        + "|" + CLAUSE_START + r"(?:上一?年|去年|下一?年|明年)度?(?=\s*(?:的|年初|全年|实际|支出|预算(?!结转)|基本支出|项目支出|决算|安排|执行|下达"
                        r"|自评|绩效评价|[^，,。；;\n]{0,16}?(?:评价|自评)))")
# A clause comparing with another year (与2019年度全年预算数1260万元相比, 较上年执行率提高2.1个百分点): its figures
# are the other year's, the rest of the sentence stays.
COMPARED = re.compile(r"(?:与|较|比|同比)\s*(?:20\d\d\s*年度?|上一?年度?|去年)[^，,。；;\n]*")
DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


# A section's heading about another year: （一）上年度情况回顾, 三、2021年工作计划
SECTION_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|\d{1,2}\s*[、.．](?!\d))"
                             r"[^。；;\n]{0,30}$")
HEADING_YEAR = re.compile(r"(上一?年度?|去年|下一?年度?|明年)|(?<!\d)(20\d\d)\s*年")


def _without_other_years_sections(text: str, year: int) -> str:
    """text without the sections whose heading names another year (its sentences may not)."""
    out, other = [], False
    for line in text.split("\n"):
        if SECTION_HEADING.match(line):
            other = any(m.group(1) or int(m.group(2)) != year for m in HEADING_YEAR.finditer(line))
        out.append(" " * len(line) if other else line)
    return "\n".join(out)


def without_other_years(text: str, year: int | None) -> str:
    """text without its sentences about another year than the report's, and its clauses comparing
    with one (none taken out if the year is not known)."""
    if year is None:
        return text
    text = _without_other_years_sections(COMPARED.sub(_blank, text), year)
    sentences = re.split(r"(?<=[。；;\n])", text)
    return "".join(" " * len(s) if any(not m.group(1) or int(m.group(1).translate(DIGITS)) != year for m in OTHER_YEAR.finditer(s))
                   else s for s in sentences)


# A sentence whose subject is a body before its spending: 示例县农机服务公司基本支出35.6万元，项目支出12万元;
# （一）示例县农业技术推广站：基本支出…; 县水产站全年基本支出… (a 局 only when the unit is known to be another)
BODYS_SPENDING = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:20\d\d年度?[,，]?\s*)?(?:" + ITEM_MARK + r")?\s*"
                            r"([\u4e00-\u9fff]{2,24}?(?:公司|中心|站|所|院|队|馆|学校|医院|机关|局))\s*[：:]?\s*(?:全年|本年|年度|当年)?"
                            r"(?=基本支出|项目支出|人员经费|公用经费)")


def without_others_spending(text: str, unit: str | None) -> str:
    """text without the sentences about another body's spending (the unit's own, when named, stays)."""
    out, last = [], 0
    for found in BODYS_SPENDING.finditer(text):
        body = found.group(1)
        if (unit and body == unit) or body.startswith(("我", "本")) or (body.endswith("局") and not (unit and unit.endswith("局"))):
            continue  # the unit itself (我局, 本中心, or its name)
        end = m.start() if (m := SENTENCE_END.search(text, found.end())) else len(text)
        out += [text[last:found.start()], " " * (end - found.start())]
        last = end
    return "".join(out) + text[last:]


# In a department's report, a sentence whose subject is its projects or one part of its money (项目全年预算数为
# 482.2万元，执行数为…; 基本支出全年预算数为820.3万元，执行数为…) states theirs, not the department's budget.
PROJECTS_SENTENCE = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?:项目|基本支出|人员经费|公用经费)[^。；;\n]*")


# A numbered item named for what it is (1.办公楼维修：…), not for money or the whole (1、收入：792.22万元,
# 2.基本支出：…, 2.整体情况：部门预算800万元): its line
NAMED_ITEM = re.compile(r"^[ \t]*(?:" + ITEM_MARK + r")[ \t]*"
                        r"(?![^：:\n]*(?:收入|支出|预算|资金|经费|执行|拨款|整体|总体|部门|单位|合计|全年|本年))"
                        r"[^：:\n。]{2,20}[：:][^\n]*", re.M)
# … and, in a report over several projects, one listed project's ((一)高标准农田建设项目：资金2,150万元，支出…)
NAMED_PROJECT = re.compile(r"^[ \t]*(?:" + ITEM_MARK + r")[ \t]*"
                           r"(?![^：:\n]*(?:概况|情况|基本|本项目|该项目))[^：:\n。]{2,24}?项目[：:][^\n]*", re.M)


def without_listed_items(text: str, kind: str) -> str:
    """text without a department's listed items (1.办公楼维修：年初预算50万元，全年执行48万元) and its
    sentences on its projects or one part of its money; or a project report's listed projects."""
    if kind == "department":
        return PROJECTS_SENTENCE.sub(_blank, NAMED_ITEM.sub("", text))
    return NAMED_PROJECT.sub("", text)
