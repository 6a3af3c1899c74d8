"""An uploaded file's bytes as a table of cells – or a Danish error naming file, row, column.

Checked here, before anything is interpreted: the size limit, an empty file,
the encoding (UTF-8, with or without BOM; the row and column of the first byte
that is not UTF-8 are named), the delimiter (``,`` or ``;``) and an Excel
workbook that is not a workbook or unpacks to far more than its size.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hedensted.core.catalog import DatasetError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
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

    def error(self, message: str, row: int | None = None, column: str | None = None):
        """A :class:`DatasetError` about this file."""
        return DatasetError(Path(self.file_name), message, row, column)


def _error(file_name: str, message: str, row: int | None = None, column: str | None = None):
    return DatasetError(Path(file_name), message, row, column)


def is_workbook(file_name: str, data: bytes) -> bool:
    """An .xlsx file (by name, or by the zip signature of its content)."""
    return file_name.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04")


def _decode(file_name: str, data: bytes) -> str:
    body = data.removeprefix(BOM)
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
        raise _error(
            file_name,
            "filen er ikke gemt som UTF-8 (tegnet "
            f"0x{body[exc.start]:02X} kan ikke læses – fx æ, ø eller å gemt som "
            "Windows-1252/ANSI). Gem filen som »CSV UTF-8« og prøv igen.",
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


def _read_csv(file_name: str, data: bytes) -> RawTable:
    text = _decode(file_name, data)
    if not text.strip():
        raise _error(file_name, "filen er tom – der er ingen overskrift og ingen rækker.", 1)
    header_line = text.split("\n", 1)[0]
    delimiter = _delimiter(file_name, header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[object]]] = []
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, list(cells)))
            if len(rows) > MAX_ROWS:
                raise _error(file_name, f"filen har mere end {MAX_ROWS} rækker.", reader.line_num)
    except csv.Error as exc:
        raise _error(file_name, f"filen kan ikke læses som CSV ({exc}).", reader.line_num) from exc
    return RawTable(file_name, "csv", delimiter, header or [], rows)


def _check_zip(file_name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise _error(file_name, "filen kan ikke læses som en Excel-projektmappe (.xlsx).") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _error(file_name, "Excel-filen fylder for meget, når den pakkes ud.")


def _cell(cell) -> object:
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in str(cell.number_format or "")
    ):
        return value * 100
    return value


def _read_xlsx(file_name: str, data: bytes) -> RawTable:
    from openpyxl import load_workbook  # only when a workbook is uploaded
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(file_name, data)
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _error(file_name, "filen kan ikke læses som en Excel-projektmappe (.xlsx).") from exc
    try:
        names = workbook.sheetnames
        sheet = workbook[DATA_SHEET] if DATA_SHEET in names else workbook.worksheets[0]
        header: list[str] | None = None
        header_row = 1
        rows: list[tuple[int, list[object]]] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [_cell(c) for c in cells]
            if not any(v not in (None, "") for v in values):
                continue
            if header is None:
                header = [str(v or "").strip() for v in values]
                header_row = number
                continue
            rows.append((number, values))
            if len(rows) > MAX_ROWS:
                raise _error(file_name, f"filen har mere end {MAX_ROWS} rækker.", number)
    finally:
        workbook.close()
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
    if is_workbook(file_name, data):
        return _read_xlsx(file_name, data)
    return _read_csv(file_name, data)
