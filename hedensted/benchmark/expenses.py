"""What a difference in public expenses per person in the labour force is worth."""

from __future__ import annotations

import pandas as pd

from hedensted.core.compare import compare_to_reference


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
