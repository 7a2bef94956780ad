"""Field paths and model introspection: one place that knows how a field is named.

A field's path is written one way everywhere, in messages and on the 字段说明 page:
`indicators[0].score`. Its Chinese title, whether it is required and which keys its
mapping allows are read from the model (model.py), so messages cannot drift from it.
"""

from __future__ import annotations

from typing import Literal, get_args, get_origin

from pydantic import BaseModel

from .model import Report


def path_text(loc: tuple) -> str:
    """('indicators', 0, 'score') -> 'indicators[0].score'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def model_of(annotation) -> type[BaseModel] | None:
    """The pydantic model inside Optional[...] or list[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = model_of(arg)
        if found:
            return found
    return None


def _field_at(loc: tuple, model: type[BaseModel] = Report):
    """The pydantic FieldInfo at loc (list indexes skipped), or None if loc leaves the model."""
    current, info = model, None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = model_of(info.annotation)
    return info


def field_title(loc: tuple, model: type[BaseModel] = Report) -> str:
    """The Chinese title of the field at loc, e.g. ('spending', 'total') -> 本年财政拨款支出.
    For a path that leaves the model, the title of the last field it names."""
    title, current = "", model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        if info is None:
            return title
        title = info.title or part
        current = model_of(info.annotation)
    return title


def is_required(loc: tuple) -> bool:
    info = _field_at(loc) if loc else None
    return bool(info and info.is_required())


def allowed_keys(loc: tuple) -> list[str]:
    """The keys the mapping at loc may have (empty when loc is not a mapping of the model)."""
    if not loc:
        return list(Report.model_fields)
    info = _field_at(loc)
    inner = model_of(info.annotation) if info else None
    return list(inner.model_fields) if inner else []


def field_dictionary() -> list[dict]:
    """Every field of the data contract, walked from the model itself, so the 字段说明 page cannot drift from it."""
    rows: list[dict] = []

    def walk(model: type[BaseModel], prefix: str, seen: tuple) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}{name}"
            inner = model_of(info.annotation)
            is_list = "list[" in str(info.annotation)
            rows.append({
                "path": path + ("[]" if is_list else ""),
                "title": info.title or "",
                "type": _type_name(info.annotation, inner, is_list),
                "required": info.is_required(),
                "description": info.description or "",
            })
            if inner is not None and inner not in seen:
                walk(inner, path + ("[]." if is_list else "."), seen + (inner,))

    walk(Report, "", (Report,))
    return rows


def _type_name(annotation, inner, is_list: bool) -> str:
    if inner is not None:
        return "列表" if is_list else "映射"
    if get_origin(annotation) is Literal:
        return "取值：" + "、".join(str(a) for a in get_args(annotation))
    text = str(annotation)
    if "float" in text and "str" in text:
        return "数字或文字"
    for word, name in (("float", "数字"), ("int", "整数"), ("date", "日期")):
        if word in text:
            return name
    return "文字"
