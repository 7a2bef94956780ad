"""Every demo page on a phone (360 px, touch): nothing scrolls sideways, charts fit, wide tables
scroll in their own box, every control is big enough for a finger.
(Its own module, so that the test runner can run it beside the other browser tests.)"""

from __future__ import annotations

from .test_crawl import SIDE_BY_SIDE, crawl, page_urls

PHONE = {"width": 360, "height": 780}  # the narrowest phones in common use in China


def test_phones_never_scroll_sideways_and_charts_fit(browser, demo_site):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    pages = [context.new_page() for _ in range(SIDE_BY_SIDE)]
    for page, path, _ in crawl(pages, demo_site.url, page_urls(demo_site.path)):
        sizes = page.evaluate("""() => ({
            page: document.documentElement.scrollWidth,
            charts: [...document.querySelectorAll('.jx-chart')].map(c => c.getBoundingClientRect().right),
            tables: [...document.querySelectorAll('.jx-table-wrap')].map(w => getComputedStyle(w).overflowX),
            // Controls a finger can reach (Material's palette radios are 0 x 0: their labels are the targets).
            small: [...document.querySelectorAll('button:not([tabindex="-1"]), input, .md-header__button, .md-tabs__link')]
                .filter(e => e.offsetParent !== null)
                .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.right > 0)
                .filter(r => r.height < 24 || r.width < 24).length,
        })""")
        assert sizes["page"] <= PHONE["width"], path
        assert all(right <= PHONE["width"] for right in sizes["charts"]), path
        assert set(sizes["tables"]) <= {"auto", "scroll"}, path  # wide tables scroll inside their box
        assert sizes["small"] == 0, path  # tap targets at least 24 x 24 px
    context.close()
