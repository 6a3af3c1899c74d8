"""Gross unemployment: change over time and rank within RAR Østjylland."""

from __future__ import annotations

import pandas as pd

from hedensted.core.compare import rank_areas

MUNICIPALITY = "kommune"


def unemployment_change(counts: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Change in gross unemployed from period ``start`` to ``end`` per area.

    ``counts`` is tidy with ``area``, ``period`` and ``value``. Returns
    ``area``, ``start_value``, ``end_value``, ``change`` and ``change_pct``.
    Raises ``ValueError`` for a period not in the data.
    """
    for period in (start, end):
        if period not in set(counts["period"]):
            raise ValueError(f"Perioden '{period}' findes ikke i data.")
    wide = counts.pivot(index="area", columns="period", values="value")
    order = list(dict.fromkeys(counts["area"]))
    wide = wide.reindex(order)
    result = pd.DataFrame(
        {
            "area": wide.index,
            "start_value": wide[start].to_numpy(),
            "end_value": wide[end].to_numpy(),
        }
    )
    result["change"] = result["end_value"] - result["start_value"]
    result["change_pct"] = result["change"] / result["start_value"] * 100
    return result


def municipality_rates(rates: pd.DataFrame) -> pd.DataFrame:
    """Only the municipality rows (the RAR Østjylland municipalities in the source table)."""
    if "area_type" not in rates.columns:
        raise ValueError("Ledighedstabellen mangler kolonnen 'area_type'.")
    return rates[rates["area_type"] == MUNICIPALITY]


def rank_in_rar(rates: pd.DataFrame, area: str = "Hedensted") -> tuple[int, int]:
    """``(rank, of)`` of an area's unemployment rate among the RAR municipalities (1 = lowest)."""
    ranked = rank_areas(municipality_rates(rates)[["area", "value"]])
    row = ranked[ranked["area"] == area]
    if row.empty:
        raise ValueError(f"Kommunen '{area}' findes ikke blandt RAR-kommunerne.")
    return int(row["rank"].iloc[0]), int(row["rank_of"].iloc[0])


def has_lowest_rate(rates: pd.DataFrame, area: str = "Hedensted") -> bool:
    """Whether an area has the (possibly shared) lowest rate among the RAR municipalities."""
    return rank_in_rar(rates, area)[0] == 1
