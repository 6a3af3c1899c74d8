"""Småjobs: the share with paid hours in Hedensted against RAR Østjylland and the country.

Also the "Flere i job" start values for paid hours, and why the two cannot be
read as a trend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.code_of_care.formatting import month_text
from hedensted.core.catalog import Dataset
from hedensted.core.constants import COUNTRY, HEDENSTED
from hedensted.core.constants import RAR_OESTJYLLAND as RAR
from hedensted.core.periods import period_label
from hedensted.present.formatting import format_long_date, format_number, format_percent

CASH_BENEFIT = "Kontanthjælp"
RESOURCE_COURSE = "Ressourceforløb"
PAID_HOURS_DATASET = "loennede_timer_andel"
STATUS_DATASET = "statusskema_indikatorer"
FLERE_I_JOB = "flere_i_job"
PAID_HOURS_AREAS = (HEDENSTED, RAR, COUNTRY)  # the order of the bars


def paid_hours_share(frame: pd.DataFrame, benefit: str, area: str) -> float:
    """The share with paid hours for ``benefit`` in ``area``; a Danish error if there is none."""
    rows = frame[(frame["benefit"] == benefit) & (frame["area"] == area)]
    if rows.empty:
        raise ValueError(f"Andelen med lønnede timer mangler for {benefit}, {area}.")
    value = float(rows["value"].iloc[0])
    if math.isnan(value):
        raise ValueError(f"Kilden har ingen andel med lønnede timer for {benefit}, {area}.")
    return value


def ratio(value: float, reference: float) -> float:
    """How many times ``reference`` ``value`` is (``19.3 / 8.5`` ≈ 2.27).

    Raises ``ValueError`` when the reference is zero or missing.
    """
    if reference is None or math.isnan(reference) or math.isnan(value):
        raise ValueError("Forholdet kan ikke beregnes, fordi et tal mangler.")
    if reference == 0:
        raise ValueError("Forholdet kan ikke beregnes, fordi sammenligningstallet er 0.")
    return value / reference


@dataclass(frozen=True)
class PaidHoursComparison:
    """Hedensted's share with paid hours for one benefit against RAR and the country."""

    benefit: str
    period: str
    hedensted: float
    rar: float
    country: float

    @property
    def ratio_to_country(self) -> float:
        return ratio(self.hedensted, self.country)

    @property
    def ratio_to_rar(self) -> float:
        return ratio(self.hedensted, self.rar)

    @property
    def period_text(self) -> str:
        return period_label(self.period)


def paid_hours_comparison(frame: pd.DataFrame, benefit: str = CASH_BENEFIT) -> PaidHoursComparison:
    """The share with paid hours in Hedensted, RAR Østjylland and the country for ``benefit``."""
    rows = frame[frame["benefit"] == benefit]
    if rows.empty:
        raise ValueError(f"Ydelsen »{benefit}« findes ikke i tabellen over lønnede timer.")
    return PaidHoursComparison(
        benefit=benefit,
        period=str(rows["period"].iloc[0]),
        hedensted=paid_hours_share(frame, benefit, HEDENSTED),
        rar=paid_hours_share(frame, benefit, RAR),
        country=paid_hours_share(frame, benefit, COUNTRY),
    )


def paid_hours_chart_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The shares for the chart, with the Danish text drawn at each bar."""
    shown = frame[["benefit", "area", "period", "value"]].copy()
    shown["value_text"] = [format_percent(v) for v in shown["value"]]
    shown["period_text"] = [period_label(str(p)) for p in shown["period"]]
    return shown.reset_index(drop=True)


@dataclass(frozen=True)
class StatusValue:
    """A "Flere i job" start value (Jan 2024) for paid hours, with its milestones."""

    target_group: str
    share: float
    count: float | None
    date_text: str
    share_text: str
    count_text: str
    milestones_text: str


def flere_i_job_paid_hours(status: pd.DataFrame) -> list[StatusValue]:
    """The "Flere i job" start values for the share with løntimer, per target group."""
    rows = status[
        (status["project_id"] == FLERE_I_JOB)
        & status["section"].str.contains("løntimer", case=False, regex=False)
    ]
    if rows.empty:
        raise ValueError("Statusskemaet for »Flere i job« har ingen indikator for løntimer.")
    values: list[StatusValue] = []
    milestones = [
        (column, period_label(column.removeprefix("target_").replace("_", "-")))
        for column in status.columns
        if column.startswith("target_")
    ]
    for row in rows.itertuples():
        # A number column: pandas types a cell as any scalar:
        share = float(row.baseline_value)  # type: ignore[arg-type]
        # A number column: pandas types a cell as any scalar:
        count = None if math.isnan(float(row.baseline_count)) else float(row.baseline_count)  # type: ignore[arg-type]
        day = date.fromisoformat(str(row.baseline_date))
        targets = [
            f"{format_percent(getattr(row, column), 0)} ({label})"
            for column, label in milestones
            if not math.isnan(float(getattr(row, column)))
        ]
        values.append(
            StatusValue(
                target_group=str(row.indicator),
                share=share,
                count=count,
                date_text=format_long_date(day),
                share_text=format_percent(share, 0),
                count_text=(
                    f"{format_number(count)} {'person' if count == 1 else 'personer'}"
                    if count is not None
                    else "antal ikke oplyst"
                ),
                milestones_text="Mål: " + ", ".join(targets) if targets else "Ingen mål i kilden",
            )
        )
    return values


def paid_hours_note(paid_hours: Dataset, status: Dataset) -> str:
    """Why the Mar 2019 shares and the "Flere i job" values cannot be read as a trend."""
    benefits = " og ".join(f"»{b}«" for b in dict.fromkeys(paid_hours.frame["benefit"]))
    values = flere_i_job_paid_hours(status.frame)
    groups = " og ".join(f"»{v.target_group}«" for v in values)
    rows = status.frame[status.frame["project_id"] == FLERE_I_JOB]
    systems = str(rows["source_note"].iloc[0]) if not rows.empty else "projektets egne systemer"
    first_period = month_text(str(paid_hours.frame["period"].iloc[0]))
    return (
        f"Tallene kan ikke sammenlignes som en udvikling. Tallene for {first_period} er "
        f"andelen med lønnede timer i ydelsesgrupperne {benefits} fra "
        f"{paid_hours.metadata.producer}. »Flere i job« måler ved startmålingen "
        f"{values[0].date_text} {groups} i projektets egen opgørelse ({systems}). "
        "Definitioner og målgrupper er forskellige."
    )
