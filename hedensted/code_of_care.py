"""Code of Care Hedensted: the company network, paid hours (småjobs) and the goals.

Everything the Code of Care page shows is computed here from the catalog:

- :func:`network_timeline` — every count of companies the documents give, one
  row per count with its document, for the growth chart;
- :func:`founding_disagreement` — the documents disagree on the number of
  companies at the start (12 or 18); both are kept and named;
- :func:`code_of_care_goals` / :func:`assess_goal` — the goals with their
  deadline and what the later figures say about them;
- :func:`paid_hours_comparison` / :func:`ratio` — Hedensted's share with paid
  hours against RAR Østjylland and the country, and how many times as high;
- KPI builders (:func:`network_kpi` …) in the pattern of :mod:`hedensted.kpis`.

An approximate figure ("næsten 70") is always carried with its qualifier and
shown with it, never as a bare number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

import pandas as pd
from babel.dates import format_date

from hedensted.catalog import Catalog, Dataset
from hedensted.formatting import (
    LOCALE,
    format_long_date,
    format_number,
    format_percent,
    format_points,
)
from hedensted.kpis import Kpi
from hedensted.periods import parse_period, period_label

HEDENSTED = "Hedensted"
COUNTRY = "Hele landet"
RAR = "RAR Østjylland"
CASH_BENEFIT = "Kontanthjælp"
RESOURCE_COURSE = "Ressourceforløb"

# Series of the growth chart.
NETWORK = "Virksomheder i netværket"
NETWORK_GOAL = "Mål: virksomheder i netværket"
NEW_COMPANIES_GOAL = "Mål: nye virksomheder i året"
PARTNERS = "Partnerskabsvirksomheder (ud over netværket)"
SERIES_ORDER = (NETWORK, NETWORK_GOAL, NEW_COMPANIES_GOAL, PARTNERS)

TIMELINE_DATASETS = ("code_of_care_2024", "code_of_care_2017", "code_of_care_2019")
# The counts a goal set in 2019 can be held against (the 2016 count is older).
GOAL_TIMELINE_DATASETS = ("code_of_care_2019", "code_of_care_2024")
PAID_HOURS_DATASET = "loennede_timer_andel"
STATUS_DATASET = "statusskema_indikatorer"
FLERE_I_JOB = "flere_i_job"

# Qualifiers of approximate figures (data/README.md) and how they bound the value.
BELOW = frozenset({"næsten"})  # the true value is a little below the number
AT_MOST = frozenset({"højst"})  # the true value is at most the number
AT_LEAST = frozenset({"mindst"})  # the true value is at least the number
ABOUT = frozenset({"ca."})  # the true value is near the number
# "næsten 70" / "ca. 70" is read as within 10 % of 70: a goal counts as passed by
# an approximate figure only if it is passed with that margin.
APPROXIMATE_MARGIN = 0.10


@dataclass(frozen=True)
class CountSource:
    """One row of a Code of Care dataset that is a count of companies."""

    dataset_id: str
    measure: str
    series: str
    founding: bool = False  # a count of the companies Code of Care was founded with


# Which rows are counts of the network, and of what. The other rows of these
# datasets (e.g. the 4 virksomhedscentre of 2016) are not Code of Care counts.
COUNT_SOURCES: tuple[CountSource, ...] = (
    CountSource(
        "code_of_care_2024", "Virksomheder ved etableringen af Code of Care", NETWORK, True
    ),
    CountSource(
        "code_of_care_2017",
        "Lokale virksomheder, som Code of Care er etableret i samarbejde med",
        NETWORK,
        True,
    ),
    CountSource("code_of_care_2019", "Virksomheder i Task Force Code of Care (aktuelt)", NETWORK),
    CountSource("code_of_care_2019", "Virksomheder i netværket ultimo 2019 (mål)", NETWORK_GOAL),
    CountSource("code_of_care_2019", "Nye virksomheder i 2019 (mål)", NEW_COMPANIES_GOAL),
    CountSource("code_of_care_2024", "Virksomheder i netværket", NETWORK),
    CountSource(
        "code_of_care_2024", "Partnerskabsvirksomheder (unge – job og lærepladser)", PARTNERS
    ),
)

TIMELINE_COLUMNS = [
    "series",
    "measure",
    "kind",
    "value",
    "qualifier",
    "approximate",
    "value_text",
    "label",
    "period",
    "period_text",
    "deadline",
    "day",
    "start_day",
    "year",
    "founding",
    "document",
    "document_date",
    "short_document",
    "source_table",
    "dataset_id",
]


# --- formatting helpers ------------------------------------------------------------


def format_count(value: float, qualifier: str = "") -> str:
    """A count with its qualifier: ``(70, "næsten")`` → ``næsten 70``, ``(41, "")`` → ``41``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError("Antallet mangler.")
    number = format_number(value, 0)
    return f"{qualifier} {number}" if qualifier else number


