"""PNG and SVG of a chart as drawn, rendered offscreen with vl-convert in Danish.

The pages draw charts with ``width: "container"`` (they follow the page's width),
which means nothing offscreen, so the image gets a fixed width in pixels on a
copy of the spec. Numbers and dates use the Danish locale (``22,7``,
``2.993.871``, ``jan.``): the theme's ``config.locale`` is in the spec, and the
same locale is handed to vl-convert for specs that lack it.
"""

from __future__ import annotations

import copy
import math

from hedensted.present.charts import DANISH_LOCALE, chart_units

DEFAULT_WIDTH = 1100  # pixels; the whole image, axes and legend included
THEME_FONT_PX = 13  # the theme's axis and legend label size
NARROW_PX = 1000  # narrower than this, large-type legends are stacked vertically
MAX_SCALE = 8
_COMPOSITE_KEYS = ("hconcat", "vconcat", "concat", "facet", "repeat")


def offscreen_spec(
    spec: dict,
    width: int = DEFAULT_WIDTH,
    font_size: int | None = None,
    height: int | None = None,
) -> dict:
    """A copy of ``spec`` with a fixed width in pixels (and, optionally, larger text).

    A single or layered chart gets ``width`` as its total width (axes, labels
    and legend included) and, if ``height`` is given, that total height too (the
    plot shrinks or grows to fit; for a slide's picture box). In composite charts
    every ``"container"`` width becomes ``width``. ``font_size`` raises the axis,
    legend and header font sizes to at least that many pixels (for slides read
    from the back of a meeting room) and widens label limits to match.
    Raises ``ValueError`` for a spec that is not a dict or a size below 100 px.
    """
    if not isinstance(spec, dict):
        raise ValueError("Figuren skal være en Vega-Lite-specifikation (en dict).")
    for size in (width, height):
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 100):
            raise ValueError(
                "Billedets bredde og højde skal være et helt antal pixels, mindst 100."
            )
    result = copy.deepcopy(spec)
    if any(key in result for key in _COMPOSITE_KEYS):
        _replace_container_width(result, width)
    else:
        result["width"] = width
        result["autosize"] = {"type": "fit-x", "contains": "padding"}
        if height is not None:
            result["height"] = height
            result["autosize"] = {"type": "fit", "contains": "padding"}
            for layer in result.get("layer", []):
                if isinstance(layer, dict):
                    layer.pop("height", None)  # the layers share the top-level height
    if font_size is not None:
        _raise_font_sizes(result, font_size)
        if width < NARROW_PX:
            # A horizontal legend of large labels runs off a narrow chart; stack it.
            result["config"]["legend"].setdefault("direction", "vertical")
        _fit_legend_columns(result, width, font_size)
    return result


LEGEND_CHAR_EM = 0.6  # a legend label character's width, in font sizes (generous)
LEGEND_SYMBOL_PX = 40  # symbol, its gap and the room between columns


