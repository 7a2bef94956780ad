"""The evaluated unit (单位) of a document: the form's own fields, the title, the body describing
itself or signing the report; the page's publisher only as a doubtful offer. Each finding keeps
its 1-based line; when the document names different bodies none is taken (unit_doubt).
"""

from __future__ import annotations

import re

from .recognise import (ANNOUNCED_WITHIN, CUT_END, NEXT_LABEL, ORG_END, PROJECT_UNIT, TITLE_WORDS, UNIT_LABELS, Found,
                        announced_of, clean, is_chrome)


def org_name(name: str) -> str | None:
    # budget codes: 705-重庆市忠县科学技术协会, [155]濉溪县民政局
    name = re.sub(r"^(?:\d+\s*[-－]|[\[【]\d+[\]】])\s*", "", name.strip(" :：|,，。"))
    name = re.sub(r"[(（](?:公章|盖章|本级|本局)[)）]$", "", name)
    body = _bare(name)  # 青神县发展和改革局本级, 成安县民政局机关: the body's own level or organ, kept as written
    if alias := re.search(r"[(（]([^()（）]{2,20})[)）]$", body):
        if _second_name(body[:alias.start()], alias.group(1)):
            body = body[:alias.start()]  # 中共湖南省委党校(湖南行政学院): one body under two names, kept as written
        else:  # 某某县卫生健康局(含县疾控中心), 某某县中医医院(二级甲等医院): a note on the body, not its name
            name = name.removesuffix(alias.group())
            body = _bare(name)
    if re.fullmatch(r"[我本该各].{1,3}", name) or name.endswith(("地方政府", "中小学")):
        # 我局, 本单位: the report speaking of itself, not a name (本溪市财政局 is one); 新增地方政府(专项债券):
        # the bonds' kind, no body
        return None
    return name if 2 <= len(name) <= 40 and body.endswith(ORG_END) else None


SCHOOLS = ("中学", "小学", "大学", "学校")


def _second_name(name: str, alias: str) -> bool:
    """Whether the bracket after a body's name is the same body's second name: a body's name of the
    same place (湖南行政学院 of 中共湖南省委党校), not a part (含县疾控中心), a grade (二级甲等医院) or a
    body below it (县农业技术推广中心)."""
    place = PLACED.match(alias)
    return bool(place and alias.endswith(ORG_END) and re.sub(r"^(?:中共|中国)|[省市区县州旗盟镇乡]$", "", place.group()) in name)


def _bare(name: str) -> str:
    return name.removesuffix("本级").removesuffix("机关")


# An autonomous place named short (寻甸县 for 寻甸回族彝族自治县, 恩施州 for 恩施土家族苗族自治州)
AUTONOMOUS = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:[\u4e00-\u9fff]{1,3}?族)+自治(县|州|旗)")


def _same_body(a: str, b: str) -> bool:
    # 塘湖镇政府 is 塘湖镇人民政府; 寻甸县应急管理局 is 寻甸回族彝族自治县应急管理局
    a, b = (AUTONOMOUS.sub(r"\1\2", _bare(x).replace("人民政府", "政府")) for x in (a, b))
    return a.endswith(b) or b.endswith(a)  # 林业局 and 零陵区林业局: one body, named short and in full


def fullest(bodies: list[Found]) -> Found | None:
    """The first body named, in full where the document also gives an autonomous place's full name
    (寻甸回族彝族自治县应急管理局 over 寻甸县应急管理局); other short and long forms stay as the first
    names them (大足区商务委员会 is the answer's, not 重庆市大足区商务委员会)."""
    if not bodies:
        return None
    short = AUTONOMOUS.sub(r"\1\2", bodies[0].value)
    return next((b for b in bodies if b.value != short and AUTONOMOUS.sub(r"\1\2", b.value) == short), bodies[0])


