"""Altair charts for the investment projects: one indicator over time, and the måltal."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hedensted.present.charts import (
    AXIS_FORMAT,
    BAR_STEP,
    CATEGORICAL_COLORS,
    HEDENSTED_COLOR,
    number_format,
)

PATH_COLOR = "#7a7a7a"
MILESTONE_COLOR = CATEGORICAL_COLORS[1]
MONTH_FORMAT = "%b %Y"
ENTERED = "Indtastet"
TARGET_PATH = "Målsti"


def _as_timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["month"] = pd.to_datetime(frame["month"])
    return frame


def indicator_chart(
    values: pd.DataFrame,
    path: pd.DataFrame,
    unit: str,
    first_month,
    last_month,
    height: int = 220,
) -> alt.LayerChart:
    """Entered monthly values (line and points) against the target path (dashed).

    ``values`` has ``month`` and ``value``; ``path`` is
    :func:`hedensted.monthly.tracking.target_path_frame` (``month``, ``target``,
    ``point``, ``label``). Milestones and the baseline are marked and labelled.
    The x axis always spans the register period, so an empty chart still shows it.
    """
    fmt = number_format(None)
    value_title = "Pct." if unit == "pct." else unit.capitalize()
    x = alt.X(
        "month:T",
        title=None,
        scale=alt.Scale(domain=[pd.Timestamp(first_month), pd.Timestamp(last_month)]),
        axis=alt.Axis(format=MONTH_FORMAT, labelAngle=0, tickCount=5),
    )
    y_axis = alt.Axis(format=AXIS_FORMAT, title=value_title)
    y_scale = alt.Scale(zero=True, nice=True)
    layers = []
    if not path.empty:
        path = _as_timestamps(path)
        path_line = (
            alt.Chart(path.assign(series=TARGET_PATH))
            .mark_line(strokeDash=[6, 4], color=PATH_COLOR)
            .encode(
                x=x,
                y=alt.Y("target:Q", axis=y_axis, scale=y_scale),
                tooltip=[
                    alt.Tooltip("month:T", title="Måned", format=MONTH_FORMAT),
                    alt.Tooltip("target:Q", title="Målsti", format=",.1f"),
                ],
            )
        )
        marks = path[path["point"] != ""]
        points = (
            alt.Chart(marks)
            .mark_point(shape="diamond", size=90, filled=True, color=MILESTONE_COLOR)
            .encode(
                x=x,
                y=alt.Y("target:Q", axis=y_axis, scale=y_scale),
                tooltip=[
                    alt.Tooltip("label:N", title="Punkt"),
                    alt.Tooltip("month:T", title="Måned", format=MONTH_FORMAT),
                    alt.Tooltip("target:Q", title="Værdi", format=fmt),
                ],
            )
        )
        milestones = marks[marks["point"] == "delmål"]
        rules = (
            alt.Chart(milestones)
            .mark_rule(color=MILESTONE_COLOR, strokeDash=[2, 3], opacity=0.7)
            .encode(x=x)
        )
        labels = (
            alt.Chart(milestones)
            .mark_text(
                align="right", baseline="bottom", dx=-4, y=-4, fontSize=11, color=MILESTONE_COLOR
            )
            .encode(x=x, text="label:N")
        )
        layers += [rules, labels, path_line, points]
    if not values.empty:
        values = _as_timestamps(values)
        entered = alt.Chart(values).encode(
            x=x,
            y=alt.Y("value:Q", axis=y_axis, scale=y_scale),
            tooltip=[
                alt.Tooltip("month:T", title="Måned", format=MONTH_FORMAT),
                alt.Tooltip("value:Q", title=ENTERED, format=fmt),
            ],
        )
        layers += [
            entered.mark_line(color=HEDENSTED_COLOR, strokeWidth=2.5),
            entered.mark_point(color=HEDENSTED_COLOR, filled=True, size=45),
        ]
    if not layers:
        empty = pd.DataFrame({"month": [pd.Timestamp(first_month)], "value": [0.0]})
        layers.append(
            alt.Chart(empty)
            .mark_point(opacity=0)
            .encode(x=x, y=alt.Y("value:Q", axis=y_axis, scale=y_scale))
        )
    # No facets, so a LayerChart:
    return alt.layer(*layers).properties(height=height)  # type: ignore[return-value]


def maaltal_chart(frame: pd.DataFrame, decimals: int = 0) -> alt.Chart:
    """Horizontal bars per benefit block: the base and the computed target number."""
    fmt = number_format(decimals)
    series = list(dict.fromkeys(frame["series"]))
    sections = list(dict.fromkeys(frame["section"]))
    return (
        alt.Chart(frame, height=len(frame) * BAR_STEP * 1.6 + 20)
        .mark_bar()
        .encode(
            y=alt.Y("section:N", title=None, sort=sections, axis=alt.Axis(labelLimit=340)),
            yOffset=alt.YOffset("series:N", sort=series),
            x=alt.X(
                "value:Q",
                title="Fuldtidspersoner",
                axis=alt.Axis(format=AXIS_FORMAT, tickCount=8),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                sort=series,
                scale=alt.Scale(domain=series, range=[PATH_COLOR, HEDENSTED_COLOR]),
                legend=alt.Legend(labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("section:N", title="Ydelse"),
                alt.Tooltip("series:N", title="Tal"),
                alt.Tooltip("value:Q", title="Fuldtidspersoner", format=fmt),
            ],
        )
    )
