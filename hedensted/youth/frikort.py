"""The investment project "Unge i job med Socialt Frikort": description, baselines, targets."""

from __future__ import annotations

import pandas as pd

from hedensted.core.periods import period_label
from hedensted.present.formatting import MISSING_TEXT, format_number

FRIKORT_PROJECT_ID = "socialt_frikort"
FRIKORT_LINE_MARK = "Social Frikort"  # how the target-number lines spell the project


def project_description(projects: pd.DataFrame, project_id: str = FRIKORT_PROJECT_ID) -> dict:
    """One project's name, target group, purpose and focus areas."""
    rows = projects[projects["project_id"] == project_id]
    if rows.empty:
        raise ValueError(f"Projektet '{project_id}' findes ikke i tabellen.")
    return rows.iloc[0].to_dict()


def frikort_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """The Socialt Frikort status form: indicators with baseline and (empty) targets.

    Adds ``baseline_label`` (the baseline's month, e.g. ``jan. 2024``).
    """
    rows = indicators[indicators["project_id"] == FRIKORT_PROJECT_ID].copy()
    if rows.empty:
        raise ValueError("Statusskemaet for Socialt Frikort findes ikke i tabellen.")
    rows["baseline_label"] = [
        period_label(code) if code else MISSING_TEXT for code in rows["baseline_date"]
    ]
    return rows.reset_index(drop=True)


def frikort_baselines(indicators: pd.DataFrame) -> pd.DataFrame:
    """Only the Socialt Frikort indicators that have a baseline figure."""
    rows = frikort_indicators(indicators)
    return rows[rows["baseline_value"].notna()].reset_index(drop=True)


def frikort_targets_empty(indicators: pd.DataFrame) -> bool:
    """True when the Socialt Frikort form has no target filled in (as in the source)."""
    rows = frikort_indicators(indicators)
    targets = rows[["target_2024_08", "target_2025_01", "target_2026_01"]]
    return bool(targets.isna().all().all())


def frikort_target_lines(target_numbers: pd.DataFrame) -> pd.DataFrame:
    """Lines of the investments' target numbers (full-time persons) for Socialt Frikort."""
    lines = target_numbers[
        target_numbers["line"].str.contains(FRIKORT_LINE_MARK, case=False, regex=False)
    ]
    if lines.empty:
        raise ValueError("Måltallene har ingen linjer for Socialt Frikort.")
    return lines.reset_index(drop=True)


def frikort_target_texts(lines: pd.DataFrame) -> list[str]:
    """``Kontanthjælp og uddannelseshjælp (»…«): +10 fuldtidspersoner`` per line."""
    return [
        f"{row['section']} (»{row['line']}«): "
        f"{format_number(row['value'], signed=True)} fuldtidspersoner"
        for _, row in lines.iterrows()
    ]
