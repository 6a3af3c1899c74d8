"""Adult apprentices: the list of their trades and how it relates to the total."""

from __future__ import annotations

import pandas as pd

from hedensted.core.quality import TotalDifference
from hedensted.present.formatting import format_compact, format_number


def trade_list(trades: pd.DataFrame) -> pd.DataFrame:
    """The trades of the apprentices, once each, with how often the list names them.

    Uses the corrected spelling (``trade_clean``), in the order of first mention.
    Returns ``trade``, ``mentions`` and ``spelled_in_source`` (the published
    spellings, where they differ from the corrected one).
    """
    for column in ("trade", "trade_clean", "position"):
        if column not in trades.columns:
            raise ValueError(f"Faglisten mangler kolonnen '{column}'.")
    ordered = trades.sort_values("position", kind="stable")
    rows = []
    for trade, block in ordered.groupby("trade_clean", sort=False):
        published = [t for t in dict.fromkeys(block["trade"]) if t != trade]
        rows.append(
            {
                "trade": trade,
                "mentions": len(block),
                "spelled_in_source": "; ".join(published),
            }
        )
    return pd.DataFrame(rows, columns=["trade", "mentions", "spelled_in_source"])


def trade_lines(trades: pd.DataFrame) -> list[str]:
    """``Bygningsmalerlærling (2 gange)`` for each trade, in the order of first mention."""
    listed = trade_list(trades)
    return [
        f"{row['trade']} ({format_number(row['mentions'])} gange)"
        if row["mentions"] > 1
        else row["trade"]
        for _, row in listed.iterrows()
    ]


def spelling_footnote(trades: pd.DataFrame) -> str | None:
    """A footnote saying that the list's spelling is corrected and where the source's
    spellings are (None if nothing was corrected); »Om data« lists every one."""
    corrected = int((trade_list(trades)["spelled_in_source"] != "").sum())
    if not corrected:
        return None
    return (  # "fag" is both singular and plural
        f"Åbenlyse stavefejl er rettet i {format_number(corrected)} fag; "
        "kildens stavemåder står på siden »Om data«."
    )


def trade_list_note(trades: pd.DataFrame, total: TotalDifference) -> str:
    """Say how the list of trades relates to the number of apprentices."""
    entries = len(trades)
    distinct = trades["trade_clean"].nunique()
    published = format_compact(total.published_total)
    sentence = (
        f"Listen har {format_number(entries)} poster ({format_number(distinct)} forskellige fag)"
    )
    if entries < total.published_total:
        return (
            f"{sentence}, mens der er {published} voksenlærlinge i alt – den er altså ikke "
            "en fuld optælling, og fagene hører ikke til en bestemt aldersgruppe."
        )
    return f"{sentence} for {published} voksenlærlinge i alt."
