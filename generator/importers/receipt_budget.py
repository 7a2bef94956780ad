"""A department's budget stated as the receipts it plans, by source (Shandong's and Anhui's narratives):
2021年初…收入预算51587.78万元,其中一般公共预算财政拨款收入28449.15万元、上级补助收入1500万元…;
年中调整预算64163.86万元,其中…. The total is the year's budget (年初: initial, 调整: adjusted) and each
source a fund, only when the sources add up to the total. What came in (收入合计, 决算收入) is not a
budget, and not read here.
"""

from __future__ import annotations

import re

NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
# The total: 收入预算 / 预算收入, or a 调整预算 whose parts are receipts; its qualifier before it in the sentence.
TOTAL = re.compile(r"(?:收入预算|预算收入|调整预算)(?:总额|合计)?(?:为|是|共)?\s*" + NUMBER + r"\s*万元\s*[,，。]?\s*其中\s*[:：,，]?\s*")
PART = re.compile(r"([\u4e00-\u9fff]{2,24}?)\s*(?:为|是)?\s*" + NUMBER + r"\s*万元\s*([、，,；;。]|$)")
# What the parts of a budget of receipts are called (一般公共预算财政拨款收入, 使用非财政拨款结余, 年初结转和结余)
RECEIPT_WORD = re.compile(r"(?:收入|结余|结转|拨款)$")
# What came in or went out (决算, 实现), what was added (追加), not what was planned for the whole year
NOT_RECEIPTS = re.compile(r"决算|实际|实现|执行|完成|支出|追加")
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
        # 年初 in its clause, or in its sentence when the clause says no 调整 (根据年初部门预算批复,2023年我馆收入预算…)
        sentence = text[max(text.rfind(c, 0, total.start()) for c in "。；;\n") + 1:total.start()]
        # (调整预算 itself, or 调整 in its clause, is the adjusted: 在年初预算基础上调整预算680万元)
        adjusted = total.group(0).startswith("调整") or "调整" in said
        key = "initial" if not adjusted and "年初" in sentence else "adjusted"
        out.append((key, amount, parts))
    # two totals for one column (2022年收入预算…；2023年收入预算…): which is the report's year, a person says
    return [found for found in out if [k for k, _, _ in out].count(found[0]) == 1]
