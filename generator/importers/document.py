"""Import a published self-evaluation (.txt or .docx) into a YAML draft.

It never invents and never drops: every line of the document lands in the draft, either in
its place (title, headings and paragraphs verbatim) or in a section 未归类内容 that the
report lists. Figures (spending, budget, grade, score, deviations) are read from the text;
what cannot be found is reported so staff fill it in.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import assemble, flattened, form_tail, limits, recognise, recognise_kind, recognise_project, recognise_unit, word_looks
from .narrative_lists import inline, measures, problems
from .forms import FULL_WIDTH
from .narrative_figures import extract, with_line
from .narrative_structure import cover_line, intro_like, paragraphs, run_on_pieces, structure
from .limits import hidden_content, open_package, refuse, unreadable
from .structure import Imported
from ..naming import slug_for
from ..problems import DataError, Problem, at_most, display_path
from ..consistency import OTHER_FORM_SECTION, PAGE_SECTION, TABLE_SECTION, UNPLACED_SECTION  # check warns while they are left
from ..inventory import CONTROL  # line breaks and control characters in a file's name
from ..inventory import PENDING as UNPLACED_FOLDER  # drafts without a year or unit: check names each until it is placed

MONEY_NAMES = {"spending": "支出", "budget": "预算执行", "funds": "资金来源"}
MONEY_KEYS = tuple(MONEY_NAMES)
# Where each figure the summary may call missing is kept in the draft.
STATED_AT = {"自评等级": "result.grade", "自评得分": "result.score", "本年财政拨款支出": "spending.total",
             "基本支出": "spending.basic", "项目支出": "spending.project", "人员经费": "spending.personnel",
             "公用经费": "spending.public", "基本支出占比": "spending.basic_share", "项目支出占比": "spending.project_share",
             "年初预算数": "budget.initial", "全年预算数": "budget.adjusted", "全年执行数": "budget.executed",
             "预算执行率": "budget.rate"}
DEPARTMENT_ONLY = ("本年财政拨款支出", "基本支出", "项目支出", "人员经费", "公用经费", "基本支出占比", "项目支出占比")



@dataclass
class Draft:
    data: dict
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    hidden: list[Problem] = field(default_factory=list)  # text staff cannot see in Word
    doubtful: dict[str, list[str]] = field(default_factory=dict)  # field -> its candidates, none taken


# ---- reading the document --------------------------------------------------------------

def read_lines(path: Path) -> list[str]:
    """The document as lines of text; a table row becomes its cells joined by ' | '."""
    return read_document(path)[0]


def read_document(path: Path, include_hidden: bool = False) -> tuple[list[str], list[Problem]]:
    """(lines, text that cannot be seen in Word); a file that cannot be read raises DataError."""
    name = display_path(path)
    lines, hidden = _docx_lines(path, name, include_hidden) if path.suffix.lower() == ".docx" else (_text_lines(path, name), [])
    if sum(map(len, lines)) > limits.MAX_TEXT_CHARS or sum(1 for line in lines if line.strip()) > limits.MAX_LINES:
        raise _too_long(name)
    return lines, hidden


def _too_long(name: str) -> DataError:
    # Every step after reading is linear, but writing a draft of more than this takes PyYAML many seconds.
    return refuse(name, f"文档超过 {limits.MAX_TEXT_CHARS:,} 字或 {limits.MAX_LINES:,} 行的上限，不像一份自评报告。请只保留报告正文后再导入。")


def _text_lines(path: Path, name: str) -> list[str]:
    from .read_text import decode_lines

    return decode_lines(path, name)


def _docx_lines(path: Path, name: str, include_hidden: bool) -> tuple[list[str], list[Problem]]:
    """A paragraph is its text, a table row its cells' texts (a merged cell's once); and the text
    Word does not show, as problems."""
    import docx

    package = open_package(path, name, "docx")
    try:
        document = docx.Document(io.BytesIO(package))
        body = document.element.body
        looks = word_looks.looks(document)
        return _body_lines(body, looks, name, include_hidden)
    except DataError:
        raise
    except Exception as e:  # python-docx raises many kinds for a package that is not a Word document
        raise refuse(name, f"文件不是有效的 Word 文档（.docx）：{unreadable(e)}。请在 Word 中另存为 .docx 后再导入。") from None


def _body_lines(body, looks: dict, name: str, include_hidden: bool) -> tuple[list[str], list[Problem]]:
    """One pass over the body's elements, each line checked against the limits as it is added."""
    lines: list[str] = []
    hidden: list[Problem] = []
    paragraph = table = chars = count = 0

    def add(line: str) -> None:
        nonlocal chars, count
        lines.append(line)
        chars, count = chars + len(line), count + bool(line.strip())
        if chars > limits.MAX_TEXT_CHARS or count > limits.MAX_LINES:
            raise _too_long(name)

    for block in body.iterchildren():
        if block.tag == W + "p":
            paragraph += 1
            pieces, unseen = [], []
            for t in block.iter("{*}t"):  # w:t, and the text of drawings and equations
                if "}" in t.tag:
                    pieces.append(t.text or "")
                    if (t.text or "").strip() and t.getparent().tag == W + "r" and (why := word_looks.invisible(t.getparent(), looks)):
                        unseen.append((why, t.text))
            add("".join(pieces))
            if unseen:
                hidden.append(_hidden_problem(name, f"第 {paragraph} 段", f"段落“{_beginning(lines[-1])}”", unseen, include_hidden))
        elif block.tag == W + "tbl":
            table += 1
            above: dict[int, str] = {}  # the previous row's cell texts by grid column, for vertical merges
            for row, tr in enumerate(block.iterchildren(W + "tr"), start=1):
                cells, unseen, here = [], [], {}
                column = word_looks.number(tr.find(f"{W}trPr/{W}gridBefore"), 0)
                for tc in tr.iterchildren(W + "tc"):
                    across = tc.find(f"{W}tcPr/{W}hMerge")  # an old-style merge across: the first cell holds the text
                    if across is not None and across.get(W + "val") in (None, "continue"):
                        column += 1
                        continue
                    merge = tc.find(f"{W}tcPr/{W}vMerge")
                    if merge is not None and merge.get(W + "val") in (None, "continue"):
                        text = above.get(column, "")  # the cell above continues here
                    else:
                        paras = list(tc.iterchildren(W + "p"))
                        text = "\n".join(p.text for p in paras).strip()
                        for run in (r for p in paras for r in p.xpath("w:r | w:hyperlink/w:r")):
                            if run.text.strip() and (why := word_looks.invisible(run, looks)):
                                unseen.append((why, run.text))
                    here[column] = text
                    cells.append(text)  # equal neighbours are two cells (90 | 90), never one
                    column += max(word_looks.number(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 1)
                above = here
                add(" | ".join(cells))
                if unseen:
                    hidden.append(_hidden_problem(name, f"第 {table} 个表格第 {row} 行", f"表格行“{_beginning(lines[-1])}”", unseen,
                                                  include_hidden))
        add("")
    return lines, at_most(hidden, name)


# ---- text that cannot be seen in Word --------------------------------------------------------

W = word_looks.W  # the WordprocessingML namespace


def _beginning(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 20 else line[:20] + "……"


def _hidden_problem(name: str, where: str, start: str, unseen: list[tuple[str, str]], included: bool) -> Problem:
    why = "、".join(dict.fromkeys(w for w, _ in unseen))
    return hidden_content(name, where, f"{start}中有看不见的文字（{why}）", "".join(t for _, t in unseen), "Word", included)


# ---- figures -------------------------------------------------------------------------

def _text_length(nodes: list[dict]) -> int:
    """The characters of the sections' and items' titles and texts, all levels down."""
    return sum(len(n.get("title") or "") + len(n.get("text") or "") + _text_length(n.get("items", [])) for n in nodes)


def _has(data: dict, path: str) -> bool:
    node = data
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node is not None


INDICATOR_HEADERS = {"一级指标": "level1", "二级指标": "level2", "三级指标": "name", "年度指标值": "target", "指标值": "target",
                     "实际完成值": "actual", "完成值": "actual", "分值": "weight", "权重": "weight", "得分": "score",
                     "偏差原因分析及改进措施": "note", "偏差原因": "note", "计量单位": "unit", "单位": "unit"}


def indicator_rows(paras: list[str]) -> list[dict]:
    """Rows of an indicator table flattened to “cell | cell” lines, under a header naming 一级指标 and 三级指标."""
    rows: list[dict] = []
    columns: list[str | None] | None = None
    carry: dict[str, str] = {}
    for para in paras:
        cells = [c.strip() for c in para.split("|")] if "|" in para else None
        if cells is None:
            columns = None
            continue
        if "一级指标" in cells and "三级指标" in cells:
            columns = [INDICATOR_HEADERS.get(c) for c in cells]
            continue
        if columns is None or len(cells) != len(columns):
            continue
        row: dict = {}
        for key, cell in zip(columns, cells):
            if key is None or not cell:
                continue
            row[key] = _number_or_text(cell) if key in ("target", "actual", "weight", "score") else cell
        for key in ("level1", "level2"):  # merged cells: the value above carries down
            if key in row:
                carry[key] = row[key]
            elif key in carry:
                row[key] = carry[key]
        if row.get("name") and row.get("level1"):
            target = row.get("target")
            if isinstance(target, str) and (m := re.match(r"^([≥≤><=])\s*(.+)$", target)):
                row["operator"], row["target"] = m.group(1), _number_or_text(m.group(2))
            rows.append(row)
    return rows


def _number_or_text(cell: str):
    cleaned = cell.translate(FULL_WIDTH).replace(",", "").strip()
    try:
        return float(cleaned.rstrip("%")) if re.fullmatch(r"\d+(?:\.\d+)?%?", cleaned) else cell
    except ValueError:
        return cell


def deviations(text: str) -> list[dict]:
    """“一是预算调整率，分析原因是……。二是……” as indicator and reason."""
    out = []
    for match in re.finditer(r"[一二三四五六七八九十]是([^，,。]{2,20})[，,]\s*(?:分析)?原因(?:是|为|[:：])(.{1,1000}?。)(?=[一二三四五六七八九十]是|\n|$)", text):
        out.append({"indicator": match.group(1).strip(), "reason": match.group(2).strip()})
    return out


# ---- the draft ---------------------------------------------------------------------------

FORM_TITLE = re.compile(r"([\u4e00-\u9fff]{0,20}?(?:项目支出|部门整体支出|部门整体|整体支出|项目)绩效(?:目标)?自评表)\s*"
                        r"[(（]\s*(20\d\d)\s*年度?\s*[)）]")
KIND_NAMES = {"department": "部门整体（department）", "project": "项目支出（project）"}
# What the flattened reading of a money block says it found (年初预算数：…, 资金来源 …, 基本支出：…).
FLAT_MONEY = re.compile(r"(?:年初预算数|全年预算数|全年执行数|执行率|预算执行率|基本支出|项目支出|资金来源)")


def _original_name(path: Path, out: Path, own_source: str | None) -> tuple[str | None, str | None]:
    """(the name the original is kept under beside the draft, or None when the site cannot offer it;
    what to tell staff). Its own name, unless another report's original has it (two folders' 自评表.pdf):
    then the draft's. Re-imported with --force, the draft's own original is replaced."""
    from ..validate import SOURCE_NAME_FORBIDDEN, SOURCE_TYPES

    if not path.name.lower().endswith(SOURCE_TYPES):
        return None, (f"原件 {path.name} 没有复制到网站：网站只提供 {'、'.join(SOURCE_TYPES)} 文件下载"
                      "（Excel、网页等可能带公式、宏或脚本）。如要提供原件，请另存为 PDF，放在草稿旁，并在 source.file 中写上文件名。")
    name = path.name if not SOURCE_NAME_FORBIDDEN.search(path.name) and not path.name.startswith(".") \
        and len(path.name.encode("utf-8")) <= 200 else f"{out.stem}{path.suffix.lower()}"  # a name no address can hold
    if _fits(out.parent / name, path, own_source):
        return name, None
    own = _free(out.parent, out.stem, path.suffix.lower(), lambda p: _fits(p, path, own_source)).name
    return own, f"{out.parent / name} 已是另一份原件：这份原件存为 {out.parent / own}。"


def _fits(target: Path, path: Path, own_source: str | None) -> bool:
    """Whether the original may be written at target: nothing there, the same bytes, or the original the
    draft being replaced (--force) names. A link is never written through, nor read."""
    if target.is_symlink():
        return False
    return not target.exists() or (target.is_file() and (target.name == own_source or target.stat().st_size == path.stat().st_size
                                                          and target.read_bytes() == path.read_bytes()))


def _free(folder: Path, stem: str, suffix: str, usable) -> Path:
    """folder/stem+suffix, or stem-2, stem-3 … : the first place that is free or usable(place)."""
    for n in range(1, 1000):
        place = folder / f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        if not place.exists() and not place.is_symlink() or usable(place):
            return place
    raise DataError([Problem(str(folder), None, "", f"{folder} 中同名的文件太多（{stem}…）。请先整理这个目录。")])


def _safe_stem(stem: str) -> str:
    """A file name's stem without what would break a path or a line (control characters, a leading dot)."""
    return CONTROL.sub("_", stem).lstrip(".") or "draft"


def _linked(out: Path, data_dir: Path) -> Path | None:
    """The draft's place, or a folder between it and the data folder, that is a symbolic link."""
    if data_dir not in out.parents:
        return out if out.is_symlink() else None  # -o elsewhere: only the file itself
    for place in (out, *out.parents):
        if place == data_dir:
            return None
        if place.is_symlink():
            return place
    return None


def other_department(existing: dict | None, name: str | None) -> str | None:
    """Whose report an existing draft is, when it is not name's (or cannot be read: then it may be anyone's)."""
    if existing is None:
        return "一份读不出来的报告（请先改正或删除它）"
    theirs = _text(existing, "department", "name")
    return f"另一个部门（{theirs}）的报告" if theirs and name and theirs != name else None


def _existing_draft(draft: Path) -> dict | None:
    """A report already in the data folder, read once and as check reads it (bounded: a file there may
    come from anyone's pull request); {} when there is none, None when it cannot be read."""
    from ..readers import read_yaml

    if not draft.exists():
        return {}
    try:
        data = read_yaml(draft).data
    except (DataError, OSError):
        return None
    return data if isinstance(data, dict) else {}


def _text(data: dict | None, key: str, field: str) -> str | None:
    """data[key][field] when it is a text."""
    part = data.get(key) if isinstance(data, dict) else None
    value = part.get(field) if isinstance(part, dict) else None
    return value if isinstance(value, str) else None


def _amounts(data: dict) -> list[float]:
    """Every amount a draft holds: budget, spending and funds."""
    out = [v for k in ("budget", "spending") for f, v in (data.get(k) or {}).items()
           if isinstance(v, (int, float)) and f not in ("rate", "basic_share", "project_share")]
    return out + [v for fund in data.get("funds") or [] for f, v in fund.items() if f != "source" and isinstance(v, (int, float))]


def build_draft(path: Path, include_hidden: bool = False) -> Draft:
    if path.suffix.lower() in (".txt", ".docx"):
        # Text and Word: the lines verbatim as this module reads them (its checks of hidden text
        # name the table and row); the tables through the structured reader, for the forms.
        lines, hidden = read_document(path, include_hidden)
        doc = assemble.Document(display_path(path))
        # A table flattened into text has lost its merged cells, so its columns cannot be trusted to
        # line up with its header: only Word's real tables are read as forms (for now).
        if path.suffix.lower() == ".docx":
            try:
                doc = assemble.read_any(path, include_hidden=True)
            except DataError:
                pass
    else:
        doc = assemble.read_any(path, include_hidden)
        lines, hidden = assemble.lines_of(doc), doc.hidden
    # A page that opens inside the form before this one: that tail is no reader's (form_tail.py).
    tail, lines = lines[:form_tail.tail_length(lines)], lines[:]
    lines[:len(tail)] = [""] * len(tail)
    # A form flattened into text is read as a stream of cells (flattened.py); its lines are kept
    # apart, verbatim, for staff to check against what was read, not mixed into the narrative.
    flat, from_flat, table_lines, unsure = flattened.form_values(lines)
    # The official forms' real tables (Word, Excel, PDF, a web page), read by their headers.
    stated, from_forms, other_forms = assemble.form_values(doc)
    if stated:
        # Their rows, as lines of cells, are the form's, kept apart like a flattened one's.
        table_lines |= {n for n, line in enumerate(lines) if " | " in line}
    # A text layer run into one line, cut at its headings once: the narrative reads its pieces (not
    # the form's lines), the rules below read all of them and name the file's own line.
    pieces, origin = run_on_pieces(lines)
    paras = paragraphs([piece if origin[k] not in table_lines else "" for k, piece in enumerate(pieces)])
    title_lines, sections, preamble = structure(paras)
    title = "".join(t for t in title_lines if t.strip(" |\t"))  # (a line of bars after it is a table's edge, no part of it)
    # What the document is (title, kind, year, unit, project): recognise*.py rules, each with its line.
    at = lambda found: found and replace(found, line=origin[found.line - 1] + 1 if found.line else found.line)  # noqa: E731
    named = at(recognise.title_of(pieces))
    kind = at(recognise_kind.kind_of(named.value if named else None, pieces))
    bodies = recognise_unit.unit_candidates(named, pieces, kind.value if kind else None)  # once: the unit and the doubt both read them
    unit = at(recognise_unit.fullest(bodies))
    year = at(recognise.year_of(named, pieces))
    values, found, missing = extract(paras, kind.value if kind else "department", unit.value if unit else None,
                                     year.value if year else None)
    cleaned = [line.translate(FULL_WIDTH).replace(",", "") for line in lines]  # once, for every finding
    found = [with_line(f, cleaned) for f in found]
    doubtful: dict[str, list[str]] = {}
    if candidates := recognise_unit.distinct_bodies(bodies):
        unit = None  # two bodies named: a person chooses
        doubtful["部门名称"] = [f"{c.value}（第 {origin[c.line - 1] + 1} 行）" for c in candidates]
    elif unit is None and (publisher := at(recognise_unit.published_unit(pieces))):
        doubtful["部门名称"] = [f"{publisher.value}（第 {publisher.line} 行，网页的发布机构；正文没有写明单位，请核对后填写）"]
    project = at(recognise_project.project_of(named, pieces)) if kind and kind.value == "project" else None
    if project and (names := recognise_project.project_doubts(pieces)):
        doubtful["项目名称"] = [f"{n.value}（第 {origin[n.line - 1] + 1} 行）" for n in names]
        project = None
    if project and named and project.line == named.line and re.search(r"\.(?:pdf|docx?|xlsx?)\s*$", lines[named.line - 1], re.I):
        # A file's name often shortens the project's name (乡村道路项目 for 乡村道路建设养护项目): a person checks.
        doubtful["项目名称"] = [f"{project.value}（第 {project.line} 行，文件名中的写法）"]
        project = None
    data: dict = {"schema_version": 1, "kind": kind.value if kind else None}
    money = at(recognise.money_unit_of(pieces))
    for label, key, finding in (("报告类型", "kind", kind), ("年度", "year", year), ("部门名称", "department", unit),
                                ("项目名称", "project", project), ("金额单位", "unit", money)):
        if finding is None:
            if label in doubtful:
                continue
            if key not in ("project", "unit") or (key == "project" and kind and kind.value == "project"):
                missing.append(label)
            continue
        if key in ("department", "project"):
            data[key] = {"name": finding.value}
        else:
            data[key] = finding.value
        shown = KIND_NAMES.get(finding.value, finding.value) if key == "kind" else finding.value
        found.append(f"{label}：{shown}" + (f"（第 {finding.line} 行）" if finding.line else "（据标题）"))
    if kind and kind.value == "project":  # a project's form has no department spending lines to miss
        missing = [m for m in missing if m not in DEPARTMENT_ONLY]
    data.update(values)
    if data.get("kind") == "project" and (total := data.get("spending", {}).get("total")) is not None:
        # A project's year spending is its 全年执行数: the model keeps it in budget, once.
        budget = data.setdefault("budget", {})
        if budget.get("executed") in (None, total):
            budget["executed"] = total
            del data["spending"]["total"]
            found = [f"全年执行数：{total}（项目的本年支出）" if f.startswith("本年财政拨款支出：") else f for f in found]
            if not data["spending"]:
                del data["spending"]
    if "department" in data:
        data["department"]["slug"] = slug_for(data["department"]["name"])  # naming.py
    if named and title_lines and named.value in recognise.normalised(title) \
            and recognise.normalised(title).startswith(named.value[:4]) \
            and len(recognise.normalised(title)) - len(named.value) <= 10:
        pass  # the lines before the first heading are the title broken over lines (… 自评 / 结果): kept whole
    elif named:
        if title_lines:
            preamble[:0] = title_lines  # the lines before the first heading are kept, not dropped, when the title is elsewhere
        title = named.value
    if not title and (heading := next((m for line in lines[:40] if (m := FORM_TITLE.search(line))), None)):
        # A form's own heading is its title (项目支出绩效自评表 (2022年度) in a line run together).
        title = f"{heading.group(1)}（{heading.group(2)}年度）"
        found.append(f"标题：{title}（表头）")
    data["title"] = title or None
    if not title:
        missing.insert(0, "标题")
    data["source"] = {"file": path.name}
    whole = "\n".join(paras)
    devs = deviations(whole)
    if devs:
        data["deviations"] = devs
        found.append(f"绩效目标偏差：{len(devs)} 条")
    table = indicator_rows(paras)
    if table:
        data["indicators"] = table
        found.append(f"绩效指标：{len(table)} 行")
    # The official forms' tables, read by their headers, state these better than running text does,
    # and better than the same table's lines read as text (whose values and doubts then add nothing).
    tables_give_money = any(k in stated for k in MONEY_KEYS)
    for key, value in flat.items():
        if key in MONEY_KEYS and tables_give_money:
            continue
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    if tables_give_money:
        from_flat = [f for f in from_flat if not FLAT_MONEY.match(f)]
        unsure = [u for u in unsure if not u.startswith("资金")]
    if "indicators" in stated:
        from_flat = [f for f in from_flat if not f.startswith("绩效指标")]
        unsure = [u for u in unsure if not u.startswith("绩效指标")]
    if from_flat:
        found = [f for f in found if not (f.startswith("绩效指标") and "indicators" in flat)] + from_flat
    if unsure:
        doubtful["表格行"] = [f"{row}：空格已丢失，各数值属于哪一列不止一种读法，未读入，请对照原表填写" for row in unsure]
    if other_forms:
        doubtful["自评表"] = [f"{'、'.join(other_forms)}也有一张资金表：一个文件里像是有几份自评表，草稿只读了第一张。"
                           "请把每份另存为单独的文件，分别导入"]
    for key, value in stated.items():
        if isinstance(value, dict):
            data[key] = {**data.get(key, {}), **value}
        else:
            data[key] = value
    if from_forms:
        found = [f for f in found if not f.startswith("绩效指标")] + from_forms
    steps = measures(sections) or inline(paras, "measures")
    if steps:
        data["measures"] = steps
        found.append(f"改进措施：{len(steps)} 条")
    if issues := problems(sections) or inline(paras, "problems"):
        data["problems"] = issues
        found.append(f"存在的问题：{len(issues)} 条")
    # The portal's navigation and the page's metadata (索引号, 发布机构 ...) are not the report's
    # text: kept, under their own heading, for staff to check and usually delete.
    # The portal's page, the cover's fields and the title again (it is read into title) go apart.
    page = [p for p in preamble if recognise.is_chrome(p) or (cover_line(p) and not intro_like(p))
            or (named and recognise.normalised(p) == named.value)]
    preamble = [p for p in preamble if p not in page]
    if page:
        sections.insert(0, {"title": PAGE_SECTION, "items": [{"text": p} for p in page]})
    if tail:
        sections.insert(0, {"title": OTHER_FORM_SECTION, "text": "\n".join(t.strip() for t in tail if t.strip())})
        doubtful.setdefault("自评表", []).append(f"第 1–{len(tail)} 行是上一份自评表的末尾（前面没有项目名称，看不出是哪个项目的），未读入草稿")
    if table_lines:
        sections.append({"title": TABLE_SECTION, "text": "\n".join(lines[n].strip() for n in sorted(table_lines) if lines[n].strip())})
    # The opening paragraphs before the first heading (根据……现将自评情况报告如下) are the report's
    # intro; short lines there (a form's fields, a file's properties) stay for staff to place.
    intro = [p for p in preamble if intro_like(p)]
    if intro and sections:
        data["intro"] = "\n".join(intro)
        found.append(f"开头：{len(intro)} 段")
        preamble = [p for p in preamble if p not in intro]
    if preamble:
        sections.append({"title": UNPLACED_SECTION, "items": [{"text": p} for p in preamble]})
    if sections:
        data["sections"] = sections
        found.append(f"正文：{len(sections)} 个一级标题")
    # A report has one unit, 万元 or 元: amounts a document gives in 亿元 (alone or beside 万元) are
    # not drafted as if they were 万元; staff convert them.
    if yi := next((n for n, line in enumerate(lines) if recognise.YI.search(line)), None):
        if moved := [k for k in ("spending", "budget", "funds") if data.pop(k, None)]:
            # … and the summary does not list as found what the draft no longer holds
            found = [f for f in found if not any(f.startswith(label) for label, at in STATED_AT.items()
                                                 if at.split(".")[0] in moved) and not ("funds" in moved and f.startswith("资金来源"))]
            doubtful["金额"] = [f"原文第 {yi + 1} 行起的金额以亿元为单位，报告只能用万元或元：请换算后填写"
                              f"（未读入：{'、'.join(MONEY_NAMES[k] for k in moved)}）"]
    if money is None and (amounts := _amounts(data)):
        yuan, wan = recognise.units_said(pieces)
        if yuan and wan and "金额" not in doubtful:
            # A form in 元 and a narrative in 万元 (or the reverse): which the drafted amounts are in, a person says.
            doubtful["金额单位"] = [f"元（第 {origin[yuan - 1] + 1} 行）", f"万元（第 {origin[wan - 1] + 1} 行）——原文两种单位都用了，"
                                 "请按草稿中金额所在的表或句子在 unit 中填写"]
        else:
            # Not stated: the site would show 万元, the model's default, so staff are told, with the hint
            # a county body's amounts in the millions give (3724055.00 is 元, not 372 亿).
            hint = "，数额像是以元为单位" if max(amounts) >= 100_000 else ""
            missing.append(f"金额单位（原文没有写明{hint}；草稿未填，网站会按万元显示，请核对后在 unit 中填写 元 或 万元）")
    # What the text did not state but a form's table did is not missing.
    missing = [m for m in missing if not (m in STATED_AT and _has(data, STATED_AT[m]))]
    return Draft(data, found, missing, preamble, hidden, doubtful)


def import_document(path: Path, output: Path | None, data_dir: Path, force: bool = False,
                    include_hidden: bool = False, single: bool = True, data_named: str = "") -> Imported:
    """python -m generator import FILE.txt|.docx: write the draft and say what was and was not found.

    A file that cannot be read, or that holds text Word does not show (unless include_hidden),
    raises DataError before anything is written."""
    from ..naming import report_path
    from ..readers import RawReport
    from ..validate import validate_data

    draft = build_draft(path, include_hidden)
    if draft.hidden and not include_hidden:
        raise DataError(draft.hidden)
    data = draft.data
    year = data.get("year")
    slug = (data.get("department") or {}).get("slug")
    if output:
        out = output
    elif year and slug:
        out = report_path(data_dir, year, data.get("kind", "department"), slug, (data.get("project") or {}).get("name"))
    else:
        # No year or unit found: the draft waits in a folder `check` names until someone fills them in,
        # under a name no other pending draft has (two folders' 自评.txt are two drafts).
        out = _free(data_dir / UNPLACED_FOLDER, _safe_stem(path.stem), ".yaml", lambda p: False)
    if linked := _linked(out, data_dir):
        return Imported(path, error=f"{linked} 是符号链接：导入不写进它（它可能指向数据目录以外）。请换成文件或目录本身。")
    if out.exists() and not force:
        return Imported(path, error=f"{out} 已存在。要覆盖它请加 --force" + ("，或用 -o 指定另一个文件。" if single else "。"))
    existing = _existing_draft(out)  # only here with --force when it exists: read once, for both checks below
    if out.exists() and not output and (other := other_department(existing, (data.get("department") or {}).get("name"))):
        # 南县政协 and 南区政协 have one slug: --force must not replace another body's report.
        return Imported(path, error=f"{out} 是{other}，文件名与这份相同。--force 也不会覆盖它："
                                    "请用 -o 另写一个文件名，并在草稿中改 department.slug。")
    copy = output is None or out.parent != path.parent  # the original goes beside its draft
    # Re-imported with --force, the original the old draft names is replaced.
    original, said = _original_name(path, out, _text(existing, "source", "file")) if copy else (path.name, None)
    if original:
        data["source"] = {"file": original}
    else:
        data.pop("source", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# yaml-language-server: $schema=../report.schema.json\n"  # a name's line break would end the comment
              f"# 由 .venv/bin/python -m generator import 从 {CONTROL.sub('?', path.name)} 生成的草稿：请核对每一项，补上缺少的内容。\n")
    out.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    if copy and original:
        (out.parent / original).write_bytes(path.read_bytes())  # the source document sits beside its YAML
    print(f"已从 {path} 生成草稿 {out}。")
    if said:
        print(said)
    for p in draft.hidden:  # imported with --include-hidden: still said
        print(p, file=sys.stderr)
    print("找到了：" + "；".join(draft.found))
    if draft.missing:
        print("没有找到（请在草稿中补上或删除）：" + "、".join(draft.missing))
    for label, candidates in draft.doubtful.items():
        print(f"存疑，没有填入草稿（请对照原文选定后填写）：{label}：" + " 或 ".join(candidates))
    if draft.unplaced:
        print(f"警告：{len(draft.unplaced)} 段文字无法归入章节，已放在“未归类内容”中，请核对：", file=sys.stderr)
        for p in draft.unplaced:
            print(f"  - {p[:60]}", file=sys.stderr)
    try:
        validate_data(RawReport(out, str(out), data, {}))
        print("草稿已通过数据格式检查。")
    except DataError as e:
        print(f"草稿还需补充（运行 .venv/bin/python -m generator check{data_named} 查看）：", file=sys.stderr)
        for p in e.problems:
            print(f"  - {p.field}: {p.message}", file=sys.stderr)
    body = len(data.get("intro") or "") + _text_length(data.get("sections", []))
    unplaced = sum(map(len, draft.unplaced))
    return Imported(path, out, data.get("kind"), year, len(draft.found), unplaced / body if body else None,
                    list(draft.doubtful))
