"""A corpus of bad input: each case gives a located Chinese error (never a traceback), exit 1,
and leaves an earlier site/ exactly as it was."""

from __future__ import annotations

import pytest

from generator.loading import load

from .conftest import build_site, copy_build, snapshot
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
     "高于其分值", "indicators[0].score"),
    ("stated share off", replace("project: 60", "project: 60\n  project_share: 70"), "相差超过", "spending.project_share"),
    ("missing source file", lambda text: text + "source:\n  file: 原文.pdf\n", "找不到原始文件", "source.file"),
    # Tiny files that would hang the reader: refused as they are read, in bounded time.
    ("alias bomb", lambda text: text + 'x: &a ["x","x","x","x","x","x","x","x","x"]\n'
     + "".join(f'x{i}: &a{i} [{",".join([f"*a{i - 1}" if i > 1 else "*a"] * 9)}]\n' for i in range(1, 12)),
     "锚点和别名", None),
    ("anchor and alias", lambda text: text + "budget: &b {adjusted: 100}\nother: *b\n", "锚点和别名", "budget"),
    ("merge key", lambda text: text + "budget:\n  <<: {adjusted: 100}\n", "合并键", None),
    ("deep nesting", lambda text: text + "sections:\n" + "".join("  " * i + "- \n" for i in range(1, 60)), "嵌套", None),
    ("deep flow nesting", lambda text: text + "sections: " + "[" * 100000 + "]" * 100000 + "\n", "嵌套", None),
    ("complex key", lambda text: text + "? [a, b]\n: 1\n", "键只能是简单的文字", None),
    ("second document", lambda text: text + "---\n" + text, "第二个 YAML 文档", None),
    ("python tag", lambda text: text + "unit: !!python/object/apply:os.system [echo]\n", "标签", None),
    ("number of 5000 digits", replace("total: 100", "total: " + "9" * 5000), "15 位", "spending.total"),
    # What check lets through, build must write: no text a writer would refuse.
    ("vertical tab in the title", replace("title: 2021 年度测试局部门整体绩效自评结果", 'title: "2021\\v年度测试局部门整体绩效自评结果"'), "U+000B", "title"),
    ("control character in a name", replace("name: 测试局", 'name: "测试\\x01局"'), "U+0001", "department.name"),
    ("non-character", replace("name: 测试局", 'name: "测试局\\uFFFF"'), "U+FFFF", "department.name"),
    ("plane-1 non-character", replace("name: 测试局", 'name: "测试局\\U0001FFFE"'), "U+1FFFE", "department.name"),
    ("right-to-left override", replace("name: 测试局", 'name: "测试\\u202E局"'), "U+202E", "department.name"),
    ("control character in a key", lambda text: text + '"unit\\x07": 万元\n', "U+0007", None),
    ("NaN indicator target", lambda text: text + "indicators:\n  - {level1: 产出指标, name: 覆盖率, target: .nan}\n",
     "有限", "indicators[0].target"),
    ("infinite indicator actual", lambda text: text + "indicators:\n  - {level1: 产出指标, name: 覆盖率, actual: -.inf}\n",
     "有限", "indicators[0].actual"),
    ("NaN figure", lambda text: text + "sections:\n  - title: 一\n    items:\n      - text: 文\n        figures:\n"
     "          - {label: 数, value: .NaN}\n", "有限", "sections[0].items[0].figures[0].value"),
    ("text too long for a cell", lambda text: text + "conclusion: " + "长" * 40000 + "\n", "32767", "conclusion"),
    # Names the site generates itself, and originals that are not documents.
    ("reserved slug", replace("slug: ce-shi-ju", "slug: index"), "同名", "department.slug"),
    ("source that would be a page", lambda text: text + "source:\n  file: 原文.html\n", "类型", "source.file"),
    ("source named like a download", lambda text: text + "source:\n  file: ce-shi-ju.json\n", "类型", "source.file"),
    ("source name with markup", lambda text: text + "source:\n  file: '\">\x3cimg src=x>.pdf'\n", "不能作为下载地址", "source.file"),
    ("hidden source file", lambda text: text + "source:\n  file: .htaccess.txt\n", "不能作为下载地址", "source.file"),
    # Found by an attack review: each passed check and then broke the build or the page.
    ("binary tag", replace("title: 2021 年度测试局部门整体绩效自评结果", "title: !!binary 5rWL6K+VAeagh+mimA=="), "标签", None),
    ("timestamp tag", lambda text: text + 'conclusion: !!timestamp "x"\n', "标签", None),
    ("bool tag", lambda text: text + 'conclusion: !!bool "maybe"\n', "标签", None),
    ("null key", lambda text: text + "~: 1\n", "应是英文字母组成的名称", None),
    ("number key", lambda text: text + "true: 1\n", "应是英文字母组成的名称", None),
    ("NUL byte", lambda text: text + "conclusion: a\x00b\n", "U+0000", None),
    ("huge amount", replace("total: 100", "total: 1.0e+308"), "合理范围", "spending.total"),
    ("vanishing amount", replace("total: 100", "total: 1.0e-320"), "合理范围", "spending.total"),
    ("huge indicator weight", lambda text: text + "indicators:\n  - {level1: 产出指标, name: 覆盖率, weight: 1.0e+300}\n",
     "合理范围", "indicators[0].weight"),
    ("too many values", lambda text: text + "problems: [" + ",".join(["问题"] * 20001) + "]\n", "超过 20000", None),
    ("source name too long", lambda text: text + "source:\n  file: " + "原" * 90 + ".txt\n", "太长", "source.file"),
    ("spreadsheet as source", lambda text: text + "source:\n  file: 原文.xlsx\n", "另存为 PDF", "source.file"),
    ("old Word as source", lambda text: text + "source:\n  file: 原文.doc\n", "另存为 PDF", "source.file"),
    ("line break in source name", lambda text: text + 'source:\n  file: "原文\\n.pdf"\n', "控制字符或换行", "source.file"),
]


