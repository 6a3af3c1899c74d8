"""The growth of the Code of Care network: every count of companies the documents give."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.code_of_care.formatting import document_with_date, format_count, month_text
from hedensted.core.catalog import Dataset
from hedensted.core.periods import parse_period, period_label
from hedensted.present.formatting import format_long_date

# Series of the growth chart.
NETWORK = "Virksomheder i netværket"
NETWORK_GOAL = "Mål: virksomheder i netværket"
NEW_COMPANIES_GOAL = "Mål: nye virksomheder i året"
PARTNERS = "Partnerskabsvirksomheder (ud over netværket)"
SERIES_ORDER = (NETWORK, NETWORK_GOAL, NEW_COMPANIES_GOAL, PARTNERS)

TIMELINE_DATASETS = ("code_of_care_2024", "code_of_care_2017", "code_of_care_2019")
# The counts a goal set in 2019 can be held against (the 2016 count is older).
GOAL_TIMELINE_DATASETS = ("code_of_care_2019", "code_of_care_2024")


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


def _midpoint(code: str) -> date:
    period = parse_period(code)
    return period.start + (period.end - period.start) / 2


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


def growth_headline(timeline: pd.DataFrame) -> str:
    """The growth slide's message: the network's two latest actual counts after it was
    founded (the documents disagree on the founding count, so it is not the starting point).

    »Netværket er vokset fra 41 virksomheder (jun. 2019) til næsten 70 (mar. 2024).«
    Raises ``ValueError`` without an actual count.
    """
    network = timeline[
        (timeline["series"] == NETWORK) & (timeline["kind"] == "faktisk") & ~timeline["founding"]
    ].sort_values("day")
    if network.empty:
        raise ValueError("Kilderne har intet faktisk antal virksomheder i netværket.")
    latest = network.iloc[-1]
    when = month_text(str(latest["period"]))
    if len(network) == 1:
        return f"Netværket har {latest['value_text']} virksomheder ({when})."
    before = network.iloc[-2]
    return (
        f"Netværket er vokset fra {before['value_text']} virksomheder "
        f"({month_text(str(before['period']))}) til {latest['value_text']} ({when})."
    )
