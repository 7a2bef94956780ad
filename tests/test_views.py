"""The views across reports, on the demo data set: the figures on the pages are the data's."""

import csv
import functools
import html as htmllib
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator import derive

from .conftest import DATA, DEMO, ROOT

BANNER = "示例数据，非真实数据"


@functools.cache  # read once: the demo data does not change during the run
def reports() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) | {"_stem": p.stem} for p in sorted(DEMO.glob("*/*.yaml"))]


def num(x: float) -> str:
    """A number as the pages write it (no trailing .0), computed here independently of the generator."""
    return str(int(x)) if float(x).is_integer() else str(x)


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def charts_of(html: str) -> dict[str, dict]:
    """Chart options by container id."""
    found = re.findall(r"<figure class=\"jx-chart-figure\" id=\"chart-([^\"]+)\">.*?data-chart='([^']*)'", html, re.S)
    return {key: json.loads(htmllib.unescape(option)) for key, option in found}


def rows_of(html: str, table_id: str) -> list[str]:
    table = html[html.index(f'id="{table_id}"'):]
    table = table[: table.index("</table>")]
    return re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>"):], re.S)


@pytest.fixture(scope="module")
def site(demo_site) -> Path:
    return demo_site.path


# The demo data set itself

def test_the_demo_data_set_covers_what_previews_and_tests_need():
    rs = reports()
    departments = {r["department"]["slug"] for r in rs}
    years = {r["year"] for r in rs}
    assert len(departments) >= 8 and len(years) >= 3
    assert {r["result"]["grade"] for r in rs} == {"优", "良", "中", "差"}
    assert any(r["kind"] == "project" for r in rs)
    assert any(r["result"]["score"] is None for r in rs) and any(r["result"]["score"] is not None for r in rs)
    assert any(r.get("budget") for r in rs) and any(r.get("indicators") for r in rs)
    years_of = {d: {r["year"] for r in rs if r["department"]["slug"] == d} for d in departments}
    assert any(ys != years for ys in years_of.values()), "some department should appear in only some years"


def test_the_demo_data_set_is_what_its_script_makes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "examples/make_demo.py"), str(tmp_path)], check=True, capture_output=True)
    made = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*.yaml")}
    committed = {p.relative_to(DEMO): p.read_bytes() for p in DEMO.rglob("*.yaml")}
    assert made == committed


def test_invented_data_says_so_on_every_page_and_real_data_does_not(site, real_site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    banner = f'<p class="jx-sample-banner" role="note"><strong>{BANNER}</strong>'
    assert [p for p in pages if banner not in p.read_text(encoding="utf-8")] == []
    assert [p for p in real_site.path.rglob("*.html") if banner in p.read_text(encoding="utf-8")] == []


def test_the_deploy_never_publishes_the_demo():
    assert not (DATA / "dataset.yaml").exists() or not yaml.safe_load((DATA / "dataset.yaml").read_text())["sample"]
    deploy = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    assert "examples" not in deploy and "make demo" not in deploy
    assert all(r["department"]["name"].startswith("示例") for r in reports())


# Overview, year, department

def test_the_overview_has_the_latest_years_figures(site):
    rs = [r for r in reports() if r["year"] == max(r["year"] for r in reports())]
    html = page(site, "/")
    stats = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)<", html))
    assert stats["报告"] == str(len(rs))
    total = sum(r["spending"]["total"] for r in rs if r["kind"] == "department")
    # From 10,000 万元 on, in 亿元, the exact figure in 万元 beside it.
    shown = float(stats["部门本年财政拨款支出合计"]) * (10000 if total >= 10000 else 1)
    assert shown == pytest.approx(total, abs=50 if total >= 10000 else 0.01)
    if total >= 10000:
        assert f"亿元（{derive.fmt(round(total, 2))} 万元）" in html
    grades = Counter(r["result"]["grade"] for r in rs)
    for g in "优良中差":
        assert stats[f"自评等级“{g}”"] == str(grades[g])
    assert len(rows_of(html, "reports-latest")) == len(rs)
    assert 'name="q"' in html  # the search box