def write(data_dir, name: str, text: str | bytes):
    path = data_dir / "2021" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_the_good_file_is_good(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD)
    assert load(tmp_path).problems == []


# What a faithful report may hold because its document says so: shown as a warning, never a failure.
WARNINGS = [
    ("execution rate off", lambda text: text + "budget:\n  adjusted: 100\n  executed: 90\n  rate: 95\n", "不符", "budget.rate"),
    ("project without its name", replace("kind: department", "kind: project"), "没有填写 project", "kind"),
    ("an import's section left in", lambda text: text + "sections:\n  - title: 未归类内容\n    items:\n      - text: 首页 > 政务公开\n",
     "导入时留下", "sections[0].title"),
]


@pytest.mark.parametrize("case, change, expected, field", WARNINGS, ids=[c[0] for c in WARNINGS])
def test_what_a_document_may_state_is_a_warning(tmp_path, case, change, expected, field):
    write(tmp_path, "ce-shi-ju-xiangmu.yaml" if "kind: project" in change(GOOD) else "ce-shi-ju.yaml", change(GOOD))
    loaded = load(tmp_path)
    assert loaded.errors == [], [str(p) for p in loaded.errors]
    assert [p.field for p in loaded.problems if expected in p.message and p.level == "warning"] == [field]
    assert len(loaded.entries) == 1  # published, not dropped (a review found a warned report left out)


def test_a_rate_as_precise_as_it_is_written_and_one_over_100():
    from generator.consistency import written_precision

    assert written_precision(86) == 1 and written_precision(89.7) == 0.1 and written_precision(97.12) == 0.01


def test_a_rounded_rate_and_an_over_spent_one_pass(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD + "budget:\n  adjusted: 100\n  executed: 86.2\n  rate: 86\n")
    assert load(tmp_path).problems == []
    write(tmp_path, "ce-shi-ju.yaml", GOOD + "budget:\n  adjusted: 100\n  executed: 102.59\n  rate: 102.59\n")
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
def earlier_site(tmp_path_factory, real_site):
    return copy_build(real_site.path.parent, tmp_path_factory.mktemp("earlier"))


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


# --- The data folder as a trust boundary: nothing followed out of it, nothing skipped. ---

