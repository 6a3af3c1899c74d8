"""Where the people in a target group came from: their previous target group
(Benchmark section 7), with the document's own remark on »Ingen«."""

from __future__ import annotations

import re

import pandas as pd

from hedensted.present.formatting import (
    format_number,
    format_percent,
)

NONE_CATEGORY = "Ingen"


def migrations(frame: pd.DataFrame) -> pd.DataFrame:
    """Courses created per target group by previous target group, largest first.

    Adds ``share`` (pct. of the target group's courses, computed), ``total`` and
    ``is_none`` (the category »Ingen«).
    """
    result = frame[["target_group", "previous_target_group", "value"]].copy()
    result["total"] = result.groupby("target_group", sort=False)["value"].transform("sum")
    result["share"] = result["value"] / result["total"] * 100
    result["is_none"] = result["previous_target_group"] == NONE_CATEGORY
    groups = {g: i for i, g in enumerate(dict.fromkeys(result["target_group"]))}
    result["_group"] = result["target_group"].map(groups)
    result = result.sort_values(
        ["_group", "value", "previous_target_group"], ascending=[True, False, True]
    )
    return result.drop(columns="_group").reset_index(drop=True)


def migration_blocks(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """``migrations`` split per target group, in source order."""
    return [
        (str(target_group), block.reset_index(drop=True))
        for target_group, block in frame.groupby("target_group", sort=False)
    ]


def document_quote(notes: str, starts_with: str) -> str | None:
    """A quotation »…« from a dataset's notes that starts with ``starts_with``."""
    match = re.search(r"»(" + re.escape(starts_with) + r"[^«]*)«", notes)
    return match.group(1) if match else None


def migration_sentence(block: pd.DataFrame, none_meaning: str | None) -> str:
    """For one target group: the largest previous group and the share with »Ingen«."""
    target_group = str(block["target_group"].iloc[0])
    total = float(block["total"].iloc[0])
    top = block.iloc[0]
    sentence = f"**{target_group}**: {format_number(total)} forløb oprettet."
    if bool(top["is_none"]):
        sentence += (
            f" Flest ({format_number(top['value'])}, {format_percent(top['share'])}) havde "
            f"forrige målgruppe »{NONE_CATEGORY}«."
        )
    else:
        sentence += (
            f" Flest kom fra »{top['previous_target_group']}« "
            f"({format_number(top['value'])}, {format_percent(top['share'])})."
        )
        none_rows = block[block["is_none"]]
        if not none_rows.empty:
            none_row = none_rows.iloc[0]
            sentence += (
                f" {format_number(none_row['value'])} ({format_percent(none_row['share'])}) "
                f"havde forrige målgruppe »{NONE_CATEGORY}«."
            )
    if none_meaning and block["is_none"].any():
        sentence += f" Dokumentet bemærker: »{none_meaning}«."
    return sentence
