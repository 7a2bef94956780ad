"""Import of published documents: the seed and invented documents of several shapes (tests/documents/)."""

import re

import pytest
import yaml

from generator.importers.document import build_draft, read_lines

from .conftest import SEED, SEED_SOURCE, run_generator
from .test_fidelity import HEADING_NUMBER

DOCS = SEED.parent.parent.parent / "tests" / "documents"


def all_text(data: dict) -> str:
    """Every text of a draft, joined: what the page will show."""
    parts = [data.get("title") or "", data.get("intro") or ""]

    def walk(nodes):
        for n in nodes:
            parts.extend([n.get("title") or "", n.get("text") or ""])
            walk(n.get("items", []))

    walk(data.get("sections", []))
    return re.sub(r"\s+", "", "".join(parts))


@pytest.mark.parametrize("path", [SEED_SOURCE, *sorted(DOCS.glob("*.txt"))], ids=lambda p: p.stem)
def test_the_importer_never_drops_a_line(path):
    draft = build_draft(path)
    text = all_text(draft.data)
    for line in read_lines(path):
        # Heading numbers (一、 （一） 1.) are layout: the page numbers headings itself.
        assert HEADING_NUMBER.sub("", re.sub(r"\s+", "", line)) in text, line


def test_the_seed_imports_into_the_same_sections_as_the_curated_yaml():
    curated = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    draft = build_draft(SEED_SOURCE).data
    assert draft["sections"] == [
        {k: v for k, v in s.items()} for s in yaml.safe_load(yaml.safe_dump(_without_figures(curated["sections"])))]
    assert draft["title"] == curated["title"]
    assert draft["spending"] == {k: v for k, v in curated["spending"].items() if v is not None}
    assert draft["deviations"] == curated["deviations"]
    assert draft["result"] == {"grade": "优"}
    assert draft["department"] == {"name": "黄石市商务局", "slug": "huangshi-shangwuju"}


def _without_figures(nodes):
    out = []
    for n in nodes:
        n = {k: v for k, v in n.items() if k != "figures"}
        if "items" in n:
            n["items"] = _without_figures(n["items"])
        out.append(n)
    return out


def test_gbk_full_width_digits_commas_and_a_flattened_budget_table():
    draft = build_draft(DOCS / "gbk_fullwidth.txt").data
    assert draft["year"] == 2022 and draft["result"] == {"grade": "良", "score": 86.5}
    assert draft["spending"] == {"total": 8483.1, "basic": 1390.81, "project": 7092.29, "personnel": 1000.81,
                                 "public": 390.0, "basic_share": 16.39, "project_share": 83.61}
    assert draft["budget"] == {"initial": 8000.0, "adjusted": 8600.0, "executed": 8483.1, "rate": 98.64}
    assert draft["deviations"] == [{"indicator": "预算执行率", "reason": "部分资金年底下达。"},
                                   {"indicator": "项目完成率", "reason": "天气影响工期。"}]
    assert draft["measures"] == ["加强预算执行监控。按月通报执行进度。", "提前谋划项目。"]
    # headings 一、 （一） 1. all found, and the text kept verbatim (full-width digits included)
    assert [s["title"] for s in draft["sections"]] == ["基本情况", "绩效目标完成情况", "偏差及原因", "下一步改进措施"]
    assert "８,４８３．１０万元" in draft["sections"][0]["items"][0]["text"]


def test_one_cell_per_line_and_an_indicator_table():
    draft = build_draft(DOCS / "cells_per_line.txt").data
    assert draft["spending"] == {"total": 1172.55, "basic": 400.05, "project": 772.5}
    assert draft["result"]["grade"] == "优"
    rows = draft["indicators"]
    assert [r["name"] for r in rows] == ["救助人次", "资金发放准确率", "困难群众基本生活保障", "满意度"]
    assert rows[0] == {"level1": "产出指标", "level2": "数量指标", "name": "救助人次", "operator": "≥", "target": 1000.0,
                       "actual": 1200.0, "weight": 30.0, "score": 30.0}
    assert rows[1]["level1"] == "产出指标"  # a merged cell carries the value above
    assert rows[2]["target"] == "有效保障" and rows[2]["note"] == "个别对象核查滞后"


def test_what_cannot_be_placed_goes_to_unclassified_content_with_a_warning(tmp_path):
    out = tmp_path / "draft.yaml"
    result = run_generator("import", str(DOCS / "project_with_preamble.txt"), "-o", str(out))
    assert result.returncode == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["kind"] == "project" and data["result"] == {"grade": "优", "score": 91.0}
    # The opening sentence before the first heading is the intro; a line that is neither stays unplaced.
    assert data["intro"] == "本报告依据《项目支出绩效评价管理办法》编制，数据截至2022年12月31日。"
    assert data["sections"][-1] == {"title": "未归类内容", "items": [{"text": "内部资料 注意保存"}]}
    assert "未归类内容" in result.stderr and "警告" in result.stderr
    missing = next(line for line in result.stdout.splitlines() if line.startswith("没有找到"))
    assert "全年执行数" in missing and "本年财政拨款支出" not in missing  # a project form has no department spending
    assert (tmp_path / "project_with_preamble.txt").is_file()  # the source sits beside its draft


def test_a_docx_with_headings_and_a_table(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2023年度示例市水务局部门整体绩效自评报告")
    document.add_paragraph("一、基本情况")
    document.add_paragraph("本年财政拨款支出 2,000.5 万元，其中基本支出 500.5 万元，项目支出 1500 万元。自评结果为优。")
    document.add_paragraph("二、绩效指标")
    table = document.add_table(rows=2, cols=6)
    for cell, text in zip(table.rows[0].cells, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["产出指标", "数量指标", "供水管网改造", "≥20", "22", "20"]):
        cell.text = text
    path = tmp_path / "report.docx"
    document.save(path)
    draft = build_draft(path).data
    assert draft["year"] == 2023 and draft["department"]["name"] == "示例市水务局"
    assert draft["spending"] == {"total": 2000.5, "basic": 500.5, "project": 1500.0}
    assert draft["indicators"] == [{"level1": "产出指标", "level2": "数量指标", "name": "供水管网改造", "operator": "≥",
                                    "target": 20.0, "actual": 22.0, "score": 20.0}]
    assert "供水管网改造" in all_text(draft)


def test_import_refuses_to_overwrite(tmp_path):
    out = tmp_path / "x.yaml"
    out.write_text("keep", encoding="utf-8")
    result = run_generator("import", str(SEED_SOURCE), "-o", str(out))
    assert result.returncode == 1 and out.read_text(encoding="utf-8") == "keep"


def test_a_budget_figure_is_the_reports_only_when_its_label_starts_the_phrase():
    from generator.importers.narrative_figures import extract

    # Shapes of real reports: one item's budget inside a list, and what was to be spent.
    values, _, _ = extract(["其中,法院执行年初预算数6万元,年末结算支出6万元。", "全年应执行数为7.79万元,实际执行率为100%。"], "")
    assert "initial" not in values.get("budget", {}) and "executed" not in values.get("budget", {})
    values, _, _ = extract(["2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元。"], "")
    assert values["budget"]["initial"] == 57.28
