"""Search recall: the site's Pagefind search against Material's old lunr + jieba search.

    .venv/bin/python -m bench.search_recall [--json bench/recall.json]

Builds the demo data set and the real report together (marked sample data, never published)
twice: as the site is built (Pagefind), and with Material's search plugin as before. For each
query of a fixed list, the pages that should be found are those whose text contains it
(every part of it, for a query of several words); recall is the share of them each search
finds. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import html as lxml_html

from generator.search_index import EXCLUDE, NOT_INDEXED

from . import browser

ROOT = Path(__file__).resolve().parent.parent

# What a citizen might type: whole words, words inside longer words and sentences, names of
# departments, figures, two words at once, and pieces of words.
QUERIES = [
    "消费券", "核销", "招商引资", "综合保税区", "进出口", "疫情", "预算执行率", "满意度", "养老", "农村公路",
    "教师培训", "校园安全", "保税", "执行率", "消费", "公路养护", "前期论证", "拨付进度", "满铺开业", "客流量",
    "社会消费品零售总额", "首店", "商务局", "黄石市商务局", "教育局", "交通运输局", "资金使用率", "拉动消费",
    "跑省进京", "铜精矿", "4312", "消费券 核销", "湖北消费券", "团城山万达广场", "零售", "餐饮", "商贸服务",
    # pieces that cut across the words jieba makes: the known weak spot of word-based search
    "费券", "务局", "城山万达", "保税区",
]

OLD_SEARCH = """plugins:
  - search:
      lang: zh
      separator: '[\\s\\u200b\\-_,:!=\\[\\]()"`/]+|\\.(?!\\d)|&[lg]t;|(?!\\b)(?=[A-Z][a-z])'
"""


# What generator/search_index.py leaves out of the index: these classes of the article (the
# glossary link and a chart's table repeat what the page says elsewhere), and the staff's pages.
EXCLUDED = tuple(c.strip().lstrip(".") for c in EXCLUDE.split(","))


def dataset(out: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "demo", out)  # its dataset.yaml says sample: true
    shutil.copytree(ROOT / "data" / "2021", out / "2021", dirs_exist_ok=True)
    return out


def page_texts(site: Path) -> dict[str, str]:
    """What each page says, as the indexes see it: the article, without permalinks and breadcrumbs."""
    texts = {}
    for path in site.rglob("index.html"):
        if path.parent.name in ("pagefind", "search") or path.relative_to(site).as_posix() in NOT_INDEXED:
            continue
        tree = lxml_html.fromstring(path.read_bytes())
        articles = tree.xpath("//article[contains(@class, 'md-content__inner')]")
        if not articles:
            continue
        article = articles[0]
        for junk in article.xpath(".//*[" + " or ".join(f"contains(concat(' ', @class, ' '), ' {c} ')" for c in EXCLUDED) + "]"):
            junk.drop_tree()
        rel = "/" + path.parent.relative_to(site).as_posix() + "/"
        texts[rel.replace("/./", "/")] = "".join(article.text_content().split())
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_recall", description="中文搜索召回率：Pagefind 与原 lunr 搜索")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "recall.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jx-recall-") as tmp:
        work = Path(tmp)
        data = dataset(work / "data")
        subprocess.run([sys.executable, "-m", "generator", "build", "--data", str(data), "--site-dir", str(work / "site"),
                        "--docs-dir", str(work / "docs")], cwd=ROOT, check=True, capture_output=True)
        config = work / "old.yml"
        config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {work / 'docs'}\nsite_dir: {work / 'old'}\n"
                          f"strict: false\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n" + OLD_SEARCH, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=ROOT, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
        texts = page_texts(work / "site")
        with browser.chromium() as chromium:
            new = browser.pages_found(chromium, work / "site", QUERIES, "pagefind")
            old = browser.pages_found(chromium, work / "old", QUERIES, "lunr")
    rows = []
    for q in QUERIES:
        parts = q.split()
        relevant = {p for p, text in texts.items() if all(part in text for part in parts)}
        row = {"query": q, "relevant": len(relevant)}
        for name, found in (("pagefind", new[q]), ("lunr", old[q])):
            hits = found & relevant
            row[f"{name}_found"] = len(found)
            row[f"{name}_recall"] = round(len(hits) / len(relevant), 3) if relevant else None
        rows.append(row)
    scored = [r for r in rows if r["relevant"]]
    summary = {name: round(sum(r[f"{name}_recall"] for r in scored) / len(scored), 3) for name in ("pagefind", "lunr")}
    print("| 查询 | 应找到的页面 | Pagefind 找到 | Pagefind 召回率 | 原搜索找到 | 原搜索召回率 |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['query']} | {r['relevant']} | {r['pagefind_found']} | {r['pagefind_recall']} | {r['lunr_found']} | {r['lunr_recall']} |")
    print(f"| 平均（{len(scored)} 个查询） | | | {summary['pagefind']} | | {summary['lunr']} |")
    args.json.write_text(json.dumps({"queries": rows, "mean_recall": summary}, ensure_ascii=False, indent=2) + "\n",
                         encoding="utf-8")
    print(f"\n已写入 {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
