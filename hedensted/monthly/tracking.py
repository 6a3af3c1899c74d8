"""Entered values against the target path: traffic lights, tiles and chart data.

The target path runs linearly from the baseline (placed on the register's first
month, the »Startmåling« column of the status tables) through the milestones
(first day of the milestone month) and stays at the last milestone after it
(``hedensted.investment_projects.progress.target_at``). An indicator without a baseline has a path
only from its first milestone. Indicators whose source gives no milestone or no
direction get no traffic light: the source has no target to measure against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from babel.numbers import format_decimal

from hedensted.investment_projects.progress import (
    Direction,
    Milestone,
    Status,
    progress_status,
    target_at,
)
from hedensted.monthly.indicators import Indicator, months_between
from hedensted.present.formatting import (
    LOCALE,
    MISSING_TEXT,
    format_month,
    format_number,
    format_points,
)

NO_TARGET_TEXT = "intet mål i kildematerialet"


def path_points(indicator: Indicator) -> list[Milestone]:
    """Baseline (if the source has one) and milestones, in time order."""
    points = []
    if indicator.baseline_value is not None:
        points.append(Milestone(indicator.first_month, indicator.baseline_value))
    for milestone in indicator.milestones:
        if not points or milestone.day > points[-1].day:
            points.append(milestone)
    return points


def target_for(indicator: Indicator, month: date) -> float | None:
    """The target path's value for ``month``; ``None`` where the source sets no target."""
    if not indicator.has_targets:
        return None
    points = path_points(indicator)
    if month < points[0].day:
        return None
    return target_at(points[0], points[1:], month)


SINGULAR_UNITS = {"personer": "person", "virksomheder": "virksomhed", "uger": "uge"}


def _unit_for(value: float, unit: str) -> str:
    """Danish singular for exactly one ("1 person", not "1 personer")."""
    return SINGULAR_UNITS.get(unit, unit) if abs(float(value)) == 1 else unit


def format_indicator_value(value: float | None, unit: str, max_decimals: int = 2) -> str:
    """``22.7`` with unit ``pct.`` → ``22,7 %``; ``1212`` personer → ``1.212 personer``.

    Shows up to ``max_decimals`` decimals without trailing zeros (targets on the
    path use 1).
    """
    if value is None:
        return MISSING_TEXT
    number = format_decimal(float(value), format="#,##0." + "#" * max_decimals, locale=LOCALE)
    if unit == "pct.":
        return f"{number}\N{NO-BREAK SPACE}%"
    return f"{number} {_unit_for(value, unit)}"


def format_indicator_difference(difference: float, unit: str) -> str:
    """A signed difference in the indicator's unit (percentage points for shares)."""
    if unit == "pct.":
        return format_points(difference, decimals=1)
    decimals = 0 if float(difference).is_integer() else 1
    return f"{format_number(difference, decimals, signed=True)} {_unit_for(difference, unit)}"


@dataclass(frozen=True)
class Light:
    """The traffic light of one indicator for its latest entered month."""

    indicator: Indicator
    status: Status | None  # None: the source sets no target for that month
    text: str
    month: date | None
    value: float | None
    target: float | None

    @property
    def sentence(self) -> str:
        """One Danish sentence: value, target and status."""
        if self.month is None or self.value is None:
            return f"Ingen tal indtastet endnu. {self._target_phrase()}"
        shown = format_indicator_value(self.value, self.indicator.unit)
        if self.target is None:
            return f"{format_month(self.month)}: {shown}. {self._target_phrase()}"
        target = format_indicator_value(self.target, self.indicator.unit, max_decimals=1)
        return f"{format_month(self.month)}: {shown} mod målstiens {target} – {self.text}."

    def _target_phrase(self) -> str:
        if not self.indicator.has_targets:
            return "Kildematerialet har intet mål for indikatoren."
        first = path_points(self.indicator)[0].day
        return f"Målstien begynder {format_month(first)}."


def traffic_light(indicator: Indicator, latest: tuple[date, float] | None) -> Light:
    """Classify the latest entered month against the target path.

    ``latest`` is ``(month, value)`` of the latest month with a value, or ``None``.
    """
    if latest is None:
        return Light(indicator, Status.NO_DATA, Status.NO_DATA.value, None, None, None)
    month, value = latest
    if not indicator.has_targets:
        return Light(indicator, None, NO_TARGET_TEXT, month, value, None)
    target = target_for(indicator, month)
    if target is None:
        first = path_points(indicator)[0].day
        return Light(indicator, None, f"intet delmål før {format_month(first)}", month, value, None)
    assert indicator.direction is not None
    status = progress_status(value, target, indicator.direction)
    return Light(indicator, status, status.value, month, value, target)


@dataclass(frozen=True)
class Tile:
    """A metric tile: the latest value, its difference to the target, the sentence."""

    label: str
    value_text: str
    delta_text: str | None
    lower_is_better: bool
    light: Light


def indicator_tile(indicator: Indicator, latest: tuple[date, float] | None) -> Tile:
    """The tile for an indicator's latest entered month."""
    light = traffic_light(indicator, latest)
    delta = None
    if light.value is not None and light.target is not None:
        delta = format_indicator_difference(light.value - light.target, indicator.unit)
        delta = f"{delta} i forhold til målstien"
    return Tile(
        label=indicator.label,
        value_text=format_indicator_value(light.value, indicator.unit),
        delta_text=delta,
        lower_is_better=indicator.direction is Direction.LOWER_IS_BETTER,
        light=light,
    )


def target_path_frame(indicator: Indicator) -> pd.DataFrame:
    """Monthly values of the target path: ``month``, ``target``, ``point`` and ``label``.

    ``point`` is ``startmåling`` or ``delmål`` on the path's defining points and
    empty in between; ``label`` names them (``Mål aug. 2024``). Empty frame when
    the source sets no target.
    """
    columns = ["month", "target", "point", "label"]
    if not indicator.has_targets:
        return pd.DataFrame(columns=columns)
    points = path_points(indicator)
    defining = {p.day: p for p in points}
    rows = []
    for month in months_between(points[0].day, indicator.last_month):
        target = target_for(indicator, month)
        point, label = "", ""
        if month in defining:
            is_baseline = indicator.baseline_value is not None and month == points[0].day
            point = "startmåling" if is_baseline else "delmål"
            label = "Startmåling" if is_baseline else f"Mål {format_month(month)}"
        rows.append({"month": month, "target": target, "point": point, "label": label})
    return pd.DataFrame(rows, columns=columns)


def entered_values(records: Iterable, indicator: Indicator) -> pd.DataFrame:
    """The latest value per month of one indicator: ``month`` and ``value``, by month.

    ``records`` are the latest versions (``service.latest_entries``); anything
    with ``project_id``, ``indicator_id``, ``month`` and ``value`` will do.
    """
    rows = [
        {"month": r.month, "value": r.value}
        for r in records
        if (r.project_id, r.indicator_id) == indicator.key
    ]
    frame = pd.DataFrame(rows, columns=["month", "value"])
    return frame.sort_values("month").reset_index(drop=True)
