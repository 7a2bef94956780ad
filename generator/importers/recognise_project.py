"""The project (项目名称) of a project report: the form's 项目名称, what the title names besides its
unit and year (never only the year's funds, 衔接资金项目), or the one project the text says the
year's funds went to. Each finding keeps its 1-based line.
"""

from __future__ import annotations

import itertools
import re

from .recognise import Found, clean, is_chrome, named_or_announced
from .recognise_unit import org_name, title_unit, value_below


# A name for the funds of a year, not for a project: 衔接资金项目, 财政衔接推进乡村振兴资金项目, 中央(对地方)转移支付.
FUND_ONLY = re.compile(r"(?:20\d\d年度?)?(?:中央|省级?|市级?|县级?|区级?)?(?:财政)?"
                       r"(?:衔接(?:推进乡村振兴)?(?:补助)?资金|(?:对(?:地方|下))?(?:专项)?转移支付(?:资金)?|专项资金|直达资金)(?:实施)?(?:项目)?")
# The report's own words, not a name: 项目, 专项资金, 部门预算项目.
KIND_ONLY = re.compile(r"(?:(?:省|市|县|区)级|本级)?本?(?:部门|单位)?(?:预算)?(?:项目|专项)?(?:资金)?(?:支出)?")
PROJECT_END = re.compile(r"(?:项目|资金|经费|转移支付|补助|补贴|工程|国债|债券)$")
PLACE = re.compile(r".{1,12}(?:省|市|区|县|州|旗|盟|镇|乡)")


def project_of(title: Found | None, lines: list[str]) -> Found | None:
    """A project's name: the form's 项目名称 field, else the title's (… 项目) or its parenthesis,
    else the one project the text says the year's funds were used for."""
    return field_project(lines) or title_project(title, lines) or used_project(title, lines)


# A value that is a sentence's rest (须填写专项名称、预算数和绩效目标，经审核后下达。) or the next column's
# header (专项名称 | 预算数（万元） | 执行数（万元）): no project's name.
NOT_A_NAME = re.compile(r"^[、，,。；;]|[。；;]|^(?:预算数|执行数|执行率|金额|资金|分值|得分)|[(（]\s*万?元\s*[)）]$")


def field_project(lines: list[str]) -> Found | None:
    return next(field_projects(lines), None)


def field_projects(lines: list[str]):
    """Each 项目名称 field's value, in order."""
    # The transfer-payment forms call the field 转移支付(项目)名称 (旺苍县's: 转移(项目)名称).
    # 专项资金名称 heads the county 专项资金绩效目标自评表 (its next label: 负责人及电话).
    # 专项名称 heads the transfer payments' 区域绩效目标自评表 (its next label: 中央主管部门).
    pattern = re.compile(r"(?:项目|转移(?:支付)?[(（]项目[)）]|专项资金|专项)名称\s*(?:[:：|]\s*)?([^|:：]{2,60}?)"
                         r"(?=\s*(?:\||项目编码|(?:中央|地方)?主管部门|项目主管单位|\s项目实施单位|实施单位|项目负责人|负责人|是否为专项资金|$))")
    alone = re.compile(r"\s*(?:项目|转移(?:支付)?[(（]项目[)）]|专项资金|专项)名称\s*(?:[:：]\s*)?")
    for i, line in enumerate(lines):
        if is_chrome(line):
            continue
        for found in list(pattern.finditer(clean(line))) or [None]:
            below = value_below(lines, i) if not found and alone.fullmatch(clean(line)) and not _listed(lines, i) else None
            name, at = (_own_cell(found.group(1).strip(), line), i) if found else below or (None, i)
            # A value holding the next label is the label's, not a name; 项目 alone is the next header's
            # first word (序号 项目名称 项目实施单位 …, a list of projects).
            if name and not re.fullmatch(r"[\d\s-]+", name) and not re.search(r"主管部门|项目名称|实施单位", name) \
                    and not KIND_ONLY.fullmatch(name) and not NOT_A_NAME.search(name):
                yield Found(name, at + 1)


def _listed(lines: list[str], i: int) -> bool:
    """序号 / 项目名称 / 债券性质 …, one cell per line: a list's column headers, not a field and its value."""
    return next((clean(lines[k]) for k in range(i - 1, max(i - 3, -1), -1) if clean(lines[k])), "") == "序号"


def _own_cell(name: str, line: str) -> str:
    """A value ends with its cell: 项目名称 | …工程 (南湖街道) | 投向领域 | … is not one name."""
    cells = [clean(c) for c in line.split("|")]
    return next((c for c in cells if len(c) >= 2 and name.startswith(c + " ")), name)


