"""Follow-up across years (follow_up.py): a deviation's indicator found again in the next year's
report only under the same name, a problem marked as back only when stated again word for word,
and the rest left side by side, never matched by guesswork."""

from __future__ import annotations

import markdown

from generator import derive, render
from generator.follow_up import follow_up
from generator.loading import load

HEAD = """\
schema_version: 1
kind: department
year: {year}
department: {{name: 示例局, slug: shi-li-ju}}
title: {year} 年度示例局部门整体绩效自评
"""
Y2022 = HEAD.format(year=2022) + """\
deviations:
  - {indicator: 预算执行率, reason: 项目资金下达较晚。}
  - {indicator: 培训人次, reason: 疫情停办两期。}
problems: [项目前期论证不够充分。, 资金拨付进度偏慢。]
measures: [加强项目前期论证。]
"""
Y2023 = HEAD.format(year=2023) + """\
indicators:
  - {level1: 产出指标, name: 预算执行率, target: 95, unit: "%", actual: 97, weight: 10, score: 10}
  - {level1: 产出指标, name: 培训人数, target: 500, unit: 人, actual: 480, weight: 10, score: 9}
problems: [项目前期论证不够充分, 资金拨付进度偏慢，个别项目延期。]
"""


def records(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2023").mkdir()
    (tmp_path / "2022/shi-li-ju.yaml").write_text(Y2022, encoding="utf-8")
    (tmp_path / "2023/shi-li-ju.yaml").write_text(Y2023, encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.errors == []
    return derive.derive(loaded.entries).records


def test_deviations_meet_next_years_same_named_indicator_and_repeated_problems_are_marked(tmp_path):
    [(subject, steps)] = follow_up(records(tmp_path))
    assert subject == "部门整体" and [s.rec.report.year for s in steps] == [2023, 2022]
    step = steps[1]
    assert step.following.report.year == 2023
    matched = {d.indicator: (ind.name if ind else None) for d, ind in step.deviations}
    # 培训人次 is not 培训人数: close, but not the same words, so not matched.
    assert matched == {"预算执行率": "预算执行率", "培训人次": None}
    # The first problem is back word for word (end punctuation aside); the second was reworded.
    assert step.problems == (("项目前期论证不够充分。", True), ("资金拨付进度偏慢。", False))
    assert steps[0].following is None  # the newest year: its next report is not out yet


def test_the_department_page_lines_them_up(tmp_path):
    recs = records(tmp_path)
    pages = {p.path: p.markdown for p in render.render_indexes(render.make_env(), derive.derive([r.entry for r in recs]))}
    page = pages["departments/shi-li-ju/index.md"]
    assert "逐年跟进：问题和整改" in page
    assert "同名指标：年度指标值 95 %，实际完成值 97 %，得分 10 / 10" in page
    assert "报告中没有同名的绩效指标" in page and page.count("（下一年再次列出）") == 1


def test_a_projects_name_in_the_follow_up_heading_stays_text(tmp_path):
    # A reviewer's attack: the heading was Markdown, so a name made a javascript: link or, with
    # attr_list, an onmouseover attribute.
    name = "农村公路**b**[a](javascript:alert(1)) {: onmouseover=alert(1) }"
    project = ("kind: project\nproject:\n  name: '{}'\nproblems: [资金拨付慢。]\n").format(name)
    for year in (2022, 2023):
        (tmp_path / str(year)).mkdir()
        (tmp_path / f"{year}/shi-li-ju-gonglu.yaml").write_text(
            HEAD.format(year=year).replace("kind: department\n", "") + project, encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.errors == []
    pages = {p.path: p.markdown for p in render.render_indexes(render.make_env(), derive.derive(loaded.entries))}
    html = markdown.markdown(pages["departments/shi-li-ju/index.md"].split("---\n", 2)[2], extensions=["tables", "attr_list"])
    heading = next(line for line in html.splitlines() if line.startswith("<h3"))
    assert "<a " not in heading and "<strong>" not in heading and "onmouseover=" not in heading.split(">")[0]
    assert "javascript:alert(1)" in heading  # shown as the text it is


def test_a_project_report_without_its_projects_name_is_not_followed_and_the_pages_build(tmp_path):
    # Found building an imported draft (p38): a project report may leave out the project's name (a
    # warning); the department page's follow-up read its name and the build stopped with a traceback.
    for year in (2022, 2023):
        (tmp_path / str(year)).mkdir()
        (tmp_path / f"{year}/shi-li-ju-xiangmu.yaml").write_text(
            HEAD.format(year=year).replace("kind: department", "kind: project") + "problems: [资金拨付慢。]\n", encoding="utf-8")
    (tmp_path / "2022/shi-li-ju.yaml").write_text(Y2022, encoding="utf-8")
    (tmp_path / "2023/shi-li-ju.yaml").write_text(Y2023, encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.errors == [] and len(loaded.entries) == 4
    assert [subject for subject, _ in follow_up(loaded.entries)] == ["部门整体"]
    pages = {p.path: p.markdown for p in render.render_indexes(render.make_env(), derive.derive(loaded.entries))}
    assert "资金拨付慢" not in pages["departments/shi-li-ju/index.md"].split("部门整体", 1)[0]
