"""A corpus of bad input: each case gives a located Chinese error (never a traceback), exit 1,
and leaves an earlier site/ exactly as it was."""

from __future__ import annotations

import pytest

from generator.build import load

from .conftest import DATA, build_site, snapshot
from .test_validate import MINIMAL

GOOD = MINIMAL  # a valid report, shared with the validation tests

PROJECT = GOOD.replace("kind: department", "kind: project") + "project:\n  name: 测试项目\n"


def replace(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


# (case, change to the good file, the message must contain, the field it names or None)
CASES = [
    ("tab indentation", replace("  total: 100", "\ttotal: 100"), "Tab", None),
    ("missing colon", replace("year: 2021", "year 2021"), "冒号", None),
    ("unclosed quote", replace("title: 2021", 'title: "2021'), "没有闭合", None),
    ("unclosed brace", replace("spending:\n  total: 100\n  basic: 40\n  project: 60\n",
                               "spending: {total: 100, basic: 40, project: 60\n"), "花括号没有闭合", None),
    ("bad indentation", replace("  basic: 40", "    basic: 40"), "YAML 格式错误", None),
    ("duplicate key", replace("year: 2021", "year: 2021\nyear: 2022"), "重复", "year"),
    ("a list at the top", lambda text: "- 1\n- 2\n", "映射", None),
    ("empty file", lambda text: "\n\n", "空", None),
    ("only comments", lambda text: "# 待填写\n", "只有注释", None),
    ("year in Chinese", replace("year: 2021", "year: 二〇二一"), "应是整数", "year"),
    ("year with a fraction", replace("year: 2021", "year: 2021.5"), "应是整数", "year"),
    ("amount with unit", replace("total: 100", "total: 100万元"), "不要带单位", "spending.total"),
    ("amount with thousands separator", replace("total: 100", "total: '1,000'"), "逗号", "spending.total"),
    ("full-width digits", replace("total: 100", "total: １００．０"), "全角", "spending.total"),
    ("non-breaking space", replace("total: 100", "total: '1\u00a0000'"), "不可见字符", "spending.total"),
    ("zero-width space", replace("total: 100", "total: '1\u200b00'"), "不可见字符", "spending.total"),
    ("NaN amount", replace("total: 100", "total: .nan"), "有限", "spending.total"),
    ("infinite amount", replace("total: 100", "total: .inf"), "有限", "spending.total"),
    ("negative amount", replace("basic: 40", "basic: -40"), "不能小于 0", "spending.basic"),
    ("spending as a list", replace("spending:\n  total: 100\n  basic: 40\n  project: 60", "spending: [100, 40, 60]"),
     "映射", "spending"),
    ("sections as text", lambda text: text + "sections: 正文\n", "列表", "sections"),
    ("department as text", replace("department:\n  name: 测试局\n  slug: ce-shi-ju", "department: 测试局"), "映射", "department"),
    ("score above 100", replace("score: 85", "score: 101"), "不能大于 100", "result.score"),
    ("year too early", replace("year: 2021", "year: 1999"), "不能小于 2000", "year"),
    ("year too late", replace("year: 2021", "year: 2101"), "不能大于 2100", "year"),
    ("invalid grade", replace("grade: 良", "grade: 良好"), "只能是 优、良、中、差 之一", "result.grade"),
    ("invalid kind", replace("kind: department", "kind: 部门"), "department、project", "kind"),
    ("invalid unit", lambda text: text + "unit: 亿元\n", "万元、元", "unit"),
    ("future schema version", replace("schema_version: 1", "schema_version: 2"), "只能是 1 之一", "schema_version"),
    ("impossible date", lambda text: text + "published: 2022-13-45\n", "日期", "published"),
    ("slug with capitals", replace("slug: ce-shi-ju", "slug: Ce-Shi-Ju"), "小写", "department.slug"),
    ("script address as source", lambda text: text + "source:\n  url: javascript:alert(1)\n", "http", "source.url"),
    ("misspelt key", replace("spending:", "spendng:"), "是否想写 `spending`", "spendng"),
    ("key with a zero-width space", replace("spending:", "spending\u200b:"), "不可见字符", None),
    ("misspelt nested key", replace("grade: 良", "grde: 良"), "是否想写 `grade`", "result.grde"),
    ("missing title", replace("title: 2021 年度测试局部门整体绩效自评结果\n", ""), "缺少必填项“报告标题”", "title"),
    ("empty title", replace("title: 2021 年度测试局部门整体绩效自评结果", "title: ''"), "不能为空", "title"),
    ("parts do not sum", replace("project: 60", "project: 50"), "不符", "spending.total"),
    ("grade against score", replace("score: 85", "score: 95"), "对应的等级是“优”", "result.grade"),
    ("indicator above weight", lambda text: text + "indicators:\n  - {level1: 产出指标, name: 覆盖率, weight: 10, score: 11}\n",
     "高于其分值", "indicators.0.score"),
    ("stated share off", replace("project: 60", "project: 60\n  project_share: 70"), "相差超过", "spending.project_share"),
    ("execution rate off", lambda text: text + "budget:\n  adjusted: 100\n  executed: 90\n  rate: 95\n", "不符", "budget.rate"),
    ("missing source file", lambda text: text + "source:\n  file: 原文.pdf\n", "找不到原始文件", "source.file"),
    ("project without its name", replace("kind: department", "kind: project"), "必须填写 project", "project"),
]


def write(data_dir, name: str, text: str | bytes):
    path = data_dir / "2021" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_the_good_file_is_good(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD)
    assert load(tmp_path).problems == []


@pytest.mark.parametrize("case, change, expected, field", CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_gives_its_message(tmp_path, case, change, expected, field):
    write(tmp_path, "ce-shi-ju.yaml", change(GOOD))
    problems = load(tmp_path).errors
    assert problems, case
    match = [p for p in problems if expected in p.message]
    assert match, [str(p) for p in problems]
    assert all(p.file.endswith("ce-shi-ju.yaml") for p in match)
    if field is not None:
        assert field in {p.field for p in match}
    assert any(p.line for p in match) or case in ("empty file",)  # located by line when there is one


def test_a_file_in_the_wrong_year_folder(tmp_path):
    path = tmp_path / "2020" / "ce-shi-ju.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    assert "请把文件移到 data/2021/" in " ".join(p.message for p in load(tmp_path).errors)


def test_a_file_named_other_than_its_slug(tmp_path):
    write(tmp_path, "other.yaml", GOOD)
    assert "部门整体自评的文件名应为 ce-shi-ju.yaml" in " ".join(p.message for p in load(tmp_path).errors)


def test_duplicate_reports(tmp_path):
    write(tmp_path, "ce-shi-ju-a.yaml", PROJECT)
    write(tmp_path, "ce-shi-ju-b.yaml", PROJECT)
    assert any("同一份报告" in p.message for p in load(tmp_path).errors)


def test_a_slug_that_changes_for_the_same_department(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD)
    other = tmp_path / "2022" / "ceshiju.yaml"
    other.parent.mkdir()
    other.write_text(GOOD.replace("year: 2021", "year: 2022").replace("slug: ce-shi-ju", "slug: ceshiju"), encoding="utf-8")
    assert any("标识是 ce-shi-ju" in p.message for p in load(tmp_path).errors)


def test_a_10_mb_file(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD + "# " + "x" * (10 * 2**20) + "\n")
    [problem] = load(tmp_path).errors
    assert "超过" in problem.message and "KB" in problem.message


def test_a_gbk_file(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD.encode("gbk"))
    [problem] = load(tmp_path).errors
    assert "不是 UTF-8 编码" in problem.message and problem.line


BUILD_CASES = ["tab indentation", "NaN amount", "misspelt key", "parts do not sum", "full-width digits"]


@pytest.fixture(scope="module")
def earlier_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("earlier")
    assert build_site(DATA, out).returncode == 0
    return out


@pytest.mark.parametrize("case", BUILD_CASES + ["gbk", "10 MB"])
def test_a_bad_build_exits_1_without_a_traceback_and_keeps_the_site(tmp_path, earlier_site, case):
    data = tmp_path / "data"
    if case == "gbk":
        write(data, "ce-shi-ju.yaml", GOOD.encode("gbk"))
    elif case == "10 MB":
        write(data, "ce-shi-ju.yaml", GOOD + "# " + "x" * (10 * 2**20) + "\n")
    else:
        change = next(c[1] for c in CASES if c[0] == case)
        write(data, "ce-shi-ju.yaml", change(GOOD))
    before = snapshot(earlier_site / "site")
    result = build_site(data, earlier_site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ce-shi-ju.yaml:" in result.stderr
    assert snapshot(earlier_site / "site") == before
