"""What a document is: its title, kind, budget year and money unit, read the way a person reads
a published self-evaluation, from the lines of its text (its kind: recognise_kind.py; its unit:
recognise_unit.py; its project: recognise_project.py).

Rules, not guesses:
- the title is the first line that names a self-evaluation, never the portal's navigation or
  the page's metadata (索引号, 发布机构, 发布日期 ...);
- the year is the evaluated budget year, from the title or the form's own (YYYY年度), never a
  filing or publication date (2024年2月26日, 填报日期, 发布时间);
- a rule that finds nothing says so (None): the import summary lists the field as not found.
Each finding carries the 1-based line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，：％（）｜", "0123456789.,:%()|")
# 本专科生奖助学金项目自评结果 is a title too; 自评结果 alone is a form's label.
TITLE_WORDS = re.compile(r"自评报告|自评表|评价报告|评价自评|绩效自评|绩效评价表|绩效目标自评|(?:项目|支出)自评结果")
NAVIGATION = re.compile(r"^\s*(?:当前位置|您现在的位置|您现在所在的位置|您的位置|所在位置|首页\s*[>›/])"
                        # a document-sharing site's blurb: 《X.docx》由会员分享,可在线阅读,更多相关《X》请在…上搜索
                        r"|由会员分享.{0,12}可在线阅读")
METADATA_WORDS = (r"索引号|发布机构|发布日期|发文日期|发布时间|成文日期|来源|作者|浏览量|访问量|浏览次数|字号|字体|分享|"
                  r"文号|主题词|主题分类|时效性|公开方式|公开范围|统一登记号|公开目录|栏目|语音播报")
METADATA = re.compile(r"(?:" + METADATA_WORDS + r")\s*[:：|]?")
# A metadata label standing alone on its line (• 公开目录): the next line is its value, not the report's.
BARE_METADATA = re.compile(r"[•·\-*\s]*(?:" + METADATA_WORDS + r")\s*(?:[:：]\s*)?")
# A section's heading (二、绩效自评工作开展情况, (一)部门概况): never the report's title.
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])")
DATE = re.compile(r"20\d\d\s*年\s*\d{1,2}\s*月|20\d\d-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.20\d\d")
# The short names some bodies go by (镜湖区残联, 县科协): they end only a body's name.
SHORT_NAMES = ("残联", "妇联", "侨联", "文联", "科协", "工商联")
# How the names of government bodies end: 局, 委员会, 人民法院, 中心, 站 ...
# (Not a bare 会, 场 or 园: 社会, 市场 and 公园 end so too.)
ORG_END = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "馆", "所", "站", "队", "部", "府", "政府", "处", "室",
           "社", "团", "校", "协会", "联合会", "工会", "红十字会", "学会", "商会", "联", "庭", "署", "政协", "检察院", "法院", "幼儿园", "中学", "小学", "大学",
           *SHORT_NAMES)
CUT_END = ("局", "委员会", "办公室", "中心", "政府", "法院", "检察院", "联合会", "协会", "工会", "红十字会", "厅", *SHORT_NAMES)
PROJECT_UNIT = r"项目单位"  # a project's, the body carrying it out; a unit's own report, itself
UNIT_LABELS = [  # the form's own fields, most specific first (评价单位(公章): the unit evaluating itself)
    r"部门\s*[(（]\s*单位\s*[)）]\s*(?:全称|名称)", r"部门\s*名称", r"(?:预算部门\s*(?:[、，]\s*)?)?单位\s*名称", r"预算单位", r"(?:评价)?单位\s*[(（]\s*[盖公]章\s*[)）]",
    PROJECT_UNIT, r"项目主管(?:部门|单位)(?:及代码)?", r"(?<!中央)(?<!省级)(?<!省)(?<!自治区)(?:地方|县级|市级|区级|市县)?主管部门(?:及代码)?", r"(?:项目)?实施单位(?:\s*[(（]\s*盖章\s*[)）])?",
    r"实施\s*[(（]\s*主管\s*[)）]\s*单位", r"(?<![\u4e00-\u9fff])部门(?=\s*[|:：]|\s)",  # 部门 | 金寨县…中心 |
]
# The form's labels that come after a name in a row whose cells were run together
# (主管部门中江县水利局实施单位…): where the name ends. Never a name themselves.
NEXT_LABEL = (r"(?:项目名称|项目编码|项目负责人|项目主管(?:部门|单位)|(?:中央|地方)?主管部门|(?:项目)?实施单位|资金使用单位|资金情况|联系电话|填报日期|单位负责人|"
              r"财政归口处室|部门联系人|评价类型|年度资金总额|金额单位|是否为专项资金|年度预算申请|下属单位个数|预算编码|单位编码)")


@dataclass(frozen=True)
class Found:
    value: object
    line: int  # 1-based


def clean(line: str) -> str:
    return " ".join(line.translate(FULL_WIDTH).replace("|", " ").split())


def normalised(text: str) -> str:
    """Text as the rules compare it: half-width digits and punctuation, cells and runs of spaces as one space."""
    return clean(text)


def is_chrome(line: str) -> bool:
    """The portal's navigation or the page's metadata: never a title, a year or a unit."""
    text = clean(line)
    return bool(NAVIGATION.search(text)) or len(METADATA.findall(text)) >= 1 and len(text) < 120 and not TITLE_WORDS.search(text)


RUN_ON_TITLE = re.compile(r"^(?:\d{1,2}、)?(.{0,60}?20\d\d\s*年.{0,50}?(?:自评总?报告|评价报告|自评表))(?=[\u4e00-\u9fff])")
FILE_NAME_GAP = 3  # lines after a file's name where the document's own title may stand


def title_of(lines: list[str]) -> Found | None:
    """The report's title: the first line naming a self-evaluation, with the line before it when the
    title was broken in two (保山市林业和草原局2021年度 / 项目绩效自评报告) and a parenthesised line
    after it ((林业技术试验示范推广项目), (2023年度)). A file's name (….docx) is the title only when no
    title follows it within a few lines: the document's own title names more (its unit)."""
    file_name: Found | None = None
    for i, line in enumerate(lines[:60]):  # a title is near the top; a long document mentions 自评报告 again
        if file_name and i > file_name.line + FILE_NAME_GAP:
            return file_name
        text = clean(line)
        if (run_on := RUN_ON_TITLE.match(text)) and not re.search(r"[，。；,;:：]", run_on.group(1)):
            text = run_on.group(1)  # a text layer run into one line: the title, then the first sentence
        if not text or is_chrome(line) or not TITLE_WORDS.search(text) or len(text) > 120:
            continue
        if re.match(r"^(?:根据|为|按照|现将|经|按)", text) or re.search(r"[，。；,;]", text):
            continue  # a sentence that mentions a report is not a title
        if HEADING.match(text) or _metadata_value(lines, i) or _metadata_cell(line):
            continue  # 二、绩效自评工作开展情况 is a section; 公开目录 / 自评报告 is the page's catalogue
        # A file name's extension, an attachment's label (附件:1.) and a page's 标题 (信息名称) label are not the title.
        text = re.sub(r"^(?:[•·]\s*)?(?:附\s*件\s*\d*\s*(?:[:：]\s*)?(?:\d+\s*[.、．]\s*)?|标\s*题\s*(?:[:：]\s*)?|(?:(?:信息)?名\s*)?称\s*[:：]\s*)", "", text)  # 称: left of a cut 名称:
        # 名称: …自评表 文号: — a metadata row: the next field's label is not the title's.
        text = re.sub(r"\s+(?:文\s*号|索\s*引\s*号|发布日期|成文日期|发布机构|主题分类)\s*[:：].*$", "", text)
        parts = [re.sub(r"\.(?:pdf|docx?|xlsx?)$", "", text, flags=re.I)]
        # the line before, or the one before a blank line (示例县2020年度农村公路养护项目 / (blank) / 绩效自评报告)
        k = i - 1 if i and (clean(lines[i - 1]) or i < 2) else i - 2
        before = clean(lines[k]) if k >= 0 else ""
        if before and not is_chrome(lines[k]) and len(before) <= 40 and not re.search(r"[。；;，,：:]$", before) \
                and ((k == i - 1 and re.search(r"20\d\d\s*年度?$", before))
                     or (title_head(before, parts[0]) and (k == i - 1 or not re.fullmatch(r"20\d\d\s*年度?", before)))):
            # (a year alone only right above: 2021年 / (blank) / 部门整体支出绩效自评报告 is a cover's date)
            parts.insert(0, before)
        after = clean(lines[i + 1]) if i + 1 < len(lines) else ""
        if re.fullmatch(r"[(（][^()（）]{2,60}[)）]", after):
            parts.append(after)
        if re.search(r"\.(?:pdf|docx?|xlsx?)$", text, flags=re.I) and not file_name:
            file_name = Found("".join(parts), i + 1)
            continue
        return Found("".join(parts), i + 1)
    return file_name


