"""A deterministic synthetic data set of N reports: for benchmarks only, never published.

Most reports are the size of the seed; every tenth department's reports are five times longer
(the seed's text repeated), so that the median page and the largest page differ, as they do in
a real province's reports.

Every department is named 合成…, and dataset.yaml says sample: true, so a site built from it
carries the 示例数据，非真实数据 banner on every page. Departments are of ten kinds (合成教育局00003,
合成民政局00004…), so a search for a kind of department finds a tenth of the reports, as a search
in a real province's reports would, while a word of the seed's own text is in every report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "2021" / "huangshi-shangwuju.yaml"
YEARS = (2019, 2020, 2021, 2022, 2023)
KINDS = ("商务局", "教育局", "民政局", "财政局", "卫生健康委员会", "交通运输局", "农业农村局", "文化和旅游局",
         "生态环境局", "水利和湖泊局")


LONG_EVERY = 10  # every tenth department's reports are long
LONG_TIMES = 5  # at least this many times the seed's length


def longer(text: str, length: int) -> str:
    """The report with its sections (the YAML's last key, a list) repeated until it is length long."""
    head, sections = text.split("\nsections:\n", 1)
    out = text
    while len(out) < length:
        out = out.rstrip("\n") + "\n" + sections
    return out


def department_name(d: int) -> str:
    return f"合成{KINDS[d % len(KINDS)]}{d:05d}"


def make(out: Path, n: int) -> Path:
    """n reports spread over five years (n / 5 departments each reporting every year)."""
    shutil.rmtree(out, ignore_errors=True)
    seed = SEED.read_text(encoding="utf-8")
    source = SEED.with_name("huangshi-shangwuju.source.txt")
    departments = -(-n // len(YEARS))  # rounded up: exactly n reports
    made = 0
    for d in range(departments):
        for year in YEARS:
            if made == n:
                break
            slug = f"hecheng-{d:05d}"
            text = (seed.replace("slug: huangshi-shangwuju", f"slug: {slug}")
                    .replace("name: 黄石市商务局", f"name: {department_name(d)}")
                    .replace("year: 2021", f"year: {year}")
                    .replace("黄石市商务局", department_name(d))
                    .replace("2021 年度", f"{year} 年度")
                    .replace("file: huangshi-shangwuju.source.txt", f"file: {slug}.source.txt"))
            if d % LONG_EVERY == 0:  # the first department too, so that a small set has some
                text = longer(text, LONG_TIMES * len(seed))
            folder = out / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
            shutil.copyfile(source, folder / f"{slug}.source.txt")
            made += 1
    (out / "dataset.yaml").write_text("# 合成的基准测试数据，非真实数据，从不发布。\nsample: true\nname: 基准测试数据\n", encoding="utf-8")
    return out
