"""Stage 5, build: the real data becomes a site at the contract's URLs, self-contained and searchable."""

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import DATA, ROOT, build_site, snapshot


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = build_site(DATA, out, site_url="https://example.org/jixiao/")
    assert result.returncode == 0, result.stderr
    return out / "site"


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_pages_exist_at_the_contracts_urls(site):
    for url in ["/", "/2021/", "/2021/huangshi-shangwuju/", "/departments/huangshi-shangwuju/", "/departments/",
                "/data/", "/about/", "/years/"]:
        assert (site / url.strip("/") / "index.html").is_file(), url


def test_the_report_page_has_grade_key_figures_and_charts(site):
    html = page(site, "/2021/huangshi-shangwuju/")
    assert '<span class="jx-grade jx-grade--excellent" title="自评等级">优</span>' in html
    for figure in ("8483.1", "1390.81", "16.39%", "7092.29", "83.61%"):
        assert figure in html
    charts = re.findall(r"<div class=\"jx-chart\"[^>]* data-chart='([^']*)'", html)
    assert len(charts) >= 3
    import html as htmllib
    options = [json.loads(htmllib.unescape(c)) for c in charts]
    assert options[0]["series"][0]["type"] == "pie"
    assert "animation" not in options[0]  # shared by every chart: assets/javascripts/chart-shared.js
    # Every chart has a caption and its data as a table or, where the page already shows them
    # (a group of figures' caption says every row; the 支出情况 table lists the ring's parts),
    # only its CSV.
    tables = html.count('<details class="jx-chart-data">')
    assert html.count("<figcaption") == len(charts) and tables + html.count('class="jx-chart-csv"') == len(charts)
    spending = html[html.index('id="spending"'):]
    spending = spending[:spending.index("</table>")]
    for cell in ("基本支出", "1390.81", "16.39%", "项目支出", "7092.29", "83.61%", "8483.1"):
        assert f">{cell}<" in spending


def test_the_home_page_links_to_the_report(site):
    html = page(site, "/")
    assert 'href="2021/huangshi-shangwuju/"' in html
    assert "黄石市商务局" in html


def test_downloads_are_the_source_and_the_data(site):
    assert (site / "data/2021/huangshi-shangwuju.source.txt").read_bytes() == (DATA / "2021/huangshi-shangwuju.source.txt").read_bytes()
    from generator.opendata import reports_in_zip

    [data] = [r for r in reports_in_zip((site / "data/reports.zip").read_bytes()) if r["url"] == "2021/huangshi-shangwuju/"]
    assert data["url"] == "2021/huangshi-shangwuju/" and data["spending"]["total"] == yaml.safe_load((DATA / "2021/huangshi-shangwuju.yaml").read_text(encoding="utf-8"))["spending"]["total"]
    html = page(site, "/2021/huangshi-shangwuju/")
    assert 'href="../../data/2021/huangshi-shangwuju.source.txt"' in html


def test_echarts_is_served_from_the_site(site):
    html = page(site, "/2021/huangshi-shangwuju/")
    assert re.search(r'<script src="\.\./\.\./assets/vendor/echarts\.min\.js', html)
    served = (site / "assets/vendor/echarts.min.js").read_bytes()
    full = (ROOT / "node_modules/echarts/dist/echarts.min.js").read_bytes()
    # Only the chart types and components the site uses: well under the full build.
    assert b"Apache" in served and len(served) < 0.6 * len(full)


def test_nothing_is_requested_from_another_host(site):
    # src= and href= of stylesheets, scripts, images and fonts, and url() in CSS, stay on the site.
    offenders = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text):
                if re.search(r'''(?:src|href)=["']?(?:https?:)?//''', tag) and 'rel="canonical"' not in tag:
                    offenders.append((path.name, tag))
        elif path.suffix == ".css":
            for url in re.findall(r"url\(([^)]*)\)", path.read_text(encoding="utf-8")):
                if re.match(r"""['"]?(?:https?:)?//""", url):
                    offenders.append((path.name, url))
    assert offenders == []