def title_head(before: str, text: str) -> bool:
    """Whether before is a title's first half, broken off a line that holds little but the report's
    words (贺州市自然资源局部门整体支出 / 绩效自评报告; 枞阳县2023年度国家基本公共卫生 / 服务项目绩效评价自评报告):
    a line of the report's subject, not a sentence, a heading, a label or another title."""
    words = TITLE_WORDS.search(text)
    return bool(words and words.start() <= 8 and not re.search(r"[。；;，,：:|]", before) and not HEADING.match(before)
                and not TITLE_WORDS.search(before) and re.search(r"20\d\d\s*年|部门|整体|项目|支出|资金|经费", before))


def _metadata_value(lines: list[str], i: int) -> bool:
    """Line i is the value of a metadata label standing alone on the line before it (• 公开目录 / • 自评报告)."""
    before = next((line for line in reversed(lines[max(0, i - 2):i]) if line.strip()), "")
    # Only a short value: a label left empty (主题词) is followed by the title itself.
    return bool(BARE_METADATA.fullmatch(clean(before))) and len(re.sub(r"^[•·\-*\s]+", "", clean(lines[i]))) <= 12


def _metadata_cell(line: str) -> bool:
    """A row of the page's metadata whose report words are a label's value (公开目录 | 自评报告 | 发布日期 | …)."""
    cells = [clean(c) for c in line.split("|")]
    return any(TITLE_WORDS.search(c) and len(c) <= 12 and k and BARE_METADATA.fullmatch(cells[k - 1])
               for k, c in enumerate(cells))