def test_a_year_page_lists_its_reports_and_charts_the_data(site):
    rs = [r for r in reports() if r["year"] == 2022]
    html = page(site, "/2022/")
    rows = rows_of(html, "reports-2022")
    assert len(rows) == len(rs)
    for r in rs:
        assert any(f'href="../2022/{r["_stem"]}/"' in row and f">{num(r['spending']['total'])}<" in row
                   for row in rows), r["_stem"]
    charts = charts_of(html)
    # Each slice is named with its count ("优 5 份"): the legend is the labels, which a ring cuts on a phone.
    grades = {d["name"].split()[0]: d["value"] for d in charts["grades"]["series"][0]["data"]}
    assert all(d["name"] == f"{d['name'].split()[0]} {d['value']} 份" for d in charts["grades"]["series"][0]["data"])
    assert grades == {g: n for g, n in Counter(r["result"]["grade"] for r in rs).items()}
    ranking = charts["ranking"]["series"][0]["data"]
    assert ranking == sorted((r["spending"]["total"] for r in rs if r["kind"] == "department"), reverse=True)[:20]
    assert "project-share" in charts


def test_a_department_page_shows_every_year_and_the_changes(site):
    rs = sorted((r for r in reports() if r["department"]["slug"] == "shili-jiaoyuju"), key=lambda r: r["year"])
    own = [r for r in rs if r["kind"] == "department"]
    html = page(site, "/departments/shili-jiaoyuju/")
    for r in rs:
        assert f'href="../../{r["year"]}/{r["_stem"]}/"' in html
    trend = charts_of(html)["trend"]
    assert trend["xAxis"][0]["data"] == [str(r["year"]) for r in own]
    assert [p[1] if isinstance(p, list) else p for p in trend["series"][0]["data"]] == [r["spending"]["total"] for r in own]
    before, after = own[0]["spending"]["total"], own[1]["spending"]["total"]
    way = "增加" if after > before else "减少"
    assert f"比上年{way} {num(round(abs(after - before), 2))} 万元" in html
    assert "项目支出绩效自评" in html


# Report pages

def test_a_report_page_groups_its_indicators_and_charts_them(site):
    r = next(r for r in reports() if r["kind"] == "department" and r.get("indicators"))
    html = page(site, f"/{r['year']}/{r['_stem']}/")
    for ind in r["indicators"]:
        assert f'<td class="jx-name">{ind["name"]}</td>' in html
    for level1 in {i["level1"] for i in r["indicators"]}:
        assert 'scope="rowgroup"' in html and f">{level1}</th>" in html
    charts = charts_of(html)
    weights = {}
    for ind in r["indicators"]:
        weights[ind["level1"]] = weights.get(ind["level1"], 0) + ind["weight"]
    assert charts["scores"]["series"][0]["data"] == [round(w, 2) for w in weights.values()]
    budget = charts["budget"]["series"][0]["data"]
    assert budget == [r["budget"]["initial"], r["budget"]["adjusted"], r["budget"]["executed"]]
    assert "首页</a> › " in html  # breadcrumbs


def test_a_project_report_has_its_own_layout(site):
    r = next(r for r in reports() if r["kind"] == "project")
    html = page(site, f"/{r['year']}/{r['_stem']}/")
    funds = charts_of(html)["funds"]
    assert funds["yAxis"][0]["data"] == [f["source"] for f in r["funds"]]
    assert funds["series"][1]["data"] == [f["executed"] for f in r["funds"]]
    for heading in ("自评结论", "资金来源与执行", "年度目标及完成情况", "绩效指标", "存在的问题", "改进措施"):
        assert f">{heading}<" in html
    for text in r["problems"] + r["measures"] + [r["conclusion"], r["goals"][0]["goal"]]:
        assert text in html


def test_each_charts_data_downloads_as_csv_beside_it(site):
    html = page(site, "/2022/")
    for key in charts_of(html):
        assert f'href="chart-{key}.csv"' in html
        rows = list(csv.reader(io.StringIO((site / "2022" / f"chart-{key}.csv").read_text(encoding="utf-8-sig"))))
        table = html[html.index(f'id="chart-{key}"'):]
        assert len(rows) - 1 == table[: table.index("</table>")].count("<tr><th scope=\"row\">")
    grades = list(csv.reader(io.StringIO((site / "2022/chart-grades.csv").read_text(encoding="utf-8-sig"))))
    counts = Counter(r["result"]["grade"] for r in reports() if r["year"] == 2022)
    assert {g: int(n) for g, n in grades[1:]} == {g: counts[g] for g in "优良中差"}


# Feed and sitemap

