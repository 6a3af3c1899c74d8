"""Published totals next to the sum of their parts, and the source's footnotes."""

from __future__ import annotations

import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.quality import TotalDifference, total_differences
from hedensted.present.formatting import format_compact


def total_and_parts(dataset: Dataset) -> TotalDifference:
    """The dataset's (single) published total next to the sum of its parts.

    Raises ``ValueError`` if the dataset declares no total or has no total row.
    """
    differences = total_differences(dataset)
    if not differences:
        raise ValueError(f"Datasættet '{dataset.id}' har ingen offentliggjort total.")
    return differences[0]


def total_sentence(item: TotalDifference, parts_name: str) -> str:
    """``»Tilbud i alt« er offentliggjort som 141; tilbudstyperne summer til 140.``"""
    published = format_compact(item.published_total)
    summed = format_compact(item.sum_of_parts)
    if not item.differs:
        return f"»{item.total_label}« er {published}, lig med summen af {parts_name}."
    return (
        f"»{item.total_label}« er offentliggjort som {published}, men {parts_name} summer "
        f"til {summed} (forskel {format_compact(item.difference)}). Begge tal vises som "
        "offentliggjort."
    )


def footnotes(frame: pd.DataFrame, label_column: str, note_column: str = "note") -> list[str]:
    """``»Tilbud uden for LAB«: Fx …`` for every row with a footnote in the source."""
    rows = frame[frame[note_column].fillna("").astype(str).str.strip() != ""]
    return [f"»{row[label_column]}«: {row[note_column]}" for _, row in rows.iterrows()]


def largest_parts_headline(dataset: Dataset, category: str, opening: str) -> str:
    """A slide's message: the two largest parts (the published total left out).

    »Flest voksenlærlinge er 30-39 år (36), dernæst 25-29 år (23).« ``opening`` comes
    before the largest part. Raises ``ValueError`` for fewer than two parts.
    """
    item = total_and_parts(dataset)
    parts = dataset.frame[dataset.frame[category] != item.total_label].dropna(subset=["value"])
    if len(parts) < 2:
        raise ValueError(f"Datasættet '{dataset.id}' har færre end to dele at sammenligne.")
    first, second = (row for _, row in parts.nlargest(2, "value", keep="first").iterrows())
    return (
        f"{opening} {first[category]} ({format_compact(first['value'])}), "
        f"dernæst {second[category]} ({format_compact(second['value'])})."
    )
