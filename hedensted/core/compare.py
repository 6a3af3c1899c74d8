"""Comparisons between areas: difference and index against a reference, ranks, the
chosen areas a table has, and the one order of categories every page uses."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from hedensted.core.constants import HEDENSTED
from hedensted.core.view_state import SortOrder


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


def areas_in_table(frame: pd.DataFrame, areas: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(present, missing)``: the chosen areas a table has, and those it lacks, in order."""
    known = set(frame["area"])
    return [a for a in areas if a in known], [a for a in areas if a not in known]


def sort_categories(
    frame: pd.DataFrame,
    sort: SortOrder,
    reference: str,
    category: str = "category",
    area: str = HEDENSTED,
) -> list[str]:
    """The categories of ``frame`` (benefit groups, target groups, statuses) as chosen.

    One rule for every page:

    - ``SOURCE`` keeps the order of the source document;
    - ``VALUE`` puts ``area``'s largest value first;
    - ``DIFFERENCE`` puts the largest difference between ``area`` and ``reference``
      first, by size whichever way it goes.

    Ties keep the source order; categories without a value to order by go last.
    When the table has no figures for the reference at all, ``DIFFERENCE`` keeps
    the source order: there is no difference to order by, and an order by value
    would pass for one by difference (the pages say that the reference is missing).

    Raises ``ValueError`` when the table has no figures for ``area`` (except for
    ``SOURCE``, which needs none).
    """
    source = list(dict.fromkeys(frame[category]))
    if sort is SortOrder.SOURCE:
        return source
    if sort not in (SortOrder.VALUE, SortOrder.DIFFERENCE):
        raise ValueError(f"Ukendt sortering: {sort}.")
    own = frame[frame["area"] == area].drop_duplicates(category).set_index(category)["value"]
    if own.empty:
        raise ValueError(f"{area} findes ikke i tabellen.")
    key = own
    if sort is SortOrder.DIFFERENCE:
        rows = frame[frame["area"] == reference].drop_duplicates(category)
        if rows.empty:
            return source
        key = (own - rows.set_index(category)["value"].reindex(own.index)).abs()
    position = {name: index for index, name in enumerate(source)}

    def order(name: str) -> tuple[float, int]:
        value = key.get(name, math.nan)
        return (math.inf if pd.isna(value) else -float(value), position[name])

    return sorted(source, key=order)
