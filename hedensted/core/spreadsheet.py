"""Reading an uploaded .xlsx file within fixed bounds of size, time and memory.

Both upload paths (»Opdater data« and the monthly status tables) read workbooks
here, never with ``openpyxl.load_workbook``: openpyxl's read-only mode pads
every row up to the sheet's declared size (one cell at row 1.000.000 takes
minutes and gigabytes), and its normal mode keeps every cell as an object.

This reader streams the sheet XML (``iterparse``, one row at a time) and keeps
only the cells that hold a value (a dict keyed by row and column). Before
anything is parsed, the zip's unpacked size is checked; while parsing, the
number of XML elements, the row and column of each cell, the number of cells
and the CPU time are bounded (:class:`Limits`). A DOCTYPE (entity tricks) is
refused. Every problem – a file that is not a zip, a truncated or malformed
XML part, a missing part – is an :class:`UnreadableWorkbook` with a Danish
message; nothing else escapes.
"""

from __future__ import annotations

import posixpath
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from xml.etree.ElementTree import Element, ParseError, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAIN_PARTS = ("xl/workbook.xml",)
MAX_MEMBERS = 500
NOT_A_WORKBOOK = (
    "filen kan ikke læses som en Excel-projektmappe (.xlsx) – den er beskadiget eller ikke en "
    "Excel-fil. Gem den igen fra Excel som »Excel-projektmappe (.xlsx)«."
)


class UnreadableWorkbook(ValueError):
    """An upload that cannot be read as a workbook within the bounds (Danish message)."""


@dataclass(frozen=True)
class Limits:
    """How much of a workbook is read before it is refused."""

    max_unpacked: int  # bytes, all parts together
    max_row: int
    max_column: int
    max_cells: int  # cells with a value, all sheets together
    max_elements: int = 2_000_000  # XML elements, all parts together
    max_seconds: float = 4.0
    # True: a formula cell reads as its formula (``=SUM(A1:A3)``), so it can be
    # refused; False: as the value Excel last calculated (``data_only``).
    formulas: bool = False


@dataclass(frozen=True)
class Cell:
    """A cell with a value, as stored (a number, text, a bool or a date)."""

    value: object
    number_format: str = "General"

    @property
    def is_percent(self) -> bool:
        return "%" in self.number_format