def project_doubts(lines: list[str]) -> list[Found]:
    """The names when two forms' 项目名称 differ (a file holding two projects): a person chooses;
    [] when they agree."""
    names: list[Found] = []
    for found in itertools.islice(field_projects(lines), 5):
        if found and not any(_same(found.value, n.value) for n in names):
            names.append(found)
    labels = [i + 1 for i, line in enumerate(lines) if not is_chrome(line) for _ in re.finditer(r"项目名称", clean(line))]
    if len(names) == 1 and len(labels) > 1:
        # Two forms, one name read (a PDF's text layer puts the other before its label): still two projects.
        names.append(Found("另一张表的项目名称（未能读出）", labels[-1] if labels[-1] != names[0].line else labels[0]))
    if len(names) == 1 and (heading := _form_heading(lines)) and not _alike(heading.value, names[0].value):
        names.append(heading)  # the form's heading names another project (a scan misread one of them)
    return names if len(names) > 1 else []


# The form's own heading naming its project: 马铃薯…推广项目绩效目标自评表, …项目支出绩效自评表.
FORM_HEADING = re.compile(r"([\u4e00-\u9fff()（）]{2,40}?项目)(?:支出)?绩效(?:目标)?自评表")


# A heading's words that name the form's kind or owner, not a project: 年度项目, 区级部门预算项目, 稷山县项目.
# A bundle of projects under one fund (抗疫特别国债项目(打捆项目)) names the fund, not the project.
GENERIC = re.compile(r"\d|年|部门|预算|财政|本级|资金|国债|打捆|[省市县区乡镇]项目$")


def _form_heading(lines: list[str]) -> Found | None:
    for i, line in enumerate(lines[:10]):
        if not is_chrome(line) and (m := FORM_HEADING.search(clean(line))) and len(m.group(1)) >= 6 \
                and not GENERIC.search(m.group(1)):
            return Found(m.group(1), i + 1)
    return None


def _alike(a: str, b: str) -> bool:
    """Two writings of one name: one holds the other, or they share four characters in a row
    (基本公共卫生服务项目 and 国家基本公共卫生服务)."""
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return _same(a, b) or any(a[k:k + 4] in b for k in range(len(a) - 3))


def _same(a: str, b: str) -> bool:
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return a in b or b in a


def title_project(title: Found | None, lines: list[str]) -> Found | None:
    """The project the title names: its parenthesis ((林业技术试验示范推广项目)); else what it names
    before the report's words, after the unit and year (彭水自治县2024年度|中央对地方转移支付计划生育
    服务项目|绩效自评) or before the year (优抚对象生活补助经费转移支付|2023年度绩效自评报告). Only a
    name that ends as a project's or a fund's does, never only the year's funds (衔接资金项目) or the
    report's own words (项目, 部门预算项目)."""
    named = _title_names(title, lines)
    said = re.sub(r"[“”\"「」]", "", clean(named_or_announced(title, lines).value).replace(" ", "")) if named else ""
    if named and (name := named.value) and (PROJECT_END.search(re.sub(r"[(（][^()（）]*[)）]$", "", name))
                                            or name + "项目支出" in said or name + "项目绩效" in said) \
            and not _only_funds(name) and not org_name(name):
        return named  # …护理费项目支出绩效自评: the title itself calls it a project
    return None


def _only_funds(name: str) -> bool:
    # (农业相关转移支付资金, 各类专项资金, 重点民生资金: a class of funds, not one)
    return bool(FUND_ONLY.fullmatch(name) or KIND_ONLY.fullmatch(name) or re.search(r"相关|有关|各类|各项|重点", name))


