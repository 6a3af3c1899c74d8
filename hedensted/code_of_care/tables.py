"""The Code of Care timeline as Danish tables for display and Excel export."""

from __future__ import annotations

import pandas as pd

from hedensted.code_of_care.formatting import document_with_date
from hedensted.present.tables import display_table

TIMELINE_HEADINGS = {
    "series": "Serie",
    "value_text": "Antal",
    "period_text": "Tidspunkt",
    "document": "Dokument",
    "source_table": "Afsnit i kilden",
    "measure": "Opgørelse (som i kilden)",
}
TIMELINE_EXPORT_HEADINGS = {
    "series": "Serie",
    "qualifier": "Tilnærmelse",
    "value": "Antal",
    "value_text": "Antal som i kilden",
    "period_text": "Tidspunkt",
    "document": "Dokument",
    "source_table": "Afsnit i kilden",
    "measure": "Opgørelse (som i kilden)",
}


def timeline_display(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline as a Danish text table (the value with its qualifier)."""
    documents = [
        document_with_date(d, t)
        for d, t in zip(timeline["document"], timeline["document_date"], strict=True)
    ]
    return display_table(timeline.assign(document=documents), TIMELINE_HEADINGS)


def timeline_export(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline for Excel: the qualifier stands before the number it qualifies."""
    columns = TIMELINE_EXPORT_HEADINGS
    return timeline[list(columns)].rename(columns=columns).reset_index(drop=True)
