"""Importers: documents and forms in, a YAML draft in data/ out.

One entry point, import_file(), chooses the reader by the file's type:
- workbook.py: our Excel form (.xlsx), written by `template` and read back cell by cell;
- document.py: a published self-evaluation (.txt, .docx) read into a draft;
- limits.py: what every reader checks before it parses (size, zip bombs, macros, hidden text).
Nothing here is imported by `check` apart from limits.py's macro check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..problems import DataError, Problem

SUFFIXES = (".xlsx", ".txt", ".docx")


def import_file(path: Path, output: Path | None, data_dir: Path, force: bool = False,
                include_hidden: bool = False, report_problems=None) -> int:
    """Read path into a draft below data_dir (or output). A file that cannot be read safely (too big,
    a zip bomb, renamed, damaged, with macros, with content staff cannot see) raises DataError and
    nothing is written."""
    if path.suffix.lower() != ".xlsx":
        from .document import import_document

        return import_document(path, output, data_dir, force=force, include_hidden=include_hidden)
    return _import_workbook(path, output, data_dir, force, include_hidden, report_problems)


def _import_workbook(path: Path, output: Path | None, data_dir: Path, force: bool, include_hidden: bool,
                     report_problems) -> int:
    from ..validate import validate_data
    from ..writers import report_yaml
    from .workbook import read_workbook

    hidden: list[Problem] = []
    report = validate_data(read_workbook(path, hidden if include_hidden else None))
    out = output or data_dir / str(report.year) / f"{file_stem(report)}.yaml"
    if out.exists() and not force:
        print(f"错误：{out} 已存在。要覆盖它请加 --force，或用 -o 指定另一个文件。", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report_yaml(report), encoding="utf-8")
    if report_problems:
        report_problems(hidden)  # imported with --include-hidden: still said
    print(f"已导入 {path} -> {out}。运行 python -m generator check 检查全部数据。")
    return 0


def file_stem(report) -> str:
    """A report's file name in data/<year>/: the department's slug, and for a project its code."""
    slug = report.department.slug
    if report.kind == "project":
        code = (report.project.code or "project").lower()
        return f"{slug}-{re.sub(r'[^a-z0-9]+', '-', code).strip('-') or 'project'}"
    return slug


__all__ = ["SUFFIXES", "DataError", "file_stem", "import_file"]
