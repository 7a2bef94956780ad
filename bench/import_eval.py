"""How well the document importer reads real self-evaluations: its drafts against tests/corpus/.

    .venv/bin/python -m bench.import_eval [--held-out] [--check] [--json FILE] [--forms DIR]

Each corpus folder's answer.yaml says what its document.txt states (a key left out: not stated).
Every fact is found (correct), wrong (another value), missed (no value) or invented (a value the
document does not state: counted as wrong). Also: indicator rows found, the share of the text left
unplaced, and the lines of the document that appear nowhere in the draft. Development and held-out
documents are totalled apart; held-out documents' details are printed only with --held-out, so
nobody tunes the importer to them. --forms DIR scores the files DIR/manifest.json lists
([{file, corpus_id, format}]) against their corpus id's answer.yaml. Exit status 0, unless --check
and a development document has a wrong value.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from pathlib import Path

import yaml

from generator.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
UNPLACED_TITLE = "未归类内容"
MONEY = ("initial", "adjusted", "executed")
ROW_FIELDS = ("target", "actual", "weight", "score")
COUNTS = {"偏差条数": "deviations", "问题条数": "problems", "措施条数": "measures"}
# (group, path in answer.yaml, path in the draft)
FACTS = [("类型", "kind", "kind"), ("年度", "year", "year"), ("单位", "unit", "department.name"),
         ("项目", "project", "project.name"), ("等级", "grade", "result.grade"), ("得分", "score", "result.score")]
FACTS += [("支出", f"spending.{k}", f"spending.{k}") for k in ("total", "basic", "project", "personnel", "public")]
FACTS += [("预算", f"budget.{k}", f"budget.{k}") for k in (*MONEY, "rate")]
GROUPS = [g for g, _, _ in FACTS[:6]] + ["金额单位", "支出", "预算", "资金来源", "指标行", *COUNTS]
SIGNS = str.maketrans({"≧": "≥", "≦": "≤", "═": "="})  # signs some provinces' tables use for ≥ ≤ =
# Section and item titles are kept without their numbers (一、 （二） 3.), as the report model says.
BLANK_NUMBER = re.compile(r"(?<=\s)[一二三四五六七八九十](?=\s)")
HEADING_NUMBER = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}(?:[、．]|\.(?!\d))")


# ---- the importer: the only two functions that know what it returns ----------------------

def draft_of(path: Path) -> dict:
    """{"data": the report-shaped draft, "unplaced": paragraphs it could not place}; DataError if refused."""
    from generator.importers.document import build_draft

    draft = build_draft(path)
    return {"data": draft.data, "unplaced": list(draft.unplaced)}


def unplaced_of(draft: dict) -> list[str]:
    """The paragraphs left unplaced: listed as such, or put in a section 未归类内容 (each once)."""
    texts = list(draft.get("unplaced") or [])
    for section in draft["data"].get("sections") or []:
        if section.get("title") == UNPLACED_TITLE:
            texts += [t for t in strings(section) if t != UNPLACED_TITLE and t not in texts]
    return texts


# ---- comparing values ---------------------------------------------------------------------

# A comparison written in words is the sign the importer puts in its place (不少于12种 is ≥12种).
WORD_SIGNS = [(">=", "≥"), ("<=", "≤"), ("大于等于", "≥"), ("不少于", "≥"), ("不低于", "≥"), ("小于等于", "≤"), ("不超过", "≤"), ("不高于", "≤"),
              ("大于", ">"), ("小于", "<")]


def norm(value) -> str:
    """Text as compared: full-width folded to half-width, no whitespace, comparisons as signs."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).translate(SIGNS)
    for words, sign in WORD_SIGNS:
        text = text.replace(words, sign)
    return text


