"""The key figures a report's text states, each found once with its label: grade and score, the year's
spending (total, 基本支出, 项目支出, 人员经费, 公用经费 and their shares), the budget (年初预算数, 全年预算数,
全年执行数, 执行率) and, from sentences, its sources. Each rule says in a comment what it reads and what it
must not (another year's, a part's, an item's, a subordinate's). with_line() names the line a finding
stands on. The forms' tables are read elsewhere (forms.py, flattened.py); these are the sentences.
"""

from __future__ import annotations

import re

from . import forms
from .forms import FULL_WIDTH
from .cell_stream import AMOUNT_NAMES
from .labelled_amount import NUMBER, amount, sentence_before
from .narrative_money import (ITEM_COST, PHRASE_START, SOURCE_START, arranged, breakdown, budget_then_spent, executed_and_rate, paid,
                              percent_after, quota, said_rate, spaced_bars, spent_all, spent_clause, the_rate,
                              year_budget)
from .narrative_scope import ITEM_MARK, without_listed_items, without_other_years, without_others_spending
from .receipt_budget import receipt_budgets

SPENDING_NAMES = {"basic": "基本支出", "project": "项目支出", "personnel": "人员经费", "public": "公用经费"}


def with_line(finding: str, cleaned: list[str]) -> str:
    """“label：value” with the line the value stands on (its first, for a number; the first line
    naming the grade, for a grade), so staff can check it against the document. cleaned: the
    document's lines, full-width digits folded and commas dropped."""
    label, _, value = finding.partition("：")
    if value.endswith("）") and "第" not in value and (first := re.search(r"(?<![\d.])\d+(?:\.\d+)?", value)):
        # 资金来源：A 28449.15、B 1500（年初预算数，收入预算）: the line of its first amount
        n = _line_of(first.group(), label, cleaned)
        return finding if n is None else f"{finding[:-1]}，第 {n + 1} 行）"
    if "（" in value or not value:
        return finding
    n = _line_of(value, label, cleaned)
    return finding if n is None else f"{finding}（第 {n + 1} 行）"


def _line_of(value: str, label: str, cleaned: list[str]) -> int | None:
    """The first line holding a number (or a grade) said with label, preferring one that has the label too."""
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        whole, _, decimals = value.partition(".")
        pattern = re.compile(r"(?<![\d.])" + whole + (r"\." + decimals + "0*" if decimals else r"(?:\.0+)?") + r"(?![\d])")
    elif value in forms.GRADE_WORDS.values():
        pattern = re.compile(r"(?:等级|结果)[^。；]{0,6}" + value)
    else:
        return None
    word = re.sub(r"数$|占比$", "", label)
    hits = [n for n, line in enumerate(cleaned) if pattern.search(line)]
    return next((n for n in hits if word in re.sub(r"\s+", "", cleaned[n])), hits[0] if hits else None)


COLUMN_LETTER = re.compile(r"(?<!\s)\s*[(（][A-Z](?:\s*/\s*[A-Z])?[)）]")


# 自评分数100分以上的项目, 90分（含）以上为优, 90分—100分: a class of scores, not one.
NOT_A_BOUND = r"(?!\s*(?:[(（]含[)）])?\s*(?:及?以上|及?以下|至|到|[~～\-—–]))"


