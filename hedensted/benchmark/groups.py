"""Values per benefit or target group and area, and Hedensted's difference to the
reference (Benchmark sections 1, 2 and 5), with the sentence that sums it up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import pandas as pd

from hedensted.benchmark.choices import NothingToShow
from hedensted.core.compare import areas_in_table, compare_to_reference, sort_categories
from hedensted.core.constants import HEDENSTED
from hedensted.core.view_state import SortOrder
from hedensted.present.formatting import (
    and_list,
    format_number,
    format_percent,
    format_points,
)


@dataclass(frozen=True)
class GroupView:
    """Values per category (benefit or target group) and area, as chosen.

    ``values`` has ``area``, the category column and ``value`` for the chosen
    areas and categories; ``order`` is the category order to draw;
    ``differences`` has one row per category with Hedensted's ``value``, the
    ``reference_value`` and the ``difference`` (Hedensted − reference), or is
    ``None`` when the table has no figures for the reference.
    """

    category: str
    areas: tuple[str, ...]
    missing_areas: tuple[str, ...]
    order: tuple[str, ...]
    values: pd.DataFrame
    reference: str
    differences: pd.DataFrame | None
    total: pd.DataFrame | None


def group_view(
    frame: pd.DataFrame,
    category: str,
    areas: Sequence[str],
    reference: str,
    sort: SortOrder,
    groups: Sequence[str] | None = None,
    total_label: str | None = None,
) -> GroupView:
    """Prepare a grouped comparison (sections 1, 2 and 5).

    ``groups`` limits the categories (None: all); the published total
    ``total_label`` is kept apart in ``total`` (its values for the shown areas).
    Raises :class:`NothingToShow` when no chosen category is in the table.
    """
    parts = frame[frame[category] != total_label] if total_label else frame
    if groups is not None:
        chosen = set(groups)
        parts = parts[parts[category].isin(chosen)]
    if parts.empty:
        raise NothingToShow("Vælg mindst én ydelsesgruppe for at se tallene.")
    present, missing = areas_in_table(frame, areas)
    order = sort_categories(parts, sort, reference, category)
    values = parts[parts["area"].isin(present)].copy()
    values["_area"] = values["area"].map({a: i for i, a in enumerate(present)})
    values["_cat"] = values[category].map({c: i for i, c in enumerate(order)})
    values = (
        values.sort_values(["_cat", "_area"])
        .drop(columns=["_area", "_cat"])
        .reset_index(drop=True)[["area", category, "value"]]
    )
    differences = None
    if reference in set(frame["area"]):
        compared = compare_to_reference(parts, reference, by=[category])
        own = compared[compared["area"] == HEDENSTED].set_index(category)
        differences = (
            own.reindex(order)[["value", "reference_value", "difference"]]
            .reset_index()
            .rename(columns={"index": category})
        )
        differences["difference"] = differences["difference"].round(6)
    total = None
    if total_label:
        total_rows = frame[(frame[category] == total_label) & frame["area"].isin(present)]
        total = total_rows[["area", category, "value"]].reset_index(drop=True)
    return GroupView(
        category=category,
        areas=tuple(present),
        missing_areas=tuple(missing),
        order=tuple(order),
        values=values,
        reference=reference,
        differences=differences,
        total=total,
    )


def wide_values(view: GroupView) -> pd.DataFrame:
    """One row per category, one column per area (for the "Vis tal" table)."""
    wide = view.values.pivot(index=view.category, columns="area", values="value")
    wide = wide.reindex(index=list(view.order), columns=list(view.areas))
    if view.total is not None and not view.total.empty:
        totals = view.total.pivot(index=view.category, columns="area", values="value")
        wide = pd.concat([wide, totals.reindex(columns=list(view.areas))])
    wide.columns.name = None
    return wide.reset_index().rename(columns={"index": view.category})


def difference_summary(
    view: GroupView,
    noun: str,
    lower: str,
    higher: str,
    fmt_value,
    fmt_difference,
) -> str:
    """One sentence: in how many categories Hedensted is below/above the reference.

    ``noun`` names the categories (``ydelsesgrupper``), ``lower``/``higher`` say
    what below/above means (``bruger mindre``/``bruger mere``), ``fmt_value`` and
    ``fmt_difference`` format a value and a signed difference.
    """
    if view.differences is None:
        raise NothingToShow("Sammenligningsområdet findes ikke i tabellen.")
    diff = view.differences.dropna(subset=["difference"])
    below = int((diff["difference"] < 0).sum())
    above = int((diff["difference"] > 0).sum())
    same = int((diff["difference"] == 0).sum())
    counted = len(diff)
    parts = [f"{lower} i {below} af {counted} viste {noun}", f"{higher} i {above}"]
    if same:
        parts.append(f"det samme i {same}")
    sentence = f"Sammenlignet med {view.reference}: Hedensted {and_list(parts)}."
    if counted:
        largest = diff.loc[cast(int, diff["difference"].abs().idxmax())]  # a row label
        if largest["difference"] != 0:
            sentence += (
                f" Størst er forskellen for {largest[view.category]}: "
                f"{fmt_value(largest['value'])} mod {fmt_value(largest['reference_value'])} "
                f"({fmt_difference(largest['difference'])})."
            )
    return sentence


def fulltime_summary(view: GroupView) -> str:
    """Section 1 sentence, in full-time persons as % of the labour force."""
    return difference_summary(
        view,
        "ydelsesgrupper",
        "har en lavere andel",
        "en højere",
        format_percent,
        format_points,
    )


def duration_summary(view: GroupView) -> str:
    """Section 5 sentence, in weeks."""
    return difference_summary(
        view,
        "målgrupper",
        "har kortere forløb",
        "længere",
        lambda v: f"{format_number(v, 1)} uger",
        lambda v: f"{format_number(v, 1, signed=True)} uger",
    )


# --- headlines of the slides that show every chosen area ---------------------------------------


def _areas_with(values: Sequence[tuple[str, float]], fmt_value) -> str:
    return and_list([f"{area} ({fmt_value(value)})" for area, value in values])


def total_comparison(view: GroupView, opening: str, lower: str, higher: str, fmt_value) -> str:
    """Hedensted's published total against every other shown area, in one sentence.

    ``opening`` holds ``{value}`` (Hedensted's total); ``lower``/``higher`` say what a
    smaller/larger total means. »I alt er 22,7 % af Hedensteds arbejdsstyrke på offentlig
    forsørgelse – en lavere andel end Hele landet (23,4 %) …; en højere end Skanderborg
    (19,1 %).« Raises :class:`NothingToShow` without Hedensted's total.
    """
    total = view.total
    if total is None or HEDENSTED not in set(total["area"]):
        raise NothingToShow("Tabellen har ingen total for Hedensted.")
    by_area = dict(zip(total["area"], total["value"], strict=True))
    own = float(by_area[HEDENSTED])
    others = [(a, float(by_area[a])) for a in view.areas if a != HEDENSTED and a in by_area]
    others = [(area, value) for area, value in others if not pd.isna(value)]
    if not others:
        raise NothingToShow("Der er ingen andre områder at sammenligne Hedensted med.")
    parts = []
    if below := [(a, v) for a, v in others if own < v]:
        parts.append(f"{lower} {_areas_with(below, fmt_value)}")
    if above := [(a, v) for a, v in others if own > v]:
        parts.append(f"{higher} {_areas_with(above, fmt_value)}")
    if same := [(a, v) for a, v in others if own == v]:
        parts.append(f"det samme som {_areas_with(same, fmt_value)}")
    return f"{opening.format(value=fmt_value(own))} – {'; '.join(parts)}."


def category_comparison(view: GroupView, lower: str, noun: str) -> str:
    """In how many categories Hedensted is below each other shown area.

    »Hedensted har kortere forløb end Hele landet i 6 af 8 målgrupper, end RAR Østjylland
    i 6 af 8 og end Skanderborg i 3 af 8.« Only categories with a value for both count.
    Raises :class:`NothingToShow` when Hedensted or no other area is shown.
    """
    wide = view.values.pivot(index=view.category, columns="area", values="value")
    if HEDENSTED not in wide.columns:
        raise NothingToShow("Hedensted er ikke blandt de viste områder.")
    counts = []
    for area in view.areas:
        if area == HEDENSTED or area not in wide.columns:
            continue
        both = wide[[HEDENSTED, area]].dropna()
        if both.empty:
            continue
        counts.append((area, int((both[HEDENSTED] < both[area]).sum()), len(both)))
    if not counts:
        raise NothingToShow("Der er ingen andre områder at sammenligne Hedensted med.")
    (first, below, shown), *rest = counts
    sentence = f"Hedensted har {lower} end {first} i {below} af {shown} {noun}"
    more = [f"end {area} i {count} af {n}" for area, count, n in rest]
    return f"{sentence}{', ' if len(more) > 1 else ' og ' if more else ''}{and_list(more)}."