def number(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(norm(value).replace(",", ""))
    except ValueError:
        return None


def same(expected, got) -> bool:
    a, b = number(expected), number(got)
    if a is None and b is None and norm(expected).endswith("%") and norm(got).endswith("%"):
        a, b = number(norm(expected)[:-1]), number(norm(got)[:-1])  # 97.30% is 97.3%
    return abs(a - b) <= 1e-6 if a is not None and b is not None else norm(expected) == norm(got)  # 62.731 is not 62.73


def get(d: dict | None, path: str):
    for key in path.split("."):
        d = d.get(key) if isinstance(d, dict) else None
    return None if d == "" else d


def strings(obj):
    """Every text in obj, in order."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- scoring one document -----------------------------------------------------------------

def empty_score(doc_id: str, held_out: bool) -> dict:
    return {"id": doc_id, "held_out": held_out, "error": None, "wrong": [], "unplaced": None, "lost": None,
            "groups": {g: dict(stated=0, correct=0, wrong=0, invented=0, missed=0) for g in GROUPS}}


def judge(score: dict, group: str, field: str, expected, got) -> None:
    g = score["groups"][group]
    if expected is None:
        if got is not None:  # the document does not say it: invented
            g["invented"] += 1
            score["wrong"].append((field, None, got))
        return
    g["stated"] += 1
    if got is None:
        g["missed"] += 1
    elif same(expected, got):
        g["correct"] += 1
    else:
        g["wrong"] += 1
        score["wrong"].append((field, expected, got))


def shown(v) -> str:
    """A draft value as a document writes it: 735.0 -> 735."""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def row_candidates(field: str, row: dict) -> list:
    """The ways a draft row's value may be written: 95, 95%, ≥95% (operator and unit are apart in the model)."""
    v = row.get(field)
    if v is None or field in ("weight", "score"):
        return [] if v is None else [v]
    texts = [shown(v), shown(v) + (row.get("unit") or "")]
    op = row.get("operator") if field == "target" else None
    bare = [v, *texts] if op in (None, "=", "定性") else []  # ≥95 is not 95
    return bare + ([op + t for t in texts] if op and op != "定性" else [])


def judge_rows(score: dict, stated: list[dict], drafted: list[dict]) -> None:
    """Rows matched by 三级指标 name; found only if every value agrees and none is invented."""
    g, pool = score["groups"]["指标行"], list(drafted)
    for row in stated:
        g["stated"] += 1
        match = next((d for d in pool if norm(d.get("name")) == norm(row.get("name"))), None)
        if match is None:
            g["missed"] += 1
            continue
        pool.remove(match)
        bad = []
        for k in ROW_FIELDS:
            got = match.get(k)
            if row.get(k) is None:
                if got is not None:
                    bad.append((f"指标行 {row['name']}.{k}", None, got))
            elif got is None or not any(same(row[k], c) for c in row_candidates(k, match)):
                bad.append((f"指标行 {row['name']}.{k}", row[k], got if got is None else row_candidates(k, match)[-1]))
        g["wrong" if bad else "correct"] += 1
        score["wrong"] += bad
    for d in pool:
        g["invented"] += 1
        score["wrong"].append(("指标行", None, d.get("name")))


def score_draft(score: dict, answer: dict, draft: dict) -> dict:
    data = draft["data"]
    for group, a_path, d_path in FACTS:
        judge(score, group, a_path, get(answer, a_path), get(data, d_path))
    unit = answer.get("money_unit")
    # The model's default 万元 counts only where the draft holds amounts: a unit of no amount says nothing.
    has_money = any(data.get(k) for k in ("spending", "budget", "funds"))
    judge(score, "金额单位", "money_unit", unit, data.get("unit") or ("万元" if unit and has_money else None))
    a_funds = {norm(r.get("source")): r for r in answer.get("funds") or []}
    d_funds = {norm(r.get("source")): r for r in data.get("funds") or []}
    for name in dict.fromkeys([*a_funds, *d_funds]):
        for k in MONEY:
            judge(score, "资金来源", f"funds[{name}].{k}", get(a_funds.get(name), k), get(d_funds.get(name), k))
    judge_rows(score, answer.get("indicators") or [], data.get("indicators") or [])
    for group, key in COUNTS.items():
        expected = (answer.get("counts") or {}).get(key)
        if expected is not None:  # only where the answer states a count
            got, g = len(data.get(key) or []), score["groups"][group]
            g["stated"] += 1
            g["correct" if got == expected else "missed" if got == 0 else "wrong"] += 1
            if got not in (expected, 0):
                score["wrong"].append((key, expected, got))
    return score


def lost_lines(text: str, data: dict) -> int:
    """Non-blank lines whose text is nowhere in the draft (its YAML, or its texts run together)."""
    raw = yaml.safe_dump(data, allow_unicode=True, width=10**9) + "\n" + "".join(strings(data))
    # Heading numbers are dropped wherever a heading was found, also inside a line run together, whose
    # pieces may land in different sections: each piece between them must be somewhere. Line by line:
    # two lines squashed together make numbers that are in neither (0.1 + 2.单位 -> 12.).
    hay = "".join(HEADING_NUMBER.sub("", squash(line).replace("|", "")) for line in raw.splitlines())
    # A heading number standing between blanks (一 绩效管理…, a text layer that lost the 、) too.
    # A bar is a cell's edge, not text: a line of cells is kept when every cell is.
    return sum(1 for line in text.splitlines()
               if any(piece not in hay for piece in HEADING_NUMBER.split(squash(BLANK_NUMBER.sub(" ", line)).replace("|", ""))
                      if piece))


def score_file(path: Path, answer: dict, doc_id: str, held_out: bool, text: str | None) -> dict:
    """One file's score; text (the document) also measures unplaced and lost text."""
    score = empty_score(doc_id, held_out)
    try:
        draft = draft_of(path)
    except DataError as e:  # refused: every stated fact is missed
        score["error"] = str(e).splitlines()[0] if str(e) else type(e).__name__
        return score_draft(score, answer, {"data": {}, "unplaced": []})
    score_draft(score, answer, draft)
    if text is not None:
        body = len(squash(text))
        score["unplaced"] = min(1.0, len(squash("".join(unplaced_of(draft)))) / body) if body else 0.0
        score["lost"] = lost_lines(text, draft["data"])
    return score


ROW_KEYS = {"level1", "level2", "name", "target", "actual", "weight", "score", "note", "unit", "operator"}
FUND_KEYS = {"source", *MONEY}


def load(path: Path) -> dict:
    """An answer, refused if a row holds a key no answer has: a comma left unquoted in a flow mapping
    ({name: 甲,乙}) cuts a value in two, and the row would be scored against half its name."""
    answer = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for field, allowed in (("indicators", ROW_KEYS), ("funds", FUND_KEYS)):
        for n, row in enumerate(answer.get(field) or [], 1):
            if stray := set(row) - allowed:
                raise SystemExit(f"{path}：{field} 第 {n} 项有不认识的键 {sorted(map(str, stray))}（值里的逗号要加引号）")
    return answer


def score_corpus(corpus: Path) -> list[dict]:
    out = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "answer.yaml").exists()):
        held_out = bool(load(folder / "source.yaml").get("held_out"))
        text = (folder / "document.txt").read_text(encoding="utf-8")
        out.append(score_file(folder / "document.txt", load(folder / "answer.yaml"), folder.name, held_out, text))
    return out


