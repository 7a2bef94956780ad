"""Turn raw data into report objects, or into every problem found, in Chinese."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .model import Report
from .problems import DataError, Problem
from .readers import RawReport, _dotted


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
    try:
        return Report.model_validate(raw.data)
    except ValidationError as e:
        problems = [_translate(raw, err) for err in e.errors()]
        # In file order: YAML lines as numbers, Excel cells (支出情况!B3) as text.
        raise DataError(sorted(problems, key=lambda p: (isinstance(p.line, str), p.line if isinstance(p.line, int) else str(p.line or "")))) from None


def validate(raw: RawReport) -> Entry:
    report = validate_data(raw)
    problems = _check_place(raw, report)
    if problems:
        raise DataError(problems)
    return Entry(report, raw.path, raw.name, raw.lines)


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
    if report.kind == "project" and report.project is None:
        problems.append(Problem(raw.name, raw.line_of(("kind",)), "project",
                                "项目支出绩效自评必须填写 project（项目名称）。"))
    if report.kind == "department" and report.project is not None:
        problems.append(Problem(raw.name, raw.line_of(("project",)), "project",
                                "部门整体绩效自评不应填写 project。请删除它，或把 kind 改为 project。"))
    if report.source and report.source.file and not (raw.path.parent / report.source.file).is_file():
        problems.append(Problem(raw.name, raw.line_of(("source", "file")), "source.file",
                                f"找不到原始文件 {report.source.file}。请把它放在 {raw.path.parent.name}/ 目录下，与本文件同目录，或删除这一项。"))
    return problems


def field_title(loc: tuple, model: type[BaseModel] = Report) -> str:
    """The Chinese title of the field at loc, e.g. ('spending', 'total') -> 本年财政拨款支出."""
    title = ""
    current = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return title
        title = info.title or part
        current = _model_of(info.annotation)
    return title


def _model_of(annotation):
    """The pydantic model inside Optional[...] or list[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None


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


def _is_required(loc: tuple) -> bool:
    current = Report
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if current else None
        if info is None:
            return False
        if part == loc[-1]:
            return info.is_required()
        current = _model_of(info.annotation)
    return False


def _allowed_keys(loc: tuple) -> list[str]:
    current = Report
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _model_of(info.annotation) if info else None
        if current is None:
            return []
    return list(current.model_fields)


def _translate(raw: RawReport, err: dict) -> Problem:
    # pydantic adds the member name of a union (e.g. 'float', 'str') to loc; drop it.
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or not p.startswith(("float", "str", "function-")))
    field = _dotted(loc)
    title = field_title(loc)
    named = f"“{title}”" if title else "此项"
    value = err.get("input")
    kind = err["type"]
    ctx = err.get("ctx") or {}
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if kind == "missing":
        message = f"缺少必填项{named}。请补上 `{loc[-1]}: ...`。"
    elif value is None:
        message = f"{named}不能为空。请填写。" if _is_required(loc) else f"{named}不能为空。请填写，或删除这一项。"
    elif kind == "extra_forbidden":
        key = INVISIBLE.sub("", str(loc[-1]))
        hidden = "（其中有不可见字符，如零宽空格，请删除后重新输入）" if key != str(loc[-1]) else ""
        allowed = _allowed_keys(loc[:-1])
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
    elif kind in ("string_type",):
        message = f"{named}应是文字，现在是 {shown}。如果是数字编码，请加引号。"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{named}应是“键: 值”的映射（下一行缩进填写各项），现在是 {shown}。"
    elif kind in ("list_type",):
        message = f"{named}应是列表（每项以“- ”开头），现在是 {shown}。"
    elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        message = f"{named}应是日期，格式如 2022-05-31，现在是 {shown}。"
    else:
        message = f"{named}的值 {shown} 不符合要求（{err['msg']}）。"
    return Problem(raw.name, raw.line_of(loc), field, message)
