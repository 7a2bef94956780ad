"""Money in a report's sentences: a rate after its label, the amount a sentence pairs with its 执行率,
the year's budget a sentence states as a total (下达…资金X万元, 预算数X万元), and the sources a total lists
after 其中. Numbers of rules and formulas are never amounts. (An amount after its label: labelled_amount.py.)
"""

from __future__ import annotations

import re

from . import forms
from .labelled_amount import NUMBER, START, sentence_before
from .narrative_scope import ITEM_MARK, SENTENCE_END

def spaced_bars(text: str) -> str:
    """Spaces around each | made one, as re.sub(r"\\s*\\|\\s*", " | ", text) would, without that pattern's
    backtracking: quadratic in a long run of spaces."""
    parts = text.split("|")
    if len(parts) == 1:
        return text
    return " | ".join([parts[0].rstrip()] + [p.strip() for p in parts[1:-1]] + [parts[-1].lstrip()])


# Between a label and its number: words of a rule or formula (预算执行率未达到90%的需说明原因,
# 执行率 = 执行数 ÷ 预算数 × 100%), not of a value.
# A scoring rule's words after it too (100%计满分，每低于5%扣2分).
RULE_WORDS = re.compile(r"未达到|达到|低于|高于|不足|超过|不得|不低于|不高于|以上|以下|需|应|须|满分|=|＝|÷|/|×|\*")


LIST_ROW = re.compile(r"\d[\u4e00-\u9fff]{2}")  # a row's number, then its name


def percent_after(text: str, label: str) -> float | None:
    # (a number starts where a number starts: 105.81105.81100.00%, a list's cells run together, is no 81100%)
    for match in re.finditer(label + r"([^。；|]{0,20}?)" + START + NUMBER + r"\s*%", text):
        if LIST_ROW.search(match.group(1)):
            continue  # 预算执行率自评得分1示例市…98.33%: a list's header run into its rows, the first row's rate
        if not RULE_WORDS.search(match.group(1)) and not RULE_WORDS.search(text[match.end():match.end() + 4]):
            return float(match.group(2).replace(",", ""))
    return None


def said_rate(text: str, label: str) -> float | None:
    """A rate written right after its label (年度资金使用完成比率99.98 %), said once: a table's
    row (预算完成率 | % | 70% | 76%) gives its unit and target first. Said after each of several
    items (七类项目 … 预算完成率100%), it is theirs, not the report's."""
    said = [m.group(1) for m in re.finditer(r"(?:" + label + r")(?:为|是|达到?|[:：])?\s*" + NUMBER + r"\s*%", text)
            if not RULE_WORDS.search(text[m.end():m.end() + 4])]
    return float(said[0].replace(",", "")) if len(said) == 1 else None


# Where a budget label may begin: a phrase's start, after 其中, or after the report's own subject.
PHRASE_START = "".join(["(?:(?<![\u4e00-\u9fff])", *(f"|(?<={w})" for w in ("其中", "项目", "年度", "部门", "单位", "我局", "年", "年内")), ")"])


