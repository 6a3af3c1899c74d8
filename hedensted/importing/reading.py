"""An uploaded file's bytes as a table of cells – or a Danish error naming file, row, column.

Checked here, before anything is interpreted: the size limit, an empty file,
the encoding (UTF-8, with or without BOM; the row and column of the first byte
that is not UTF-8 are named; UTF-16, UTF-32, binary data and the old .xls format
are named as such), the delimiter (``,`` or ``;``), the header's width (at most
``MAX_COLUMNS``) and that every row has exactly the header's columns (the row is
named), an unclosed quote (its row is named, the file is never pasted), and a
cell over the CSV field limit. An Excel workbook is read by
:mod:`hedensted.core.spreadsheet` within bounds of unpacked size, rows, columns,
cells and time; a corrupt one is refused in Danish. Reading stops after
``MAX_SECONDS``.
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from hedensted.core.catalog import DatasetError

if TYPE_CHECKING:  # the workbook reader imports openpyxl; loaded only for an upload
    from hedensted.core.spreadsheet import Cell

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 50
MAX_UNPACKED_BYTES = 30 * 1024 * 1024
MAX_SECONDS = 4.0
TOO_SLOW = "filen tager for lang tid at læse (over 4 sekunder) og afvises."
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BOM = b"\xef\xbb\xbf"
DELIMITERS = {",": "komma", ";": "semikolon"}
OTHER_DELIMITERS = {"\t": "tabulator", "|": "lodret streg"}
DATA_SHEET = "Data"


@dataclass(frozen=True)
class RawTable:
    """The cells of a file: the header (row ``header_row``) and the rows below it.

    ``rows`` holds (row number as in the file, cells). A spreadsheet cell is kept
    as read (number, text, date); a percent-formatted number is multiplied by 100.
    """

    file_name: str
    kind: Literal["csv", "xlsx"]
    delimiter: str
    header: list[str]
    rows: list[tuple[int, list[object]]]
    header_row: int = 1
    # The first row whose width differs from the header's: raised after the header
    # is checked (a header problem, e.g. the wrong delimiter, explains it better).
    width_problem: DatasetError | None = None

    def error(self, message: str, row: int | None = None, column: str | None = None):
        """A :class:`DatasetError` about this file."""
        return DatasetError(Path(self.file_name), message, row, column)


def _error(file_name: str, message: str, row: int | None = None, column: str | None = None):
    return DatasetError(Path(file_name), message, row, column)


def is_workbook(file_name: str, data: bytes) -> bool:
    """An .xlsx file (by name, or by the zip signature of its content)."""
    return file_name.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04")


def _encoding_problem(body: bytes) -> str | None:
    """A Danish sentence naming an encoding that is not UTF-8 (``None``: looks like text)."""
    if body.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "filen er gemt som UTF-32."
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "filen er gemt som UTF-16 (»Unicode-tekst«)."
    if body.startswith(OLE_SIGNATURE):
        return (
            "filen er i det gamle Excel-format (.xls). Gem den som Excel-projektmappe "
            "(.xlsx) eller som »CSV UTF-8«, og prøv igen."
        )
    sample = body[:4096]
    if b"\x00" in sample:
        zeros = sample.count(b"\x00")
        if zeros * 3 >= len(sample):  # every other byte is 0: UTF-16 without a BOM
            return "filen er gemt som UTF-16 (»Unicode-tekst«)."
        return "filen er ikke en tekstfil (CSV) – den indeholder binære data (tegnet 0x00)."
    return None


def _decode(file_name: str, data: bytes) -> str:
    body = data.removeprefix(BOM)
    problem = _encoding_problem(body)
    if problem:
        hint = "" if "Excel-format" in problem else " Gem filen som »CSV UTF-8« og prøv igen."
        raise _error(file_name, problem + hint, 1)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        row = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        first_line = body.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        header = [cell.strip() for cell in first_line.split(delimiter)]
        position = body[line_start : exc.start].count(delimiter.encode())
        column = header[position] if row > 1 and position < len(header) else None
        guess = body[exc.start : exc.start + 1].decode("cp1252", errors="replace")
        seen = f"»{guess}«, " if guess.isprintable() and guess != "\ufffd" else ""
        raise _error(
            file_name,
            "filen er ikke gemt som UTF-8 (tegnet "
            f"{seen}0x{body[exc.start]:02X}, kan ikke læses – fx æ, ø eller å gemt som "
            "Windows-1252/ANSI eller ISO-8859-1). Gem filen som »CSV UTF-8« og prøv igen.",
            row,
            column,
        ) from exc


def _delimiter(file_name: str, header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] > 0:
        return best
    others = [(d, name) for d, name in OTHER_DELIMITERS.items() if d in header_line]
    found = f"kolonnerne er adskilt med {others[0][1]}" if others else "der er kun én kolonne"
    first = header_line.split(others[0][0])[0] if others else header_line
    raise _error(
        file_name,
        f"forkert skilletegn: {found}. Skabelonen bruger komma, en Jobindsats-eksport semikolon.",
        1,
        first.strip()[:60],
    )


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (
            f"en celle er længere end {csv.field_size_limit():,} tegn – det er ikke en "
            "skabelon eller en Jobindsats-eksport.".replace(",", ".")
        )
    return "rækken kan ikke læses som CSV (fx et anførselstegn midt i en celle)."


def _read_csv(file_name: str, data: bytes) -> RawTable:
    deadline = time.thread_time() + MAX_SECONDS  # CPU time: other sessions don't count
    text = _decode(file_name, data)
    if not text.strip():
        raise _error(file_name, "filen er tom – der er ingen overskrift og ingen rækker.", 1)
    header_line = text.split("\n", 1)[0]
    delimiter = _delimiter(file_name, header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[object]]] = []
    problem: DatasetError | None = None
    start = 1
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                _check_width(file_name, header)
                start = reader.line_num + 1
                continue
            row, start = start, reader.line_num + 1
            if any("\n" in cell or "\r" in cell for cell in cells):
                raise _error(
                    file_name,
                    'et anførselstegn (") i rækken lukkes ikke, så resten af filen ville blive '
                    "læst som én celle. Ret eller fjern anførselstegnet.",
                    row,
                )
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                problem = problem or _error(
                    file_name, _width_message(len(cells), len(header), delimiter), row
                )
            rows.append((row, list(cells)))
            if len(rows) > MAX_ROWS:
                raise _error(file_name, f"filen har mere end {MAX_ROWS} rækker.", row)
            if time.thread_time() > deadline:
                raise _error(file_name, TOO_SLOW, row)
    except csv.Error as exc:
        raise _error(file_name, _csv_problem(exc), start) from exc
    return RawTable(file_name, "csv", delimiter, header or [], rows, width_problem=problem)


def _check_width(file_name: str, header: list[str], row: int = 1) -> None:
    if len(header) > MAX_COLUMNS:
        raise _error(
            file_name,
            f"overskriften har {len(header)} kolonner; en skabelon eller en Jobindsats-eksport "
            f"har højst {MAX_COLUMNS}.",
            row,
        )


def _width_message(cells: int, columns: int, delimiter: str) -> str:
    hint = (
        " Står der et decimalkomma i et tal (fx 22,9), så sæt tallet i anførselstegn "
        '("22,9") eller skriv 22.9.'
        if delimiter == "," and cells > columns
        else ""
    )
    return (
        f"rækken har {cells} celler, men overskriften har {columns} kolonner – hver række "
        f"skal have præcis overskriftens kolonner.{hint}"
    )


def _cell(cell: Cell) -> object:
    """A cell as read; a percent-formatted number is multiplied by 100."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and cell.is_percent:
        return value * 100
    return value


