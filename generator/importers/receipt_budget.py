"""A department's budget stated as the receipts it plans, by source (Shandong's and Anhui's narratives):
2021年初…收入预算51587.78万元,其中一般公共预算财政拨款收入28449.15万元、上级补助收入1500万元…;
年中调整预算64163.86万元,其中…. The total is the year's budget (年初: initial, 调整: adjusted) and each
source a fund, only when the sources add up to the total. What came in (收入合计, 决算收入) is not a
budget, and not read here.
"""

from __future__ import annotations

import re

from .labelled_amount import NUMBER

# The total: 收入预算 / 预算收入, or a 调整预算 whose parts are receipts; its qualifier before it in the sentence.
TOTAL = re.compile(r"(?:收入预算|预算收入|调整预算)(?:总额|合计)?(?:为|是|共)?\s*" + NUMBER + r"\s*万元\s*[,，。]?\s*其中\s*[:：,，]?\s*")
PART = re.compile(r"([\u4e00-\u9fff]{2,24}?)\s*(?:为|是)?\s*" + NUMBER + r"\s*万元\s*([、，,；;。]|$)")
# What the parts of a budget of receipts are called (一般公共预算财政拨款收入, 使用非财政拨款结余, 年初结转和结余)
RECEIPT_WORD = re.compile(r"(?:收入|结余|结转|拨款)$")
# What came in or went out (决算, 实现), what was added (追加), not what was planned for the whole year
NOT_RECEIPTS = re.compile(r"决算|实际|实现|执行|完成|支出|追加|上年|去年|上一年")
# Not the body's own: a government's revenue (全县一般公共预算收入, 非税收入预算), a subordinate's or one project's
NOT_OURS = re.compile(r"全[县市区省州旗盟镇乡]|所属|下属|项目|(?:税|公共|基金|国有资本经营|财政)$")


def receipt_budgets(text: str) -> list[tuple[str, float, list[tuple[str, float]]]]:
    """(initial or adjusted, the total, [(source, amount), …]) for each budget of receipts whose
    sources, listed after 其中, add up to it."""
    out = []
    for total in TOTAL.finditer(text):
        start = max(text.rfind(c, max(0, total.start() - 60), total.start()) for c in "。；;\n，,") + 1
        said = text[start:total.start()]  # its clause: 年初预算收入X万元,年内调整预算收入Y万元 are two
        if NOT_RECEIPTS.search(said) or NOT_OURS.search(said):
            continue
        parts, at = [], total.end()
        while found := PART.match(text, at):
            parts.append((found.group(1), float(found.group(2).replace(",", ""))))
            at = found.end()
            if found.group(3) in "。；;" or re.match(r"\s*其中", text[at:]):
                break  # the sentence ends, or a part's own 其中 begins
        amount = float(total.group(1).replace(",", ""))
        if len(parts) < 2 and not (parts and parts[0][1] == amount):
            continue
        if abs(sum(v for _, v in parts) - amount) >= 0.005 or not all(RECEIPT_WORD.search(n) and "支出" not in n for n, _ in parts):
            continue  # (基本支出拨款200万元、项目支出拨款100万元: what the money is for, not where it comes from)
        if not any(re.search(r"拨款|财政", n) for n, _ in parts):
            continue  # a body's budget is funded by the treasury (教育费附加收入, 缴存收入, 局机关收入: another list)
        out.append((_column(text, total, said), amount, parts, _year(text, total)))
    # two totals for one column (2022年收入预算…；2023年收入预算…), or totals of two years: which is the
    # report's, a person says
    if len({y for *_, y in out if y}) > 1:
        return []
    return [(k, v, parts) for k, v, parts, _ in out if [found[0] for found in out].count(k) == 1]


def _column(text: str, total: re.Match, said: str) -> str:
    """initial or adjusted: the qualifier nearest the total in its clause (调整预算 itself, 年内调整, 全年;
    年初, also after 调整后: 机构改革调整后我局年初收入预算), else 年初 said earlier in its sentence when
    调整 is not (根据年初部门预算批复,2023年我馆收入预算…)."""
    if total.group(0).startswith("调整"):
        return "adjusted"
    nearest = max(("年初", "调整", "全年"), key=said.rfind)
    if said.rfind(nearest) >= 0:
        return "initial" if nearest == "年初" else "adjusted"
    sentence = text[max(text.rfind(c, 0, total.start()) for c in "。；;\n") + 1:total.start()]
    return "initial" if "年初" in sentence and "调整" not in sentence else "adjusted"


def _year(text: str, total: re.Match) -> str | None:
    """The year its sentence gives the total (2022年年中调整预算收入…)."""
    sentence = text[max(text.rfind(c, max(0, total.start() - 80), total.start()) for c in "。；;\n") + 1:total.start()]
    return found[-1] if (found := re.findall(r"(20\d\d)\s*年", sentence)) else None