# The report's opening sentence says what it evaluates when the page has no title:
# 现将2022年西平县交通运输局…项目绩效自评总结报告如下 / 对我局2020年度部门整体支出进行绩效评价.
ANNOUNCED = (re.compile(r"现将\s*([^，。,;；:：]{2,80}?(?:自评|评价)[^，。,;；:：]{0,10}?)(?:情况)?报告如下"),
             re.compile(r"对(?:我|本)[^\s，。,;；]{1,3}?(20\d\d\s*年度?[^，。,;；]{2,30}?)"
                        r"(?:进行|开展)了?(?:绩效)?(?:自评|评价)"),
             # 我办对2017年度部门整体支出绩效进行了全面综合评价, 本部门对 2017 年整体支出开展绩 效自评
             re.compile(r"(?:我|本)[^\s，。,;；]{1,3}?对\s*(20\d\d\s*年度?[^，。,;；]{2,30}?)"
                        r"(?:进行|开展)了?[^，。,;；]{0,6}?(?:绩\s?效)?(?:自\s?评|评\s?价)"),
             # 我厅认真开展了2022年度部门预算绩效自评工作
             re.compile(r"(?:我|本)[^\s，。,;；]{1,3}?[^，。,;；]{0,6}?开展了?\s*(20\d\d\s*年度?[^，。,;；]{2,30}?(?:绩效)?自评)工作"),
             # 广西壮族自治区住房和城乡建设厅、财政厅认真组织开展了2024年度…补助资金绩效自评工作 (not a
             # cited 关于开展2024年度…自评工作的通知: that names the notice)
             re.compile(r"(?<!关于)组织开展了\s*(20\d\d\s*年度?[^，。,;；《》]{2,30}?(?:绩效)?自评)工作(?!的?通知)"))


ANNOUNCED_WITHIN = 40  # lines: the opening sentence follows the page's header and a letter's head


def announced_of(lines: list[str]) -> Found | None:
    """What the report's first sentences say it evaluates: a title for the year, kind, unit and
    project of a page that has none (never the draft's title: the document does not write it so)."""
    for i, line in enumerate(lines[:ANNOUNCED_WITHIN]):
        text = clean(line) + " " + clean(lines[i + 1] if i + 1 < len(lines) else "")  # a sentence a line break cut
        for pattern in ANNOUNCED:
            if (found := pattern.search(text)) and not is_chrome(line) and not _finance_campaign(text, found):
                return Found(found.group(1), i + 1)
    return None


