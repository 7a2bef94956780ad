"""Where a report lives: one rule for `new`, `import` and `check`.

data/<year>/<slug>.yaml for a department's own report; data/<year>/<slug>-<project>.yaml for a
project, <project> being the project's name in pinyin. `check` asks exactly this much of a file's
place (validate._check_place): the year folder, and a name that is the slug or starts with it.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_PROJECT_PART = 40  # characters of pinyin: a file name stays readable, and far below 255 bytes


def slug_for(name: str) -> str:
    """A department's slug from its name in pinyin: 黄石市商务局 -> huangshi-shangwuju."""
    from pypinyin import lazy_pinyin

    city = re.match(r"^(.+?[市县区])(.+)$", name)
    parts = [city.group(1)[:-1], city.group(2)] if city else [name]
    words = ["".join(lazy_pinyin(p)) for p in parts]
    return "-".join(re.sub(r"[^a-z0-9]", "", w.lower()) for w in words if w) or "bumen"


def report_stem(kind: str, slug: str, project: str | None = None) -> str:
    """The file name (without .yaml) of a report: the slug, and for a project its name in pinyin."""
    if kind != "project":
        return slug
    return f"{slug}-{project_part(project or '') or 'xiangmu'}"


def project_part(project: str) -> str:
    """A project's name in pinyin, whole syllables up to MAX_PROJECT_PART letters (…fangjie, not …fangjies)."""
    from pypinyin import lazy_pinyin

    out = ""
    for syllable in lazy_pinyin(project):
        letters = re.sub(r"[^a-z0-9]", "", syllable.lower())
        if len(out) + len(letters) > MAX_PROJECT_PART:
            break
        out += letters
    return out


def report_path(data_dir: Path, year: int | str, kind: str, slug: str, project: str | None = None) -> Path:
    return data_dir / str(year) / f"{report_stem(kind, slug, project)}.yaml"
