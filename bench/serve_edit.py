"""How long `make serve` takes to show an edit: start the preview on a data set, change one
sentence of one report, and time until the preview serves the page with the new sentence.

    .venv/bin/python -m bench.serve_edit DATA_DIR     (DATA_DIR is changed: use a copy)
"""

from __future__ import annotations

import json
import socket
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

from generator.opendata import reports_in_zip

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    return fetch_bytes(url).decode("utf-8")


def fetch_bytes(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return b""


def zip_text(url: str) -> str:
    """Everything the whole data set's reports.zip holds, as one text (empty while it is not there)."""
    try:
        return json.dumps(reports_in_zip(fetch_bytes(url)), ensure_ascii=False)
    except (zipfile.BadZipFile, ValueError):
        return ""


def wait_for(check, timeout: float) -> float:
    """Poll check() every 50 ms; seconds until it held, or raise after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{timeout} 秒内没有等到")


def measure(data_dir: Path, timeout: float = 600, tmpdir: Path | None = None) -> dict:
    """tmpdir: where the preview makes its work folders (TMPDIR), if not the system's."""
    report = sorted(data_dir.glob("20*/*.yaml"))[0]
    url = f"http://127.0.0.1:{free_port()}/"
    page = f"{url}{report.parent.name}/{report.stem}/"
    docs = ROOT / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--data", str(data_dir),
                                "--dev-addr", url[7:-1]], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
                               env={**os.environ, **({"TMPDIR": str(tmpdir)} if tmpdir else {})})
    try:
        start_s = wait_for(lambda: "</html>" in fetch(page), timeout)
        # Staff edit a running preview: its first search index, made in the background, is done.
        wait_for(lambda: fetch(url + "pagefind/pagefind-entry.json").startswith("{"), timeout)
        marker = f"编辑测试{time.time_ns()}"
        text = report.read_text(encoding="utf-8")
        assert "组织开展" in text, report
        report.write_text(text.replace("组织开展", marker + "组织开展", 1), encoding="utf-8")
        edit_s = wait_for(lambda: marker in fetch(page), timeout)
        # The whole data set's downloads follow in the background.
        open_data_s = edit_s + wait_for(lambda: marker in zip_text(url + "data/reports.zip"), timeout)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.seek(0)
        errors = log.read().decode("utf-8", "replace")
        log.close()
    touched = sorted(str(p) for p in docs.rglob("*") if p.is_file() and before.get(p) != p.stat().st_mtime_ns)
    return {"serve_start_s": round(start_s, 2), "serve_edit_s": round(edit_s, 2),
            "open_data_s": round(open_data_s, 2), "docs_touched": touched,
            "errors": errors}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), ensure_ascii=False))
