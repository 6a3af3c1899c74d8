"""Where people went one month after an ended course ("status efter afsluttet forløb",
Benchmark section 4): shares, stacked bars up to 100 % and the sentences."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import cast

import pandas as pd

from hedensted.core.compare import areas_in_table
from hedensted.core.constants import HEDENSTED
from hedensted.present.formatting import (
    and_list,
    format_percent,
    format_points,
    or_list,
)

JOB = "Lønmodtagerbeskæftigelse"
EDUCATION = "Uddannelse"
FLEXJOB = "Fleksjob"
JOB_AND_EDUCATION: tuple[str, ...] = (JOB, EDUCATION)
JOB_EDUCATION_AND_FLEXJOB: tuple[str, ...] = (JOB, EDUCATION, FLEXJOB)
REMAINDER = "Ikke vist i kilden"


def share_ended_to(status: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """Share (pct.) that ended in the chosen categories, per target group and area.

    ``status`` is tidy with ``target_group``, ``area``, ``category`` and ``value``
    (pct. of ended courses). A category the source suppressed (``.``) is left out
    of the sum and counted in ``missing_categories``; a category a table does not
    have at all is counted in ``absent_categories``.

    Raises ``ValueError`` for an empty or unknown choice of categories.
    """
    chosen = list(dict.fromkeys(categories))
    if not chosen:
        raise ValueError("Vælg mindst én statuskategori.")
    unknown = sorted(set(chosen) - set(status["category"]))
    if unknown:
        raise ValueError(f"Ukendte statuskategorier: {unknown}.")
    rows = []
    for (target_group, area), block in status.groupby(["target_group", "area"], sort=False):
        picked = block[block["category"].isin(chosen)]
        rows.append(
            {
                "target_group": target_group,
                "area": area,
                "share": float(picked["value"].sum(skipna=True)),
                "categories": "; ".join(chosen),
                "missing_categories": int(picked["value"].isna().sum()),
                "absent_categories": len(chosen) - len(picked),
            }
        )
    return pd.DataFrame(rows)


def status_categories(published: pd.DataFrame, target_group: str) -> tuple[str, ...]:
    """The status categories the document adds up for a target group.

    Taken from the published statements (job and education, plus flexjob where
    the document counts it); job and education where the document has none.
    """
    rows = published[published["target_group"] == target_group]
    if rows.empty:
        return JOB_AND_EDUCATION
    return tuple(part for part in str(rows["categories"].iloc[0]).split(";") if part)


def categories_label(categories: Sequence[str]) -> str:
    """Danish words for the categories added up: ``job eller uddannelse`` …"""
    words = {JOB: "job", EDUCATION: "uddannelse", FLEXJOB: "fleksjob"}
    ordered = [c for c in (JOB, FLEXJOB, EDUCATION) if c in categories]
    ordered += [c for c in categories if c not in ordered]
    return or_list([words.get(c, c.lower()) for c in ordered])


def status_stack(status: pd.DataFrame, target_group: str, areas: Sequence[str]) -> pd.DataFrame:
    """One target group's status categories per area, filled up to 100 %.

    The source tables only show some categories, so each area's bar gets a last
    part ``REMAINDER`` = 100 − the sum shown. Suppressed values (``.``) are left
    out. Returns ``area``, ``category``, ``value`` and ``order`` (drawing order).
    """
    block = status[status["target_group"] == target_group]
    if block.empty:
        raise ValueError(f"Målgruppen '{target_group}' findes ikke i data.")
    present, _ = areas_in_table(block, areas)
    categories = list(dict.fromkeys(block["category"]))
    rows = []
    for area in present:
        own = block[block["area"] == area].set_index("category")["value"]
        for position, category in enumerate(categories):
            value = own.get(category, math.nan)
            if not pd.isna(value):
                rows.append({"area": area, "category": category, "value": value, "order": position})
        remainder = round(100 - float(own.sum(skipna=True)), 1)
        rows.append(
            {
                "area": area,
                "category": REMAINDER,
                "value": max(remainder, 0.0),
                "order": len(categories),
            }
        )
    return pd.DataFrame(rows, columns=["area", "category", "value", "order"])


def status_target_groups(status: pd.DataFrame) -> list[str]:
    """The target groups of the status tables, in source order."""
    return list(dict.fromkeys(status["target_group"]))


def status_category_order(status: pd.DataFrame) -> list[str]:
    """All status categories in the order the source tables use, then the remainder."""
    return [*dict.fromkeys(status["category"]), REMAINDER]


def status_shares(
    status: pd.DataFrame, published: pd.DataFrame, areas: Sequence[str]
) -> pd.DataFrame:
    """Per target group and area: the computed share to job and education (and
    flexjob where the document counts it) beside the document's statement.

    Returns ``target_group``, ``area``, ``categories`` (Danish words), ``share``,
    ``published``, ``statement`` and ``difference`` (computed − published).
    """
    present, _ = areas_in_table(status, areas)
    rows = []
    for target_group in dict.fromkeys(status["target_group"]):
        categories = status_categories(published, target_group)
        block = status[(status["target_group"] == target_group) & status["area"].isin(present)]
        shares = share_ended_to(block, categories).set_index("area")["share"]
        said = published[published["target_group"] == target_group].set_index("area")
        for area in present:
            if area not in shares.index:
                continue
            share = round(float(shares[area]), 6)
            has_statement = area in said.index
            published_value = float(said.loc[area, "value"]) if has_statement else math.nan
            rows.append(
                {
                    "target_group": target_group,
                    "area": area,
                    "categories": categories_label(categories),
                    "share": share,
                    "published": published_value,
                    "statement": str(said.loc[area, "statement"]) if has_statement else "",
                    "difference": round(share - published_value, 6),
                }
            )
    return pd.DataFrame(rows)


def share_method_note(shares: pd.DataFrame) -> str:
    """How the shares were added up, per target group, as the document does it."""
    by_categories: dict[str, list[str]] = {}
    for target_group, categories in shares.drop_duplicates("target_group")[
        ["target_group", "categories"]
    ].itertuples(index=False):
        by_categories.setdefault(str(categories), []).append(str(target_group).lower())
    parts = [f"{words} for {and_list(groups)}" for words, groups in by_categories.items()]
    return (
        "Søjlerne er beregnet ud fra tabellerne »Status 1 måned efter afsluttet forløb« "
        "(siden Benchmark) og lægger de samme statuskategorier "
        f"sammen som dokumentet: {'; '.join(parts)}. Den sorte streg er tallet i "
        "dokumentets egne udsagn."
    )


def status_sentences(shares: pd.DataFrame, reference: str) -> list[str]:
    """Per target group: Hedensted's share vs the reference's, and the document's words."""
    sentences = []
    for target_group, block in shares.groupby("target_group", sort=False):
        rows = block.set_index("area")
        if HEDENSTED not in rows.index:
            continue
        own = rows.loc[HEDENSTED]  # one row per area: its cells are scalars
        share = cast(float, own["share"])
        sentence = (
            f"**{target_group}**: {format_percent(share)} af Hedensteds afsluttede "
            f"forløb endte i {own['categories']}"
        )
        if reference in rows.index:
            other = cast(float, rows.loc[reference, "share"])
            sentence += (
                f" mod {format_percent(other)} i {reference} ({format_points(share - other)})"
            )
        sentence += "."
        if own["statement"]:
            sentence += f" Dokumentet skriver »{own['statement']}«."
        sentences.append(sentence)
    return sentences