def messages(data_dir, level: str = "error") -> dict[str, str]:
    """Each problem's file (below data_dir) -> its message."""
    found = load(data_dir)
    problems = found.errors if level == "error" else found.warnings
    return {p.file.split(data_dir.name + "/", 1)[-1]: p.message for p in problems}


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    text = GOOD.replace("title: 2021 年度测试局部门整体绩效自评结果", 'title: "2021 年度测试局部门整体绩效自评结果')
    quote_line = text.splitlines().index('title: "2021 年度测试局部门整体绩效自评结果') + 1
    write(tmp_path, "ce-shi-ju.yaml", text + "published: 2022-05-31\nunit: 万元\n")
    [problem] = load(tmp_path).errors
    assert problem.line == quote_line == 7 and "没有闭合" in problem.message


def test_a_report_file_that_is_a_symlink_is_refused_and_its_target_never_shown(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:机密内容\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "2021").mkdir(parents=True)
    (data / "2021" / "ce-shi-ju.yaml").symlink_to(secret)
    found = load(data)
    [problem] = found.errors
    assert problem.file.endswith("2021/ce-shi-ju.yaml") and "符号链接" in problem.message
    assert "机密" not in str(problem) and found.entries == []


def test_a_source_file_that_is_a_symlink_is_refused(tmp_path):
    data = tmp_path / "data"
    outside = tmp_path / "passwd.txt"
    outside.write_text("root:x:0:0\n", encoding="utf-8")
    write(data, "ce-shi-ju.yaml", GOOD + "source:\n  file: 原文.txt\n")
    (data / "2021" / "原文.txt").symlink_to(outside)
    problems = load(data).errors
    assert {p.field for p in problems if "符号链接" in p.message} >= {"source.file", ""}
    assert any(p.line == GOOD.count("\n") + 2 for p in problems if p.field == "source.file")


def test_a_year_folder_that_is_a_symlink_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, "ce-shi-ju.yaml", GOOD)
    data = tmp_path / "data"
    data.mkdir()
    (data / "2021").symlink_to(elsewhere / "2021")
    assert "符号链接" in messages(data)["2021"]