def _title_names(title: Found | None, lines: list[str]) -> Found | None:
    """What the title (or the opening sentence naming the report) names besides its unit, year and
    the report's words, as written ("": nothing; a value of None: a title not read so plainly);
    None when there is no title."""
    title = named_or_announced(title, lines)
    if not title:
        return None
    text = clean(title.value).replace(" ", "")
    inside = re.search(r"[(（]([^()（）]{2,60}?)[)）]$", text)
    if inside and not re.fullmatch(r"20\d\d年度?|本级|本局", inside.group(1)):
        return Found(inside.group(1), title.line)
    text = re.sub(r"[(（][^()（）]*[)）]$", "", text)
    if (tag := re.match(r"[(（]([^()（）]{2,10})[)）]", text)) and _only_funds(tag.group(1)):
        text = text[tag.end():]  # (直达资金)天津市…工程项目: the kind of funds, not the name
    text = re.sub(r"^关于(?:对)?(?:上报|报送|提交|印发)?", "", text)  # a letter's title: 关于上报2023年…绩效自评的报告
    head = re.split(r"(?:项目支出|部门整体|整体支出)?(?:绩效|自评|评价)", text)[0]
    head = re.sub(r"(?<=.{2})(?:执行|使用|实施)情况$", "", head)  # 关于抗疫特别国债执行情况绩效自评报告: what is evaluated
    year = re.search(r"20\d\d年度?", head)
    before, after = (head[:year.start()], head[year.end():]) if year else (head, "")
    if after:
        # What comes before the year is the unit or its place (会宁县, 彭水自治县), or the name is not plain.
        name = after if not before or org_name(before) or PLACE.fullmatch(before) else None
        if name and re.match(r"第[一二三四五六七八九十\d]+批", name):
            name = head  # 第一批…工程 is a batch of its place and year: 牟定县2020年第一批公路安全生命防护工程
    else:
        # …资金(省对下转移支付)项目2018年度绩效自评报告: after a parenthesis 项目 is the report's word;
        # …工程项目2020年度: the name's own.
        name = before.removesuffix("项目") if year and re.search(r"[)）]项目$", before) else before
    unit = title_unit(title, lines)
    if name and unit and name.startswith(unit.value):
        name = name.removeprefix(unit.value)  # the unit, when it comes first (西平县交通运输局|财政衔接…资金项目)
    if name:
        name = re.sub(r"^项目[一二三四五六七八九十\d]+[:：]", "", name)  # 项目一:…: the report's numbering of its projects
        name = re.sub(r"^[“\"「]([^”\"」]{2,40})[”\"」]项目$", r"\1", name)  # “政务服务体系建设”项目: the name is quoted
        if year and "度" not in year.group() and re.search(re.escape(year.group() + name) + NAMED_AFTER, "\n".join(
                clean(line).replace(" ", "") for k, line in enumerate(lines) if k + 1 != title.line)):
            name = year.group() + name  # 2023年西平县…项目, so written in the text too: the year is the name's
    return Found(name, title.line)


# How a name goes on where the text writes it as the project's (用于2023年…项目支出,新建…; 对…项目开展
# 自评), not as the title again (…项目支出绩效自评的报告, or the title broken at the line's end).
NAMED_AFTER = r"(?:项目)?(?:支出(?!绩效)|共|开展|进行|已|计划|总投资|[、，,。；;])"


# The project the year's funds went to, named in the text: 用于实施西秀镇龙头村蔬菜园产业项目,
# 我县2022年农村公路通村道路建设项目计划投资2179万元.
USED_FOR = re.compile(r"(?:用于(?:实施)?|实施|我[县区市])((?:20\d\d年度?)?[^\s,，。;；:：、“”()（）]{2,40}?项目)"
                      r"(?=[,，。;；]|计划投资|总投资|$)"
                      # 我单位及时对基础设施配套工程路边沟建设项目开展自评: the project the report evaluates
                      r"|对((?:20\d\d年度?)?[^\s,，。;；:：、“”()（）]{2,40}?项目)(?=(?:进行|开展)了?(?:绩效)?(?:自评|评价))"
                      # 我校2022年项目为一个:生均公用经费项目 — the one project the report covers
                      r"|项目(?:为|是|有|共)(?:一个|1个)[:：]\s*([^\s,，。;；:：、“”()（）]{2,40}?项目)(?=[,，。;；(（]|$)")


COUNTED = re.compile(r"[\d一二三四五六七八九十两几多]+个")


def used_project(title: Found | None, lines: list[str]) -> Found | None:
    """Only for a report whose title names no project or only the year's funds (衔接资金项目), and
    only when the text names one project so: two are two projects, and a person chooses."""
    named = _title_names(title, lines)
    if named and (named.value is None or named.value and not _only_funds(named.value)):
        return None  # the title names what is evaluated (中央彩票公益金…资金), whatever the funds were used for
    found = {}
    for i, line in enumerate(lines[:60]):
        for name in (next(n for n in names if n) for names in USED_FOR.findall(clean(line))):
            if not FUND_ONLY.fullmatch(name) and "该项目" not in name and not COUNTED.match(name):  # (对12个项目开展了自评)
                found.setdefault(name, i + 1)
    return Found(*next(iter(found.items()))) if len(found) == 1 else None
