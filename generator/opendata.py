"""Open data: the whole data set as CSV (UTF-8 with BOM, for Excel), JSON and XLSX, and one report's files.

Column names are Chinese, as on the official forms; the same columns in every format.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime

import pandas as pd

from .columns import OPEN_DATA, row
from .derive import Record
from .spreadsheet import csv_bytes, text_cells_only

FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # a zip's member dates
INDICATOR_COLUMNS = ["年度", "部门标识", "报告页面", "一级指标", "二级指标", "三级指标", "比较方式", "年度指标值",
                     "计量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def reports_frame(records: list[Record]) -> pd.DataFrame:
    return pd.DataFrame([row(rec, OPEN_DATA) for rec in records], columns=[c.title for c in OPEN_DATA])


def indicators_frame(records: list[Record]) -> pd.DataFrame:
    rows = []
    for rec in records:
        r = rec.report
        for i in r.indicators:
            rows.append([r.year, r.department.slug, rec.url, i.level1, i.level2, i.name, i.operator,
                         i.target, i.unit, i.actual, i.weight, i.score, i.note])
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    values = frame.astype(object).where(frame.notna(), None)
    return csv_bytes([list(frame.columns), *values.itertuples(index=False)])


def report_json(rec: Record) -> str:
    """One report as reports.zip holds it. Compact: indentation adds half again."""
    data = {"schema_version": 1, "url": rec.url, **rec.report.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def reports_in_zip(data: bytes) -> list[dict]:
    """The reports a reports.zip holds, in its order: for tests, and for anyone reusing the data."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [json.loads(archive.read(name)) for name in archive.namelist()]


def _member(name: str) -> zipfile.ZipInfo:
    """A zip member with a fixed date, deflated: the same data gives the same bytes."""
    member = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    member.compress_type = zipfile.ZIP_DEFLATED
    return member


def to_zip(records: list[Record]) -> bytes:
    """Every report's JSON, one file each (<year>/<slug>.json, as below data/), compressed one by
    one: the whole data set in a quarter of the bytes a single reports.json took."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for rec in records:
            archive.writestr(_member(f"{rec.report.year}/{rec.entry.stem}.json"), report_json(rec))
    return out.getvalue()


def to_xlsx(records: list[Record]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        reports_frame(records).to_excel(writer, index=False, sheet_name="报告")
        indicators_frame(records).to_excel(writer, index=False, sheet_name="绩效指标")
        text_cells_only(writer.book)  # a name such as =HYPERLINK(...) stays text (spreadsheet.py)
        # A fixed timestamp: the same data gives the same file, build after build.
        writer.book.properties.created = writer.book.properties.modified = datetime(2000, 1, 1)
    return _zip_without_times(buffer.getvalue())


def _zip_without_times(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed member dates, so that it is byte-identical between builds."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(_member(info.filename), content)
    return out.getvalue()


DATASET_FILES = ("data/reports.csv", "data/indicators.csv", "data/reports.zip", "data/reports.xlsx")


def dataset_files(records: list[Record]) -> dict[str, str | bytes]:
    """The whole data set, below docs/data/ (the paths of DATASET_FILES)."""
    ordered = sorted(records, key=lambda rec: (rec.report.year, rec.report.department.slug, rec.entry.stem))
    return dict(zip(DATASET_FILES, (to_csv(reports_frame(ordered)), to_csv(indicators_frame(ordered)),
                                    to_zip(ordered), to_xlsx(ordered))))

