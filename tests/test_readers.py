"""Stage 1, read: YAML becomes plain data, and every value keeps its line for error messages."""

import pytest

from generator.problems import DataError
from generator.readers import find_report_files, read_yaml


def write(tmp_path, text: str, name: str = "2021/x.yaml", encoding: str = "utf-8"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_values_keep_their_line(tmp_path):
    raw = read_yaml(write(tmp_path, "year: 2021\nspending:\n  total: 8483.1\n  basic: 1390.81\nsections:\n  - title: 基本情况\n"))
    assert raw.data["spending"]["total"] == 8483.1
    assert raw.lines[("spending", "basic")] == 4
    assert raw.lines[("sections", 0, "title")] == 6


def test_a_missing_field_is_located_at_its_parent(tmp_path):
    raw = read_yaml(write(tmp_path, "year: 2021\nspending:\n  total: 1\n"))
    assert raw.line_of(("spending", "project")) == 3  # the mapping starts on its first key


def test_malformed_yaml_names_the_line(tmp_path):
    with pytest.raises(DataError) as e:
        read_yaml(write(tmp_path, "year: 2021\nspending:\n  total: [1, 2\n  basic: 3\n"))
    problem = e.value.problems[0]
    assert problem.line in (3, 4)
    assert problem.message == "YAML 格式错误：方括号列表没有闭合，或列表项之间缺少逗号。"


def test_duplicate_keys_are_an_error_not_a_silent_overwrite(tmp_path):
    with pytest.raises(DataError) as e:
        read_yaml(write(tmp_path, "year: 2021\nyear: 2022\n"))
    assert e.value.problems[0].line == 2
    assert "重复" in e.value.problems[0].message


def test_a_file_that_is_not_utf8_says_how_to_fix_it(tmp_path):
    with pytest.raises(DataError) as e:
        read_yaml(write(tmp_path, "title: 黄石市商务局\n", encoding="gbk"))
    assert "UTF-8" in e.value.problems[0].message


def test_an_empty_file_is_reported(tmp_path):
    with pytest.raises(DataError) as e:
        read_yaml(write(tmp_path, "  \n"))
    assert "空" in e.value.problems[0].message


def test_a_list_at_the_top_is_not_a_report(tmp_path):
    with pytest.raises(DataError) as e:
        read_yaml(write(tmp_path, "- 1\n- 2\n"))
    assert "映射" in e.value.problems[0].message


def test_report_files_are_found_by_year_folder_in_order(tmp_path):
    write(tmp_path, "a: 1\n", "2022/b.yaml")
    write(tmp_path, "a: 1\n", "2021/a.yaml")
    write(tmp_path, "a: 1\n", "notes.yaml")  # not in a year folder: not a report
    assert [p.relative_to(tmp_path).as_posix() for p in find_report_files(tmp_path)] == ["2021/a.yaml", "2022/b.yaml"]
