"""Every field of the report model that a report fills appears on its page, for both kinds of
report: the test walks the model itself, so a field added to it later and left off the page fails
here. Each value is made distinct (no two texts or numbers alike), so finding it on the page means
the page shows that field, not another one that happens to hold the same value."""

from __future__ import annotations

import datetime
import html
import itertools
import re
import types
import typing
from pathlib import Path
from typing import Literal, get_args, get_origin

import markdown
import pytest
from pydantic import BaseModel

from generator import derive, render
from generator.model import Report
from generator.validate import Entry

# Shown in another form than their value, or not shown at all, and why.
NOT_SHOWN_AS_IS = {
    "schema_version": "the data format's version, for tools",
    "kind": "shown as 部门整体绩效自评 / 项目支出绩效自评 (kind_name)",
    "department.slug": "the address of the department's page, in links",
    "unit": "shown after every amount",
}


class Maker:
    """Values for every field, each one distinct: texts 值1, 值2 …; amounts 101.25, 102.25 …"""

    def __init__(self):
        self.n = itertools.count(1)

    def value(self, annotation, name: str, depth: int = 0):
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is typing.Annotated:
            meta = " ".join(map(repr, args[1:]))
            if "le=100" in meta:
                return round(10 + next(self.n) * 0.75, 2)  # a percentage
            return self.value(args[0], name, depth)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            return self.value(inner[0], name, depth)
        if origin is list:
            # Items nest (an item's items): two levels are enough to show that both are on the page.
            return [self.value(args[0], name, depth + 1) for _ in range(2)] if depth < 3 else []
        if origin is Literal:
            return {"kind": args[0], "grade": "良", "operator": "≥"}.get(name, args[-1] if name == "unit" else args[0])
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return {field: self.value(info.annotation, field, depth) for field, info in annotation.model_fields.items()
                    if field not in ("schema_version",)}
        if annotation is float:
            return 100 + next(self.n) + 0.25
        if annotation is int:
            return 2023
        if annotation is datetime.date:
            return datetime.date(2024, 4, 25)
        if annotation is str:
            return {"slug": "shi-li-ju", "url": "https://example.gov.cn/yuanwen.html", "file": "yuanwen-2023.pdf"}.get(
                name, f"值{next(self.n)}")
        raise TypeError(f"no value for {name}: {annotation}")


def full_report(kind: str) -> Report:
    data = Maker().value(Report, "report")
    data.update(schema_version=1, kind=kind, year=2023, unit="万元")
    data["result"]["score"] = 77.5
    data["spending"].update(basic_share=25.5, project_share=74.5)
    for indicator in data["indicators"]:
        indicator["score"] = indicator["weight"] - 1  # within its weight, still distinct
    if kind == "department":
        data["project"] = None
    return Report.model_validate(data)


def leaves(obj, path=""):
    """(path, value) of every filled leaf of a model dump; list items keep their index."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, list):
        for n, v in enumerate(obj):
            yield from leaves(v, f"{path}[{n}]")
    elif obj is not None:
        yield path, obj


def page_text(report: Report) -> str:
    entry = Entry(report, Path(f"data/{report.year}/shi-li.yaml"), "shi-li.yaml", {})
    page = render.render_report(render.make_env(), derive.derive([entry]).records[0], {"原始文件": "yuanwen-2023.pdf"})
    body = re.sub(r"^---\n.*?\n---\n", "", page.markdown, flags=re.S)
    return html.unescape(markdown.markdown(body, extensions=["tables", "attr_list"]))


def shown(value) -> str:
    if isinstance(value, float):
        return derive.fmt(value)
    return str(value)


def missing_fields(report: Report, text: str) -> list[str]:
    """The filled fields whose value the page's text does not hold."""
    missing = []
    for path, value in leaves(report.model_dump(mode="json")):
        bare = re.sub(r"\[\d+\]", "", path)
        if bare not in NOT_SHOWN_AS_IS and bare != "indicators.operator" and shown(value) not in text:
            missing.append(f"{path} = {value!r}")
    return missing


@pytest.mark.parametrize("kind", ["department", "project"])
def test_every_filled_field_of_the_model_is_on_the_report_page(kind):
    report = full_report(kind)
    text = page_text(report)
    assert missing_fields(report, text) == [], f"{kind}: fields filled but not on the page"
    assert "≥" in text  # the indicators' operator
    # The kind: a department report's name in the breadcrumbs; a project report's summary opens with 项目.
    assert (report.kind_name in text) if kind == "department" else ("<dt>项目</dt>" in text)


def test_a_field_left_off_the_page_is_caught():
    report = full_report("department")
    text = page_text(report).replace(report.measures[1], "").replace(derive.fmt(report.funds[0].initial), "")
    assert missing_fields(report, text) == [f"funds[0].initial = {report.funds[0].initial!r}",
                                            f"measures[1] = {report.measures[1]!r}"]


def test_the_budget_words_are_explained_a_tap_from_the_page():
    from generator.glossary import TERMS

    text = page_text(full_report("department"))
    assert '<a href="../../terms/">名词解释</a>' in text
    terms = render.make_env().get_template("terms.md.j2").render()
    for term in ("预算执行率", "基本支出", "项目支出", "自评等级", "推算"):
        assert re.search(f'<dt id="\\d+">{term}</dt><dd>{re.escape(TERMS[term])}</dd>', terms), term
