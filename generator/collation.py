"""Chinese names in the order readers look them up: by pinyin (交通, 教育, 民政, 农业, 卫生), as a
dictionary or a phone's contact list orders them; not by code point (交通, 农业, 卫生, 教育)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def pinyin_key(name: str) -> tuple[str, str]:
    """The name's pinyin without tones (homophones then by the name itself)."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(name)).lower(), name
