"""Open data: the downloads parse back to the values of the data, in CSV (for Excel), JSON and XLSX."""

import io
import json

import pandas as pd
import pytest
import yaml

from generator import derive, fields, opendata
from generator.loading import load

from .conftest import DATA


@pytest.fixture(scope="module")
def site(real_site):
    return real_site.path


@pytest.fixture(scope="module")
def seed():
    return yaml.safe_load((DATA / "2021/huangshi-shangwuju.yaml").read_text(encoding="utf-8"))


def test_the_csv_opens_in_excel_and_holds_the_figures(site, seed):
    raw = (site / "data/reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    row = frame.iloc[0]
    assert row["部门"] == seed["department"]["name"]
    assert row["本年财政拨款支出"] == seed["spending"]["total"]
    assert row["基本支出"] == seed["spending"]["basic"] and row["项目支出"] == seed["spending"]["project"]
    assert row["项目支出占比（%）"] == seed["spending"]["project_share"]
    assert row["自评等级"] == seed["result"]["grade"]


def test_the_xlsx_has_the_same_rows_as_the_csv(site):
    from_csv = pd.read_csv(site / "data/reports.csv", encoding="utf-8-sig")
    from_xlsx = pd.read_excel(site / "data/reports.xlsx", sheet_name="报告")
    pd.testing.assert_frame_equal(from_csv, from_xlsx, check_dtype=False)
    assert set(pd.ExcelFile(site / "data/reports.xlsx").sheet_names) == {"报告", "绩效指标"}


def test_the_zip_holds_each_whole_report_including_its_text_as_its_page_offers_it(site, seed):
    import zipfile

    with zipfile.ZipFile(site / "data/reports.zip") as archive:
        assert "2021/huangshi-shangwuju.json" in archive.namelist()
        report = json.loads(archive.read("2021/huangshi-shangwuju.json"))
    assert report["url"] == "2021/huangshi-shangwuju/" and report["schema_version"] == 1
    assert report["sections"][0]["title"] == seed["sections"][0]["title"]
    assert report["deviations"] == seed["deviations"]
    # The report's page names its file in the zip.
    page = (site / "2021/huangshi-shangwuju/index.html").read_text(encoding="utf-8")
    assert 'href="../../data/reports.zip"' in page and "<code>2021/huangshi-shangwuju.json</code>" in page


def test_a_report_offers_its_original_and_no_copy_of_what_the_zip_holds(site):
    # Each copy costs GitHub Pages' 1 GB another 10 KB a report (issue 16).
    assert [p.name for p in (site / "data/2021").iterdir()] == ["huangshi-shangwuju.source.txt"]


def test_the_xlsx_is_the_same_file_build_after_build():
    records = derive.derive(load(DATA).entries).records
    assert opendata.to_xlsx(records) == opendata.to_xlsx(records)


def test_the_field_dictionary_lists_every_field_of_the_model(site):
    rows = fields.field_dictionary()
    paths = [r["path"] for r in rows]
    assert "spending.total" in paths and "sections[].items[].figures[].group" in paths
    page = (site / "data/fields/index.html").read_text(encoding="utf-8")
    for r in rows:
        assert f"<code>{r['path']}</code>" in page
    total = next(r for r in rows if r["path"] == "spending.total")
    assert total["title"] == "本年财政拨款支出" and not total["required"] and total["type"] == "数字"
    assert next(r for r in rows if r["path"] == "title")["required"]


def test_the_zip_is_the_same_file_build_after_build():
    records = derive.derive(load(DATA).entries).records
    assert opendata.to_zip(records) == opendata.to_zip(records)


def test_the_data_page_gives_the_licence_the_update_date_and_each_files_size(site):
    import re

    page = (site / "data/index.html").read_text(encoding="utf-8")
    assert 'rel="license noopener"' in page and "CC BY 4.0" in page
    assert re.search(r"数据更新于 20\d\d-\d\d-\d\d", page)
    for name in ("reports.csv", "indicators.csv", "reports.xlsx", "reports.zip", "report.schema.json"):
        size = len((site / "data" / name).read_bytes())
        shown = re.search(re.escape(name) + r"</a>（([\d.]+) (字节|KB|MB)）", page)
        assert shown, name
        number, unit = float(shown.group(1)), shown.group(2)
        assert number * {"字节": 1, "KB": 1024, "MB": 1024 * 1024}[unit] == pytest.approx(size, rel=0.05, abs=1), name
