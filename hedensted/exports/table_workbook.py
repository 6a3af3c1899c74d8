"""Excel export of exactly what a table shows, with its source."""

from __future__ import annotations

import io
import numbers

import pandas as pd

from hedensted.present.units import unit_headings

MAX_SHEET_NAME = 31  # Excel's limit


def to_xlsx(frame: pd.DataFrame, sheet_name: str, source_lines: list[str], unit: str = "") -> bytes:
    """An .xlsx workbook with the table on one sheet and its sources below it.

    ``frame`` should hold the values as shown (numbers stay numbers, so Excel can
    calculate; Excel shows them in the reader's own format). A numeric column's
    heading gets ``unit`` where it names none (``hedensted.present.units``).
    Raises ``ValueError`` for an empty sheet name.
    """
    # openpyxl is imported here, not at module level: it adds 0,2 s to every cold
    # start, and workbooks are only built when someone clicks a download button.
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if not sheet_name.strip():
        raise ValueError("Arket skal have et navn.")
    name = sheet_name.strip()[:MAX_SHEET_NAME]
    numeric = [
        any(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in frame[c].dropna())
        for c in frame.columns
    ]
    headings = unit_headings([str(c) for c in frame.columns], numeric, unit)
    frame = frame.set_axis(headings, axis=1)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=name, index=False)
        sheet = writer.sheets[name]
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for position, column in enumerate(frame.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in frame[column])])
            sheet.column_dimensions[get_column_letter(position)].width = min(longest + 2, 60)
        row = len(frame) + 3
        for line in source_lines:
            sheet.cell(row=row, column=1, value=line).font = Font(italic=True)
            row += 1
    return buffer.getvalue()