def unit_candidates(title: Found | None, lines: list[str], kind: str | None = None) -> list[Found]:
    """Every body the document names as its own, most trusted first: the form's field, the title
    (or the opening sentence naming the report), the body describing itself, the body signing it."""
    # A project form whose 单位名称 (the body filing it, 襄阳市中心医院) is not its 主管部门 (襄阳市卫生健康委):
    # whose report it is, a person chooses.
    supervisor = _first_field(lines, SUPERVISOR_LABELS) if kind == "project" else None
    found = [f for f in (field_unit(lines, kind), supervisor, unclear_field(lines), title_unit(title, lines), *described_units(lines),
                         *(achieving_units(lines) if kind == "department" else ()), *signed_units(lines)) if f]
    # 保山市农业农村局 / 2019年度部门整体支出绩效自评报告: a title broken after its unit, when nothing else names one.
    if not found and title and re.match(r"^20\d\d年", clean(title.value).replace(" ", "")):
        found = [above] if (above := _line_above(title, lines)) else []
    if not found and title and not _titled_unit(title, lines):
        # 2019年部门整体支出绩效评价报告 / 益阳市赫山区城市管理和综合执法局: a title naming no body, its unit on the line below.
        found = [below] if (below := _line_below(title, lines)) else []
    if not found and kind == "department":
        found = introduced_units(lines)[:1]  # an office it houses may be introduced so too (d14): only when nothing else names one
    short = short_names(lines)
    return [Found(short[f.value], f.line) if f.value in short else f for f in found]


# 内蒙古自治区人力资源和社会保障厅(以下简称“内蒙古人社厅”): the short name is the same body.
CALLED_AS = re.compile(r"([^\s,，。:：;；、“”\"()（）]{2,40}?)\s*[(（]以下简称\s*[“\"‘]?([^)）“”\"‘’]{2,20}?)[”\"’]?\s*[)）]")


def introduced_units(lines: list[str]) -> list[Found]:
    """A department's report that opens its 部门概况 with the body's full name and the short name it
    then writes of itself (山东省红十字会(以下简称“省红十字会”)成立于1911年…; 省红十字会批复支出预算…):
    a paragraph's first words, and the short name used again below (a body the report only cites,
    按照省财政厅(以下简称…)要求, neither opens a paragraph nor recurs as its subject)."""
    out = []
    text = "\n".join(clean(line) for line in lines[:ANNOUNCED_WITHIN * 2])
    for i, line in enumerate(lines[:ANNOUNCED_WITHIN * 2]):
        found = CALLED_AS.match(clean(line))
        if found and (full := _placed_org(found.group(1))) and text.count(found.group(2)) >= 3 \
                and SELF_DESCRIBING.match(clean(line), found.end()):
            out.append(Found(full, i + 1))
    return out


# What a body says of itself right after its name: 成立于1911年, 是…, 位于…, 内设… (not 与我局合署办公,
# not 2023年初批复我中心预算: a body the report speaks of).
SELF_DESCRIBING = re.compile(r"\s*(?:成立于|始建于|组建于|是|系|为|位于|内设|下设|设有|负责|主要职责|现有|核定)")


def short_names(lines: list[str]) -> dict[str, str]:
    """{short name: full name} for each body the text names in full and then by a short name."""
    out = {}
    for line in lines[:ANNOUNCED_WITHIN * 2]:
        for found in CALLED_AS.finditer(clean(line)):
            if (full := _placed_org(found.group(1))) and org_name(found.group(2)):
                out[found.group(2)] = full
    return out


def _line_below(title: Found, lines: list[str]) -> Found | None:
    """The next non-blank line after a title, when it is a body's full name alone (not a letter's
    addressee, 县财政局:)."""
    for i in range(title.line, min(len(lines), title.line + 3)):
        text = clean(lines[i]).replace(" ", "")
        if text:
            return Found(name, i + 1) if not is_chrome(lines[i]) and not text.endswith((":", "：")) \
                and (name := org_name(text)) and _placed_org(name) else None
    return None


def unit_of(title: Found | None, lines: list[str]) -> Found | None:
    """The evaluated unit: the form's own field if it has one, else the title's unit, else the body
    the text describes as itself or that signs the report."""
    return next(iter(unit_candidates(title, lines)), None)


