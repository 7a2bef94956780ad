"""Stage 4b, render: templates turn reports into Markdown where data is never markup."""

import markdown
from mkdocs.utils.meta import get_data

from generator import derive, render
from generator.model import Report
from generator.validate import Entry

from pathlib import Path

HOSTILE = '<script>alert(1)</script> [点我](javascript:alert(1)) **粗** `代码` {{ 7*7 }} # 1. | <img src=x onerror=alert(1)>'


def to_html(md_text: str) -> str:
    """The page as MkDocs converts it: the front matter (title, description) is taken off
    first, and must itself be free of markup, since Material prints it unescaped."""
    body, meta = get_data(md_text)
    for value in meta.values():
        assert "<" not in value and ">" not in value and '"' not in value, value
    return markdown.markdown(body, extensions=["tables", "attr_list"])


def test_md_makes_any_text_literal_in_a_heading():
    html = to_html("## " + render.md(HOSTILE))
    assert "<script>" not in html and "<img" not in html and "<a " not in html and "<strong>" not in html and "<code>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[点我](javascript:alert(1))" in html and "{{ 7*7 }}" in html


def test_paragraphs_escape_and_never_leave_a_blank_line():
    out = render.paragraphs("第一段 <b>x</b>\n\n\n第二段")
    assert out == "<p>第一段 &lt;b&gt;x&lt;/b&gt;</p>\n<p>第二段</p>"


def test_chinese_heading_numbers():
    assert [render.cn_number(n) for n in (1, 3, 10, 11, 20, 23)] == ["一", "三", "十", "十一", "二十", "二十三"]


def test_a_hostile_report_renders_without_markup():
    data = {
        "schema_version": 1, "kind": "department", "year": 2021,
        "department": {"name": HOSTILE, "slug": "x"}, "title": HOSTILE,
        "result": {"grade": "优"}, "spending": {"total": 1, "basic": 0.5, "project": 0.5},
        "deviations": [{"indicator": HOSTILE, "reason": HOSTILE}],
        "sections": [{"title": HOSTILE, "text": HOSTILE, "items": [
            {"title": HOSTILE, "text": HOSTILE, "figures": [{"label": HOSTILE, "value": 1, "unit": HOSTILE}]},
            {"text": HOSTILE},
        ]}],
    }
    entry = Entry(Report.model_validate(data), Path("2021/x.yaml"), "2021/x.yaml", {})
    page = to_html(render.render_report(render.make_env(), derive.record(entry), {"原始文件": "x.pdf"}).markdown)
    assert "<script>" not in page and "<img" not in page and "javascript:" not in page.replace("javascript:alert(1))", "")
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8


def test_report_urls_follow_the_url_contract():
    data = {"schema_version": 1, "kind": "department", "year": 2021, "department": {"name": "a", "slug": "a"},
            "title": "t", "result": {"grade": "优"}, "spending": {"total": 1}}
    entry = Entry(Report.model_validate(data), Path("data/2021/a.yaml"), "x", {})
    assert derive.report_url(entry) == "2021/a/"


def test_heading_numbers_count_past_a_hundred():
    assert [render.cn_number(n) for n in (1, 10, 12, 20, 99, 100, 105, 110, 1010)] == [
        "一", "十", "十二", "二十", "九十九", "一百", "一百零五", "一百一十", "一千零一十"]