def format_times(value: float) -> str:
    """A ratio the Danish way: ``2.27`` → ``2,3 gange``."""
    return f"{format_number(value, 1)} gange"


def month_text(code: str) -> str:
    """A period in words for sentences: ``2019-06`` → ``juni 2019``, ``2015`` → ``2015``."""
    period = parse_period(code)
    if "/" not in code and len(code) == 7 and code[4] == "-" and code[5:].isdigit():
        return format_date(period.start, "MMMM y", locale=LOCALE)
    return period_label(code)


def short_document(dataset: Dataset) -> str:
    """A short name for a document, for chart labels.

    Short titles are kept (``Beskæftigelsesplan 2017``); long ones become their
    first word and the document's year (``Temadrøftelse 2024``).
    """
    title = dataset.metadata.source_document
    if len(title) <= 25:
        return title
    return f"{title.split()[0]} {dataset.metadata.source_date.year}"


def _document_date(dataset: Dataset) -> str:
    meta = dataset.metadata
    return meta.source_date_label or format_long_date(meta.source_date)


def document_with_date(document: str, document_date: str) -> str:
    """``Beskæftigelsesplan 2017 (vedtaget i 2016 …)``; a date the title has is not repeated."""
    return document if document_date in document else f"{document} ({document_date})"


def _midpoint(code: str) -> date:
    period = parse_period(code)
    return period.start + (period.end - period.start) / 2


# --- the network timeline ------------------------------------------------------------


def _count_row(dataset: Dataset, source: CountSource) -> pd.Series:
    frame = dataset.frame
    rows = frame[frame["measure"] == source.measure]
    if rows.empty:
        raise ValueError(
            f"Datasættet {dataset.id} mangler opgørelsen »{source.measure}«, som Code of "
            "Care-siden viser."
        )
    return rows.iloc[0]


def _label(row: dict[str, object]) -> str:
    value_text = str(row["value_text"])
    if row["series"] == NETWORK_GOAL:
        return f"Mål: {value_text}"
    if row["series"] == NEW_COMPANIES_GOAL:
        return f"Mål: {value_text} nye i {row['year']}"
    if row["series"] == PARTNERS:
        return f"{value_text} partnerskabsvirksomheder"
    if row["founding"]:
        return f"{value_text} ({row['short_document']})"
    return value_text


def network_timeline(datasets: Sequence[Dataset]) -> pd.DataFrame:
    """Every count of Code of Care companies in the given datasets, one row per count.

    Columns: ``series`` (network, goal for the network, goal for new companies,
    partnership companies), ``measure`` (as in the source), ``kind`` (faktisk /
    mål), ``value``, ``qualifier`` and ``approximate``, ``value_text`` (the value
    with its qualifier, e.g. ``næsten 70``), ``label`` (the text drawn at the
    point), ``period`` and ``period_text``, ``deadline`` (goals), ``day`` (where
    the point is drawn: a goal at its deadline, a count at the middle of its
    period), ``start_day`` (a goal's period start, else ``day``), ``year``,
    ``founding``, the ``document`` with its date and short name,
    ``source_table`` and ``dataset_id``. Sorted by ``day``.

    Raises ``ValueError`` if none of the Code of Care datasets is given or a
    dataset lacks a row the page relies on.
    """
    by_id = {d.id: d for d in datasets}
    sources = [s for s in COUNT_SOURCES if s.dataset_id in by_id]
    if not sources:
        raise ValueError(
            "Ingen af Code of Care-datasættene er givet: " + ", ".join(TIMELINE_DATASETS) + "."
        )
    rows: list[dict[str, object]] = []
    for source in sources:
        dataset = by_id[source.dataset_id]
        meta = dataset.metadata
        raw = _count_row(dataset, source)
        qualifier = str(raw.get("qualifier", "") or "")
        deadline = str(raw.get("deadline", "") or "")
        code = str(raw["period"])
        day = date.fromisoformat(deadline) if deadline else _midpoint(code)
        if deadline:
            period_text = f"frist {format_long_date(day)}"
        elif len(meta.periods) == 1:
            period_text = meta.period_label
        else:
            period_text = period_label(code)
        row: dict[str, object] = {
            "series": source.series,
            "measure": source.measure,
            "kind": str(raw["kind"]),
            "value": float(raw["value"]),
            "qualifier": qualifier,
            "approximate": bool(qualifier),
            "value_text": format_count(float(raw["value"]), qualifier),
            "period": code,
            "period_text": period_text,
            "deadline": deadline,
            "day": pd.Timestamp(day),
            # A goal's period starts the target line; a count has no extent.
            "start_day": pd.Timestamp(parse_period(code).start if deadline else day),
            "year": day.year,
            "founding": source.founding,
            "document": meta.source_document,
            "document_date": _document_date(dataset),
            "short_document": short_document(dataset),
            "source_table": meta.source_table,
            "dataset_id": dataset.id,
        }
        row["label"] = _label(row)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return frame.sort_values(["day", "series"], kind="stable").reset_index(drop=True)


