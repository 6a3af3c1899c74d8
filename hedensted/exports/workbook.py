"""Excel workbook of a page's sections: one sheet per section, numbers kept as numbers.

Each table on a sheet starts with its title, its source lines and its period,
then a bold header row and the values. Numbers get a display format by their
decimals (``#,##0.0``), which a Danish Excel shows as ``22,7`` and ``2.993.871``.
Missing values are empty cells, never 0. A text that looks like a formula
(``=``, ``+``, ``-``, ``@`` …) is stored as text, so opening the file never runs it.
"""

from __future__ import annotations

import io
import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from hedensted.exports.model import ExportSection, ExportTable, plain_text, require_sections
from hedensted.exports.wrapping import wrapped_lines
from hedensted.present.formatting import MISSING_TEXT
from hedensted.present.units import unit_headings

MAX_SHEET_NAME = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEET_NAMES = {"history"}  # Excel keeps this name for itself
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_INFERRED_DECIMALS = 3
MIN_WIDTH, MAX_WIDTH = 8, 45
HEADING_WIDTH = 24  # longer headings wrap
TITLE_SIZE = 13
MISSING_TEXTS = {"", MISSING_TEXT, "-", "."}
MUNICIPALITY = "Hedensted Kommune"
COMMITTEE = "Udvalget for Beskæftigelse"


# Short words a cut name should not end on (»2. Udgifter pr. person i«).
DANGLING_WORDS = {"i", "på", "for", "af", "og", "til", "med", "efter", "fra", "om", "en", "et"}


def _cut_at_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space where there is one, and
    without a short word left dangling at the end."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    cut = cut[:limit].rstrip(" ,.:;–-")
    words = cut.split(" ")
    while len(words) > 1 and words[-1].lower() in DANGLING_WORDS:
        words.pop()
        cut = " ".join(words).rstrip(" ,.:;–-")
        words = cut.split(" ")
    return cut


def sheet_names(titles: Sequence[str]) -> list[str]:
    """Valid, unique Excel sheet names for ``titles``, in order.

    Characters Excel forbids (``[]:*?/\\``) are removed, names are cut to 31
    characters between words (»Uddannelseshjælp sammenlignet«, not »… sammenlig«),
    and a repeated name gets `` (2)``, `` (3)`` … (case-insensitive, as Excel
    compares them).
    """
    names: list[str] = []
    taken: set[str] = set()
    for position, title in enumerate(titles, start=1):
        base = FORBIDDEN_IN_SHEET_NAME.sub("", title)
        base = re.sub(r"\s+", " ", base).strip().strip("'").strip()
        if not base or base.lower() in RESERVED_SHEET_NAMES:
            base = f"Ark {position}" if not base else f"{base} {position}"
        name = _cut_at_word(base, MAX_SHEET_NAME)
        counter = 2
        while name.lower() in taken:
            suffix = f" ({counter})"
            name = _cut_at_word(base, MAX_SHEET_NAME - len(suffix)) + suffix
            counter += 1
        taken.add(name.lower())
        names.append(name)
    return names


def number_format_for(decimals: int) -> str:
    """Excel display format with thousands separators: 0 → ``#,##0``, 1 → ``#,##0.0``."""
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


if TYPE_CHECKING:
    from typing_extensions import TypeIs


def _is_number(value: object) -> TypeIs[numbers.Real]:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _inferred_decimals(values: pd.Series) -> int:
    """The fewest decimals (at most 3) that show every value in the column as it is."""
    numbers_only = [float(v) for v in values if _is_number(v) and not _is_missing(v)]
    for places in range(MAX_INFERRED_DECIMALS + 1):
        if all(abs(round(v, places) - v) < 1e-9 for v in numbers_only):
            return places
    return MAX_INFERRED_DECIMALS


def _write_text(cell, text: str) -> None:
    """Store ``text`` as text; a formula-looking text gets Excel's quote prefix."""
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise take "=…" as a formula
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _write_value(cell, value: object, number_format: str | None) -> None:
    # Missing is an empty cell, also where a table shows it as "–" on screen.
    if _is_missing(value) or (isinstance(value, str) and value.strip() in MISSING_TEXTS):
        return
    if _is_number(value):
        cell.value = int(value) if isinstance(value, numbers.Integral) else float(value)
        if number_format:
            cell.number_format = number_format
        return
    if isinstance(value, pd.Timestamp):
        cell.value = value.to_pydatetime()
        return
    _write_text(cell, str(value))