def extract(paras: list[str], kind: str, unit: str | None = None, year: int | None = None) -> tuple[dict, list[str], list[str]]:
    """Key figures from the whole text of a report of this kind by unit (its name, if known) on a
    year (if known: sentences about another year are passed over); (values by report path, found, missing)."""
    text = without_other_years("\n".join(paras).translate(FULL_WIDTH), year)
    # A column's letter after its label (预算数(A) 5.8万, 执行率(B/A) 100%) marks the column, not a rule.
    flat = COLUMN_LETTER.sub("", spaced_bars(text))
    values: dict = {}
    found, missing = [], []

    def record(label: str, path: tuple, value) -> None:
        if value is None:
            missing.append(label)
            return
        node = values
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        found.append(f"{label}：{forms.number_text(value) if isinstance(value, float) else value}")

    def found_later(label: str, path: tuple, value) -> None:
        """A value a later rule finds, of a field the first rules recorded as missing."""
        missing.remove(label)
        record(label, path, value)

    # 优 秀: a PDF's text layer puts blanks inside words.
    grades = re.finditer(r"(?:(?:自评结果|评价结果|自评等级|评价等级|等级|等次|自评结论|评价结论|评定)(?:均|都|总体)?(?:为|是|[:：])?|自评为)\s*[“\"「]?"
                         r"(优\s?秀|良\s?好|中\s?等|较\s?差|优|良|中|差)", text)
    grade = next((g for g in grades if not _of_several(text, g)), None)
    record("自评等级", ("result", "grade"), forms.GRADE_WORDS[re.sub(r"\s", "", grade.group(1))] if grade else None)
    score = _score(text, kind)
    points = float(score.group(1).replace(",", "")) if score else None  # (1,234,567.89: a number, but no score)
    record("自评得分", ("result", "score"), points if points is not None and points <= 100 else None)
    without_sangong = _without_sentences(flat, "三公")  # (“三公”经费预算12万元，实际支出9.8万元 is one item's, never the unit's total)
    # … nor an item of expense's (公务用车运行维护费全年预算数为12万元，执行数为11.5万元; not 经费预算)
    without_items = _without_item_clauses(without_sangong)
    without_items = without_listed_items(without_items, kind)
    record("本年财政拨款支出", ("spending", "total"),
           amount(without_items, r"(?:本年)?财政拨款支出(?:合计|总额)?", spending=True)
           or amount(without_items, f"{PHRASE_START}(?:本年|年度)?(?:财政资金)?支出(?:总额|合计)", spending=True)  # not 政府采购支出总额
           or amount(without_items, r"(?<=\d年)度?共?支出", spending=True)  # 2022年支出76.36万元, 2018年度支出5560.46万元, 2024年共支出
           # …资金共157.71万元,实际支出157.71万元; 本年度总支出1688.46万元; 资金预算253.7万元,支出253.66万元:
           # sentences saying it is spent, their amount in 万元 or 元 (3.实际支出 | 6475 is an indicator's cell)
           or amount(without_items, f"{PHRASE_START}实际支出{IN_YUAN}")
           or amount(without_items, f"{PHRASE_START}(?:本年度?|全年度?)(?:实际)?总支出{IN_YUAN}")
           or amount(without_items, f"{PHRASE_START}全年(?:完成|实际)?支出{IN_YUAN}", spending=True)  # 2023年全年支出980万元
           # (not 追加预算82.25万元,支出7.48万元 or a department's 安排专项资金5.6万元,支出1.51万元: a part's spending)
           or budget_then_spent(_without_parts(without_items, kind))
           or amount(without_items, f"{PHRASE_START}(?<!上年)决算总?支出{IN_YUAN}")  # 决算支出960.28万元, 决算总支出为165.35万元 (not 上年决算支出)
           or amount(without_items, f"{PHRASE_START}实际执行支出(?:预算)?{IN_YUAN}")  # 实际执行支出预算1711.15万元
           or amount(without_items, r"(?<![\u4e00-\u9fff])支出(?=\s*[:：])", spending=True))  # 2、支出:799.12万元
    # (免费开放项目支出251384.66元, “送戏下乡”项目支出, 关爱青少年项目支出, 下属单位项目支出: another's, not the
    # unit's 项目支出; nor 机关本级基本支出, 局机关基本支出 or 示例中心基本支出, one body's part)
    own = without_others_spending(flat, unit)
    for label, key in ((f"{NOT_A_PARTS}基本支出", "basic"), (f"{OWN_SPENDING_START}项目支出", "project"), ("人员经费(?:支出)?", "personnel"),
                       ("公用经费(?:支出)?", "public")):
        figure = amount(own, label, spending=True)
        if figure is None and unit and key in ("basic", "project"):
            figure = amount(flat, re.escape(unit) + SPENDING_NAMES[key], spending=True)  # 示例中心基本支出 by 示例中心 itself
        if figure is None and key == "project" and (nil := NO_PROJECT.search(flat)) \
                and not re.search(r"预算|年初|追加", sentence_before(flat, nil.start())):
            figure = 0.0  # 基本支出165.35万元,无项目支出: a nil stated, not left out
        record(SPENDING_NAMES[key], ("spending", key), figure)
    for label, key in (("基本支出", "basic_share"), ("项目支出", "project_share")):
        record(f"{label}占比", ("spending", key), percent_after(flat, label + r"[^。；]{0,200}?占"))  # bounded: linear
    for name, label, key in (("年初预算数", "年初(?:收支|批复)?预算(?:资金|支出|安排)?|年初(?:财政)?下达(?:资金)?"
                              # 2022年初农村危房改造资金预算安排300.7万元: a fund named between 年初 and its budget
                              "|年初[\u4e00-\u9fff]{2,16}?(?:资金|经费)预算安排", "initial"),
                             ("全年预算数", "调整(?:后的?)?(?:预算)?后?(?:项目)?预算(?:资金|收入|支出)?|预算总收入|全年预算|全年应执行数|转移支付预算数|总体预算|(?<!每年)预算安排(?=\\s*[\\d,.]+\\s*万?元)",
                              "adjusted"),
                             ("全年执行数", "全年执行|执行数|转移支付执行数|(?<!上年)决算总?支出|(?<!上年)实际支出(?=\\s*[\\d,.]+\\s*万?元)", "executed")):
        # The label must start its phrase, or follow 其中 or the report's own subject (该项目年初预算,
        # 2023年度年初收支预算): 法院执行年初预算数 is one item's budget, 应执行数 is what was to be spent.
        # (in a department's report, 上级补助项目调整预算150万元 is one project's)
        value = amount(without_items, f"{PHRASE_START if kind == 'project' else UNITS_START}(?:{label})")
        if value is None and key == "adjusted":
            value = quota(flat)  # 指标金额是110万元: the budget allocated, said once
        if value is None and key == "adjusted" and (total := year_budget(without_items)):
            value = total[0]  # 下达…资金X万元, 资金共X万元, 预算数X万元: the year's budget as a whole
            if kind == "project" and (sources := breakdown(flat, total[1])):
                values["funds"] = [{"source": source, "adjusted": v} for source, v in sources]
                found.append(f"资金来源：{'、'.join(f'{n} {forms.number_text(v)}' for n, v in sources)}（全年预算数）")
        record(name, ("budget", key), value)
    if kind == "project" and "executed" not in values.get("budget", {}) and "total" not in values.get("spending", {}) \
            and (invested := amount(flat, f"{PHRASE_START}实际完成投资")) is not None:
        # A works project's year spending: 下达资金56万元，实际完成投资54.6万元 (not in a department's
        # report, where 完成投资 may be one of its works).
        found_later("全年执行数", ("budget", "executed"), invested)
    if kind == "project" and "executed" not in values.get("budget", {}) and "total" not in values.get("spending", {}) \
            and (payment := paid(flat)) is not None:
        found_later("全年执行数", ("budget", "executed"), payment)
    if kind == "project" and not {"adjusted", "executed"} & set(values.get("budget", {})) \
            and (whole := spent_all(flat)) is not None:
        found_later("全年预算数", ("budget", "adjusted"), whole)
        found_later("全年执行数", ("budget", "executed"), whole)
    if kind == "project" and "adjusted" not in values.get("budget", {}) and "initial" not in values.get("budget", {}) \
            and (given := arranged(flat)) is not None:
        found_later("全年预算数", ("budget", "adjusted"), given)
    if kind == "department" and "funds" not in values:
        # 收入预算X万元,其中A收入a、B收入b: the year's budget as planned receipts, each source a fund
        funds: dict[str, dict] = {}
        for key, total, sources in receipt_budgets(flat):
            name = AMOUNT_NAMES[key]
            if key not in values.get("budget", {}) and name in missing:
                found_later(name, ("budget", key), total)
            if values.get("budget", {}).get(key) != total:
                continue  # sources of another total than the one the report states
            for source, v in sources:
                funds.setdefault(source, {"source": source})[key] = v
            found.append(f"资金来源：{'、'.join(f'{n} {forms.number_text(v)}' for n, v in sources)}（{name}，收入预算）")
        if funds:
            values["funds"] = list(funds.values())
    spent = values.get("spending", {}).get("total") or values.get("budget", {}).get("executed")
    if kind == "project" and spent is not None and (clause := spent_clause(flat, spent)) \
            and (sources := breakdown(flat, clause)):
        funds = {f["source"]: f for f in values.setdefault("funds", [])}
        for source, v in sources:
            if source not in funds:
                funds[source] = {"source": source}
                values["funds"].append(funds[source])
            funds[source]["executed"] = v
        found.append(f"资金来源：{'、'.join(f'{n} {forms.number_text(v)}' for n, v in sources)}（全年执行数）")
    paired = executed_and_rate(without_items, kind)
    if paired and "executed" not in values.get("budget", {}):
        record("全年执行数", ("budget", "executed"), paired[0])
        if paired[2] is not None and not {"adjusted", "initial"} & set(values.get("budget", {})):
            found_later("全年预算数", ("budget", "adjusted"), paired[2])
    record("预算执行率", ("budget", "rate"), (percent_after(without_items, r"预算执行率" if kind == "project" else r"(?<!项目)预算执行率") or said_rate(without_items, r"预算(?:支出)?完成率|资金使用完成比?率")) or (paired[1] if paired else None)
           or (the_rate(without_items) if kind == "project" else None))
    return values, found, missing


