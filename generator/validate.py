"""Turn raw data into report objects, or into every problem found, in Chinese."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .model import Report
from .importers.limits import has_macros
from .inventory import RESERVED_STEMS
from .problems import DataError, Problem, at_most
from .fields import allowed_keys, field_title, is_required, path_text
from .readers import RawReport


@dataclass(frozen=True)
class Entry:
    """A valid report and where it came from."""

    report: Report
    path: Path  # its YAML file
    name: str  # the path as shown in messages
    lines: dict

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def source_path(self) -> Path | None:
        if self.report.source and self.report.source.file:
            return self.path.parent / self.report.source.file
        return None


def validate_data(raw: RawReport) -> Report:
    """The model's checks alone, for data that is not yet a file in data/ (an import)."""
    problems = unwritable_values(raw)
    try:
        report = Report.model_validate(raw.data)
    except ValidationError as e:
        said = {p.field for p in problems}  # a value out of range is said once, not again as "not a number"
        problems += [problem for err in e.errors() if (problem := _translate(raw, err)).field not in said]
    if problems:
        # In file order: YAML lines as numbers, Excel cells (支出情况!B3) as text.
        problems.sort(key=lambda p: (isinstance(p.line, str), p.line if isinstance(p.line, int) else str(p.line or "")))
        raise DataError(at_most(problems, raw.name))
    return report


# Characters that no file the site writes may carry, or that disguise text: control characters
# but tab and line breaks (XML 1.0, hence openpyxl and lxml, refuse them), lone surrogates (not
# UTF-8), non-characters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, the last two of every plane) and the
# bidirectional overrides that make text read differently from what it is.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                        "\u202a-\u202e\u2066-\u2069"
                        + "".join(f"{chr(p * 0x10000 + 0xfffe)}{chr(p * 0x10000 + 0xffff)}" for p in range(1, 17)) + "]")
LARGEST, SMALLEST = 1e15, 1e-6  # a state's budget in 元 is below 1e13; a fen of a 万元 is 1e-6
MAX_TEXT = 32767  # the most characters an Excel cell holds: the open data's XLSX could not


def unwritable_values(raw: RawReport) -> list[Problem]:
    """Every value that validation would let through but a writer would refuse or mangle:
    invisible characters in any text or key, NaN and infinity anywhere, text too long for a cell."""
    problems: list[Problem] = []

    def report(loc: tuple, message: str) -> None:
        title = field_title(tuple(p for p in loc if isinstance(p, (str, int))))
        named = f"“{title}”" if title else "此项"
        problems.append(Problem(raw.name, raw.line_of(loc), path_text(loc), f"{named}{message}"))

    def walk(value, loc: tuple) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if isinstance(key, str) and UNWRITABLE.search(key):
                    report(loc + (key,), "的键中" + _char_advice(key))
                walk(child, loc + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, loc + (i,))
        elif isinstance(value, float) and not math.isfinite(value):
            report(loc, f"必须是有限的数字，现在是 {value!r}。请填写实际的数字，或删除这一项。")
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and value and not SMALLEST <= abs(value) <= LARGEST:
            # Sums and ratios of such numbers overflow to infinity: charts would not draw, JSON would break.
            report(loc, f"的数值 {_shown(value)} 超出了合理范围（绝对值应在 {SMALLEST:g} 到 {LARGEST:g} 之间，或为 0）。请核对单位和小数点。")
        elif isinstance(value, str):
            if UNWRITABLE.search(value):
                report(loc, "中" + _char_advice(value))
            elif len(value) > MAX_TEXT:
                report(loc, f"有 {len(value)} 个字，超过一个表格单元格能容纳的 {MAX_TEXT} 个字。请按原文的段落分成几个条目。")

    walk(raw.data, ())
    return problems


def _shown(value: int | float) -> str:
    """A number as the message shows it: a 400-digit one by its first digits and its length."""
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:12]}…（共 {len(text.lstrip('-'))} 位）"


def _char_advice(text: str) -> str:
    found = UNWRITABLE.search(text)
    char = found.group()
    before = text[max(0, found.start() - 8): found.start()]
    where = f"，在“{before}”之后" if before.strip() and not UNWRITABLE.search(before) else ""
    return (f"有不能公开的不可见字符 U+{ord(char):04X}（第 {found.start() + 1} 个字{where}）。"
            "它常见于从 Word、PDF 或网页复制的文字：请删除它，或重新输入这段文字。")


def validate(raw: RawReport) -> Entry:
    report = validate_data(raw)
    problems = _check_place(raw, report)
    entry = Entry(report, raw.path, raw.name, raw.lines)
    if problems:
        from .consistency import check_report  # consistency reads Entry from here

        raise DataError(problems + check_report(entry))  # every problem of the file in one round
    return entry