def executed_and_rate(text: str, kind: str) -> tuple[float, float, float | None] | None:
    """An amount and the 执行率 the sentence pairs it with: 本年支出合计61658.08万元,预算执行率为97.10%;
    执行数29.6万,执行率100%. In a department report, not a 项目预算执行率 (one kind of spending's).
    With the budget the clause before states, when the rate is the amount's ratio to it (批复支出预算
    1824.15万元,实际执行支出预算1711.15万元,部门整体预算执行率为93.81%); else None."""
    for match in re.finditer(START + NUMBER + r"\s*(?:万元?|元)\s*[,，]\s*((?:部门整体|部门|整体)?(?:项目)?(?:预算)?(?:资金)?执行率)"
                             r"(?:为|是|达)?\s*" + NUMBER + r"\s*%", text):
        sentence = re.split(r"[。；;]", text[max(0, match.start() - 80):match.start()])[-1]
        if (kind == "department" and (match.group(2).startswith("项目") or PART.search(sentence))) or CARRIED.search(sentence) \
                or "其中" in sentence or ITEM_COST.search(sentence) or SOURCE_START.match(sentence):
            # 其中，高标准农田建设专项…执行率96%, 使用结转资金270万元,执行率90%, 其中中央资金150万元,执行率100%,
            # 培训费预算5万元,实际支出4.6万元,执行率92%: one part's, not the year's
            continue
        if BUDGET_CLAUSE.search(re.split(r"[，,]", sentence)[-1]):
            continue  # 调整后预算724.56万元，预算执行率98.87%: a budget's amount, not what was spent
        executed, rate = float(match.group(1).replace(",", "")), match.group(3)
        return executed, float(rate.replace(",", "")), _budget_before(sentence, executed, rate + "%", kind)
    # 全年预算数为1050万元,执行数为1050万元,完成预算的100%: said so only when the budget just before makes
    # it the amount's ratio (完成预算的 is said of revenue, 三公 and single projects too)
    for match in re.finditer(r"(?:执行数|支出)(?:为|是)?\s*" + START + NUMBER + r"\s*(?:万元?|元)\s*[,，]\s*完成(?:全年)?预算的\s*"
                             + NUMBER + r"\s*%", text):
        sentence = re.split(r"[。；;\n]", text[max(0, match.start() - 80):match.start()])[-1]  # (a paragraph starts one too)
        executed, rate = float(match.group(1).replace(",", "")), match.group(2)
        # only a project's own budget opening its sentence (项目全年预算数为1050万元,…): not 公务用车运行维护费全年预算数
        if kind == "project" and re.match(r"\s*(?:该|本)?(?:项目|资金|经费)?(?:全年)?预算", re.split(r"[,，]", sentence)[0]) \
                and (budget := _budget_before(sentence, executed, rate + "%", kind)) is not None:
            return executed, float(rate.replace(",", "")), budget
    return None


# The amount's own clause names a budget and not its spending (调整后预算724.56万元; 全年预算6,215.00万元)
BUDGET_CLAUSE = re.compile(r"^(?![^，,]*(?:执行|支出|实际|完成|使用|决算))[^，,]*(?:预算|年初|调整|安排|下达)")
PART = re.compile(r"其中|专项")  # a sentence about one part of a department's money
CARRIED = re.compile(r"结转|结余|累计")  # … or about the money carried over, or summed over years
# A sentence about one listed source (…；县级资金50万元，执行率90%; 另外，县级配套资金50万元，支出45万元)
SOURCE_START = re.compile(r"\s*(?:(?:另外|此外|同时)[,，]?\s*)?(?:中央|省级?|市级?|县级?|区级?|上级|本级|自筹|其他)"
                          r"[\u4e00-\u9fff]{0,8}?(?:资金|拨款|补助)")
ITEM_COST = re.compile(r"(?<!经)费(?:全年)?(?:预算|支出)")  # … or one item of expense (培训费预算, 会议费支出; not 经费预算)
NOT_THE_YEARS = re.compile(r"年初|结转|结余|追加")  # a budget that is not the year's whole (全年预算数)


def _budget_before(clause: str, executed: float, rate: str, kind: str) -> float | None:
    """The budget the sentence states before the amount, if the rate is executed / it: not a 年初 one
    or a carried-over one, and in a department's report not one project's."""
    found = list(re.finditer(r"(?:预算|安排)[\u4e00-\u9fff]{0,4}?(?:为|是)?\s*" + NUMBER + r"\s*(?:万元?|元)\s*[,，]", clause))
    if not found or NOT_THE_YEARS.search(clause) or (kind == "department" and re.search(r"项目", clause[:found[-1].start()])):
        return None
    budget = float(found[-1].group(1).replace(",", ""))
    return budget if forms.rate_agrees(executed, budget, rate) else None


