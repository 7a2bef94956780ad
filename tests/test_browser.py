"""In a real Chromium: charts draw (also after instant navigation), Chinese search works,
no request leaves the site and the console stays clean."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import SiteServer

REPORT = "2021/huangshi-shangwuju/"


class Watched:
    """A page whose requests and console errors are recorded; requests to other hosts are blocked."""

    def __init__(self, browser, server):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        origin = server.url.rstrip("/")

        def block(r):
            self.external.append(r.request.url)
            return r.abort()

        # Only requests that leave the site are intercepted (matched in the browser's driver):
        # routing every request through Python would make each page several times slower.
        self.page.route(re.compile(rf"^(?!{re.escape(origin)}/|data:|blob:|about:)"), block)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A request the next navigation cancels (net::ERR_ABORTED, e.g. a favicon) is not broken;
        # one the server answers with an error is.
        self.page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else self.failed.append(r.url))
        self.page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)

    def clean(self):
        assert self.external == [], "requests to other hosts"
        assert self.errors == [], "console errors"
        assert [u for u in self.failed if u not in self.external] == [], "failed requests"

    def close(self):
        self.context.close()


def instant_navigation_ready(page) -> None:
    """Material takes over a link only once it has the sitemap (the list of the site's pages):
    a click before that reloads the page. Wait until the sitemap has arrived."""
    page.wait_for_function("""() => performance.getEntriesByType('resource')
        .some(e => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0)""")
    page.evaluate("() => new Promise(requestAnimationFrame)")  # and its handlers have run


def follow(page, selector: str, url: str) -> None:
    """Click a link and wait until the page it leads to is in, and its charts are drawn: after an
    instant navigation the address changes before the old page's content is replaced."""
    page.evaluate("document.querySelector('article').__left = true")  # the page being left
    page.click(selector)
    page.wait_for_url(url)
    page.wait_for_function("() => !document.querySelector('article').__left")
    wait_for_charts(page)


@pytest.fixture
def watched(browser, real_site):
    w = Watched(browser, real_site)
    yield w
    w.close()


def drawn_charts(page) -> dict:
    """How many chart containers the page has, and how many hold a drawn SVG or canvas."""
    return page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('.jx-chart[data-chart]')];
        const drawn = boxes.filter(b => {
            const g = b.querySelector('svg, canvas');
            return g && g.getBoundingClientRect().width > 0 && b.querySelectorAll('svg path, svg text').length > 0;
        });
        return {containers: boxes.length, drawn: drawn.length, live: window.jxCharts ? window.jxCharts.count() : -1};
    }""")


def wait_for_charts(page):
    page.wait_for_function("""() => {
        const boxes = document.querySelectorAll('.jx-chart[data-chart]');
        return boxes.length > 0 && [...boxes].every(b => b.querySelector('svg path'));
    }""", timeout=15000)


def test_the_reports_charts_draw(watched, real_site):
    watched.page.goto(real_site.url + REPORT)
    wait_for_charts(watched.page)
    counts = drawn_charts(watched.page)
    assert counts["containers"] >= 3
    assert counts["drawn"] == counts["containers"] == counts["live"]
    # ECharts' ARIA description in Chinese is on the container, but a screen reader is told the
    # figure's own caption, which names every value.
    label = watched.page.get_attribute(".jx-chart[data-chart]", "aria-label")
    assert label and "图表" in label
    caption = watched.page.evaluate("""() => {
        const el = document.querySelector('.jx-chart[data-chart]');
        return document.getElementById(el.getAttribute('aria-labelledby')).textContent;
    }""")
    assert caption.startswith("支出结构") and "1390.81" in caption
    watched.clean()


YEAR = "2021/"


def test_charts_draw_after_instant_navigation_from_the_home_page(watched, real_site):
    """Between the index pages (home, years, departments…) the reader moves instantly; a report
    opens as a normal page (generator/sitemaps.py): Material takes over only the links its
    sitemap lists, and listing every report there would weigh on every first visit."""
    page = watched.page
    page.goto(real_site.url)
    instant_navigation_ready(page)
    page.evaluate("window.__sameDocument = true")  # survives only if navigation is instant (no reload)
    # (Material's instant navigation rewrites the page's links to absolute URLs.)
    page.click(f'article .jx-years a[href="{real_site.url}{YEAR}"]')
    page.wait_for_url(real_site.url + YEAR)
    page.wait_for_selector("article #reports-2021")  # the year's content, not the years page's still in place
    wait_for_charts(page)
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the page instead of instant navigation"
    counts = drawn_charts(page)
    assert counts["drawn"] == counts["containers"] == counts["live"] >= 3
    # Going back and forth again leaves no chart of a left page alive.
    all_drawn = """(n) => {
        const boxes = document.querySelectorAll('.jx-chart[data-chart]');
        return boxes.length === n && window.jxCharts.count() === n && [...boxes].every(b => b.querySelector('svg path'));
    }"""
    page.go_back()
    page.wait_for_url(real_site.url)
    page.wait_for_function("() => document.querySelectorAll('.jx-chart[data-chart]').length !== %d" % counts["containers"])
    wait_for_charts(page)
    page.wait_for_function("() => window.jxCharts.count() === document.querySelectorAll('.jx-chart[data-chart]').length")
    page.go_forward()
    page.wait_for_url(real_site.url + YEAR)
    page.wait_for_function(all_drawn, arg=counts["containers"])
    assert page.evaluate("window.__sameDocument === true")
    # The year's report opens as a page of its own, charts drawn.
    page.click(f'article #reports-2021 a[href$="{REPORT}"]')
    page.wait_for_url(real_site.url + REPORT)
    wait_for_charts(page)
    assert page.evaluate("window.__sameDocument === undefined")
    counts = drawn_charts(page)
    assert counts["drawn"] == counts["containers"] == counts["live"] >= 3
    watched.clean()


def test_switching_to_dark_mode_redraws_charts_without_reload(watched, real_site):
    page = watched.page
    page.goto(real_site.url + REPORT)
    wait_for_charts(page)
    fills = "() => [...document.querySelectorAll('.jx-chart svg text')].map(t => t.getAttribute('fill')).sort().join()"
    light = page.evaluate(fills)
    assert page.evaluate("window.jxCharts.theme()") == "light"
    instant_navigation_ready(page)
    page.evaluate("window.__sameDocument = true; document.querySelector('.jx-chart svg').__old = true")
    # What Material's palette toggle does: set the colour scheme on <body>.
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function("() => window.jxCharts.theme() === 'dark'")
    wait_for_charts(page)
    assert page.evaluate("window.__sameDocument === true")
    assert page.evaluate("!document.querySelector('.jx-chart svg').__old"), "charts were not redrawn"
    assert page.evaluate(fills) != light, "the dark theme did not change the chart's text colours"
    counts = drawn_charts(page)
    assert counts["drawn"] == counts["containers"] == counts["live"]
    watched.clean()


def test_a_readers_dark_choice_holds_on_the_next_page_they_open(watched, real_site):
    # The header's toggle stores the choice; palette.js (a file, not inline on every page) puts it
    # back on <body> before the page is drawn: the first paint is already dark.
    page = watched.page
    page.goto(real_site.url + REPORT)
    page.click("label[for='__palette_1']")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # The scheme as the page's main part is parsed: after the header, before Material's own script
    # (at the end of the page) could set it.
    page.add_init_script("""new MutationObserver((_, o) => { if (document.querySelector('.md-main')) { o.disconnect();
        window.__schemeAtMain = document.body.getAttribute('data-md-color-scheme'); } })
        .observe(document, {childList: true, subtree: true});""")
    page.goto(real_site.url)  # a full load of another page, not an instant navigation
    page.wait_for_function("() => window.__schemeAtMain !== undefined")
    assert page.evaluate("window.__schemeAtMain") == "slate"
    assert page.evaluate("[...document.scripts].filter(s => !s.src && s.textContent.includes('__palette')).length") == 0
    watched.clean()


def search_hits(page, query: str, real_site) -> list[str]:
    """Open the site with ?q= (Material's shareable search) and return the result links."""
    page.goto(real_site.url + "?q=" + query)
    # Results are drawn as their pages' data arrives; search.js says how many once all are in.
    page.wait_for_function("() => /找到 \\d+|没有找到/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)
    return page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")


def test_search_finds_a_chinese_word_from_the_middle_of_a_sentence(watched, real_site):
    # 消费券 stands inside sentences such as “组织开展“湖北消费券”发放活动”.
    hits = search_hits(watched.page, "消费券", real_site)
    assert any(h.startswith(real_site.url + REPORT) for h in hits), hits
    # The excerpts show the word with its parts marked, without Pagefind's zero-width word boundaries.
    marks = watched.page.eval_on_selector_all(".md-search-result__list mark", "ms => ms.map(m => m.textContent)")
    assert marks and all(m in "消费券" for m in marks), marks
    assert "消费券" in watched.page.inner_text(".md-search-result__list")
    assert "\u200b" not in watched.page.inner_text(".md-search-result__list")
    watched.clean()


def test_search_finds_a_word_that_is_not_a_heading(watched, real_site):
    hits = search_hits(watched.page, "核销", real_site)
    assert any(h.startswith(real_site.url + REPORT) for h in hits), hits
    watched.clean()


def test_search_opens_with_the_keyboard_and_arrows_reach_the_results(watched, real_site):
    page = watched.page
    page.goto(real_site.url + REPORT)
    page.keyboard.press("/")  # as in Material's own search
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("消费券")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list a').length > 0")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked")
    watched.clean()


def test_a_sharded_index_finds_what_a_single_one_does(browser, demo_site, tmp_path, monkeypatch):
    """A site larger than one shard (generator/search_index.py) is searched across all shards:
    a year in several shards is still one year to search."""
    from generator import engine, search_index

    monkeypatch.setattr(search_index, "SHARD_PAGES", 5)
    site = tmp_path / "site"
    engine.build_site(demo_site.path.parent / "docs", site, None, sample=True)
    groups = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["groups"]
    assert [g["year"] for g in groups] == [2023, 2022, 2021, None] and all(len(g["bundles"]) >= 2 for g in groups)
    sharded = SiteServer(site)
    try:
        counts, workers = [], []
        for server in (demo_site, sharded):
            page = browser.new_page()
            # Three cores: the years are shared out between three Pagefinds, each in its own worker.
            page.add_init_script("Object.defineProperty(navigator, 'hardwareConcurrency', {get: () => 3})")
            page.goto(server.url + "?q=预算执行率")
            page.wait_for_function("() => /找到 \\d+/.test(document.querySelector('.md-search-result__meta').textContent)")
            counts.append(page.inner_text(".md-search-result__meta"))
            workers.append(len(page.workers))
            page.close()
    finally:
        sharded.close()
    assert counts[0] == counts[1], counts
    assert workers == [3, 3]


def test_search_answers_newest_year_first_and_narrows_by_year_and_department(browser, demo_site):
    page = browser.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    # Every text the count line shows, in order (each years' answer replaces it).
    page.add_init_script("""window.__said = []; document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => window.__said.push(n.textContent))))
          .observe(document.querySelector('.md-search-result__meta'), {childList: true}))""")
    page.goto(demo_site.url + "?q=预算")
    done = "() => /找到 \\d+/.test(document.querySelector('.md-search-result__meta').textContent)"
    page.wait_for_function(done)
    said = page.evaluate("window.__said")
    # The count grows as the years answer, newest first: 2022 and 2021 are still being searched.
    growing = [re.match(r"目前 (\d+) 个结果，正在搜索 (\d{4}) 年度", t) for t in said]
    growing = [(int(m.group(1)), m.group(2)) for m in growing if m]
    assert [year for _, year in growing][:2] == ["2022", "2021"], said
    total = int(re.search(r"找到 (\d+)", said[-1]).group(1))
    assert [n for n, _ in growing] == sorted(n for n, _ in growing) and growing[-1][0] <= total
    # Every result under the heading of its own year, the years newest first.
    drawn = "() => !document.querySelector('.md-search-result__list > li[hidden]')"
    while page.locator(".jx-search-more button").count():
        page.click(".jx-search-more button")
        page.wait_for_function(drawn)
    rows = page.eval_on_selector_all(".md-search-result__list > li", """ls => ls.map(l => l.classList.contains('jx-search-year')
        ? 'Y' + l.textContent : l.querySelector('a').getAttribute('href'))""")
    assert len([r for r in rows if not r.startswith("Y")]) == total
    years, year = [], None
    for row in rows:
        if row.startswith("Y"):
            year = row[1:5]
            years.append(year)
        elif re.search(r"/20\d\d/[^/]+/", row):
            assert f"/{year}/" in row, (year, row)
    assert years[:3] == ["2023", "2022", "2021"]
    # Each shard's entry file at the address its tag gives (cached between openings), never by the clock.
    manifest = json.loads((demo_site.path / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    tags = {manifest["tag"], *(b["tag"] for g in manifest["groups"] for b in g["bundles"])}
    assert {u.split("?ts=")[1] for u in fetched if "pagefind-entry.json" in u} == tags
    # The year filter: 2022's reports only.
    page.evaluate("window.__said = []")
    page.select_option(".jx-search-filters select", "2022")
    page.wait_for_function("() => window.__said.some(t => /找到 \\d+/.test(t))")
    assert page.eval_on_selector_all(".jx-search-year", "hs => hs.map(h => h.textContent)") == ["2022 年度"]
    assert 0 < int(re.search(r"找到 (\d+)", page.inner_text(".md-search-result__meta")).group(1)) < total
    # The department filter: that department's reports only, of every year; the list offers each name.
    page.select_option(".jx-search-filters select", "")
    names = page.eval_on_selector_all("#jx-search-departments option", "os => os.map(o => o.value)")
    assert "示例市教育局" in names and len(names) == len(set(names)) >= 5
    page.evaluate("window.__said = []")
    page.fill(".jx-search-filters input", "示例市教育局")
    page.dispatch_event(".jx-search-filters input", "change")
    page.wait_for_function("() => window.__said.some(t => /找到 \\d+/.test(t))")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all("/shili-jiaoyuju" in h for h in hrefs), hrefs
    page.close()


def test_search_for_a_word_that_is_nowhere_finds_nothing(watched, real_site):
    page = watched.page
    page.goto(real_site.url + "?q=龘靐齉")  # characters that appear on no page
    page.wait_for_selector(".md-search-result__meta")
    page.wait_for_function("() => /没有找到|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.eval_on_selector_all(".md-search-result__list a", "links => links.length") == 0
    watched.clean()


@pytest.fixture
def watched_demo(browser, demo_site):
    w = Watched(browser, demo_site)
    yield w
    w.close()


def test_a_reader_walks_overview_year_department_report_with_charts_at_each_step(watched_demo, demo_site):
    page = watched_demo.page
    page.goto(demo_site.url)
    wait_for_charts(page)
    instant_navigation_ready(page)
    page.evaluate("window.__sameDocument = true")
    steps = [
        ("article .jx-years a[href$='/2022/']", "2022/"),
        ("article a[href$='/departments/shili-jiaoyuju/']", "departments/shili-jiaoyuju/"),
        ("article #reports-own a[href$='/2022/shili-jiaoyuju/']", "2022/shili-jiaoyuju/"),
    ]
    for selector, url in steps:
        follow(page, selector, demo_site.url + url)
        counts = drawn_charts(page)
        assert counts["containers"] >= 2 and counts["drawn"] == counts["containers"] == counts["live"], (url, counts)
        # Instantly between index pages; a department's or a report's page loads as a page of its own.
        index_page = url.count("/") == 1
        assert page.evaluate("window.__sameDocument === true") == index_page, url
    assert "示例数据，非真实数据" in page.inner_text(".md-banner")
    watched_demo.clean()


def test_report_tables_sort_and_filter_in_the_page(watched_demo, demo_site):
    page = watched_demo.page
    page.goto(demo_site.url + "2022/")
    table = "#reports-2022"
    spending = f"{table} tbody tr:not([hidden]) td:nth-child(5)"
    page.click(f"{table} thead th:nth-child(5) button")  # 本年支出, ascending
    numbers = "cells => cells.map(c => c.textContent)"
    values = [float(v) for v in page.eval_on_selector_all(spending, numbers)]
    assert len(values) >= 3 and values == sorted(values)
    page.keyboard.press("Enter")  # the focused header button sorts again, descending
    values = [float(v) for v in page.eval_on_selector_all(spending, numbers)]
    assert values == sorted(values, reverse=True)
    assert page.get_attribute(f"{table} thead th:nth-child(5)", "aria-sort") == "descending"
    # Grades sort by rank (优 first), not by the characters' order.
    page.click(f"{table} thead th:nth-child(3) button")
    grades = page.eval_on_selector_all(f"{table} tbody td:nth-child(3) .jx-grade", "g => g.map(e => e.textContent)")
    assert grades == sorted(grades, key="优良中差未公布".index) and len(set(grades)) >= 2
    # The cells are labelled from their header for the stacked layout of a phone.
    labels = page.eval_on_selector_all(f"{table} tbody tr:first-child td", "cells => cells.map(c => c.dataset.label || null)")
    headers = page.eval_on_selector_all(f"{table} thead th", "cells => cells.map(c => c.textContent.trim())")
    assert labels == [None if h == "报告" else h for h in headers]
    page.fill("#reports-2022-filter", "教育局")
    names = page.eval_on_selector_all(f"{table} tbody tr:not([hidden])", "rows => rows.map(r => r.textContent)")
    assert names and all("教育局" in n for n in names)
    assert "显示" in page.inner_text(".jx-filter-count")
    watched_demo.clean()