def _check_place(raw: RawReport, report: Report) -> list[Problem]:
    """The file's place must match its content: data/<year>/<slug>.yaml."""
    problems = []
    folder = raw.path.parent.name
    if folder != str(report.year):
        problems.append(Problem(raw.name, raw.line_of(("year",)), "year",
                                f"年度是 {report.year}，但文件放在 {folder}/ 目录下。请把文件移到 data/{report.year}/，或改正年度。"))
    slug, stem = report.department.slug, raw.path.stem
    if report.kind == "department" and stem != slug:
        problems.append(Problem(raw.name, raw.line_of(("department", "slug")), "department.slug",
                                f"部门标识是 {slug}，文件名却是 {stem}.yaml。部门整体自评的文件名应为 {slug}.yaml。"))
    if report.kind == "project" and not stem.startswith(slug + "-"):
        problems.append(Problem(raw.name, raw.line_of(("department", "slug")), "department.slug",
                                f"项目自评的文件名应以“{slug}-”开头，如 {slug}-项目编码.yaml。"))
    if report.kind == "department" and report.project is not None:
        problems.append(Problem(raw.name, raw.line_of(("project",)), "project",
                                "部门整体绩效自评不应填写 project。请删除它，或把 kind 改为 project。"))
    if slug in RESERVED_STEMS:
        problems.append(Problem(raw.name, raw.line_of(("department", "slug")), "department.slug",
                                f"部门标识 {slug} 与网站自动生成的页面同名（/departments/{slug}/ 是部门列表）。请换一个标识。"))
    if report.source and report.source.file:
        advice = source_file_advice(raw.path.parent, report.source.file)
        if advice:
            problems.append(Problem(raw.name, raw.line_of(("source", "file")), "source.file", advice))
    return problems


# The original documents the site offers for download: PDF, OFD, Word (.docx, checked for
# macros), text and images. Not HTML, SVG, Markdown or JSON: served from the site's own address
# they would be pages that run script, pages of the site, or replace its own downloads
# (<slug>.json). Not spreadsheets or the old binary formats (.xls, .doc, .wps, .et): they carry
# live formulas and macros that would run on a reader's computer; a PDF of them does not.
SOURCE_TYPES = (".pdf", ".ofd", ".docx", ".txt", ".jpg", ".jpeg", ".png")
# Characters Windows refuses in file names (a file so named could not be checked out there),
# and control characters, line breaks included, which would break the download's address.
SOURCE_NAME_FORBIDDEN = re.compile(r'[<>:"|?*\\/\x00-\x1f\x7f]')
MAX_NAME_BYTES = 200  # file systems allow 255 bytes, a Chinese character takes 3


def source_file_advice(folder: Path, name: str) -> str | None:
    """Why source.file cannot be published, or None."""
    found = SOURCE_NAME_FORBIDDEN.search(name)
    if found or name.startswith(".") or name != name.strip():
        shown = f"“{found.group()}”" if found and found.group().isprintable() else ("控制字符或换行" if found else "开头的“.”或首尾空格")
        return f"原始文件名中有{shown}，不能作为下载地址。请改名（只用汉字、字母、数字、连字符、下划线和括号等）后再填写。"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"原始文件名太长（{len(name)} 个字）。请改成一个短一些的名字，如“2021年度部门整体绩效自评报告.pdf”。"
    if not name.lower().endswith(SOURCE_TYPES):
        return (f"原始文件 {name} 的类型不能在网站上提供下载。可以提供的类型：{'、'.join(SOURCE_TYPES)}。"
                f"Excel、WPS 和旧版 Word（.doc）文件可能带有公式或宏，请另存为 PDF 后再提供。")
    path = folder / name  # directly in folder: the name holds no / or \ and does not start with "."
    try:
        if path.is_symlink():
            return f"原始文件 {name} 是一个符号链接。只公开数据目录中的文件本身：请换成文件本身。"
        if not path.is_file():
            return f"找不到原始文件 {name}。请把它放在 {folder.name}/ 目录下，与本文件同目录，或删除这一项。"
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            return (f"原始文件 {name} 有 {size // 2**20} MB，超过 {MAX_SOURCE_BYTES // 2**20} MB 的上限"
                    f"（GitHub 不接受更大的文件，网站也不宜让读者下载）。请提供压缩后的 PDF，或在 source.url 中给出原文网址。")
        if name.lower().endswith(".docx") and _has_macros(path):
            return f"原始文件 {name} 不是普通的 Word 文档：它含有宏（或已损坏）。请在 Word 中另存为 PDF 或不含宏的 .docx 后再提供。"
    except OSError as e:
        return f"无法读取原始文件 {name}（{e.strerror}）。"
    return None


