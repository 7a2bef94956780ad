"""Import a published self-evaluation (.txt or .docx) into a YAML draft.

It never invents and never drops: every line of the document lands in the draft, either in
its place (title, headings and paragraphs verbatim) or in a section 未归类内容 that the
report lists. Figures (spending, budget, grade, score, deviations) are read from the text;
what cannot be found is reported so staff fill it in.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

H1 = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
H2 = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$")
H3 = re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.*)$")
SENTENCE_END = "。；！？：:”」）)"
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，：％（）", "0123456789.,:%()")
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "优": "优", "良": "良", "中": "中", "差": "差"}
NUMBER = r"(\d[\d,]*(?:\.\d+)?)"


@dataclass
class Draft:
    data: dict
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


# ---- reading the document --------------------------------------------------------------

def read_lines(path: Path) -> list[str]:
    """The document as lines of text; a table row becomes its cells joined by ' | '."""
    if path.suffix.lower() == ".docx":
        return _docx_lines(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # gb18030 decodes any byte string; kept for clarity
        raise ValueError("无法识别文件编码")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _docx_lines(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:  # merged cells repeat: keep each text once per row
                    if not cells or cells[-1] != cell.text.strip():
                        cells.append(cell.text.strip())
                lines.append(" | ".join(cells))
        lines.append("")
    return lines


def paragraphs(lines: list[str]) -> list[str]:
    """Join lines a page break or a hard wrap cut in the middle of a sentence; keep headings apart."""
    out: list[str] = []
    for line in (l.strip() for l in lines):
        if not line:
            continue
        previous = out[-1] if out else ""
        if (previous and not _is_heading(line) and not _heading_alone(previous) and "|" not in line and "|" not in previous
                and previous[-1] not in SENTENCE_END and len(out) > 1):
            out[-1] = previous + line
        else:
            out.append(line)
    return out


def _heading_alone(line: str) -> bool:
    """A heading with no sentence after it on its line, such as “（一）部门支出情况”."""
    return _is_heading(line) and not re.search(r"[。；，,]", line)


def _is_heading(line: str) -> bool:
    return bool(H1.match(line) or H2.match(line) or (H3.match(line) and not re.match(r"^\d{4}", line)))


# ---- structure ---------------------------------------------------------------------------

def split_title(text: str) -> tuple[str | None, str | None]:
    """A numbered paragraph's headline sentence and the rest: “商务经济指标进入全省第一方阵。全市…”."""
    match = re.match(r"^([^。；，,]{1,30}[。；])(.*)$", text)
    if match and match.group(2).strip():
        return match.group(1), match.group(2).strip()
    if match:
        return match.group(1), None
    if not re.search(r"[。；，,]", text) and len(text) <= 30:
        return text, None  # a heading alone on its line
    return None, text


def structure(paras: list[str]) -> tuple[list[str], list[dict], list[str]]:
    """(title lines, sections, paragraphs before the first heading that are not the title)."""
    title: list[str] = []
    preamble: list[str] = []
    sections: list[dict] = []
    current: list[dict | None] = [None, None, None]  # the open section, level-2 item, level-3 item
    for para in paras:
        if m := H1.match(para):
            section = {"title": m.group(2).strip(), "items": []}
            sections.append(section)
            current = [section, None, None]
            continue
        if (m := H2.match(para)) and current[0] is not None:
            heading, text = split_title(m.group(2).strip())
            item = {"title": heading, "text": text, "items": []}
            current[0]["items"].append(item)
            current = [current[0], item, None]
            continue
        if (m := H3.match(para)) and not re.match(r"^\d{4}", para) and current[0] is not None:
            heading, text = split_title(m.group(2).strip())
            item = {"title": heading, "text": text, "items": []}
            (current[1] or current[0])["items"].append(item)
            current[2] = item
            continue
        target = current[2] or current[1] or current[0]
        if target is None:
            (title if len(title) < 2 and not re.search(r"[。；]", para) and not preamble else preamble).append(para)
        else:
            target["text"] = f"{target['text']}\n{para}" if target.get("text") else para
    return title, [_clean(s) for s in sections], preamble


