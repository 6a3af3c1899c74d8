"""Altair charts for the Code of Care page (the growth of the network, paid hours).

They use the dashboard theme from :mod:`hedensted.present.charts` (Danish locale). Every
number drawn as text is formatted by Babel in the :mod:`hedensted.code_of_care` package, so an
approximate count is drawn as ``næsten 70``, never as ``70``.
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from hedensted.code_of_care.formatting import document_with_date
from hedensted.code_of_care.paid_hours import PAID_HOURS_AREAS, paid_hours_chart_frame
from hedensted.code_of_care.timeline import (
    NETWORK,
    NETWORK_GOAL,
    NEW_COMPANIES_GOAL,
    PARTNERS,
    SERIES_ORDER,
)
from hedensted.present.charts import (
    AXIS_FORMAT,
    CATEGORICAL_COLORS,
    HEDENSTED_COLOR,
    area_color_scale,
    number_format,
)

SERIES_COLORS = {
    NETWORK: HEDENSTED_COLOR,
    NETWORK_GOAL: CATEGORICAL_COLORS[1],
    NEW_COMPANIES_GOAL: CATEGORICAL_COLORS[7],
    PARTNERS: CATEGORICAL_COLORS[3],
}
SERIES_SHAPES = {
    NETWORK: "circle",
    NETWORK_GOAL: "diamond",
    NEW_COMPANIES_GOAL: "triangle-up",
    PARTNERS: "square",
}
POINT_SIZE = 170
GROWTH_HEIGHT = 400
PAID_HOURS_BAR = 34  # pixels per bar (bar and gap)


def _growth_tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("series:N", title="Serie"),
        alt.Tooltip("value_text:N", title="Antal"),
        alt.Tooltip("period_text:N", title="Tidspunkt"),
        alt.Tooltip("source:N", title="Dokument"),
        alt.Tooltip("source_table:N", title="Afsnit"),
        alt.Tooltip("measure:N", title="Opgørelse (som i kilden)"),
    ]


def network_growth_chart(
    timeline: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> alt.LayerChart:
    """Every count of companies over time: counts as dots, goals as dashed target lines.

    An approximate count (``approximate``) is a hollow dot labelled with its
    qualifier ("næsten 70"). ``start``/``end`` fix the time axis (the period
    filter). Count labels are drawn right of their point, or left of it in the
    last year shown so they stay inside the chart; a goal's label sits above its
    target line.
    """
    if start > end:
        raise ValueError("Tidsaksen begynder efter den slutter.")
    frame = timeline.copy()
    frame["source"] = [
        document_with_date(d, t)
        for d, t in zip(frame["document"], frame["document_date"], strict=True)
    ]
    frame["left_label"] = frame["day"].dt.year >= end.year
    present = [s for s in SERIES_ORDER if s in set(frame["series"])]
    top = float(frame["value"].max()) if not frame.empty else 10.0
    y_max = max(10, math.ceil(top * 1.2 / 10) * 10)

    x = alt.X(
        "day:T",
        title=None,
        scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]),
        axis=alt.Axis(format="%Y", tickCount="year", grid=False, labelFontSize=13),
    )
    y = alt.Y(
        "value:Q",
        title="Antal virksomheder",
        scale=alt.Scale(domain=[0, y_max]),
        axis=alt.Axis(format=AXIS_FORMAT),
    )
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=present, range=[SERIES_COLORS[s] for s in present]),
        legend=alt.Legend(orient="bottom", columns=2, symbolStrokeWidth=2, labelLimit=400),
    )
    shape = alt.Shape(
        "series:N",
        title=None,
        scale=alt.Scale(domain=present, range=[SERIES_SHAPES[s] for s in present]),
    )
    base = alt.Chart(frame)
    goals = base.transform_filter(alt.datum.kind == "mål")
    target_lines = goals.mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(
        x=x, x2="start_day:T", y=y, color=color, tooltip=_growth_tooltip()
    )
    exact = (
        base.transform_filter(~alt.datum.approximate)
        .mark_point(filled=True, size=POINT_SIZE, opacity=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=_growth_tooltip())
    )
    approximate = (
        base.transform_filter(alt.datum.approximate)
        .mark_point(filled=False, size=POINT_SIZE, strokeWidth=2.5, opacity=1)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=_growth_tooltip())
    )
    text: dict[str, Any] = {"fontSize": 13, "baseline": "middle"}
    counts = base.transform_filter(alt.datum.kind != "mål")
    labels_right = (
        counts.transform_filter(~alt.datum.left_label)
        .mark_text(align="left", dx=11, **text)
        .encode(x=x, y=y, text="label:N", color=color, tooltip=_growth_tooltip())
    )
    labels_left = (
        counts.transform_filter(alt.datum.left_label)
        .mark_text(align="right", dx=-11, **text)
        .encode(x=x, y=y, text="label:N", color=color, tooltip=_growth_tooltip())
    )
    # A goal's label sits above its target line, ending at the deadline.
    goal_labels = goals.mark_text(align="right", dy=-13, **text).encode(
        x=x, y=y, text="label:N", color=color, tooltip=_growth_tooltip()
    )
    return (
        alt.layer(target_lines, exact, approximate, labels_right, labels_left, goal_labels)
        .resolve_scale(color="shared", shape="shared")
        .properties(height=GROWTH_HEIGHT)
    )


def paid_hours_chart(frame: pd.DataFrame, area_order: list[str]) -> alt.LayerChart:
    """Share with paid hours per benefit, one bar per area, the value written at the bar.

    ``frame`` comes from :func:`hedensted.code_of_care.paid_hours.paid_hours_chart_frame`.
    """
    benefits = list(dict.fromkeys(frame["benefit"]))
    height = len(benefits) * (len(area_order) + 1) * PAID_HOURS_BAR
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "benefit:N",
            title=None,
            sort=benefits,
            axis=alt.Axis(labelLimit=200, labelFontSize=14),
            scale=alt.Scale(paddingInner=0.2),
        ),
        yOffset=alt.YOffset("area:N", sort=area_order, scale=alt.Scale(paddingInner=0.15)),
        x=alt.X(
            "value:Q",
            title="Andel med lønnede timer (%)",
            axis=alt.Axis(format=AXIS_FORMAT),
            scale=alt.Scale(nice=True, padding=0),
        ),
        tooltip=[
            alt.Tooltip("area:N", title="Område"),
            alt.Tooltip("benefit:N", title="Ydelse"),
            alt.Tooltip("value:Q", title="Andel med lønnede timer (%)", format=number_format(1)),
            alt.Tooltip("period_text:N", title="Periode"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "area:N", title="Område", scale=area_color_scale(area_order), sort=area_order
        )
    )
    labels = base.mark_text(align="left", dx=5, fontSize=13, color="#1f2933").encode(
        text="value_text:N"
    )
    # No facets, so a LayerChart:
    return alt.layer(bars, labels).properties(height=height)  # type: ignore[return-value]


def paid_hours_areas_chart(paid_hours: pd.DataFrame) -> alt.LayerChart:
    """:func:`paid_hours_chart` of the ``loennede_timer_andel`` frame: Hedensted, RAR
    Østjylland and the whole country, in that order."""
    return paid_hours_chart(paid_hours_chart_frame(paid_hours), area_order=list(PAID_HOURS_AREAS))
