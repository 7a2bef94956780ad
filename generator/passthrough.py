"""HTML blocks that Markdown would only copy: set aside before Markdown runs, put back after.

The generator writes most of a report page as ready HTML (figures, tables, charts with their
options in data-chart). Python-Markdown copies such blocks through unchanged, but to find where
each ends it parses it tag by tag, unescaping every attribute: over half of MkDocs' build time
at 1,000 reports. A block that is whole by itself (it starts with a block-level tag at the start
of a line, ends with that tag's end tag, and has no blank line inside) is copied unchanged by
Markdown anyway, so it is replaced by a placeholder paragraph, and the placeholder by the block
once Markdown is done. tests/test_build.py checks that every page comes out byte for byte the
same as without this.
"""

from __future__ import annotations

import json
import re
import zlib

from markdown import Markdown
from mkdocs.plugins import BasePlugin

MARK = "JXPASSTHROUGH"
BLOCK_LEVEL = frozenset(Markdown().block_level_elements)
CHUNKS = re.compile(r"(\n[ \t]*\n)")  # blank lines, kept so the text can be put back together
START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>]")
PLACEHOLDER = re.compile(rf"<p>{MARK}(\d+)X</p>")


class PassThroughHtml(BasePlugin):
    """A MkDocs plugin (added by generator/engine.py, not in mkdocs.yml).

    The blocks stay out of the page until its final HTML is written (on_post_page), kept
    compressed meanwhile: MkDocs holds every page's content until it writes them all, which
    for 10,000 reports would be most of a gigabyte. restore() gives the whole content earlier,
    for the search index."""

    def __init__(self) -> None:
        super().__init__()
        self._blocks: dict[str, list[str]] = {}
        self._kept: dict[str, bytes] = {}  # page -> its blocks' replacements, compressed

    def on_page_markdown(self, markdown: str, /, *, page, config, files) -> str:
        # Fenced code may hold HTML and blank lines that are not blocks; such pages go as they are.
        if MARK in markdown or "```" in markdown or "~~~" in markdown:
            return markdown
        blocks: list[str] = []
        parts = CHUNKS.split(markdown)
        for i in range(0, len(parts), 2):  # even indexes are text, odd ones the blank lines
            chunk = parts[i]
            start = START.match(chunk)
            if start and start.group(1).lower() in BLOCK_LEVEL and chunk.rstrip().endswith(f"</{start.group(1)}>"):
                parts[i] = f"{MARK}{len(blocks)}X"
                blocks.append(chunk.rstrip())
        if blocks:
            self._blocks[page.file.src_uri] = blocks
        return "".join(parts)

    def on_page_content(self, html: str, /, *, page, config, files) -> str:
        blocks = self._blocks.pop(page.file.src_uri, None)
        if not blocks:
            return html
        found = [int(n) for n in PLACEHOLDER.findall(html)]
        if sorted(found) != list(range(len(blocks))):
            raise RuntimeError(f"{page.file.src_uri}: {len(blocks) - len(found)} 个 HTML 块没有放回（内部错误）。")
        # Markdown ends a raw block with a blank line, except at the very end of the page.
        last = found[-1] if html.rstrip().endswith(f"<p>{MARK}{found[-1]}X</p>") else None
        replacements = [block if n == last else block + "\n" for n, block in enumerate(blocks)]
        self._kept[page.file.src_uri] = zlib.compress(json.dumps(replacements, ensure_ascii=False).encode("utf-8"), 1)
        return html

    def restore(self, page, html: str) -> str:
        """html with the page's blocks back in place of their placeholders."""
        kept = self._kept.get(page.file.src_uri)
        if kept is None:
            return html
        replacements = json.loads(zlib.decompress(kept))
        return PLACEHOLDER.sub(lambda m: replacements[int(m.group(1))], html)

    def on_post_page(self, output: str, /, *, page, config) -> str:
        output = self.restore(page, output)
        self._kept.pop(page.file.src_uri, None)
        return output