def timeline_years(timeline: pd.DataFrame) -> list[int]:
    """Every year from the first to the last point (the period filter's options)."""
    if timeline.empty:
        raise ValueError("Tidslinjen er tom.")
    return list(range(int(timeline["year"].min()), int(timeline["year"].max()) + 1))


def filter_years(timeline: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The points from ``first`` to ``last`` (both included).

    Raises ``ValueError`` if the range is reversed.
    """
    if first > last:
        raise ValueError(f"Perioden begynder ({first}) efter den slutter ({last}).")
    kept = timeline[(timeline["year"] >= first) & (timeline["year"] <= last)]
    return kept.reset_index(drop=True)


def year_span(first: int, last: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The chart's time axis for a year range: 1 January of ``first`` to 31 December of ``last``."""
    if first > last:
        raise ValueError(f"Perioden begynder ({first}) efter den slutter ({last}).")
    return pd.Timestamp(date(first, 1, 1)), pd.Timestamp(date(last, 12, 31))


@dataclass(frozen=True)
class Disagreement:
    """Documents that give different numbers for the same thing."""

    subject: str
    counts: tuple[tuple[str, str], ...]  # (value text, document with date)
    sentence: str


def founding_disagreement(timeline: pd.DataFrame) -> Disagreement | None:
    """The documents' different counts of the companies Code of Care was founded with.

    Returns ``None`` when the founding counts agree (or fewer than two are given).
    """
    founding = timeline[timeline["founding"]]
    if founding["value"].nunique() < 2:
        return None
    counts = tuple(
        (str(row.value_text), document_with_date(str(row.document), str(row.document_date)))
        for row in founding.itertuples()
    )
    parts = [f"**{row.value_text}** ifølge {row.document}" for row in founding.itertuples()]
    sentence = (
        "Kilderne er uenige om antallet af virksomheder ved etableringen: "
        + " og ".join(parts)
        + ". Begge tal vises med deres kilde."
    )
    undated = founding[founding["period_text"].str.contains("planen")]
    if not undated.empty:
        sentence += (
            " Beskæftigelsesplanen oplyser ikke etableringsåret; dens tal står ved "
            f"{undated['year'].iloc[0]}, da planen blev skrevet."
        )
    return Disagreement(subject="Virksomheder ved etableringen", counts=counts, sentence=sentence)


def latest_network_count(timeline: pd.DataFrame) -> pd.Series:
    """The most recent actual count of companies in the network."""
    network = timeline[(timeline["series"] == NETWORK) & (timeline["kind"] == "faktisk")]
    if network.empty:
        raise ValueError("Kilderne har intet faktisk antal virksomheder i netværket.")
    return network.sort_values("day").iloc[-1]


# --- goals ----------------------------------------------------------------------------


class GoalStatus(StrEnum):
    REACHED = "nået"
    NOT_REACHED = "ikke nået"
    PASSED_LATER = "over målet, men efter fristen"
    NOT_ASSESSABLE = "kan ikke vurderes"


@dataclass(frozen=True)
class Observation:
    """A later figure for a goal: its value (with qualifier), when, and from where."""

    value: float
    qualifier: str
    period: str
    document: str

    @property
    def end(self) -> date:
        return parse_period(self.period).end

    @property
    def text(self) -> str:
        return f"{format_count(self.value, self.qualifier)} ({month_text(self.period)})"


@dataclass(frozen=True)
class GoalCheck:
    """One later figure held against the goal."""

    observation: Observation
    status: GoalStatus
    sentence: str


@dataclass(frozen=True)
class GoalAssessment:
    """A goal with its deadline and what the later figures say about it."""

    goal: str
    target_value: float
    target_unit: str
    deadline: str
    deadline_text: str
    status_text: str  # short verdict for the table, e.g. "Ikke nået pr. juni 2019"
    explanation: str  # what can and cannot be concluded
    later_figures: str
    checks: tuple[GoalCheck, ...] = field(default_factory=tuple)
    source_item: str = ""
    comparator: str = ""  # "stigning", "reduktion", "mindst", "højst" or "" (a level)


def _passes(observation: Observation, target: float) -> bool | None:
    """Whether a figure is at or above the target; ``None`` if its qualifier leaves it open."""
    value, qualifier = observation.value, observation.qualifier
    if not qualifier:
        return value >= target
    if qualifier in AT_LEAST:
        return True if value >= target else None
    if qualifier in BELOW or qualifier in AT_MOST:
        # "næsten 44" is below 44; "højst 44" may be 44.
        if value < target or (qualifier in BELOW and value <= target):
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    if qualifier in ABOUT:
        if value * (1 + APPROXIMATE_MARGIN) < target:
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    raise ValueError(f"Ukendt tilnærmelse »{qualifier}« ved tallet {format_number(value)}.")


def deadline_date(deadline: str) -> date:
    """A goal's deadline as a date: ``2019-12-31`` → that day, ``2020`` → 31 December 2020."""
    if not deadline:
        raise ValueError("Målet har ingen frist.")
    return parse_period(deadline).end


def _deadline_text(deadline: str) -> str:
    if not deadline:
        return "ingen frist i kilden"
    try:
        return format_long_date(deadline_date(deadline))
    except ValueError:
        return deadline  # e.g. "evalueres maj og november hvert år"


def check_level_goal(target: float, deadline: str, observation: Observation) -> GoalCheck:
    """Hold one later figure against a goal of reaching ``target`` by ``deadline``."""
    due = deadline_date(deadline)
    passes = _passes(observation, target)
    when = month_text(observation.period)
    figure = format_count(observation.value, observation.qualifier)
    goal = format_number(target)
    if passes is None:
        return GoalCheck(
            observation,
            GoalStatus.NOT_ASSESSABLE,
            f"{when}: {figure} – tilnærmet tal, for tæt på målet ({goal}) til at afgøre.",
        )
    if observation.end <= due:
        if passes:
            return GoalCheck(observation, GoalStatus.REACHED, f"Nået pr. {when}: {figure}.")
        missing = target - observation.value
        shortfall = f" ({format_number(missing)} mangler)" if not observation.qualifier else ""
        return GoalCheck(
            observation,
            GoalStatus.NOT_REACHED,
            f"Ikke nået pr. {when}: {figure} af {goal}{shortfall}.",
        )
    if passes:
        return GoalCheck(
            observation,
            GoalStatus.PASSED_LATER,
            f"{when[:1].upper()}{when[1:]}: {figure} – over målet på {goal}, "
            f"men efter fristen {format_long_date(due)}.",
        )
    return GoalCheck(
        observation,
        GoalStatus.NOT_REACHED,
        f"{when[:1].upper()}{when[1:]}: {figure} – stadig under målet på {goal}.",
    )


def assess_level_goal(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    observations: Sequence[Observation],
    source_item: str = "",
) -> GoalAssessment:
    """A goal of reaching a level (e.g. 44 companies in the network by the end of 2019).

    Every later figure is checked; the verdict says whether the goal was reached by
    its deadline, and what cannot be concluded (no figure at the deadline, an
    approximate figure, a figure from long after the deadline).
    """
    due = deadline_date(deadline)
    ordered = sorted(observations, key=_end)
    checks = tuple(check_level_goal(target, deadline, o) for o in ordered)
    later = "; ".join(o.text for o in ordered) or "ingen"
    if not checks:
        return not_assessable(
            goal,
            target,
            target_unit,
            deadline,
            "Kilderne har intet senere tal.",
            later,
            source_item,
        )
    before = [c for c in checks if c.observation.end <= due]
    after = [c for c in checks if c.observation.end > due]
    at_deadline = any(
        parse_period(c.observation.period).start <= due <= c.observation.end for c in checks
    )
    reached = [c for c in before if c.status is GoalStatus.REACHED]
    explanation = [c.sentence for c in checks]
    if reached:
        status = f"Nået pr. {month_text(reached[0].observation.period)}"
    elif before:
        status = f"Ikke nået pr. {month_text(before[-1].observation.period)}"
    else:
        status = "Intet tal før fristen"
    if not reached and not at_deadline:
        explanation.append(
            f"Kilderne har intet tal ved fristen {format_long_date(due)}, så det kan ikke "
            "afgøres, om målet blev nået til tiden."
        )
    if not reached and after and after[0].status is GoalStatus.PASSED_LATER:
        status += f"; over målet i {month_text(after[0].observation.period)}"
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=format_long_date(due),
        status_text=status,
        explanation=" ".join(explanation),
        later_figures=later,
        checks=checks,
        source_item=source_item,
    )


