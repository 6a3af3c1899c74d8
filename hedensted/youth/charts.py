"""Chart builders for the "Unge" page, in the dashboard's Altair theme.

Counts are drawn as labelled horizontal bars (the number is written at the end
of each bar, Danish-formatted through the theme's locale); area comparisons use
the stable area colours of :mod:`hedensted.present.charts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import altair as alt
import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.quality import without_totals
from hedensted.present.charts import (
    AXIS_FORMAT,
    FIT_WIDTH,
    HEDENSTED_COLOR,
    TICK_COUNT,
    area_color_scale,
    grouped_bars,
    number_format,
)
from hedensted.youth.comparison import DURATION_GROUPS

ROW_STEP = 30  # pixels per bar in single-series bar charts
LABEL_LIMIT = 320

ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)


def fit_width(chart: ChartT) -> ChartT:
    """Fit the chart to the container's width only; its height stays as built."""
    return chart.properties(autosize=FIT_WIDTH)


def value_axis(title: str) -> alt.X:
    """The quantitative x axis with Danish number format and a readable tick count."""
    return alt.X("value:Q", title=title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICK_COUNT))


def _require(frame: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"Figuren mangler kolonnerne {missing}.")


def count_bars(
    frame: pd.DataFrame,
    category: str,
    category_title: str,
    value_title: str,
    decimals: int | None = 0,
    category_order: Sequence[str] | None = None,
) -> alt.LayerChart:
    """Horizontal bars of one value per category, with the value written at each bar."""
    _require(frame, [category, "value"])
    fmt = number_format(decimals)
    order = list(category_order) if category_order else list(dict.fromkeys(frame[category]))
    base = alt.Chart(frame, height=max(len(order), 1) * ROW_STEP + 20).encode(
        y=alt.Y(
            f"{category}:N",
            title=category_title,
            sort=order,
            axis=alt.Axis(labelLimit=LABEL_LIMIT),
        ),
        x=value_axis(value_title),
        tooltip=[
            alt.Tooltip(f"{category}:N", title=category_title),
            alt.Tooltip("value:Q", title=value_title, format=fmt),
        ],
    )
    bars = base.mark_bar(color=HEDENSTED_COLOR)
    labels = base.mark_text(align="left", dx=4, fontSize=13, color="#1f2933").encode(
        text=alt.Text("value:Q", format=fmt)
    )
    return fit_width(bars + labels)


def area_value_bars(
    frame: pd.DataFrame,
    value_title: str,
    decimals: int | None = 1,
    area_order: Sequence[str] | None = None,
) -> alt.LayerChart:
    """One labelled bar per area (Hedensted in its colour), e.g. a share of the labour force."""
    _require(frame, ["area", "value"])
    fmt = number_format(decimals)
    areas = list(area_order or dict.fromkeys(frame["area"]))
    base = alt.Chart(frame, height=max(len(areas), 1) * ROW_STEP + 20).encode(
        y=alt.Y("area:N", title="Område", sort=areas, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=value_axis(value_title),
        tooltip=[
            alt.Tooltip("area:N", title="Område"),
            alt.Tooltip("value:Q", title=value_title, format=fmt),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("area:N", scale=area_color_scale(areas), legend=None)
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color="#1f2933").encode(
        text=alt.Text("value:Q", format=fmt)
    )
    return fit_width(bars + labels)


# --- the page's charts: each dataset's bars with their Danish titles ----------------------


def under_18_chart(dataset: Dataset) -> alt.LayerChart:
    """Completed courses of young people under 18, one labelled bar per offer type."""
    return count_bars(
        without_totals(dataset),
        category="offer_type",
        category_title="Tilbudstype",
        value_title="Antal",
        decimals=dataset.metadata.decimals,
    )


def apprentice_ages_chart(dataset: Dataset) -> alt.LayerChart:
    """Adult apprentices, one labelled bar per age group."""
    return count_bars(
        without_totals(dataset),
        category="age_group",
        category_title="Alder",
        value_title="Antal i voksenlære",
        decimals=dataset.metadata.decimals,
    )


def status_chart(
    rows: pd.DataFrame,
    decimals: int | None,
    area_order: Sequence[str],
    category_order: Sequence[str],
) -> alt.Chart:
    """Status one month after a completed course on education benefit, per area."""
    return grouped_bars(
        rows,
        category="category",
        category_title="Status 1 måned efter",
        value_title="Pct. af afsluttede forløb",
        decimals=decimals,
        area_order=area_order,
        category_order=category_order,
    )


def duration_chart(
    rows: pd.DataFrame, unit: str, decimals: int | None, area_order: Sequence[str]
) -> alt.Chart:
    """Average duration of completed courses per target group and area, in ``unit``."""
    return grouped_bars(
        rows,
        category="target_group",
        category_title="Målgruppe",
        value_title=f"Gennemsnitlig varighed ({unit})",
        decimals=decimals,
        area_order=area_order,
        category_order=list(DURATION_GROUPS),
    )


def fulltime_chart(
    rows: pd.DataFrame, decimals: int | None, area_order: Sequence[str]
) -> alt.LayerChart:
    """Full-time persons on education benefit as a share of the labour force, per area."""
    return area_value_bars(
        rows,
        value_title="Pct. af arbejdsstyrken 16-66 år",
        decimals=decimals,
        area_order=area_order,
    )
