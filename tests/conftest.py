"""Shared fixtures: the project's paths, building a site with the real CLI, serving it, a real Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import subprocess
import threading
import traceback
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = DATA / "2021" / "huangshi-shangwuju.yaml"
SEED_SOURCE = DATA / "2021" / "huangshi-shangwuju.source.txt"
DEMO = ROOT / "examples" / "demo"


def run_generator(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator ...` as a user would, capturing what it prints: in this process
    (`generator.cli.main`, as `python -m generator` calls it), with its own environment, folder
    and output, all put back afterwards. Tests of what a separate process does (signals,
    which modules `check` imports) start one themselves."""
    from generator.cli import main

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    out, err = io.StringIO(), io.StringIO()
    # Outside GitHub Actions unless a test asks for it: problems print as plain text. A build's
    # date comes from the commit, as for a user, never from a date another test left behind.
    os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    os.environ.update(env or {})
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as e:  # argparse: --help, misuse
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except Exception:  # as the interpreter would: a traceback and status 1
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["python", "-m", "generator", *args], code, out.getvalue(), err.getvalue())


def build_site(data_dir: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Build data_dir into out/site, with its own docs folder so tests never touch docs/."""
    args = ["build", "--data", str(data_dir), "--site-dir", str(out / "site"), "--docs-dir", str(out / "docs")]
    if site_url is not None:
        args += ["--site-url", site_url]
    return run_generator(*args)


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file below site and its bytes: to show that a failed build left it as it was."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def copy_build(built: Path, out: Path) -> Path:
    """A private copy of a finished build (its site/ and docs/), for a test that builds over it:
    faster than building the same data again."""
    for part in ("site", "docs"):
        shutil.copytree(built / part, out / part, symlinks=True)
    return out


def copy_data(dest: Path) -> Path:
    """A private copy of data/ that a test may change."""
    shutil.copytree(DATA, dest)
    return dest


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # Scripts, styles and data files may be kept by the browser, as GitHub Pages lets it
        # (max-age=600): a crawl of a hundred pages then does not fetch them a hundred times.
        # Pages are always fetched afresh.
        path = self.path.split("?", 1)[0]
        if not path.endswith("/") and not path.endswith(".html"):
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


class SiteServer:
    """A static file server on 127.0.0.1 for a folder that may not exist yet."""

    def __init__(self, folder: Path):
        self.folder = self.path = folder
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.url = self.origin + "/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def served_build(tmp_path_factory, data_dir: Path, name: str):
    """data_dir built once and served, with site_url set to the address it is served at
    (Material's instant navigation only takes over links to that address)."""
    out = tmp_path_factory.mktemp(name)
    server = SiteServer(out / "site")
    result = build_site(data_dir, out, site_url=server.url)
    assert result.returncode == 0, result.stderr
    return server


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    server = served_build(tmp_path_factory, DATA, "real")
    yield server
    server.close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The invented demo data set (examples/demo/)."""
    server = served_build(tmp_path_factory, DEMO, "demo")
    yield server
    server.close()


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("没有找到 Chromium：浏览器测试不能跳过。请运行 `make test`（它会安装 Chromium），"
                "或安装 Debian 的 chromium 软件包，或设置 CHROMIUM=/path/to/chromium。")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()

