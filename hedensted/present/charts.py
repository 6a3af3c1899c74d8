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
# Same order as chartCategoricalColors in .streamlit/config.toml. Colour-blind safe:
# Hedensted's blue, then the Okabe–Ito colours (orange, bluish green, reddish purple,
# vermillion, sky blue), a grey and a dark yellow that reads on white.
CATEGORICAL_COLORS = [
    "#0b4f8a",
    "#e69f00",
    "#767676",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#56b4e9",
    "#9a7d0a",
]
# Stable colours for the areas the documents compare, so a legend never reshuffles.
AREA_COLORS = {
    HEDENSTED: HEDENSTED_COLOR,
    "RAR Østjylland": "#e69f00",
    "Hele landet": "#767676",
    "Skanderborg": "#009e73",
    "Ringkøbing-Skjern": "#cc79a7",
}
OTHER_AREA_COLOR = "#b8c4ce"
# Better and worse than the comparison: blue and vermillion (told apart with any
# colour vision), and always with a sign and an arrow on the bar as well.
POSITIVE_COLOR = "#0072b2"
AXIS_FORMAT = ",~f"  # thousands separators, no padded decimals on axis ticks
TICK_COUNT = 8  # a readable number of ticks on wide value axes
# Streamlit fits a chart's *total* height (axes and legend included) into ``height``
# unless the spec says otherwise, which squeezes short charts to nothing. With
# fit-x the width still follows the container, and ``height`` is the plot's own.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
BAR_STEP = 14  # pixels per bar, so many groups stay readable on a shared screen
NEGATIVE_COLOR = "#d55e00"
MINUS = "\N{MINUS SIGN}"
# Category labels wrap onto new lines at about this many characters instead of being
# cut with "…" (Vega draws a label given as a list as several lines).
WRAP_CHARS = 44
LABEL_ROOM_PX = 70  # room at the bars' ends for their values (presentation view)
# A left category axis's title, level and right-aligned above its labels (a rotated
# title beside long labels lands on them).
CATEGORY_TITLE_ABOVE = {
    "titleAngle": 0,
    "titleAlign": "right",
    "titleAnchor": "start",
    "titleBaseline": "bottom",
    "titleX": 0,
    "titleY": -8,
}
MAX_MARKS = 6  # colours in one chart; smaller categories are grouped as »Øvrige«

DANISH_LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", "\u00a0kr."],
        "percent": "\u00a0%",
        "minus": "\u2212",
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


# --- making any chart readable: wrapped labels, values on bars --------------------------


def wrap_label_expr(chars: int = WRAP_CHARS) -> str:
    """A Vega expression that breaks a label into lines of about ``chars`` characters
    at spaces (a longer single word stays whole)."""
    return f"split(trim(replace(datum.label, /(.{{1,{chars}}})(\\s+|$)/g, '$1\\n')), '\\n')"


def chart_units(spec: dict) -> list[dict]:
    """Every single-view spec (one with a mark) in a spec, layers and concatenations."""
    found = [spec] if "mark" in spec else []
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key, []):
            found.extend(chart_units(part))
    if isinstance(spec.get("spec"), dict):  # facet and repeat
        found.extend(chart_units(spec["spec"]))
    return found


def wrapped_labels(spec: dict, chars: int = WRAP_CHARS) -> dict:
    """The spec (changed in place) with category labels that wrap instead of being cut.

    Axes of nominal and ordinal fields get a line-breaking ``labelExpr`` unless they
    have one; legends get no label limit and wrap the same way. A category axis's
    title on the left stands level above its labels (``CATEGORY_TITLE_ABOVE``): Vega
    places a rotated title by a label width it under-estimates for long unlimited
    labels, so "Tilbudstype" was printed over "Mentorordning - individuel".
    """
    expr = wrap_label_expr(chars)
    for unit in chart_units(spec):
        encoding = unit.get("encoding", {})
        for channel in ("x", "y"):
            enc = encoding.get(channel)
            if not isinstance(enc, dict) or enc.get("type") not in ("nominal", "ordinal"):
                continue
            if "axis" in enc and enc["axis"] is None:
                continue
            axis = enc.setdefault("axis", {})
            if "labelExpr" not in axis:
                axis["labelExpr"] = expr
                axis["labelLimit"] = 0
            # Vega-Lite's default title is the field's name.
            title = axis["title"] if "title" in axis else enc.get("title", enc.get("field"))
            titled = title not in (None, "")
            if channel == "y" and titled and axis.get("orient", "left") == "left":
                for key, value in CATEGORY_TITLE_ABOVE.items():
                    axis.setdefault(key, value)
        color = encoding.get("color")
        if isinstance(color, dict) and "field" in color and color.get("legend", {}) is not None:
            legend = color.setdefault("legend", {})
            if "labelExpr" not in legend:
                legend["labelExpr"] = expr
                legend["labelLimit"] = 0
    return spec


