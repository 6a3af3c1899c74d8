"""The Code of Care timeline as Danish tables for display and Excel export."""

from __future__ import annotations

import pandas as pd

from hedensted.code_of_care.formatting import document_with_date
from hedensted.core.periods import period_label
from hedensted.present.formatting import format_percent
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


PAID_HOURS_SHARE = "Andel med lønnede timer (%)"


def paid_hours_tables(paid_hours: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The share with paid hours per target group and area (``loennede_timer_andel``):
    a Danish text table for display and the same rows with numbers for Excel. A value
    the source does not give stays missing (an empty cell, »–« on screen)."""
    required = {"period", "benefit", "area", "value"}
    if not required <= set(paid_hours.columns):
        raise ValueError(f"Tabellen over lønnede timer mangler kolonnerne {sorted(required)}.")
    export = pd.DataFrame(
        {
            "Målgruppe": paid_hours["benefit"].astype(str),
            "Område": paid_hours["area"].astype(str),
            PAID_HOURS_SHARE: paid_hours["value"].astype(float),
            "Periode": [period_label(str(p)) for p in paid_hours["period"]],
        }
    ).reset_index(drop=True)
    shares = [format_percent(None if pd.isna(v) else v) for v in export[PAID_HOURS_SHARE]]
    shown = export.assign(**{PAID_HOURS_SHARE: shares})
    return shown, export
