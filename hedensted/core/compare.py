"""Comparisons between areas: difference and index against a reference, and ranks."""

from __future__ import annotations

from typing import Literal

import pandas as pd


def _require_columns(frame: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"Tabellen mangler kolonnerne {missing}.")


def compare_to_reference(
    frame: pd.DataFrame,
    reference_area: str,
    area_column: str = "area",
    by: list[str] | None = None,
) -> pd.DataFrame:
    """Add each area's difference and index (reference = 100) to a reference area.

    ``frame`` is tidy with ``area_column`` and ``value``; ``by`` are the columns
    that identify comparable rows (e.g. ``["group"]``). Returns the frame with
    ``reference_value``, ``difference`` (value − reference) and ``index``
    (value / reference × 100). Missing values stay missing.

    Raises ``ValueError`` if the reference area is not in the data.
    """
    by = by or []
    _require_columns(frame, [area_column, "value", *by])
    if reference_area not in set(frame[area_column]):
        raise ValueError(f"Sammenligningsområdet '{reference_area}' findes ikke i data.")
    reference = (
        frame.loc[frame[area_column] == reference_area, [*by, "value"]]
        .rename(columns={"value": "reference_value"})
        .drop_duplicates(subset=by)
    )
    result = (
        frame.merge(reference, on=by, how="left")
        if by
        else frame.assign(reference_value=float(reference["reference_value"].iloc[0]))
    )
    result["difference"] = result["value"] - result["reference_value"]
    result["index"] = result["value"] / result["reference_value"] * 100
    return result


def difference_to_reference(
    frame: pd.DataFrame, area: str, reference_area: str, by: str, area_column: str = "area"
) -> pd.Series:
    """Differences ``area − reference_area`` per value of ``by`` (a Series indexed by it)."""
    compared = compare_to_reference(frame, reference_area, area_column, [by])
    rows = compared[compared[area_column] == area]
    if rows.empty:
        raise ValueError(f"Området '{area}' findes ikke i data.")
    return rows.set_index(by)["difference"]


def rank_areas(
    frame: pd.DataFrame,
    areas: list[str] | None = None,
    lower_is_better: bool = True,
    area_column: str = "area",
) -> pd.DataFrame:
    """Rank areas by ``value`` within a chosen set; 1 is best.

    Ties share the best rank they span (1, 2, 2, 4 — "competition" ranking), so
    two areas with the same rate are both e.g. number 2. Areas without a value
    get no rank. Raises ``ValueError`` for an unknown area or duplicate areas.
    """
    _require_columns(frame, [area_column, "value"])
    if frame[area_column].duplicated().any():
        raise ValueError("Hvert område må kun stå én gang, når der rangeres.")
    chosen = frame
    if areas is not None:
        unknown = sorted(set(areas) - set(frame[area_column]))
        if unknown:
            raise ValueError(f"Ukendte områder: {unknown}.")
        chosen = frame[frame[area_column].isin(areas)]
    ranked = chosen.copy()
    ranked["rank"] = (
        ranked["value"]
        .rank(method="min", ascending=lower_is_better, na_option="keep")
        .astype("Int64")
    )
    ranked["rank_of"] = int(ranked["value"].notna().sum())
    return ranked.sort_values(["rank", area_column], na_position="last").reset_index(drop=True)


def rank_of(
    frame: pd.DataFrame,
    area: str,
    areas: list[str] | None = None,
    direction: Literal["lower", "higher"] = "lower",
    area_column: str = "area",
) -> tuple[int, int]:
    """Return ``(rank, number of ranked areas)`` of one area within a set."""
    ranked = rank_areas(frame, areas, direction == "lower", area_column)
    row = ranked[ranked[area_column] == area]
    if row.empty or pd.isna(row["rank"].iloc[0]):
        raise ValueError(f"Området '{area}' har ingen værdi at rangere.")
    return int(row["rank"].iloc[0]), int(row["rank_of"].iloc[0])


def select_areas(frame: pd.DataFrame, areas: list[str], area_column: str = "area") -> pd.DataFrame:
    """Rows of the chosen areas, in the order given (for charts and tables).

    Raises ``ValueError`` for an area that is not in the data.
    """
    unknown = [a for a in areas if a not in set(frame[area_column])]
    if unknown:
        raise ValueError(f"Ukendte områder: {unknown}.")
    order = {area: position for position, area in enumerate(areas)}
    chosen = frame[frame[area_column].isin(areas)].copy()
    chosen["_order"] = chosen[area_column].map(order)
    return chosen.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)
