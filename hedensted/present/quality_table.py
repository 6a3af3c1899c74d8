"""The data-quality report and the spelling variants as Danish display tables."""

from __future__ import annotations

import pandas as pd

from hedensted.present.formatting import format_compact
from hedensted.present.tables import display_table

KEPT = "som i kilden"  # a spelling the dashboard shows as published


def quality_display_table(report: pd.DataFrame) -> pd.DataFrame:
    """Danish headings and formatted numbers for the quality report."""
    return display_table(
        report,
        {
            "dataset_title": "Datasæt",
            "group": "Del af tabellen",
            "total_label": "Total",
            "published_total": "Offentliggjort total",
            "sum_of_parts": "Sum af delene",
            "difference": "Forskel",
            "explanation": "Forklaring",
        },
        {
            "published_total": format_compact,
            "sum_of_parts": format_compact,
            "difference": format_compact,
        },
    )


def spelling_display_table(report: pd.DataFrame) -> pd.DataFrame:
    """Danish headings for the spellings (``hedensted.core.quality.spelling_report``);
    a spelling kept as published says so."""
    return display_table(
        report,
        {
            "dataset_title": "Datasæt",
            "in_source": "Stavet i kilden",
            "shown_as": "Vist i dashboardet som",
            "note": "Bemærkning",
        },
        {"shown_as": lambda text: str(text) if text else KEPT, "note": lambda t: str(t or "")},
    )
