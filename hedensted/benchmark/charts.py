"""Altair chart builders for the Benchmark page (beyond those in ``charts.py``).

All use the dashboard theme (Danish locale), Danish titles and tooltips with
Danish number formats; Hedensted is always drawn in ``HEDENSTED_COLOR`` or,
where bars are coloured by meaning, its axis label is bold.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from hedensted.present.charts import (
    AREA_COLORS,
    AXIS_FORMAT,
    BAR_STEP,
    HEDENSTED,
    HEDENSTED_COLOR,
    NEGATIVE_COLOR,
    OTHER_AREA_COLOR,
    POSITIVE_COLOR,
    number_format,
)
from hedensted.present.formatting import format_number

LABEL_LIMIT = 300
TICKS = 8  # at most about this many ticks on a value axis, however wide the chart
ROW_STEP = 22  # pixels per row for one-bar-per-row charts
EXPECTED_COLOR = "#b8c4ce"
NONE_COLOR = "#e08a1e"
REFERENCE_FALLBACK_COLOR = "#e08a1e"
# Status one month after an ended course: job, flexjob and education (what the
# document adds up) in colours told apart with any colour vision; the largest other
# status in orange, the rest grouped as »Øvrige« in grey; the filler to 100 % white.
OTHERS = "Øvrige"
STATUS_KEPT = ("Lønmodtagerbeskæftigelse", "Fleksjob", "Uddannelse")
OTHERS_COLOR = "#8c8c8c"
LARGEST_OTHER_COLOR = "#e69f00"
STATUS_COLORS = {
    "Lønmodtagerbeskæftigelse": "#009e73",
    "Fleksjob": "#56b4e9",
    "Uddannelse": "#0072b2",
    "A-dagpenge": "#e08a1e",
    "Kontanthjælp": "#b5a33a",
    "Sygedagpenge": "#c9463d",
    "Jobafklaringsforløb": "#e6a39c",
    "Ressourceforløb": "#a15c9e",
    "Ledighedsydelse": "#c9a3c7",
    "Førtids-, senior- og tidlig pension": "#7a7a7a",
    "Selvforsørgelse": "#5aa0d8",
    "Andet": "#9fb0bf",
}
# »Ikke vist i kilden«: a dark neutral grey, 11:1 against white (WCAG AA for text and
# graphics), and at least 2:1 darker than every status colour, so it reads the same
# for colour-blind viewers; the near-white it replaces was invisible in the legend.
REMAINDER_COLOR = "#3d3d3d"
FALLBACK_STATUS_COLOR = "#cfd6dd"


def _bold_hedensted() -> alt.ExprRef:
    """Axis label weight: Hedensted in bold."""
    return alt.expr(f"datum.value == '{HEDENSTED}' ? 'bold' : 'normal'")


AXIS_ROOM = 50  # x axis labels and title
LEGEND_TITLE_ROOM = 30
LEGEND_ROW = 20


def _height(rows: int, step: int = ROW_STEP, legend_rows: int = 0) -> int:
    """Total chart height: Streamlit fits the whole chart, axes and legend included,
    into the height, so room for them is added to the bars' own."""
    legend = LEGEND_TITLE_ROOM + legend_rows * LEGEND_ROW if legend_rows else 0
    return max(rows, 1) * step + AXIS_ROOM + legend


