"""Read report files into plain Python data, keeping the line of every value.

Only YAML is read here for now; each reader returns the data and a map from a field's
location (a tuple of keys and indexes) to its line, for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import DataError, Problem, display_path

# libyaml's parser when PyYAML has it (several times faster), with the same marks for line numbers.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024  # a report is a few KB; anything this big is a mistake


@dataclass
class RawReport:
    path: Path  # the YAML file
    name: str  # the path as shown in messages
    data: dict
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int | str | None:
        return closest_line(self.lines, loc)


def closest_line(lines: dict, loc: tuple) -> int | str | None:
    """The line of loc, or of its closest located ancestor: a missing key is reported at its parent mapping."""
    while loc not in lines and loc:
        loc = loc[:-1]
    return lines.get(loc)


DATASET_FILE = "dataset.yaml"


def read_dataset(data_dir: Path) -> dict:
    """The data set's own settings (data_dir/dataset.yaml), e.g. `sample: true` for invented data."""
    path = data_dir / DATASET_FILE
    if not path.is_file():
        return {}
    raw = read_yaml(path)
    sample = raw.data.get("sample", False)
    if not isinstance(sample, bool):
        raise DataError([Problem(raw.name, raw.line_of(("sample",)), "sample", "sample 只能是 true 或 false。")])
    return raw.data


def find_report_files(data_dir: Path) -> list[Path]:
    """Every report file: data/<year>/<slug>.yaml, in a stable order."""
    return sorted(p for p in data_dir.glob("*/*.yaml") if p.is_file())


def read_yaml(path: Path) -> RawReport:
    name = display_path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError([Problem(name, None, "", f"文件有 {size // 1024} KB，超过 {MAX_FILE_BYTES // 1024} KB 的上限。请检查是否放错了文件。")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError([Problem(name, line, "", "文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存后再提交。")]) from None
    if not text.strip():
        raise DataError([Problem(name, 1, "", "文件是空的。请按数据格式填写报告，或删除此文件。")])

    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(name, 1, "", "文件里只有注释，没有内容。请按数据格式填写报告，或删除此文件。")])
        lines: dict[tuple, int] = {}
        data = _construct(loader, node, (), lines, name)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        raise DataError([Problem(name, line, "", yaml_advice(e.problem or "", source_line))]) from None
    except yaml.YAMLError as e:
        raise DataError([Problem(name, None, "", f"YAML 格式错误：{e}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise DataError([Problem(name, 1, "", "文件的最外层应是“键: 值”的映射，如 `year: 2021`。")])
    return RawReport(path, name, data, lines)


# PyYAML's problems in words staff understand, with what to do.
YAML_PROBLEMS = [
    ("found character '\\t'", "这一行用了 Tab 缩进。YAML 只能用空格缩进，请把 Tab 换成空格。"),
    ("mapping values are not allowed", "这一行多了一个冒号，或冒号后面缺少空格。含冒号的文字请用引号括起来。"),
    ("could not find expected ':'", "这一行缺少“键: 值”中的冒号，或上一行的引号没有闭合。"),
    ("found unexpected end of stream", "有引号或括号没有闭合。"),
    ("expected <block end>", "这一行的缩进与上下文不一致。同一层的键要对齐。"),
    ("did not find expected key", "这一行的缩进与上下文不一致，或列表项（“- ”）放错了位置。"),
    ("expected ',' or ']'", "方括号列表没有闭合，或列表项之间缺少逗号。"),
    ("expected ',' or '}'", "花括号没有闭合，或项之间缺少逗号。"),
]


def yaml_advice(problem: str, line: str = "") -> str:
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return f"YAML 格式错误：{YAML_PROBLEMS[0][1]}"  # libyaml does not name the Tab itself
    for english, chinese in YAML_PROBLEMS:
        if english in problem:
            return f"YAML 格式错误：{chinese}"
    return f"YAML 格式错误（{problem}）。请检查这一行的缩进、冒号和引号。"


def _construct(loader, node, loc: tuple, lines: dict, name: str):
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise DataError([Problem(name, key_node.start_mark.line + 1, _dotted(loc + (key,)), "这个键重复出现了。请删除其中一个。")])
            result[key] = _construct(loader, value_node, loc + (key,), lines, name)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, child, loc + (i,), lines, name) for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as e:  # e.g. a date that does not exist: 2022-13-45
        raise DataError([Problem(name, node.start_mark.line + 1, _dotted(loc),
                                 f"无法识别的值 {node.value!r}（{e}）。日期请写成 2022-05-31 这样的有效日期。")]) from None


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
