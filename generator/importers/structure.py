"""What every reader returns, whatever the format: a document as text blocks and tables of
cells, in reading order, each part knowing where it came from.

The recogniser reads only this structure, so a rule written once works on text, Word, Excel,
PDF and saved web pages alike. Tables stay tables: rows and columns intact, a merged cell known
as merged (its other grid positions say so), never collapsed or dropped.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem


@dataclass(frozen=True)
class Where:
    """Where a piece of a document is, as staff would look for it."""

    line: int | None = None  # text, HTML: 1-based line of the file
    page: int | None = None  # PDF: 1-based page
    sheet: str | None = None  # Excel: the sheet's name
    cell: str | None = None  # Excel: "B7"
    paragraph: int | None = None  # Word: 1-based paragraph of the body
    table: int | None = None  # Word, HTML, PDF: 1-based table of the document
    row: int | None = None  # in a table: 1-based row
    column: int | None = None  # in a table: 1-based column

    def __str__(self) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(f"工作表“{self.sheet}”")
        if self.cell is not None:
            parts.append(f"单元格 {self.cell}")
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.line is not None:
            parts.append(f"第 {self.line} 行")
        if self.paragraph is not None:
            parts.append(f"第 {self.paragraph} 段")
        if self.table is not None:
            parts.append(f"表 {self.table}")
        if self.row is not None and self.cell is None:
            parts.append(f"第 {self.row} 行" + (f"第 {self.column} 列" if self.column is not None else ""))
        return re.sub(r"(\d)(?=第)", r"\1 ", "".join(parts)) or "文档中"  # 表 1 第 5 行: a blank after a number


@dataclass(frozen=True)
class Block:
    """A paragraph, a heading or one line of text."""

    text: str
    where: Where


@dataclass(frozen=True)
class Cell:
    text: str
    where: Where
    rowspan: int = 1  # for the top-left cell of a merged range
    colspan: int = 1
    merged_into: tuple[int, int] | None = None  # a grid position a merged range covers: (row, column) of its top-left, 0-based


@dataclass(frozen=True)
class Table:
    """A rectangular grid: every row has the same number of cells. A merged range is its top-left
    cell (with its spans) and, at each position it covers, a Cell with merged_into set and no text."""

    rows: list[list[Cell]]
    where: Where
    lefts: tuple[float, ...] = ()  # a PDF table's column left edges, in points: to join it to its next page's

    def value(self, row: int, column: int) -> str:
        """The text shown at a grid position: a covered position shows its merged range's text."""
        cell = self.rows[row][column]
        if cell.merged_into is not None:
            r, c = cell.merged_into
            return self.rows[r][c].text
        return cell.text


@dataclass
class Document:
    name: str  # as messages name the file
    parts: list[Block | Table] = field(default_factory=list)  # in reading order
    hidden: list[Problem] = field(default_factory=list)  # content Word or Excel does not show staff

    @property
    def blocks(self) -> list[Block]:
        return [p for p in self.parts if isinstance(p, Block)]

    @property
    def tables(self) -> list[Table]:
        return [p for p in self.parts if isinstance(p, Table)]


@dataclass
class Imported:
    """What one imported file gave, for the table `import` ends with."""

    source: Path
    out: Path | None = None  # the draft written, or None when the file failed
    kind: str | None = None
    year: int | None = None
    found: int = 0  # fields found
    unplaced: float | None = None  # share of the body text left in 未归类内容
    doubtful: list[str] = field(default_factory=list)  # fields with more than one candidate
    error: str | None = None  # why nothing was written
