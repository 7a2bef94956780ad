"""`import` on many documents at once: each draft where `check` expects it (one naming rule with
`new`), a table at the end, never an overwrite without --force, status 1 if any file failed."""

from __future__ import annotations

import shutil

from generator.naming import report_stem

from .conftest import ROOT, run_generator

DOCUMENTS = ROOT / "tests" / "documents"  # invented documents in real shapes (see their README)


def test_a_folder_imports_into_the_places_check_expects_and_ends_with_a_table(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(DOCUMENTS, inbox)
    (inbox / "README.md").unlink()  # the folder's own description, not a report
    (inbox / "坏文件.docx").write_bytes(b"not a zip")  # a renamed or damaged file fails alone
    data = tmp_path / "data"
    result = run_generator("import", str(inbox), "--data", str(data))
    assert result.returncode == 1  # one file failed
    assert "[1/4]" in result.stderr and "[4/4]" in result.stderr  # progress
    assert (data / "2023" / "shili-minzhengju.yaml").is_file()
    [project] = (data / "2022").glob("shili-kexuejishuju*.yaml")
    assert project.stem.startswith("shili-kexuejishuju-")  # a project's file, not the department's name
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| 文档 | 类型 | 年度 | 找到的字段 | 未归类文字")
    rows = {line.split(" | ")[0][2:]: line for line in table[1:]}
    assert set(rows) == {"cells_per_line.txt", "gbk_fullwidth.txt", "project_with_preamble.txt", "坏文件.docx"}
    assert "| 部门整体绩效自评 | 2023 |" in rows["cells_per_line.txt"] and "未导入" in rows["坏文件.docx"]
    assert "1 个文件未导入" in result.stderr
    # Imported again: nothing is overwritten without --force, and each file says so.
    again = run_generator("import", str(inbox / "cells_per_line.txt"), "--data", str(data))
    assert again.returncode == 1 and "已存在" in again.stderr and "--force" in again.stderr
    assert run_generator("import", str(inbox / "cells_per_line.txt"), "--data", str(data), "--force").returncode == 0


def test_one_output_file_only_for_one_input(tmp_path):
    result = run_generator("import", str(DOCUMENTS / "gbk_fullwidth.txt"), str(DOCUMENTS / "cells_per_line.txt"),
                           "-o", str(tmp_path / "x.yaml"))
    assert result.returncode == 2 and "-o 只能在导入一个文件时使用" in result.stderr
    single = run_generator("import", str(DOCUMENTS / "gbk_fullwidth.txt"), "-o", str(tmp_path / "x.yaml"))
    assert single.returncode == 0 and (tmp_path / "x.yaml").is_file()


def test_new_and_import_name_a_project_the_same_way(tmp_path):
    made = run_generator("new", "--year", "2022", "--department", "示例市科学技术局", "--slug", "shili-kexuejishuju",
                         "--project", "科技创新券", "--data", str(tmp_path))
    assert made.returncode == 0
    assert (tmp_path / "2022" / f"{report_stem('project', 'shili-kexuejishuju', '科技创新券')}.yaml").is_file()

