"""Uddannelseshjælp compared between areas: status after ended courses, duration, share."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from hedensted.benchmark.outcomes import JOB_AND_EDUCATION, share_ended_to
from hedensted.core.compare import select_areas
from hedensted.core.constants import HEDENSTED
from hedensted.core.view_state import ComparisonChoice, SortOrder
from hedensted.present.formatting import format_number, format_percent, format_points

EDUCATION_BENEFIT = "Uddannelseshjælp"
DURATION_GROUPS: tuple[str, ...] = ("Uddannelseshjælp, aktivitetsparat", "Alle uddannelsesparate")


def comparison_areas(*frames: pd.DataFrame) -> tuple[str, ...]:
    """All areas in the frames, in order of first appearance, Hedensted included."""
    areas: dict[str, None] = {}
    for frame in frames:
        if "area" not in frame.columns:
            raise ValueError("Tabellen mangler kolonnen 'area'.")
        areas.update(dict.fromkeys(frame["area"]))
    if HEDENSTED not in areas:
        raise ValueError("Hedensted findes ikke i tabellerne.")
    return tuple(areas)


def shown_areas(choice: ComparisonChoice) -> list[str]:
    """The chosen areas (Hedensted first) with the reference added if not chosen."""
    areas = list(choice.areas)
    if choice.reference not in areas:
        areas.append(choice.reference)
    return areas


def split_available(frame: pd.DataFrame, areas: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(areas in the table, areas not in it)``, both in the given order."""
    present = set(frame["area"])
    return [a for a in areas if a in present], [a for a in areas if a not in present]


def missing_areas_note(missing: Sequence[str]) -> str | None:
    """Danish note for chosen areas a table does not have (None if there are none)."""
    if not missing:
        return None
    return f"Kildematerialet har ikke tal for {' og '.join(missing)} i denne tabel."


def education_benefit_status(status: pd.DataFrame) -> pd.DataFrame:
    """Rows of the status table for uddannelseshjælp."""
    rows = status[status["target_group"] == EDUCATION_BENEFIT]
    if rows.empty:
        raise ValueError("Statustabellen har ingen rækker for uddannelseshjælp.")
    return rows.reset_index(drop=True)


def status_categories(status: pd.DataFrame) -> tuple[str, ...]:
    """The status categories of the uddannelseshjælp table, in source order."""
    return tuple(dict.fromkeys(education_benefit_status(status)["category"]))


def job_education_shares(
    status: pd.DataFrame, published: pd.DataFrame, areas: Sequence[str]
) -> pd.DataFrame:
    """Share ended to job or education for uddannelseshjælp, per area.

    ``share`` is computed from the table (Lønmodtagerbeskæftigelse + Uddannelse);
    ``published`` and ``statement`` are the document's own statement where it
    makes one (NaN / empty otherwise). Areas not in the table are left out.
    """
    shares = share_ended_to(education_benefit_status(status), JOB_AND_EDUCATION)
    statements = published[published["target_group"] == EDUCATION_BENEFIT].drop_duplicates(
        subset=["area"]
    )[["area", "value", "statement"]]
    merged = shares.merge(
        statements.rename(columns={"value": "published"}), on="area", how="left"
    ).fillna({"statement": ""})
    present, _ = split_available(merged, areas)
    return select_areas(merged, present)


