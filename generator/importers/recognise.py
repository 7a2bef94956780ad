"""What a document is: its title, kind, budget year, unit and project, read the way a person
reads a published self-evaluation, from the lines of its text.

Rules, not guesses:
- the title is the first line that names a self-evaluation, never the portal's navigation or
  the page's metadata (索引号, 发布机构, 发布日期 ...);
- the year is the evaluated budget year, from the title or the form's own (YYYY年度), never a
  filing or publication date (2024年2月26日, 填报日期, 发布时间);
- the unit comes from the form's own fields (部门（单位）名称, 单位（盖章）, 主管部门, 实施单位)
  or from the title, and must end like the name of a government body;
- a rule that finds nothing says so (None): the import summary lists the field as not found.
Each finding carries the 1-based line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，：％（）｜", "0123456789.,:%()|")
TITLE_WORDS = re.compile(r"自评报告|自评表|评价报告|评价自评|绩效自评|绩效评价表|绩效目标自评")
NAVIGATION = re.compile(r"^\s*(?:当前位置|您现在的位置|您现在所在的位置|您的位置|所在位置|首页\s*[>›/])")
METADATA = re.compile(r"(?:索引号|发布机构|发布日期|发文日期|发布时间|成文日期|来源|作者|浏览量|访问量|浏览次数|字号|字体|分享|"
                      r"文号|主题词|主题分类|时效性|公开方式|公开范围|统一登记号|公开目录|栏目|语音播报)\s*[:：|]?")
DATE = re.compile(r"20\d\d\s*年\s*\d{1,2}\s*月|20\d\d-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.20\d\d")
# How the names of government bodies end: 局, 委员会, 人民法院, 中心, 站 ...
# (Not a bare 会, 场 or 园: 社会, 市场 and 公园 end so too.)
ORG_END = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "馆", "所", "站", "队", "部", "府", "政府", "处", "室",
           "社", "团", "校", "协会", "联合会", "工会", "学会", "商会", "联", "庭", "署", "政协", "检察院", "法院", "幼儿园")
CUT_END = ("局", "委员会", "办公室", "中心", "政府", "法院", "检察院", "联合会", "协会", "工会", "厅")
UNIT_LABELS = [  # the form's own fields, most specific first
    r"部门\s*[(（]\s*单位\s*[)）]\s*(?:全称|名称)", r"单位\s*名称", r"预算单位", r"单位\s*[(（]\s*盖章\s*[)）]",
    r"项目主管部门", r"主管部门", r"实施单位(?:\s*[(（]\s*盖章\s*[)）])?",
]
KIND_DEPARTMENT = re.compile(r"部门整体|整体支出|部门\s*[(（]\s*单位\s*[)）]\s*整体")
KIND_PROJECT = re.compile(r"项目|专项|资金|转移支付")


@dataclass(frozen=True)
class Found:
    value: object
    line: int  # 1-based


def _clean(line: str) -> str:
    return " ".join(line.translate(FULL_WIDTH).replace("|", " ").split())


def normalised(text: str) -> str:
    """Text as the rules compare it: half-width digits and punctuation, cells and runs of spaces as one space."""
    return _clean(text)


def is_chrome(line: str) -> bool:
    """The portal's navigation or the page's metadata: never a title, a year or a unit."""
    text = _clean(line)
    return bool(NAVIGATION.search(text)) or len(METADATA.findall(text)) >= 1 and len(text) < 120 and not TITLE_WORDS.search(text)


def title_of(lines: list[str]) -> Found | None:
    """The report's title: the first line naming a self-evaluation, with the line before it when the
    title was broken in two (保山市林业和草原局2021年度 / 项目绩效自评报告) and a parenthesised line
    after it ((林业技术试验示范推广项目), (2023年度))."""
    for i, line in enumerate(lines[:60]):  # a title is near the top; a long document mentions 自评报告 again
        text = _clean(line)
        if not text or is_chrome(line) or not TITLE_WORDS.search(text) or len(text) > 120:
            continue
        if re.match(r"^(?:根据|为|按照|现将|经|按)", text) or re.search(r"[，。；,;]", text):
            continue  # a sentence that mentions a report is not a title
        # A file name's extension, and an attachment's label (附件:1.) before the title, are not the title.
        text = re.sub(r"^附\s*件\s*\d*\s*[:：]?\s*(?:\d+\s*[.、．]\s*)?", "", text)
        parts = [re.sub(r"\.(?:pdf|docx?|xlsx?)$", "", text, flags=re.I)]
        before = _clean(lines[i - 1]) if i else ""
        if before and not is_chrome(lines[i - 1]) and len(before) <= 40 and not re.search(r"[。；;，,：:]$", before) \
                and re.search(r"20\d\d\s*年度?$", before):
            parts.insert(0, before)
        after = _clean(lines[i + 1]) if i + 1 < len(lines) else ""
        if re.fullmatch(r"[(（][^()（）]{2,60}[)）]", after):
            parts.append(after)
        return Found("".join(parts), i + 1)
    return None


def kind_of(title: str | None, lines: list[str]) -> Found | None:
    """department (部门整体) or project, from the title; else from the form's own labels."""
    if title:
        text = _clean(title)
        if KIND_DEPARTMENT.search(text):
            return Found("department", 0)
        if KIND_PROJECT.search(text):
            return Found("project", 0)
    for i, line in enumerate(lines):
        text = _clean(line)
        if KIND_DEPARTMENT.search(text) and TITLE_WORDS.search(text):
            return Found("department", i + 1)
        if re.search(r"项目支出绩效自评表|项目名称", text) and not is_chrome(line):
            return Found("project", i + 1)
    return None