# A clause that states the year's money as a whole: 下达…资金X万元, 资金共X万元, 预算数X万元.
WHOLE_WORDS = re.compile(r"资金总额|预算总额|预算总金额")
TOTAL_WORDS = re.compile(r"下达|资金共|共计|预算数|预算总金额|预算总额|预算收入|收到|资金预算|经费预算")
# (nor a government's revenue, 全县一般公共预算收入 / 税收收入, nor receipts that came in, 实现预算收入)
# (nor a change, 全年预算数增加120.2万元)
NOT_TOTAL = re.compile(r"年初|调整|执行|支出|结转|结余|决算|计划投资|匹配|配套|三公|全[县市区省州旗盟]|公共预算收入|税收|实现|增加|减少|增长|下降")
AMOUNT = re.compile(START + NUMBER + r"\s*万元?")
# 项目有:一是布达拉宫管理处,下达预算资金9378万元: one listed recipient's, not the year's whole
# (首先是X，下达…; and 1.X，下达… or （一）X：下达… when the number stands in an earlier clause of the
# sentence: (一)示例局2022年衔接资金共下达105万元 is a section's sentence on the whole)
LISTED_ITEM = re.compile(r"(?:^|[:：，,])\s*(?:[一二三四五六七八九十]是|(?:首先|其次|再次|最后)是)")
ITEM_NUMBER = r"(?:" + ITEM_MARK + r"|[一二三四五六七八九十]{1,2}\s*、)"
# （一）X中心：…, 1、示例县人民医院下达资金…: a numbered recipient, named before a colon or before 下达
RECIPIENT = r"(?:医院|学校|中学|小学|幼儿园|中心|站|所|镇|乡|村|街道|社区|局|处|馆|院)"
NAMED_ITEM_LABEL = re.compile(r"\s*" + ITEM_NUMBER + r"\s*(?:[^，,。；;：:]{2,20}[：:]|[^，,。；;：:]{2,20}?" + RECIPIENT + r"(?=下达))")
# numbered at the sentence's start, or after its colon (项目资金分配如下：①示例县人民医院，下达…; not a
# heading run on after it, 报告如下:一、绩效目标分解下达情况)
NUMBERED_ITEM = re.compile(r"^\s*(?:" + ITEM_MARK + r")|[:：]\s*(?:" + ITEM_MARK + ")")
SENTENCE_WINDOW = 300
SOURCE_WORD = re.compile(r"中央|省|市|县|区|本级|财政|自筹|上级|地方|配套|债|转移支付|其他|社会|专项")
# 其他资金(包括结转结余资金、利息收入)551万元: a note in brackets between a source's name and its amount
# (本级59.75万元: a level of government alone names a source too)
FUND_NAME = re.compile(r"^(?:其中[:：]?)?([\u4e00-\u9fff（）()]{2,14}?(?:资金|拨款|补助)|(?:本|省|市|县|区)级)\s*(?:[(（][^()（）]{1,24}[)）])?\s*"
                       + NUMBER + r"\s*万元?$")
CLAUSE_END = re.compile(r"[。；;\n]|(?<!\d)[，,]|[，,](?!\d{3}(?:\D|$))")  # not the comma of 11,605.29


def clauses(text: str) -> list[str]:
    """The text's clauses, a clause cut before 其中 (部门预算总金额 803.74 万元其中:基本支出 …) and
    before a year a sentence without its full stop runs into (其他资金859.6万元2023年支出…)."""
    out: list[str] = []
    for c in CLAUSE_END.split(text):
        out += [p.strip() for p in re.split(r"(?=其中)|(?<=万元)(?=(?:19|20)\d{2}年)", c) if p.strip()]
    return out


def year_budget(text: str) -> tuple[float, str] | None:
    """(the year's budget, its clause): the first clause that states a total with one amount, and is
    not one of a list of sources (中央下达X万元，自治区下达Y万元) unless 其中 follows it; one naming
    itself the whole (项目资金总额5,280万元) over one share said first (上级下达…共4,800万元)."""
    first = None
    for value, part, whole in _totals(text):
        if whole:
            return value, part
        first = first or (value, part)
    return first