def difference_bars(
    frame: pd.DataFrame,
    category: str,
    category_title: str,
    reference: str,
    value_title: str,
    decimals: int | None = 1,
    lower_is_better: bool = True,
    field: str = "difference",
    value_label: str = "Hedensted",
    value_decimals: int | None = None,
    extra_tooltips: Sequence[alt.Tooltip] = (),
    unit: str | None = None,
) -> alt.LayerChart:
    """Hedensted's difference to the reference per category; green where Hedensted does better.

    ``frame`` has ``category``, ``value`` (Hedensted), ``reference_value`` and
    ``field`` (the signed difference to draw), in the order to draw.
    ``value_decimals`` formats the two values in the tooltip (default: ``decimals``);
    ``unit`` is added to their tooltip titles.
    """
    suffix = f" ({unit})" if unit else ""
    fmt = number_format(decimals)
    value_fmt = number_format(decimals if value_decimals is None else value_decimals)
    shown = frame.dropna(subset=[field])
    better = alt.datum[field] < 0 if lower_is_better else alt.datum[field] > 0
    tooltip = [alt.Tooltip(f"{category}:N", title=category_title)]
    if "value" in shown.columns and "reference_value" in shown.columns:
        tooltip += [
            alt.Tooltip("value:Q", title=f"{value_label}{suffix}", format=value_fmt),
            alt.Tooltip("reference_value:Q", title=f"{reference}{suffix}", format=value_fmt),
        ]
    tooltip.append(alt.Tooltip(f"{field}:Q", title=value_title, format=fmt))
    tooltip.extend(extra_tooltips)
    bars = (
        alt.Chart(shown, height=_height(len(shown)))
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                title=None,
                sort=list(shown[category]),
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
            ),
            x=alt.X(
                f"{field}:Q", title=value_title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS)
            ),
            color=alt.condition(better, alt.value(POSITIVE_COLOR), alt.value(NEGATIVE_COLOR)),
            tooltip=tooltip,
        )
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#333").encode(x="zero:Q")
    return alt.layer(bars, zero)  # type: ignore[return-value]  # no facets, so a LayerChart


def grouped_area_bars(
    frame: pd.DataFrame,
    category: str,
    category_title: str,
    value_title: str,
    decimals: int | None,
    area_order: Sequence[str],
    category_order: Sequence[str],
    colors: dict[str, str] | None = None,
) -> alt.Chart:
    """Horizontal bars per category, one per area, Hedensted in its colour.

    Like ``charts.grouped_bars`` but without a category axis title (the section
    says what the categories are) and with wider labels.
    """
    areas = list(area_order)
    palette = {**AREA_COLORS, **(colors or {})}
    scale = alt.Scale(domain=areas, range=[palette.get(a, OTHER_AREA_COLOR) for a in areas])
    fmt = number_format(decimals)
    rows = len(category_order) * max(len(areas), 1)
    return (
        alt.Chart(frame, height=_height(rows, BAR_STEP, legend_rows=1))
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                title=None,
                sort=list(category_order),
                axis=alt.Axis(labelLimit=LABEL_LIMIT),
            ),
            yOffset=alt.YOffset("area:N", sort=areas),
            x=alt.X(
                "value:Q", title=value_title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS)
            ),
            color=alt.Color("area:N", title="Område", scale=scale, sort=areas),
            tooltip=[
                alt.Tooltip("area:N", title="Område"),
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip("value:Q", title=value_title, format=fmt),
            ],
        )
    )


