"""Nothing of the source document is lost: every sentence and every figure appears on the report's page."""

import html
import re

import pytest

from .conftest import DATA

HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.])")


def visible_text(page_html: str) -> str:
    """The page's article as a reader sees it, without whitespace (the source's spacing is not significant)."""
    article = page_html[page_html.index("<article"): page_html.index("</article>")]
    article = re.sub(r"data-chart='[^']*'", "", article)  # chart options are not reading text
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    return re.sub(r"\s+", "", text)


def source_sentences(text: str) -> list[str]:
    units = []
    for line in text.splitlines():
        for part in re.split(r"(?<=[。；！？])", line):
            part = HEADING_NUMBER.sub("", re.sub(r"\s+", "", part))
            if part:
                units.append(part)
    return units


@pytest.fixture(scope="module")
def report_page(real_site) -> str:
    return visible_text((real_site.path / "2021/huangshi-shangwuju/index.html").read_text(encoding="utf-8"))


SOURCE = (DATA / "2021/huangshi-shangwuju.source.txt").read_text(encoding="utf-8")


def test_the_source_document_is_the_seed():
    assert "2021 年度黄石市商务局部门整体绩效自评结果为优。" in SOURCE
    assert len(source_sentences(SOURCE)) > 50


@pytest.mark.parametrize("sentence", source_sentences(SOURCE))
def test_every_sentence_appears_on_the_page(report_page, sentence):
    assert sentence in report_page


@pytest.mark.parametrize("figure", sorted(set(re.findall(r"\d+(?:\.\d+)?%?", SOURCE))))
def test_every_figure_appears_on_the_page(report_page, figure):
    assert figure in report_page
