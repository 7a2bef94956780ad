"""What a document is: its title, kind, budget year, unit and project, read the way a person
reads a published self-evaluation, from the lines of its text.

Rules, not guesses:
- the title is the first line that names a self-evaluation, never the portal's navigation or
  the page's metadata (索引号, 发布机构, 发布日期 ...);
- the year is the evaluated budget year, from the title or the form's own (YYYY年度), never a
  filing or publication date (2024年2月26日, 填报日期, 发布时间);
- the unit comes from the form's own fields (部门（单位）名称, 单位（盖章）, 主管部门, 实施单位:
  in the next cell, on the next line, run together or broken over two lines), from the title
  (or the opening sentence that names the report, 现将…报告如下), from the body describing itself
  (X是…的行政机关) or from the body signing the report; it must end like the name of a government
  body, and when these name different bodies none is taken: a person chooses;
- the project comes from the form's 项目名称, from what the title names besides its unit and year
  (never only the year's funds, 衔接资金项目), or from the one project the text says the funds
  went to;
- a rule that finds nothing says so (None): the import summary lists the field as not found.
Each finding carries the 1-based line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，：％（）｜", "0123456789.,:%()|")
TITLE_WORDS = re.compile(r"自评报告|自评表|评价报告|评价自评|绩效自评|绩效评价表|绩效目标自评")
NAVIGATION = re.compile(r"^\s*(?:当前位置|您现在的位置|您现在所在的位置|您的位置|所在位置|首页\s*[>›/])")
METADATA_WORDS = (r"索引号|发布机构|发布日期|发文日期|发布时间|成文日期|来源|作者|浏览量|访问量|浏览次数|字号|字体|分享|"
                  r"文号|主题词|主题分类|时效性|公开方式|公开范围|统一登记号|公开目录|栏目|语音播报")
METADATA = re.compile(r"(?:" + METADATA_WORDS + r")\s*[:：|]?")
# A metadata label standing alone on its line (• 公开目录): the next line is its value, not the report's.
BARE_METADATA = re.compile(r"[•·\-*\s]*(?:" + METADATA_WORDS + r")\s*[:：]?\s*")
# A section's heading (二、绩效自评工作开展情况, (一)部门概况): never the report's title.
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])")
DATE = re.compile(r"20\d\d\s*年\s*\d{1,2}\s*月|20\d\d-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.20\d\d")
# The short names some bodies go by (镜湖区残联, 县科协): they end only a body's name.
SHORT_NAMES = ("残联", "妇联", "侨联", "文联", "科协", "工商联")
# How the names of government bodies end: 局, 委员会, 人民法院, 中心, 站 ...
# (Not a bare 会, 场 or 园: 社会, 市场 and 公园 end so too.)
ORG_END = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "馆", "所", "站", "队", "部", "府", "政府", "处", "室",
           "社", "团", "校", "协会", "联合会", "工会", "学会", "商会", "联", "庭", "署", "政协", "检察院", "法院", "幼儿园",
           *SHORT_NAMES)
CUT_END = ("局", "委员会", "办公室", "中心", "政府", "法院", "检察院", "联合会", "协会", "工会", "厅", *SHORT_NAMES)
UNIT_LABELS = [  # the form's own fields, most specific first
    r"部门\s*[(（]\s*单位\s*[)）]\s*(?:全称|名称)", r"部门\s*名称", r"(?:预算部门\s*[、，]?\s*)?单位\s*名称", r"预算单位", r"单位\s*[(（]\s*盖章\s*[)）]",
    r"项目单位", r"项目主管部门(?:及代码)?", r"主管部门(?:及代码)?", r"(?:项目)?实施单位(?:\s*[(（]\s*盖章\s*[)）])?",
    r"实施\s*[(（]\s*主管\s*[)）]\s*单位",
]
# The form's labels that come after a name in a row whose cells were run together
# (主管部门中江县水利局实施单位…): where the name ends. Never a name themselves.
NEXT_LABEL = (r"(?:项目名称|项目编码|项目负责人|项目主管部门|主管部门|实施单位|资金情况|联系电话|填报日期|单位负责人|"
              r"财政归口处室|部门联系人|评价类型|年度资金总额|金额单位|是否为专项资金)")
KIND_DEPARTMENT = re.compile(r"部门整体|整体支出|部门\s*[(（]\s*单位\s*[)）]\s*整体|整体(?:和|及|与)项目|(?<!项目)整体绩效")
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


RUN_ON_TITLE = re.compile(r"^(.{4,60}?20\d\d\s*年.{0,50}?(?:自评报告|评价报告))(?=[\u4e00-\u9fff])")
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
        text = _clean(line)
        if (run_on := RUN_ON_TITLE.match(text)) and not re.search(r"[，。；,;:：]", run_on.group(1)):
            text = run_on.group(1)  # a text layer run into one line: the title, then the first sentence
        if not text or is_chrome(line) or not TITLE_WORDS.search(text) or len(text) > 120:
            continue
        if re.match(r"^(?:根据|为|按照|现将|经|按)", text) or re.search(r"[，。；,;]", text):
            continue  # a sentence that mentions a report is not a title
        if HEADING.match(text) or _metadata_value(lines, i):
            continue  # 二、绩效自评工作开展情况 is a section; 公开目录 / 自评报告 is the page's catalogue
        # A file name's extension, an attachment's label (附件:1.) and a page's 标题 label are not the title.
        text = re.sub(r"^(?:附\s*件\s*\d*\s*[:：]?\s*(?:\d+\s*[.、．]\s*)?|标\s*题\s*[:：]?\s*)", "", text)
        parts = [re.sub(r"\.(?:pdf|docx?|xlsx?)$", "", text, flags=re.I)]
        before = _clean(lines[i - 1]) if i else ""
        if before and not is_chrome(lines[i - 1]) and len(before) <= 40 and not re.search(r"[。；;，,：:]$", before) \
                and re.search(r"20\d\d\s*年度?$", before):
            parts.insert(0, before)
        after = _clean(lines[i + 1]) if i + 1 < len(lines) else ""
        if re.fullmatch(r"[(（][^()（）]{2,60}[)）]", after):
            parts.append(after)
        if re.search(r"\.(?:pdf|docx?|xlsx?)$", text, flags=re.I) and not file_name:
            file_name = Found("".join(parts), i + 1)
            continue
        return Found("".join(parts), i + 1)
    return file_name


def _metadata_value(lines: list[str], i: int) -> bool:
    """Line i is the value of a metadata label standing alone on the line before it (• 公开目录 / • 自评报告)."""
    before = next((line for line in reversed(lines[max(0, i - 2):i]) if line.strip()), "")
    # Only a short value: a label left empty (主题词) is followed by the title itself.
    return bool(BARE_METADATA.fullmatch(_clean(before))) and len(re.sub(r"^[•·\-*\s]+", "", _clean(lines[i]))) <= 12


# The report's opening sentence says what it evaluates when the page has no title:
# 现将2022年西平县交通运输局…项目绩效自评总结报告如下 / 对我局2020年度部门整体支出进行绩效评价.
ANNOUNCED = (re.compile(r"现将\s*([^，。,;；:：]{2,80}?(?:自评|评价)[^，。,;；:：]{0,10}?)(?:情况)?报告如下"),
             re.compile(r"对(?:我|本)[^\s，。,;；]{1,3}?(20\d\d\s*年度?[^，。,;；]{2,30}?)"
                        r"(?:进行|开展)了?(?:绩效)?(?:自评|评价)"),
             # 我办对2017年度部门整体支出绩效进行了全面综合评价, 本部门对 2017 年整体支出开展绩 效自评
             re.compile(r"(?:我|本)[^\s，。,;；]{1,3}?对\s*(20\d\d\s*年度?[^，。,;；]{2,30}?)"
                        r"(?:进行|开展)了?[^，。,;；]{0,6}?(?:绩\s?效)?(?:自\s?评|评\s?价)"))


ANNOUNCED_WITHIN = 40  # lines: the opening sentence follows the page's header and a letter's head


def announced_of(lines: list[str]) -> Found | None:
    """What the report's first sentences say it evaluates: a title for the year, kind, unit and
    project of a page that has none (never the draft's title: the document does not write it so)."""
    for i, line in enumerate(lines[:ANNOUNCED_WITHIN]):
        text = _clean(line) + " " + _clean(lines[i + 1] if i + 1 < len(lines) else "")  # a sentence a line break cut
        for pattern in ANNOUNCED:
            if (found := pattern.search(text)) and not is_chrome(line):
                return Found(found.group(1), i + 1)
    return None


def _named(title: Found | None, lines: list[str]) -> Found | None:
    return title or announced_of(lines)


def kind_of(title: str | None, lines: list[str]) -> Found | None:
    """department (部门整体) or project, from the title (or the opening sentence that names the
    report); else from the form's own labels or a section about the whole department."""
    announced = None if title else announced_of(lines)
    for text in (title, announced and announced.value):
        text = _clean(text or "")
        if KIND_DEPARTMENT.search(text):
            return Found("department", 0 if title else announced.line)
        if KIND_PROJECT.search(text):
            return Found("project", 0 if title else announced.line)
    for i, line in enumerate(lines):
        text = _clean(line)
        if KIND_DEPARTMENT.search(text) and (TITLE_WORDS.search(text) or HEADING.match(text)):
            return Found("department", i + 1)  # the report's kind, or its section (三)部门整体绩效目标
        if re.search(r"项目支出绩效自评表|项目名称", text) and not is_chrome(line):
            return Found("project", i + 1)
    return None


def year_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated budget year: from the title, or a (YYYY年度) of the form near it, never a date."""
    title = _named(title, lines)
    candidates = []
    if title:
        candidates.append((title.value, title.line))
    start = title.line if title else 0
    candidates += [(lines[i], i + 1) for i in range(max(0, start - 1), min(len(lines), start + 8))]
    # A title repeated further down (a file-sharing page's header, then the document): the lines after it too.
    again = [i for i in range(start, min(len(lines), 60)) if title and _clean(lines[i]).endswith(_clean(title.value))]
    candidates += [(lines[k], k + 1) for i in again for k in range(i, min(len(lines), i + 3))]
    if title and (announced := announced_of(lines)) and announced != title:
        candidates.append((announced.value, announced.line))  # 我办对2017年度部门整体支出…进行了评价
    for text, line in candidates:
        text = _clean(text)
        if is_chrome(text) or re.search(r"填报|日期|印发|通知|〔|\[20\d\d\]", text):
            continue
        undated = DATE.sub("", text)
        found = re.search(r"(20\d\d)\s*年度", undated) or re.search(r"(20\d\d)\s*年(?!\s*\d{1,2}\s*月)", undated)
        if found:
            return Found(int(found.group(1)), line)
    return None


def _org(name: str) -> str | None:
    name = re.sub(r"^\d+\s*[-－]\s*", "", name.strip(" :：|,，。"))  # budget codes: 705-重庆市忠县科学技术协会
    name = re.sub(r"[(（](?:公章|盖章|本级|本局)[)）]$", "", name)
    body = name.removesuffix("本级")  # 青神县发展和改革局本级: the body's own level, kept as the form writes it
    if re.fullmatch(r"[我本该各].{1,3}", name):
        return None  # 我局, 本单位: the report speaking of itself, not a name (本溪市财政局 is one)
    return name if 2 <= len(name) <= 40 and body.endswith(ORG_END) else None


def _same_body(a: str, b: str) -> bool:
    return a.endswith(b) or b.endswith(a)  # 林业局 and 零陵区林业局: one body, named short and in full


def unit_candidates(title: Found | None, lines: list[str]) -> list[Found]:
    """Every body the document names as its own, most trusted first: the form's field, the title
    (or the opening sentence naming the report), the body describing itself, the body signing it."""
    found = [field_unit(lines), title_unit(title, lines), *described_units(lines), *signed_units(lines)]
    return [f for f in found if f]


def unit_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated unit: the form's own field if it has one, else the title's unit, else the body
    the text describes as itself or that signs the report."""
    return next(iter(unit_candidates(title, lines)), None)


PUBLISHED = re.compile(r"(?:发布机构|发文单位|发布单位|信息来源|来源)\s*[:：]?\s*\|?\s*([^\s|:：]{2,40})")


def published_unit(lines: list[str]) -> Found | None:
    """The page's 发布机构 (来源, 发文单位) near the top, when it is a body's name with its place
    (临河区退役军人事务局; not 财务科 or 财政局综合股): often the unit, posting its own report, but
    often a short name (赫山区城管办) or a parent body, so only ever offered as doubtful."""
    for i, line in enumerate(lines[:30]):
        for name in PUBLISHED.findall(_clean(line)):
            if org := _placed_org(re.sub(r"(?:发布时间|发布日期|日期|浏览).*$", "", name)):
                return Found(org, i + 1)
    return None


def unit_doubt(title: Found | None, lines: list[str]) -> list[Found]:
    """Each body when the document names different ones as its own (neither a short form of the
    other): a person must choose, so none is taken as found."""
    bodies: list[Found] = []
    for candidate in unit_candidates(title, lines):
        if not any(_same_body(candidate.value, b.value) for b in bodies):
            bodies.append(candidate)
    return bodies if len(bodies) > 1 else []


def _form_lines(lines: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(index, texts) of each line that is not the page's chrome: its cells apart (主管部门 | 县农业农村局 |
    实施单位 ...), then with letter-spaced labels closed up (单 位 名 称)."""
    out = []
    for i, line in enumerate(lines):
        if not is_chrome(line):
            text = _clean(line)
            out.append((i, tuple(dict.fromkeys((text, re.sub(r"(?<=\S) (?=\S)", "", text))))))
    return out


def _field_values(lines: list[str], label: str, rows: list[tuple[int, tuple[str, ...]]]):
    """(value, line index) for each place a form gives its label a value: in the cell after it
    (label | value, label:value); on the next line when the label stands alone (主管部门 | / 青神县
    发展和改革局本级 |); up to the next label in a row run together (主管部门中江县水利局实施单位); and
    a value broken over two lines (部门(单位)全称:围场满族蒙古族自治县 / 人民法院(公章)) as well."""
    # A form's label starts its cell (or line): 预算单位 inside a sentence is not a field.
    same = re.compile(r"(?:^|\s)" + label + r"\s*[:：]?\s*([^\s:：]{2,40})")
    alone = re.compile(r"\s*" + label + r"\s*[:：]?\s*")
    run_together = re.compile(label + r"\s*[:：]?\s*([^\s:：，。,;；]{2,40}?)(?=" + NEXT_LABEL + ")")
    for i, texts in rows:
        for text in texts:
            if alone.fullmatch(text):
                if (below := _value_below(lines, i)) is not None:
                    yield below
                continue
            if found := same.search(text):
                yield found.group(1), i
                if (rest := _continued(lines, i)) is not None:
                    yield found.group(1) + rest, i
            if found := run_together.search(text):
                yield found.group(1), i


def _value_below(lines: list[str], i: int) -> tuple[str, int] | None:
    """The next non-blank line, when it is a value: not a label, not the page's chrome."""
    for j in range(i + 1, min(len(lines), i + 3)):
        text = _clean(lines[j])
        if text:
            if is_chrome(lines[j]) or re.match(NEXT_LABEL + "|" + "|".join(UNIT_LABELS), text):
                return None
            return text, j
    return None


def _continued(lines: list[str], i: int) -> str | None:
    """The rest of a value broken onto the next line: short, with no label or colon of its own."""
    text = _clean(lines[i + 1]) if i + 1 < len(lines) else ""
    if text and len(text) <= 12 and " " not in text and not re.search(r"[:：]", text) and not is_chrome(lines[i + 1]) \
            and not re.match(NEXT_LABEL + "|" + "|".join(UNIT_LABELS), text):
        return text
    return None


def field_unit(lines: list[str]) -> Found | None:
    rows = _form_lines(lines)
    for label in UNIT_LABELS:
        for value, i in _field_values(lines, label, rows):
            if name := _org(_once(value)):
                return Found(name, i + 1)
    return None


def _once(value: str) -> str:
    """A name written twice in a row (主管部门 and 实施单位 the same body, their cells run together): once."""
    text = re.sub(r"\s+", " ", value).strip()
    half = text.split(" ")
    if len(half) == 2 and half[0] == half[1]:
        return half[0]
    bare = text.replace(" ", "")
    return bare[:len(bare) // 2] if len(bare) % 2 == 0 and bare[:len(bare) // 2] * 2 == bare else value


def title_unit(title: Found | None, lines: list[str]) -> Found | None:
    """The unit the title names, or the same title written again with it, or the opening sentence
    naming the report (现将2022年西平县交通运输局…报告如下)."""
    for named in dict.fromkeys((title, announced_of(lines))):
        if named and (found := _titled_unit(named, lines)):
            return found
    return None


def _titled_unit(title: Found, lines: list[str]) -> Found | None:
    if restated := _restated_unit(title, lines):
        return restated
    text = _clean(title.value).replace(" ", "")
    before_year = re.match(r"^(.{2,40}?)20\d\d年", text)
    after_year = re.search(r"20\d\d年度?(.{2,60}?)(?:部门整体|整体支出|项目支出|单位自评|绩效|自评)", text)
    for region in (before_year and before_year.group(1), after_year and after_year.group(1)):
        if name := _leading_body(region):
            return Found(_fuller(name, lines), title.line)
    return None


def _leading_body(region: str | None) -> str | None:
    """The whole stretch before the year or the report's kind, if it is a body's name; else its
    longest beginning that ends as only a body's name does (示例市科学技术局 of 示例市科学技术局
    示范项目), never cut at a character that also ends common words (地方社 of 地方社会)."""
    if not region:
        return None
    if name := _org(region):
        return name
    names = [region[:k] for k in range(len(region), 1, -1) if region[:k].endswith(CUT_END) and _org(region[:k])]
    return _org(names[0]) if names else None


def _restated_unit(title: Found, lines: list[str]) -> Found | None:
    """A page that gives its title twice, the second time with the unit written in
    (2022年度部门(单位)整体支出绩效自评报告 / 2022年度株洲市荷塘区妇女联合会部门(单位)整体支出绩效自评报告):
    what the second adds is the unit, when it is a body's name."""
    short = _clean(title.value).replace(" ", "")
    for i in range(title.line, min(len(lines), title.line + 10)):
        text = _clean(lines[i]).replace(" ", "")
        if len(text) <= len(short) or not TITLE_WORDS.search(text):
            continue
        for k in range(len(short) + 1):
            if text.startswith(short[:k]) and text.endswith(short[k:]):
                if name := _org(text[k:len(text) - len(short) + k]):
                    return Found(name, i + 1)
    return None


def _fuller(name: str, lines: list[str]) -> str:
    """A title that says only 林业局 while the page's publisher is 零陵区林业局: the same body,
    named in full. Only a publisher whose name ends with the title's is taken."""
    for line in lines[:30]:
        for publisher in re.findall(r"(?:发布机构|来源)\s*[:：|]?\s*([^\s|:：]{2,40})", _clean(line)):
            if publisher.endswith(name) and len(publisher) > len(name) and _org(publisher):
                return publisher
    return name


# A body introducing itself near the top: 保山市交通运输局是全市主管交通运输工作的行政机关,
# 山东省残疾人联合会(以下简称“省残联”)是…的地方组织; or setting up its own self-evaluation:
# 湖北残疾人联合会(以下简称“省残联”)成立绩效自评工作专班. A project's 实施单位 (是本项目的实施单位) is not.
CALLED = r"(?:\s*[(（]以下简称[^)）]{1,20}[)）])?"
DESCRIBED = (re.compile(r"^(?:\d+\s*[.、．]\s*)?(?:[^。，,]{1,8}。)?([^\s,，。:：;；、“”()（）]{2,40}?)" + CALLED
                        + r"是([^。，,;；]{0,40}?(?:机关|部门|机构|组织|团体|事业单位|行政单位))"),
             re.compile(r"(?:^|[,，。])([^\s,，。:：;；、“”()（）]{2,40}?)" + CALLED
                        + r"成立了?([^，。,;；]{0,10}自评工作(?:专班|组|小组|领导小组))"))


PROVINCES = ("北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|"
             "重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆")
PLACED = re.compile(r"(?:中共|中国)?(?:" + PROVINCES + r"|[\u4e00-\u9fff]{1,10}?(?:省|市|区|县|州|旗|盟|镇|乡))")


def _placed_org(name: str) -> str | None:
    """A body's full name, which starts with its place (保山市…, 湖北…): in a sentence, 办公室 or
    财务科 alone is one of the unit's own offices, not the unit."""
    return _org(name) if PLACED.match(name) else None


def described_units(lines: list[str]) -> list[Found]:
    out = []
    for i, line in enumerate(lines[:60]):
        text = _clean(line)
        for pattern in DESCRIBED:
            for found in pattern.finditer(text):
                if "项目" not in found.group(2) and (name := _placed_org(found.group(1))):
                    out.append(Found(name, i + 1))
    return out


def signed_units(lines: list[str]) -> list[Found]:
    """The bodies signing the report (or a letter in it): a line that is only a body's name, just
    before a line that is only a date (中共保山市委办公室 / 2018年6月5日)."""
    body = [(i, _clean(line)) for i, line in enumerate(lines) if line.strip()]
    return [Found(org, i + 1) for (i, name), (_, date) in zip(body, body[1:])
            if re.fullmatch(r"20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", date) and (org := _placed_org(name))]


# A name for the funds of a year, not for a project: 衔接资金项目, 财政衔接推进乡村振兴资金项目, 中央转移支付.
FUND_ONLY = re.compile(r"(?:20\d\d年度?)?(?:中央|省级?|市级?|县级?|区级?)?(?:财政)?"
                       r"(?:衔接(?:推进乡村振兴)?(?:补助)?资金|(?:专项)?转移支付(?:资金)?|专项资金|直达资金)(?:实施)?(?:项目)?")
# The report's own words, not a name: 项目, 专项资金, 部门预算项目.
KIND_ONLY = re.compile(r"(?:部门|单位)?(?:预算)?(?:项目|专项)?(?:资金)?(?:支出)?")
PROJECT_END = re.compile(r"(?:项目|资金|经费|转移支付|补助|补贴|工程)$")
PLACE = re.compile(r".{1,12}(?:省|市|区|县|州|旗|盟|镇|乡)")


def project_of(title: Found | None, lines: list[str]) -> Found | None:
    """A project's name: the form's 项目名称 field, else the title's (… 项目) or its parenthesis,
    else the one project the text says the year's funds were used for."""
    return field_project(lines) or title_project(title, lines) or used_project(title, lines)


def field_project(lines: list[str]) -> Found | None:
    pattern = re.compile(r"项目名称\s*[:：|]?\s*([^|:：]{2,60}?)(?=\s*(?:\||项目编码|主管部门|项目负责人|是否为专项资金|$))")
    alone = re.compile(r"\s*项目名称\s*[:：]?\s*")
    for i, line in enumerate(lines):
        if is_chrome(line):
            continue
        found = pattern.search(_clean(line))
        below = _value_below(lines, i) if not found and alone.fullmatch(_clean(line)) else None
        name, at = (found.group(1).strip(), i) if found else below or (None, i)
        if name and not re.fullmatch(r"[\d\s-]+", name):
            return Found(name, at + 1)
    return None


def title_project(title: Found | None, lines: list[str]) -> Found | None:
    """The project the title names: its parenthesis ((林业技术试验示范推广项目)); else what it names
    before the report's words, after the unit and year (彭水自治县2024年度|中央对地方转移支付计划生育
    服务项目|绩效自评) or before the year (优抚对象生活补助经费转移支付|2023年度绩效自评报告). Only a
    name that ends as a project's or a fund's does, never only the year's funds (衔接资金项目) or the
    report's own words (项目, 部门预算项目)."""
    named = _title_names(title, lines)
    said = _clean(_named(title, lines).value).replace(" ", "") if named else ""
    if named and (name := named.value) and (PROJECT_END.search(re.sub(r"[(（][^()（）]*[)）]$", "", name))
                                            or name + "项目支出" in said or name + "项目绩效" in said) \
            and not _only_funds(name) and not _org(name):
        return named  # …护理费项目支出绩效自评: the title itself calls it a project
    return None


def _only_funds(name: str) -> bool:
    return bool(FUND_ONLY.fullmatch(name) or KIND_ONLY.fullmatch(name))


def _title_names(title: Found | None, lines: list[str]) -> Found | None:
    """What the title (or the opening sentence naming the report) names besides its unit, year and
    the report's words, as written ("": nothing; a value of None: a title not read so plainly);
    None when there is no title."""
    title = _named(title, lines)
    if not title:
        return None
    text = _clean(title.value).replace(" ", "")
    inside = re.search(r"[(（]([^()（）]{2,60}?)[)）]$", text)
    if inside and not re.fullmatch(r"20\d\d年度?|本级|本局", inside.group(1)):
        return Found(inside.group(1), title.line)
    text = re.sub(r"[(（][^()（）]*[)）]$", "", text)
    text = re.sub(r"^关于(?:上报|报送|提交|印发)?", "", text)  # a letter's title: 关于上报2023年…绩效自评的报告
    head = re.split(r"(?:项目支出|部门整体|整体支出)?(?:绩效|自评|评价)", text)[0]
    year = re.search(r"20\d\d年度?", head)
    before, after = (head[:year.start()], head[year.end():]) if year else (head, "")
    if after:
        # What comes before the year is the unit or its place (会宁县, 彭水自治县), or the name is not plain.
        name = after if not before or _org(before) or PLACE.fullmatch(before) else None
    else:
        name = before.removesuffix("项目") if year else before  # 项目2018年度绩效自评报告: the report's word
    unit = title_unit(title, lines)
    if name and unit and name.startswith(unit.value):
        name = name.removeprefix(unit.value)  # the unit, when it comes first (西平县交通运输局|财政衔接…资金项目)
    return Found(name, title.line)


# The project the year's funds went to, named in the text: 用于实施西秀镇龙头村蔬菜园产业项目,
# 我县2022年农村公路通村道路建设项目计划投资2179万元.
USED_FOR = re.compile(r"(?:用于(?:实施)?|实施|我[县区市])((?:20\d\d年度?)?[^\s,，。;；:：、“”()（）]{2,40}?项目)"
                      r"(?=[,，。;；]|计划投资|总投资|$)")


def used_project(title: Found | None, lines: list[str]) -> Found | None:
    """Only for a report whose title names no project or only the year's funds (衔接资金项目), and
    only when the text names one project so: two are two projects, and a person chooses."""
    named = _title_names(title, lines)
    if named and (named.value is None or named.value and not _only_funds(named.value)):
        return None  # the title names what is evaluated (中央彩票公益金…资金), whatever the funds were used for
    found = {}
    for i, line in enumerate(lines[:60]):
        for name in USED_FOR.findall(_clean(line)):
            if not FUND_ONLY.fullmatch(name) and "该项目" not in name:
                found.setdefault(name, i + 1)
    return Found(*next(iter(found.items()))) if len(found) == 1 else None


YUAN = re.compile(r"(?:金额)?单位\s*[:：]\s*元(?![\u4e00-\u9fff])|[(（]\s*元\s*[)）]|\d\s*元(?![\u4e00-\u9fff]*万)")
WAN = re.compile(r"万元")
# Amounts given in 亿元: a column or unit so named, or a sum of money in a sentence about funds (not an
# indicator's value such as 林产品收入 2.6亿元).
YI = re.compile(r"[(（]\s*亿元\s*[)）]|单位\s*[:：]\s*亿元|(?:资金|预算|下达|安排|拨付|支出)[^。；，,]{0,30}?\d\s*亿元")


def money_unit_of(lines: list[str]) -> Found | None:
    """The unit the document gives amounts in: 元 when it says so (单位：元, a (元) column, 1,234.56元)
    and never 万元; 万元 when it writes 万元 and never 元. Both, or neither: not found; nor when it gives
    amounts in 亿元 too (4.54亿元), which a report's one unit cannot hold."""
    if any(YI.search(line) for line in lines):
        return None
    yuan = next((i + 1 for i, line in enumerate(lines) if YUAN.search(_clean(line))), None)
    wan = next((i + 1 for i, line in enumerate(lines) if WAN.search(line)), None)
    if yuan and not wan:
        return Found("元", yuan)
    if wan and not yuan:
        return Found("万元", wan)
    return None