def _end(observation: Observation) -> date:
    return observation.end


def not_assessable(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    reason: str,
    later: str,
    source_item: str = "",
) -> GoalAssessment:
    """A goal the sources give no figure to judge; ``reason`` says what is missing."""
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=_deadline_text(deadline),
        status_text="Kan ikke vurderes",
        explanation=reason,
        later_figures=later,
        source_item=source_item,
    )


def _covering(observations: Sequence[Observation], day: date) -> Observation | None:
    """The exact figure whose period contains ``day`` (or ends on the day before it)."""
    for observation in observations:
        period = parse_period(observation.period)
        if observation.qualifier:
            continue
        if period.start <= day <= period.end or period.end == day - timedelta(days=1):
            return observation
    return None


def assess_new_companies_goal(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    observations: Sequence[Observation],
    source_item: str = "",
) -> GoalAssessment:
    """A goal of ``target`` new companies in the deadline's year.

    It needs an exact count of the network at the start and at the end of that
    year; their difference is the net growth (companies that left are netted
    out). Without both counts the goal cannot be assessed.
    """
    due = deadline_date(deadline)
    year_start = date(due.year, 1, 1)
    ordered = sorted(observations, key=_end)
    later = "; ".join(o.text for o in ordered) or "ingen"
    first, last = _covering(ordered, year_start), _covering(ordered, due)
    if first is None or last is None:
        lacking = " og ".join(
            text
            for text, found in (
                (f"ved indgangen til {due.year}", first),
                (f"ved fristen {format_long_date(due)}", last),
            )
            if found is None
        )
        return not_assessable(
            goal,
            target,
            target_unit,
            deadline,
            f"Kilderne oplyser ikke, hvor mange virksomheder der kom til i {due.year}, og har "
            f"intet antal i netværket {lacking} at regne det ud fra.",
            f"Antal i netværket: {later}",
            source_item,
        )
    new = last.value - first.value
    reached = new >= target
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=format_long_date(due),
        status_text="Nået" if reached else "Ikke nået (netto)",
        explanation=(
            f"Netværket gik fra {first.text} til {last.text}: en nettotilgang på "
            f"{format_number(new)} (virksomheder, der er gået ud, er trukket fra)."
        ),
        later_figures=f"Antal i netværket: {later}",
        source_item=source_item,
    )