def score_forms(forms: Path, corpus: Path) -> list[dict]:
    out = []
    for entry in json.loads((forms / "manifest.json").read_text(encoding="utf-8")):
        folder = corpus / entry["corpus_id"]
        held_out = bool(load(folder / "source.yaml").get("held_out"))
        doc_id = f"{entry['corpus_id']}.{entry['format']}"
        out.append(score_file(forms / entry["file"], in_form(load(folder / "answer.yaml"), entry.get("not_in_form", [])),
                              doc_id, held_out, None))
    return out


def in_form(answer: dict, not_in_form: list[str]) -> dict:
    """The answer without the facts the form file does not show (its manifest's not_in_form,
    such as spending.total or counts.problems): a form cannot state what it leaves out."""
    out = json.loads(json.dumps(answer))  # a copy
    for path in not_in_form:
        node, *rest = path.split(".")
        if rest and isinstance(out.get(node), dict):
            out[node].pop(rest[0], None)
            if not out[node]:
                out.pop(node)
        else:
            out.pop(node, None)
    return out


# ---- totals and the table -----------------------------------------------------------------

def totals(scores: list[dict]) -> dict:
    groups = {g: {k: sum(s["groups"][g][k] for s in scores) for k in scores[0]["groups"][g]} for g in GROUPS} if scores else {}
    shares = [s["unplaced"] for s in scores if s["unplaced"] is not None]
    rows = groups.get("指标行", {})
    return {"documents": len(scores), "groups": groups, "rows_found": rows.get("correct", 0), "rows_stated": rows.get("stated", 0),
            "unplaced_median": statistics.median(shares) if shares else None, "unplaced_max": max(shares) if shares else None,
            "lost_lines": sum(s["lost"] for s in scores if s["lost"] is not None),
            "wrong": sum(len(s["wrong"]) for s in scores), "refused": sum(1 for s in scores if s["error"])}


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    line = lambda r: "| " + " | ".join(c + " " * (w - width(c)) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return [line(rows[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows[1:])]


def percent(x: float | None) -> str:
    return "—" if x is None else f"{x:.1%}"


def report(name: str, scores: list[dict], details: bool) -> list[str]:
    t = totals(scores)
    out = [f"## {name}（{t['documents']} 份）", ""]
    rows = [["字段", "原文给出", "正确", "错误(含编造)", "漏掉"]]
    for g, c in t["groups"].items():
        rows.append([g, str(c["stated"]), str(c["correct"]), f"{c['wrong'] + c['invented']}（编造 {c['invented']}）", str(c["missed"])])
    facts = [c for g, c in t["groups"].items() if g != "指标行"]
    stated, correct = sum(c["stated"] for c in facts), sum(c["correct"] for c in facts)
    out += table(rows) + ["", f"关键事实（指标行以外各栏）找到/应有：{correct}/{stated}（{percent(correct / stated if stated else None)}）",
                          f"指标行 找到/应有：{t['rows_found']}/{t['rows_stated']}",
                          f"未归类文字占比：中位数 {percent(t['unplaced_median'])}，最大 {percent(t['unplaced_max'])}",
                          f"丢失行数：{t['lost_lines']}", ""]
    if not details:
        return out + ["（逐份结果不显示：加 --held-out 查看。）", ""]
    per = [["文档", "正确", "错误", "漏掉", "指标行", "未归类", "丢失行"]]
    for s in scores:
        c = {k: sum(g[k] for g in s["groups"].values()) for k in ("correct", "wrong", "invented", "missed")}
        r = s["groups"]["指标行"]
        per.append([s["id"], str(c["correct"]), str(c["wrong"] + c["invented"]), str(c["missed"]),
                    f"{r['correct']}/{r['stated']}", percent(s["unplaced"]), "—" if s["lost"] is None else str(s["lost"])])
    out += table(per) + [""]
    for s in scores:
        if s["error"]:
            out.append(f"{s['id']}  未能导入：{s['error']}")
        for field, expected, got in s["wrong"]:
            want = "（原文没有）" if expected is None else expected
            out.append(f"{s['id']}  {field}：应为 {want}，得到 {str(got)[:60]}")
    return out + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_eval", description=__doc__.split("\n")[0])
    parser.add_argument("--held-out", action="store_true", help="也显示保留文档的逐份结果")
    parser.add_argument("--check", action="store_true", help="开发文档有错误值时以状态 1 退出")
    parser.add_argument("--json", type=Path, help="把数字写入这个 JSON 文件")
    parser.add_argument("--forms", type=Path, help="按 DIR/manifest.json 评估生成的表格文件")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    scores = score_corpus(args.corpus)
    sets = {"开发文档": [s for s in scores if not s["held_out"]], "保留文档": [s for s in scores if s["held_out"]]}
    if args.forms:
        sets["生成的表格文件"] = score_forms(args.forms, args.corpus)
    lines, figures = [], {}
    for name, group in sets.items():
        held = [s for s in group if s["held_out"]]
        if args.held_out or not held:
            lines += report(name, group, True)
        elif len(held) == len(group):
            lines += report(name, group, False)
        else:  # forms of both kinds: development ones in detail, held-out ones as totals
            lines += report(name + "（开发）", [s for s in group if not s["held_out"]], True) + report(name + "（保留）", held, False)
        figures[name] = totals(group) | {"per_document": [s for s in group if args.held_out or not s["held_out"]]}
    print("\n".join(lines).rstrip())
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    dev_wrong = sum(len(s["wrong"]) for group in sets.values() for s in group if not s["held_out"])
    return 1 if args.check and dev_wrong else 0


if __name__ == "__main__":
    sys.exit(main())