def _has_macros(path: Path) -> bool:
    """A .docx that is a renamed macro document (.docm), or not a zip at all. Only the zip's
    directory is read: the parts of an original are never unpacked."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return has_macros(b"", z.namelist())
    except (zipfile.BadZipFile, OSError):
        return True


MAX_SOURCE_BYTES = 50 * 2**20


INVISIBLE = re.compile("[\u00a0\u200b\u200c\u200d\u2060\ufeff\u3000]")
FULL_WIDTH_DIGITS = re.compile("[\uff10-\uff19\uff0e\uff0c]")


def number_advice(value) -> str:
    """What to do about a value that should be a number, saying what is wrong with it."""
    text = str(value)
    if FULL_WIDTH_DIGITS.search(text):
        return "其中有全角数字或标点（如 ８４８３．１），请改用半角数字 8483.1。"
    if INVISIBLE.search(text):
        return "其中有不可见字符（不换行空格、零宽空格或全角空格），请删除后重新输入数字。"
    return "请只填阿拉伯数字（半角），不要带单位或逗号。"


def _translate(raw: RawReport, err: dict) -> Problem:
    # pydantic adds the member name of a union (e.g. 'float', 'str') to loc; drop it.
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or not p.startswith(("float", "str", "function-")))
    field = path_text(loc)
    title = field_title(loc)
    named = f"“{title}”" if title else "此项"
    value = err.get("input")
    kind = err["type"]
    ctx = err.get("ctx") or {}
    # The value as the YAML file has it: true, not Python's True; a mapping or list by what it is.
    if isinstance(value, bool):
        shown = f"'{str(value).lower()}'"
    elif isinstance(value, dict):
        shown = "一个映射"
    elif isinstance(value, list):
        shown = "一个列表"
    else:
        shown = repr(value)
    if kind == "missing":
        message = f"缺少必填项{named}。请补上 `{loc[-1]}: ...`。"
    elif value is None:
        message = f"{named}不能为空。请填写。" if is_required(loc) else f"{named}不能为空。请填写，或删除这一项。"
    elif kind == "extra_forbidden":
        key = INVISIBLE.sub("", str(loc[-1]))
        hidden = "（其中有不可见字符，如零宽空格，请删除后重新输入）" if key != str(loc[-1]) else ""
        allowed = allowed_keys(loc[:-1])
        guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"是否想写 `{guess[0]}`？" if guess else f"可用的键有：{'、'.join(allowed)}。"
        message = f"未知的键 `{key}`{hidden}。{hint}"
    elif kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = "、".join(re.findall(r"'([^']*)'", expected)) or expected
        message = f"{named}只能是 {choices} 之一，现在是 {shown}。"
    elif kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        want = "整数" if kind.startswith("int") else "数字"
        message = f"{named}应是{want}，现在是 {shown}。" + number_advice(value)
    elif kind in ("finite_number",):
        message = f"{named}必须是有限的数字，现在是 {shown}。"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": "不能小于", "less_than_equal": "不能大于",
                 "greater_than": "必须大于", "less_than": "必须小于"}[kind]
        limit = next(iter(ctx.values()), "")
        message = f"{named}{bound} {limit}，现在是 {shown}。"
    elif kind == "string_pattern_mismatch":
        if loc and loc[-1] == "slug":
            message = f"{named}只能用小写英文字母、数字和连字符（如 huangshi-shangwuju），现在是 {shown}。"
        elif loc and loc[-1] == "url":
            message = f"{named}应是 http:// 或 https:// 开头的网址，现在是 {shown}。"
        else:
            message = f"{named}的格式不对，现在是 {shown}。"
    elif kind in ("string_too_short",):
        message = f"{named}不能为空。"
    elif kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length", "")
        unit = "个字符" if kind == "string_too_long" else "项"
        message = f"{named}最多 {limit} {unit}，现在有 {ctx.get('actual_length', len(value) if hasattr(value, '__len__') else '')} {unit}。"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"{named}应是 true 或 false，现在是 {shown}。"
    elif kind in ("string_type",):
        message = f"{named}应是文字，现在是 {shown}。如果是数字编码，请加引号。"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{named}应是“键: 值”的映射（下一行缩进填写各项），现在是 {shown}。"
    elif kind in ("list_type",):
        message = f"{named}应是列表（每项以“- ”开头），现在是 {shown}。"
    elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        message = f"{named}应是日期，格式如 2022-05-31，现在是 {shown}。"
    else:  # never the library's English: what is wrong, in words staff read
        message = f"{named}的值 {shown} 不符合数据格式的要求。请对照网站“开放数据 → 字段说明”中这一项的说明修改。"
    return Problem(raw.name, raw.line_of(loc), field, message)
