"""A project's status table in the documents' own layout.

Rows are the indicators in the order of the status table; columns are the
baseline (»Startmåling«), the months, and a target column (»Mål aug. 2024«)
right after each milestone month – as in »Udkast til statusskema … opfølgning
primo måneden«. The same layout is shown on the page and written to Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd

from hedensted.core.periods import parse_period, period_label
from hedensted.monthly.indicators import Indicator, IndicatorSet
from hedensted.present.formatting import MISSING_TEXT, format_compact, format_month

BASELINE_HEADING = "Startmåling"
ID_HEADING = "Indikator-id"
NAME_HEADING = "Indikator"
UNIT_HEADING = "Enhed"
NOTE_HEADING = "Note"

ColumnKind = Literal["baseline", "month", "milestone"]


@dataclass(frozen=True)
class LayoutColumn:
    """One value column of the status table."""

    kind: ColumnKind
    month: date | None
    heading: str


def milestone_heading(month: date) -> str:
    return f"Mål {format_month(month)}"


def layout_columns(indicators: IndicatorSet, months: Iterable[date]) -> list[LayoutColumn]:
    """Startmåling, then each month, with a target column after each milestone month."""
    months = list(months)
    columns = [LayoutColumn("baseline", None, BASELINE_HEADING)]
    milestones = sorted(indicators.milestone_months)
    for month in months:
        columns.append(LayoutColumn("month", month, format_month(month)))
        if month in milestones:
            columns.append(LayoutColumn("milestone", month, milestone_heading(month)))
    columns.extend(
        LayoutColumn("milestone", m, milestone_heading(m)) for m in milestones if m not in months
    )
    return columns


def baseline_note(indicator: Indicator) -> str:
    """When the baseline is from another period than the first month, and the source's note."""
    parts = []
    if indicator.baseline_date:
        period = parse_period(indicator.baseline_date)
        if period.start < indicator.first_month:
            parts.append(f"Startmåling fra {period_label(indicator.baseline_date)}.")
    if indicator.baseline_note:
        parts.append(indicator.baseline_note.lstrip("*"))
    return " ".join(parts)


def cell_value(
    indicator: Indicator, column: LayoutColumn, values: Mapping[tuple[str, str, date], float]
) -> float | None:
    """The number in one cell: the baseline, an entered value, or a milestone target."""
    if column.kind == "baseline":
        return indicator.baseline_value
    if column.kind == "month":
        month_key = (indicator.project_id, indicator.indicator_id, column.month)
        return values.get(month_key)  # type: ignore[arg-type]  # a month column has its month

    return next((m.value for m in indicator.milestones if m.day == column.month), None)


def status_frame(
    project_indicators: list[Indicator],
    columns: list[LayoutColumn],
    values: Mapping[tuple[str, str, date], float],
) -> pd.DataFrame:
    """The status table with numbers (``None`` where empty), one row per indicator."""
    rows = []
    for indicator in project_indicators:
        row: dict[str, object] = {
            ID_HEADING: indicator.indicator_id,
            NAME_HEADING: indicator.label,
            UNIT_HEADING: indicator.unit,
        }
        for column in columns:
            row[column.heading] = cell_value(indicator, column, values)
        row[NOTE_HEADING] = baseline_note(indicator)
        rows.append(row)
    headings = [ID_HEADING, NAME_HEADING, UNIT_HEADING, *(c.heading for c in columns), NOTE_HEADING]
    return pd.DataFrame(rows, columns=headings)


def status_text_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The status table for the screen: Danish numbers as text, ``–`` where empty."""
    shown = frame.drop(columns=[ID_HEADING]).copy()
    for heading in shown.columns:
        if heading in (NAME_HEADING, UNIT_HEADING, NOTE_HEADING):
            continue
        shown[heading] = [
            MISSING_TEXT if v is None or pd.isna(v) else format_compact(v) for v in shown[heading]
        ]
    return shown.reset_index(drop=True)