def is_code_of_care_goal(goal: str, target_unit: str) -> bool:
    """Whether a goal in projektmaal_2019 is about Code of Care or its småjobs."""
    text = f"{goal} {target_unit}".lower()
    return any(word in text for word in ("code of care", "småjob", "virksomheder i netværket"))


def code_of_care_goals(
    goals: pd.DataFrame, timeline: pd.DataFrame, paid_hours: pd.DataFrame
) -> list[GoalAssessment]:
    """Every Code of Care goal in ``goals`` (projektmaal_2019) with its assessment.

    - a goal for the number of companies in the network is held against every
      later actual count in ``timeline`` (:func:`assess_level_goal`);
    - a goal for new companies in a year needs the count at both ends of that
      year; the sources have neither, so it cannot be assessed;
    - a goal to raise the share with paid hours by a percentage needs the share
      at the start and at the deadline; the sources have one share (Mar 2019).
    """
    required = ["goal", "target_value", "target_unit", "comparator", "deadline", "source_item"]
    missing = [c for c in required if c not in goals.columns]
    if missing:
        raise ValueError(f"Måltabellen mangler kolonnerne {missing}.")
    chosen = goals[
        [
            is_code_of_care_goal(g, u)
            for g, u in zip(goals["goal"], goals["target_unit"], strict=True)
        ]
    ]
    if chosen.empty:
        raise ValueError("Måltabellen har ingen mål for Code of Care.")
    network = timeline[(timeline["series"] == NETWORK) & (timeline["kind"] == "faktisk")]
    assessments: list[GoalAssessment] = []
    for row in chosen.itertuples():
        goal, unit, deadline = str(row.goal), str(row.target_unit), str(row.deadline)
        target = float(row.target_value)
        item = str(row.source_item)
        if unit == "virksomheder i netværket":
            start = parse_period(deadline).start.replace(month=1, day=1)
            later = [
                Observation(float(n.value), str(n.qualifier), str(n.period), str(n.document))
                for n in network.itertuples()
                if parse_period(str(n.period)).end >= start
            ]
            assessment = assess_level_goal(goal, target, unit, deadline, later, item)
        elif unit == "nye virksomheder":
            start = deadline_date(deadline).replace(month=1, day=1)
            observations = [
                Observation(float(n.value), str(n.qualifier), str(n.period), str(n.document))
                for n in network.itertuples()
                # a count on the last day of the year before is the start count
                if parse_period(str(n.period)).end >= start - timedelta(days=1)
            ]
            assessment = assess_new_companies_goal(goal, target, unit, deadline, observations, item)
        elif "småjob" in goal.lower():
            shares = paid_hours[
                (paid_hours["area"] == HEDENSTED) & (paid_hours["benefit"] == CASH_BENEFIT)
            ]
            later = "; ".join(
                f"{format_percent(s.value)} ({month_text(str(s.period))})"
                for s in shares.itertuples()
            )
            assessment = not_assessable(
                goal,
                target,
                unit,
                deadline,
                "Målet er en stigning; det kræver andelen ved start og ved fristen. Kilderne "
                f"har kun andelen {later or 'ingen'} og intet tal ved fristen "
                f"{_deadline_text(deadline)}. Tallene fra »Flere i job« dækker en anden "
                "målgruppe.",
                f"Kontanthjælp med lønnede timer, Hedensted: {later}" if later else "ingen",
                item,
            )
        else:
            assessment = not_assessable(
                goal,
                target,
                unit,
                deadline,
                "Kilderne har intet tal at holde målet op imod.",
                "ingen",
                item,
            )
        assessments.append(replace(assessment, comparator=str(row.comparator)))
    order = {"virksomheder i netværket": 0, "nye virksomheder": 1}
    return sorted(assessments, key=lambda a: order.get(a.target_unit, 2))