def test_nothing_in_the_data_folder_is_silently_ignored(tmp_path):
    data = tmp_path / "data"
    write(data, "ce-shi-ju.yaml", GOOD)
    write(data, "other.yml", GOOD)
    write(data, "third.YAML", GOOD)
    write(data, "sub/ce-shi-ju.yaml", GOOD)
    (data / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    (data / "drafts").mkdir()
    errors = messages(data)
    assert "请改名为 other.yaml" in errors["2021/other.yml"]
    assert "请改名为 third.yaml" in errors["2021/third.YAML"]
    assert "子目录" in errors["2021/sub"]
    assert "年度目录" in errors["notes.yaml"] and "不是年度" in errors["drafts"]


def test_a_file_no_report_names_is_a_warning(tmp_path):
    data = tmp_path / "data"
    write(data, "ce-shi-ju.yaml", GOOD)
    write(data, "原文.pdf", b"%PDF-1.4\n")
    assert "不会公开" in messages(data, "warning")["2021/原文.pdf"]
    write(data, "ce-shi-ju.yaml", GOOD + "source:\n  file: 原文.pdf\n")
    assert messages(data, "warning") == {}


@pytest.mark.parametrize("name, expected", [
    ('ce-shi-ju-"><img src=x onerror=alert(1)>.yaml', "不能作为网址"),
    ("ce-shi-ju-项目.yaml", "不能作为网址"),
    ("Ce-Shi-Ju.yaml", "不能作为网址"),
    ("index.yaml", "同名"),
])
def test_a_report_file_name_must_be_an_address(tmp_path, name, expected):
    data = tmp_path / "data"
    write(data, name, PROJECT)
    assert expected in messages(data)[f"2021/{name}"]


def test_build_exits_1_over_each_trust_problem_and_keeps_the_site(tmp_path, earlier_site):
    data = tmp_path / "data"
    write(data, "ce-shi-ju.yaml", GOOD.replace("title: 2021 年度测试局部门整体绩效自评结果", 'title: "测试\\v标题"'))
    write(data, 'ce-shi-ju-"><img src=x>.yaml', PROJECT)
    (data / "2021" / "link.yaml").symlink_to("/etc/hostname")
    before = snapshot(earlier_site / "site")
    result = build_site(data, earlier_site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for expected in ("U+000B", "不能作为网址", "符号链接"):
        assert expected in result.stderr
    assert snapshot(earlier_site / "site") == before


# A sample of every kind of character: controls, Latin-1, general punctuation (bidi marks
# among them), around the surrogates and private use, Arabic forms' non-characters, the BMP's
# last, and supplementary planes' non-characters and ordinary characters.
CHARACTERS = [*range(0x00, 0x300), *range(0x2000, 0x2070), *range(0xD7F0, 0xE010), *range(0xFDC0, 0xFE00),
              *range(0xFFF0, 0x10000), 0x3000, 0x4E2D, 0x1F600, 0x1FFFE, 0x1FFFF, 0x20000, 0x10FFFE, 0x10FFFF]


def test_every_character_check_accepts_builds_and_every_other_is_located(tmp_path):
    """check rejects exactly what the writers (XML for XLSX and the feed, UTF-8, JSON) would
    refuse: a build of everything check accepts succeeds and writes it back unchanged."""
    import json
    import zipfile
    import xml.etree.ElementTree as ET

    from generator.validate import UNWRITABLE

    accepted, refused = [], []
    for code in CHARACTERS:
        char = f"\\U{code:08X}"
        data = tmp_path / f"c{code:x}"
        write(data, "ce-shi-ju.yaml", GOOD.replace("name: 测试局", f'name: "测{char}试局"'))
        found = load(data)
        (accepted if not found.errors else refused).append(code)
        if found.errors:
            # Either YAML itself cannot carry it (libyaml refuses surrogate escapes), or check names it.
            assert all(p.line == 5 for p in found.errors), [str(p) for p in found.errors]
            assert any(f"U+{code:04X}" in p.message or "YAML" in p.message for p in found.errors)
    assert {c for c in refused if not UNWRITABLE.match(chr(c))} <= set(range(0xD800, 0xE000))
    assert 0x0B in refused and 0xFFFF in refused and 0x202E in refused and 0x9 in accepted and 0x3000 in accepted

    text = "".join(chr(c) for c in accepted if chr(c) not in "\r\n")  # line breaks are paragraphs on a page
    escaped = '"' + "".join(c if 0x20 <= ord(c) < 0x7f and c not in '"\\' else f"\\U{ord(c):08X}" for c in text) + '"'
    data = tmp_path / "accepted"
    write(data, "ce-shi-ju.yaml", GOOD.replace("name: 测试局", f"name: {escaped}").replace(
        "title: 2021 年度测试局部门整体绩效自评结果", f"title: {escaped}")
        + f"indicators:\n  - {{level1: {escaped}, name: {escaped}, target: 1.0e+15, actual: {escaped}, weight: 1.0e-6, note: {escaped}}}\n"
        + f"sections:\n  - title: 章\n    text: {escaped}\n")
    assert load(data).errors == []
    out = tmp_path / "out"
    result = build_site(data, out)
    assert result.returncode == 0, result.stderr
    site = out / "site"
    with zipfile.ZipFile(site / "data/reports.zip") as archive:
        report = json.loads(archive.read(archive.namelist()[0]), parse_constant=lambda c: 1 / 0)
    assert report["title"] == text.strip()
    ET.fromstring((site / "feed.xml").read_bytes())
    with zipfile.ZipFile(site / "data/reports.xlsx") as book:
        for name in book.namelist():
            if name.endswith(".xml"):
                ET.fromstring(book.read(name))


def test_an_original_too_big_to_publish(tmp_path):
    from generator.validate import MAX_SOURCE_BYTES

    write(tmp_path, "ce-shi-ju.yaml", GOOD + "source:\n  file: 原文.pdf\n")
    with open(tmp_path / "2021" / "原文.pdf", "wb") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)  # sparse: costs the test nothing
    [problem] = load(tmp_path).errors
    assert problem.field == "source.file" and "超过 50 MB" in problem.message


def test_a_file_name_with_a_line_break_is_not_an_address(tmp_path):
    data = tmp_path / "data"
    write(data, "ce-shi-ju-xm\n.yaml", PROJECT)
    assert "不能作为网址" in messages(data)["2021/ce-shi-ju-xm\n.yaml"]


def test_a_word_original_with_macros_is_refused(tmp_path):
    import zipfile

    write(tmp_path, "ce-shi-ju.yaml", GOOD + "source:\n  file: 原文.docx\n")
    with zipfile.ZipFile(tmp_path / "2021" / "原文.docx", "w") as docm:  # a .docm renamed .docx
        docm.writestr("[Content_Types].xml", "<Types/>")
        docm.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    [problem] = load(tmp_path).errors
    assert problem.field == "source.file" and "宏" in problem.message


def test_a_typo_in_dataset_yaml_is_reported(tmp_path):
    write(tmp_path, "ce-shi-ju.yaml", GOOD)
    (tmp_path / "dataset.yaml").write_text("smaple: true\n", encoding="utf-8")
    [problem] = load(tmp_path).errors
    assert problem.file.endswith("dataset.yaml") and problem.line == 1 and "smaple" in problem.message


def test_a_withdrawn_original_whose_name_has_a_space_leaves_the_site(tmp_path):
    data = tmp_path / "data"
    write(data, "ce-shi-ju.yaml", GOOD + "source:\n  file: 内部 名单.txt\n")
    write(data, "内部 名单.txt", "误发的文件\n")
    out = tmp_path / "out"
    assert build_site(data, out).returncode == 0
    assert (out / "site/data/2021/内部 名单.txt").exists()
    write(data, "ce-shi-ju.yaml", GOOD)
    (data / "2021" / "内部 名单.txt").unlink()
    assert build_site(data, out).returncode == 0
    assert not (out / "site/data/2021/内部 名单.txt").exists() and not (out / "docs/data/2021/内部 名单.txt").exists()


@pytest.mark.parametrize("where", ["the data folder", "the project", "a folder that is not a site", "inside the data"])
def test_a_build_never_replaces_a_folder_that_is_not_a_site(tmp_path, where):
    from .conftest import ROOT, run_generator

    data = tmp_path / "data"
    write(data, "ce-shi-ju.yaml", GOOD)
    other = tmp_path / "notes"
    (other / "keep.txt").parent.mkdir()
    (other / "keep.txt").write_text("重要\n", encoding="utf-8")
    site = {"the data folder": data, "the project": ROOT, "a folder that is not a site": other,
            "inside the data": data / "2021" / "site"}[where]
    before = snapshot(data), snapshot(other)
    result = run_generator("build", "--data", str(data), "--site-dir", str(site), "--docs-dir", str(tmp_path / "docs"))
    assert result.returncode == 1 and "Traceback" not in result.stderr and "--site-dir" in result.stderr
    assert (snapshot(data), snapshot(other)) == before
    assert (ROOT / "generator" / "cli.py").exists()


def test_a_misplaced_source_and_a_rate_are_told_in_one_round(tmp_path):
    # Found by a review: the source.file error hid the rate's warning until it was fixed.
    write(tmp_path, "ce-shi-ju.yaml", GOOD + "budget:\n  adjusted: 100\n  executed: 80\n  rate: 95\nsource:\n  file: 原文.xlsx\n")
    assert sorted(p.field for p in load(tmp_path).problems) == ["budget.rate", "source.file"]


def test_a_400_digit_amount_is_one_short_message(tmp_path):
    # Found by the fuzzing review: the number was printed whole, then said again as "not a number".
    write(tmp_path, "ce-shi-ju.yaml", GOOD.replace("total: 100", "total: " + "9" * 400, 1))
    problems = [p for p in load(tmp_path).errors if p.field == "spending.total"]
    assert [p.message for p in problems] == [
        "“本年财政拨款支出”的数值 999999999999…（共 400 位） 超出了合理范围（绝对值应在 1e-06 到 1e+15 之间，或为 0）。请核对单位和小数点。"]
