"""The goal timeline: one dot per goal at its deadline, stacked, coloured by status."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hedensted.goals.register import STATUS_ORDER, GoalStatus
from hedensted.present.charts import FIT_WIDTH, NEGATIVE_COLOR, POSITIVE_COLOR

STATUS_COLORS = {
    GoalStatus.MET: POSITIVE_COLOR,
    GoalStatus.PARTLY: "#e0a21e",
    GoalStatus.NOT_MET: NEGATIVE_COLOR,
    GoalStatus.UNKNOWN: "#b8c4ce",
}
DOT_STEP = 13  # pixels per stacked goal


def goals_timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """Goals by deadline (x, in time order) stacked per deadline (y), coloured by status.

    ``timeline`` is :func:`hedensted.goals.text.timeline_frame`. Raises
    ``ValueError`` for an empty frame (the page says so in words instead).
    """
    if timeline.empty:
        raise ValueError("Ingen mål med frist at vise.")
    tallest = int(timeline["stack"].max())
    deadlines = list(dict.fromkeys(timeline["when"]))  # in deadline order
    return (
        alt.Chart(timeline, height=max(tallest, 8) * DOT_STEP + 20, autosize=FIT_WIDTH)
        .mark_circle(size=95, opacity=1, stroke="white", strokeWidth=0.8)
        .encode(
            x=alt.X(
                "when:N",
                title="Frist",
                sort=deadlines,
                axis=alt.Axis(labelAngle=0, labelLimit=120),
            ),
            y=alt.Y(
                "stack:Q",
                title="Mål med samme frist",
                scale=alt.Scale(domain=[0, tallest + 1], nice=False),
                axis=alt.Axis(tickMinStep=5, format="d"),
            ),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(
                    domain=[s.value for s in STATUS_ORDER],
                    range=[STATUS_COLORS[s] for s in STATUS_ORDER],
                ),
            ),
            tooltip=[
                alt.Tooltip("goal:N", title="Mål"),
                alt.Tooltip("theme:N", title="Tema"),
                alt.Tooltip("deadline:N", title="Frist"),
                alt.Tooltip("target:N", title="Måltal"),
                alt.Tooltip("actual:N", title="Senere tal"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("source:N", title="Kilde"),
            ],
        )
    )