# --- paid hours -----------------------------------------------------------------------


def _share(frame: pd.DataFrame, benefit: str, area: str) -> float:
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
        hedensted=_share(frame, benefit, HEDENSTED),
        rar=_share(frame, benefit, RAR),
        country=_share(frame, benefit, COUNTRY),
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
        share = float(row.baseline_value)
        count = None if math.isnan(float(row.baseline_count)) else float(row.baseline_count)
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


# --- activities (cards) ------------------------------------------------------------


@dataclass(frozen=True)
class ProgramItem:
    text: str
    sub_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """One activity, event, story, prize or process step group, ready for a card."""

    card_type: str
    title: str
    text: str
    when: str
    place: str
    program: tuple[ProgramItem, ...]
    link: str
    section: str

    @property
    def when_has_year(self) -> bool:
        """Whether the time as written names a year (the 2024 events do not)."""
        return re.search(r"\b(19|20)\d{2}\b", self.when) is not None


LEAD_LENGTH = 260  # characters of an invitation shown before "Læs hele invitationen"


def split_lead(text: str, limit: int = LEAD_LENGTH) -> tuple[str, str]:
    """Split a long text at a sentence end into a short lead and the rest.

    The lead holds whole sentences up to ``limit`` characters (at least one
    sentence); the rest is ``""`` when the whole text fits.
    """
    if limit <= 0:
        raise ValueError("Længden skal være positiv.")
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    lead: list[str] = []
    for sentence in sentences:
        if lead and len(" ".join([*lead, sentence])) > limit:
            break
        lead.append(sentence)
    rest = sentences[len(lead) :]
    return " ".join(lead), " ".join(rest)


def split_program(program: str) -> tuple[ProgramItem, ...]:
    """Split a program written as ``a; b; Workshops: x / y`` into items with sub-items."""
    items: list[ProgramItem] = []
    for part in (p.strip() for p in program.split("; ")):
        if not part:
            continue
        head, colon, rest = part.partition(": ")
        if colon and " / " in rest:
            items.append(ProgramItem(head, tuple(s.strip() for s in rest.split(" / "))))
        else:
            items.append(ProgramItem(part))
    return tuple(items)


def activity_cards(frame: pd.DataFrame, card_type: str | None = None) -> list[Card]:
    """The records of code_of_care_aktiviteter_* as cards, optionally of one type."""
    rows = frame if card_type is None else frame[frame["card_type"] == card_type]
    return [
        Card(
            card_type=str(row.card_type),
            title=str(row.title),
            text=str(row.text),
            when=str(row.when),
            place=str(row.place),
            program=split_program(str(row.program)),
            link=str(row.link),
            section=str(row.section),
        )
        for row in rows.itertuples()
    ]


# --- Til drøftelse ---------------------------------------------------------------------

CODE_OF_CARE_THEME = "Code of Care"
RELATED_SLIDE = "Aktiv beskæftigelsesindsats"
FOCUS_LIST = "Fokusområder 2022-2025"
FOCUS_AREA = 2  # "Partnerskaber med virksomheder – … småjob vejen …"


@dataclass(frozen=True)
class Discussion:
    """What the 2024 thematic discussion put on the table for Code of Care."""

    theme_points: tuple[str, ...]
    theme_questions: tuple[str, ...]
    related_slide: str
    related_points: tuple[str, ...]
    related_questions: tuple[str, ...]
    focus_area: str
    focus_area_number: int
    pending: tuple[str, ...]


