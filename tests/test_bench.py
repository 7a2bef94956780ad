"""The benchmark is not a test, but it must work: run it on a small synthetic set and check its figures."""

import json
import sys
import subprocess

from .conftest import ROOT


def test_the_benchmark_measures_a_small_synthetic_site(tmp_path):
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "-m", "bench.run", "20", "--repeat", "1", "--searches", "1", "--no-serve", "--json", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    [result] = json.loads(out.read_text(encoding="utf-8"))
    assert result["reports"] == 20 and result["runs"] == 1  # one build, one search each: enough to check the figures
    assert result["total_s"] >= result["build_s"] > 0 and result["floor_s"] > 0
    # Generation, MkDocs and the index timed apart: MkDocs and the index make up the build.
    assert result["engine_s"] > 0 and result["index_s"] > 0
    assert abs(result["engine_s"] + result["index_s"] - result["build_s"]) < 0.5
    assert result["ratio_to_floor"] == round(result["total_s"] / result["floor_s"], 2)
    # Every tenth department's reports are five times longer: the largest page is not the median one.
    assert 0 < result["report_html_median_kb"] < result["report_html_max_kb"]
    # A first search fetches part of the Pagefind bundle, draws results, and takes some time.
    assert 0 < result["first_search_kb"] < result["search_index_kb"]
    assert result["first_search_results"] > 0 and result["first_search_ms"] > 0
    assert result["every_search_ms"] > 0 and result["every_search_again_ms"] > 0
    assert result["rare_search_ms"] > 0 and 0 < result["rare_search_results"] < result["first_search_results"] + 20
    # The preview's refresh is measured by bench/serve_edit.py, which tests/test_serve.py runs.
    assert result["first_visit_gzip_kb"] > 0 and result["serve_edit_s"] == "—"
    assert "| 20 |" in run.stdout and "1 GB 可容报告数" in run.stdout  # the tables
    assert 0 < result["per_report_kb"] and result["reports_per_gb"] > 0


def test_synthetic_data_is_marked_and_never_real(tmp_path):
    from bench import synthetic

    data = synthetic.make(tmp_path / "d", 7)
    assert len(list(data.glob("*/*.yaml"))) == 7
    assert "sample: true" in (data / "dataset.yaml").read_text(encoding="utf-8")
    assert all("name: 合成" in p.read_text(encoding="utf-8") for p in data.glob("*/*.yaml"))


def test_a_kind_of_department_is_in_a_tenth_of_the_synthetic_reports(tmp_path):
    from bench import run, synthetic

    reports = [p.read_text(encoding="utf-8") for p in synthetic.make(tmp_path / "d", 50).glob("*/*.yaml")]
    # The benchmark's first search is for one kind of department; its worst case, a word of the seed.
    assert sum(f"{run.SEARCH_QUERY}0" in text for text in reports) == 5
    assert all(run.SEARCH_EVERY in text for text in reports)


def test_a_tenth_of_the_synthetic_reports_are_five_times_as_long(tmp_path):
    from bench import synthetic

    sizes = sorted(len(p.read_text(encoding="utf-8")) for p in synthetic.make(tmp_path / "d", 50).glob("*/*.yaml"))
    seed = len(synthetic.SEED.read_text(encoding="utf-8"))
    assert sum(size >= 5 * seed for size in sizes) == 5 and sizes[len(sizes) // 2] < 2 * seed


def test_bytes_per_report_are_counted_by_kind_of_file(tmp_path):
    from bench import site_bytes

    files = {"2023/a/index.html": 4096, "2023/a/chart-spending.csv": 1024, "2023/b/index.html": 2048,
             "data/2023/a.json": 1024, "data/2023/b.yaml": 1024, "pagefind/x.pf": 2048, "2023/index.html": 1024,
             "departments/d/index.html": 1024, "data/reports.csv": 2048, "sitemap.xml": 0, "assets/site.css": 5000}
    for name, size in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    result = site_bytes.per_report(tmp_path, 2)
    assert result["each_report_pages_kb"] == 3 and result["each_report_charts_kb"] == 0.5 and result["each_report_downloads_kb"] == 1
    assert result["each_search_index_kb"] == 1 and result["each_index_pages_kb"] == 1 and result["each_whole_set_kb"] == 1
    assert result["per_report_kb"] == 7.5  # 15,360 growing bytes over 2 reports; the stylesheet does not grow
    # The smaller of the two reports' own files (b: 3 KB), and half of the 6 KB that all share.
    assert result["median_report_kb"] == 6
    assert result["reports_per_gb"] == (1_000_000_000 - 5000) // (15360 // 2)


def test_the_import_speed_text_is_as_large_as_the_importer_accepts(tmp_path):
    # The benchmark times a whole import, not a refusal: its text stays within the limits, close to them.
    from bench.import_speed import synthetic_text
    from generator.importers import limits

    text = synthetic_text(12)
    assert limits.MAX_TEXT_CHARS * 0.9 < len(text) <= limits.MAX_TEXT_CHARS
    assert text.count("\n") + 1 <= limits.MAX_LINES and synthetic_text(12) == text  # the same text each run
    run = subprocess.run([sys.executable, "-m", "bench.import_speed", "--repeat", "1", "--cells-per-line", "40"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "| 合成：每行 40 个小格 |" in run.stdout and " 秒 |" in run.stdout