def group_statuses(
    frame: pd.DataFrame, category_order: Sequence[str], remainder: str
) -> tuple[pd.DataFrame, list[str], dict[str, list[str]]]:
    """At most six colours: job, flexjob, education, the largest other status, the
    others summed as »Øvrige« and the remainder to 100 %.

    Returns the grouped frame (``area``, ``category``, ``value``, ``order``, ``parts``:
    what »Øvrige« holds in that area), the categories in order and the grouping.
    """
    present = [c for c in category_order if c in set(frame["category"])]
    kept = [c for c in present if c in STATUS_KEPT]
    others = [c for c in present if c not in STATUS_KEPT and c != remainder]
    if len(others) > 1:
        totals = frame[frame["category"].isin(others)].groupby("category")["value"].sum()
        largest = str(totals.idxmax())
        kept.append(largest)
        others = [c for c in others if c != largest]
    grouping = {OTHERS: others} if len(others) > 1 else {}
    rows = []
    for area, block in frame.groupby("area", sort=False):
        for category in [*kept, *(others if not grouping else [])]:
            part = block[block["category"] == category]
            if not part.empty:
                rows.append({"area": area, "category": category, "value": part["value"].iloc[0]})
        if grouping:
            part = block[block["category"].isin(others)]
            listed = [
                f"{row['category']} {format_number(row['value'], 1)}"
                for _, row in part.iterrows()
                if pd.notna(row["value"])
            ]
            rows.append(
                {
                    "area": area,
                    "category": OTHERS,
                    "value": round(float(part["value"].sum(skipna=True)), 1),
                    "parts": "; ".join(listed),
                }
            )
        rest = block[block["category"] == remainder]
        if not rest.empty:
            rows.append({"area": area, "category": remainder, "value": rest["value"].iloc[0]})
    categories = [*kept, *(others if not grouping else [OTHERS])]
    if remainder in present:
        categories.append(remainder)
    grouped = pd.DataFrame(rows)
    if "parts" not in grouped:
        grouped["parts"] = ""
    grouped["parts"] = grouped["parts"].fillna("")
    grouped["order"] = grouped["category"].map({c: i for i, c in enumerate(categories)})
    return grouped, categories, grouping


def status_bars(
    frame: pd.DataFrame,
    area_order: Sequence[str],
    category_order: Sequence[str],
    remainder: str,
) -> alt.Chart:
    """100 % stacked bars: status one month after an ended course, one bar per area.

    ``frame`` has ``area``, ``category``, ``value`` (pct.) and ``order``. Small
    statuses are grouped as »Øvrige« (``group_statuses``); its tooltip lists them.
    """
    frame, categories, grouping = group_statuses(frame, category_order, remainder)
    largest_other = next(
        (c for c in categories if c not in STATUS_KEPT and c not in (remainder, OTHERS)), None
    )
    colors = [
        REMAINDER_COLOR
        if c == remainder
        else OTHERS_COLOR
        if c == OTHERS
        else LARGEST_OTHER_COLOR
        if c == largest_other and grouping
        else STATUS_COLORS.get(c, FALLBACK_STATUS_COLOR)
        for c in categories
    ]
    return (
        alt.Chart(frame, height=_height(len(area_order), 34, legend_rows=-(-len(categories) // 3)))
        .mark_bar(stroke="white", strokeWidth=0.5, cornerRadiusEnd=0)
        .encode(
            y=alt.Y(
                "area:N",
                title=None,
                sort=list(area_order),
                axis=alt.Axis(labelLimit=LABEL_LIMIT, labelFontWeight=_bold_hedensted()),
            ),
            x=alt.X(
                "value:Q",
                title="Pct. af de afsluttede forløb",
                stack="zero",
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS),
            ),
            color=alt.Color(
                "category:N",
                title="Status 1 måned efter",
                scale=alt.Scale(domain=categories, range=colors),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=260, titleLimit=0),
            ),
            order=alt.Order("order:Q", sort="ascending"),
            tooltip=[
                alt.Tooltip("area:N", title="Område"),
                alt.Tooltip("category:N", title="Status 1 måned efter"),
                alt.Tooltip("value:Q", title="Andel (pct.)", format=number_format(1)),
                alt.Tooltip("parts:N", title="Heraf"),
            ],
        )
    )


def actual_expected_bars(frame: pd.DataFrame) -> alt.Chart:
    """Actual vs expected full-time persons per benefit area (the ministry's benchmark).

    ``frame`` has ``benefit_area``, ``series`` (Faktisk/Forventet), ``value``,
    ``rank_text`` and ``actual_minus_expected``.
    """
    order = list(dict.fromkeys(frame["benefit_area"]))
    series = ["Faktisk", "Forventet"]
    return (
        alt.Chart(frame, height=_height(len(order) * 2, 18, legend_rows=1))
        .mark_bar()
        .encode(
            y=alt.Y(
                "benefit_area:N", title=None, sort=order, axis=alt.Axis(labelLimit=LABEL_LIMIT)
            ),
            yOffset=alt.YOffset("series:N", sort=series),
            x=alt.X(
                "value:Q",
                title="Fuldtidspersoner på offentlig forsørgelse",
                axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS),
            ),
            color=alt.Color(
                "series:N",
                title="Hedensted",
                sort=series,
                scale=alt.Scale(domain=series, range=[HEDENSTED_COLOR, EXPECTED_COLOR]),
            ),
            tooltip=[
                alt.Tooltip("benefit_area:N", title="Ydelsesområde"),
                alt.Tooltip("series:N", title="Ydelsesomfang"),
                alt.Tooltip("value:Q", title="Fuldtidspersoner", format=number_format(0)),
                alt.Tooltip(
                    "actual_minus_expected:Q",
                    title="Faktisk minus forventet",
                    format=number_format(0),
                ),
                alt.Tooltip("rank_text:N", title="Placering"),
            ],
        )
    )


