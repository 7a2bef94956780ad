"""What kind of report a document is, 部门整体 (department) or 项目 (project), read the way a person
reads it: by the title's words (or the opening sentence that names the report), else by the form's
own labels or a section about the whole department. A notice the report cites is not its kind.
"""

from __future__ import annotations

import re

from .recognise import ANNOUNCED_WITHIN, HEADING, ORG_END, TITLE_WORDS, Found, announced_of, clean, is_chrome, title_head

KIND_DEPARTMENT = re.compile(r"部门整体|整体支出|部门\s*[(（]\s*单位\s*[)）]\s*整体|整体(?:和|及|与)项目|(?<!项目)整体绩效")
# 抗疫特别国债, 专项债券, 法律顾问经费: funds of one purpose (not a unit's 经费使用, 公用经费 or 运行经费, nor its
# whole 预算资金)
KIND_PROJECT = re.compile(r"项目|专项|(?<!预算)资金|(?<!公用)(?<!运行)(?<!日常)(?<!机关)(?<!部门)(?<!单位)经费(?!使用)|转移支付|工程|国债|债券")


def kind_of(title: str | None, lines: list[str]) -> Found | None:
    """department (部门整体) or project, from the title (or the opening sentence that names the
    report); else from the form's own labels or a section about the whole department."""
    announced = None if title else announced_of(lines)
    for text in (title, announced and announced.value):
        text = clean(text or "")
        # The sentence naming the report, without the documents it cites (《部门整体支出绩效评价指标表》)
        said = CITED.sub("", clean(lines[announced.line - 1])) if announced and not title else text
        if KIND_DEPARTMENT.search(CITED.sub("", text)) or DEPARTMENT_BUDGET.search(text) \
                or (DEPARTMENT_SELF.search(text) and not KIND_PROJECT.search(said)) \
                or ((body := BODYS_YEAR.match(text.replace(" ", ""))) and body.group(1).endswith(ORG_END)
                    and not any(FUND_EVALUATED.search(clean(line)) for line in lines[:ANNOUNCED_WITHIN])):
            return Found("department", 0 if title else announced.line)
        if KIND_PROJECT.search(text) or (DEPARTMENT_SELF.search(text) and KIND_PROJECT.search(said)):
            return Found("project", 0 if title else announced.line)  # …部门绩效自评工作，对农村公路养护项目进行了自评
    headed = False  # whether a section's heading came before this line
    for i, line in enumerate(lines):
        text = clean(line)
        if KIND_DEPARTMENT.search(text) and KIND_DEPARTMENT.search(uncited := NOTICE_CITED.sub("", CITED.sub("", text))) and (
                TITLE_WORDS.search(text) or title_broken_after(lines, i) or HEADING.match(text) or WHOLE_ROW.match(text)
                or DEPARTMENT_FORMS.search(uncited)) or DEPARTMENT_HEADING.match(text):  # not a form cited by name
            # the report's kind, its section (三)部门整体绩效目标, or its form's row 部门整体支出总额 | 864.2
            return Found("department", i + 1)
        # (序号 项目名称 项目实施单位 …: the header of a list of projects, which a department's report may hold)
        if (re.search(r"项目支出绩效自评表|项目名称(?!\s*\|?\s*(?:年初|全年|预算|资金|金额|实际))", text) or PROJECT_EVALUATED.search(text)
                or (PROJECT_SUMMARY.match(text) and not headed)) \
                and not is_chrome(line) and not re.match(r"序\s*号", text):  # (项目名称 | 年初预算资金总额 |: a list's header)
            return Found("project", i + 1)
        headed = headed or bool(HEADING.match(text))
    return None


# 2020年部门预算绩效自评公开报告: a body's evaluation of its whole budget (only in a title or the
# sentence naming the report: a project's text may cite a 部门预算绩效自评 notice).
DEPARTMENT_BUDGET = re.compile(r"(?<!项目)部门预算绩效(?:自评|评价)")
# 部门绩效自评工作情况总结 (Anhui's): the same, said without 预算, when no fund or project is named
# (…转移支付资金部门绩效自评报告 is one fund's).
DEPARTMENT_SELF = re.compile(r"(?<!项目)部门绩效自评")
CITED = re.compile(r"《[^《》]{0,200}》")  # a document cited by its name (bounded: a line of 《 alone stays linear)
NOTICE_CITED = re.compile(r"关于[^。；;《》]{0,80}?(?:通知|要求|安排|部署)")
# A notice cited with or without 《》: 根据县财政局关于开展2020年度部门整体支出绩效自评工作的通知要求
NOTICE = re.compile(r"《|》|^(?:根据|按照|依据)|关于[^。；;]{0,80}?通知")
# Hunan's data sheet and scoring sheet for a whole department, which may stand without a title.
DEPARTMENT_FORMS = re.compile(r"部门整体支出绩效评价(?:基础数据|指标)表")
# 下桥镇人民政府2024年度绩效自评报告, 西藏自治区残疾人联合会2020年度预算绩效自评报告: a body's report on its
# whole year (its whole budget), no project named.
# (西藏自治区发展和改革委员会2020年度预算绩效管理考核自评报告: its whole budget's management)
BODYS_YEAR = re.compile(r"^([\u4e00-\u9fff]{2,30}?)20\d\d年度?(?:预算)?(?:绩效)?(?:管理)?(?:考核)?自评(?:工作)?报告$")
# …我局对农村公路建设资金开展了自评: the body's year report on one fund or project, not on its whole budget
# (对2020年度农村公路养护资金使用情况进行了绩效自评, 对农村公路养护工程进行了绩效评价; not 对2020年度部门预算资金
# or 部门整体支出: the whole budget)
FUND_EVALUATED = re.compile(r"对(?![^，。,;；]{0,40}?(?:部门|整体))[^，。,;；]{2,40}?(?:资金|项目|经费|工程)(?:使用|管理|执行)?(?:情况)?"
                            r"(?:进行|开展)了?(?:绩效)?(?:自评|评价)")
# 一、部门基本情况, (一)部门概况, (二)部门预决算情况: a section about the whole department (a project's
# report opens with 项目概况 or 基本情况)
DEPARTMENT_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）])\s*"
                                r"部门(?:基本情况|基本概况|概况|情况|预决算情况)\s*$")
WHOLE_ROW = re.compile(r"^\|?\s*部门整体支出(?:总额|合计)\s*(?:[|:：]|\d)")
# The 2020 MoF project form's 自评综述, written as a report's body: 项目全年预算数为1050万元,执行数为…
PROJECT_SUMMARY = re.compile(r"项目(?:全年|年初)预算数?(?:为|是|[:：])?\s*\d")
# 我单位及时对基础设施配套工程路边沟建设项目开展自评: the opening sentence names a project evaluated.
PROJECT_EVALUATED = re.compile(r"(?:我|本)[\u4e00-\u9fff]{1,3}[^，。,;；]{0,6}?对[^，。,;；]{2,40}?项目(?:进行|开展)了?(?:绩效)?(?:自评|评价)")


def title_broken_after(lines: list[str], i: int) -> bool:
    """Line i is a title's first half whose report words stand on the next line that holds text
    (岳阳楼区2020年度部门(单位)整体支出 / (blank) / 绩效评价自评报告), when the page's own title came first."""
    after = next((clean(line) for line in lines[i + 1:i + 4] if clean(line)), "")
    # (not a notice cited over two lines: 根据《…关于开展2020年度部门整体支出 / 绩效自评工作的通知》)
    return bool(after) and title_head(clean(lines[i]), after) and not NOTICE.search(clean(lines[i]) + after)