PUBLISHED = re.compile(r"(?:发布机构|发文单位|发布单位|信息来源|来源)\s*(?:[:：]\s*)?(?:\|\s*)?([^\s|:：]{2,40})")  # one \s* per run


def published_unit(lines: list[str]) -> Found | None:
    """The page's 发布机构 (来源, 发文单位) near the top, when it is a body's name with its place
    (临河区退役军人事务局; not 财务科 or 财政局综合股): often the unit, posting its own report, but
    often a short name (赫山区城管办) or a parent body, so only ever offered as doubtful."""
    for i, line in enumerate(lines[:30]):
        for name in PUBLISHED.findall(clean(line)):
            if org := _placed_org(re.sub(r"(?:发布时间|发布日期|日期|浏览).*$", "", name)):
                return Found(org, i + 1)
    return None


def unit_doubt(title: Found | None, lines: list[str]) -> list[Found]:
    """Each body when the document names different ones as its own (neither a short form of the
    other): a person must choose, so none is taken as found."""
    return distinct_bodies(unit_candidates(title, lines))


def distinct_bodies(candidates: list[Found]) -> list[Found]:
    """The candidates naming different bodies, when there are two or more (unit_doubt)."""
    bodies: list[Found] = []
    for candidate in candidates:
        if not any(_same_body(candidate.value, b.value) for b in bodies):
            bodies.append(candidate)
    return bodies if len(bodies) > 1 else []


def _form_lines(lines: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(index, texts) of each line that is not the page's chrome: its cells apart (主管部门 | 县农业农村局 |
    实施单位 ...), then with letter-spaced labels closed up (单 位 名 称)."""
    out = []
    for i, line in enumerate(lines):
        if not is_chrome(line):
            text = clean(line)
            out.append((i, tuple(dict.fromkeys((text, re.sub(r"(?<=\S) (?=\S)", "", text))))))
    return out


def _field_values(lines: list[str], label: str, rows: list[tuple[int, tuple[str, ...]]]):
    """(value, line index) for each place a form gives its label a value: in the cell after it
    (label | value, label:value); on the next line when the label stands alone (主管部门 | / 青神县
    发展和改革局本级 |); up to the next label in a row run together (主管部门中江县水利局实施单位); and
    a value broken over two lines (部门(单位)全称:围场满族蒙古族自治县 / 人民法院(公章)) as well."""
    # A form's label starts its cell (or line): 预算单位 inside a sentence is not a field.
    same = re.compile(r"(?:^|\s)" + label + r"\s*(?:[:：]\s*)?([^\s:：]{2,40})")
    alone = re.compile(r"\s*" + label + r"\s*(?:[:：]\s*)?")
    run_together = re.compile(label + r"\s*(?:[:：]\s*)?([^\s:：，。,;；]{2,40}?)(?=" + NEXT_LABEL + ")")
    for i, texts in rows:
        for text in texts:
            if alone.fullmatch(text):
                if (below := value_below(lines, i)) is not None:
                    yield below
                continue
            if found := same.search(text):
                yield re.split(NEXT_LABEL, found.group(1))[0], i  # 南充市林业实施单位(盖章)…: the next cell's label
                if (rest := _continued(lines, i)) is not None:
                    yield found.group(1) + rest, i
            if found := run_together.search(text):
                yield found.group(1), i


def value_below(lines: list[str], i: int) -> tuple[str, int] | None:
    """The next non-blank line, when it is a value: not a label, not the page's chrome."""
    for j in range(i + 1, min(len(lines), i + 3)):
        text = clean(lines[j])
        if text:
            if is_chrome(lines[j]) or re.match(NEXT_LABEL + "|" + "|".join(UNIT_LABELS), text):
                return None
            return text, j
    return None


