"""The benchmark's floor, in its own process: MkDocs alone on the generated Markdown, with the
passthrough that the real build uses and without the search index. bench/run.py times the
whole process from outside, start-up included, as it times the full build.

    python -m bench.floor DOCS_DIR SITE_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.engine import mkdocs_build

if __name__ == "__main__":
    mkdocs_build(Path(sys.argv[1]), Path(sys.argv[2]), "http://127.0.0.1/", sample=True)
