"""The staff guide (docs/guide.md) is checked against the program: its commands exist and its
example messages are the ones the program gives."""

import re

from .conftest import ROOT, copy_data, run_generator

GUIDE = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")


def test_every_command_in_the_guide_exists():
    commands = set(re.findall(r"python -m generator (\w+)", GUIDE))
    assert {"template", "import", "new", "check"} <= commands
    for command in commands:
        assert run_generator(command, "--help").returncode == 0, command


def test_the_guides_example_messages_are_the_programs(tmp_path):
    data = copy_data(tmp_path / "data")
    path = data / "2021" / "huangshi-shangwuju.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("total: 8483.1", "total: 8483.1万元").replace("grade: 优", "grade: 优秀")
    text = text.replace("spending:", "spendng:").replace("name: 黄石市商务局", "name: ''")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("title:"))
    path.write_text(text, encoding="utf-8")
    output = run_generator("check", "--data", str(data)).stderr
    examples = re.findall(r"^\| `([^`]+)`", GUIDE, re.M)
    shown = [e for e in examples if e.startswith(("result.grade", "spendng", "缺少必填项"))]
    assert len(shown) == 3
    for example in shown:
        for fragment in re.split(r" / |…", example):
            fragment = fragment.strip().strip("`").strip()
            if fragment:
                assert fragment.replace("`", "") in output.replace("`", ""), fragment
