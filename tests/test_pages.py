"""Every page in a real Chromium: crawl, accessibility (axe-core), phones, dark mode, print, larger text.
Screenshots land in test-artifacts/ for people to look at."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from .conftest import ROOT
from .test_browser import drawn_charts, follow, instant_navigation_ready
from .test_crawl import visit
from .test_phones import PHONE

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"


AXE_PAGES = {
    "overview": "", "year": "2023/", "department": "departments/shili-jiaoyuju/", "report": "2023/shili-jiaoyuju/",
    "project report": "2023/shili-jiaoyuju-xiaoyuan-anquan/", "open data": "data/", "staff guide": "guide/",
}


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))""")
    return found


@pytest.mark.parametrize("name", AXE_PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, demo_site, name, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    visit(page, demo_site.url + AXE_PAGES[name])
    assert axe_violations(page) == []
    context.close()


def test_charts_describe_themselves_in_chinese_and_carry_their_data(browser, demo_site):
    context = browser.new_context()
    page = context.new_page()
    visit(page, demo_site.url + AXE_PAGES["report"])
    labels = page.eval_on_selector_all(".jx-chart[data-chart]", "els => els.map(e => e.getAttribute('aria-label'))")
    assert labels and all("图表" in label for label in labels)  # ECharts' ARIA description, in Chinese
    # Each chart's numbers stand in a table: its own, or for the budget and spending charts the
    # page's 预算执行和资金来源 / 支出情况 table, which holds the same amounts.
    tables = dict(page.eval_on_selector_all(".jx-chart-figure", "figs => figs.map(f => [f.id, !!f.querySelector('table tbody tr')])"))
    assert tables and all(own or key in ("chart-budget", "chart-spending") for key, own in tables.items())
    for key, section in (("chart-budget", "money"), ("chart-spending", "spending")):
        if key in tables and not tables[key]:
            numbers = page.eval_on_selector(f"#{key} .jx-chart", "c => JSON.parse(c.dataset.chart).series[0].data.map(d => d.value ?? d)")
            text = page.inner_text(f"#{section} + .jx-table-wrap table")
            assert numbers and all(str(n).removesuffix(".0") in text.replace(",", "") for n in numbers), (key, numbers)
    context.close()


def test_everything_a_mouse_does_the_keyboard_does(browser, demo_site):
    context = browser.new_context()
    page = context.new_page()
    visit(page, demo_site.url + "2023/")
    # Tab to the first sortable header and sort with Enter; open a chart's data table with the keyboard.
    page.focus("#reports-2023 thead th:nth-child(5) button")
    page.keyboard.press("Enter")
    assert page.get_attribute("#reports-2023 thead th:nth-child(5)", "aria-sort") == "ascending"
    page.focus(".jx-chart-data summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.jx-chart-data').open")
    page.focus(".jx-large-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute(".jx-large-toggle", "aria-pressed") == "true"
    context.close()


def test_screenshots_of_the_overview_and_a_report_at_phone_and_desktop_size(browser, real_site):
    ARTIFACTS.mkdir(exist_ok=True)
    for size_name, viewport in (("phone", PHONE), ("desktop", {"width": 1280, "height": 900})):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for page_name, path in (("overview", ""), ("report", "2021/huangshi-shangwuju/")):
            visit(page, real_site.url + path)
            target = ARTIFACTS / f"{page_name}-{size_name}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
        context.close()


def test_dark_mode_survives_ten_instant_navigations_without_leaking_charts(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    visit(page, demo_site.url)
    instant_navigation_ready(page)
    page.evaluate("window.__sameDocument = true")
    # Instant navigation is between the index pages (a report or department page loads as a page
    # of its own: generator/sitemaps.py): back and forth between the home page and the years' pages,
    # all with charts.
    route = ["2023/", "", "2022/", "", "2021/", "", "2023/", "", "2022/", ""]
    for path in route:
        follow(page, f"a[href='{demo_site.url}{path}']", demo_site.url + path)
        counts = drawn_charts(page)
        assert counts["drawn"] == counts["containers"] == counts["live"], path
        assert page.evaluate("window.jxCharts.theme()") == "dark"
        # No chart instance of a page left behind is still alive.
        assert page.evaluate("window.jxCharts.alive()") == counts["containers"], path
    assert page.evaluate("window.__sameDocument === true")
    context.close()


def test_a_report_prints_as_a_clean_document(browser, real_site):
    from pypdf import PdfReader

    context = browser.new_context()
    page = context.new_page()
    visit(page, real_site.url + "2021/huangshi-shangwuju/")
    pdf = page.pdf(format="A4", print_background=True)
    (ARTIFACTS).mkdir(exist_ok=True)
    (ARTIFACTS / "report.pdf").write_bytes(pdf)
    # Fonts map some characters to Kangxi radicals (⽀ for 支); NFKC folds most of them back.
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pages))
    text = text.replace(" ", "").replace("\n", "")
    for figure in ("8483.1", "1390.81", "7092.29", "4260.18", "98.8%"):
        assert figure in text  # key figures: in the summary, the tables and the report's own text
    # Each number once in the summary and tables (and once more where the report's text says it):
    # the charts and their data tables, pictures of the same numbers, are not printed.
    assert text.count("1390.81") == 2 and "图表数据" not in text
    assert len(pages) <= 3  # the source is about two pages of A4; it was 8 with the charts
    assert "商务局" in text and "消费券" in text and "支出结构" in text
    assert "开放数据" not in text and "搜索" not in text  # no navigation, no search
    assert f"网址:{real_site.url}2021/huangshi-shangwuju/" in text and re.search(r"数据更新于20\d\d-\d\d-\d\d", text)
    page.emulate_media(media="print")
    hidden = page.evaluate("['.md-header', '.md-tabs', '.md-sidebar--primary', '.jx-chart-figure']"
                           ".map(s => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none", "none", "none", "none"]
    context.close()


def test_larger_text_is_a_visible_switch_remembered_across_pages_and_charts_follow(browser, real_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    visit(page, real_site.url + "2021/huangshi-shangwuju/")
    switch = page.locator(".jx-large-toggle")
    assert switch.is_visible() and switch.inner_text() == "大字"
    size = "() => parseFloat(getComputedStyle(document.querySelector('.jx-text p')).fontSize)"
    chart_font = "() => Math.max(...[...document.querySelectorAll('.jx-chart svg text')].map(t => parseFloat(getComputedStyle(t).fontSize)))"
    before, chart_before = page.evaluate(size), page.evaluate(chart_font)
    switch.click()
    page.wait_for_function(f"({chart_font})() > {chart_before}")
    assert page.evaluate(size) > before * 1.2
    page.goto(real_site.url + "about/")  # a full page load: the choice is remembered
    assert page.evaluate("document.documentElement.hasAttribute('data-jx-large')")
    assert page.get_attribute(".jx-large-toggle", "aria-pressed") == "true"
    page.click(".jx-large-toggle")
    assert not page.evaluate("document.documentElement.hasAttribute('data-jx-large')")
    context.close()