def _display_width(value: object, number_format: str | None) -> int:
    if _is_missing(value):
        return 0
    if _is_number(value):
        decimals = number_format.count("0") - 1 if number_format and "." in number_format else 0
        digits = len(f"{abs(float(value)):,.{decimals}f}")
        return digits + (1 if float(value) < 0 else 0)
    return len(str(value))


def _write_table(
    sheet,
    table: ExportTable,
    start_row: int,
    widths: dict[int, int],
    spans: list[tuple[int, int, str]],
    wrapped: list[tuple[int, int, str]],
) -> int:
    """Write one table from ``start_row``; returns the first row after it. The rows of
    long source lines are added to ``spans`` (row, the table's columns, text): they
    wrap across the table's width instead of running far past it. Long texts in the
    body and the headings wrap in their column: they go to ``wrapped`` (row, column,
    text)."""
    from openpyxl.styles import Alignment, Font

    row = start_row
    _write_text(sheet.cell(row=row, column=1), table.title)
    sheet.cell(row=row, column=1).font = Font(bold=True, size=TITLE_SIZE)
    row += 1
    for line in table.source_lines:
        _write_text(sheet.cell(row=row, column=1), line)
        sheet.cell(row=row, column=1).font = Font(italic=True)
        spans.append((row, max(len(table.frame.columns), 1), line))
        row += 1
    _write_text(sheet.cell(row=row, column=1), f"Periode: {table.period_label}")
    sheet.cell(row=row, column=1).font = Font(italic=True)
    row += 1
    frame = table.frame
    formats: list[str | None] = []
    for column in frame.columns:
        series = frame[column]
        if any(_is_number(v) and not _is_missing(v) for v in series):
            places = table.decimals.get(column, _inferred_decimals(series))
            formats.append(number_format_for(places))
        else:
            formats.append(None)
    # Every numeric column's heading says its unit (»Andel (%)«, »Antal (virksomheder)«).
    headings = unit_headings(
        [str(c) for c in frame.columns], [f is not None for f in formats], table.unit
    )
    for position, heading in enumerate(headings, start=1):
        cell = sheet.cell(row=row, column=position)
        _write_text(cell, str(heading))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        wrapped.append((row, position, str(heading)))
        widths[position] = max(widths.get(position, 0), min(len(str(heading)), HEADING_WIDTH))
    row += 1
    for values in frame.itertuples(index=False):
        for position, (value, number_format) in enumerate(zip(values, formats, strict=True), 1):
            cell = sheet.cell(row=row, column=position)
            _write_value(cell, value, number_format)
            cell.alignment = Alignment(vertical="top")  # level with a wrapped neighbour
            widths[position] = max(widths[position], _display_width(value, number_format))
            if isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                # A long text wraps in its column instead of widening the sheet until
                # its print is too small to read; its row is made tall enough at the end
                # (LibreOffice does not grow a row for wrapped text it opens).
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                wrapped.append((row, position, cell.value))
        row += 1
    return row


def distinct_titles(tables: Sequence[ExportTable]) -> list[str]:
    """Titles that tell stacked tables apart: a title shared by several tables gets
    what sets each apart, a column with one value in each (its target group, area …)."""
    titles = [table.title for table in tables]
    for title in set(titles):
        same = [i for i, t in enumerate(titles) if t == title]
        if len(same) < 2:
            continue
        for column in tables[same[0]].frame.columns:
            values: list[str | None] = []
            for i in same:
                frame = tables[i].frame
                distinct = list(frame[column].dropna().unique()) if column in frame else []
                values.append(str(distinct[0]) if len(distinct) == 1 else None)
            if all(values) and len(set(values)) == len(values):
                for i, value in zip(same, values, strict=True):
                    titles[i] = f"{title} – {value}"
                break
        else:
            # Else a column only that table has (»Forskel (pct.-point)«), else a number.
            for number, i in enumerate(same, start=1):
                others = {str(c) for j in same if j != i for c in tables[j].frame.columns}
                own = [str(c) for c in tables[i].frame.columns if str(c) not in others]
                titles[i] = f"{title} – {own[-1]}" if own else f"{title} ({number})"
    return titles