def _totals(text: str):
    """(amount, clause, whether it names itself the whole) of each clause that states a total."""
    parts = clauses(text)
    at = 0
    for n, part in enumerate(parts):
        at = text.find(part, at)
        # the sentence so far: 一是对示例管理处，主要用于…，下达预算资金9378万元 is the item's, clauses later
        # (a sentence longer than the window is not known to start with an item's number)
        window = text[max(0, at - SENTENCE_WINDOW):at]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        opening = window[ends[-1]:] if ends else window if at <= SENTENCE_WINDOW else ""
        amounts = AMOUNT.findall(part)
        said = AMOUNT.split(part)[0]  # the total's word comes before its amount: not …万元(均为一般公共预算收入)
        whole = bool(WHOLE_WORDS.search(said))
        if len(amounts) != 1 or not (whole or TOTAL_WORDS.search(said)) or NOT_TOTAL.search(part) or ITEM_COST.search(part) or LISTED_ITEM.search(opening + part) \
                or (opening.strip() and NUMBERED_ITEM.search(opening)) or NAMED_ITEM_LABEL.match(opening + part) or _run_into_next(part) \
                or (n and (re.fullmatch(r"其中[:：]?", parts[n - 1])
                           or (re.fullmatch(r"\s*(?:共计|合计|共)\s*", said) and re.search(r"支出", parts[n - 1])))):
            continue  # (其中，师资经费预算60万元: one part's; …项目支出全部为局机关支出，共计250万元: a bare 共计 of spending)
        after = parts[n + 1] if n + 1 < len(parts) else ""
        siblings = [p for p in (parts[n - 1] if n else "", after) if AMOUNT.search(p) and TOTAL_WORDS.search(p)]
        if siblings and not after.startswith("其中"):
            continue
        yield float(amounts[0].replace(",", "")), part, whole


def breakdown(text: str, total: str) -> list[tuple[str, float]]:
    """The sources listed after the clause total, after 其中: [(中央资金, 1372.7), …]; each clause
    only a source's name and its amount, else the list ends. Only a list that adds up to the
    total's amount: a list cut short, or one of several breakdowns, is not the sources."""
    parts = clauses(text)
    if total not in parts or len(amounts := AMOUNT.findall(total)) != 1:
        return []
    out = []
    listed = False  # after 其中: (其中,中央…资金8353万元: 其中 a clause of its own)
    for part in parts[parts.index(total) + 1:]:
        if not out and not listed and re.fullmatch(r"其中[:：]?", part):
            listed = True
            continue
        pieces = [p for p in re.split(r"(?<=万元)、", part)]  # 其中中央资金300万元、省级资金150万元: one clause, three sources
        if len(pieces) > 1 and all(FUND_NAME.match(p) for p in pieces):
            out += [(m.group(1), float(m.group(2).replace(",", ""))) for m in map(FUND_NAME.match, pieces)
                    if SOURCE_WORD.search(m.group(1))]
            continue
        m = FUND_NAME.match(part) or FUND_NAME.match(re.sub(r"(?<=万元)\D.*$", "", part))  # …万元 run into the next line
        if not m or (not out and not listed and not part.startswith("其中")) or not SOURCE_WORD.search(m.group(1)):
            break  # (已拨付资金, 设备购置资金 and 人员培训资金 say how the money went, not where it came from)
        out.append((m.group(1), float(m.group(2).replace(",", ""))))
        if m.end() < len(part):
            break
    if len({n for n, _ in out}) < len(out):
        return []  # 中央资金(已到位)150万元,中央资金(未到位)50万元: one source, said in parts
    return out if abs(sum(v for _, v in out) - float(amounts[0].replace(",", ""))) < 0.005 else []


# 该项目2020年度资金预算253.7万元,支出253.66万元: the spending of the funds the clause before budgets (not 会议费预算3万元,
# 支出2.8万元 or 政府采购预算120万元,支出118万元: an item's)
BUDGET_THEN_SPENT = re.compile(r"(?:资金|经费)(?:预算|共)?\s*" + START + NUMBER + r"\s*万?元\s*[,，]\s*支出(?:为|[:：])?\s*"
                               + START + NUMBER + r"\s*万?元")


def budget_then_spent(text: str) -> float | None:
    found = BUDGET_THEN_SPENT.search(text)
    return float(found.group(2).replace(",", "")) if found and not forms.too_long(found.group(2)) else None


