"""Public expenses per person in the labour force (Benchmark section 2): the gap to
the reference, what it is worth in all, and the check against the document."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from hedensted.benchmark.groups import GroupView, difference_summary
from hedensted.core.compare import compare_to_reference
from hedensted.core.constants import HEDENSTED, TOTAL_GROUP
from hedensted.present.formatting import (
    and_list,
    format_kroner,
    format_million_kroner,
)


def expense_gap_worth(
    expenses: pd.DataFrame,
    labour_force: pd.DataFrame,
    area: str = "Hedensted",
    reference_area: str = "RAR Østjylland",
) -> pd.DataFrame:
    """Per benefit group: the area's expense gap to the reference, times its labour force.

    ``expenses`` is tidy (``area``, ``group``, ``value`` in kr. per person in the
    labour force); ``labour_force`` has ``area`` and ``value`` (persons). Returns
    one row per group with ``value``, ``reference_value``, ``difference`` (kr. per
    person, area − reference), ``labour_force`` and ``total_kr`` (difference ×
    labour force; negative means the area spends less in total).

    Raises ``ValueError`` if an area is missing or the labour force is not positive.
    """
    if area not in set(labour_force["area"]):
        raise ValueError(f"Arbejdsstyrken for '{area}' findes ikke i data.")
    persons = float(labour_force.loc[labour_force["area"] == area, "value"].iloc[0])
    if not persons > 0:
        raise ValueError(f"Arbejdsstyrken for '{area}' skal være et positivt tal.")
    compared = compare_to_reference(expenses, reference_area, by=["group"])
    rows = compared[compared["area"] == area].copy()
    if rows.empty:
        raise ValueError(f"Udgifterne for '{area}' findes ikke i data.")
    rows["reference_area"] = reference_area
    rows["labour_force"] = persons
    rows["total_kr"] = rows["difference"] * persons
    return rows[
        [
            "group",
            "value",
            "reference_area",
            "reference_value",
            "difference",
            "labour_force",
            "total_kr",
        ]
    ].reset_index(drop=True)


def expenses_summary(view: GroupView) -> str:
    """Section 2 sentence, in kr. per person in the labour force."""
    return difference_summary(
        view,
        "ydelsesgrupper",
        "bruger mindre",
        "mere",
        format_kroner,
        lambda v: format_kroner(v, signed=True),
    )


def gap_worth(
    expenses: pd.DataFrame,
    labour_force: pd.DataFrame,
    reference: str,
    order: Sequence[str],
) -> pd.DataFrame:
    """Per shown group and in all: the gap in kr. per person × Hedensted's labour force.

    Rows follow ``order`` and end with the published total ("Ydelsesgrupper i alt").
    Raises ``ValueError`` if the reference is not in the expenses table.
    """
    worth = expense_gap_worth(expenses, labour_force, HEDENSTED, reference)
    groups = worth[worth["group"] != TOTAL_GROUP].set_index("group").reindex(list(order))
    groups = groups.dropna(subset=["value"]).reset_index()
    total = worth[worth["group"] == TOTAL_GROUP]
    result = pd.concat([groups, total], ignore_index=True)
    result["total_mio"] = result["total_kr"] / 1_000_000
    return result


def worth_sum_note(worth: pd.DataFrame, all_groups: int) -> str | None:
    """Say how the sum over the groups relates to the total (they differ in the source)."""
    parts = worth[worth["group"] != TOTAL_GROUP]
    total = worth[worth["group"] == TOTAL_GROUP]
    if parts.empty or total.empty:
        return None
    part_sum = float(parts["total_kr"].sum())
    total_kr = float(total["total_kr"].iloc[0])
    shown = (
        f"de {len(parts)} viste ydelsesgrupper"
        if len(parts) < all_groups
        else f"alle {len(parts)} ydelsesgrupper"
    )
    return (
        f"Summen for {shown} er {format_million_kroner(part_sum, signed=True)}; "
        f"totalen (»{TOTAL_GROUP}«) giver {format_million_kroner(total_kr, signed=True)} "
        "i alt. "
        "Kildens ydelsesgrupper summer ikke helt til totalen, og tabellen har ingen "
        "række for fleksjob."
    )


def published_difference_check(expenses: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """The document's own »Forskel« column next to the difference computed from the table.

    ``published`` has ``group``, ``value`` and ``reference_area``. Returns
    ``group``, ``reference_area``, ``published``, ``computed`` and ``agrees``.
    """
    rows = []
    for _, row in published.iterrows():
        reference = row["reference_area"]
        compared = compare_to_reference(expenses, reference, by=["group"])
        own = compared[(compared["area"] == HEDENSTED) & (compared["group"] == row["group"])]
        computed = float(own["difference"].iloc[0]) if not own.empty else math.nan
        rows.append(
            {
                "group": row["group"],
                "reference_area": reference,
                "published": float(row["value"]),
                "computed": computed,
                "agrees": math.isclose(computed, float(row["value"]), abs_tol=1e-9),
            }
        )
    return pd.DataFrame(rows)


def published_difference_sentence(check: pd.DataFrame) -> str:
    """How many of the document's published differences the calculation reproduces."""
    reference = and_list(list(dict.fromkeys(check["reference_area"])))
    agrees = int(check["agrees"].sum())
    total = check[check["group"] == TOTAL_GROUP]
    start = ""
    if not total.empty:
        value = float(total["published"].iloc[0])
        word = "lavere" if value < 0 else "højere"
        start = (
            f"Dokumentet selv sammenligner med {reference}: Hedensteds udgift pr. person "
            f"er {format_kroner(abs(value))} {word}. "
        )
    return (
        f"{start}Beregningen ud fra tabellen giver samme forskel i {agrees} af "
        f"{len(check)} rækker i dokumentets kolonne »Forskel«."
    )


def worth_headline(worth: pd.DataFrame, reference: str) -> str:
    """The message of »Hvad er forskellen værd i alt?«: the gap in all and the group that
    weighs most, from :func:`gap_worth` (negative: Hedensted spends less).

    »Sammenlignet med RAR Østjylland bruger Hedensted 16,5 mio. kr. mindre i alt; mest
    vejer Førtidspension: 12,9 mio. kr. mindre.« Raises ``ValueError`` without the total.
    """
    total = worth[worth["group"] == TOTAL_GROUP]
    if total.empty or pd.isna(total["total_kr"].iloc[0]):
        raise ValueError(f"Tabellen har ingen »{TOTAL_GROUP}« at regne forskellen ud fra.")

    def amount(kroner: float) -> str:
        word = "mindre" if kroner < 0 else "mere"
        return f"{format_million_kroner(abs(kroner))} {word}"

    in_all = float(total["total_kr"].iloc[0])
    sentence = f"Sammenlignet med {reference} bruger Hedensted {amount(in_all)} i alt"
    groups = worth[(worth["group"] != TOTAL_GROUP) & worth["total_kr"].notna()]
    if len(groups) > 1:
        largest = groups.iloc[int(groups["total_kr"].abs().to_numpy().argmax())]
        sentence += f"; mest vejer {largest['group']}: {amount(float(largest['total_kr']))}"
    return sentence + "."
