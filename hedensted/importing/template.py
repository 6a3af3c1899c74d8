"""The catalog's own tidy template of a dataset, to download, fill in and upload.

The template has exactly the dataset's columns (as ``data/<id>.csv``): one row
per observation of the newest period, with the dimensions (and ``area_type``)
filled in and ``period`` and ``value`` empty. Numbers are written ``22.7`` (or
``22,7``); ``.`` means the source has no figure – never 0.
"""

from __future__ import annotations

import csv
import io

from hedensted.core.catalog import Dataset
from hedensted.importing.specs import KIND_WORDS, value_kind
from hedensted.importing.validation import period_order

INSTRUCTIONS = (
    "Udfyld kolonnen period med den nye periode (fx 2024-03 for en måned eller "
    "2023-Q2/2024-Q1 for et løbende år) og value med tallet ({kind}). Skriv ».« hvor "
    "kilden ikke har et tal – et manglende tal er aldrig 0. Ret ikke i de andre kolonner; "
    "områder og grupper skal være dem, datasættet allerede har. Der må gerne være flere "
    "perioder i samme fil."
)


def template_rows(dataset: Dataset) -> tuple[list[str], list[dict[str, str]]]:
    """The template's header and rows (newest period's observations, blank period/value)."""
    meta = dataset.metadata
    frame = dataset.frame
    newest = max(set(frame["period"]), key=period_order)
    rows = []
    for record in frame[frame["period"] == newest].to_dict("records"):
        row = {column: "" for column in meta.csv_columns}
        for column in [*meta.dimensions, *(a for a, k in meta.attributes.items() if k == "text")]:
            row[column] = str(record[column])
        rows.append(row)
    return meta.csv_columns, rows


def instructions(dataset: Dataset) -> str:
    """How to fill in the template, in Danish."""
    return INSTRUCTIONS.format(kind=KIND_WORDS[value_kind(dataset.metadata.short_unit)])


def template_csv(dataset: Dataset) -> bytes:
    """The template as CSV (UTF-8, comma separated, like ``data/``)."""
    header, rows = template_rows(dataset)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def template_xlsx(dataset: Dataset) -> bytes:
    """The template as an Excel workbook: sheet »Data« and sheet »Vejledning«."""
    from openpyxl import Workbook  # only when a workbook is built
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = template_rows(dataset)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new Workbook has one sheet
    sheet.title = "Data"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    period_column = header.index("period") + 1
    for row in rows:
        sheet.append([row[c] for c in header])
    for row_number in range(2, len(rows) + 2):
        # Text, so Excel does not turn 2024-03 into a date.
        sheet.cell(row=row_number, column=period_column).number_format = "@"
    for position, column in enumerate(header, start=1):
        width = max([len(column), *(len(r[column]) for r in rows)]) + 2
        sheet.column_dimensions[get_column_letter(position)].width = width
    guide = workbook.create_sheet("Vejledning")
    guide.append([dataset.metadata.title])
    guide["A1"].font = Font(bold=True)
    guide.append([f"Datasæt: {dataset.id} – enhed: {dataset.metadata.unit}"])
    guide.append([instructions(dataset)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
