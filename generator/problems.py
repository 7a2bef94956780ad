"""A problem found in the data: where it is, which field, what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | str | None  # a YAML line, or an Excel cell such as 支出情况!B3
    field: str
    message: str
    level: str = "error"  # "error" fails the build; "warning" is shown, and fails with --strict

    def __str__(self) -> str:
        # file:line: field: what is wrong and what to do (warnings say so first)
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        label = "" if self.level == "error" else "警告："
        return f"{where}:{field} {label}{self.message}"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the file and line."""
        kind = "error" if self.level == "error" else "warning"
        line = f",line={self.line}" if isinstance(self.line, int) else ""
        text = f"{self.field}: {self.message}" if self.field else self.message
        if isinstance(self.line, str):
            text = f"{self.line}: {text}"
        # Workflow commands end at a newline; % must be escaped first.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.file}{line}::{text}"


class BuildError(Exception):
    """A failure that is not the data's fault (missing tool, MkDocs error); the message is for the user."""


class DataError(Exception):
    """Raised with every problem found, so the user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def display_path(path: Path) -> str:
    """A path as the user typed it relative to the working directory, when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


MAX_PER_FILE = 100  # a pasted file can hold 100,000 mistakes: the first ones say what is wrong


def at_most(problems: list[Problem], file: str) -> list[Problem]:
    """The first MAX_PER_FILE problems, and one line that says how many more there are."""
    if len(problems) <= MAX_PER_FILE:
        return problems
    rest = len(problems) - MAX_PER_FILE
    return problems[:MAX_PER_FILE] + [Problem(file, None, "", f"还有 {rest} 个问题没有列出。请先改正以上问题，再运行检查。")]
