"""`new`: a commented YAML for one department and year, reusing what earlier years know of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .model import KINDS
from .readers import find_report_files
from .naming import report_path, slug_for

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def known_department(data_dir: Path, name: str) -> dict | None:
    """The department block of an earlier report of this department, if any."""
    for path in reversed(find_report_files(data_dir)):
        try:
            department = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("department") or {}
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # `check` reports broken files; here they are only not reused
        if department.get("name") == name:
            return department
    return None


def new_report(data_dir: Path, year: int, name: str, slug: str | None = None, project: str | None = None) -> Path:
    if not 2000 <= year <= 2100:
        raise ValueError(f"年度 {year} 不在 2000–2100 之间。")
    known = known_department(data_dir, name) or {}
    slug = slug or known.get("slug") or slug_for(name)
    if not SLUG.match(slug):
        raise ValueError(f"部门标识 {slug} 只能用小写英文字母、数字和连字符。")
    kind = "project" if project else "department"
    path = report_path(data_dir, year, kind, slug, project)
    if path.exists():
        raise FileExistsError(path)
    env = Environment(loader=PackageLoader("generator", "templates"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    # Values go into YAML as JSON strings: quoted, escaped, never YAML syntax.
    env.filters["y"] = lambda v: json.dumps(v, ensure_ascii=False)
    text = env.get_template("new.yaml.j2").render(
        year=year, name=name, slug=slug, region=known.get("region"), kind=kind, kind_name=KINDS[kind], project=project)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
