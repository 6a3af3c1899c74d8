"""Excel round trip of the status tables: download, upload, preview, confirm.

The workbook has one sheet per project in the documents' layout
(:mod:`hedensted.monthly.layout`)::

    A1  Statusskema – <projekt>. Opfølgning primo måneden
    A2  Projekt-id      B2  <project_id>
    A3  how to fill it in
    row 4: Indikator-id | Indikator | Enhed | Startmåling | jan. 2024 | … | Mål aug. 2024 | … | Note
    row 5…: one row per indicator (a section heading row has no indicator id)

Only the month columns are read back; Startmåling, the »Mål …« columns and the
notes come from the source document. An empty cell means »no value« (nothing
is ever deleted). :func:`read_workbook` refuses the whole workbook – writing
nothing – when a sheet is not a status table, an indicator is unknown or
repeated, a month column appears twice, a number cell holds text, or a value
breaks a validation rule; every problem names the sheet, row and column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import get_month_names
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from hedensted.core.spreadsheet import Limits, UnreadableWorkbook, read_sheets
from hedensted.monthly.indicators import IndicatorSet
from hedensted.monthly.layout import (
    ID_HEADING,
    NAME_HEADING,
    NOTE_HEADING,
    UNIT_HEADING,
    baseline_note,
    cell_value,
    layout_columns,
)
from hedensted.monthly.validation import EntryDraft, EntryError, check_month, parse_value
from hedensted.present.formatting import format_month

HEADER_ROW = 4
FIRST_ROW = 5
FIRST_VALUE_COLUMN = 4  # D: after Indikator-id, Indikator, Enhed
MAX_SHEET_NAME = 31
MAX_BYTES = 5 * 1024 * 1024
# The status tables: five sheets of some twenty indicators and 30-odd columns.
LIMITS = Limits(
    max_unpacked=10 * 1024 * 1024,
    max_row=2000,
    max_column=300,
    max_cells=100_000,
    max_elements=300_000,
    max_seconds=4.0,
)
INFO_FILL = PatternFill("solid", fgColor="EEF1F4")
INSTRUCTION = (
    "Skriv månedens tal i månedskolonnerne (tal, fx 22,7 – procenter som tal mellem 0 og 100). "
    "Startmåling, »Mål …« og Note er fra kildedokumentet og læses ikke ved upload. "
    "Tomme celler ændrer intet."
)
# Month names as Babel's Danish locale writes them (»februar«, »feb.«), plus the
# older abbreviations »febr.« and »sept.«.
MONTH_NAMES: dict[str, int] = {
    name.lower().rstrip("."): number
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale="da").items()
} | {"febr": 2, "sept": 9}
_MONTH_TEXT = re.compile(r"^([a-zæøå]+)\.?\s+(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class WorkbookError(ValueError):
    """Why an uploaded workbook was refused (one Danish sentence per problem)."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class CellValue:
    """One number read from a month cell, with where it was found."""

    project_id: str
    indicator_id: str
    month: date
    value: float
    sheet: str
    cell: str