# 自评分为100分, 自评得97.5分; not one indicator's (预算执行率得分为0分)
SCORES = (re.compile(r"(?:自评总得分|总得分|自评总分|(?:绩效|综合)总?得分)(?:为|[:：])?\s*" + NUMBER + r"\s*分" + NOT_A_BOUND),  # the total first
          re.compile(r"(?:(?:自评|综合)(?:总)?得分|(?:综合)?评价得分|总得分|(?<![\u4e00-\u9fff])得分|自评总?分数?|自评得|(?:绩效|综合)评分)"
                     r"(?:为|[:：])?\s*" + NUMBER + r"\s*分" + NOT_A_BOUND),
          re.compile(r"自评总分[(（]分[)）][:：]?\s*" + NUMBER + r"(?![\d.])"),  # a form's 自评总分(分) | 97.6
          # 自评得分为99.77, 自评分数100。: the number ends the sentence (not a rule: 自评分数100，为满分标准)
          re.compile(r"自评(?:总)?(?:得分(?:为|[:：])|分数(?:为|[:：])?)\s*" + NUMBER
                     + r"(?=\s*(?:[,，。；;]|$))(?![^。；;\n]{0,8}(?:满分|标准|百分制))"),
          # 经自评,我委得分98分: the body's own, the result of its self-evaluation (not 本指标得分, 我县得分, a
          # survey's 本单位得分, another evaluation's 在…评价中，我局得分85分)
          re.compile(r"(?:经|经过|通过)(?:认真)?自评\s*[,，]?\s*(?:我|本)(?:单位|部门|局|委|办|院|中心|所|站|馆|校|厅|会)得分(?:为|[:：])?\s*"
                     + NUMBER + r"\s*分" + NOT_A_BOUND))