def test_the_feed_is_valid_atom_newest_first_linking_to_real_pages(site, demo_site):
    root = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == min(50, len(reports()))
    dates = [e.find("a:updated", ns).text for e in entries]
    assert dates == sorted(dates, reverse=True)
    for e in entries:
        href = e.find("a:link", ns).get("href")
        assert href.startswith(demo_site.url)
        assert (site / href[len(demo_site.url):] / "index.html").is_file()
    # Feed readers look for the "alternate" token with the Atom type.
    assert '<link rel="alternate feed" type="application/atom+xml"' in page(site, "/about/")


def test_the_sitemaps_are_valid_xml_and_list_every_page_once(site, demo_site):
    """sitemap.xml holds the index pages (Material's instant navigation reads it on every first
    visit); sitemap-index.xml adds a sitemap per year of reports and one of department pages."""
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(site / "sitemap-index.xml").getroot()
    sitemaps = [loc.text for loc in index.iter(ns + "loc")]
    assert sitemaps[0] == demo_site.url + "sitemap.xml"
    listed = {name: [loc.text for loc in ET.parse(site / name[len(demo_site.url):]).getroot().iter(ns + "loc")]
              for name in sitemaps}
    every = [loc for locs in listed.values() for loc in locs]
    assert len(every) == len(set(every))
    for r in reports():
        assert f"{demo_site.url}sitemaps/reports-{r['year']}.xml" in listed
        assert f"{demo_site.url}{r['year']}/{r['_stem']}/" in listed[f"{demo_site.url}sitemaps/reports-{r['year']}.xml"]
    own = listed[demo_site.url + "sitemap.xml"]
    assert demo_site.url + "2023/" in own and demo_site.url + "departments/" in own
    assert not [u for u in own if re.search(r"/(20\d\d|departments)/[^/]+/$", u)]
    pages = {demo_site.url + (rel[: -len("index.html")]) for p in site.rglob("index.html")
             if not (rel := p.relative_to(site).as_posix()).startswith(("assets/", "pagefind"))}
    assert pages - set(every) == set()


def test_the_whole_data_set_downloads_parse_back_to_the_data(site):
    import pandas as pd

    rs = {(r["year"], r["_stem"]): r for r in reports()}
    frame = pd.read_csv(site / "data/reports.csv", encoding="utf-8-sig")
    assert len(frame) == len(rs)
    for _, row in frame.iterrows():
        r = rs[(row["年度"], row["报告页面"].split("/")[1])]
        assert row["本年财政拨款支出"] == r["spending"]["total"] and row["自评等级"] == r["result"]["grade"]
    indicators = pd.read_csv(site / "data/indicators.csv", encoding="utf-8-sig")
    assert len(indicators) == sum(len(r.get("indicators") or []) for r in rs.values())
    assert indicators["得分"].sum() == pytest.approx(sum(i["score"] for r in rs.values() for i in r.get("indicators") or []))
    from generator.opendata import reports_in_zip

    assert sorted(r["url"] for r in reports_in_zip((site / "data/reports.zip").read_bytes())) == sorted(
        f"{year}/{slug}/" for year, slug in rs)
    xlsx = pd.read_excel(site / "data/reports.xlsx", sheet_name="绩效指标")
    assert len(xlsx) == len(indicators)


def test_at_a_provinces_scale_the_home_page_lists_the_newest_reports_and_links_to_the_rest(monkeypatch):
    from generator import derive, render
    from generator.loading import load

    monkeypatch.setattr(render, "HOME_REPORTS", 5)
    entries = load(DEMO).entries
    pages = {p.path: p for p in render.render_indexes(render.make_env(), derive.derive(entries))}
    home = pages["index.md"].markdown
    latest = max(r["year"] for r in reports())
    rs = [r for r in reports() if r["year"] == latest]
    assert len(rows_of(home, "reports-latest")) == 5 < len(rs)
    assert f"共 {len(rs)} 份报告，这里列出最近公开的 5 份" in home and f'<a href="{latest}/">' in home
    # The newest by publication date, as the data says: none left out is newer than any shown.
    shown = set(re.findall(rf'href="{latest}/([^/"]+)/"', home.split('id="reports-latest"')[1].split("</table>")[0]))
    published = {r["_stem"]: str(r.get("published") or "") for r in rs}
    assert len(shown) == 5
    assert min(published[s] for s in shown) >= max(published[s] for s in published if s not in shown)
    # The year page still lists every report of the year.
    assert len(rows_of(pages[f"{latest}/index.md"].markdown, f"reports-{latest}")) == len(rs)
