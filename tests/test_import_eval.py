"""The importer's scorer (bench/import_eval.py): a fake importer on tiny corpora, where every count is known,
and the real command on the real corpus."""

import contextlib
import io
import json
import subprocess
import sys

import pytest
import yaml

from bench import import_eval
from generator.problems import DataError, Problem

from .conftest import ROOT


def make_doc(corpus, doc_id, answer, text="一行正文\n", held_out=False):
    folder = corpus / doc_id
    folder.mkdir(parents=True)
    (folder / "document.txt").write_text(text, encoding="utf-8")
    (folder / "source.yaml").write_text(yaml.safe_dump({"held_out": held_out}), encoding="utf-8")
    (folder / "answer.yaml").write_text(yaml.safe_dump(answer, allow_unicode=True), encoding="utf-8")


def fake_importer(monkeypatch, drafts):
    """draft_of returns the draft given for the file's folder (or raises what is given)."""
    def draft_of(path):
        draft = drafts[path.parent.name if path.name == "document.txt" else path.name]
        if isinstance(draft, Exception):
            raise draft
        return {"unplaced": [], **draft}
    monkeypatch.setattr(import_eval, "draft_of", draft_of)


def run(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = import_eval.main([str(a) for a in args])
    return status, out.getvalue()


def test_each_fact_is_correct_wrong_invented_or_missed(tmp_path, monkeypatch):
    answer = {"kind": "department", "year": 2021, "unit": "某市商务局", "project": None, "score": 90, "money_unit": "元",
              "spending": {"total": 100, "basic": 40}, "budget": {"adjusted": 200},
              "funds": [{"source": "财政资金", "adjusted": 150, "executed": 140}, {"source": "上年结转"}],
              "counts": {"deviations": 2, "problems": 1}}
    make_doc(tmp_path, "d01", answer)
    make_doc(tmp_path, "d02", {"kind": "department", "unit": "某市商务局"})
    fake_importer(monkeypatch, {
        "d01": {"data": {"kind": "department", "year": "２０２１", "department": {"name": "某市 商务局"},
                         "result": {"score": 90.0}, "spending": {"total": 100.01, "project": 60},
                         "budget": {"rate": 99}, "funds": [{"source": "财政资金", "adjusted": 150.0},
                                                           {"source": "其他资金", "initial": 5}],
                         "deviations": [{}, {}], "measures": ["不算：原文没有说条数"]}},
        "d02": {"data": {"kind": "department", "department": {"name": "商务局"}}},  # no fuzzy match
    })
    d01, d02 = import_eval.score_corpus(tmp_path)
    g = d01["groups"]
    counts = lambda group: tuple(g[group][k] for k in ("stated", "correct", "wrong", "invented", "missed"))  # noqa: E731
    assert counts("类型") == counts("年度") == counts("单位") == counts("得分") == (1, 1, 0, 0, 0)  # full-width, spaces, 90.0
    assert counts("项目") == (0, 0, 0, 0, 0)  # null: not stated, and not invented either
    assert counts("金额单位") == (1, 0, 1, 0, 0)  # no unit in the draft means 万元, the document says 元
    assert counts("支出") == (2, 0, 1, 1, 1)  # total off by 0.01, project invented, basic missed
    assert counts("预算") == (1, 0, 0, 1, 1)  # adjusted missed, rate invented
    assert counts("资金来源") == (2, 1, 0, 1, 1)  # executed missed, the row 其他资金 invented
    assert counts("偏差条数") == (1, 1, 0, 0, 0) and counts("问题条数") == (1, 0, 0, 0, 1)
    assert counts("措施条数") == (0, 0, 0, 0, 0)
    assert ("spending.project", None, 60) in d01["wrong"] and ("money_unit", "元", "万元") in d01["wrong"]
    assert len(d01["wrong"]) == 5
    assert d02["groups"]["单位"]["wrong"] == 1 and d02["wrong"] == [("unit", "某市商务局", "商务局")]


def test_indicator_rows_match_by_name_and_need_every_value(tmp_path, monkeypatch):
    make_doc(tmp_path, "p01", {"kind": "project", "indicators": [
        {"name": "群众满意度", "target": "≧95%", "actual": "98%", "weight": 10, "score": 10},
        {"name": "培训人数", "target": "100人", "weight": 5},
        {"name": "完成率", "target": "≥90%"},
        {"name": "出勤率", "target": "95%"},
        {"name": "覆盖率", "actual": "100%"},
    ]})
    fake_importer(monkeypatch, {"p01": {"data": {"kind": "project", "indicators": [
        {"name": "群众　满意度", "operator": "≥", "target": 95, "unit": "%", "actual": 98.0, "weight": 10, "score": 10},
        {"name": "培训人数", "target": 100, "unit": "人", "weight": 5, "score": 5},  # score invented
        {"name": "完成率", "operator": "=", "target": 90, "unit": "%"},  # = is not ≥
        {"name": "出勤率", "operator": "≥", "target": 95, "unit": "%"},  # nor ≥ no sign
        {"name": "编造指标", "target": 1},
    ]}}})
    [score] = import_eval.score_corpus(tmp_path)
    rows = score["groups"]["指标行"]
    assert (rows["stated"], rows["correct"], rows["wrong"], rows["invented"], rows["missed"]) == (5, 1, 3, 1, 1)
    assert [w[0] for w in score["wrong"]] == ["指标行 培训人数.score", "指标行 完成率.target", "指标行 出勤率.target", "指标行"]
    assert import_eval.totals([score])["rows_found"] == 1


@pytest.mark.parametrize("listed", [["无处可去的一段"], []])  # listed as unplaced, or only in the section
def test_unplaced_share_and_lost_lines(tmp_path, monkeypatch, listed):
    text = "标题\n\n一、概况\n正文甲乙丙丁。\n无处可去的一段\n丢了的 一行\n"  # 25 characters
    make_doc(tmp_path, "d01", {"kind": "department"}, text)
    fake_importer(monkeypatch, {"d01": {"unplaced": listed, "data": {"kind": "department", "title": "标题", "sections": [
        {"title": "概况", "text": "正文甲乙丙丁。"},  # the heading's number 一、 is not text
        {"title": "未归类内容", "items": [{"text": "无处可去的一段"}]}]}}})
    [score] = import_eval.score_corpus(tmp_path)
    assert score["unplaced"] == pytest.approx(7 / 25)  # counted once
    assert score["lost"] == 1  # 丢了的一行


def test_held_out_details_check_json_and_refused_forms(tmp_path, monkeypatch):
    corpus, forms = tmp_path / "corpus", tmp_path / "forms"
    make_doc(corpus, "d01-dev", {"kind": "department", "year": 2020})
    make_doc(corpus, "d02-secret", {"kind": "department", "year": 2021}, held_out=True)
    forms.mkdir()
    (forms / "manifest.json").write_text(json.dumps([{"file": "a.pdf", "corpus_id": "d01-dev", "format": "pdf"}]))
    refused = DataError([Problem("a.pdf", None, "", "不能读 PDF")])
    drafts = {"d01-dev": {"data": {"kind": "department", "year": 2020}},
              "d02-secret": {"data": {"kind": "project", "year": 2021}}, "a.pdf": refused}
    fake_importer(monkeypatch, drafts)
    status, out = run("--corpus", corpus, "--forms", forms, "--check", "--json", tmp_path / "f.json")
    assert status == 0 and "d01-dev" in out and "d02-secret" not in out  # the wrong kind is held out
    assert "d01-dev.pdf  未能导入：" in out and "不能读 PDF" in out
    figures = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert figures["保留文档"]["groups"]["类型"]["wrong"] == 1 and figures["保留文档"]["per_document"] == []
    assert figures["生成的表格文件"]["groups"]["年度"] == {"stated": 1, "correct": 0, "wrong": 0, "invented": 0, "missed": 1}
    assert figures["生成的表格文件"]["refused"] == 1
    assert "d02-secret  kind：应为 department，得到 project" in run("--corpus", corpus, "--held-out")[1]
    drafts["d01-dev"]["data"]["year"] = 2019
    assert run("--corpus", corpus, "--check")[0] == 1 and run("--corpus", corpus)[0] == 0


def test_the_real_command_on_the_real_corpus():
    command = [sys.executable, "-m", "bench.import_eval"]
    plain = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    shown = subprocess.run([*command, "--held-out"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert plain.returncode == shown.returncode == 0, plain.stderr + shown.stderr
    for group in import_eval.GROUPS:
        assert plain.stdout.count(f"\n| {group} ") == 2  # development and held-out tables
    assert "指标行 找到/应有：" in plain.stdout and "未归类文字占比：中位数" in plain.stdout and "丢失行数：" in plain.stdout
    corpus = ROOT / "tests" / "corpus"
    held = [p.parent.name for p in corpus.glob("*/source.yaml") if yaml.safe_load(p.read_text(encoding="utf-8")).get("held_out")]
    developed = [p.parent.name for p in corpus.glob("*/source.yaml") if p.parent.name not in held]
    assert held and developed
    assert not any(name in plain.stdout for name in held) and all(name in plain.stdout for name in developed)
    assert all(name in shown.stdout for name in held)


def test_an_answer_whose_row_a_comma_cut_in_two_is_refused(tmp_path):
    # {name: 文物本体安全、体现文物价值,提升知名度} is YAML for a name cut at the comma and a key 提升知名度.
    corpus = tmp_path / "corpus"
    make_doc(corpus, "p01", {"kind": "project"})
    (corpus / "p01" / "answer.yaml").write_text("kind: project\nindicators:\n  - {name: 甲、乙,丙, weight: 5}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        run("--corpus", corpus)
    assert "p01/answer.yaml：indicators 第 1 项有不认识的键 ['丙']" in str(refused.value)
