"""What a citizen sees first, in a real Chromium at 360, 390 and 1366 px, for each page type: the
report's summary on the first screen, nothing wider than the screen (stacked tables included),
the page's own title, description and language. Screenshots land in test-artifacts/first-screen/
for people to look at. (Its own module, so that the test runner can run it beside the others.)"""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT
from .test_crawl import visit

SIZES = {360: 780, 390: 844, 1366: 900}
PAGES = {"report": "2023/shili-jiaoyuju/", "project report": "2023/shili-jiaoyuju-xiaoyuan-anquan/", "year": "2023/",
         "department": "departments/shili-jiaoyuju/", "overview": "", "open data": "data/"}
SHOTS = ROOT / "test-artifacts" / "first-screen"


@pytest.mark.parametrize("width", SIZES)
def test_each_page_type_fits_the_screen_and_a_reports_summary_is_on_its_first_screen(browser, demo_site, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": SIZES[width]}, has_touch=width < 600)
    page = context.new_page()
    for name, path in PAGES.items():
        visit(page, demo_site.url + path)
        page.screenshot(path=str(SHOTS / f"{name.replace(' ', '-')}-{width}.png"))
        sizes = page.evaluate("""() => ({
            page: document.documentElement.scrollWidth,
            // Every cell of every table, stacked or not: none may reach past the screen's edge.
            cells: Math.max(0, ...[...document.querySelectorAll('.jx-stack td, .jx-stack th')]
                .filter(c => c.offsetParent !== null).map(c => c.getBoundingClientRect().right)),
            summaryBottom: (document.querySelector('.jx-summary-row:last-child') || {getBoundingClientRect: () => ({bottom: 0})})
                .getBoundingClientRect().bottom,
        })""")
        assert sizes["page"] <= width, (name, sizes)
        if page.locator("td.jx-num").count():  # numbers line up on the right in a table; stacked, on the left
            align = "right" if width > 600 else "left"
            assert page.evaluate("""align => [...document.querySelectorAll('td.jx-num')].every(c =>
                getComputedStyle(c).textAlign === align && getComputedStyle(c).fontVariantNumeric === 'tabular-nums')""", align), name
        assert sizes["cells"] <= width, (name, sizes)
        if name.endswith("report"):
            assert 0 < sizes["summaryBottom"] <= SIZES[width], (name, sizes)  # the whole summary, unscrolled
    context.close()


def test_stacked_rows_keep_every_column_on_a_phone(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    visit(page, demo_site.url + PAGES["project report"])
    table = page.locator(".jx-indicators table")
    headers = table.locator("thead th").all_inner_texts()
    rows = table.locator("tbody tr")
    assert rows.first.evaluate("r => getComputedStyle(r).display") == "block"  # stacked, not a table row
    assert headers[3:8] == ["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    # The first row starts with its 一级 / 二级指标 cells, the next rows do not (they span down):
    # tables.js must count the columns past them. 三级指标 is the row's title; each other column is
    # a labelled line (偏差原因 shown only where a row has one).
    for row in (rows.nth(0), rows.nth(1)):
        cells = row.locator("td").evaluate_all(
            "cells => cells.filter(c => getComputedStyle(c).display !== 'none')"
            ".map(c => [c.className, getComputedStyle(c, '::before').content])")
        labels = [re.sub(r'^"|："$', "", label) for cls, label in cells if "jx-name" not in cls]
        assert labels[:4] == headers[3:7] and labels[4:] in ([], [headers[7]])
    context.close()


def test_pages_say_their_language_title_and_own_description(browser, demo_site):
    page = browser.new_page()
    seen = set()
    for name, path in PAGES.items():
        visit(page, demo_site.url + path)
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        assert page.locator('link[rel="canonical"]').get_attribute("href") == demo_site.url + path  # site_url is set
        description = page.locator('meta[name="description"]').get_attribute("content")
        assert description not in seen, name  # each page its own
        seen.add(description)
        if name.endswith("report"):
            h1 = page.locator("h1").inner_text().removesuffix("#").strip()  # without its permalink
            assert page.title() == f"{h1} - 绩效公开" and "自评等级" in description and "万元" in description
            assert page.locator('meta[property="og:description"]').get_attribute("content") == description
    page.close()


def test_the_search_panel_fits_a_phone(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    visit(page, demo_site.url)
    page.click("label[for='__search']")
    page.fill("input.md-search__input", "交通")
    page.wait_for_selector(".md-search-result__item")
    # The panel slides in from the right: measured once its transition has ended (a loaded machine is slow).
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    rights = page.evaluate("""() => [...document.querySelectorAll('.md-search__inner, .md-search__output, .md-search-result__item')]
        .map(e => e.getBoundingClientRect().right)""")
    assert rights and max(rights) <= 360 and page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_a_long_run_of_text_without_blanks_wraps_inside_its_cell(browser, demo_site):
    # A reviewer's find: a 300-character address in a deviation's reason widened the table past the
    # screen (and the printed page). Put one into a real page's table and measure.
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    visit(page, demo_site.url + PAGES["report"])
    wide = page.evaluate("""() => {
        const cell = document.querySelector('.jx-table-wrap[aria-label="绩效目标偏差"] td');
        const wrap = cell.closest('.jx-table-wrap');
        const before = wrap.scrollWidth;
        cell.textContent = 'https://example.gov.cn/' + 'a'.repeat(300);
        return [before, wrap.scrollWidth];
    }""")
    assert wide[1] <= wide[0] + 1, wide  # the table is no wider than with the page's own text
    page.close()


def test_the_headers_icons_come_from_the_shared_file(browser, demo_site):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    for path in (PAGES["report"], PAGES["department"]):
        visit(page, demo_site.url + path)
        # An icon drawn from assets/icons.svg has the symbol's box; a missing file or symbol draws nothing.
        page.wait_for_function("""() => {
            const shown = [...document.querySelectorAll('svg use')].filter(u => u.closest('svg').getBoundingClientRect().width > 0);
            return shown.length >= 3 && shown.every(u => u.getBBox().width > 0);
        }""", timeout=10_000)
        colour = page.evaluate("getComputedStyle(document.querySelector('.md-header label.md-icon svg')).fill")
        assert colour != "none"
    page.close()