def _mark_type(unit: dict) -> str:
    mark = unit.get("mark")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark or "")


def _value_label_layer(unit: dict, arrows: bool) -> dict | None:
    """A text layer printing each bar's value at its end, or None if the bars stack."""
    encoding = unit.get("encoding", {})
    quantitative = [
        c
        for c in ("x", "y")
        if isinstance(encoding.get(c), dict) and encoding[c].get("type") == "quantitative"
    ]
    if len(quantitative) != 1 or any(k in encoding for k in ("x2", "y2")):
        return None
    value_channel = quantitative[0]
    value = encoding[value_channel]
    color = encoding.get("color", {})
    # Grouped bars (one per area) are too thin for a number each; stacked bars have
    # no end of their own.
    grouped = any(k in encoding for k in ("xOffset", "yOffset"))
    stacked = value.get("stack") not in (None, False) or (
        isinstance(color, dict) and "field" in color
    )
    if grouped or stacked:
        return None
    field = value.get("field")
    if not field:
        return None
    fmt = next(
        (
            t.get("format")
            for t in encoding.get("tooltip", [])
            if isinstance(t, dict) and t.get("field") == field and t.get("format")
        ),
        AXIS_FORMAT,
    )
    datum = f"datum[{field!r}]"
    text = f"format({datum}, '{fmt}')"
    if arrows:
        text = f"({datum} < 0 ? '▼ ' : {datum} > 0 ? '▲ +' : '') + {text}"
    horizontal = value_channel == "x"
    negative = f"{datum} < 0"
    mark = {
        "type": "text",
        "fontSize": 13,
        "color": "#1f2933",
        "align": {"expr": f"{negative} ? 'right' : 'left'"} if horizontal else "center",
        "baseline": "middle" if horizontal else {"expr": f"{negative} ? 'top' : 'bottom'"},
        "dx": {"expr": f"{negative} ? -4 : 4"} if horizontal else 0,
        "dy": 0 if horizontal else {"expr": f"{negative} ? 4 : -4"},
    }
    kept = {
        k: v for k, v in encoding.items() if k in ("x", "y", "xOffset", "yOffset", "row", "column")
    }
    # Room at the ends of the value axis for the numbers.
    scale = value.setdefault("scale", {})
    if isinstance(scale, dict):
        scale.setdefault("padding", LABEL_ROOM_PX)
    layer = {
        "mark": mark,
        "transform": [{"calculate": text, "as": "_label"}],
        "encoding": {**kept, "text": {"field": "_label", "type": "nominal"}},
    }
    for key in ("data", "transform"):
        if key in unit:
            layer[key] = [*unit[key], *layer["transform"]] if key == "transform" else unit[key]
    return layer


_TOP_LEVEL = {
    "$schema",
    "config",
    "width",
    "height",
    "autosize",
    "padding",
    "title",
    "params",
    "datasets",
    "background",
    "usermeta",
}


def with_value_labels(spec: dict) -> dict:
    """The spec (changed in place) with each bar's value printed at its end.

    Bars coloured by whether Hedensted does better (a colour condition) get an arrow
    and a sign as well, so the meaning never rests on colour alone. Stacked bars are
    left as they are (their parts have no end of their own).
    """
    if "mark" in spec and _mark_type(spec) == "bar":
        arrows = "condition" in spec.get("encoding", {}).get("color", {})
        layer = _value_label_layer(spec, arrows)
        if layer is None:
            return spec
        unit = {k: spec.pop(k) for k in list(spec) if k not in _TOP_LEVEL and k != "data"}
        spec["layer"] = [unit, layer]
        return spec
    if "layer" in spec:
        added = []
        for unit in spec["layer"]:
            if "mark" in unit and _mark_type(unit) == "bar":
                arrows = "condition" in unit.get("encoding", {}).get("color", {})
                layer = _value_label_layer(unit, arrows)
                if layer is not None:
                    added.append(layer)
        spec["layer"].extend(added)
    return spec
