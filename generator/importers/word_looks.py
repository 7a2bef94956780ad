"""What Word does not show: a run hidden (w:vanish), white or nearly white on a light page (or dark
on a dark one), or too small to read, decided from the run's own properties and its styles.
Both Word readers (document.py's lines, read_docx.py's structure) ask this module."""

from __future__ import annotations

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def looks(document) -> dict:
    """What decides whether a run can be seen, read once: the run properties of the document's
    defaults under each paragraph style, of each style (following basedOn), and whether the page
    has a dark background."""
    root = document.styles.element
    own, based, default = {}, {}, None
    for style in root.iterchildren(W + "style"):
        sid = style.get(W + "styleId")
        own[sid] = _rpr(style.find(W + "rPr"))
        parent = style.find(W + "basedOn")
        based[sid] = parent.get(W + "val") if parent is not None else None
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
            default = sid
    resolved: dict[str, dict] = {}
    defaults = _rpr(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))

    def resolve(sid, depth=0) -> dict:
        if sid not in own or depth > 20:  # a loop of basedOn ends here
            return {}
        if sid not in resolved:
            resolved[sid] = {**resolve(based[sid], depth + 1), **own[sid]}
        return resolved[sid]

    paragraph_styles: dict[str | None, dict] = {}

    def paragraph(sid) -> dict:  # the document's defaults under a paragraph style, once per style
        if sid not in paragraph_styles:
            paragraph_styles[sid] = {**defaults, **resolve(sid if sid in own else default)}  # Word's fallback too
        return paragraph_styles[sid]

    background = document.element.find(W + "background")
    return {"paragraph": paragraph, "style": resolve,
            "dark_page": background is not None and not _light(background.get(W + "color"), empty=True)}


def _rpr(rpr) -> dict:
    """The run properties that can hide text: vanish, colour, size, shading, highlight."""
    out: dict = {}
    for child in rpr.iterchildren(tag=etree.Element) if rpr is not None else ():  # elements, not comments
        tag, val = child.tag, child.get(W + "val")
        if tag == W + "vanish":
            out["vanish"] = (val or "true").lower() not in ("0", "false", "off")
        elif tag == W + "color":
            theme = child.get(W + "themeColor") in ("background1", "light1") and not child.get(W + "themeShade")
            out["white"] = _light(val) or theme
        elif tag == W + "sz":
            out["size"] = number(child, None)
        elif tag == W + "shd":
            out["shaded"] = not _light(child.get(W + "fill"), empty=True)
        elif tag == W + "highlight":
            out["highlight"] = (val or "none").lower() not in ("none", "white")
    return out


def invisible(run, looks: dict) -> str | None:
    """Why Word does not show this run's text: hidden, tiny, or white on a white background."""
    paragraph = run.getparent()
    if paragraph.tag != W + "p":  # the run is in a hyperlink, a field or a tracked insertion
        paragraph = next(run.iterancestors(W + "p"), None)
    pstyle = paragraph.find(f"{W}pPr/{W}pStyle") if paragraph is not None else None
    props = looks["paragraph"](pstyle.get(W + "val") if pstyle is not None else None)
    rpr = run.find(W + "rPr")
    if rpr is not None:  # most runs of a long document have no formatting of their own
        rstyle = rpr.find(W + "rStyle")
        props = {**props, **(looks["style"](rstyle.get(W + "val")) if rstyle is not None else {}), **_rpr(rpr)}
    if not props:
        return None
    if props.get("vanish"):
        return "隐藏文字"
    if props.get("size") is not None and props["size"] <= 2:  # half-points: 1 磅 or less
        return "字号不超过 1 磅"
    if props.get("white") and not (props.get("shaded") or props.get("highlight") or looks["dark_page"]):
        shading = [paragraph.find(f"{W}pPr/{W}shd") if paragraph is not None else None]
        shading += [cell.find(f"{W}tcPr/{W}shd") for cell in run.iterancestors(W + "tc")][:1]
        if all(s is None or _light(s.get(W + "fill"), empty=True) for s in shading):
            return "白色文字"
    return None


def _light(color: str | None, empty: bool = False) -> bool:
    """A (nearly) white colour such as FFFFFF; `empty`: whether no colour (or auto) counts as white."""
    if color is None or color.lower() == "auto":
        return empty
    if color.lower() == "white":
        return True
    return bool(re.fullmatch(r"[0-9A-Fa-f]{6}", color)) and all(int(color[i:i + 2], 16) >= 0xF0 for i in (0, 2, 4))


def number(element, default):
    try:
        return int(element.get(W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default