def rank_chart(table: pd.DataFrame, ranked: int) -> alt.LayerChart:
    """Hedensted's place (1 = best) of ``ranked`` municipalities per benefit area."""
    order = list(table["benefit_area"])
    base = alt.Chart(table, height=_height(len(order) * 2, 18, legend_rows=1)).encode(
        y=alt.Y("benefit_area:N", title=None, sort=order, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X(
            "rank:Q",
            title=f"Placering af {ranked} (1 = bedst)",
            scale=alt.Scale(domain=[1, ranked]),
            axis=alt.Axis(format=AXIS_FORMAT, values=[1, 25, 50, 75, ranked]),
        ),
        tooltip=[
            alt.Tooltip("benefit_area:N", title="Ydelsesområde"),
            alt.Tooltip("rank_text:N", title="Placering"),
        ],
    )
    track = (
        alt.Chart(table)
        .mark_rule(color="#e6e9ed", strokeWidth=6)
        .encode(
            y=alt.Y("benefit_area:N", sort=order),
            x=alt.datum(1),
            x2=alt.datum(ranked),
        )
    )
    dots = base.mark_point(filled=True, size=160, color=HEDENSTED_COLOR, opacity=1)
    labels = base.mark_text(dx=12, align="left", fontSize=13, color="#1f2933").encode(
        text="rank_text:N"
    )
    # No facets, so a LayerChart:
    return alt.layer(track, dots, labels)  # type: ignore[return-value]


def area_bars(
    frame: pd.DataFrame,
    field: str,
    value_title: str,
    decimals: int | None,
    reference: str,
    other_label: str,
    extra_tooltips: Sequence[alt.Tooltip] = (),
) -> alt.LayerChart:
    """One bar per area (RAR areas and municipalities), Hedensted and the reference coloured.

    ``frame`` has ``area``, ``area_type``, ``highlight`` (Hedensted, the
    reference or ``other_label``) and ``field``, in the order to draw.
    """
    fmt = number_format(decimals)
    domain = [HEDENSTED, reference, other_label]
    colors = [
        HEDENSTED_COLOR,
        AREA_COLORS.get(reference, REFERENCE_FALLBACK_COLOR),
        OTHER_AREA_COLOR,
    ]
    order = list(frame["area"])
    bars = (
        alt.Chart(frame, height=_height(len(order), 20, legend_rows=1))
        .mark_bar()
        .encode(
            y=alt.Y(
                "area:N",
                title=None,
                sort=order,
                axis=alt.Axis(labelLimit=LABEL_LIMIT, labelFontWeight=_bold_hedensted()),
            ),
            x=alt.X(
                f"{field}:Q", title=value_title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS)
            ),
            color=alt.Color(
                "highlight:N",
                title=None,
                scale=alt.Scale(domain=domain, range=colors),
                sort=domain,
            ),
            tooltip=[
                alt.Tooltip("area:N", title="Område"),
                alt.Tooltip("area_type:N", title="Områdetype"),
                alt.Tooltip(f"{field}:Q", title=value_title, format=fmt),
                *extra_tooltips,
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#333").encode(x="zero:Q")
    return alt.layer(bars, zero)  # type: ignore[return-value]  # no facets, so a LayerChart


def migration_bars(frame: pd.DataFrame, none_category: str) -> alt.Chart:
    """Courses created by previous target group, largest first; »Ingen« in its own colour.

    ``frame`` is one target group's rows with ``previous_target_group``,
    ``value``, ``share`` and ``is_none``.
    """
    order = list(frame["previous_target_group"])
    return (
        alt.Chart(frame, height=_height(len(order), 20))
        .mark_bar()
        .encode(
            y=alt.Y(
                "previous_target_group:N",
                title=None,
                sort=order,
                axis=alt.Axis(labelLimit=420),
            ),
            x=alt.X(
                "value:Q",
                title="Oprettede målgruppeforløb",
                axis=alt.Axis(format=AXIS_FORMAT, tickMinStep=1, tickCount=TICKS),
            ),
            color=alt.condition(
                alt.datum.previous_target_group == none_category,
                alt.value(NONE_COLOR),
                alt.value(HEDENSTED_COLOR),
            ),
            tooltip=[
                alt.Tooltip("previous_target_group:N", title="Forrige målgruppe"),
                alt.Tooltip("value:Q", title="Oprettede forløb", format=number_format(0)),
                alt.Tooltip("share:Q", title="Andel (pct.)", format=number_format(1)),
            ],
        )
    )


def share_bars(
    frame: pd.DataFrame, area_order: Sequence[str], category_order: Sequence[str]
) -> alt.LayerChart:
    """Computed share to job and education per target group and area, with the document's
    published figure as a black tick where it gives one.

    ``frame`` has ``target_group``, ``area``, ``categories``, ``share``,
    ``published`` and ``statement``.
    """
    areas = list(area_order)
    scale = alt.Scale(domain=areas, range=[AREA_COLORS.get(a, OTHER_AREA_COLOR) for a in areas])
    fmt = number_format(1)
    rows = len(category_order) * max(len(areas), 1)
    height = _height(rows, BAR_STEP, legend_rows=1)
    y = alt.Y(
        "target_group:N",
        title=None,
        sort=list(category_order),
        axis=alt.Axis(labelLimit=LABEL_LIMIT),
    )
    y_offset = alt.YOffset("area:N", sort=areas)
    tooltip = [
        alt.Tooltip("target_group:N", title="Målgruppe"),
        alt.Tooltip("area:N", title="Område"),
        alt.Tooltip("categories:N", title="Lagt sammen"),
        alt.Tooltip("share:Q", title="Beregnet (pct.)", format=fmt),
        alt.Tooltip("published:Q", title="I dokumentet (pct.)", format=fmt),
        alt.Tooltip("statement:N", title="Udsagn i dokumentet"),
    ]
    base = alt.Chart(frame, height=height)
    bars = base.mark_bar().encode(
        y=y,
        yOffset=y_offset,
        x=alt.X(
            "share:Q",
            title="Pct. af de afsluttede forløb",
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(format=AXIS_FORMAT, tickCount=TICKS),
        ),
        color=alt.Color("area:N", title="Område", scale=scale, sort=areas),
        tooltip=tooltip,
    )
    ticks = (
        base.transform_filter("isValid(datum.published)")
        .mark_tick(color="#1f2933", thickness=3, size=BAR_STEP)
        .encode(y=y, yOffset=y_offset, x=alt.X("published:Q"), tooltip=tooltip)
    )
    return alt.layer(bars, ticks)  # type: ignore[return-value]  # no facets, so a LayerChart