def _read_xlsx(file_name: str, data: bytes) -> RawTable:
    from openpyxl.utils import get_column_letter

    from hedensted.core.spreadsheet import Limits, UnreadableWorkbook, read_sheets

    limits = Limits(
        max_unpacked=MAX_UNPACKED_BYTES,
        max_row=2 * MAX_ROWS,
        max_column=MAX_COLUMNS,
        max_cells=(MAX_ROWS + 1) * 12,
        max_elements=600_000,
        max_seconds=MAX_SECONDS,
        formulas=True,
    )
    try:
        sheets = read_sheets(data, limits)
    except UnreadableWorkbook as exc:
        raise _error(file_name, str(exc)) from exc
    if not sheets:
        raise _error(file_name, "projektmappen har intet regneark.")
    sheet = next((s for s in sheets if s.title == DATA_SHEET), sheets[0])
    header: list[str] | None = None
    header_row = 1
    rows: list[tuple[int, list[object]]] = []
    for number, cells in sheet.rows():
        if not any(c.value not in (None, "") for c in cells.values()):
            continue
        if header is None:
            width = max(cells)
            header = [
                str(_cell(cells[c]) if c in cells else "").strip() for c in range(1, width + 1)
            ]
            _check_width(file_name, header, number)
            header_row = number
            continue
        beyond = [c for c in cells if c > len(header)]
        if beyond:
            raise _error(
                file_name,
                f"rækken har en udfyldt celle i kolonne {get_column_letter(beyond[0])}, uden for "
                f"overskriftens {len(header)} kolonner – hver række skal have præcis "
                "overskriftens kolonner.",
                number,
            )
        rows.append(
            (number, [_cell(cells[c]) if c in cells else None for c in range(1, len(header) + 1)])
        )
        if len(rows) > MAX_ROWS:
            raise _error(file_name, f"filen har mere end {MAX_ROWS} rækker.", number)
    if header is None:
        raise _error(file_name, "filen er tom – der er ingen overskrift og ingen rækker.", 1)
    while header and header[-1] == "":
        header.pop()
    return RawTable(file_name, "xlsx", "", header, rows, header_row)


def read_upload(file_name: str, data: bytes) -> RawTable:
    """Read an uploaded CSV or XLSX file into cells, checking size, encoding and delimiter."""
    if len(data) > MAX_BYTES:
        raise _error(
            file_name,
            f"filen er for stor ({len(data) / 1024 / 1024:.1f} MB); højst "
            f"{MAX_BYTES // 1024 // 1024} MB.".replace(".", ",", 1),
        )
    if not data.strip(b" \r\n\t" + BOM):
        raise _error(file_name, "filen er tom – der er ingen overskrift og ingen rækker.", 1)
    if data.startswith(OLE_SIGNATURE):
        _decode(file_name, data)  # refuses with the message about the old .xls format
    if is_workbook(file_name, data):
        return _read_xlsx(file_name, data)
    return _read_csv(file_name, data)