def sheet_name(project_name: str) -> str:
    """An Excel sheet name for a project (no ``[]:*?/\\``, at most 31 characters)."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "", project_name).strip()
    return cleaned[:MAX_SHEET_NAME].strip()


def parse_month_heading(value: object) -> date | None:
    """``"feb. 2024"``, ``"februar 2024"``, ``"2024-02"`` or a date cell → 2024-02-01."""
    if isinstance(value, datetime | date):
        return date(value.year, value.month, 1)
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if match := _ISO_MONTH.match(text):
        month = int(match[2])
        return date(int(match[1]), month, 1) if 1 <= month <= 12 else None
    if (match := _MONTH_TEXT.match(text)) and match[1] in MONTH_NAMES:
        return date(int(match[2]), MONTH_NAMES[match[1]], 1)
    return None


def status_workbook(
    indicators: IndicatorSet,
    names: Mapping[str, str],
    values: Mapping[tuple[str, str, date], float],
    source_lines: Sequence[str],
) -> bytes:
    """The status tables of all projects as an .xlsx file (numbers stay numbers)."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]  # a new Workbook has one sheet
    columns = layout_columns(indicators, indicators.months())
    headings = [ID_HEADING, NAME_HEADING, UNIT_HEADING, *(c.heading for c in columns), NOTE_HEADING]
    for project_id in indicators.project_ids:
        sheet = workbook.create_sheet(sheet_name(names[project_id]))
        sheet["A1"] = f"Statusskema – {names[project_id]}. Opfølgning primo måneden"
        sheet["A1"].font = Font(bold=True, size=13)
        sheet["A2"], sheet["B2"] = "Projekt-id", project_id
        sheet["A3"] = INSTRUCTION
        sheet["A3"].font = Font(italic=True)
        for position, heading in enumerate(headings, start=1):
            cell = sheet.cell(row=HEADER_ROW, column=position, value=heading)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row, section = FIRST_ROW, ""
        for indicator in indicators.for_project(project_id):
            if indicator.section and indicator.section != section:
                sheet.cell(row=row, column=2, value=indicator.section).font = Font(bold=True)
                row += 1
            section = indicator.section
            sheet.cell(row=row, column=1, value=indicator.indicator_id)
            sheet.cell(row=row, column=2, value=indicator.name)
            sheet.cell(row=row, column=3, value=indicator.unit)
            for offset, column in enumerate(columns):
                cell = sheet.cell(
                    row=row,
                    column=FIRST_VALUE_COLUMN + offset,
                    value=cell_value(indicator, column, values),
                )
                if column.kind != "month":
                    cell.fill = INFO_FILL
            sheet.cell(row=row, column=len(headings), value=baseline_note(indicator) or None)
            row += 1
        row += 1
        for line in source_lines:
            sheet.cell(row=row, column=2, value=line).font = Font(italic=True)
            row += 1
        sheet.column_dimensions["A"].width = 28
        sheet.column_dimensions["B"].width = 60
        for position in range(3, len(headings) + 1):
            sheet.column_dimensions[get_column_letter(position)].width = 11
        sheet.column_dimensions[get_column_letter(len(headings))].width = 50
        sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=FIRST_VALUE_COLUMN)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _month_columns(sheet, where: str, problems: list[str]) -> dict[int, date]:
    """Month per column of the header row; problems for unknown or repeated headings."""
    first = sheet.value(HEADER_ROW, 1)
    if str(first or "").strip() != ID_HEADING:
        problems.append(
            f"{where}, række {HEADER_ROW}, kolonne A: overskriften skal være »{ID_HEADING}« "
            "(brug den downloadede skabelon)."
        )
        return {}
    fixed = {NAME_HEADING, UNIT_HEADING, NOTE_HEADING, "Startmåling"}
    months: dict[int, date] = {}
    seen: dict[date, str] = {}
    for column in range(FIRST_VALUE_COLUMN, sheet.max_column + 1):
        heading = sheet.value(HEADER_ROW, column)
        letter = get_column_letter(column)
        text = str(heading or "").strip()
        if not text or text in fixed or text.startswith("Mål "):
            continue
        month = parse_month_heading(heading)
        if month is None:
            problems.append(
                f"{where}, række {HEADER_ROW}, kolonne {letter}: »{text}« er ikke en måned "
                "(skriv fx »feb. 2024«)."
            )
            continue
        if month in seen:
            problems.append(
                f"{where}, række {HEADER_ROW}, kolonne {letter}: måneden {format_month(month)} "
                f"står to gange (også i kolonne {seen[month]})."
            )
            continue
        seen[month] = letter
        months[column] = month
    return months


