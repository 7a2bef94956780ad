"""In a real Chromium: charts draw (also after instant navigation), Chinese search works,
no request leaves the site and the console stays clean."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

REPORT = "2021/huangshi-shangwuju/"


class Watched:
    """A page whose requests and console errors are recorded; requests to other hosts are blocked."""

    def __init__(self, browser, server):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        host = urlsplit(server.url).netloc

        def route(r):
            url = urlsplit(r.request.url)
            if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
                self.external.append(r.request.url)
                return r.abort()
            return r.continue_()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))

    def clean(self):
        assert self.external == [], "requests to other hosts"
        assert self.errors == [], "console errors"
        assert [u for u in self.failed if u not in self.external] == [], "failed requests"

    def close(self):
        self.context.close()


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
    # ECharts' ARIA description in Chinese is on the container.
    label = watched.page.get_attribute(".jx-chart[data-chart]", "aria-label")
    assert label and "图表" in label
    watched.clean()


def test_charts_draw_after_instant_navigation_from_the_home_page(watched, real_site):
    page = watched.page
    page.goto(real_site.url)
    page.evaluate("window.__sameDocument = true")  # survives only if navigation is instant (no reload)
    page.click(f'article a[href="{REPORT}"]')
    page.wait_for_url(real_site.url + REPORT)
    wait_for_charts(page)
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the page instead of instant navigation"
    counts = drawn_charts(page)
    assert counts["drawn"] == counts["containers"] == counts["live"] >= 3
    # Going back and forth again leaves no chart of a left page alive.
    page.go_back()
    page.wait_for_url(real_site.url)
    page.wait_for_function("() => window.jxCharts.count() === document.querySelectorAll('.jx-chart').length")
    page.go_forward()
    wait_for_charts(page)
    assert drawn_charts(page)["live"] == counts["containers"]
    watched.clean()


def test_switching_to_dark_mode_redraws_charts_without_reload(watched, real_site):
    page = watched.page
    page.goto(real_site.url + REPORT)
    wait_for_charts(page)
    light = page.evaluate("() => getComputedStyle(document.querySelector('.jx-chart svg text')).fill || document.querySelector('.jx-chart svg text').getAttribute('fill')")
    page.evaluate("window.__sameDocument = true")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function("(light) => { const t = document.querySelector('.jx-chart svg text'); return t && (t.getAttribute('fill') || '') !== light; }", arg=light)
    assert page.evaluate("window.__sameDocument === true")
    assert drawn_charts(page)["drawn"] == drawn_charts(page)["containers"]
    watched.clean()


def test_search_finds_a_chinese_word_from_the_middle_of_a_sentence(watched, real_site):
    page = watched.page
    # 消费券 stands inside sentences such as “组织开展“湖北消费券”发放活动”.
    page.goto(real_site.url + "?q=消费券")
    result = page.locator(f'.md-search-result__list a[href$="{REPORT}"], .md-search-result__list a[href*="{REPORT}#"]')
    result.first.wait_for(timeout=15000)
    assert "消费券" in page.inner_text(".md-search-result__list")
    watched.clean()


def test_search_finds_a_word_that_is_not_a_heading(watched, real_site):
    page = watched.page
    page.goto(real_site.url + "?q=核销")
    page.locator(f'.md-search-result__list a[href*="{REPORT}"]').first.wait_for(timeout=15000)
    watched.clean()