def _clean(node: dict) -> dict:
    out = {k: v for k, v in node.items() if v not in (None, [], "")}
    if "items" in out:
        out["items"] = [_clean(i) for i in out["items"]]
    return out


# ---- figures -------------------------------------------------------------------------

def amount(text: str, label: str) -> float | None:
    """The amount right after a label (“基本支出 1,390.81 万元”, “基本支出 | 1390.81”), not “基本支出占比”."""
    match = re.search(label + r"(?:数)?\s*(?:为|[:|])?\s*" + NUMBER + r"\s*(?:万元|元)?", text)
    return float(match.group(1).replace(",", "")) if match else None


def percent_after(text: str, label: str) -> float | None:
    match = re.search(label + r"[^。；|]{0,20}?" + NUMBER + r"\s*%", text)
    return float(match.group(1).replace(",", "")) if match else None


def extract(paras: list[str], title_text: str) -> tuple[dict, list[str], list[str]]:
    """Key figures from the whole text; (values by report path, found, missing)."""
    text = "\n".join(paras).translate(FULL_WIDTH)
    flat = re.sub(r"\s*\|\s*", " | ", text)
    values: dict = {}
    found, missing = [], []

    def record(label: str, path: tuple, value) -> None:
        if value is None:
            missing.append(label)
            return
        node = values
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        found.append(f"{label}：{value}")

    year = re.search(r"(20\d{2})\s*年", title_text.translate(FULL_WIDTH))
    record("年度", ("year",), int(year.group(1)) if year else None)
    kind = "project" if "项目支出" in title_text or "项目绩效" in title_text else "department"
    values["kind"] = kind
    found.append(f"报告类型：{kind}")
    dept = re.search(r"年度?\s*(.+?(?:局|委员会|委|办公室|办|厅|院|中心|馆|所|站|队|部|会))", title_text.translate(FULL_WIDTH))
    record("部门名称", ("department", "name"), dept.group(1).strip() if dept else None)
    grade = re.search(r"(?:自评结果|评价结果|自评等级|评价等级|等级)(?:为|是|[:：])?\s*[“\"]?(优秀|良好|中等|较差|优|良|中|差)", text)
    record("自评等级", ("result", "grade"), GRADE_WORDS[grade.group(1)] if grade else None)
    score = re.search(r"(?:自评)?(?:总)?得分(?:为|[:：])?\s*" + NUMBER + r"\s*分", text)
    record("自评得分", ("result", "score"), float(score.group(1)) if score else None)
    record("本年财政拨款支出", ("spending", "total"), amount(flat, r"(?:本年)?财政拨款支出") or amount(flat, "支出总额"))
    for label, key in (("基本支出", "basic"), ("项目支出", "project"), ("人员经费", "personnel"), ("公用经费", "public")):
        record(label, ("spending", key), amount(flat, label))
    for label, key in (("基本支出", "basic_share"), ("项目支出", "project_share")):
        record(f"{label}占比", ("spending", key), percent_after(flat, label + r"[^。；]*?占"))
    for label, key in (("年初预算", "initial"), ("调整后预算|全年预算", "adjusted"), ("全年执行|执行数", "executed")):
        record(label.split("|")[0] + "数", ("budget", key), amount(flat, f"(?:{label})"))
    record("预算执行率", ("budget", "rate"), percent_after(flat, r"预算执行率"))
    return values, found, missing


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
    for match in re.finditer(r"[一二三四五六七八九十]是([^，,。]{2,20})[，,]\s*(?:分析)?原因(?:是|为|[:：])(.+?。)(?=[一二三四五六七八九十]是|\n|$)", text):
        out.append({"indicator": match.group(1).strip(), "reason": match.group(2).strip()})
    return out


