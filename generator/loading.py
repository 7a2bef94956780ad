"""Read and check every report of a data folder: inventory -> read -> validate -> consistency.

This is all that `check` runs, so it imports nothing of the site's (no pandas, charts or MkDocs).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from . import parallel
from .consistency import check_all, check_report
from .inventory import scan
from .problems import DataError, Problem, at_most, display_path
from .readers import read_dataset, read_yaml
from .validate import Entry, validate


@dataclass
class Loaded:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    sample: bool = False  # invented data (dataset.yaml says sample: true): every page says so

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


def load(data_dir: Path, cache=None) -> Loaded:
    """Read and check every report under data_dir, collecting every problem rather than stopping at the first.
    A cache (the preview's) redoes only the files that changed."""
    out = Loaded()
    if not data_dir.is_dir():
        out.problems.append(Problem(display_path(data_dir), None, "", "数据目录不存在。请检查 --data 参数。"))
        return out
    try:
        out.sample = bool(read_dataset(data_dir).get("sample", False))
    except DataError as e:
        out.problems.extend(e.problems)
    paths, other_files, found = scan(data_dir)
    out.problems.extend(found)
    out.files = len(paths)
    if not paths and not found:
        out.problems.append(Problem(display_path(data_dir), None, "",
                                    "没有找到报告文件。报告应放在 <年度>/<部门标识>.yaml，如 2021/huangshi-shangwuju.yaml。"))
    for entry, problems in (cache.load(paths) if cache else parallel.map_reports(load_one, paths)):
        out.problems.extend(problems)
        if entry:
            out.entries.append(entry)
    out.problems.extend(check_all(out.entries))
    out.problems.extend(unnamed_files(other_files, out.entries, len(paths) - len(out.entries)))
    return out


def unnamed_files(files: list[Path], entries: list[Entry], unreadable: int) -> list[Problem]:
    """A file beside the reports that no report names as its source is published nowhere: say so."""
    if unreadable:
        return []  # a report that could not be read may be the one that names it
    named = {e.source_path.resolve() for e in entries if e.source_path}
    return [Problem(display_path(f), None, "", "没有报告在 source.file 中引用这个文件，它不会公开。"
                    "如果它是某份报告的原文，请在那份报告中写 `source:\n  file: " + f.name + "`；否则请删除它。", "warning")
            for f in files if f.resolve() not in named]


def load_one(path: Path) -> tuple[Entry | None, list[Problem]]:
    try:
        entry = validate(read_yaml(path))
    except DataError as e:
        return None, e.problems
    problems = at_most(check_report(entry), entry.name)
    # After this only the department's lines are looked up (check_all); every value's line
    # would be over half of what 10,000 loaded reports take in memory.
    return dataclasses.replace(entry, lines={k: v for k, v in entry.lines.items() if k[:1] in ((), ("department",))}), problems
