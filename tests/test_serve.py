"""`make serve`: the preview follows an edit to a report, and leaves docs/ alone."""

from bench import serve_edit

from .conftest import copy_data


def test_the_preview_shows_an_edited_report_and_rewrites_nothing_in_docs(tmp_path):
    data = copy_data(tmp_path / "data")
    own_tmp = tmp_path / "tmp"  # the preview's work folders go here, apart from any other test's
    own_tmp.mkdir()
    # Starts the preview, adds a marked sentence to the report, waits for the page to show it
    # (an error if it never does), then stops the preview.
    result = serve_edit.measure(data, timeout=120, tmpdir=own_tmp)
    assert result["serve_edit_s"] > 0
    assert result["docs_touched"] == []  # the preview writes its Markdown elsewhere
    assert result["open_data_s"] >= result["serve_edit_s"]  # the downloads follow the edit too
    assert "失败" not in result["errors"] and "Traceback" not in result["errors"], result["errors"]
    # Stopped (SIGTERM), the preview removed its work folders, the search index's too.
    assert list(own_tmp.iterdir()) == []
