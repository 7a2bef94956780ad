"""Shared fixtures: the project's paths, building a site with the real CLI, serving it, a real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = DATA / "2021" / "huangshi-shangwuju.yaml"
SEED_SOURCE = DATA / "2021" / "huangshi-shangwuju.source.txt"
DEMO = ROOT / "examples" / "demo"


def run_generator(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator ...` as a user would, capturing what it prints."""
    # Outside GitHub Actions unless a test asks for it: problems print as plain text.
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300,
    )


def build_site(data_dir: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Build data_dir into out/site, with its own docs folder so tests never touch docs/."""
    args = ["build", "--data", str(data_dir), "--site-dir", str(out / "site"), "--docs-dir", str(out / "docs")]
    if site_url is not None:
        args += ["--site-url", site_url]
    return run_generator(*args)


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file below site and its bytes: to show that a failed build left it as it was."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def copy_data(dest: Path) -> Path:
    """A private copy of data/ that a test may change."""
    shutil.copytree(DATA, dest)
    return dest


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


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