def pagefind_fragments(site: Path) -> dict[str, dict]:
    """Pagefind's per-page records (gzip, a signature, then JSON), by page address, in every shard."""
    out = {}
    for path in (site / "pagefind-shards").glob("*/fragment/*"):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{"):])
        out[record["url"]] = record
    return out


def test_search_index_is_pagefinds_segmented_for_chinese(site):
    for entry_file in [site / "pagefind/pagefind-entry.json", *site.glob("pagefind-shards/*/pagefind-entry.json")]:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["zh-cn"]  # the pages' lang="zh-CN"; segmented as Chinese (below)
    # pagefind/ is the placeholder every year's search starts from: one page, and the one copy of the program.
    assert json.loads((site / "pagefind/pagefind-entry.json").read_text())["languages"]["zh-cn"]["page_count"] == 1
    assert not list(site.glob("pagefind-shards/*/pagefind*.js")) and (site / "pagefind/pagefind-worker.js").is_file()
    fragments = pagefind_fragments(site)
    report = fragments["/2021/huangshi-shangwuju/"]
    # Words are segmented (zero-width spaces between them); the sentences are all there.
    assert "\u200b" in report["content"]
    assert "组织开展“湖北消费券”发放活动" in report["content"].replace("\u200b", "")
    # Only the article is indexed: not the header, the tabs or the footer; not the 404 page.
    assert report["content"].replace("\u200b", "").startswith(report["meta"]["title"])
    assert "跳转至" not in report["content"]  # Material's skip link, outside the article
    assert not any(url.startswith("/404") for url in fragments)
    # Staff pages are not in the citizens' search: their field names would crowd out the reports.
    assert "/guide/" not in fragments and "/data/fields/" not in fragments and "/data/" in fragments
    # Material's whole-site lunr index is gone, and so are Pagefind's unused ready-made interfaces.
    assert not (site / "search" / "search_index.json").exists()
    assert not list((site / "pagefind").glob("pagefind-*ui*"))


def test_without_pagefind_the_build_says_how_to_install_it_and_keeps_the_site(tmp_path, monkeypatch):
    from generator import engine, search_index
    from generator.problems import BuildError

    out = tmp_path / "out"
    assert build_site(DATA, out).returncode == 0
    before = snapshot(out / "site")
    monkeypatch.setattr(search_index, "NODE_MODULES", tmp_path / "no-node-modules")
    with pytest.raises(BuildError) as failure:
        engine.build_site(out / "docs", out / "site")
    assert "找不到 Pagefind" in str(failure.value) and "make site" in str(failure.value)
    assert "原有的 site/ 未改动" in str(failure.value)
    after = snapshot(out / "site")
    assert after == before


def test_the_sitemaps_use_the_site_url_and_robots_txt_names_them(site):
    assert "<loc>https://example.org/jixiao/years/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    reports = (site / "sitemaps/reports-2021.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/jixiao/2021/huangshi-shangwuju/</loc>" in reports
    assert "Sitemap: https://example.org/jixiao/sitemap-index.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def many_reports(tmp_path: Path, n: int) -> Path:
    """n copies of the real report under invented slugs (test data only, never published)."""
    data = tmp_path / f"data{n}"
    (data / "2021").mkdir(parents=True)
    shutil.copy(DATA / "report.schema.json", data)
    text = (DATA / "2021/huangshi-shangwuju.yaml").read_text(encoding="utf-8")
    shutil.copy(DATA / "2021/huangshi-shangwuju.source.txt", data / "2021")
    for i in range(n):
        slug = f"test-dept-{i}"
        (data / "2021" / f"{slug}.yaml").write_text(
            text.replace("slug: huangshi-shangwuju", f"slug: {slug}").replace("name: 黄石市商务局", f"name: 测试部门{i}"),
            encoding="utf-8")
    return data


def test_a_pages_size_does_not_grow_with_the_number_of_reports(tmp_path):
    sizes = {}
    for n in (1, 12):
        out = tmp_path / f"out{n}"
        assert build_site(many_reports(tmp_path, n), out).returncode == 0
        sizes[n] = {url: len(page(out / "site", url)) for url in ("/about/", "/2021/test-dept-0/")}
    # The navigation lists no reports: the about page and a report page keep their size.
    for url in sizes[1]:
        assert abs(sizes[12][url] - sizes[1][url]) < 200, (url, sizes)


def built_pages(docs: Path, site: Path, passthrough: bool) -> dict[str, bytes]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.paths import CONFIG_FILE
    from generator.passthrough import PassThroughHtml

    config = load_config(config_file=str(CONFIG_FILE), docs_dir=str(docs), site_dir=str(site), site_url="http://x/")
    if passthrough:
        config.plugins["jx-passthrough"] = PassThroughHtml()
    build(config)
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


@pytest.mark.parametrize("data", ["demo", "hostile"])
def test_setting_ready_html_aside_changes_no_byte_of_any_page(tmp_path, data):
    """generator/passthrough.py only saves Markdown's parsing: every page is as Markdown makes it."""
    source = {"demo": ROOT / "examples" / "demo", "hostile": ROOT / "tests" / "hostile"}[data]
    assert build_site(source, tmp_path).returncode == 0
    plain = built_pages(tmp_path / "docs", tmp_path / "plain", passthrough=False)
    fast = built_pages(tmp_path / "docs", tmp_path / "fast", passthrough=True)
    assert len(plain) > 10 and plain.keys() == fast.keys()
    assert [name for name in plain if plain[name] != fast[name]] == []


def test_only_whole_html_blocks_are_set_aside():
    from types import SimpleNamespace

    from generator.passthrough import MARK, PassThroughHtml

    plugin = PassThroughHtml()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="x.md"))
    text = ("# 标题\n\n<div class=\"a\">\n<p>整块</p>\n</div>\n\n<div>\n<p>中间有空行</p>\n\n</div>\n\n"
            "<span>行内元素</span>\n\n<figure>未结束\n\n普通段落 <b>粗</b>\n")
    out = plugin.on_page_markdown(text, page=page, config=None, files=None)
    assert out.count(MARK) == 1 and "<p>整块</p>" not in out
    assert "<p>中间有空行</p>" in out and "<span>行内元素</span>" in out and "<figure>未结束" in out
    # A page with fenced code is left exactly as it is.
    fenced = "<div>\n<p>x</p>\n</div>\n\n```html\n<div>\n\n</div>\n```\n"
    assert plugin.on_page_markdown(fenced, page=page, config=None, files=None) == fenced


