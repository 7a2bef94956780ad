"""argparse's own messages in Chinese: staff read every message the commands print, and a
misspelt command or a missing file name must say what is wrong in their language too."""

from __future__ import annotations

import argparse

WORDS = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示这段说明后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少这些参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这个选项（可选：%(choices)s）",
    "unrecognized arguments: %s": "不认识这些参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "expected one argument": "后面要跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "至少要给出 %s 中的一个",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "不认识的选项：%s",
}


def _translated(message: str) -> str:
    return WORDS.get(message, message)


def _ntranslated(singular: str, plural: str, n: int) -> str:
    return f"后面要跟 {n} 个值" if singular == "expected %s argument" else (singular if n == 1 else plural)


def install() -> None:
    """argparse looks its messages up through its module's _ and ngettext when it prints them."""
    argparse._ = _translated
    argparse.ngettext = _ntranslated
