"""Importers: documents and forms in, a YAML draft in data/ out.

One entry point, import_file(), chooses the reader by the file's type:
- workbook.py: our Excel form (.xlsx), written by `template` and read back cell by cell;
- document.py: a published self-evaluation (.txt, .docx) read into a draft;
- limits.py: what every reader checks before it parses (size, zip bombs, macros, hidden text).
Nothing here is imported by `check` apart from limits.py's macro check.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from ..naming import report_path
from ..problems import DataError, Problem
from .structure import Imported

SUFFIXES = (".xlsx", ".txt", ".md", ".docx", ".pdf", ".html", ".htm")
# Formats staff have that are not read, and what to do with them.
SAVE_AS = {".doc": "旧版 Word 文件：请在 Word 或 WPS 中另存为 .docx 后再导入",
           ".wps": "WPS 文字文件：请在 WPS 中另存为 .docx 后再导入",
           ".xls": "旧版 Excel 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
           ".et": "WPS 表格文件：请在 WPS 中另存为 .xlsx 后再导入",
           ".docm": "带宏的 Word 文件不导入：请另存为 .docx（不含宏）后再导入",
           ".xlsm": "带宏的 Excel 文件不导入：请另存为 .xlsx（不含宏）后再导入",
           ".ofd": "OFD 文件：请用 OFD 阅读器另存为 PDF 后再导入",
           ".rtf": "RTF 文件：请在 Word 中另存为 .docx 后再导入"}


def import_many(inputs: list[Path], output: Path | None, data_dir: Path, force: bool = False,
                include_hidden: bool = False, report_problems=None) -> int:
    """`import` on files and folders (a folder: every file of a known type below it, by name).
    Each draft goes where `check` expects it (naming.py); nothing is overwritten without force.
    Shows progress, ends with a table of what each document gave; 1 if any file failed."""
    files, others = documents_in(inputs)
    if not files:
        print("错误：没有找到可以导入的文件（" + "、".join(SUFFIXES) + "）。", file=sys.stderr)
        for path in others:
            why = "是符号链接，没有导入：请把文件本身放进文件夹" if path.is_symlink() else SAVE_AS.get(path.suffix.lower(), "不是能导入的类型")
            print(f"  {path.name} {why}", file=sys.stderr)
        return 1
    results = []
    single = len(files) == 1 and not others
    for number, path in enumerate(files, 1):
        print(f"[{number}/{len(files)}] {path}", file=sys.stderr, flush=True)
        try:
            result = import_file(path, output, data_dir, force, include_hidden, report_problems, single=single)
        except DataError as e:
            if report_problems:
                report_problems(e.problems)
            first = e.problems[0].message if e.problems else ""
            more = f"等 {len(e.problems)} 个问题（见上）" if len(e.problems) > 1 else ""
            result = Imported(path, error=first + more or "无法读取（见上）")
        if result.error:
            print(f"错误：{result.error}", file=sys.stderr)
        results.append(result)
    # A folder's documents in formats that are not read: each a failure staff must see, with what to do.
    results += [Imported(path, error=SAVE_AS[path.suffix.lower()]) for path in others
                if path.suffix.lower() in SAVE_AS and not path.is_symlink()]
    if len(results) > 1:
        print(summary_table(results))
    for link in (p for p in others if p.is_symlink()):
        print(f"{link} 是符号链接，没有导入：请把文件本身放进文件夹。", file=sys.stderr)
    if skipped := [p for p in others if p.suffix.lower() not in SAVE_AS and not p.is_symlink()]:
        print(f"另有 {len(skipped)} 个文件不是自评文档的格式，没有导入：" + "、".join(p.name for p in skipped[:10])
              + ("等" if len(skipped) > 10 else ""), file=sys.stderr)
    failed = [r for r in results if r.error]
    if failed:
        print(f"{len(failed)} 个文件未导入：请按表中或上面的说明改正后，再导入"
              + ("这个文件。" if len(failed) == 1 else "这些文件。"), file=sys.stderr)
    return 1 if failed else 0


def documents_in(inputs: list[Path]) -> tuple[list[Path], list[Path]]:
    """(the files to import, the other files found in the folders given). A file named on its own is
    always tried: its error says why it cannot be read."""
    out: list[Path] = []
    others: list[Path] = []
    for item in inputs:
        if item.is_dir():
            for p in sorted(item.rglob("*")):
                if p.is_symlink():
                    others.append(p)  # a link in a folder may point anywhere (/etc/passwd): named, never read
                    continue
                if not p.is_file() or p.name.startswith((".", "~$")):  # Office's lock files start with ~$
                    continue
                (out if p.suffix.lower() in SUFFIXES else others).append(p)
        else:
            out.append(item)
    return out, others


def summary_table(results: list[Imported]) -> str:
    """文档 | 类型 | 年度 | 找到 | 未归类 | 存疑 | 结果, one line per document."""
    from ..model import KINDS

    lines = ["| 文档 | 类型 | 年度 | 找到的字段 | 未归类文字 | 存疑的字段 | 结果 |", "|---|---|---|---|---|---|---|"]
    names = [r.source.name for r in results]
    for r in results:
        shown = f"{r.source.parent.name}/{r.source.name}" if names.count(r.source.name) > 1 else r.source.name  # two 自评表.docx
        unplaced = "—" if r.unplaced is None else f"{r.unplaced:.0%}"
        outcome = f"未导入：{r.error}" if r.error else f"已写入 {r.out}"
        lines.append(f"| {shown} | {KINDS.get(r.kind or '', '—')} | {r.year or '—'} | {r.found} | {unplaced} | "
                     f"{'、'.join(r.doubtful) or '—'} | {outcome} |")
    return "\n".join(lines)




def import_file(path: Path, output: Path | None, data_dir: Path, force: bool = False,
                include_hidden: bool = False, report_problems=None, single: bool = True) -> Imported:
    """Read path into a draft below data_dir (or output). A file that cannot be read safely (too big,
    a zip bomb, renamed, damaged, with macros, with content staff cannot see) raises DataError and
    nothing is written. single: the only file of this import (-o may be offered)."""
    if not path.is_file():
        return Imported(path, error=f"找不到文件 {path}。")
    if path.suffix.lower() not in SUFFIXES:
        advice = SAVE_AS.get(path.suffix.lower(), f"只能导入 {'、'.join(SUFFIXES)} 文件")
        return Imported(path, error=f"{path.name}：{advice}。")
    if path.suffix.lower() in (".txt", ".md", ".html", ".htm") and path.stat().st_size <= 4096 and _blank(path):
        # Office files and PDFs say more of theirs; a text of only blanks or a BOM is empty too
        return Imported(path, error=f"{path.name} 是空文件，没有可导入的文字。")
    if path.suffix.lower() != ".xlsx" or not is_our_template(path):
        from .document import import_document

        return import_document(path, output, data_dir, force=force, include_hidden=include_hidden, single=single,
                               data_named=data_named(data_dir))
    return _import_workbook(path, output, data_dir, force, include_hidden, report_problems, single)


def _blank(path: Path) -> bool:
    """A short text file of nothing but blanks (or a BOM); one in another encoding is the reader's to name."""
    try:
        return not path.read_bytes().decode("utf-8").strip(" \t\r\n\ufeff\u3000")
    except UnicodeDecodeError:
        return False