def measures(sections: list[dict]) -> list[str]:
    """The texts under a heading about 改进措施, in order."""
    out: list[str] = []

    def walk(items: list[dict], inside: bool) -> None:
        for item in items:
            here = inside or "措施" in (item.get("title") or "")
            if here and (item.get("text") or item.get("title")) and not item.get("items") and "措施" not in (item.get("title") or ""):
                out.append(((item.get("title") or "") + (item.get("text") or "")).strip())
            walk(item.get("items", []), here)

    for s in sections:
        walk(s.get("items", []), "措施" in s["title"])
    return out


# ---- the draft ---------------------------------------------------------------------------

def build_draft(path: Path) -> Draft:
    paras = paragraphs(read_lines(path))
    title_lines, sections, preamble = structure(paras)
    title = "".join(title_lines)
    values, found, missing = extract(paras, title)
    data: dict = {"schema_version": 1, "kind": values.pop("kind")}
    data.update(values)
    if "department" in data:
        data["department"]["slug"] = slug_for(data["department"]["name"])
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
    steps = measures(sections)
    if steps:
        data["measures"] = steps
        found.append(f"改进措施：{len(steps)} 条")
    if preamble:
        sections.append({"title": "未归类内容", "items": [{"text": p} for p in preamble]})
    if sections:
        data["sections"] = sections
        found.append(f"正文：{len(sections)} 个一级标题")
    return Draft(data, found, missing, preamble)


def slug_for(name: str) -> str:
    """A department's slug from its name in pinyin: 黄石市商务局 -> huangshi-shangwuju."""
    from pypinyin import lazy_pinyin

    city = re.match(r"^(.+?[市县区])(.+)$", name)
    parts = [city.group(1)[:-1], city.group(2)] if city else [name]
    words = ["".join(lazy_pinyin(p)) for p in parts]
    return "-".join(re.sub(r"[^a-z0-9]", "", w.lower()) for w in words if w) or "bumen"


def import_document(path: Path, output: Path | None, data_dir: Path, force: bool = False) -> int:
    """python -m generator import FILE.txt|.docx: write the draft and say what was and was not found."""
    from .validate import validate_data
    from .readers import RawReport
    from .problems import DataError

    draft = build_draft(path)
    year = draft.data.get("year", "未知年度")
    slug = draft.data.get("department", {}).get("slug", path.stem)
    out = output or data_dir / str(year) / f"{slug}.yaml"
    if out.exists() and not force:
        print(f"错误：{out} 已存在。要覆盖它请加 --force，或用 -o 指定另一个文件。", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# yaml-language-server: $schema=../report.schema.json\n"
              f"# 由 python -m generator import 从 {path.name} 生成的草稿：请核对每一项，补上缺少的内容。\n")
    out.write_text(header + yaml.safe_dump(draft.data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    if output is None or out.parent != path.parent:
        target = out.parent / path.name
        if not target.exists():
            target.write_bytes(path.read_bytes())  # the source document sits beside its YAML
    print(f"已从 {path} 生成草稿 {out}。")
    print("找到了：" + "；".join(draft.found))
    if draft.missing:
        print("没有找到（请在草稿中补上或删除）：" + "、".join(draft.missing))
    if draft.unplaced:
        print(f"警告：{len(draft.unplaced)} 段文字无法归入章节，已放在“未归类内容”中，请核对：", file=sys.stderr)
        for p in draft.unplaced:
            print(f"  - {p[:60]}", file=sys.stderr)
    try:
        validate_data(RawReport(out, str(out), draft.data, {}))
        print("草稿已通过数据格式检查。")
    except DataError as e:
        print("草稿还需补充（运行 python -m generator check 查看）：", file=sys.stderr)
        for p in e.problems:
            print(f"  - {p.field}: {p.message}", file=sys.stderr)
    return 0