def chart_rows(
    frame: pd.DataFrame,
    areas: Sequence[str],
    column: str | None = None,
    values: Sequence[str] = (),
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Rows of the chosen areas (and values of ``column``) for a chart.

    Returns ``(rows in area order, areas present, areas the table lacks)``.
    """
    present, missing = split_available(frame, areas)
    rows = select_areas(frame, present)
    if column is not None:
        unknown = [v for v in values if v not in set(frame[column])]
        if unknown:
            raise ValueError(f"Ukendte værdier i '{column}': {unknown}.")
        rows = rows[rows[column].isin(list(values))]
    return rows.reset_index(drop=True), present, missing


def job_education_sentence(status: pd.DataFrame, reference: str) -> str:
    """Hedensted's share ended to job or education compared with the reference, in Danish."""
    shares = share_ended_to(education_benefit_status(status), JOB_AND_EDUCATION)
    return comparison_sentence(
        shares.rename(columns={"share": "value"}),
        reference,
        "Til lønmodtagerbeskæftigelse eller uddannelse",
        "%",
        "lavere end",
        "højere end",
    )


def sort_categories(
    frame: pd.DataFrame,
    order: SortOrder,
    reference: str,
    category: str = "category",
) -> list[str]:
    """Categories ordered as chosen: as in the source, by Hedensted's value, or by difference.

    ``DIFFERENCE`` orders by the size of Hedensted's difference to ``reference``
    (largest first, either sign); ``VALUE`` by Hedensted's value, largest first.
    Categories without a value for Hedensted (or the reference) come last; if the
    table has no figures for the reference at all, the source order is kept.
    """
    source_order = list(dict.fromkeys(frame[category]))
    if order is SortOrder.SOURCE:
        return source_order
    values = frame[frame["area"] == HEDENSTED].drop_duplicates(category).set_index(category)
    if values.empty:
        raise ValueError("Hedensted findes ikke i tabellen.")
    key = values["value"]
    if order is SortOrder.DIFFERENCE:
        ref = frame[frame["area"] == reference].drop_duplicates(category).set_index(category)
        if ref.empty:  # the table has no figures for the reference: keep the source order
            return source_order
        key = (values["value"] - ref["value"].reindex(values.index)).abs()
    position = {name: i for i, name in enumerate(source_order)}
    return sorted(
        source_order,
        key=lambda name: (
            pd.isna(key.get(name)),
            # Not missing: checked just before:
            -(0.0 if pd.isna(key.get(name)) else float(key.get(name))),  # type: ignore[arg-type]
            position[name],
        ),
    )


def value_of(frame: pd.DataFrame, area: str, **filters: str) -> float | None:
    """``area``'s first ``value`` in the rows matching ``filters`` (None if there is none)."""
    mask = frame["area"] == area
    for column, wanted in filters.items():
        mask &= frame[column] == wanted
    rows = frame.loc[mask, "value"]
    if rows.empty or pd.isna(rows.iloc[0]):
        return None
    return float(rows.iloc[0])


def comparison_sentence(
    frame: pd.DataFrame,
    reference: str,
    subject: str,
    unit: str,
    lower_word: str,
    higher_word: str,
    decimals: int = 1,
    **filters: str,
) -> str:
    """``Hedensted: 123,7 uger – 22,0 uger kortere end RAR Østjylland (145,7 uger).``

    ``unit`` is ``%`` (differences in pct.-point) or a word such as ``uger``.
    Says so when the source has no value for Hedensted or the reference.
    """

    def show(value: float) -> str:
        if unit == "%":
            return format_percent(value, decimals)
        return f"{format_number(value, decimals)} {unit}"

    def gap(value: float) -> str:
        if unit == "%":
            return format_points(value, decimals, signed=False)
        return f"{format_number(value, decimals)} {unit}"

    own = value_of(frame, HEDENSTED, **filters)
    if own is None:
        return f"{subject}: kildematerialet har ikke tallet for Hedensted."
    other = value_of(frame, reference, **filters)
    if other is None:
        return f"{subject}: Hedensted {show(own)}. Kildematerialet har ikke tallet for {reference}."
    delta = round(own - other, 6)
    if round(delta, decimals) == 0:
        return f"{subject}: Hedensted og {reference} har begge {show(own)}."
    word = lower_word if delta < 0 else higher_word
    return (
        f"{subject}: Hedensted {show(own)} – {gap(abs(delta))} {word} {reference} ({show(other)})."
    )
