"""A dataset written back as tidy CSV in the catalog's own format (see data/README.md).

Used for "Hent CSV" on the page Om data, so the download holds the rows the app
uses — the shipped rows and any imported periods — and loads again unchanged.
"""

from __future__ import annotations

import csv
import io
import math

from hedensted.core.catalog import MISSING_MARK, Dataset


def _number_text(value: object) -> str:
    """Machine format: ``22.7``, ``2993871``; an absent number is empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)  # type: ignore[arg-type]  # a number: the columns hold numbers or nothing
    return str(int(number)) if number.is_integer() else repr(number)


def dataset_csv(dataset: Dataset) -> bytes:
    """The dataset's rows as UTF-8 CSV with the columns of ``data/<id>.csv``.

    A value the source did not give is written ``.`` (missing, never 0).
    """
    meta = dataset.metadata
    numeric = {c for c, kind in meta.attributes.items() if kind in ("number", "integer")}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(meta.csv_columns)
    for record in dataset.frame.to_dict("records"):
        row = []
        for column in meta.csv_columns:
            if column == "value":
                row.append(MISSING_MARK if record["missing"] else _number_text(record["value"]))
            elif column in numeric:
                row.append(_number_text(record[column]))
            else:
                row.append(str(record[column]))
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
