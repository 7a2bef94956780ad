"""Where the project's own files are: the configuration, the hand-written pages, the bundled ECharts."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
ECHARTS = ROOT / "build" / "echarts.min.js"  # made by `make` from frontend/echarts.js
