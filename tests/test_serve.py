"""`make serve`: the preview follows an edit to a report, and leaves docs/ alone."""

import tempfile
from pathlib import Path

from bench import serve_edit

from .conftest import copy_data


def test_the_preview_shows_an_edited_report_and_rewrites_nothing_in_docs(tmp_path):
    data = copy_data(tmp_path / "data")
    work_folders = _work_folders()
    # Starts the preview, adds a marked sentence to the report, waits for the page to show it
    # (an error if it never does), then stops the preview.
    result = serve_edit.measure(data, timeout=120)
    assert result["serve_edit_s"] > 0
    assert result["docs_touched"] == []  # the preview writes its Markdown elsewhere
    assert result["open_data_s"] >= result["serve_edit_s"]  # the downloads follow the edit too
    assert "失败" not in result["errors"] and "Traceback" not in result["errors"], result["errors"]
    # Stopped (SIGTERM), the preview removed its work folders, the search index's too.
    assert _work_folders() == work_folders


def _work_folders() -> set[Path]:
    return {*Path(tempfile.gettempdir()).glob("jx-preview-*"), *Path(tempfile.gettempdir()).glob("jx-search-*")}