def data_named(data_dir: Path) -> str:
    """The --data part of a next-step command: empty for the project's own data/."""
    from ..paths import ROOT

    return "" if data_dir.resolve() == (ROOT / "data").resolve() else f" --data {shlex.quote(str(data_dir))}"


def is_our_template(path: Path) -> bool:
    """A workbook made by `template` (its 基本信息 sheet), not one laid out as a department makes it."""
    from .limits import open_package, workbook_sheets
    from .workbook import KEY_VALUE_SHEETS

    from ..problems import display_path

    name = display_path(path)
    names = {title for title, _, _ in workbook_sheets(open_package(path, name, "xlsx"), name)}
    return set(KEY_VALUE_SHEETS) <= names


def _import_workbook(path: Path, output: Path | None, data_dir: Path, force: bool, include_hidden: bool,
                     report_problems, single: bool = True) -> Imported:
    from ..validate import validate_data
    from ..writers import report_yaml
    from .workbook import read_workbook

    hidden: list[Problem] = []
    report = validate_data(read_workbook(path, hidden if include_hidden else None))
    out = output or report_path(data_dir, report.year, report.kind, report.department.slug,
                                report.project.name if report.project else None)
    if out.exists() and not force:
        return Imported(path, error=f"{out} 已存在。要覆盖它请加 --force" + ("，或用 -o 指定另一个文件。" if single else "。"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report_yaml(report), encoding="utf-8")
    if report_problems:
        report_problems(hidden)  # imported with --include-hidden: still said
    print(f"已导入 {path} -> {out}。运行 .venv/bin/python -m generator check{data_named(data_dir)} 检查全部数据。")
    found = sum(1 for v in report.model_dump(exclude_none=True, exclude_defaults=True).values() if v not in ({}, []))
    return Imported(path, out, report.kind, report.year, found, None)


__all__ = ["SUFFIXES", "DataError", "Imported", "import_file", "import_many"]
