"""The goal timeline: one dot per goal at its deadline on a real time axis, coloured by status;
on a slide, goals per deadline year as stacked bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hedensted.goals.judge import STATUS_ORDER, GoalStatus
from hedensted.present.charts import FIT_WIDTH, NEGATIVE_COLOR, POSITIVE_COLOR

STATUS_COLORS = {
    GoalStatus.MET: POSITIVE_COLOR,
    GoalStatus.PARTLY: "#e0a21e",
    GoalStatus.NOT_MET: NEGATIVE_COLOR,
    GoalStatus.UNDERWAY: "#56b4e9",  # sky blue: told from »opfyldt« by lightness too
    GoalStatus.NOT_ASSESSABLE: "#858f99",  # 3,3:1 against white (WCAG non-text contrast)
}
# A shape per status as well, so the status never rests on colour alone.
STATUS_SHAPES = {
    GoalStatus.MET: "circle",
    GoalStatus.PARTLY: "diamond",
    GoalStatus.NOT_MET: "cross",
    GoalStatus.UNDERWAY: "triangle-right",
    GoalStatus.NOT_ASSESSABLE: "square",
}
DOT_STEP = 9  # pixels per stacked goal


def goals_timeline_chart(timeline: pd.DataFrame, height: int | None = None) -> alt.LayerChart:
    """Goals by deadline on a time axis (years), stacked, coloured and shaped by status.

    ``timeline`` is :func:`hedensted.goals.text.timeline_frame`. A deadline that
    is a span ("2024–2025") is drawn as a line over the span with the dot at its
    end. The axis shows years only, so its labels never overlap. ``height`` fits
    the stacks into that many pixels (a slide); by default each goal gets
    ``DOT_STEP`` pixels. Raises ``ValueError`` for an empty frame (the page says
    so in words instead).
    """
    if timeline.empty:
        raise ValueError("Ingen mål med frist at vise.")
    tallest = int(timeline["stack"].max())
    first_year = int(timeline["start"].min().year)
    last_year = int(timeline["end"].max().year) + 1
    domain = [f"{first_year}-01-01", f"{last_year}-01-01"]
    statuses = [s.value for s in STATUS_ORDER]
    # Year labels sit in the middle of their year; a thin line marks where each year begins,
    # so a deadline at the end of 2017 stands inside the band labelled 2017.
    middles = [f"{year}-07-02" for year in range(first_year, last_year)]
    x = alt.X(
        "end:T",
        title="Frist",
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(values=middles, format="%Y", grid=False, ticks=False, labelOverlap=True),
    )
    y = alt.Y(
        "stack:Q",
        title="Mål med (næsten) samme frist",
        scale=alt.Scale(domain=[0, tallest + 1], nice=False),
        axis=alt.Axis(tickMinStep=5, format="d"),
    )
    color = alt.Color(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=statuses, range=[STATUS_COLORS[s] for s in STATUS_ORDER]),
        legend=alt.Legend(orient="top", direction="horizontal", labelLimit=200),
    )
    shape = alt.Shape(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=statuses, range=[STATUS_SHAPES[s] for s in STATUS_ORDER]),
    )
    tooltip = [
        alt.Tooltip("verdict:N", title="Vurdering"),
        alt.Tooltip("goal:N", title="Mål"),
        alt.Tooltip("theme:N", title="Tema"),
        alt.Tooltip("deadline:N", title="Frist"),
        alt.Tooltip("target:N", title="Måltal"),
        alt.Tooltip("source:N", title="Kilde"),
    ]
    step = min(DOT_STEP, height / (tallest + 1)) if height else DOT_STEP
    size = min(60, max(28, (step * 0.9) ** 2))  # on a slide dots may touch: still seen
    base = alt.Chart(timeline)
    years = pd.DataFrame(
        {"day": pd.to_datetime([f"{y}-01-01" for y in range(first_year, last_year + 1)])}
    )
    year_lines = (
        alt.Chart(years)
        .mark_rule(color="#d5dbe1", strokeWidth=1)
        .encode(x=alt.X("day:T", scale=alt.Scale(domain=domain)))
    )
    spans = (
        base.transform_filter("datum.span")
        .mark_rule(strokeWidth=min(3, step / 3), opacity=0.45)
        .encode(x=alt.X("start:T", scale=alt.Scale(domain=domain)), x2="end:T", y=y, color=color)
    )
    dots = base.mark_point(
        size=size, filled=True, opacity=1, stroke="white", strokeWidth=0.6
    ).encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    return alt.LayerChart(
        layer=[year_lines, spans, dots],
        height=int(max(tallest, 8) * step + 20),
        autosize=FIT_WIDTH,
    )


def goals_by_year_chart(goals: pd.DataFrame, height: int = 300) -> alt.LayerChart:
    """Goals per deadline year (the end of the deadline's period), stacked by status, with
    each year's total above its bar: the slide form of the timeline, read from afar.

    ``goals`` is the register (or a filtered part of it). Raises ``ValueError`` when no
    goal has a deadline (the page says so in words instead).
    """
    dated = goals[goals["deadline_end"].notna()]
    if dated.empty:
        raise ValueError("Ingen mål med frist at vise.")
    frame = pd.DataFrame(
        {
            "year": [str(day.year) for day in dated["deadline_end"]],
            "status": list(dated["status"]),
        }
    )
    counts = frame.value_counts(["year", "status"]).rename("count").reset_index()
    order = {status.value: index for index, status in enumerate(STATUS_ORDER)}
    counts["order"] = counts["status"].map(order)
    totals = frame.value_counts("year").rename("count").reset_index()
    years = [str(y) for y in range(int(min(frame["year"])), int(max(frame["year"])) + 1)]
    statuses = [s.value for s in STATUS_ORDER]
    x = alt.X(
        "year:O", title=None, sort=years, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0)
    )
    bars = (
        alt.Chart(counts)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y("count:Q", title="Mål med frist det år", stack="zero"),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=statuses, range=[STATUS_COLORS[s] for s in STATUS_ORDER]),
                legend=alt.Legend(orient="top", direction="horizontal", labelLimit=240),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("year:O", title="Frist"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("count:Q", title="Mål"),
            ],
        )
    )
    labels = (
        alt.Chart(totals)
        .mark_text(dy=-8, baseline="bottom", fontWeight="bold")
        .encode(x=x, y=alt.Y("count:Q"), text=alt.Text("count:Q", format="d"))
    )
    # The years are bands: without a container width Vega sizes them by step and the
    # whole chart is scaled down to fit, fonts and all.
    return alt.LayerChart(
        layer=[bars, labels], height=height, width="container", autosize=FIT_WIDTH
    )
