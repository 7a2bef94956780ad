"""Limits on what `import` reads: staff's files are checked before any library trusts them.

A .docx or .xlsx is a zip of XML parts. A hostile or broken one (a zip bomb, a renamed file,
a truncated download, a workbook with macros, a sheet of a million rows) is refused here with a
message naming the file and saying what to do, so that openpyxl and python-docx only ever open
packages whose every part has been decompressed once, within the limits below.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.parsers import expat

from ..problems import DataError, Problem

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB  # a report with photos is a few MB; GitHub warns above 50 MB
MAX_TEXT_BYTES = 5 * MB  # a .txt report is tens of KB
MAX_TEXT_CHARS = 500_000  # about 250 pages; a self-evaluation has 10 to 50 thousand characters
MAX_LINES = 10_000  # lines with text: a report copied from a PDF, one line per printed line, has a few thousand
MAX_MEMBERS = 1000  # parts of the zip: a document with 100 pictures has about 150
MAX_MEMBER_BYTES = 20 * MB  # one part decompressed (a sheet, the document's text, a picture)
MAX_TOTAL_BYTES = 50 * MB  # all parts decompressed
MAX_RATIO = 100  # Office XML compresses 5 to 20 times; far more is a bomb made of one repeated byte
RATIO_FROM = 1 * MB  # small parts may compress well, and cannot hurt
MAX_SHEETS = 50  # the form has 11
MAX_ROWS = 5000  # per sheet: the longest table of a report has a few hundred rows
MAX_COLUMNS = 1000  # the form uses at most 10
MAX_CELLS = 50_000  # in all sheets, empty formatted ones too; about 2 seconds to read and write as YAML
FORM_COLUMNS = 20  # hidden columns matter only where the form is read
CHUNK = 64 * 1024

KINDS = {
    "xlsx": ("Excel 工作簿（.xlsx）", "请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。",
             ("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml")),
    "docx": ("Word 文档（.docx）", "请在 Word 中打开它，另存为“Word 文档（.docx）”后再导入。",
             ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml")),
}
# The first bytes of files staff rename by mistake, to say what the file really is.
MAGIC = [(b"\xd0\xcf\x11\xe0", "旧版 Office 97-2003 格式（.xls/.doc），或设置了打开密码"), (b"%PDF", "PDF 文件"),
         (b"\x89PNG", "PNG 图片"), (b"\xff\xd8\xff", "JPEG 图片"), (b"{\\rtf", "RTF 文档")]


def unreadable(e: Exception) -> str:
    """Why a library could not read a file, in words staff read: its own message is English, and names
    parts of the format nobody at a finance bureau knows."""
    text = str(e).lower()
    if "entit" in text or "amplification" in text:
        return "其中的 XML 含有实体定义，可能是特意构造的文件，不读"
    if "zip" in text or "crc" in text or "magic" in text or "compress" in text:
        return "压缩包已损坏"
    return "其中的内容无法解析，文件可能已损坏"


def refuse(name: str, message: str, where: str | None = None) -> DataError:
    return DataError([Problem(name, where, "", message)])


def read_bounded(path: Path, name: str, limit: int, what: str) -> bytes:
    """The file's bytes, refused above `limit`; read once, so what is checked is what is parsed."""
    with path.open("rb") as f:
        data = f.read(limit + 1)  # and not more, even if the file grows while it is read
    if len(data) > limit:
        raise refuse(name, f"文件有 {_size(path.stat().st_size)}，超过了导入上限 {_size(limit)}。{what}")
    return data


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def open_package(path: Path, name: str, kind: str) -> bytes:
    """A .docx or .xlsx file's bytes, once every check below has passed; else DataError."""
    label, fix, main_types = KINDS[kind]
    data = read_bounded(path, name, MAX_FILE_BYTES, "请压缩或删除文档中的图片（图片不会被导入）后再试。")
    invalid = f"文件不是有效的 {label}"
    if not data:
        raise refuse(name, f"{invalid}：它是空的（0 字节）。请重新保存或重新复制这个文件。{fix}")
    if not data.startswith(b"PK"):
        seen = next((what for magic, what in MAGIC if data.startswith(magic)), "其他格式的文件改了扩展名")
        raise refuse(name, f"{invalid}：它是{seen}。{fix}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise refuse(name, f"{invalid}：文件不完整或已损坏（可能没有下载或复制完）。请重新获取这个文件，或{fix[1:]}") from None
    _check_directory(name, members, invalid, fix)
    has_types = "[Content_Types].xml" in archive.namelist()
    types = _read_member(archive, "[Content_Types].xml", name, invalid, fix) if has_types else b""
    if has_macros(types, [m.filename for m in members]):
        raise refuse(name, f"文件含有宏（VBA 代码），不能导入：宏可能在打开文件时运行程序。{fix}")
    if not any(t.encode() in types for t in main_types):
        other = next((KINDS[k][0] for k in KINDS if k != kind and any(t.encode() in types for t in KINDS[k][2])), None)
        seen = f"它其实是{other}，只是扩展名不对" if other else "它是 zip 压缩包，但不是 Office 文档"
        raise refuse(name, f"{invalid}：{seen}。{fix}")
    for member in members:  # declared sizes can lie: decompress every part once, within the limits
        _read_member(archive, member, name, invalid, fix, keep=False)
    return data


def has_macros(content_types: bytes, names: list[str]) -> bool:
    """Whether an Office package carries macros: a VBA project or Excel 4 macro sheets among its
    parts, or a macro-enabled type in its [Content_Types].xml."""
    lowered = content_types.lower()
    return (b"macroenabled" in lowered or b"vbaproject" in lowered or b"macrosheet" in lowered
            or any("vbaproject" in n.lower() or "macrosheets/" in n.lower() for n in names))


def _check_directory(name: str, members: list[zipfile.ZipInfo], invalid: str, fix: str) -> None:
    """Refuse a zip bomb from its central directory, before anything is decompressed."""
    if len(members) > MAX_MEMBERS:
        raise refuse(name, f"{invalid}：它由 {len(members)} 个部分组成，超过了上限 {MAX_MEMBERS}。{fix}")
    total = 0
    for m in members:
        total += m.file_size
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > MAX_MEMBER_BYTES:
            why = f"其中的“{m.filename}”解压后有 {m.file_size / MB:.0f} MB，超过了每部分 {MAX_MEMBER_BYTES // MB} MB 的上限"
        elif m.file_size > RATIO_FROM and ratio > MAX_RATIO:
            why = f"其中的“{m.filename}”解压后是压缩时的 {ratio:.0f} 倍，远超正常文档"
        elif total > MAX_TOTAL_BYTES:
            why = f"全部解压后超过 {MAX_TOTAL_BYTES // MB} MB 的上限"
        else:
            why = None
        if why:
            raise refuse(name, f"{invalid}：{why}（可能是“压缩炸弹”）。{fix}")
        if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or m.flag_bits & 1:
            raise refuse(name, f"{invalid}：其中的“{m.filename}”使用了 Office 不使用的压缩方式或加了密码。{fix}")


def _read_member(archive: zipfile.ZipFile, member, name: str, invalid: str, fix: str, keep: bool = True) -> bytes:
    """A part decompressed in chunks, stopped past its declared size (zipfile enforces it) and the limit."""
    chunks, size = [], 0
    part = getattr(member, "filename", member)
    try:
        with archive.open(member) as f:
            while chunk := f.read(CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise refuse(name, f"{invalid}：其中的“{part}”解压后超过 {MAX_MEMBER_BYTES // MB} MB。{fix}")
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as e:
        raise refuse(name, f"{invalid}：文件已损坏，其中的“{part}”无法解压（{unreadable(e)}）。请重新获取这个文件，或{fix[1:]}") from None
    return b"".join(chunks)


# ---- the sheets of a workbook -------------------------------------------------------------

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_REF = re.compile(r"^\$?([A-Za-z]+)\$?(\d+)$")


def workbook_sheets(data: bytes, name: str) -> list[tuple[str, str, dict]]:
    """Each worksheet as (title, state, what its XML holds), found as openpyxl finds them, counted
    within MAX_SHEETS, MAX_ROWS, MAX_COLUMNS and MAX_CELLS before openpyxl reads a cell."""
    from openpyxl.reader.excel import ExcelReader

    label, fix, _ = KINDS["xlsx"]
    try:  # openpyxl's own way from the package to the sheets' parts, without reading them
        reader = ExcelReader(io.BytesIO(data), read_only=True, keep_links=False)
        reader.read_manifest()
        reader.read_workbook()
        found = list(reader.parser.find_sheets())
    except Exception as e:  # openpyxl raises many kinds for a damaged workbook
        raise refuse(name, f"文件不是有效的 {label}：找不到它的工作表（{unreadable(e)}）。{fix}") from None
    if len(found) > MAX_SHEETS:
        raise refuse(name, f"工作簿有 {len(found)} 个工作表，超过了上限 {MAX_SHEETS}。请只保留表格中的工作表后再导入。")
    budget = {"cells": 0}
    sheets, seen = [], set()
    for sheet, rel in found:
        if "chartsheet" in rel.Type or rel.target not in reader.valid_files:
            continue
        if rel.target in seen:  # one part read as many sheets would multiply every limit
            raise refuse(name, f"文件不是有效的 {label}：多个工作表指向同一份内容。{fix}")
        seen.add(rel.target)
        with reader.archive.open(rel.target) as f:
            sheets.append((sheet.name, sheet.state or "visible", _scan_sheet(f, name, sheet.name, budget)))
    return sheets


class _Stop(Exception):
    pass


def _scan_sheet(stream, name: str, sheet: str, budget: dict) -> dict:
    """One pass of expat over a sheet's XML, keeping nothing but counts and what openpyxl's
    read-only mode does not give: the first merged range, hidden rows and hidden columns.
    Stops at the first row or cell past a limit."""
    info = {"merged": None, "hidden_rows": set(), "hidden_columns": set(), "formulas": False}
    state = {"row": 0, "column": 0}

    def too_big(message: str) -> _Stop:
        return _Stop(f"工作表“{sheet}”{message}请删除多余的行列（选中后“删除”，不只是清除内容）后再导入。")

    def start(tag: str, attrs: dict) -> None:
        if not tag.startswith(SHEET_NS):
            return
        tag = tag[len(SHEET_NS):]
        if tag == "row":
            r = attrs.get("r", "")
            row = int(r) if r.isdigit() else state["row"] + 1
            if row <= state["row"]:
                raise _Stop(f"工作表“{sheet}”的行顺序错乱（第 {row} 行在第 {state['row']} 行之后），文件已损坏。"
                            "请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。")
            state["row"], state["column"] = row, 0
            if row > MAX_ROWS:
                raise too_big(f"有第 {row} 行，超过了每个工作表 {MAX_ROWS} 行的上限。")
            if attrs.get("hidden") in ("1", "true") or _number(attrs.get("ht")) == 0:
                info["hidden_rows"].add(row)
        elif tag == "c":
            match = _REF.match(attrs.get("r", ""))
            column = _column(match.group(1)) if match else state["column"] + 1
            state["column"] = column
            budget["cells"] += 1
            if column > MAX_COLUMNS:
                raise too_big(f"第 {state['row']} 行有第 {column} 列的单元格，超过了 {MAX_COLUMNS} 列的上限。")
            if budget["cells"] > MAX_CELLS:
                raise too_big(f"读到第 {state['row']} 行时，工作簿的单元格已超过 {MAX_CELLS} 个的上限。")
        elif tag == "dimension":
            rows, columns = _extent(attrs.get("ref", ""))
            if rows > MAX_ROWS or columns > MAX_COLUMNS:
                raise too_big(f"声明的范围是 {attrs.get('ref')}（{rows} 行、{columns} 列），超过了 {MAX_ROWS} 行、{MAX_COLUMNS} 列的上限。")
        elif tag == "col":
            if attrs.get("hidden") in ("1", "true") or _number(attrs.get("width")) == 0:
                first, last = _number(attrs.get("min")) or 1, _number(attrs.get("max")) or 1
                info["hidden_columns"].update(range(int(first), int(min(last, FORM_COLUMNS)) + 1))
        elif tag == "f":
            info["formulas"] = True
        elif tag == "mergeCell":  # the first in order is named, as Excel would list them
            ref = attrs.get("ref", "").upper()
            info["merged"] = min(info["merged"] or ref, ref)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    try:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop as e:
        raise refuse(name, str(e)) from None
    except expat.ExpatError as e:
        raise refuse(name, f"工作表“{sheet}”已损坏（{unreadable(e)}）。{KINDS['xlsx'][1]}") from None
    return info


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper()[:8]:  # longer is far past any limit already
        n = n * 26 + ord(ch) - 64
    return n


def _extent(ref: str) -> tuple[int, int]:
    """(rows, columns) a range such as A1:Z1000000 spans from A1; (0, 0) if it is not a range."""
    match = _REF.match(ref.split(":")[-1])
    return (int(match.group(2)), _column(match.group(1))) if match else (0, 0)


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def hidden_content(file: str, where: str, what: str, text: str, app: str, included: bool) -> Problem:
    """Content staff cannot see in Excel or Word but the site would publish: an error, or with
    --include-hidden a warning, quoting its beginning."""
    text = text.strip()
    shown = f"“{text[:30]}{'……' if len(text) > 30 else ''}”"
    if included:
        return Problem(file, where, "", f"{what}：{shown}，在 {app} 中看不到，已按 --include-hidden 导入并将公开。请核对它确实应当公开。",
                       level="warning")
    return Problem(file, where, "", f"{what}：{shown}。它在 {app} 中看不到，导入后却会公开在网站上。"
                                    f"请在 {app} 中取消隐藏并核对，不应公开的请删除；确认要公开，请加 --include-hidden 再导入。")
