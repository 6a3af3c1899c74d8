"""The indicators of the five monthly status tables (dataset ``statusskema_indikatorer``).

Each indicator belongs to one project; ``indicator_id`` is unique only within
its project (``loentimer`` occurs twice), so the key is ``(project_id,
indicator_id)``. Months are represented by their first day.

The register period is the dataset's period (``2024-01/2026-01``): the status
tables start with the baseline (»Startmåling«, January 2024) and end with the
last milestone (January 2026). An indicator can be entered from the later of
the register's first month and its baseline month, to the register's last month.
Milestone columns are named ``target_YYYY_MM``; the milestone lies on the first
day of that month (the tables are filled in »primo måneden«).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from hedensted.core.catalog import Catalog
from hedensted.core.periods import parse_period
from hedensted.investment_projects.progress import Direction, Milestone

DATASET_ID = "statusskema_indikatorer"
MILESTONE_COLUMN = re.compile(r"^target_(\d{4})_(\d{2})$")


class UnitKind(StrEnum):
    """What kind of number an indicator's unit allows."""

    PERCENT = "percent"  # 0–100, decimals allowed
    COUNT = "count"  # whole, not negative
    DURATION = "duration"  # weeks: not negative, decimals allowed


UNIT_KINDS = {
    "pct.": UnitKind.PERCENT,
    "personer": UnitKind.COUNT,
    "virksomheder": UnitKind.COUNT,
    "antal": UnitKind.COUNT,
    "uger": UnitKind.DURATION,
}


def first_of_month(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """``month`` moved ``count`` months (result is a first day)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every first-of-month from ``first`` to ``last``, both included."""
    months: list[date] = []
    month = first_of_month(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


@dataclass(frozen=True)
class Indicator:
    """One row of a status table: what is measured, its unit, baseline and milestones."""

    project_id: str
    indicator_id: str
    name: str
    section: str
    unit: str
    direction: Direction | None
    baseline_value: float | None
    baseline_count: float | None
    baseline_date: str
    baseline_note: str
    milestones: tuple[Milestone, ...]
    first_month: date
    last_month: date

    @property
    def key(self) -> tuple[str, str]:
        return (self.project_id, self.indicator_id)

    @property
    def kind(self) -> UnitKind:
        return UNIT_KINDS[self.unit]

    @property
    def label(self) -> str:
        """The name with its table section, so repeated names stay distinguishable."""
        if not self.section:
            return self.name
        return f"{self.section.rstrip(': ')}: {self.name}"

    @property
    def label_with_unit(self) -> str:
        """The label followed by the unit, unless the name already ends with it."""
        if self.label.endswith(f"({self.unit})"):
            return self.label
        return f"{self.label} ({self.unit})"

    @property
    def has_targets(self) -> bool:
        """True when the source gives a direction and at least one milestone."""
        return self.direction is not None and bool(self.milestones)

    def months(self) -> list[date]:
        """The months a value can be entered for (future months included)."""
        return months_between(self.first_month, self.last_month)


@dataclass(frozen=True)
class IndicatorSet:
    """All indicators in source order, looked up by project and id."""

    indicators: tuple[Indicator, ...]
    first_month: date
    last_month: date
    milestone_months: tuple[date, ...] = ()

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    @property
    def project_ids(self) -> list[str]:
        return list(dict.fromkeys(i.project_id for i in self.indicators))

    def for_project(self, project_id: str) -> list[Indicator]:
        """The project's indicators in the order of its status table."""
        found = [i for i in self.indicators if i.project_id == project_id]
        if not found:
            raise ValueError(f"Projektet »{project_id}« har ikke noget statusskema.")
        return found

    def get(self, project_id: str, indicator_id: str) -> Indicator:
        """One indicator; ``ValueError`` in Danish when it is not in the status table."""
        for indicator in self.indicators:
            if indicator.key == (project_id, indicator_id):
                return indicator
        raise ValueError(
            f"Indikatoren »{indicator_id}« findes ikke i statusskemaet for projektet "
            f"»{project_id}«."
        )

    def months(self) -> list[date]:
        """Every month of the register period."""
        return months_between(self.first_month, self.last_month)


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]  # a number or its text
    return None if math.isnan(number) else number


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _baseline_month(code: str, register_start: date) -> date:
    if not code:
        return register_start
    return max(register_start, first_of_month(parse_period(code).start))


def milestone_columns(frame: pd.DataFrame) -> dict[str, date]:
    """The ``target_YYYY_MM`` columns and the month each stands for, in time order."""
    found = {
        column: date(int(m[1]), int(m[2]), 1)
        for column in frame.columns
        if (m := MILESTONE_COLUMN.match(str(column)))
    }
    return dict(sorted(found.items(), key=lambda item: item[1]))


def load_indicators(frame: pd.DataFrame, period_code: str) -> IndicatorSet:
    """Build the indicators from the ``statusskema_indikatorer`` frame.

    ``period_code`` is the dataset's period (``2024-01/2026-01``). Raises
    ``ValueError`` (Danish) for an unknown unit or direction, or a duplicated
    indicator.
    """
    period = parse_period(period_code)
    start, end = first_of_month(period.start), first_of_month(period.end)
    milestone_cols = milestone_columns(frame)
    indicators: list[Indicator] = []
    seen: set[tuple[str, str]] = set()
    for record in frame.to_dict("records"):
        project_id, indicator_id = _text(record["project_id"]), _text(record["indicator_id"])
        if (project_id, indicator_id) in seen:
            raise ValueError(f"Indikatoren »{indicator_id}« står to gange for »{project_id}«.")
        seen.add((project_id, indicator_id))
        unit = _text(record["unit"])
        if unit not in UNIT_KINDS:
            raise ValueError(
                f"Indikatoren »{indicator_id}« har enheden »{unit}«, som registret ikke kender "
                f"(kendte enheder: {', '.join(UNIT_KINDS)})."
            )
        direction_text = _text(record["direction"])
        try:
            direction = Direction(direction_text) if direction_text else None
        except ValueError as exc:
            raise ValueError(
                f"Indikatoren »{indicator_id}« har retningen »{direction_text}«; brug "
                f"»{Direction.LOWER_IS_BETTER}« eller »{Direction.HIGHER_IS_BETTER}«."
            ) from exc
        milestones = tuple(
            Milestone(month, value)
            for column, month in milestone_cols.items()
            if (value := _number(record.get(column))) is not None
        )
        baseline_date = _text(record["baseline_date"])
        indicators.append(
            Indicator(
                project_id=project_id,
                indicator_id=indicator_id,
                name=_text(record["indicator"]),
                section=_text(record["section"]),
                unit=unit,
                direction=direction,
                baseline_value=_number(record["baseline_value"]),
                baseline_count=_number(record["baseline_count"]),
                baseline_date=baseline_date,
                baseline_note=_text(record["baseline_note"]),
                milestones=milestones,
                first_month=_baseline_month(baseline_date, start),
                last_month=end,
            )
        )
    return IndicatorSet(tuple(indicators), start, end, tuple(milestone_cols.values()))


def indicators_from_catalog(catalog: Catalog) -> IndicatorSet:
    """The indicator set of the shipped catalog (raises ``DatasetError`` if broken)."""
    dataset = catalog.get(DATASET_ID)
    return load_indicators(dataset.frame, dataset.metadata.periods[0])