def _continued(lines: list[str], i: int) -> str | None:
    """The rest of a value broken onto the next line: short, with no label or colon of its own."""
    text = clean(lines[i + 1]) if i + 1 < len(lines) else ""
    if text and len(text) <= 12 and " " not in text and not re.search(r"[:：]", text) and not is_chrome(lines[i + 1]) \
            and not re.match(NEXT_LABEL + "|" + "|".join(UNIT_LABELS), text):
        return text
    return None


PROJECT_LABELS = sorted(UNIT_LABELS, key=lambda label: label == PROJECT_UNIT)  # 项目单位 last
SUPERVISOR_LABELS = [label for label in UNIT_LABELS if "主管" in label and "实施" not in label]


def field_unit(lines: list[str], kind: str | None = None) -> Found | None:
    """The first unit field's body; named in full if another field of that label names it so (a
    cover's 单位名称:塘湖镇政府, then the form's 单位名称 | 塘湖镇人民政府). A project's report is its
    主管部门's: its 项目单位 is the body carrying it out (项目主管部门 | 罗湖区住房和建设局 | 项目单位 |
    罗湖区南湖街道办事处), while a unit's own report names itself 项目单位 over its 主管部门."""
    return _first_field(lines, PROJECT_LABELS if kind == "project" else UNIT_LABELS)


def _first_field(lines: list[str], labels: list[str]) -> Found | None:
    rows = _form_lines(lines)
    for label in labels:
        named = [Found(name, i + 1) for value, i in _field_values(lines, label, rows) if (name := org_name(_once(value)))]
        if named:
            return max((f for f in named if _same_body(f.value, named[0].value)), key=lambda f: len(f.value))
    return None


PLACE_AND_WORDS = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:省|市|区|县|州|旗|盟|镇|乡)[\u4e00-\u9fff]{2,12}")


def unclear_field(lines: list[str]) -> Found | None:
    """The first unit field whose value is a place and words but no body's whole name (主管部门 |
    南充市林业, its last character lost by a scan): not the unit, but when another field names a
    body it makes the unit doubtful, never read from the next field as if this one said nothing."""
    rows = _form_lines(lines)
    for label in UNIT_LABELS:
        for value, i in _field_values(lines, label, rows):
            if org_name(_once(value)):
                return None
            if PLACE_AND_WORDS.fullmatch(value := value.strip(" :：|,，。")):
                return Found(value, i + 1)
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
    text = re.sub(r"^关于(?:对)?(?:上报|报送|提交|印发)?", "", clean(title.value).replace(" ", ""))  # a letter's title
    before_year = re.match(r"^(.{2,40}?)20\d\d年", text)
    after_year = re.search(r"20\d\d年度?(.{2,60}?)(?:部门整体|整体支出|项目支出|单位自评|绩效|自评)", text)
    # 贺州市自然资源局部门整体支出绩效自评报告: a title without its year names its unit before its kind.
    before_kind = re.match(r"^(.{2,40}?)(?:部门整体|整体支出)", text)
    # 耒阳市第四中学专项资金绩效自评价报告: … or before the funds it reports on, a body whose name ends
    # as only a body's does (not 村卫生室: the rooms the funds went to)
    before_funds = re.match(r"^(.{2,40}?(?:" + "|".join(CUT_END + SCHOOLS) + r"))(?:专项资金|项目资金)(?:绩效|自评)", text)
    for region in (before_year and before_year.group(1), after_year and after_year.group(1), before_kind and before_kind.group(1),
                   before_funds and before_funds.group(1)):
        if name := _leading_body(region):
            return Found(_fuller(name, lines), title.line)
    whole = re.match(r"^(.{2,12}?[乡镇])(?:部门整体|整体支出|\d)", text)  # 田心乡部门整体支出绩效自评报告: a township's own report
    if whole and (government := _government_of(whole.group(1), lines)):
        return government
    return None


def _line_above(title: Found, lines: list[str]) -> Found | None:
    """The non-blank line just above a title that begins with its year, when it is a body's name alone."""
    for i in range(title.line - 2, max(title.line - 4, -1), -1):
        text = clean(lines[i]).replace(" ", "") if 0 <= i < len(lines) else ""
        if text:
            return Found(name, i + 1) if not is_chrome(lines[i]) and (name := org_name(text)) and _placed_org(name) else None
    return None


