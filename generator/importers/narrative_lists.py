"""Lists a report states: its problems (存在的问题) and its measures (改进措施), each item verbatim, from
the items under a heading about them, or from a label inside a paragraph (发现的主要问题及原因：一是…；
二是…。下一步改进措施：…).
"""

from __future__ import annotations

import re

def measures(sections: list[dict]) -> list[str]:
    """The texts under a heading about 改进措施, in order."""
    return listed(sections, lambda title: "措施" in title)


def problems(sections: list[dict]) -> list[str]:
    """The texts under a heading about 存在的问题 (not one that joins the problems and the measures)."""
    return listed(sections, lambda title: "问题" in title and "措施" not in title and "整改" not in title)


def listed(sections: list[dict], about) -> list[str]:
    """The texts of the items under a heading whose title is about something, in order."""
    out: list[str] = []

    def walk(items: list[dict], inside: bool) -> None:
        for item in items:
            title = item.get("title") or ""
            here = inside or about(title)
            if here and (item.get("text") or title) and not item.get("items") and not about(title):
                out.append((title + (item.get("text") or "")).strip())
            walk(item.get("items", []), here)

    for s in sections:
        walk(s.get("items", []), about(s.get("title") or ""))
    return out


# A label inside a paragraph, then its text up to the next such label or the paragraph's end.
INLINE = {"problems": re.compile(r"(?:存在的|发现的|主要)?(?:主要)?问题(?:及(?:其)?原因)?(?:分析)?[:：]"),
          "measures": re.compile(r"(?:下一步)?(?:拟)?改进(?:措施|意见|建议)(?:及(?:有关)?建议)?[:：]")}
ENUMERATED = re.compile(r"[一二三四五六七八九十]是")


def inline(paras: list[str], kind: str) -> list[str]:
    """The items after a run-in label (问题及原因：一是…；二是…): one item per 一是/二是, or the whole
    text as one item; [] when no paragraph has the label, or its text is 无."""
    for para in paras:
        found = INLINE[kind].search(para)
        if not found:
            continue
        rest = para[found.end():]
        ends = [m.start() for pattern in INLINE.values() if (m := pattern.search(rest))]
        text = rest[:min(ends)] if ends else rest
        text = text.strip()
        if not text or re.fullmatch(r"无[。.]?", text):
            return []
        starts = [m.start() for m in ENUMERATED.finditer(text)]
        if len(starts) >= 2 and starts[0] == 0:
            return [text[a:b].strip().rstrip("；;") for a, b in zip(starts, starts[1:] + [len(text)])]
        return [text]
    return []
