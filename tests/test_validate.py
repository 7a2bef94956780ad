"""Stage 2, validate: one typed model; every problem at once, in Chinese, naming line and field."""

import json
import re

import pytest
import yaml

from generator.model import Report, json_schema, json_schema_text
from generator.problems import DataError
from generator.readers import read_yaml
from generator.fields import field_title
from generator.validate import validate

from .conftest import DATA, SEED

MINIMAL = """\
schema_version: 1
kind: department
year: 2021
department:
  name: 测试局
  slug: ce-shi-ju
title: 2021 年度测试局部门整体绩效自评结果
result:
  grade: 良
  score: 85
spending:
  total: 100
  basic: 40
  project: 60
"""


def load(tmp_path, text: str, name: str = "2021/ce-shi-ju.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return validate(read_yaml(path))


def problems(tmp_path, text: str, name: str = "2021/ce-shi-ju.yaml"):
    with pytest.raises(DataError) as e:
        load(tmp_path, text, name)
    return e.value.problems


def test_a_minimal_report_is_valid(tmp_path):
    entry = load(tmp_path, MINIMAL)
    assert entry.report.spending.project == 60
    assert entry.report.kind_name == "部门整体绩效自评"


def test_the_real_report_is_valid():
    entry = validate(read_yaml(SEED))
    assert entry.report.department.name == "黄石市商务局"
    assert entry.report.result.grade == "优"


def test_every_problem_is_reported_at_once_with_its_line(tmp_path):
    text = MINIMAL.replace("grade: 良", "grade: 好").replace("total: 100", "total: 一百")
    found = problems(tmp_path, text)
    by_field = {p.field: p for p in found}
    assert set(by_field) == {"result.grade", "spending.total"}
    assert by_field["result.grade"].line == 9
    assert "优" in by_field["result.grade"].message and "'好'" in by_field["result.grade"].message
    assert by_field["spending.total"].line == 12
    assert "应是数字" in by_field["spending.total"].message


def test_a_misspelt_key_names_the_likely_key(tmp_path):
    found = problems(tmp_path, MINIMAL.replace("spending:", "spendng:"))
    messages = " ".join(p.message for p in found)
    assert "未知的键 `spendng`" in messages and "是否想写 `spending`" in messages
    assert len(found) == 1  # the block itself may be left out: a document need not state spending


def test_a_missing_field_is_named_in_chinese(tmp_path):
    found = problems(tmp_path, MINIMAL.replace("title: 2021 年度测试局部门整体绩效自评结果\n", ""))
    assert [p.message for p in found] == ["缺少必填项“报告标题”。请补上 `title: ...`。"]


def test_negative_amounts_and_bad_slugs_are_rejected(tmp_path):
    text = MINIMAL.replace("basic: 40", "basic: -40").replace("slug: ce-shi-ju", "slug: 测试局")
    by_field = {p.field: p.message for p in problems(tmp_path, text)}
    assert "不能小于 0" in by_field["spending.basic"]
    assert "小写英文字母" in by_field["department.slug"]


def test_the_file_must_sit_in_its_year_folder_under_its_slug(tmp_path):
    found = problems(tmp_path, MINIMAL, name="2020/other.yaml")
    messages = [p.message for p in found]
    assert any("data/2021/" in m for m in messages)
    assert any("ce-shi-ju.yaml" in m for m in messages)


def test_a_named_source_file_must_exist(tmp_path):
    found = problems(tmp_path, MINIMAL + "source:\n  file: missing.txt\n")
    assert found[0].field == "source.file" and "找不到原始文件 missing.txt" in found[0].message


def test_field_titles_come_from_the_model():
    assert field_title(("spending", "total")) == "本年财政拨款支出"
    assert field_title(("sections", 0, "items", 2, "figures", 0, "value")) == "数值"


def test_every_field_has_a_chinese_title_and_description():
    def fields(schema: dict):
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for name, prop in definition.get("properties", {}).items():
                yield name, prop

    missing = [name for name, prop in fields(json_schema()) if not prop.get("title") or not prop.get("description")]
    assert missing == []


def test_the_committed_json_schema_is_the_models():
    committed = (DATA / "report.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), "data/report.schema.json 已过期：运行 `python -m generator schema` 更新它。"


def test_report_files_point_editors_at_the_schema():
    for path in DATA.glob("*/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../report.schema.json", path


def test_the_schema_accepts_what_the_model_accepts():
    # The schema is what editors check against: the real report must satisfy its required keys.
    schema = json.loads(json_schema_text())
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(data)
    assert Report.model_validate(data).year == 2021


def test_a_source_url_must_be_a_web_address_not_a_script(tmp_path):
    found = problems(tmp_path, MINIMAL + "source:\n  url: javascript:alert(1)\n")
    assert [(p.field, p.line) for p in found] == [("source.url", 16)]
    assert "http:// 或 https://" in found[0].message


def test_an_empty_required_text_is_named_as_empty(tmp_path):
    found = problems(tmp_path, MINIMAL.replace("title: 2021 年度测试局部门整体绩效自评结果", 'title: ""'))
    assert [(p.field, p.line, p.message) for p in found] == [("title", 7, "“报告标题”不能为空。请填写。")]


@pytest.mark.parametrize("change", [
    ("slug: ce-shi-ju", "slug: " + "a" * 81),  # too long
    ("name: 测试局", "name: [测试局]"),  # a list for text
    ("year: 2021", "year: true"),
    ("score: 85", "score: {a: 1}"),
    ("title: 2021 年度测试局部门整体绩效自评结果", "title: 2021-05-01"),
])
def test_no_message_is_the_librarys_english(tmp_path, change):
    found = problems(tmp_path, MINIMAL.replace(*change))
    assert found, change
    for p in found:
        # Field paths and quoted values aside, the words are Chinese: no "Input should be ...".
        words = re.sub(r"`[^`]*`|'[^']*'|\b[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*\b", "", p.message)
        assert not re.search(r"[A-Za-z]{3,}", words), p.message