def _government_of(place: str, lines: list[str]) -> Found | None:
    """The township's government where the text names it in full (田心乡人民政府主要职能职责): a 乡 or 镇
    reports as its 人民政府; never assumed when the text does not say so."""
    for i, line in enumerate(lines[:60]):
        if found := re.search(re.escape(place) + r"人民政府", clean(line).replace(" ", "")):
            return Found(found.group(), i + 1)
    return None


def _leading_body(region: str | None) -> str | None:
    """The whole stretch before the year or the report's kind, if it is a body's name; else its
    longest beginning that ends as only a body's name does (示例市科学技术局 of 示例市科学技术局
    示范项目), never cut at a character that also ends common words (地方社 of 地方社会)."""
    if not region:
        return None
    if name := org_name(region):
        return name
    names = [region[:k] for k in range(len(region), 1, -1) if region[:k].endswith(CUT_END) and org_name(region[:k])]
    return org_name(names[0]) if names else None


def _restated_unit(title: Found, lines: list[str]) -> Found | None:
    """A page that gives its title twice, the second time with the unit written in
    (2022年度部门(单位)整体支出绩效自评报告 / 2022年度株洲市荷塘区妇女联合会部门(单位)整体支出绩效自评报告):
    what the second adds is the unit, when it is a body's name."""
    short = clean(title.value).replace(" ", "")
    for i in range(title.line, min(len(lines), title.line + 10)):
        text = clean(lines[i]).replace(" ", "")
        if len(text) <= len(short) or not TITLE_WORDS.search(text):
            continue
        for k in range(len(short) + 1):
            if text.startswith(short[:k]) and text.endswith(short[k:]):
                if name := org_name(text[k:len(text) - len(short) + k]):
                    return Found(name, i + 1)
    return None


def _fuller(name: str, lines: list[str]) -> str:
    """A title that says only 林业局 while the page's publisher is 零陵区林业局: the same body,
    named in full. Only a publisher whose name ends with the title's is taken."""
    for line in lines[:30]:
        for publisher in re.findall(r"(?:发布机构|来源)\s*(?:[:：|]\s*)?([^\s|:：]{2,40})", clean(line)):
            if publisher.endswith(name) and len(publisher) > len(name) and org_name(publisher):
                return publisher
    if LEVEL_ONLY.match(name):
        # 自治区文化和旅游厅 (the title) is 广西壮族自治区文化和旅游厅 (a cell of its own, the page's
        # signature): the same body with its place named.
        placed = re.compile(r"(?:" + PROVINCES + r"|[\u4e00-\u9fff]{2,6})" + re.escape(name))
        for line in lines[:30]:
            for cell in re.split(r"\s*\|\s*|\s{2,}", line.strip()):
                if placed.fullmatch(cell) and cell != name:
                    return cell
        if len(named := _named_in_sentences(name, lines[:30])) == 1:
            return named.pop()
    return name


def _named_in_sentences(name: str, lines: list[str]) -> set[str]:
    """县司法局 (the title) named with its place where the text names it in full twice or more
    (划给紫金县司法局 … 《紫金县司法局项目管理办法》): each place of two to four characters that starts
    where a name may start. A body named once (借鉴紫金县司法局的经验) may be another county's."""
    text = "\n".join(clean(line).replace(" ", "") for line in lines)
    found = set()
    for at in (m.start() for m in re.finditer(re.escape(name), text)):
        for size in range(2, 5):
            start = at - size
            place = text[start:at + 1] if start >= 0 else ""
            if place and (start == 0 or PLACE_START.fullmatch(text[start - 1])) and PLACED.fullmatch(place) \
                    and not NOT_A_PLACE.search(place[:-1]) and text.count(place + name[1:]) >= 2:
                found.add(place + name[1:])
    return found


