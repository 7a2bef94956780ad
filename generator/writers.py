"""Write generated files into docs/, touching only what changed and removing what is gone.

The generated part of docs/ is listed in docs/.generated (git-ignored, like the files):
hand-written pages are never overwritten or removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

MANIFEST = ".generated"


def write_tree(docs_dir: Path, files: Mapping[str, str | bytes | None] | Iterable[tuple[str, str | bytes | None]]) -> tuple[int, int]:
    """Write files (path below docs_dir -> content; a mapping, or pairs as they are made) and
    remove the files an earlier run made that this one did not; return (written, removed).
    Content None keeps the file an earlier run wrote (the preview refreshes it later)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest = docs_dir / MANIFEST
    before = read_manifest(docs_dir)
    made: set[str] = set()
    written = 0
    for rel, content in (files.items() if isinstance(files, Mapping) else files):
        made.add(rel)
        if content is None:
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = docs_dir / rel
        # Unchanged files keep their mtime, so `mkdocs serve` rebuilds only for real changes.
        if path.is_file() and path.read_bytes() == data:
            continue
        write_file(path, data)
        written += 1
    removed = 0
    for rel in sorted(before - made):
        path = docs_dir / rel
        if path.is_file():
            path.unlink()
            removed += 1
            _remove_empty_parents(path.parent, docs_dir)
    manifest.write_text("\n".join(sorted(made)) + "\n", encoding="utf-8")
    return written, removed


def read_manifest(docs_dir: Path) -> set[str]:
    """The files an earlier run generated below docs_dir, one path a line (names may hold spaces)."""
    manifest = docs_dir / MANIFEST
    if not manifest.exists():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").split("\n") if line}


def write_file(path: Path, content: str | bytes) -> None:
    """Write through a temporary file, so a reader never sees half a file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def report_yaml(report) -> str:
    """A report as the YAML staff edit: the model's key order, empty values left out."""
    import yaml

    data = _prune(report.model_dump(mode="json", exclude_none=True))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return "# yaml-language-server: $schema=../report.schema.json\n" + text


def _prune(value):
    """Drop empty lists, mappings and texts at every level: the model fills them back in."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in ([], {}, "")}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value
