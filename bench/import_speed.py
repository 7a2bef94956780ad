"""How long `import` takes on the largest text it accepts, made of tiny cells (header words, level
words, numbers, bars): the shape that costs the form readers most. The text is synthetic, written
to a temporary folder and never published.

    .venv/bin/python -m bench.import_speed [--cells-per-line 12] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from generator.importers import limits
from generator.importers.document import build_draft

WORDS = ["产出指标", "数量指标", "指标1", "100%", "≥95%", "10", "完成", "满意度", "年初预算数", "全年执行数"]


def synthetic_text(cells_per_line: int, seed: int = 1) -> str:
    """Lines of cells between bars, as many as the importer's limits let in."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = 0
    while True:
        line = " | ".join(rng.choice(WORDS) for _ in range(cells_per_line))
        if size + len(line) + 1 > limits.MAX_TEXT_CHARS * 0.96 or len(lines) + 1 > limits.MAX_LINES * 0.99:
            return "\n".join(lines)
        lines.append(line)
        size += len(line) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells-per-line", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = synthetic_text(args.cells_per_line)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tiny-cells.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            build_draft(path)
            times.append(time.perf_counter() - start)
    print(f"| 文本 | 字数 | 行数 | 导入用时（中位数，{args.repeat} 次） |\n|---|---|---|---|")
    print(f"| 合成：每行 {args.cells_per_line} 个小格 | {len(text):,} | {text.count(chr(10)) + 1:,} | {statistics.median(times):.1f} 秒 |")


if __name__ == "__main__":
    main()