# Where a place's name may begin inside a sentence: after punctuation, or after a word that hands
# something to a body (紫金县财政划给紫金县司法局).
PLACE_START = re.compile(r"[^\u4e00-\u9fff\d]|[给由在是的对和与及向经]")
NOT_A_PLACE = re.compile(r"[年度的给由在是对和与及向经拨付借鉴]")  # words a place's name does not hold


LEVEL_ONLY = re.compile(r"^(?:自治区|省|市|县|区|州|旗)")  # a body named by its level alone: the place left out


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
    return org_name(name) if PLACED.match(name) else None


# A body stating its own functions (金寨县应急管理局主要职责是:, 省应急管理厅主要职责如下) or evaluating
# itself (舒城县科学技术局部门对2024年度14个项目进行自评). Not inside a cited document's 《title》.
OWN_DUTIES = re.compile(r"(?:^|[,，。；;])\s*([^\s,，。:：;；、“”()（）《》]{3,40}?)(?:的)?主要职责(?:如下|是|为|包括|[:：])")
SELF_EVALUATING = re.compile(r"(?:^|[,，。；;])\s*(?:20\d\d年度?)?([^\s,，。:：;；、“”()（）《》]{4,40}?)(?:部门)?对[^，。,;；]{2,40}?"
                             r"(?:进行|开展)了?[^，。,;；]{0,8}?(?:绩效)?自评(?!价)")


def described_units(lines: list[str]) -> list[Found]:
    out = []
    for i, line in enumerate(lines[:60]):
        text = clean(line)
        for pattern in DESCRIBED:
            for found in pattern.finditer(text):
                if "项目" not in found.group(2) and (name := _placed_org(found.group(1))):
                    out.append(Found(name, i + 1))
        for pattern in (OWN_DUTIES, SELF_EVALUATING):
            for found in pattern.finditer(text):
                cited = text[:found.start(1)].count("《") > text[:found.start(1)].count("》")
                name = found.group(1)
                if not cited and (org := _placed_org(name) or (LEVEL_ONLY.match(name) and org_name(name)
                                                               and _placed_in_text(name, lines))):
                    out.append(Found(org, i + 1))
    return out


def _placed_in_text(name: str, lines: list[str]) -> str | None:
    """省应急管理厅 named in full somewhere near the top (《陕西省应急管理厅职能配置…规定》): that name, if
    the text names it with one place only."""
    placed = re.compile(r"(?:" + PROVINCES + r")" + re.escape(name) if name.startswith("省")
                        else r"[\u4e00-\u9fff]{1,6}?" + re.escape(name))
    full = {m.group() for line in lines[:60] for m in placed.finditer(clean(line))}
    return full.pop() if len(full) == 1 and _placed_org(next(iter(full))) else None


# A department's report on its year: 2022年,荆门市民政局较好的完成了年初制定的以下工作目标. (Not a
# project's: the body completing a project's targets is the one carrying it out, not its 主管部门.)
ACHIEVING = re.compile(r"(?:^|[。；;])\s*20\d\d\s*年(?:度|以来)?\s*[,，]\s*([^\s,，。:：;；、“”()（）]{4,40}?)"
                       r"(?:较好|很好|全面|圆满|基本|认真|积极|顺利)?[的地]?完成了?[^，。,;；]{0,14}?(?:目标|任务)")


def achieving_units(lines: list[str]) -> list[Found]:
    """The body a department's report says completed the year's targets, named with its place."""
    return [Found(name, i + 1) for i, line in enumerate(lines[:60])
            for found in ACHIEVING.finditer(clean(line)) if (name := _placed_org(found.group(1)))]


def signed_units(lines: list[str]) -> list[Found]:
    """The bodies signing the report (or a letter in it): a line that is only a body's name, just
    before a line that is only a date (中共保山市委办公室 / 2018年6月5日)."""
    body = [(i, clean(line)) for i, line in enumerate(lines) if line.strip()]
    return [Found(org, i + 1) for (i, name), (_, date) in zip(body, body[1:])
            if re.fullmatch(r"20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", date) and (org := _placed_org(name))]
