"""`new` writes a commented YAML to fill in, reusing what earlier years know of the department."""

import yaml

from .conftest import copy_data, run_generator


def test_new_reuses_the_departments_slug_and_region(tmp_path):
    data = copy_data(tmp_path / "data")
    result = run_generator("new", "--year", "2022", "--department", "黄石市商务局", "--data", str(data))
    assert result.returncode == 0, result.stderr
    path = data / "2022" / "huangshi-shangwuju.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../report.schema.json")
    parsed = yaml.safe_load(text)
    assert parsed["department"] == {"name": "黄石市商务局", "slug": "huangshi-shangwuju", "region": "湖北省黄石市"}
    assert parsed["year"] == 2022 and parsed["kind"] == "department"


def test_what_is_left_to_fill_is_what_check_asks_for(tmp_path):
    data = copy_data(tmp_path / "data")
    run_generator("new", "--year", "2022", "--department", "黄石市商务局", "--data", str(data))
    check = run_generator("check", "--data", str(data))
    assert check.returncode == 1
    # Only what every report must have: the title. Grade and spending stay empty if the document
    # does not state them (the site shows 未公布).
    assert {line.split(": ")[1] for line in check.stderr.splitlines() if "2022/huangshi-shangwuju.yaml" in line} == {
        "title"}


def test_a_new_department_gets_a_pinyin_slug_and_a_project_its_own_file(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    assert run_generator("new", "--year", "2023", "--department", "黄石市财政局", "--project", "惠民补贴",
                         "--data", str(data)).returncode == 0
    path = data / "2023" / "huangshi-caizhengju-huiminbutie.yaml"
    parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert parsed["kind"] == "project" and parsed["project"] == {"name": "惠民补贴"}
    assert parsed["department"]["slug"] == "huangshi-caizhengju"


def test_new_never_overwrites(tmp_path):
    data = copy_data(tmp_path / "data")
    before = (data / "2021/huangshi-shangwuju.yaml").read_bytes()
    result = run_generator("new", "--year", "2021", "--department", "黄石市商务局", "--data", str(data))
    assert result.returncode == 1 and "已存在" in result.stderr
    assert (data / "2021/huangshi-shangwuju.yaml").read_bytes() == before