def discussion(
    questions: pd.DataFrame, strategy: pd.DataFrame, investment_status: pd.DataFrame | None
) -> Discussion:
    """The Code of Care points and questions, the related slide, focus area 2, and what waits.

    The 2024 discussion raises no question under the Code of Care theme itself;
    the nearest questions stand on the slide »Aktiv beskæftigelsesindsats«
    (companies paying wages for work done), so they are given as related.
    """
    theme = questions[questions["theme"] == CODE_OF_CARE_THEME]
    related = questions[questions["slide"] == RELATED_SLIDE]
    focus = strategy[(strategy["list"] == FOCUS_LIST) & (strategy["number"] == FOCUS_AREA)]
    if focus.empty:
        raise ValueError(f"Fokusområde {FOCUS_AREA} mangler i strategien.")
    pending: tuple[str, ...] = ()
    if investment_status is not None:
        mentions = investment_status[
            investment_status["text"].str.contains(CODE_OF_CARE_THEME, case=False, regex=False)
        ]
        pending = tuple(str(t) for t in mentions["text"])
    return Discussion(
        theme_points=tuple(str(t) for t in theme.loc[theme["kind"] != "spørgsmål", "text"]),
        theme_questions=tuple(str(t) for t in theme.loc[theme["kind"] == "spørgsmål", "text"]),
        related_slide=RELATED_SLIDE,
        related_points=tuple(str(t) for t in related.loc[related["kind"] != "spørgsmål", "text"]),
        related_questions=tuple(
            str(t) for t in related.loc[related["kind"] == "spørgsmål", "text"]
        ),
        focus_area=str(focus["text"].iloc[0]),
        focus_area_number=FOCUS_AREA,
        pending=pending,
    )


# --- KPI tiles ----------------------------------------------------------------------------


def network_kpi(catalog: Catalog) -> Kpi:
    """Companies in the network now (approximate: "næsten 70").

    The founding count is left to the growth chart, where both documents'
    (disagreeing) counts are shown with their sources.
    """
    dataset = catalog.get("code_of_care_2024")
    latest = latest_network_count(network_timeline([dataset]))
    sentence = (
        f"Code of Care Hedensted har {latest['value_text']} virksomheder i netværket "
        f"({month_text(str(latest['period']))})"
    )
    return Kpi(
        label="Virksomheder i netværket",
        value=float(latest["value"]),
        value_text=str(latest["value_text"]),
        reference_area=None,
        reference_value=None,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=month_text(str(latest["period"])),
        dataset_ids=(dataset.id,),
        sentence=sentence + ".",
        notes=(
            (f"Kilden skriver »{latest['qualifier']}«; tallet er ikke et præcist antal.",)
            if latest["approximate"]
            else ()
        ),
    )


def partners_kpi(catalog: Catalog) -> Kpi:
    """Partnership companies (young people – jobs and apprenticeships), beyond the network."""
    dataset = catalog.get("code_of_care_2024")
    timeline = network_timeline([dataset])
    partners = timeline[timeline["series"] == PARTNERS]
    if partners.empty:
        raise ValueError("Kilden har intet antal partnerskabsvirksomheder.")
    row = partners.iloc[0]
    detail = str(row["measure"]).partition("(")[2].rstrip(")")
    sentence = (
        f"Ud over netværket er der {row['value_text']} partnerskabsvirksomheder"
        + (f" ({detail})" if detail else "")
        + f", {month_text(str(row['period']))}."
    )
    return Kpi(
        label="Partnerskabsvirksomheder",
        value=float(row["value"]),
        value_text=str(row["value_text"]),
        reference_area=None,
        reference_value=None,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=month_text(str(row["period"])),
        dataset_ids=(dataset.id,),
        sentence=sentence,
    )