def test_the_themes_icons_are_one_shared_file_that_every_page_uses(site):
    sprite = (site / "assets" / "icons.svg").read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="([^"]+)" viewBox="[\d. ]+"><path d="', sprite))
    assert len(symbols) >= 5  # logo, menu, search, palette, close …
    # The site has an address (https://example.org/jixiao/): every page, 404.html too, links the
    # file by its path on that host, which holds wherever the page is shown.
    for path in [site / "index.html", site / "404.html", *site.glob("20*/*/index.html"), site / "departments" / "index.html"]:
        html = path.read_text(encoding="utf-8")
        uses = re.findall(r'<svg viewBox="[\d. ]+"><use xlink:href="([^"#]+)#([^"]+)"/></svg>', html)
        assert uses, path
        assert {href for href, _ in uses} == {"/jixiao/assets/icons.svg"}, path
        assert {key for _, key in uses} <= symbols, path
        assert 'xmlns="http://www.w3.org/2000/svg" viewBox' not in html, path  # no icon left inline


def test_without_an_address_the_icons_are_linked_from_where_each_page_stands(tmp_path):
    from generator.compact_html import compact_site

    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
    for name in ("index.html", "404.html", "2021/a/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<header>\n  {icon}\n</header>", encoding="utf-8")
    compact_site(tmp_path, None)
    assert 'xlink:href="assets/icons.svg#i' in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'xlink:href="../../assets/icons.svg#i' in (tmp_path / "2021/a/index.html").read_text(encoding="utf-8")
    assert icon in (tmp_path / "404.html").read_text(encoding="utf-8")  # served at any address: kept whole
    assert '<path d="M3 6h18v2H3z"/></symbol>' in (tmp_path / "assets" / "icons.svg").read_text(encoding="utf-8")
