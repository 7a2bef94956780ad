"""The command line as staff use it: check, build, schema; Chinese messages; exit 0, 1, 2."""

import os
import re
import shutil
from pathlib import Path

from .conftest import DATA, build_site, copy_build, copy_data, run_generator, snapshot


def break_seed(data_dir, old: str, new: str):
    path = data_dir / "2021" / "huangshi-shangwuju.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # the line that now holds the problem


def test_check_passes_on_the_real_data():
    result = run_generator("check")
    assert result.returncode == 0, result.stderr
    assert "0 个错误" in result.stdout


def test_check_lists_every_problem_as_file_line_field(tmp_path):
    data = copy_data(tmp_path / "data")
    grade_line = break_seed(data, "grade: 优", "grade: 很好")
    total_line = break_seed(data, "total: 8483.1", "total: 8483.1万元")
    result = run_generator("check", "--data", str(data))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "huangshi-shangwuju.yaml:" in line]
    assert len(lines) == 2
    assert any(f"huangshi-shangwuju.yaml:{grade_line}: result.grade: “自评等级”只能是" in line for line in lines)
    assert any(f"huangshi-shangwuju.yaml:{total_line}: spending.total: “本年财政拨款支出”应是数字" in line for line in lines)
    assert "2 个错误" in result.stderr


def test_problems_become_annotations_in_github_actions(tmp_path):
    data = copy_data(tmp_path / "data")
    line = break_seed(data, "grade: 优", "grade: 很好")
    result = run_generator("check", "--data", str(data), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert f"::error file={data}/2021/huangshi-shangwuju.yaml,line={line}::result.grade: " in result.stderr


def test_warnings_fail_only_with_strict(tmp_path):
    data = copy_data(tmp_path / "data")
    # A second year where the department's name differs is a warning, not an error.
    (data / "2022").mkdir()
    text = (data / "2021" / "huangshi-shangwuju.yaml").read_text(encoding="utf-8")
    (data / "2022" / "huangshi-shangwuju.yaml").write_text(
        text.replace("year: 2021", "year: 2022").replace("name: 黄石市商务局", "name: 黄石市商务局（新）"), encoding="utf-8")
    shutil.copy(data / "2021" / "huangshi-shangwuju.source.txt", data / "2022")
    assert run_generator("check", "--data", str(data)).returncode == 0
    strict = run_generator("check", "--data", str(data), "--strict")
    assert strict.returncode == 1 and "警告" in strict.stderr


def test_misuse_exits_2():
    assert run_generator().returncode == 2
    assert run_generator("check", "--no-such-option").returncode == 2


def test_a_failed_build_leaves_the_earlier_site_as_it_was(tmp_path, real_site):
    out = tmp_path / "out"
    copy_build(real_site.path.parent, out)  # the earlier site
    before = snapshot(out / "site")
    data = copy_data(tmp_path / "data")
    break_seed(data, "grade: 优", "grade: 很好")
    result = build_site(data, out)
    assert result.returncode == 1 and "未生成网站" in result.stderr
    after = snapshot(out / "site")
    assert after == before


def test_a_failed_mkdocs_build_also_leaves_the_earlier_site(tmp_path, real_site):
    out = tmp_path / "out"
    copy_build(real_site.path.parent, out)  # the earlier site
    marker = out / "site" / "index.html"
    before = marker.read_bytes()
    # A hand-written page with a broken link makes MkDocs fail in strict mode, after generation.
    docs = out / "docs"
    (docs / "broken.md").write_text("[坏链接](no-such-page.md)\n", encoding="utf-8")
    result = build_site(DATA, out)
    assert result.returncode == 1 and "MkDocs 构建失败" in result.stderr
    assert marker.read_bytes() == before
    assert not (out / ".site.new").exists()


def test_schema_command_writes_the_json_schema(tmp_path):
    target = tmp_path / "schema.json"
    assert run_generator("schema", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == (DATA / "report.schema.json").read_text(encoding="utf-8")


def test_an_interrupted_build_leaves_the_earlier_site_whole(tmp_path, real_site):
    import signal

    from .conftest import DEMO

    out = tmp_path / "out"
    copy_build(real_site.path.parent, out)  # the earlier site
    before = snapshot(out / "site")
    build = _start_build(DEMO, out, ".site.new")  # MkDocs is writing the new site
    build.send_signal(signal.SIGINT)
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 130 and "已中断" in stderr and "Traceback" not in stderr
    after = snapshot(out / "site")
    assert after == before
    assert not (out / ".site.new").exists()


def _start_build(data, out, marker: str = ".site.search"):
    """A build of data into out, returned once the folder named marker exists beside the site."""
    import os
    import subprocess
    import sys
    import time

    import signal

    # Ctrl+C reaches the build as it would from a terminal: a test runner's worker may ignore
    # SIGINT, and a child inherits that (Python then never raises KeyboardInterrupt).
    build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--data", str(data), "--site-dir", str(out / "site"),
                              "--docs-dir", str(out / "docs")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not (out / marker).exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert build.poll() is None, "the build finished before it could be stopped"
    return build


def _search_work_folders() -> set:
    import tempfile

    return set(Path(tempfile.gettempdir()).glob("jx-search-*"))


def test_a_killed_build_leaves_nothing_that_the_next_build_does_not_remove(tmp_path):
    import signal

    from .conftest import DEMO

    out = tmp_path / "out"
    in_tmp = _search_work_folders()
    build = _start_build(DEMO, out)
    build.send_signal(signal.SIGKILL)  # no chance to clean up
    build.communicate(timeout=60)
    assert build_site(DATA, out).returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".docs.lock", ".site.lock"]
    assert _search_work_folders() == in_tmp  # nothing was ever put in /tmp


def test_a_terminated_build_cleans_up_at_once_and_keeps_the_site(tmp_path, real_site):
    import signal

    from .conftest import DEMO

    out = tmp_path / "out"
    copy_build(real_site.path.parent, out)  # the earlier site
    before = snapshot(out / "site")
    build = _start_build(DEMO, out)
    build.send_signal(signal.SIGTERM)  # `kill`, or a CI job cancelled
    _, stderr = build.communicate(timeout=120)
    assert build.returncode == 130 and "已中断" in stderr and "Traceback" not in stderr
    assert not (out / ".site.new").exists() and not (out / ".site.search").exists()
    assert snapshot(out / "site") == before


def test_two_builds_into_the_same_folder_do_not_run_at_once(tmp_path, real_site):
    from generator.locking import exclusive

    out = tmp_path / "out"
    copy_build(real_site.path.parent, out)  # the earlier site
    before = snapshot(out / "site")
    with exclusive(out / "site"):  # as a build still running would hold it
        result = build_site(DATA, out)
    assert result.returncode == 1 and "另一个构建正在写入 site/" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(out / "site") == before
    assert build_site(DATA, out).returncode == 0  # and once it has finished, builds go on


def test_without_git_the_dates_come_from_the_data_never_1970(tmp_path, monkeypatch):
    import datetime

    from generator import derive, generate, loading
    from generator.feed import atom_feed

    monkeypatch.setattr(generate, "_commit_time", lambda: None)  # as in a folder that is not a git checkout
    data = copy_data(tmp_path / "data")
    break_seed(data, "published: null", "published: 2022-05-31")
    entries = loading.load(data).entries
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    generate.set_build_date(entries)
    assert datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.timezone.utc).date() \
        == datetime.date(2022, 5, 31)
    # No publication date at all: the newest report file's date.
    break_seed(data, "published: 2022-05-31", "published: null")
    entries = loading.load(data).entries
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    generate.set_build_date(entries)
    assert int(os.environ["SOURCE_DATE_EPOCH"]) == int((data / "2021/huangshi-shangwuju.yaml").stat().st_mtime)
    assert b"1970" not in atom_feed(derive.derive(entries).records, None)


