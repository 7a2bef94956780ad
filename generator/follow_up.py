"""Follow-up across years: what a department's report said went wrong and would be done (its
deviations, problems and measures), next to what the next year's report says. A deviation's
indicator is matched to the next year's indicator of the same name, word for word (blanks and end
punctuation aside); a problem stated again word for word is marked as back. Nothing else is
matched: measures and the next year's problems are shown side by side for the reader to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .derive import Record
from .model import Deviation, Indicator


@dataclass(frozen=True)
class Step:
    """One report's year and, when there is one, the same subject's next report."""

    rec: Record
    following: Record | None
    deviations: tuple[tuple[Deviation, Indicator | None], ...]  # each with next year's same-named indicator
    problems: tuple[tuple[str, bool], ...]  # each, and whether next year states it again word for word


def same_words(text: str) -> str:
    return re.sub(r"[\s。；;，,.、]+$", "", re.sub(r"\s+", "", text))


def steps_of(records: list[Record]) -> list[Step]:
    """The subject's reports from the newest, each with the next year's report (if any)."""
    ordered = sorted(records, key=lambda rec: rec.report.year)
    out = []
    for n, rec in enumerate(ordered):
        following = ordered[n + 1] if n + 1 < len(ordered) and ordered[n + 1].report.year > rec.report.year else None
        later = following.report if following else None
        named = {same_words(i.name): i for i in later.indicators} if later else {}
        again = {same_words(p) for p in later.problems} if later else set()
        out.append(Step(rec, following,
                        tuple((d, named.get(same_words(d.indicator))) for d in rec.report.deviations),
                        tuple((p, same_words(p) in again) for p in rec.report.problems)))
    return out[::-1]


def follow_up(records: list[Record]) -> list[tuple[str, list[Step]]]:
    """(subject, its steps) for the department's own reports and each project followed by its name,
    where the subject has two years or more and some year states what went wrong or will be done."""
    subjects: dict[str, list[Record]] = {}
    for rec in records:
        r = rec.report
        if r.kind != "department" and r.project is None:
            continue  # a project report that does not name its project: no name to follow it by
        subjects.setdefault("部门整体" if r.kind == "department" else f"项目：{r.project.name}", []).append(rec)
    out = []
    for subject, recs in subjects.items():
        if len({rec.report.year for rec in recs}) < 2:
            continue
        if any(rec.report.deviations or rec.report.problems or rec.report.measures for rec in recs):
            out.append((subject, steps_of(recs)))
    return out