@dataclass
class Sheet:
    """The cells of one worksheet that hold a value."""

    title: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def cell(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def value(self, row: int, column: int) -> object:
        found = self.cells.get((row, column))
        return None if found is None else found.value

    @property
    def max_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    @property
    def max_column(self) -> int:
        return max((c for _, c in self.cells), default=0)

    def rows(self) -> list[tuple[int, dict[int, Cell]]]:
        """(row number, column → cell) for every row with a value, top to bottom."""
        by_row: dict[int, dict[int, Cell]] = {}
        for (row, column), cell in self.cells.items():
            by_row.setdefault(row, {})[column] = cell
        return [(row, dict(sorted(by_row[row].items()))) for row in sorted(by_row)]


class _Budget:
    """The elements and time left while parsing."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.elements = 0
        # CPU time of this thread: a busy server (other sessions) does not count.
        self.deadline = time.thread_time() + limits.max_seconds

    def check(self) -> None:
        if self.elements > self.limits.max_elements:
            raise UnreadableWorkbook(
                "Excel-filen har for mange XML-elementer til at være en skabelon eller et "
                "statusskema."
            )
        if time.thread_time() > self.deadline:
            raise UnreadableWorkbook(
                f"Excel-filen tager for lang tid at læse (over {self.limits.max_seconds:g} "
                "sekunder) og afvises."
            )


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rpartition("}")[2].rpartition(":")[2]
    return name


def _events(archive: zipfile.ZipFile, name: str, budget: _Budget) -> Iterator[tuple[str, Element]]:
    """(local name, element) at the end of every element of one XML part.

    The part is refused if it declares a DOCTYPE or entities (never in a workbook).
    """
    content = archive.read(name)
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise UnreadableWorkbook(NOT_A_WORKBOOK)
    count = 0
    for _event, element in iterparse(BytesIO(content), events=("end",)):
        count += 1
        if count % 4096 == 0:
            budget.elements += 4096
            budget.check()
        yield _local(element.tag), element
    budget.elements += count % 4096
    budget.check()


def _member(archive: zipfile.ZipFile, base: str, target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(path)


def _text_without_phonetic(element: Element) -> str:
    """The text of an ``si`` or ``is`` element: its ``t`` runs, without phonetic runs."""
    parts: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, name: str, budget: _Budget) -> list[str]:
    strings: list[str] = []
    for local, element in _events(archive, name, budget):
        if local == "si":
            strings.append(_text_without_phonetic(element))
            element.clear()
            if len(strings) > budget.limits.max_cells:
                raise UnreadableWorkbook("Excel-filen har for mange tekster.")
    return strings


def _number_formats(archive: zipfile.ZipFile, name: str, budget: _Budget) -> list[str]:
    custom: dict[int, str] = {}
    formats: list[str] = []
    for local, element in _events(archive, name, budget):
        if local == "numFmt":
            custom[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
        elif local == "cellXfs":
            for xf in element:
                number = int(xf.get("numFmtId", "0"))
                formats.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return formats


@dataclass
class _Book:
    sheets: list[tuple[str, str]]  # (title, part name)
    shared_strings: str | None
    styles: str | None
    epoch: datetime


def _book(archive: zipfile.ZipFile, budget: _Budget) -> _Book:
    sheets: list[tuple[str, str]] = []
    epoch = CALENDAR_WINDOWS_1900
    for local, element in _events(archive, "xl/workbook.xml", budget):
        if local == "workbookPr" and element.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        elif local == "sheet":
            relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            sheets.append((element.get("name", ""), relation))
    targets: dict[str, tuple[str, str]] = {}
    if "xl/_rels/workbook.xml.rels" in archive.NameToInfo:
        for local, element in _events(archive, "xl/_rels/workbook.xml.rels", budget):
            if local == "Relationship":
                kind = element.get("Type", "").rsplit("/", 1)[-1]
                targets[element.get("Id", "")] = (kind, element.get("Target", ""))
    parts = []
    for title, relation in sheets:
        kind, target = targets.get(relation, ("", ""))
        if kind == "worksheet":
            parts.append((title, _member(archive, "xl", target)))
    by_kind = {kind: _member(archive, "xl", target) for kind, target in targets.values()}
    names = archive.NameToInfo
    shared = by_kind.get("sharedStrings")
    styles = by_kind.get("styles")
    return _Book(
        sheets=parts,
        shared_strings=shared if shared in names else None,
        styles=styles if styles in names else None,
        epoch=epoch,
    )


def _convert(kind: str, raw: str, number_format: str, epoch: datetime, strings: list[str]):
    if kind == "s":
        return strings[int(raw)]
    if kind in ("str", "inlineStr", "e"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        return datetime.fromisoformat(raw.strip())
    text = raw.strip()
    if not text:
        return None
    number = float(text) if any(c in text for c in ".eE") else int(text)
    if number_format != "General" and is_date_format(number_format):
        return from_excel(number, epoch)
    return number


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter.upper()) - 64
    return number


def _split_reference(reference: str) -> tuple[int, int]:
    """``"B12"`` → (12, 2)."""
    letters = reference.rstrip("0123456789")
    if not letters or not letters.isalpha() or len(letters) > 3 or len(letters) == len(reference):
        raise ValueError(reference)
    return int(reference[len(letters) :]), _column_number(letters)


def _sheet(
    archive: zipfile.ZipFile,
    title: str,
    part: str,
    book: _Book,
    strings: list[str],
    formats: list[str],
    budget: _Budget,
    counted: list[int],
) -> Sheet:
    sheet = Sheet(title)
    limits = budget.limits
    row_number = 0
    for local, element in _events(archive, part, budget):
        if local != "row":
            continue
        given = element.get("r")
        row_number = int(given) if given else row_number + 1
        column = 0
        for cell in element:
            if _local(cell.tag) != "c":
                continue
            reference = cell.get("r")
            if reference:
                row_number, column = _split_reference(reference)
            else:
                column += 1
            if row_number > limits.max_row:
                raise UnreadableWorkbook(
                    f"arket »{title}« har en celle i række nr. {row_number:,}".replace(",", ".")
                    + f"; højst {limits.max_row:,} rækker kan læses.".replace(",", ".")
                )
            if column > limits.max_column:
                raise UnreadableWorkbook(
                    f"arket »{title}« har en celle i kolonne "
                    f"{get_column_letter(min(column, 18278))}; højst {limits.max_column} "
                    "kolonner kan læses."
                )
            kind = cell.get("t", "n")
            raw, formula, inline = "", None, None
            for child in cell:
                name = _local(child.tag)
                if name == "v":
                    raw = child.text or ""
                elif name == "f":
                    formula = child.text or ""
                elif name == "is":
                    inline = child
            style = int(cell.get("s", "0") or 0)
            number_format = formats[style] if 0 <= style < len(formats) else "General"
            if formula is not None and limits.formulas:
                converted: object = "=" + formula
            elif kind == "inlineStr":
                converted = _text_without_phonetic(inline) if inline is not None else ""
            elif raw == "":
                continue
            else:
                converted = _convert(kind, raw, number_format, book.epoch, strings)
            if converted is None or converted == "":
                continue
            counted[0] += 1
            if counted[0] > limits.max_cells:
                raise UnreadableWorkbook(
                    f"Excel-filen har flere end {limits.max_cells:,} udfyldte celler.".replace(
                        ",", "."
                    )
                )
            sheet.cells[(row_number, column)] = Cell(converted, number_format)
        if given is None and row_number > limits.max_row:
            raise UnreadableWorkbook(
                f"arket »{title}« har en række nr. {row_number:,}".replace(",", ".")
                + f"; højst {limits.max_row:,} rækker kan læses.".replace(",", ".")
            )
        element.clear()
    return sheet


def _check_archive(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableWorkbook(NOT_A_WORKBOOK)
    unpacked = sum(info.file_size for info in members)
    if unpacked > limits.max_unpacked:
        raise UnreadableWorkbook(
            f"Excel-filen fylder for meget, når den pakkes ud ({unpacked / 1024 / 1024:.0f} MB; "
            f"højst {limits.max_unpacked // 1024 // 1024} MB)."
        )
    if "xl/workbook.xml" not in archive.NameToInfo:
        raise UnreadableWorkbook(NOT_A_WORKBOOK)


def read_sheets(data: bytes, limits: Limits) -> list[Sheet]:
    """Every worksheet of an .xlsx file (cells with a value), within ``limits``.

    Raises :class:`UnreadableWorkbook` (Danish) for anything that is not a
    readable workbook or goes beyond the limits.
    """
    budget = _Budget(limits)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            _check_archive(archive, limits)
            book = _book(archive, budget)
            strings = (
                _shared_strings(archive, book.shared_strings, budget) if book.shared_strings else []
            )
            formats = _number_formats(archive, book.styles, budget) if book.styles else []
            counted = [0]
            return [
                _sheet(archive, title, part, book, strings, formats, budget, counted)
                for title, part in book.sheets
            ]
    except UnreadableWorkbook:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        ParseError,
        EOFError,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OverflowError,
        NotImplementedError,
        RuntimeError,
        OSError,
    ) as exc:
        raise UnreadableWorkbook(NOT_A_WORKBOOK) from exc