def test_check_loads_none_of_the_sites_own_libraries():
    """`check` runs on every push and in editors: it reads and validates, nothing more."""
    import subprocess
    import sys

    code = ("import sys; from generator.cli import main; status = main(['check']); "
            "print(status, sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'pyecharts', 'mkdocs', 'jinja2', 'openpyxl', 'material'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=DATA.parent)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_pages_check_passes_a_small_site_and_stops_one_over_the_limit(tmp_path):
    from generator.pages_size import check

    site = tmp_path / "site"
    (site / "2021").mkdir(parents=True)
    (site / "index.html").write_bytes(b"x" * 600)
    (site / "2021" / "index.html").write_bytes(b"y" * 500)
    fits, message = check(site, limit=2000)
    assert fits and "共 2 个文件" in message and "可以发布" in message
    fits, message = check(site, limit=1300)
    assert fits and message.startswith("警告") and "85%" in message  # 1,100 of 1,300 bytes
    fits, message = check(site, limit=1000)
    assert not fits and message.startswith("错误") and "README" in message
    assert not check(tmp_path / "nothing")[0]


def test_pages_check_on_the_command_line(tmp_path):
    result = run_generator("pages-check", "--site-dir", str(tmp_path / "missing"))
    assert result.returncode == 1 and "make site" in result.stderr


def test_misuse_is_told_in_chinese():
    # Found by a review as finance staff: argparse's own messages were English.
    for args, said in ((["imprt", "x"], "没有 'imprt' 这个选项"), (["import"], "缺少这些参数：FILE"),
                       (["check", "--bogus"], "不认识这些参数：--bogus"), (["new", "--year", "abc"], "'abc' 不是有效的值"),
                       (["serve", "--dev-addr", "foo"], "--dev-addr 应写成"), (["import", "x.txt", "--data", "README.md"], "是一个文件"),
                       (["import", "README.md", "-o", "docs"], "是目录")):
        result = run_generator(*args)
        assert result.returncode == 2 and said in result.stderr, result.stderr
        assert not re.search(r"usage|error|invalid|required|unrecognized", result.stderr), result.stderr
    assert "显示这段说明后退出" in run_generator("import", "--help").stdout
