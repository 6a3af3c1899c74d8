"""Named derivations: a goal's later ("actual") value computed from another dataset.

A goal in the register names one of these in its ``actual_from`` column. The
value then follows the catalog: update the dataset and the goal's status
follows. Each derivation takes the catalog and the goal's row and returns an
:class:`Actual`, or ``None`` when the dataset has no figure for the goal. A
dataset that cannot be loaded raises ``DatasetError`` (the register shows why).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.benchmark.unemployment import municipality_rates, rank_in_rar
from hedensted.code_of_care.timeline import GOAL_TIMELINE_DATASETS, NETWORK, network_timeline
from hedensted.core.catalog import Catalog
from hedensted.core.constants import HEDENSTED
from hedensted.core.periods import parse_period, period_label
from hedensted.present.formatting import format_compact, format_percent


@dataclass(frozen=True)
class Actual:
    """A later figure for a goal: its value, when, from which dataset, and what it says."""

    value: float
    period: str  # a period code; "" when the source gives no date
    dataset_id: str
    note: str = ""
    text: str = ""  # how to show the value, when the unit alone does not say it

    @property
    def end(self) -> date | None:
        return parse_period(self.period).end if self.period else None


Derivation = Callable[[Catalog, pd.Series], Actual | None]


def _latest(rows: pd.DataFrame) -> pd.Series:
    """The row with the latest period (by the period's last day)."""
    ends = rows["period"].map(lambda code: parse_period(str(code)).end)
    return rows.iloc[int(ends.to_numpy().argmax())]


DERIVATIONS: dict[str, Derivation] = {}


def derivation(name: str) -> Callable[[Derivation], Derivation]:
    """Register a derivation under the name the goal register uses."""

    def register(function: Derivation) -> Derivation:
        DERIVATIONS[name] = function
        return function

    return register


@derivation("ledighed_placering_rar")
def unemployment_rank(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """Hedensted's place by unemployment rate among the RAR Østjylland municipalities."""
    dataset = catalog.get("ledighedsprocent")
    rates = municipality_rates(dataset.frame)
    if rates.empty:
        return None
    rank, of = rank_in_rar(dataset.frame, HEDENSTED)
    own = float(rates.loc[rates["area"] == HEDENSTED, "value"].iloc[0])
    lowest_value = float(rates["value"].min())
    lowest = ", ".join(rates.loc[rates["value"] == lowest_value, "area"])
    period = str(rates["period"].iloc[0])
    return Actual(
        value=float(rank),
        period=period,
        dataset_id=dataset.id,
        note=(
            f"Hedensted har {format_percent(own)} og er nr. {rank} af {of} kommuner i RAR "
            f"Østjylland i {period_label(period)}; lavest er {lowest} med "
            f"{format_percent(lowest_value)}."
        ),
        text=f"nr. {rank} af {of} ({format_percent(own)})",
    )


@derivation("varighed_adagpenge")
def unemployment_benefit_duration(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """Average duration of Hedensted's ended a-dagpenge courses."""
    dataset = catalog.get("varighed_afsluttede_forloeb")
    frame = dataset.frame
    rows = frame[(frame["target_group"] == "A-dagpenge") & (frame["area"] == HEDENSTED)]
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return None
    latest = _latest(rows)
    period = str(latest["period"])
    return Actual(
        value=float(latest["value"]),
        period=period,
        dataset_id=dataset.id,
        note=(
            f"Gennemsnitlig varighed af afsluttede a-dagpengeforløb i Hedensted, "
            f"{period_label(period)}: {format_compact(latest['value'])} uger."
        ),
    )


@derivation("code_of_care_netvaerk")
def network_count(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """The exact count of companies in the network nearest the goal's deadline.

    The latest count at or before the deadline, else the first after it.
    Approximate counts ("næsten 70") are not used to decide a goal.
    """
    datasets = [catalog.get(dataset_id) for dataset_id in GOAL_TIMELINE_DATASETS]
    timeline = network_timeline(datasets)
    counts = timeline[
        (timeline["series"] == NETWORK)
        & (timeline["kind"] == "faktisk")
        & ~timeline["founding"]
        & ~timeline["approximate"]
    ]
    if counts.empty:
        return None
    ends = counts["period"].map(lambda code: parse_period(code).end)
    due = parse_period(str(goal["deadline"])).end if goal["deadline"] else date.max
    before = counts[ends <= due]
    chosen = before.iloc[-1] if not before.empty else counts.iloc[0]
    return Actual(
        value=float(chosen["value"]),
        period=str(chosen["period"]),
        dataset_id=str(chosen["dataset_id"]),
        note=f"{chosen['measure']}: {chosen['value_text']} ({chosen['period_text']}).",
    )


@derivation("projektmaal_status")
def project_status(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """The status a 2019 project goal was given at the meeting (projektmaal_2019)."""
    dataset = catalog.get("projektmaal_2019")
    frame = dataset.frame
    rows = frame[
        (frame["target_value"] == float(goal["target_value"]))
        & (frame["target_unit"] == goal["unit"])
        & frame["status_value"].notna()
    ]
    if rows.empty:
        return None
    row = rows.iloc[0]
    # The status counts "i indeværende år": the meeting's year up to the meeting.
    return Actual(
        value=float(row["status_value"]),
        period=str(dataset.metadata.source_date.year),
        dataset_id=dataset.id,
        note=str(row["status_text"]),
    )


@derivation("loennede_timer_kontanthjaelp")
def cash_benefit_paid_hours(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """Hedensted's share of kontanthjælp recipients with paid hours (the latest month)."""
    dataset = catalog.get("loennede_timer_andel")
    frame = dataset.frame
    rows = frame[
        (frame["benefit"] == "Kontanthjælp") & (frame["area"] == HEDENSTED) & frame["value"].notna()
    ]
    if rows.empty:
        return None
    latest = _latest(rows)
    period = str(latest["period"])
    return Actual(
        value=float(latest["value"]),
        period=period,
        dataset_id=dataset.id,
        note=(
            f"Andel af kontanthjælpsmodtagerne i Hedensted med lønnede timer, "
            f"{period_label(period)}: {format_percent(latest['value'])}."
        ),
        text=f"{format_percent(latest['value'])} med lønnede timer",
    )


@derivation("ungemaal_aktuelt")
def youth_actual(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """The undated "aktuelt tal" the 2017 plan gives next to a youth goal."""
    dataset = catalog.get("ungemaal_2016_2018")
    frame = dataset.frame
    year = parse_period(str(goal["deadline"])).end.year
    rows = frame[
        (frame["target_value"] == float(goal["target_value"]))
        & (frame["target_year"] == year)
        & frame["actual_value"].notna()
    ]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Actual(
        value=float(row["actual_value"]),
        period="",
        dataset_id=dataset.id,
        note=f"»{row['actual_note']}« – uden dato i kilden (planen er skrevet i 2016).",
    )


NONE_REFERRED = "Ingen visiteret fra A-kasserne"


@derivation("klar_parat_visiteret")
def referred_by_unemployment_funds(catalog: Catalog, goal: pd.Series) -> Actual | None:
    """Ledige the a-kasser had referred to Klar, parat – i job at the March 2024 status.

    The status says »Ingen visiteret fra A-kasserne«: none, i.e. 0. Without that
    sentence the status gives no number.
    """
    dataset = catalog.get("investeringsprojekter_status_marts_2024")
    frame = dataset.frame
    rows = frame[
        (frame["project_id"] == "klar_parat_i_job") & frame["text"].str.startswith(NONE_REFERRED)
    ]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Actual(
        value=0.0,
        period=str(row["period"]),
        dataset_id=dataset.id,
        note=f"Status marts 2024: »{row['text']}«.",
        text="ingen (0)",
    )
