"""Open data: the whole data set as CSV (UTF-8 with BOM, for Excel), JSON and XLSX, and one report's files.

Column names are Chinese, as on the official forms; the same columns in every format.
"""

from __future__ import annotations

import io
import re
import json
from datetime import datetime
from typing import Literal, get_args, get_origin

import pandas as pd

from .derive import basic_share, execution_rate, project_share, report_url
from .spreadsheet import csv_bytes, text_cells_only
from .validate import Entry

# (column, how to get it from a report entry)
COLUMNS = [
    ("年度", lambda e: e.report.year),
    ("部门", lambda e: e.report.department.name),
    ("部门标识", lambda e: e.report.department.slug),
    ("地区", lambda e: e.report.department.region),
    ("报告类型", lambda e: e.report.kind_name),
    ("项目", lambda e: e.report.project.name if e.report.project else None),
    ("标题", lambda e: e.report.title),
    ("自评等级", lambda e: e.report.result.grade),
    ("自评得分", lambda e: e.report.result.score),
    ("金额单位", lambda e: e.report.unit),
    ("本年财政拨款支出", lambda e: e.report.spending.total),
    ("基本支出", lambda e: e.report.spending.basic),
    ("项目支出", lambda e: e.report.spending.project),
    ("人员经费", lambda e: e.report.spending.personnel),
    ("公用经费", lambda e: e.report.spending.public),
    ("基本支出占比（%）", lambda e: _round(basic_share(e.report))),
    ("项目支出占比（%）", lambda e: _round(project_share(e.report))),
    ("年初预算数", lambda e: e.report.budget.initial if e.report.budget else None),
    ("调整后预算数", lambda e: e.report.budget.adjusted if e.report.budget else None),
    ("全年执行数", lambda e: e.report.budget.executed if e.report.budget else None),
    ("预算执行率（%）", lambda e: _round(execution_rate(e.report))),
    ("公开日期", lambda e: e.report.published.isoformat() if e.report.published else None),
    ("报告页面", lambda e: report_url(e)),
]

INDICATOR_COLUMNS = ["年度", "部门标识", "报告页面", "一级指标", "二级指标", "三级指标", "比较方式", "年度指标值",
                     "计量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def reports_frame(entries: list[Entry]) -> pd.DataFrame:
    rows = [{name: get(e) for name, get in COLUMNS} for e in entries]
    return pd.DataFrame(rows, columns=[name for name, _ in COLUMNS])


def indicators_frame(entries: list[Entry]) -> pd.DataFrame:
    rows = []
    for e in entries:
        for i in e.report.indicators:
            rows.append([e.report.year, e.report.department.slug, report_url(e), i.level1, i.level2, i.name, i.operator,
                         i.target, i.unit, i.actual, i.weight, i.score, i.note])
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    values = frame.astype(object).where(frame.notna(), None)
    return csv_bytes([list(frame.columns), *values.itertuples(index=False)])


def to_json(entries: list[Entry]) -> str:
    reports = [{"url": report_url(e), **e.report.model_dump(mode="json")} for e in entries]
    # Compact: the whole data set is large, and indent would force the slow pure-Python encoder.
    return json.dumps({"schema_version": 1, "reports": reports}, ensure_ascii=False, separators=(",", ":")) + "\n"


def to_xlsx(entries: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        reports_frame(entries).to_excel(writer, index=False, sheet_name="报告")
        indicators_frame(entries).to_excel(writer, index=False, sheet_name="绩效指标")
        text_cells_only(writer.book)  # a name such as =HYPERLINK(...) stays text (spreadsheet.py)
        # A fixed timestamp: the same data gives the same file, build after build.
        writer.book.properties.created = writer.book.properties.modified = datetime(2000, 1, 1)
    return _zip_without_times(buffer.getvalue())


def _zip_without_times(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed member dates, so that it is byte-identical between builds."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(fixed, content)
    return out.getvalue()


DATASET_FILES = ("data/reports.csv", "data/indicators.csv", "data/reports.json", "data/reports.xlsx")


def dataset_files(entries: list[Entry]) -> dict[str, str | bytes]:
    """The whole data set, below docs/data/ (the paths of DATASET_FILES)."""
    ordered = sorted(entries, key=lambda e: (e.report.year, e.report.department.slug, e.stem))
    return dict(zip(DATASET_FILES, (to_csv(reports_frame(ordered)), to_csv(indicators_frame(ordered)),
                                    to_json(ordered), to_xlsx(ordered))))


def report_csv(entry: Entry) -> bytes:
    """One report's row; without pandas, which costs more than the row per report."""
    return csv_bytes([[name for name, _ in COLUMNS], [get(entry) for _, get in COLUMNS]])


def field_dictionary() -> list[dict]:
    """Every field of the data contract, walked from the model itself, so the 字段说明 page cannot drift from it."""
    from pydantic import BaseModel

    from .model import Report
    from .validate import _model_of

    rows: list[dict] = []

    def walk(model: type[BaseModel], prefix: str, seen: tuple) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}{name}"
            inner = _model_of(info.annotation)
            is_list = "list[" in str(info.annotation)
            rows.append({
                "path": path + ("[]" if is_list else ""),
                "title": info.title or "",
                "type": _type_name(info.annotation, inner, is_list),
                "required": info.is_required(),
                "description": info.description or "",
            })
            if inner is not None and inner not in seen:
                walk(inner, path + ("[]." if is_list else "."), seen + (inner,))

    walk(Report, "", (Report,))
    return rows


def _type_name(annotation, inner, is_list: bool) -> str:
    if inner is not None:
        return "列表" if is_list else "映射"
    if get_origin(annotation) is Literal:
        return "取值：" + "、".join(str(a) for a in get_args(annotation))
    text = str(annotation)
    if "float" in text and "str" in text:
        return "数字或文字"
    for word, name in (("float", "数字"), ("int", "整数"), ("date", "日期")):
        if word in text:
            return name
    return "文字"