def spent_clause(text: str, spent: float) -> str | None:
    """The clause that states this year's spending (2023年支出2310.4万元), to read its sources after."""
    for part in clauses(text):
        amounts = AMOUNT.findall(part)
        if len(amounts) == 1 and float(amounts[0].replace(",", "")) == spent and re.search(r"支出|执行", part):
            return part
    return None


def _run_into_next(part: str) -> bool:
    return bool(re.search(r"\d\.\d+\.\d", part))


def the_rate(text: str) -> float | None:
    """A project's 执行率 said on its own (经费执行率为100%, 全部到位并使用完毕，执行率100%): only when the
    text states one such rate, never a rule's (执行率未达到90%的), so whose rate it is cannot be in doubt."""
    return _said_once(m.group(2) for m in re.finditer(r"(执行率)(?:为|是|达到?)?\s*" + NUMBER + r"\s*%", text)
                      if not RULE_WORDS.search(text[max(0, m.start() - 8):m.start()] + text[m.end():m.end() + 4]))


# 指标金额是110万元,: the budget a finance bureau allocated (its 预算指标), the amount closing its clause; not
# one indicator's (成本指标:指标金额50万元以内), not a year's carried over (指标金额30万元结转至本年).
QUOTA = re.compile(r"(?<!项目)指标金额(?:为|是|[:：])?\s*" + NUMBER + r"\s*万?元(?=\s*[,，。；;])")


def quota(text: str) -> float | None:
    """The 指标金额 the text states, when it states one (two batches' 60 and 50 are not the year's)."""
    return _said_once(m.group(1) for m in QUOTA.finditer(text)
                      if not re.search(r"指标[:：]|结转|结余|上年", sentence_before(text, m.start())))


def _said_once(numbers) -> float | None:
    """The number, when the text says one (once or more), not two different ones."""
    said = set(numbers)
    return float(said.pop().replace(",", "")) if len(said) == 1 else None


# 已拨付工程款700万元, 已执行支付2668万元, 支付16万元: money paid out. 拨付 alone (市财政拨付资金100万元)
# is money handed down, so only a payment said to be done.
PAID = re.compile(r"(?:已|实际)[\u4e00-\u9fff]{0,3}?拨付[^，。,；;\d]{0,4}?" + START + NUMBER + r"\s*万元"
                  r"|(?<!转移)支付[^，。,；;\d]{0,4}?" + START + NUMBER + r"\s*万元"
                  # 发放补助资金为278.8万元: a subsidy paid out to those it is for (not 计划发放, 应发放)
                  r"|(?<!计划)(?<!应)(?<!拟)发放(?:补助|补贴|奖补)?(?:资金|经费)?(?:为|共|共计)?\s*" + START + NUMBER + r"\s*万元")


def paid(text: str) -> float | None:
    """A project's year spending where its report gives it only as what was paid, said once: two
    payments (each of several works) are the works', not the project's."""
    return _said_once(m.group(1) or m.group(2) or m.group(3) for m in PAID.finditer(text))


# 区财政通过抗疫特别国债安排资金700万元: the money set aside for the project (several works' 安排资金 are theirs).
ARRANGED = re.compile(r"安排(?:专项)?(?:资金|经费)(?:共)?\s*" + START + NUMBER + r"\s*万元")


def arranged(text: str) -> float | None:
    """A project's year budget where its report gives it only as the money arranged for it, said once."""
    return _said_once(m.group(1) for m in ARRANGED.finditer(text))


# 12类基本公共卫生服务资金3728万元全部执行到位: the year's funds, all spent (全部拨付到位 is money received).
SPENT_ALL = re.compile(r"(?:资金|经费)[^，。,；;\d]{0,6}?" + START + NUMBER + r"\s*万元[,，]?\s*(?:已)?全部(?:到位(?:并|且)?)?"
                       r"(?:执行(?:到位|完毕)?|使用完毕|支出完毕|支付完毕)")


def spent_all(text: str) -> float | None:
    """A project's funds said, once, to be spent in full."""
    return _said_once(m.group(1) for m in SPENT_ALL.finditer(text))

