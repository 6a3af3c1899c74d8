"""The data-quality report as a Danish display table."""

from __future__ import annotations

import pandas as pd

from hedensted.present.formatting import format_compact
from hedensted.present.tables import display_table


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
