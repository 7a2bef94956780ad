"""Read report files into plain Python data, keeping the line of every value.

Only YAML is read here for now; each reader returns the data and a map from a field's
location (a tuple of keys and indexes) to its line, for error messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .fields import path_text
from .inventory import scan
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
DATASET_KEYS = ("sample", "name")  # sample: true marks invented data on every page; name: what it is


def read_dataset(data_dir: Path) -> dict:
    """The data set's own settings (data_dir/dataset.yaml), e.g. `sample: true` for invented data."""
    path = data_dir / DATASET_FILE
    if not path.is_file():
        return {}
    raw = read_yaml(path)
    problems = [Problem(raw.name, raw.line_of((key,)), str(key), f"未知的键 `{key}`。dataset.yaml 只能有：{'、'.join(DATASET_KEYS)}。")
                for key in raw.data if key not in DATASET_KEYS]
    sample = raw.data.get("sample", False)
    if not isinstance(sample, bool):
        problems.append(Problem(raw.name, raw.line_of(("sample",)), "sample", "sample 只能是 true 或 false。"))
    if problems:
        raise DataError(problems)
    return raw.data


def find_report_files(data_dir: Path) -> list[Path]:
    """Every report file: data/<year>/<slug>.yaml, in a stable order (inventory.scan also says what else is there)."""
    return scan(data_dir)[0]


