"""What is in the data folder: the report files, and a problem for everything else.

The data folder is a trust boundary: pull requests change it. Nothing in it is silently
skipped (a report saved as .yml would never be published and nobody would know), nothing
is followed out of it (a symlink could publish /etc/passwd as 原始文件), and no name may
take the place of a page or download the site generates.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, display_path

YEAR_FOLDER = re.compile(r"\d{4}")  # matched whole (fullmatch): "$" would let "2021\n" through
# A report file's stem is its address (/<year>/<stem>/): the same characters as a slug.
STEM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Stems and slugs that would replace a page the site generates (<year>/index, departments/index).
RESERVED_STEMS = frozenset({"index"})
# Files the data folder itself may hold, beside the year folders.
TOP_LEVEL_FILES = frozenset({"dataset.yaml", "report.schema.json", "README.md", ".gitkeep"})
YAML_LOOKALIKES = (".yml", ".yaml")


def scan(data_dir: Path) -> tuple[list[Path], list[Path], list[Problem]]:
    """(report files, other files in year folders, problems), in a stable order.

    Other files in year folders are the reports' original documents; load() checks that a
    report names each of them."""
    reports: list[Path] = []
    others: list[Path] = []
    problems: list[Problem] = []

    def problem(path: Path, message: str, level: str = "error") -> None:
        problems.append(Problem(display_path(path), None, "", message, level))

    for top in sorted(data_dir.iterdir()):
        if top.is_symlink():
            problem(top, _SYMLINK)
        elif top.is_dir() and YEAR_FOLDER.fullmatch(top.name):
            _scan_year(top, reports, others, problem)
        elif top.is_dir() and top.name == PENDING:
            for path in sorted(top.iterdir()):
                problem(path, pending_advice(path))
        elif top.is_dir():
            problem(top, f"数据目录下只能有年度目录（如 2021/），{top.name}/ 不是年度。请把其中的报告移到对应的年度目录。")
        elif top.name not in TOP_LEVEL_FILES:
            problem(top, f"报告应放在年度目录中：<年度>/<部门标识>.yaml。{top.name} 放在了数据目录的最外层，不会被读取。"
                         f"请移到对应的年度目录，或删除它。")
    return reports, others, problems


PENDING = "待定"  # where import leaves a draft it found no year or unit for (importers/document.py)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # line breaks and control codes: never printed from a file


def pending_advice(path: Path) -> str:
    """What a draft waiting in 待定/ still needs, and the file it becomes: every pending draft is named."""
    from .naming import report_path, slug_for
    from .problems import DataError
    from .readers import read_yaml

    if path.is_symlink() or not path.is_file():
        return "待定目录中只放导入的草稿和原件：这一项不会被读取。请删除它。"
    if path.suffix != ".yaml":
        return "这是一份导入草稿的原件：草稿补好后移到年度目录时，把它一起移过去（那里已有同名文件时先改名，并改草稿的 source.file）。"
    try:
        data = read_yaml(path).data
    except DataError as e:
        return f"导入的草稿读不出来（{e.problems[0].message}）。请改正后再补上年度和部门。"
    data = data if isinstance(data, dict) else {}
    year, department = data.get("year"), data.get("department") if isinstance(data.get("department"), dict) else {}
    name = department.get("name") if isinstance(department.get("name"), str) else None
    missing = [label for label, value in (("年度（year）", year), ("部门（department.name）", name)) if not value]
    if missing:
        return (f"导入的草稿还缺少{'和'.join(missing)}，不会发布。请对照原文补上，check 会告诉你把它移到哪里。")
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    slug = department.get("slug")
    if not (isinstance(slug, str) and STEM.fullmatch(slug)):
        slug = slug_for(name)  # a slug that is no address (../x) is never echoed as a place to move to
    name = CONTROL.sub("", name)  # printed to a terminal or a CI log: no control codes
    if not re.fullmatch(r"\d{4}", str(year)):
        return f"导入的草稿的年度“{str(year)[:10]}”不是四位数的年份。请对照原文改正。"
    target = report_path(path.parent.parent, year, str(data.get("kind")), slug, project.get("name") if isinstance(project.get("name"), str) else None)
    taken = "；那里已有一份报告，请先核对是否同一部门，不是就改 department.slug" if target.exists() else ""
    return (f"导入的草稿已有年度 {year} 和部门“{name}”，还没有发布：请核对后移到 {display_path(target)}"
            f"（department.slug 写 {slug}；文件名就是网址{taken}）。")


_SYMLINK = "这是一个符号链接。数据目录中不允许符号链接（它可能指向目录外的文件并把它公开）。请换成文件本身。"


def _scan_year(folder: Path, reports: list[Path], others: list[Path], problem) -> None:
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            problem(path, _SYMLINK)
        elif path.is_dir():
            problem(path, f"年度目录中不能再有子目录（{path.name}/ 中的文件不会被读取）。"
                          f"请把报告直接放在 {folder.name}/ 下。")
        elif not path.is_file():
            problem(path, "这不是普通文件（设备、管道或套接字）。请删除它。")
        elif path.name.startswith("."):
            if path.name != ".gitkeep":
                problem(path, "以“.”开头的隐藏文件不会被读取，也不会公开。请删除它，或改名。", "warning")
        elif path.suffix == ".yaml":
            stem_problem = stem_advice(path.stem)
            if stem_problem:
                problem(path, stem_problem)
            else:
                reports.append(path)
        elif path.suffix.lower() in YAML_LOOKALIKES:
            problem(path, f"报告文件的扩展名应是小写的 .yaml，{path.name} 不会被读取。请改名为 {path.stem}.yaml。")
        else:
            others.append(path)


def stem_advice(stem: str) -> str | None:
    """Why a report file's stem cannot be its address, or None."""
    if not STEM.fullmatch(stem):
        return (f"文件名 {stem}.yaml 不能作为网址：报告文件名只能用小写英文字母、数字和连字符"
                f"（如 huangshi-shangwuju.yaml，项目自评如 huangshi-shangwuju-xiaofeiquan.yaml）。")
    if stem in RESERVED_STEMS:
        return f"文件名 {stem}.yaml 与网站自动生成的索引页同名。请换一个部门标识。"
    return None
