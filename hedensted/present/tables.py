"""Tables for display: Danish headings and Babel-formatted numbers as text.

``st.dataframe`` formats numbers by the viewer's browser locale, so tables are
handed over as text already formatted the Danish way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.metadata import DEFAULT_LABELS
from hedensted.core.periods import period_label
from hedensted.present.formatting import MISSING_TEXT, format_compact, format_value

Formatter = Callable[[Any], str]  # gets a cell's value (any pandas scalar)


def display_table(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    formats: Mapping[str, Formatter] | None = None,
) -> pd.DataFrame:
    """Select ``columns`` (name → Danish heading) and format them as text.

    Columns without a formatter are shown as text, with ``–`` for missing values.
    Raises ``ValueError`` if a requested column does not exist.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"Tabellen mangler kolonnerne {missing}.")
    formats = formats or {}
    shown = pd.DataFrame(index=frame.index)
    for column, heading in columns.items():
        formatter = formats.get(column)
        values = frame[column]
        if formatter is None:
            shown[heading] = [MISSING_TEXT if pd.isna(v) or v == "" else str(v) for v in values]
        else:
            shown[heading] = [formatter(v) for v in values]
    return shown.reset_index(drop=True)


def dataset_table(dataset: Dataset) -> pd.DataFrame:
    """The whole dataset as a Danish display table (value with its unit)."""
    meta = dataset.metadata
    labels = {**DEFAULT_LABELS, **meta.column_labels}
    columns = {c: labels.get(c, c) for c in meta.csv_columns}
    formats: dict[str, Formatter] = {"period": lambda code: period_label(str(code))}
    if meta.kind == "observations":
        formats["value"] = lambda v: format_value(v, meta.short_unit, meta.decimals)
        columns["value"] = f"{labels['value']} ({meta.short_unit})"
    for name, kind in meta.attributes.items():
        if kind in ("number", "integer"):
            formats[name] = format_compact
    return display_table(dataset.frame, columns, formats)


def export_table(dataset: Dataset) -> pd.DataFrame:
    """The dataset with the same Danish headings as :func:`dataset_table`, numbers as numbers."""
    meta = dataset.metadata
    labels = {**DEFAULT_LABELS, **meta.column_labels}
    columns = {c: labels.get(c, c) for c in meta.csv_columns}
    if meta.kind == "observations":
        columns["value"] = f"{labels['value']} ({meta.short_unit})"
    export = dataset.frame[list(columns)].rename(columns=columns).copy()
    period_heading = columns["period"]
    export[period_heading] = [period_label(str(code)) for code in export[period_heading]]
    return export.reset_index(drop=True)
