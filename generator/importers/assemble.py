"""From any published document to the pieces a draft is made of: one reader per format, all
returning the same structure (structure.py); the text lines that the narrative rules read; and
the official forms' tables (forms.py), whose values win over figures found in running text.
"""

from __future__ import annotations

from pathlib import Path

from . import forms
from .structure import Block, Document

__all__ = ["Document", "form_values", "lines_of", "read_any"]

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".xlsx")


def read_any(path: Path, include_hidden: bool = False) -> Document:
    """The document through the reader of its format."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .read_docx import read
    elif suffix == ".pdf":
        from .read_pdf import read
    elif suffix in (".html", ".htm"):
        from .read_html import read
    elif suffix == ".xlsx":
        from .read_xlsx import read
    else:
        from .read_text import read
    return read(path, include_hidden)


def lines_of(doc: Document) -> list[str]:
    """The document as lines: a block is a line, a table's row is its cells joined by " | "."""
    out: list[str] = []
    for part in doc.parts:
        if isinstance(part, Block):
            out += part.text.splitlines() or [""]
        else:
            # A merged cell's text once, where it starts: as the form shows it, not repeated.
            out += [" | ".join(cell.text for cell in row) for row in part.rows]
    return out


# What each value of a money block is called in the summary staff read.
SAID = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数", "rate": "预算执行率",
        "spending.basic": "基本支出", "spending.project": "项目支出"}


def said(path: str, value: float, where, funds: list[dict]) -> str:
    """budget.initial 3724055.0 at 表 1 … -> 年初预算数：3724055（表 1 …）; funds[1].executed -> 资金来源 …"""
    head, _, field = path.rpartition(".")
    if head.startswith("funds["):
        name = f"资金来源 {funds[int(head[6:-1])]['source']} {SAID[field]}"
    else:
        name = SAID.get(path) or SAID[field]
    return f"{name}：{forms.number_text(value)}（{where}）"


def form_values(doc: Document) -> tuple[dict, list[str], list[str]]:
    """What the official forms' tables state: (values by report key, found with where, the other
    tables that hold a money block too: a file of two forms, of which only the first is read)."""
    values: dict = {}
    found: list[str] = []
    others: list[str] = []
    for table in doc.tables:
        money = forms.money_block(table)
        if money["found"] and any(k in values for k in ("budget", "spending", "funds")):
            others.append(str(table.where))  # a second form's money: not mixed into the first's
        elif money["found"]:
            for key in ("budget", "spending"):
                if money[key]:
                    values.setdefault(key, {}).update(money[key])
            if money["funds"]:
                values["funds"] = [f for f in money["funds"] if len(f) > 1]
            found += [said(path, value, where, money["funds"]) for path, value, where in money["found"]]
        rows, total = forms.indicator_rows(table)
        if rows and "indicators" not in values:
            values["indicators"] = rows
            found.append(f"绩效指标：{len(rows)} 行（{table.where}）")
        score = total or forms.stated_score(table)
        if score and "score" not in values.get("result", {}):
            values.setdefault("result", {})["score"] = score[0]
            found.append(f"自评得分：{score[0]}（{score[1]}）")
    return values, found, others