def _finance_campaign(text: str, found: re.Match) -> bool:
    """市财政局组织开展了2024年度…转移支付资金绩效自评工作: the finance bureau's campaign over many reports,
    not what this one evaluates (住房和城乡建设厅、财政厅认真组织开展了…: a department's own, with its funder)."""
    if not text.startswith("组织开展了", found.start()):
        return False
    organisers = re.split(r"[，,。；;:：]", text[:found.start()])[-1]
    bodies = [b for b in re.split(r"[、和及与]", re.sub(r"认真|共同|联合", "", organisers)) if b.strip()]
    return bool(bodies) and all(re.search(r"财政(?:局|厅|部)\s*$", b) for b in bodies)


def named_or_announced(title: Found | None, lines: list[str]) -> Found | None:
    return title or announced_of(lines)


# A data sheet's columns of years (部门整体支出绩效评价基础数据表): the evaluated year is the latest.
YEAR_COLUMN = re.compile(r"(20\d\d)\s*年\s*(预算|决算|实际|执行)数")


def year_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated budget year: from the title, or a (YYYY年度) of the form near it, never a date."""
    title = named_or_announced(title, lines)
    candidates = []
    if title:
        candidates.append((title.value, title.line))
    start = title.line if title else 0
    candidates += [(lines[i], i + 1) for i in range(max(0, start - 1), min(len(lines), start + 8))]
    # A title repeated further down (a file-sharing page's header, then the document): the lines after it too.
    again = [i for i in range(start, min(len(lines), 60)) if title and clean(lines[i]).endswith(clean(title.value))]
    candidates += [(lines[k], k + 1) for i in again for k in range(i, min(len(lines), i + 3))]
    if title and (announced := announced_of(lines)) and announced != title:
        # 我办对2017年度部门整体支出…进行了评价; before the lines near a title without a year (按照县财政局
        # 2021年度预算绩效管理工作安排，我局对2020年部门整体支出…开展了绩效自评: the year evaluated is 2020)
        candidates.insert(1 if re.search(r"20\d\d", title.value) else 0, (announced.value, announced.line))
    for text, line in candidates:
        text = clean(text)
        if is_chrome(text) or re.search(r"填报|日期|印发|通知|〔|\[20\d\d\]", text) or _cover_date(text, lines, line):
            continue
        undated = DATE.sub("", text)
        columns = YEAR_COLUMN.findall(undated)
        spent = [int(y) for y, kind in columns if kind != "预算"]
        if len({y for y, _ in columns}) > 1 and spent:
            # 2017年决算数 2018年预算数 2018年决算数: the latest year with its actuals (a budget's
            # 2023年决算数 | 2024年预算数 compares last year's actuals with a plan)
            return Found(max(spent), line)
        if found := re.search(r"(20\d\d)\s*年度", undated):
            return Found(int(found.group(1)), line)
        # (not a deadline: 规划纲要》提出到2020年, 至2025年; not a past event: 是2015年农业部确定的, 于2015年成立)
        # (nor a target: 项目完工年度 | 005 <= | 2025 | 年)
        if found := re.search(r"(?<![到至是<>=≤≥＜＞])(?<![<>=≤≥＜＞]\s)(?<!(?<!关)于)(20\d\d)\s*年(?!\s*\d{1,2}\s*月)", undated):
            # 隆阳区2021年中央化肥…项目补助资金绩效自评 over its form's 2022年度项目支出绩效自评表: a year
            # without 年度 may be the project's name (its 2021 funds); the form's heading says which year.
            heading = next((Found(int(h.group(1)), n + 1) for n, t in enumerate(lines[:ANNOUNCED_WITHIN])
                            if TITLE_WORDS.search(clean(t)) and (h := re.search(r"(20\d\d)\s*年度", clean(t)))
                            and not re.search(r"填报|日期|通知|〔|附件|按照|根据|安排", clean(t))), None)  # not an attachment named
            return heading or Found(int(found.group(1)), line)
    return (None if title else _evaluated_year(lines)) or _form_year(lines)


# A form's own heading states its year: 部门整体支出绩效自评表(2021年度), also run into the next cells.
FORM_YEAR = re.compile(r"(?:自评表|绩效目标表)\s*[(（]\s*(20\d\d)\s*年度?\s*[)）]")


def _form_year(lines: list[str]) -> Found | None:
    """The year in the first form heading near the top, when the title (a file's name) gives none."""
    for i, line in enumerate(lines[:60]):
        below = clean(lines[i + 1]) if i + 1 < len(lines) else ""
        # 项目支出绩效自评表 / (2021年度): the year under the heading, on a line of its own
        text = clean(line) + (below if re.fullmatch(r"[(（]\s*20\d\d\s*年度?\s*[)）]", below) else "")
        if not is_chrome(line) and (found := FORM_YEAR.search(text)):
            return Found(int(found.group(1)), i + 1 + (found.start(1) >= len(clean(line))))
    return None


def _cover_date(text: str, lines: list[str], line: int) -> bool:
    """A cover's year of making, under the body that made the form (林芝市财政局制 / 2025年)."""
    if not re.fullmatch(r"20\d\d\s*年", text):
        return False
    before = next((clean(lines[i]) for i in range(line - 2, max(line - 4, -1), -1) if clean(lines[i])), "")
    return bool(re.search(r"制$|填报|日期", before))


# A page with neither title nor opening announcement still says which year it evaluates:
# 我厅认真开展了2022年度部门预算绩效自评工作; 对县科技局2024年经费使用情况进行了…自评.
EVALUATED_YEAR = (re.compile(r"开展了?\s*(20\d\d)\s*年度?[^，。,;；]{0,20}?(?:绩效)?(?:自评|评价)"),
                  re.compile(r"对[^，。,;；]{0,12}?(20\d\d)\s*年度?[^，。,;；]{0,30}?(?:进行|开展)了?[^，。,;；]{0,8}?(?:自评|评价)"))


def _evaluated_year(lines: list[str]) -> Found | None:
    """The year the opening lines say is evaluated, when they say one year only (not in a cited
    notice: 关于开展2021年度…自评工作的通知 is the notice's year)."""
    said: dict[int, int] = {}
    for i, line in enumerate(lines[:ANNOUNCED_WITHIN]):
        text = clean(line)
        if is_chrome(line):
            continue
        text = re.sub(r"《[^》]*》|关于[^，。]*?通知", "", text)
        for pattern in EVALUATED_YEAR:
            for found in pattern.finditer(text):
                said.setdefault(int(found.group(1)), i + 1)
    return Found(*said.popitem()) if len(said) == 1 else None


# A sum in a sentence about the report's money (not 人均可支配收入12500元, 业务收入达到55万元: a
# target's figure says nothing of the unit the report's amounts are given in).
MONEY_WORDS = r"(?:资金|预算|支出|执行|拨款|经费|下达|安排|拨付|金额|投资|补助|结转|到位|资产)[^。；，,]{0,12}?"
# (an amount, not a target: 经费支出 | <=33万元 is an indicator's value, whatever the money block's unit)
SUM = r"(?<![\d.,<>≤≥=＜＞])\d[\d.,]*\s*"
YUAN = re.compile(r"(?:金额)?单位\s*[:：]\s*元(?![\u4e00-\u9fff])|[(（]\s*元\s*[)）]|" + MONEY_WORDS + SUM + r"元(?![\u4e00-\u9fff]*万)")
WAN = re.compile(r"(?:金额)?单位\s*[:：]\s*万元|[(（]\s*万元\s*[)）]|" + MONEY_WORDS + SUM + r"万元")
# Amounts given in 亿元: a column or unit so named, or a sum of money in a sentence about funds (not an
# indicator's value such as 林产品收入 2.6亿元).
YI = re.compile(r"[(（]\s*亿元\s*[)）]|单位\s*[:：]\s*亿元|(?:资金|预算|下达|安排|拨付|支出)[^。；，,]{0,30}?\d\s*亿元")


def units_said(lines: list[str]) -> tuple[int | None, int | None]:
    """The first line (1-based) that gives an amount in 元, and the first in 万元."""
    yuan = next((i + 1 for i, line in enumerate(lines) if YUAN.search(clean(line))), None)
    wan = next((i + 1 for i, line in enumerate(lines) if WAN.search(line)), None)
    return yuan, wan


def money_unit_of(lines: list[str]) -> Found | None:
    """The unit the document gives amounts in: 元 when it says so (单位：元, a (元) column, 1,234.56元)
    and never 万元; 万元 when it writes 万元 and never 元. Both, or neither: not found; nor when it gives
    amounts in 亿元 too (4.54亿元), which a report's one unit cannot hold."""
    if any(YI.search(line) for line in lines):
        return None
    yuan, wan = units_said(lines)
    if yuan and not wan:
        return Found("元", yuan)
    if wan and not yuan:
        return Found("万元", wan)
    return None
