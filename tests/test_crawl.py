"""Every page of the demo and the real site in a real Chromium: it loads without a console
error, a failed request or a request to another host, and every chart on it is drawn.
(Its own module, so that the test runner can run it beside the other browser tests.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_browser import Watched, drawn_charts, wait_for_charts


def page_urls(site: Path) -> list[str]:
    """Every page of a built site, as paths below its root."""
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
                  for p in site.rglob("index.html"))


def visit(page, url: str) -> dict:
    page.goto(url)  # until the load event: the page, its styles, scripts and images
    return settled(page)


def settled(page) -> dict:
    """Once its charts are drawn: how many chart containers the page has and how many are drawn."""
    if page.locator(".jx-chart[data-chart]").count():
        wait_for_charts(page)
    return drawn_charts(page)


SIDE_BY_SIDE = 3  # pages a crawl loads at once: the browser works on one while another waits


def crawl(pages: list, base: str, paths: list[str]):
    """Every path loaded (to its load event, charts drawn), len(pages) at a time side by side;
    yields (page, path, chart counts) for each, in order."""
    for start in range(0, len(paths), len(pages)):
        batch = list(zip(pages, paths[start:start + len(pages)]))
        for page, path in batch:
            page.evaluate("url => setTimeout(() => location.assign(url))", base + path.lstrip("/"))
        for page, path in batch:
            page.wait_for_url(base + path.lstrip("/"))  # and its load event
            yield page, path, settled(page)


@pytest.mark.parametrize("which", ["demo_site", "real_site"])
def test_every_page_loads_cleanly_with_its_charts_drawn(browser, which, request):
    server = request.getfixturevalue(which)
    watchers = [Watched(browser, server) for _ in range(SIDE_BY_SIDE)]
    urls = page_urls(server.path)
    assert len(urls) >= (50 if which == "demo_site" else 8)
    visited = []
    for _, path, counts in crawl([w.page for w in watchers], server.url, urls):
        assert counts["drawn"] == counts["containers"], path
        visited.append(path)
    assert visited == urls
    for w in watchers:
        w.clean()
        w.close()
