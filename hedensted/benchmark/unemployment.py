"""Unemployment and full-time employment (Benchmark section 6): rates, rank within
RAR Østjylland and change between two periods. The unemployment goal's verdict is the
goal register's (:mod:`hedensted.goals.judge`); this module names the goal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import pandas as pd

from hedensted.benchmark.choices import missing_reference_note
from hedensted.core.compare import rank_areas
from hedensted.core.constants import HEDENSTED
from hedensted.core.periods import parse_period, period_label
from hedensted.core.view_state import SortOrder
from hedensted.present.formatting import (
    format_number,
    format_percent,
    format_points,
)

MUNICIPALITY = "kommune"
OTHER_AREAS = "Øvrige områder"
# The goal that Hedensted keeps the lowest unemployment rate in RAR Østjylland (Klar, parat –
# i job, long term). Its verdict comes from the goal register's judge, like every goal's.
UNEMPLOYMENT_GOAL_ID = "inv24_klar_lang_3"


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


def period_span(periods: Sequence[str]) -> tuple[str, str]:
    """The first and last of a dataset's period codes."""
    ordered = sorted(periods, key=lambda code: parse_period(code).start)
    if len(ordered) < 2:
        raise ValueError("Der skal være mindst to perioder for at beregne en udvikling.")
    return ordered[0], ordered[-1]


def change_table(
    counts: pd.DataFrame, published: pd.DataFrame, start: str, end: str
) -> pd.DataFrame:
    """Change per area from ``start`` to ``end``, computed and as published.

    ``counts`` is tidy (``area``, ``period``, ``value``, ``area_type``);
    ``published`` holds the document's change columns (``measure`` ending in
    ``(personer)`` or ``(pct.)``). Returns ``area``, ``area_type``,
    ``start_value``, ``end_value``, ``change``, ``change_pct``,
    ``published_change`` and ``published_pct``.
    """
    result = unemployment_change(counts, start, end)
    types = counts.drop_duplicates("area").set_index("area")["area_type"]
    result.insert(3, "area_type", result["area"].map(types))
    persons = published[published["measure"].str.endswith("(personer)")]
    percent = published[published["measure"].str.endswith("(pct.)")]
    result["published_change"] = result["area"].map(persons.set_index("area")["value"])
    result["published_pct"] = result["area"].map(percent.set_index("area")["value"])
    return result


def highlight_label(area: str, reference: str) -> str:
    """The colour group of an area in the area charts: Hedensted, the reference, or others."""
    return area if area in (HEDENSTED, reference) else OTHER_AREAS


def sort_areas(frame: pd.DataFrame, field: str, sort: SortOrder, reference: str) -> pd.DataFrame:
    """Rows (one per area) in the chosen order, by the rule of
    :func:`hedensted.core.compare.sort_categories`.

    ``SOURCE`` keeps the source order, ``VALUE`` puts the largest ``field`` first,
    ``DIFFERENCE`` the largest difference (by size) to the reference's value;
    without the reference in the table, ``DIFFERENCE`` keeps the source order.
    """
    has_reference = reference in set(frame["area"])
    if sort is SortOrder.SOURCE or (sort is SortOrder.DIFFERENCE and not has_reference):
        return frame.reset_index(drop=True)
    key = frame[field]
    if sort is SortOrder.DIFFERENCE:
        key = (frame[field] - float(frame.loc[frame["area"] == reference, field].iloc[0])).abs()
    order = key.sort_values(ascending=False, kind="stable", na_position="last").index
    return frame.loc[order].reset_index(drop=True)


def rate_view(rates: pd.DataFrame, reference: str, sort: SortOrder) -> pd.DataFrame:
    """Unemployment rates for all areas in the table, with highlight, in the chosen order."""
    view = rates[["area", "area_type", "value"]].copy()
    view["highlight"] = [highlight_label(a, reference) for a in view["area"]]
    return sort_areas(view, "value", sort, reference)


def change_view(table: pd.DataFrame, reference: str, sort: SortOrder) -> pd.DataFrame:
    """A change table with highlight, in the chosen order (by the change in pct.)."""
    view = table.copy()
    view["highlight"] = [highlight_label(a, reference) for a in view["area"]]
    return sort_areas(view, "change_pct", sort, reference)


def rate_sentence(rates: pd.DataFrame, reference: str) -> str:
    """Hedensted's rate and rank in RAR Østjylland, compared with the reference."""
    own = float(rates.loc[rates["area"] == HEDENSTED, "value"].iloc[0])
    rank, ranked = rank_in_rar(rates, HEDENSTED)
    place = "den laveste" if rank == 1 else f"den {rank}. laveste"
    sentence = (
        f"Hedensted har en bruttoledighed på {format_percent(own)} – {place} "
        f"ledighedsprocent af {ranked} kommuner i RAR Østjylland."
    )
    if reference in set(rates["area"]):
        other = float(rates.loc[rates["area"] == reference, "value"].iloc[0])
        sentence += f" {reference}: {format_percent(other)} ({format_points(own - other)})."
    else:
        sentence += " " + missing_reference_note(reference, "ledighedsprocenten")
    return sentence


def change_sentence(table: pd.DataFrame, reference: str, what: str, start: str, end: str) -> str:
    """Hedensted's change from period ``start`` to ``end`` (computed), vs the reference's."""
    span = f"{period_label(start)} til {period_label(end)}"
    rows = table.set_index("area")
    own = rows.loc[HEDENSTED]
    direction = "steg" if own["change"] > 0 else "faldt" if own["change"] < 0 else "var uændret"
    sentence = f"{what} i Hedensted {direction}"
    if own["change"] != 0:
        sentence += (
            f" med {format_number(abs(own['change']))} personer "
            f"({format_percent(cast(float, own['change_pct']), signed=True)})"
        )
    sentence += f" fra {span}"
    if reference in rows.index:
        other = rows.loc[reference]
        sentence += (
            f" – mod {format_percent(cast(float, other['change_pct']), signed=True)} i {reference}."
        )
    else:
        sentence += f". Kildens tabel har ikke {reference} med."
    return sentence