def year_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated budget year: from the title, or a (YYYY年度) of the form near it, never a date."""
    candidates = []
    if title:
        candidates.append((title.value, title.line))
    start = title.line if title else 0
    candidates += [(lines[i], i + 1) for i in range(max(0, start - 1), min(len(lines), start + 8))]
    for text, line in candidates:
        text = _clean(text)
        if is_chrome(text) or re.search(r"填报|日期|印发|通知|〔|\[20\d\d\]", text):
            continue
        undated = DATE.sub("", text)
        found = re.search(r"(20\d\d)\s*年度", undated) or re.search(r"(20\d\d)\s*年(?!\s*\d)", undated)
        if found:
            return Found(int(found.group(1)), line)
    return None


def _org(name: str) -> str | None:
    name = re.sub(r"^\d+\s*[-－]\s*", "", name.strip(" :：|,，。"))  # budget codes: 705-重庆市忠县科学技术协会
    name = re.sub(r"[(（](?:公章|盖章|本级|本局)[)）]$", "", name)
    body = name.removesuffix("本级")  # 青神县发展和改革局本级: the body's own level, kept as the form writes it
    return name if 2 <= len(name) <= 40 and body.endswith(ORG_END) else None


def unit_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated unit: the form's own field if it has one, else the title's unit."""
    return field_unit(lines) or title_unit(title, lines)


def unit_doubt(title: Found | None, lines: list[str]) -> list[Found]:
    """Both when the form's field and the title name different bodies (neither a short form of
    the other): a person must choose, so neither is taken as found."""
    field, titled = field_unit(lines), title_unit(title, lines)
    if field and titled and not (field.value.endswith(titled.value) or titled.value.endswith(field.value)):
        return [field, titled]
    return []


def field_unit(lines: list[str]) -> Found | None:
    for label in UNIT_LABELS:
        # A form's label starts its cell (or line): 预算单位 inside a sentence is not a field.
        pattern = re.compile(r"(?:^|\s)" + label + r"\s*[:：|]?\s*([^\s|:：]{2,40})")
        for i, line in enumerate(lines):
            if is_chrome(line):
                continue
            # Cells apart first (主管部门 | 县农业农村局 | 实施单位 ...), then letter-spaced labels (单 位 名 称).
            found = pattern.search(_clean(line)) or pattern.search(re.sub(r"(?<=\S) (?=\S)", "", _clean(line)))
            if found and (name := _org(found.group(1))):
                return Found(name, i + 1)
    return None


def title_unit(title: Found | None, lines: list[str]) -> Found | None:
    if title:
        text = _clean(title.value).replace(" ", "")
        before_year = re.match(r"^(.{2,40}?)20\d\d年", text)
        after_year = re.search(r"20\d\d年度?(.{2,60}?)(?:部门整体|整体支出|项目支出|单位自评|绩效|自评)", text)
        for region in (before_year and before_year.group(1), after_year and after_year.group(1)):
            if not region:
                continue
            # The whole stretch before the year or the report's kind, if it is a body's name; else its
            # longest beginning that ends as only a body's name does (示例市科学技术局 of 示例市科学技术局
            # 示范项目), never cut at a character that also ends common words (地方社 of 地方社会).
            names = [region] if _org(region) else [region[:k] for k in range(len(region), 1, -1)
                                                    if region[:k].endswith(CUT_END) and _org(region[:k])]
            if names:
                return Found(_fuller(_org(names[0]), lines), title.line)
    return None


def _fuller(name: str, lines: list[str]) -> str:
    """A title that says only 林业局 while the page's publisher is 零陵区林业局: the same body,
    named in full. Only a publisher whose name ends with the title's is taken."""
    for line in lines[:30]:
        for publisher in re.findall(r"(?:发布机构|来源)\s*[:：|]?\s*([^\s|:：]{2,40})", _clean(line)):
            if publisher.endswith(name) and len(publisher) > len(name) and _org(publisher):
                return publisher
    return name


def project_of(title: Found | None, lines: list[str]) -> Found | None:
    """A project's name: the form's 项目名称 field, else the title's (… 项目) or its parenthesis."""
    pattern = re.compile(r"项目名称\s*[:：|]?\s*([^|:：]{2,60}?)(?=\s*(?:\||项目编码|主管部门|项目负责人|$))")
    for i, line in enumerate(lines):
        found = pattern.search(_clean(line))
        if found and not is_chrome(line):
            name = found.group(1).strip()
            if name and not re.fullmatch(r"[\d\s-]+", name):
                return Found(name, i + 1)
    if title:
        text = _clean(title.value).replace(" ", "")
        inside = re.search(r"[(（]([^()（）]{2,60}?)[)）]$", text)
        if inside and not re.fullmatch(r"20\d\d年度?|本级|本局", inside.group(1)):
            return Found(inside.group(1), title.line)
    return None


YUAN = re.compile(r"(?:金额)?单位\s*[:：]\s*元(?![\u4e00-\u9fff])|[(（]\s*元\s*[)）]|\d\s*元(?![\u4e00-\u9fff]*万)")
WAN = re.compile(r"万元")


def money_unit_of(lines: list[str]) -> Found | None:
    """The unit the document gives amounts in: 元 when it says so (单位：元, a (元) column, 1,234.56元)
    and never 万元; 万元 when it writes 万元 and never 元. Both, or neither: not found."""
    yuan = next((i + 1 for i, line in enumerate(lines) if YUAN.search(_clean(line))), None)
    wan = next((i + 1 for i, line in enumerate(lines) if WAN.search(line)), None)
    if yuan and not wan:
        return Found("元", yuan)
    if wan and not yuan:
        return Found("万元", wan)
    return None