# A sentence of a numbered list (1.禁牧面积：…得分10分; （一）高标准农田建设项目：…自评得分93分，等级为优): one item's
LISTED = re.compile(r"\s*(?:" + ITEM_MARK + r")\s*[^。；;\n：:]{2,30}[：:]")
# A score said of one indicator, a survey, another year or (in a department's report) a project or fund
NOT_THE_REPORTS = re.compile(r"指标|满意度|测评|调查|上年|去年|上一年|往年")


def _score(text: str, kind: str) -> re.Match | None:
    """The first score the text states for the report (in a department's report not one project's:
    其中农村公路养护项目自评得分88分)."""
    for pattern in SCORES:
        for found in pattern.finditer(text):
            before = re.split(r"[。；;\n，,]", text[max(0, found.start() - 30):found.start()])[-1]
            sentence = re.split(r"[。；;\n]", text[max(0, found.start() - 60):found.start()])[-1]
            if NOT_THE_REPORTS.search(before) or LISTED.match(sentence) or (kind == "department" and (
                    "项目" in before or re.search(r"对[^。；;\n]{2,40}?(?:资金|项目|专项)", sentence))):  # 对…资金开展自评，自评得分88分
                continue
            return found
    return None


# 基本支出165.35万元,无项目支出: said of the year's spending, right after its 基本支出 (not of a 年初 budget, or of
# another year: 2021年度,无项目支出;2022年度新增…)
NO_PROJECT = re.compile(r"基本支出\s*\d[\d,.]*\s*万?元\s*[,，]\s*无项目支出(?=\s*[,，。；;]|$)")
# Not a part's: 机关本级基本支出, 局机关基本支出, 示例中心基本支出 (a body's name before it; 我局, 部门 are the unit)
# (我馆基本支出, 本中心基本支出: the unit itself)
NOT_A_PARTS = "".join(f"(?<!(?<![我本]){w})" for w in ("本级", "机关", "中心", "学校", "站", "所", "院", "队", "馆", "公司"))
# Where a department's budget label begins: as PHRASE_START, but not after 项目 (上级补助项目调整预算: one project's).
UNITS_START = PHRASE_START.replace("|(?<=项目)", "")
# Where the unit's own 项目支出 begins: a phrase's start (not after a closing quote or bracket: “送戏下乡”项目支出),
# after 其中, a year (2022年, not 青少年), 年度, 部门 or 本年/全年/当年 (not 下属单位).
OWN_SPENDING_START = r"(?:(?<![\u4e00-\u9fff”\"』」》)）])|(?<=其中)|(?<=\d年)|(?<=年度)|(?<=部门)|(?<=[本全当]年)|(?<=年内))"
IN_YUAN = r"(?=\s*(?:(?:为|[:：])\s*)?" + NUMBER + r"\s*万?元)"  # a label whose amount is given in 万元 or 元


