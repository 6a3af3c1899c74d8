"""Crafted uploads: corrupt, huge when unpacked, or with one cell very far away.

Each builder starts from a real workbook (the import template or the status
tables) and rewrites a part of the zip, the way an attacker or a broken tool would.
"""

from __future__ import annotations

import io
import re
import zipfile


def sheet_part(data: bytes) -> str:
    """The zip name of the first worksheet."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))[0]


def rewrite(data: bytes, member: str, change) -> bytes:
    """``data`` with ``member`` replaced by ``change(old bytes)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                content = change(content)
            target.writestr(info.filename, content)
    return buffer.getvalue()


def truncated_sheet(data: bytes) -> bytes:
    """The first sheet's XML cut off in the middle."""
    return rewrite(data, sheet_part(data), lambda xml: xml[: len(xml) // 2])


def far_cell(data: bytes, row: int = 1_000_000) -> bytes:
    """One extra cell at ``row`` and a declared size of the whole sheet (A1:XFD1048576)."""

    def change(xml: bytes) -> bytes:
        text = xml.decode()
        text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', text)
        cell = f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>x</t></is></c></row>'
        return text.replace("</sheetData>", cell + "</sheetData>").encode()

    return rewrite(data, sheet_part(data), change)


def far_column(data: bytes) -> bytes:
    """One extra cell in the last column Excel has (XFD)."""

    def change(xml: bytes) -> bytes:
        cell = '<row r="999"><c r="XFD999"><v>1</v></c></row>'
        return xml.decode().replace("</sheetData>", cell + "</sheetData>").encode()

    return rewrite(data, sheet_part(data), change)


def unpacked_bomb(data: bytes, megabytes: int = 60) -> bytes:
    """A comment part of ``megabytes`` of spaces (compresses to almost nothing)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/padding.xml", b" " * (megabytes * 1024 * 1024))
    return buffer.getvalue()


def empty_cells_row(data: bytes, count: int = 2_200_000) -> bytes:
    """One row with millions of empty cells, all at A500 (26 MB unpacked)."""

    def change(xml: bytes) -> bytes:
        cells = '<c r="A500"/>' * count
        return (
            xml.decode().replace("</sheetData>", f'<row r="500">{cells}</row></sheetData>').encode()
        )

    return rewrite(data, sheet_part(data), change)


def doctype(data: bytes) -> bytes:
    """An entity declaration in the sheet (the billion-laughs pattern, small)."""

    def change(xml: bytes) -> bytes:
        text = xml.decode()
        head = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        return (head + re.sub(r"^<\?xml[^>]*\?>", "", text)).encode()

    return rewrite(data, sheet_part(data), change)


BUILDERS = {
    "afkortet ark": truncated_sheet,
    "celle i række 1.000.000": far_cell,
    "celle i kolonne XFD": far_column,
    "pakker ud til 60 MB": unpacked_bomb,
    "2,2 mio. tomme celler": empty_cells_row,
    "DOCTYPE med entitet": doctype,
}
