"""The Code of Care timeline and goals as Danish tables for display and Excel export."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from hedensted.code_of_care.assessment import GoalAssessment
from hedensted.code_of_care.formatting import document_with_date, format_target
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


def goals_display(assessments: Sequence[GoalAssessment]) -> pd.DataFrame:
    """The goals as a Danish text table: goal, target, deadline, later figures, verdict."""
    return pd.DataFrame(
        {
            "Mål (som skrevet)": [a.goal for a in assessments],
            "Måltal": [
                format_target(a.target_value, a.target_unit, a.comparator) for a in assessments
            ],
            "Frist": [a.deadline_text for a in assessments],
            "Senere tal i kilderne": [a.later_figures for a in assessments],
            "Senest målt": [a.status_text for a in assessments],
        }
    )


def goals_export(assessments: Sequence[GoalAssessment]) -> pd.DataFrame:
    """The goals for Excel, with the target as a number and the full explanation."""
    return pd.DataFrame(
        {
            "Mål (som skrevet)": [a.goal for a in assessments],
            "Måltal": [a.target_value for a in assessments],
            "Målenhed": [a.target_unit for a in assessments],
            "Type af mål": [a.comparator for a in assessments],
            "Frist": [a.deadline_text for a in assessments],
            "Senere tal i kilderne": [a.later_figures for a in assessments],
            "Senest målt": [a.status_text for a in assessments],
            "Hvad kan konkluderes": [a.explanation for a in assessments],
            "Sted i kilden": [a.source_item for a in assessments],
        }
    )
