"""What a project shows before any monthly figure is entered: each indicator's baseline
from the documents, its next milestone and its final target (the target path)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from hedensted.core.periods import period_label
from hedensted.monthly.indicators import Indicator
from hedensted.monthly.tracking import format_indicator_value
from hedensted.present.formatting import MISSING_TEXT, format_month

NO_MONTHLY_FIGURES = "Ingen månedstal endnu"
BASELINE_COLUMNS = ["Indikator", "Startmåling", "Næste delmål", "Slutmål"]


def _when(code: str) -> str:
    """A baseline's date the Danish way (``2024-01-10`` → ``10. jan. 2024``)."""
    try:
        return period_label(code)
    except ValueError:
        return code


def _milestone_text(indicator: Indicator, day: date, value: float) -> str:
    return f"{format_indicator_value(value, indicator.unit, 1)} ({format_month(day)})"


def baseline_table(indicators: Sequence[Indicator], today: date) -> pd.DataFrame:
    """One row per indicator: its baseline as the documents give it, the first
    milestone after ``today`` and the last one; "–" where the documents give none."""
    rows = []
    for indicator in indicators:
        baseline = MISSING_TEXT
        if indicator.baseline_value is not None:
            baseline = format_indicator_value(indicator.baseline_value, indicator.unit)
            if indicator.baseline_date:
                baseline = f"{baseline} ({_when(indicator.baseline_date)})"
        ahead = [m for m in indicator.milestones if m.day >= today]
        upcoming = ahead[0] if ahead else None
        final = indicator.milestones[-1] if indicator.milestones else None
        rows.append(
            {
                "Indikator": indicator.label_with_unit,
                "Startmåling": baseline,
                "Næste delmål": (
                    _milestone_text(indicator, upcoming.day, upcoming.value)
                    if upcoming
                    else MISSING_TEXT
                ),
                "Slutmål": (
                    _milestone_text(indicator, final.day, final.value) if final else MISSING_TEXT
                ),
            }
        )
    return pd.DataFrame(rows, columns=BASELINE_COLUMNS)


def has_monthly_figures(indicators: Sequence[Indicator], latest: dict) -> bool:
    """Whether any of the indicators has an entered month."""
    return any(latest.get(indicator.key) is not None for indicator in indicators)
