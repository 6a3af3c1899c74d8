"""Where people went one month after an ended course ("status efter afsluttet forløb")."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

JOB = "Lønmodtagerbeskæftigelse"
EDUCATION = "Uddannelse"
FLEXJOB = "Fleksjob"
JOB_AND_EDUCATION: tuple[str, ...] = (JOB, EDUCATION)
JOB_EDUCATION_AND_FLEXJOB: tuple[str, ...] = (JOB, EDUCATION, FLEXJOB)


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
