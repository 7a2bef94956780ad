"""The same site from either engine: MkDocs (the default) and Zensical (Material's successor,
which reads mkdocs.yml and Material's templates but runs no MkDocs plugins). For every page of
the demo set: the same pages, titles, main text, chart options and links; the same search
results; and on the Zensical site, charts draw and follow instant navigation in Chromium."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import DEMO, SiteServer, copy_build, run_generator
from .test_browser import Watched, drawn_charts, follow, instant_navigation_ready

QUERIES = ["民政局", "消费券", "养老服务", "农村公路", "预算执行率", "满意度"]


class Article(HTMLParser):
    """What a reader gets from a page: its title, the article's text, chart options and links."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.text, self.charts, self.links = "", [], [], []
        self._in_title = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_title = self._in_title or tag == "title"
        self._depth += tag == "article"
        if self._depth:
            if "data-chart" in attrs:
                self.charts.append(attrs["data-chart"])
            if tag == "a" and attrs.get("href"):
                self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"
        self._depth -= tag == "article"

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._depth:
            self.text.append(data)


def pages(site: Path) -> dict[str, tuple]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pagefind")):
            continue
        page = Article()
        page.feed(path.read_text(encoding="utf-8"))
        out[rel] = (page.title.strip(), " ".join("".join(page.text).split()), page.charts, page.links)
    return out


@pytest.fixture(scope="module")
def both(tmp_path_factory, demo_site):
    """The demo set built by each engine, each served at the address it was built for
    (MkDocs': the session's demo site)."""
    out = tmp_path_factory.mktemp("zensical")
    server = SiteServer(out / "site")
    result = run_generator("build", "--engine", "zensical", "--data", str(DEMO), "--site-dir", str(out / "site"),
                           "--docs-dir", str(out / "docs"), "--site-url", server.url)
    assert result.returncode == 0, result.stderr
    yield {"mkdocs": demo_site, "zensical": server}
    server.close()


def test_every_page_reads_the_same_from_either_engine(both):
    mkdocs, zensical = (pages(both[e].path) for e in ("mkdocs", "zensical"))
    assert mkdocs.keys() == zensical.keys()
    assert len(mkdocs) > 40
    for name in mkdocs:
        for part, a, b in zip(("title", "text", "charts", "links"), mkdocs[name], zensical[name]):
            assert a == b, (name, part)
    report = mkdocs["2023/shili-minzhengju/index.html"]
    assert report[0].endswith(" - 绩效公开") and report[2] and report[3]  # the comparison compared something


def test_search_finds_the_same_pages_on_either_engines_site(browser, both):
    found = {}
    for engine in ("mkdocs", "zensical"):
        page = browser.new_page()
        try:
            for n, query in enumerate(QUERIES):
                if n == 0:
                    page.goto(both[engine].url + "?q=" + query)
                else:  # typed into the same search box, as a reader searches again
                    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
                    page.fill(".md-search__input", query)
                page.wait_for_function("() => /找到 \\d+|没有找到/.test(document.querySelector('.md-search-result__meta').textContent)")
                found[engine, query] = (page.inner_text(".md-search-result__meta"),
                                        [h.replace(both[engine].url, "/") for h in
                                         page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")])
        finally:
            page.close()
    for query in QUERIES:
        assert found["mkdocs", query] == found["zensical", query], query
        assert found["mkdocs", query][1], query  # each query finds something
    assert len({tuple(found["mkdocs", q][1]) for q in QUERIES}) > 1  # the queries were each searched, not one repeated


def test_charts_draw_on_the_zensical_site_after_instant_navigation(browser, both):
    server = both["zensical"]
    watched = Watched(browser, server)
    try:
        page = watched.page
        page.goto(server.url)
        instant_navigation_ready(page)
        page.evaluate("window.__sameDocument = true")
        follow(page, 'article .jx-years a[href$="/2023/"]', server.url + "2023/")
        counts = drawn_charts(page)
        assert counts["drawn"] == counts["containers"] == counts["live"] >= 2
        assert page.evaluate("window.__sameDocument === true"), "Zensical's instant navigation reloaded the page"
        watched.clean()
    finally:
        watched.close()


def test_without_zensical_installed_the_build_says_how(tmp_path, monkeypatch, demo_site):
    from generator import engine
    from generator.problems import BuildError

    monkeypatch.setattr(engine, "zensical_executable", lambda: (_ for _ in ()).throw(BuildError("找不到 Zensical。请运行 `make site ENGINE=zensical`")))
    out = copy_build(demo_site.path.parent, tmp_path / "out")
    with pytest.raises(BuildError, match="ENGINE=zensical"):
        engine.build_site(out / "docs", out / "site", engine="zensical")
    assert (out / "site" / "index.html").exists()  # the earlier site is untouched
