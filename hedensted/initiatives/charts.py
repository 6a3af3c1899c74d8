"""Charts of the initiatives' figures, in the dashboard's Altair theme.

Counts are horizontal bars with the number written at each bar. Category labels
wrap (``labelLimit`` is wide, and long names are split into lines before drawing),
so nothing is cut with "…".
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from hedensted.present.charts import AXIS_FORMAT, FIT_WIDTH, HEDENSTED_COLOR, number_format

ROW_STEP = 34
LABEL_WIDTH = 28  # characters per line of a category label
UNITEMISED_COLOR = "#8a96a3"  # grey: a part the source does not itemise
# Outcomes of ended courses, colour-blind-safe (Okabe–Ito), job first.
OUTCOME_COLORS = {
    "Ordinært arbejde": "#0072B2",
    "SU under ordinær uddannelse": "#009E73",
    "Forsørget af ægtefælle": "#E69F00",
    "S&H-ydelse": "#8a96a3",
    "Udvandret": "#CC79A7",
}


def wrapped(label: str, width: int = LABEL_WIDTH) -> list[str]:
    """A category label as lines (Vega-Lite draws a list of strings as several lines)."""
    return textwrap.wrap(label, width) or [label]


def _label_axis(title: str | None) -> alt.Axis:
    return alt.Axis(title=title, labelLimit=0, labelExpr="split(datum.label, '|')", labelPadding=6)


def _joined(label: str) -> str:
    return "|".join(wrapped(label))


def status_bars(frame: pd.DataFrame, value_title: str) -> alt.LayerChart:
    """Participants by status (``status``, ``value``, ``itemised``): the part the source
    does not itemise in grey and named in the legend."""
    for column in ("status", "value", "itemised"):
        if column not in frame.columns:
            raise ValueError(f"Figuren mangler kolonnen »{column}«.")
    data = frame.assign(
        label=frame["status"].map(_joined),
        kind=frame["itemised"].map({True: "Opgjort i kilden", False: "Ikke fordelt i kilden"}),
    )
    order = list(data["label"])
    base = alt.Chart(data, height=len(order) * ROW_STEP + 10).encode(
        y=alt.Y("label:N", sort=order, axis=_label_axis(None)),
        x=alt.X("value:Q", title=value_title, axis=alt.Axis(format=AXIS_FORMAT, tickMinStep=1)),
        tooltip=[
            alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("value:Q", title=value_title, format=number_format(0)),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(
                domain=["Opgjort i kilden", "Ikke fordelt i kilden"],
                range=[HEDENSTED_COLOR, UNITEMISED_COLOR],
            ),
            legend=alt.Legend(orient="top", direction="horizontal"),
        )
    )
    labels = base.mark_text(align="left", dx=4, color="#1f2933").encode(
        text=alt.Text("value:Q", format=number_format(0))
    )
    return (bars + labels).properties(autosize=FIT_WIDTH)


def outcome_bars(frame: pd.DataFrame) -> alt.Chart:
    """Each sub-project's ended courses stacked by outcome (``project``, ``outcome``,
    ``value``); at most five colours, the legend on top in rows."""
    for column in ("project", "outcome", "value"):
        if column not in frame.columns:
            raise ValueError(f"Figuren mangler kolonnen »{column}«.")
    outcomes = [o for o in OUTCOME_COLORS if o in set(frame["outcome"])]
    data = frame.assign(
        label=frame["project"].map(_joined),
        order=frame["outcome"].map({o: i for i, o in enumerate(outcomes)}),
    )
    projects = list(dict.fromkeys(data["label"]))
    return (
        alt.Chart(data, height=len(projects) * (ROW_STEP + 14) + 10)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=projects, axis=_label_axis(None)),
            x=alt.X(
                "sum(value):Q",
                title="Afsluttede forløb",
                axis=alt.Axis(format=AXIS_FORMAT, tickMinStep=1),
            ),
            color=alt.Color(
                "outcome:N",
                title="Gået til",
                scale=alt.Scale(domain=outcomes, range=[OUTCOME_COLORS[o] for o in outcomes]),
                legend=alt.Legend(orient="top", columns=3, labelLimit=0),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("project:N", title="Underprojekt"),
                alt.Tooltip("outcome:N", title="Gået til"),
                alt.Tooltip("value:Q", title="Forløb", format=number_format(0)),
            ],
        )
        .properties(autosize=FIT_WIDTH)
    )


def year_bars(frame: pd.DataFrame, value_title: str) -> alt.LayerChart:
    """One labelled bar per year (``year``, ``value``)."""
    base = alt.Chart(frame, height=len(frame) * ROW_STEP + 10).encode(
        y=alt.Y("year:N", title=None, sort=list(frame["year"])),
        x=alt.X("value:Q", title=value_title, axis=alt.Axis(format=AXIS_FORMAT, tickMinStep=1)),
        tooltip=[
            alt.Tooltip("year:N", title="År"),
            alt.Tooltip("value:Q", title=value_title, format=number_format(0)),
        ],
    )
    bars = base.mark_bar(color=HEDENSTED_COLOR)
    labels = base.mark_text(align="left", dx=4, color="#1f2933").encode(
        text=alt.Text("value:Q", format=number_format(0))
    )
    return (bars + labels).properties(autosize=FIT_WIDTH)
