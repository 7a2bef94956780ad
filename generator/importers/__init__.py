"""Importers: documents and forms in, a YAML draft in data/ out.

One entry point, import_file(), chooses the reader by the file's type:
- workbook.py: our Excel form (.xlsx), written by `template` and read back cell by cell;
- document.py: a published self-evaluation (.txt, .docx) read into a draft;
- limits.py: what every reader checks before it parses (size, zip bombs, macros, hidden text).
Nothing here is imported by `check` apart from limits.py's macro check.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..naming import report_path
from ..problems import DataError, Problem
from .structure import Imported

SUFFIXES = (".xlsx", ".txt", ".md", ".docx", ".pdf", ".html", ".htm")


def import_many(inputs: list[Path], output: Path | None, data_dir: Path, force: bool = False,
                include_hidden: bool = False, report_problems=None) -> int:
    """`import` on files and folders (a folder: every file of a known type below it, by name).
    Each draft goes where `check` expects it (naming.py); nothing is overwritten without force.
    Shows progress, ends with a table of what each document gave; 1 if any file failed."""
    files = documents_in(inputs)
    if not files:
        print("错误：没有找到可以导入的文件（" + "、".join(SUFFIXES) + "）。", file=sys.stderr)
        return 1
    results = []
    for number, path in enumerate(files, 1):
        print(f"[{number}/{len(files)}] {path}", file=sys.stderr, flush=True)
        try:
            result = import_file(path, output, data_dir, force, include_hidden, report_problems)
        except DataError as e:
            if report_problems:
                report_problems(e.problems)
            result = Imported(path, error=f"有 {len(e.problems)} 个问题（见上）")
        if result.error:
            print(f"错误：{result.error}", file=sys.stderr)
        results.append(result)
    if len(files) > 1:
        print(summary_table(results))
    failed = [r for r in results if r.error]
    if failed:
        print(f"{len(failed)} 个文件未导入：请按上面的说明改正后，再导入这几个文件。", file=sys.stderr)
    return 1 if failed else 0


def documents_in(inputs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for item in inputs:
        if item.is_dir():
            out += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                          and not p.name.startswith((".", "~$")))  # Office's lock files start with ~$
        else:
            out.append(item)
    return out


def summary_table(results: list[Imported]) -> str:
    """文档 | 类型 | 年度 | 找到 | 未归类 | 存疑 | 结果, one line per document."""
    from ..model import KINDS

    lines = ["| 文档 | 类型 | 年度 | 找到的字段 | 未归类文字 | 存疑的字段 | 结果 |", "|---|---|---|---|---|---|---|"]
    for r in results:
        unplaced = "—" if r.unplaced is None else f"{r.unplaced:.0%}"
        outcome = f"未导入：{r.error}" if r.error else f"已写入 {r.out}"
        lines.append(f"| {r.source.name} | {KINDS.get(r.kind or '', '—')} | {r.year or '—'} | {r.found} | {unplaced} | "
                     f"{'、'.join(r.doubtful) or '—'} | {outcome} |")
    return "\n".join(lines)




def import_file(path: Path, output: Path | None, data_dir: Path, force: bool = False,
                include_hidden: bool = False, report_problems=None) -> Imported:
    """Read path into a draft below data_dir (or output). A file that cannot be read safely (too big,
    a zip bomb, renamed, damaged, with macros, with content staff cannot see) raises DataError and
    nothing is written."""
    if not path.is_file():
        return Imported(path, error=f"找不到文件 {path}。")
    if path.suffix.lower() not in SUFFIXES:
        return Imported(path, error=f"只能导入 {'、'.join(SUFFIXES)} 文件，{path.name} 不是。")
    if path.suffix.lower() != ".xlsx" or not is_our_template(path):
        from .document import import_document

        return import_document(path, output, data_dir, force=force, include_hidden=include_hidden)
    return _import_workbook(path, output, data_dir, force, include_hidden, report_problems)


def is_our_template(path: Path) -> bool:
    """A workbook made by `template` (its 基本信息 sheet), not one laid out as a department makes it."""
    from .limits import open_package, workbook_sheets
    from .workbook import KEY_VALUE_SHEETS

    from ..problems import display_path

    name = display_path(path)
    names = {title for title, _, _ in workbook_sheets(open_package(path, name, "xlsx"), name)}
    return set(KEY_VALUE_SHEETS) <= names


def _import_workbook(path: Path, output: Path | None, data_dir: Path, force: bool, include_hidden: bool,
                     report_problems) -> Imported:
    from ..validate import validate_data
    from ..writers import report_yaml
    from .workbook import read_workbook

    hidden: list[Problem] = []
    report = validate_data(read_workbook(path, hidden if include_hidden else None))
    out = output or report_path(data_dir, report.year, report.kind, report.department.slug,
                                report.project.name if report.project else None)
    if out.exists() and not force:
        return Imported(path, error=f"{out} 已存在。要覆盖它请加 --force，或用 -o 指定另一个文件。")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report_yaml(report), encoding="utf-8")
    if report_problems:
        report_problems(hidden)  # imported with --include-hidden: still said
    print(f"已导入 {path} -> {out}。运行 .venv/bin/python -m generator check 检查全部数据。")
    found = sum(1 for v in report.model_dump(exclude_none=True, exclude_defaults=True).values() if v not in ({}, []))
    return Imported(path, out, report.kind, report.year, found, None)


__all__ = ["SUFFIXES", "DataError", "Imported", "import_file", "import_many"]