def legend_columns(columns: object, domain: list, width: int, font_size: int) -> int | None:
    """The legend's ``columns``, fewer if its labels at ``font_size`` would run off a chart
    ``width`` pixels wide (None if it sets none)."""
    if not isinstance(columns, int) or isinstance(columns, bool) or columns < 2:
        return columns if isinstance(columns, int) and not isinstance(columns, bool) else None
    longest = max((len(str(label)) for label in domain), default=0)
    column_px = longest * font_size * LEGEND_CHAR_EM + LEGEND_SYMBOL_PX
    return max(1, min(columns, int(width // column_px)))


def _fit_legend_columns(spec: dict, width: int, font_size: int) -> None:
    """A legend laid out in ``columns`` gets as many as fit ``width`` at ``font_size``:
    at a slide's type three columns ran off a chart beside its key figures and cut
    »Forsørget af ægtefælle« to »Forsørget af æg«."""
    for unit in chart_units(spec):
        color = unit.get("encoding", {}).get("color")
        if not isinstance(color, dict) or not isinstance(color.get("legend"), dict):
            continue
        domain = (color.get("scale") or {}).get("domain")
        if isinstance(domain, list) and "columns" in color["legend"]:
            fitted = legend_columns(color["legend"]["columns"], domain, width, font_size)
            if fitted is not None:
                color["legend"]["columns"] = fitted


def _replace_container_width(node: object, width: int) -> None:
    if isinstance(node, dict):
        if node.get("width") == "container":
            node["width"] = width
        for value in node.values():
            _replace_container_width(value, width)
    elif isinstance(node, list):
        for value in node:
            _replace_container_width(value, width)


def _raise_font_sizes(spec: dict, size: int) -> None:
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "header"):
        settings = config.setdefault(part, {})
        for key in ("labelFontSize", "titleFontSize"):
            settings[key] = max(settings.get(key, 0), size)
    text = config.setdefault("text", {})
    text["fontSize"] = max(text.get("fontSize", 0), size)
    title = config.setdefault("title", {})
    title["fontSize"] = max(title.get("fontSize", 0), size + 2)
    _raise_mark_font_sizes(spec, size)


def _raise_mark_font_sizes(node: object, size: int) -> None:
    """Text marks that set their own ``fontSize`` (e.g. value labels), and axes and legends
    that set their own label or title size, get at least ``size``; label limits (pixels)
    grow with the text, so long labels are not cut shorter."""
    if isinstance(node, dict):
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text" and "fontSize" in mark:
            mark["fontSize"] = max(mark["fontSize"], size)
        # An axis or legend with its own sizes (»labelFontSize=14«) in slide type too.
        for key in ("labelFontSize", "titleFontSize"):
            own = node.get(key)
            if isinstance(own, (int, float)) and not isinstance(own, bool) and own < size:
                node[key] = size
        limit = node.get("labelLimit")
        if isinstance(limit, (int, float)) and limit > 0 and size > THEME_FONT_PX:
            node["labelLimit"] = round(limit * size / THEME_FONT_PX)
        for value in node.values():
            _raise_mark_font_sizes(value, size)
    elif isinstance(node, list):
        for value in node:
            _raise_mark_font_sizes(value, size)


def _reason(error: Exception) -> str:
    """vl-convert's error without its JavaScript stack trace."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    messages = [line for line in lines if not line.startswith("at ")]
    return messages[-1] if messages else "ukendt fejl"


def _locale_options() -> dict:
    return {
        "format_locale": DANISH_LOCALE["number"],
        "time_format_locale": DANISH_LOCALE["time"],
    }


def chart_png(
    spec: dict,
    scale: float = 2,
    width: int = DEFAULT_WIDTH,
    font_size: int | None = None,
    height: int | None = None,
) -> bytes:
    """The chart as a PNG, ``scale`` × ``width`` pixels wide (scale 2: sharp on slides).

    Raises ``ValueError`` for a spec that is not a dict, a scale that is not a
    positive number up to 8, or a spec vl-convert cannot render.
    """
    if (
        isinstance(scale, bool)
        or not isinstance(scale, (int, float))
        or not math.isfinite(scale)
        or not 0 < scale <= MAX_SCALE
    ):
        raise ValueError(f"Skaleringen skal være et tal større end 0 og højst {MAX_SCALE}.")
    prepared = offscreen_spec(spec, width, font_size, height)
    import vl_convert  # imported on use: only exports need it

    try:
        return vl_convert.vegalite_to_png(prepared, scale=float(scale), **_locale_options())
    except ValueError as error:
        raise ValueError(f"Figuren kunne ikke tegnes som PNG: {_reason(error)}") from error


def chart_svg(spec: dict, width: int = DEFAULT_WIDTH, font_size: int | None = None) -> str:
    """The chart as SVG text (scalable; ``width`` pixels wide at 100 %).

    Raises ``ValueError`` for a spec that is not a dict or cannot be rendered.
    """
    prepared = offscreen_spec(spec, width, font_size)
    import vl_convert

    try:
        return vl_convert.vegalite_to_svg(prepared, **_locale_options())
    except ValueError as error:
        raise ValueError(f"Figuren kunne ikke tegnes som SVG: {_reason(error)}") from error