def read_workbook(
    data: bytes, indicators: IndicatorSet, names: Mapping[str, str], today: date
) -> list[CellValue]:
    """Every filled month cell of an uploaded workbook, checked.

    The file is read by :mod:`hedensted.core.spreadsheet` within ``LIMITS`` (size,
    unpacked size, rows, columns, cells, time). Raises :class:`WorkbookError`
    listing every problem (sheet, row, column).
    """
    if len(data) > MAX_BYTES:
        raise WorkbookError(
            [
                f"Filen er for stor ({len(data) / 1024 / 1024:.1f} MB); højst "
                f"{MAX_BYTES // 1024 // 1024} MB.".replace(".", ",", 1)
            ]
        )
    try:
        workbook = read_sheets(data, LIMITS)
    except UnreadableWorkbook as exc:
        message = str(exc)
        raise WorkbookError(
            [message[0].upper() + message[1:] + " Brug den downloadede skabelon."]
        ) from exc
    expected = {sheet_name(names[p]): p for p in indicators.project_ids}
    problems: list[str] = []
    cells: list[CellValue] = []
    found_sheet = False
    for sheet in workbook:
        where = f"Ark »{sheet.title}«"
        if sheet.title not in expected:
            problems.append(
                f"{where} er ikke et statusskema. Arkene skal hedde: "
                + ", ".join(f"»{name}«" for name in expected)
                + "."
            )
            continue
        found_sheet = True
        project_id = expected[sheet.title]
        stated = str(sheet.value(2, 2) or "").strip()
        if stated != project_id:
            problems.append(
                f"{where}, række 2, kolonne B: projekt-id'et skal være »{project_id}«, "
                f"men er »{stated}«."
            )
            continue
        months = _month_columns(sheet, where, problems)
        known = {i.indicator_id: i for i in indicators.for_project(project_id)}
        rows_of: dict[str, int] = {}
        for row in range(FIRST_ROW, sheet.max_row + 1):
            indicator_id = str(sheet.value(row, 1) or "").strip()
            filled = [c for c in months if sheet.value(row, c) not in (None, "")]
            if not indicator_id:
                if filled:
                    problems.append(
                        f"{where}, række {row}, kolonne A: der står tal i rækken, men ingen "
                        "indikator-id."
                    )
                continue
            if indicator_id not in known:
                problems.append(
                    f"{where}, række {row}, kolonne A: indikatoren »{indicator_id}« findes ikke "
                    f"i statusskemaet for {names[project_id]}."
                )
                continue
            if indicator_id in rows_of:
                problems.append(
                    f"{where}, række {row}, kolonne A: indikatoren »{indicator_id}« står også "
                    f"i række {rows_of[indicator_id]}."
                )
                continue
            rows_of[indicator_id] = row
            indicator = known[indicator_id]
            for column in filled:
                cell = sheet.cell(row, column)
                assert cell is not None  # filled
                month = months[column]
                letter = get_column_letter(column)
                at = f"{where}, række {row}, kolonne {letter} ({format_month(month)})"
                raw = cell.value
                if isinstance(raw, int | float) and not isinstance(raw, bool):
                    if cell.is_percent:
                        raw = raw * 100  # a cell formatted as percent holds 0.227 for 22,7 %
                elif isinstance(raw, datetime | date | bool):
                    problems.append(f"{at}: cellen skal indeholde et tal, ikke »{raw}«.")
                    continue
                try:
                    value = parse_value(indicator, raw)
                    check_month(indicator, month, today)
                except EntryError as error:
                    problems.extend(f"{at}: {message}" for message in error.messages)
                    continue
                cells.append(
                    CellValue(project_id, indicator_id, month, value, sheet.title, f"{letter}{row}")
                )
    if not found_sheet and not problems:
        problems.append("Projektmappen har intet statusskema-ark.")
    if problems:
        raise WorkbookError(problems)
    return cells


@dataclass(frozen=True)
class Change:
    """A cell whose value differs from the register's latest version."""

    cell: CellValue
    old_value: float | None
    old_version: int


def preview_changes(
    cells: Sequence[CellValue], latest: Mapping[tuple[str, str, date], tuple[float, int]]
) -> list[Change]:
    """The cells that would change the register (``latest``: key → (value, version))."""
    changes = []
    for cell in cells:
        old_value, old_version = latest.get(
            (cell.project_id, cell.indicator_id, cell.month), (None, 0)
        )
        if old_value != cell.value:
            changes.append(Change(cell, old_value, old_version))
    return changes


def change_drafts(changes: Sequence[Change], comment: str) -> list[EntryDraft]:
    """The drafts that confirm a preview; each carries the version seen in the preview."""
    return [
        EntryDraft(
            project_id=c.cell.project_id,
            indicator_id=c.cell.indicator_id,
            month=c.cell.month,
            raw_value=c.cell.value,
            comment=comment,
            seen_version=c.old_version,
        )
        for c in changes
    ]