def read_yaml(path: Path) -> RawReport:
    name = display_path(path)
    raw = _read_bounded(path, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError([Problem(name, line, "", "文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存后再提交。")]) from None
    if not text.strip():
        raise DataError([Problem(name, 1, "", "文件是空的。请按数据格式填写报告，或删除此文件。")])

    loader = Loader(text)
    try:
        data, lines = _compose(loader, name)
    except yaml.MarkedYAMLError as e:
        mark = _start_of_broken_construct(e)
        line = mark.line + 1 if mark else None
        source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        raise DataError([Problem(name, line, "", yaml_advice(e.problem or "", source_line))]) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, such as NUL
        line = text[: e.position].count("\n") + 1
        code = e.character if isinstance(e.character, int) else ord(e.character)
        raise DataError([Problem(name, line, "", f"文件中有 YAML 不允许的字符 U+{code:04X}（控制字符）。"
                                 "它可能不是文本文件，或从别处粘贴时带进了看不见的字符：请删除它。")]) from None
    except yaml.YAMLError as e:
        raise DataError([Problem(name, None, "", f"YAML 格式错误：{e}")]) from None
    finally:
        loader.dispose()
    if data is _NOTHING:
        raise DataError([Problem(name, 1, "", "文件里只有注释，没有内容。请按数据格式填写报告，或删除此文件。")])
    if not isinstance(data, dict):
        raise DataError([Problem(name, 1, "", "文件的最外层应是“键: 值”的映射，如 `year: 2021`。")])
    return RawReport(path, name, data, lines)


def _read_bounded(path: Path, name: str) -> bytes:
    """The file's bytes: never through a symlink, never more than MAX_FILE_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        if path.is_symlink():
            raise DataError([Problem(name, None, "", "这是一个符号链接，不会被读取。请换成文件本身。")]) from None
        raise DataError([Problem(name, None, "", f"无法读取文件（{e.strerror}）。")]) from None
    with os.fdopen(fd, "rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        size = os.stat(path).st_size
        raise DataError([Problem(name, None, "", f"文件有 {size // 1024} KB，超过 {MAX_FILE_BYTES // 1024} KB 的上限。请检查是否放错了文件。")])
    return raw


def _start_of_broken_construct(e: yaml.MarkedYAMLError):
    """Where to point: an unclosed quote or bracket at the line where it opened, not where the parser gave up."""
    if e.context_mark and (e.context or "").startswith(("while scanning a quoted", "while parsing a flow")):
        return e.context_mark
    return e.problem_mark or e.context_mark


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
    ("exceeded maximum nesting depth", "方括号或花括号嵌套太深。报告不需要这么深的层次。"),
    ("constructor for the tag 'tag:yaml.org,2002:merge'", "报告文件不能使用“<<”合并键。请把内容直接写出来。"),
    ("could not determine a constructor", "报告文件不能使用以“!”开头的 YAML 标签。请删除它，只写值本身。"),
]


def yaml_advice(problem: str, line: str = "") -> str:
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return f"YAML 格式错误：{YAML_PROBLEMS[0][1]}"  # libyaml does not name the Tab itself
    for english, chinese in YAML_PROBLEMS:
        if english in problem:
            return f"YAML 格式错误：{chinese}"
    return f"YAML 格式错误（{problem}）。请检查这一行的缩进、冒号和引号。"


MAX_DEPTH = 40  # a report nests about 12 deep; libyaml's own composer crashes on 100,000
MAX_VALUES = 20_000  # the seed has 246; a million one-character list items fit in 2 MB and take a minute to check
_NOTHING = object()  # a document with no content
_NO_KEY = object()  # a mapping waiting for its next key


def _compose(loader, name: str) -> tuple[object, dict[tuple, int]]:
    """The document's data and the line of every value, from the parser's events in one pass.

    Built here rather than by PyYAML's composer: report files have no use for anchors and
    aliases, and refusing them as they come bounds the work by the file's size (a few hundred
    bytes of nested aliases would otherwise expand to gigabytes); nesting is bounded as it grows."""
    lines: dict[tuple, int] = {}
    stack: list[list] = []  # [container, its location, the key waiting for a value (mappings)]
    result = _NOTHING
    documents = 0

    def fail(event, field: tuple, message: str):
        raise DataError([Problem(name, event.start_mark.line + 1, path_text(field), message)])

    while not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                fail(event, (), "文件中有第二个 YAML 文档（“---”之后）。一个文件只写一份报告：请删除“---”和它后面的内容，或把它另存为一个文件。")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        parent = stack[-1] if stack else None
        is_key = parent is not None and isinstance(parent[0], dict) and parent[2] is _NO_KEY
        # A key is located at its mapping, a value at its own place.
        if parent is None or is_key:
            loc = parent[1] if parent else ()
        else:
            loc = parent[1] + ((parent[2],) if isinstance(parent[0], dict) else (len(parent[0]),))
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            fail(event, loc, "报告文件不能使用 YAML 的锚点和别名（“&名称”和“*名称”）。请把内容直接写出来。")
        if isinstance(event, yaml.ScalarEvent) and event.tag not in (None, "!", _STR):
            # !!binary would carry text past every check as bytes; !!timestamp "x" crashes PyYAML.
            fail(event, parent[1] if parent else (), "报告文件不能使用以“!”开头的 YAML 标签。请删除它，只写值本身。")
        if is_key:
            if not isinstance(event, yaml.ScalarEvent):
                fail(event, parent[1], "键只能是简单的文字，如 `year`。请检查这一行是否多了问号、方括号或花括号。")
            key = _scalar(loader, event)
            if not isinstance(key, str):
                fail(event, parent[1], f"键 {event.value!r} 应是英文字母组成的名称，如 `year`。请检查这一行的冒号前面。")
            if key in parent[0]:
                fail(event, parent[1] + (key,), "这个键重复出现了。请删除其中一个。")
            parent[2] = key
            continue
        lines[loc] = event.start_mark.line + 1
        if len(lines) > MAX_VALUES:
            fail(event, loc, f"文件中的值超过 {MAX_VALUES} 个。一份报告不会有这么多项，请检查是否粘贴了重复的内容。")
        if isinstance(event, yaml.ScalarEvent):
            try:
                value = _scalar(loader, event)
            except ValueError as e:  # e.g. a date that does not exist: 2022-13-45
                shown = event.value if len(event.value) <= 40 else event.value[:40] + "…"
                fail(event, loc, f"无法识别的值 {shown!r}（{str(e)[:80]}）。数字不要超过 15 位，日期请写成 2022-05-31 这样的有效日期。")
        else:
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                fail(event, loc, "报告文件不能使用以“!”开头的 YAML 标签。请删除它，只写值本身。")
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if parent is None:
            result = value
        elif isinstance(parent[0], dict):
            parent[0][parent[2]] = value
            parent[2] = _NO_KEY
        else:
            parent[0].append(value)
        if not isinstance(event, yaml.ScalarEvent):
            if len(stack) >= MAX_DEPTH:
                fail(event, loc, f"嵌套超过 {MAX_DEPTH} 层。报告不需要这么深的层次，请检查缩进。")
            stack.append([value, loc, _NO_KEY])
    return result, lines


_STR = "tag:yaml.org,2002:str"


def _scalar(loader, event):
    """A scalar's value, typed as PyYAML's safe loader types it (int, float, bool, date, null, text)."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value  # most values; the constructor would only copy it
    return loader.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
