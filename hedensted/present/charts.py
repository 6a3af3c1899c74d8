"""Altair charts: one Danish theme and the chart builders the pages use.

The theme sets a Danish ``config.locale`` so axes and tooltips read ``22,7``,
``2.993.871`` and ``januar``. Its colours match ``.streamlit/config.toml``
(``chartCategoricalColors``); Hedensted is always drawn in ``HEDENSTED_COLOR``.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from hedensted.core.constants import HEDENSTED

THEME_NAME = "hedensted"
HEDENSTED_COLOR = "#0b4f8a"
# Same order as chartCategoricalColors in .streamlit/config.toml.
CATEGORICAL_COLORS = [
    "#0b4f8a",
    "#e08a1e",
    "#7a7a7a",
    "#3f9c7a",
    "#a15c9e",
    "#c9463d",
    "#5aa0d8",
    "#b5a33a",
]
# Stable colours for the areas the documents compare, so a legend never reshuffles.
AREA_COLORS = {
    HEDENSTED: HEDENSTED_COLOR,
    "RAR Østjylland": "#e08a1e",
    "Hele landet": "#7a7a7a",
    "Skanderborg": "#3f9c7a",
    "Ringkøbing-Skjern": "#a15c9e",
}
OTHER_AREA_COLOR = "#b8c4ce"
POSITIVE_COLOR = "#3f9c7a"
AXIS_FORMAT = ",~f"  # thousands separators, no padded decimals on axis ticks
TICK_COUNT = 8  # a readable number of ticks on wide value axes
# Streamlit fits a chart's *total* height (axes and legend included) into ``height``
# unless the spec says otherwise, which squeezes short charts to nothing. With
# fit-x the width still follows the container, and ``height`` is the plot's own.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
BAR_STEP = 14  # pixels per bar, so many groups stay readable on a shared screen
NEGATIVE_COLOR = "#c9463d"

DANISH_LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", "\u00a0kr."],
        "percent": "\u00a0%",
    },
    "time": {
        "dateTime": "%A den %d. %B %Y %X",
        "date": "%d.%m.%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
        "months": [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "shortMonths": [
            "jan.",
            "feb.",
            "mar.",
            "apr.",
            "maj",
            "jun.",
            "jul.",
            "aug.",
            "sep.",
            "okt.",
            "nov.",
            "dec.",
        ],
    },
}


def theme_config() -> dict:
    """The dashboard's Altair theme (a Vega-Lite top-level config)."""
    font = "'Source Sans Pro', 'Segoe UI', Helvetica, Arial, sans-serif"
    return {
        "config": {
            "locale": DANISH_LOCALE,
            "font": font,
            "range": {"category": CATEGORICAL_COLORS},
            "axis": {"labelFontSize": 13, "titleFontSize": 13, "gridColor": "#e6e9ed"},
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "orient": "bottom"},
            "header": {"labelFontSize": 13, "titleFontSize": 13},
            "title": {"fontSize": 16, "anchor": "start"},
            "view": {"stroke": None},
            "bar": {"cornerRadiusEnd": 2},
        }
    }


@alt.theme.register(THEME_NAME, enable=True)
def _hedensted_theme() -> alt.theme.ThemeConfig:
    return theme_config()  # type: ignore[return-value]  # a plain dict of the same keys as ThemeConfig


def enable_theme() -> None:
    """Make sure the dashboard theme is the active one (idempotent)."""
    if alt.theme.active != THEME_NAME:
        alt.theme.enable(THEME_NAME)


def area_color_scale(areas: Sequence[str]) -> alt.Scale:
    """A colour scale in which every known area keeps its colour."""
    domain = list(dict.fromkeys(areas))
    return alt.Scale(domain=domain, range=[AREA_COLORS.get(a, OTHER_AREA_COLOR) for a in domain])


def number_format(decimals: int | None) -> str:
    """d3 format with thousands separators; fixed decimals, or as published if None."""
    return ",~f" if decimals is None else f",.{decimals}f"


def grouped_bars(
    frame: pd.DataFrame,
    category: str,
    category_title: str,
    value_title: str,
    decimals: int | None = 1,
    area_order: Sequence[str] | None = None,
    category_order: Sequence[str] | None = None,
) -> alt.Chart:
    """Horizontal bars per category, one bar per area, Hedensted highlighted."""
    areas = list(area_order or dict.fromkeys(frame["area"]))
    fmt = number_format(decimals)
    bar_rows = frame[category].nunique() * max(len(areas), 1)
    return (
        alt.Chart(frame, height=bar_rows * BAR_STEP + 20, autosize=FIT_WIDTH)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                title=category_title,
                sort=list(category_order) if category_order else None,
                axis=alt.Axis(labelLimit=260),
            ),
            yOffset=alt.YOffset("area:N", sort=areas),
            x=alt.X(
                "value:Q",
                title=value_title,
                axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICK_COUNT),
            ),
            color=alt.Color("area:N", title="Område", scale=area_color_scale(areas), sort=areas),
            tooltip=[
                alt.Tooltip("area:N", title="Område"),
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip("value:Q", title=value_title, format=fmt),
            ],
        )
    )