LINE_HEIGHT_PT = 15  # a wrapped line of 11 pt text
TEXT_PER_WIDTH = 1.15  # characters of text per unit of column width


def _wrap_spans(sheet, spans: list[tuple[int, int, str]]) -> None:
    """A source line longer than its table is wide wraps over the table's columns (merged),
    in a row tall enough for its lines: printed fit to the page's width, a line running
    far to the right made the table itself tiny."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for row, columns, text in spans:
        span = sum(
            sheet.column_dimensions[get_column_letter(c)].width or MIN_WIDTH
            for c in range(1, columns + 1)
        )
        if len(text) <= span or columns < 2:
            continue
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        lines = math.ceil(len(text) * 1.1 / span)
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT_PT


def _wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped between words in a column ``width`` characters wide."""
    # A column's width counts digits; an average letter of Calibri is narrower.
    return wrapped_lines(text, max(int(width * TEXT_PER_WIDTH) - 1, 1))


def _row_heights(sheet, wrapped: list[tuple[int, int, str]]) -> None:
    """Each row with wrapped text as tall as its most wrapped cell."""
    from openpyxl.utils import get_column_letter

    lines: dict[int, int] = {}
    for row, column, text in wrapped:
        width = sheet.column_dimensions[get_column_letter(column)].width or MIN_WIDTH
        lines[row] = max(lines.get(row, 1), _wrapped_lines(text, width))
    for row, count in lines.items():
        if count > 1:
            sheet.row_dimensions[row].height = count * LINE_HEIGHT_PT


def _print_setup(sheet, header_rows: tuple[int, int] | None) -> None:
    """Landscape, as wide as the page, a lone table's heading repeated on each page
    (``header_rows``; None for stacked tables, whose pages each start their own)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows is not None:
        sheet.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"


def sections_xlsx(sections: Sequence[ExportSection], theme: str = "") -> bytes:
    """An .xlsx with one sheet per section and its tables stacked on it.

    A section without tables gets a sheet with its key figures and source lines
    (so the sheets match the sections). Every sheet prints landscape, fit to the
    page's width; the file's properties name the municipality and ``theme``.
    Raises ``ValueError`` for no sections.
    """
    # openpyxl is imported on use: it costs every cold start 0,2 s otherwise.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    found = require_sections(sections)
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]  # a new Workbook has one sheet
    workbook.properties.creator = MUNICIPALITY
    workbook.properties.lastModifiedBy = MUNICIPALITY
    workbook.properties.title = f"{theme} – {MUNICIPALITY}" if theme else MUNICIPALITY
    workbook.properties.subject = COMMITTEE
    workbook.properties.keywords = ", ".join(filter(None, [theme, MUNICIPALITY, COMMITTEE]))
    for section, name in zip(found, sheet_names([s.title for s in found]), strict=True):
        sheet = workbook.create_sheet(name)
        widths: dict[int, int] = {}
        row = 1
        if not section.tables:
            _write_text(sheet.cell(row=row, column=1), section.title)
            sheet.cell(row=row, column=1).font = Font(bold=True, size=TITLE_SIZE)
            row += 2
            for text in (*section.key_figures, "", *section.source_lines):
                if text:
                    _write_text(sheet.cell(row=row, column=1), plain_text(text))
                row += 1
            if not section.key_figures and not section.source_lines:
                _write_text(sheet.cell(row=row, column=1), "Afsnittet har ingen tabel.")
        header_rows = None
        spans: list[tuple[int, int, str]] = []
        wrapped: list[tuple[int, int, str]] = []
        titles = distinct_titles(section.tables)
        for table, title in zip(section.tables, titles, strict=True):
            start = row
            named = replace(table, title=title)
            row = _write_table(sheet, named, row, widths, spans, wrapped) + 1
            if header_rows is None:
                # Title, sources, period and the column headings.
                header_rows = (start, start + len(table.source_lines) + 2)
        # Stacked tables each have their own heading: repeating the first table's on
        # every printed page put »Jobparate …« above the Jobafklaring table.
        _print_setup(sheet, header_rows if len(section.tables) == 1 else None)
        for position, width in widths.items():
            letter = get_column_letter(position)
            sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        _wrap_spans(sheet, spans)
        _row_heights(sheet, wrapped)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
