"""What a project shows before any monthly figure is entered: each indicator's baseline
from the documents, its next milestone and the target path to its final target.

"Next" is counted from the baseline's own date, not from today: with no monthly figure
the newest evidence is the baseline, so the next milestone is the first one after it.
Counting from the wall clock would show "–" for every project once its milestones
have passed, which hides the targets exactly when the committee asks about them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from hedensted.core.periods import parse_period, period_label
from hedensted.monthly.indicators import Indicator
from hedensted.monthly.tracking import format_indicator_value
from hedensted.present.formatting import MISSING_TEXT, format_month

NO_MONTHLY_FIGURES = "Ingen månedstal endnu"
BASELINE_COLUMNS = ["Indikator", "Startmåling", "Næste delmål", "Målsti"]
PATH_ARROW = " → "


def _when(code: str) -> str:
    """A baseline's date the Danish way (``2024-01-10`` → ``10. jan. 2024``)."""
    try:
        return period_label(code)
    except ValueError:
        return code


def _milestone_text(indicator: Indicator, day: date, value: float) -> str:
    return f"{format_indicator_value(value, indicator.unit, 1)} ({format_month(day)})"


def _measured_on(indicator: Indicator) -> date | None:
    """The last day of the baseline's period, or None when the documents give none."""
    if not indicator.baseline_date:
        return None
    try:
        return parse_period(indicator.baseline_date).end
    except ValueError:
        return None


def baseline_table(indicators: Sequence[Indicator]) -> pd.DataFrame:
    """One row per indicator: its baseline as the documents give it, the first
    milestone after the baseline and the whole target path to the final target;
    "–" where the documents give none."""
    rows = []
    for indicator in indicators:
        baseline = MISSING_TEXT
        if indicator.baseline_value is not None:
            baseline = format_indicator_value(indicator.baseline_value, indicator.unit)
            if indicator.baseline_date:
                baseline = f"{baseline} ({_when(indicator.baseline_date)})"
        measured = _measured_on(indicator)
        ahead = [m for m in indicator.milestones if measured is None or m.day > measured]
        upcoming = ahead[0] if ahead else None
        path = PATH_ARROW.join(
            _milestone_text(indicator, milestone.day, milestone.value)
            for milestone in indicator.milestones
        )
        rows.append(
            {
                "Indikator": indicator.label_with_unit,
                "Startmåling": baseline,
                "Næste delmål": (
                    _milestone_text(indicator, upcoming.day, upcoming.value)
                    if upcoming
                    else MISSING_TEXT
                ),
                "Målsti": path or MISSING_TEXT,
            }
        )
    return pd.DataFrame(rows, columns=BASELINE_COLUMNS)


def has_monthly_figures(indicators: Sequence[Indicator], latest: dict) -> bool:
    """Whether any of the indicators has an entered month."""
    return any(latest.get(indicator.key) is not None for indicator in indicators)
