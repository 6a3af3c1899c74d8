"""Target numbers (måltal) after the investment projects' effects."""

from __future__ import annotations

import pandas as pd

TOTAL_LINE_TYPE = "total"


def target_totals(maaltal: pd.DataFrame) -> pd.DataFrame:
    """Per section: the published total next to base + every adjustment.

    ``maaltal`` is tidy with ``section``, ``line``, ``line_type`` and ``value``
    (full-time persons); rows of ``line_type == "total"`` are the published
    totals. Returns ``section``, ``computed_total``, ``published_total`` and
    ``difference`` (published − computed).

    Raises ``ValueError`` when a section has no published total or more than one.
    """
    rows = []
    for section, block in maaltal.groupby("section", sort=False):
        totals = block[block["line_type"] == TOTAL_LINE_TYPE]
        if len(totals) != 1:
            raise ValueError(
                f"Afsnittet '{section}' skal have netop én totallinje, men har {len(totals)}."
            )
        parts = block[block["line_type"] != TOTAL_LINE_TYPE]
        computed = float(parts["value"].sum())
        published = float(totals["value"].iloc[0])
        rows.append(
            {
                "section": section,
                "total_line": totals["line"].iloc[0],
                "computed_total": computed,
                "published_total": published,
                "difference": published - computed,
                "investment_effect": float(
                    parts.loc[parts["line_type"] == "investering", "value"].sum()
                ),
            }
        )
    return pd.DataFrame(rows)