def _without_parts(text: str, kind: str) -> str:
    """The text without the sentences about a part of the year's money: what was added (追加), carried
    over (结转, 结余), one source's (其中中央资金200万元,支出180万元), what was bought (政府采购预算), or, in a
    department's report, one purpose's funds (专项)."""
    for word in ("追加", "结转", "结余", "其中", "采购", *(("专项",) if kind == "department" else ())):
        text = _without_sentences(text, word)
    # …；省级资金100万元，支出100万元: a listed source's sentence after the 其中 one
    return ONE_SOURCE.sub("", text)


# A clause that speaks of the whole again after an item's (…，其中公务用车运行维护费全年预算数12万元，全年支出1480万元)
WHOLE_AGAIN = re.compile(r"\s*(?:全年|本年|本部门|部门|单位|我局|总)")


def _without_item_clauses(text: str) -> str:
    """The text without what its sentences say of one item of expense: from the item's clause (培训费预算5万元,
    公务用车运行维护费全年预算数为12万元) to its sentence's end, or to a clause that names the whole again."""
    out, pos = [], 0
    for found in ITEM_COST.finditer(text):
        if found.start() < pos:
            continue
        start = max(text.rfind(c, pos, found.start()) for c in "。；;\n，,") + 1 or pos
        end = found.end()
        while end < len(text) and text[end] not in "。；;\n":
            comma = min((k for c in "，,。；;\n" if (k := text.find(c, end)) >= 0), default=len(text))
            end = comma
            if comma < len(text) and text[comma] in "，," and WHOLE_AGAIN.match(text, comma + 1):
                break
            end = comma + 1 if comma < len(text) and text[comma] in "，," else comma
        out.append(text[pos:start])
        pos = end
    return "".join(out) + text[pos:]
ONE_SOURCE = re.compile(r"(?:(?<=[。；;\n])|^)" + SOURCE_START.pattern + r"[^。；;\n]{0,200}", re.M)


def _without_sentences(text: str, word: str | re.Pattern) -> str:
    """The text without the sentences that hold word (or a match of it). Found from each occurrence
    outward: a pattern [^。]*word[^。]* would try every start of a long line without stops (quadratic)."""
    out, pos = [], 0
    find = (lambda p: text.find(word, p)) if isinstance(word, str) else (lambda p: m.start() if (m := word.search(text, p)) else -1)
    while (at := find(pos)) >= 0:
        start = max(text.rfind(c, pos, at) for c in "。；;\n") + 1 or pos
        ends = [k for c in "。；;\n" if (k := text.find(c, at)) >= 0]
        out.append(text[pos:start])
        pos = min(ends, default=len(text))
    return "".join(out) + text[pos:]


def _of_several(text: str, found: re.Match) -> bool:
    """Whether a grade is said of several items (有14个预算项目…自评等级为“优”,占比100%), not the report."""
    # Within 200 characters each side: a text without stops must not make this quadratic.
    low, high = max(0, found.start() - 200), min(len(text), found.end() + 200)
    start = max(low - 1, *(text.rfind(c, low, found.start()) for c in "。；\n"))
    ends = [k for c in "。；\n" if (k := text.find(c, found.end(), high)) >= 0]
    sentence = text[start + 1:min(ends, default=high)]
    return bool(re.search(r"\d+\s*个[^，。,]{0,8}项目", sentence) or "占比" in sentence or LISTED.match(sentence))