def paid_hours_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Share of cash-benefit recipients with paid hours, Hedensted vs RAR and the country."""
    dataset = catalog.get(PAID_HOURS_DATASET)
    comparison = paid_hours_comparison(dataset.frame, CASH_BENEFIT)
    when = month_text(comparison.period)
    sentence = (
        f"{format_percent(comparison.hedensted)} af kontanthjælpsmodtagerne i Hedensted havde "
        f"lønnede timer i {when} – mod {format_percent(comparison.rar)} i {RAR} og "
        f"{format_percent(comparison.country)} i {COUNTRY}."
    )
    areas = set(dataset.frame.loc[dataset.frame["benefit"] == CASH_BENEFIT, "area"])
    common = {
        "label": "Kontanthjælp med lønnede timer",
        "value": comparison.hedensted,
        "value_text": format_percent(comparison.hedensted),
        "lower_is_better": False,
        "period_label": comparison.period_text,
        "dataset_ids": (dataset.id,),
        "sentence": sentence,
    }
    if reference_area not in areas:
        return Kpi(
            **common,
            reference_area=reference_area,
            reference_value=None,
            delta=None,
            delta_text=None,
            notes=(f"Kildematerialet har ikke andelen for {reference_area}.",),
        )
    reference = _share(dataset.frame, CASH_BENEFIT, reference_area)
    delta = round(comparison.hedensted - reference, 6)
    return Kpi(
        **common,
        reference_area=reference_area,
        reference_value=reference,
        delta=delta,
        delta_text=f"{format_points(delta)} vs. {reference_area}",
    )


def paid_hours_ratio_kpi(catalog: Catalog) -> Kpi:
    """How many times the national share Hedensted's share with paid hours is."""
    dataset = catalog.get(PAID_HOURS_DATASET)
    cash = paid_hours_comparison(dataset.frame, CASH_BENEFIT)
    sentence = (
        f"Hedensteds andel er {format_times(cash.ratio_to_country)} landsniveauet "
        f"({format_percent(cash.hedensted)} mod {format_percent(cash.country)}) og "
        f"{format_times(cash.ratio_to_rar)} niveauet i {RAR} ({format_percent(cash.rar)})."
    )
    notes: tuple[str, ...] = ()
    if RESOURCE_COURSE in set(dataset.frame["benefit"]):
        course = paid_hours_comparison(dataset.frame, RESOURCE_COURSE)
        notes = (
            f"Ressourceforløb: {format_times(course.ratio_to_country)} landsniveauet "
            f"({format_percent(course.hedensted)} mod {format_percent(course.country)}).",
        )
    return Kpi(
        label="Kontanthjælp med lønnede timer ift. landet",
        value=cash.ratio_to_country,
        value_text=format_times(cash.ratio_to_country),
        reference_area=COUNTRY,
        reference_value=cash.country,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=cash.period_text,
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=notes,
    )


# --- tables for display and export -------------------------------------------------------


def timeline_display(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline as a Danish text table (the value with its qualifier)."""
    return pd.DataFrame(
        {
            "Serie": timeline["series"],
            "Antal": timeline["value_text"],
            "Tidspunkt": timeline["period_text"],
            "Dokument": [
                document_with_date(d, t)
                for d, t in zip(timeline["document"], timeline["document_date"], strict=True)
            ],
            "Afsnit i kilden": timeline["source_table"],
            "Opgørelse (som i kilden)": timeline["measure"],
        }
    ).reset_index(drop=True)


def timeline_export(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline for Excel: the qualifier stands before the number it qualifies."""
    return pd.DataFrame(
        {
            "Serie": timeline["series"],
            "Tilnærmelse": timeline["qualifier"],
            "Antal": timeline["value"],
            "Antal som i kilden": timeline["value_text"],
            "Tidspunkt": timeline["period_text"],
            "Dokument": timeline["document"],
            "Afsnit i kilden": timeline["source_table"],
            "Opgørelse (som i kilden)": timeline["measure"],
        }
    ).reset_index(drop=True)


def format_target(value: float, unit: str, comparator: str = "") -> str:
    """A goal's target in words: ``44 virksomheder i netværket``, ``stigning på 20 %``."""
    number = format_percent(value, 0) if unit == "%" else f"{format_number(value)} {unit}"
    if comparator in ("stigning", "reduktion"):
        return f"{comparator} på {number}"
    if comparator in ("mindst", "højst"):
        return f"{comparator} {number}"
    return number


def goals_display(assessments: Sequence[GoalAssessment]) -> pd.DataFrame:
    """The goals as a Danish text table: goal, target, deadline, later figures, verdict."""
    return pd.DataFrame(
        {
            "Mål (som skrevet)": [a.goal for a in assessments],
            "Måltal": [
                format_target(a.target_value, a.target_unit, a.comparator) for a in assessments
            ],
            "Frist": [a.deadline_text for a in assessments],
            "Senere tal i kilderne": [a.later_figures for a in assessments],
            "Vurdering": [a.status_text for a in assessments],
        }
    )


def goals_export(assessments: Sequence[GoalAssessment]) -> pd.DataFrame:
    """The goals for Excel, with the target as a number and the full explanation."""
    return pd.DataFrame(
        {
            "Mål (som skrevet)": [a.goal for a in assessments],
            "Måltal": [a.target_value for a in assessments],
            "Målenhed": [a.target_unit for a in assessments],
            "Type af mål": [a.comparator for a in assessments],
            "Frist": [a.deadline_text for a in assessments],
            "Senere tal i kilderne": [a.later_figures for a in assessments],
            "Vurdering": [a.status_text for a in assessments],
            "Hvad kan konkluderes": [a.explanation for a in assessments],
            "Sted i kilden": [a.source_item for a in assessments],
        }
    )
