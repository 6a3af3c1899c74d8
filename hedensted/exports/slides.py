"""PowerPoint (16:9) for the committee's agenda: one slide per chart, in Danish.

Slides: a title slide (theme, date, "Udvalget for Beskæftigelse"); one slide per
chart of every section, titled "<section> – <chart>", with the chart as a sharp
PNG, the section's key figures and its short source line at the bottom (the full
references in the slide's notes); a section without charts gets one slide with its
key figures and the start of its first table; the discussion questions last.
Shapes are laid out for 16:9 here (the python-pptx template is 4:3). Type is large
enough for a meeting room: titles 28 pt, body 16–24 pt, source lines 12 pt.
"""

from __future__ import annotations

import io
import json
import math
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from hedensted.exports.images import THEME_FONT_PX, chart_png, legend_columns
from hedensted.exports.model import (
    ExportChart,
    ExportSection,
    ExportTable,
    bold_runs,
    plain_text,
    require_sections,
)
from hedensted.exports.wrapping import wrapped_lines
from hedensted.present.charts import WRAP_CHARS, chart_units, wrap_label_expr
from hedensted.present.formatting import MISSING_TEXT, format_long_date, format_number

NEGATIVE_NUMBER = re.compile(r"(?<![\w-])-(?=\d)")
COMMITTEE = "Udvalget for Beskæftigelse"
QUESTIONS_TITLE = "Spørgsmål til drøftelse"
SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.5
TITLE_TOP_IN = 0.3
TITLE_HEIGHT_IN = 1.15
BODY_TOP_IN = 1.5
BOTTOM_MARGIN_IN = 0.25
GAP_IN = 0.2
SIDE_COLUMN_IN = 3.8  # key figures beside a tall chart
# A character's average width in ems for line estimates: Calibri (and Carlito, its
# metric twin in LibreOffice) averages 0,42 em on Danish text (bold 0,43); the margin
# covers greedy word wrap and short lines.
CHAR_EM = 0.47
BOLD_CHAR_EM = 0.5
TITLE_PT = 28
TITLE_PTS = (TITLE_PT, 24, 22, 20)  # a long message steps down to fit its box
TITLE_LINE = 1.2  # a title line's height, in font sizes
TITLE_CHAR_EM = BOLD_CHAR_EM
TITLE_SLIDE_PT = 44
SUBTITLE_PT = 24
KEY_FIGURE_PT = (22, 20, 18, 16)  # largest that fits
QUESTION_PT = (24, 22, 20, 18, 16)
TABLE_PT = 16
LONG_TABLE_PT = 12  # a table continued over slides: more rows a slide, never below 12 pt
SOURCE_PT = 12
PX_PER_IN = 96  # charts are drawn at the picture's size on the slide: 1 px = 0,75 pt
CHART_FONT_PX = 20  # chart labels on a slide: 15 pt
CHART_SCALE = 2  # two image pixels per drawn pixel: sharp on a projector
MIN_CHART_PT = 12  # chart text on a slide: never smaller, however tall the chart
# 20 px labels are 15 pt; shrinking the picture more than this would take them below 12 pt.
MAX_SHRINK = CHART_FONT_PX * 0.75 / MIN_CHART_PT
DEFAULT_PLOT_PX = 300
AXIS_ROOM_PX = 60
MIN_CHART_IN = 2.5
SQUEEZE_ALLOWED = 0.9  # key figures below a chart if it keeps 90 % of the height it wants
MIN_COLUMN_IN = 0.9
MAX_COLUMN_SHARE = 0.45  # of the table's width, for one column's values
TABLE_CAPTION_IN = 0.5
TABLE_NOTE_IN = 0.45
TABLE_ROWS_WANTED = 3  # a chart-less slide keeps room for the header and this many rows
TEXT_COLOR = "1F2933"
SOURCE_COLOR = "5F6B76"
PANEL_COLOR = "EEF2F6"
ACCENT_COLOR = "0B4F8A"


@dataclass(frozen=True)
class _Box:
    left: float
    top: float
    width: float
    height: float


def presentation_pptx(
    theme: str,
    shown_on: date,
    sections: Sequence[ExportSection],
    questions: Sequence[str] = (),
) -> bytes:
    """A 16:9 .pptx: title slide, one slide per chart (or per chart-less section), questions.

    ``shown_on`` is the date on the title slide (e.g. the meeting's). Raises
    ``ValueError`` (Danish) for an empty theme, a date that is not a date, no
    sections, or an empty question.
    """
    from pptx import Presentation
    from pptx.util import Inches

    if not isinstance(theme, str) or not theme.strip():
        raise ValueError("Præsentationen skal have et tema (en titel).")
    if not isinstance(shown_on, date):
        raise ValueError("Datoen på forsiden skal være en dato.")
    found = require_sections(sections)
    if isinstance(questions, str):
        raise ValueError("Spørgsmålene skal være en liste af tekster.")
    asked = tuple(questions)
    if any(not isinstance(q, str) or not q.strip() for q in asked):
        raise ValueError("Et spørgsmål til drøftelse må ikke være tomt.")

    deck = Presentation()
    _make_widescreen(deck, Inches(SLIDE_WIDTH_IN), Inches(SLIDE_HEIGHT_IN))
    deck.core_properties.title = theme.strip()
    deck.core_properties.subject = COMMITTEE
    deck.core_properties.language = "da-DK"
    _title_slide(deck, theme.strip(), shown_on)
    for section in found:
        if section.charts:
            # Sentences tied to their chart (a tab's own sentence) go on its slide;
            # otherwise every chart slide repeats the section's key figures.
            per_chart = any(chart.key_figures for chart in section.charts)
            headlines = {chart.headline for chart in section.charts if chart.headline}
            for chart in section.charts:
                # An untitled chart is named after its section ("… (2)"): no repeat.
                same = chart.title.startswith(section.title)
                named = chart.title if same else f"{section.title} – {chart.title}"
                # The message presentation view heads the same slide with, if known.
                slide = _content_slide(deck, chart.headline or named)
                if chart.source_lines:
                    body = _sources(slide, chart.short_sources, chart.source_lines)
                else:
                    body = _sources(slide, section.short_sources, section.source_lines)
                figures = chart.key_figures if per_chart else section.key_figures
                # A sentence that heads this slide or another chart's is not repeated
                # beside this chart (each message on its own slide).
                figures = tuple(f for f in figures if plain_text(f) not in headlines)
                _chart_with_key_figures(slide, body, chart, figures)
        elif section.key_figures or section.tables:
            section = replace(section, tables=tuple(_rows_on_slides(t) for t in section.tables))
            slide = _content_slide(deck, section.title)
            body = _sources(slide, section.short_sources, section.source_lines)
            shown = _key_figures_and_table(slide, body, section)
            if section.tables:
                _rest_of_table(deck, section, section.tables[0], section.title, shown)
            # Every further table is a slide of its own (one message per slide).
            for table in section.tables[1:]:
                slide = _content_slide(deck, table.title)
                body = _table_sources(slide, section, table)
                plan = _TablePlan.of(table, body.width, _table_pt(table))
                shown = _table_summary(slide, body, plan)
                _rest_of_table(deck, section, table, table.title, shown)
        # A section with nothing to show (cards, a working tool) gets no empty slide.
    if asked:
        slide = _content_slide(deck, QUESTIONS_TITLE)
        body = _body_box(slide, ())
        _text_block(slide, body, asked, QUESTION_PT, panel=False, marker="• ")
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


# --- Deck and slides ------------------------------------------------------------------


def _make_widescreen(deck, width: int, height: int) -> None:
    """16:9 slides, and the master's and layouts' placeholders stretched to match.

    The default template is 4:3 (10 in wide); stretching its placeholders keeps a
    slide added later in PowerPoint in proportion too.
    """
    ratio = width / deck.slide_width
    deck.slide_width = width
    deck.slide_height = height
    owners = [deck.slide_master, *deck.slide_layouts]
    for owner in owners:
        for shape in owner.placeholders:
            if shape.left is not None and shape.width is not None:
                shape.left = int(shape.left * ratio)
                shape.width = int(shape.width * ratio)


def _place(shape, box: _Box) -> None:
    from pptx.util import Inches

    shape.left = Inches(box.left)
    shape.top = Inches(box.top)
    shape.width = Inches(box.width)
    shape.height = Inches(box.height)


def _style_runs(frame, size: float, color: str, bold: bool = False) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.util import Pt

    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = RGBColor.from_string(color)
            run.font.language_id = MSO_LANGUAGE_ID.DANISH


def _title_slide(deck, theme: str, shown_on: date) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[0])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    width = SLIDE_WIDTH_IN - 2 * MARGIN_IN
    _place(title, _Box(MARGIN_IN, 1.6, width, 2.3))
    _place(subtitle, _Box(MARGIN_IN, 4.2, width, 1.4))
    title.text_frame.text = theme
    title.text_frame.word_wrap = True
    _style_runs(title.text_frame, TITLE_SLIDE_PT, ACCENT_COLOR, bold=True)
    subtitle.text_frame.text = f"{COMMITTEE}\n{format_long_date(shown_on)}"
    _style_runs(subtitle.text_frame, SUBTITLE_PT, TEXT_COLOR)
    for frame in (title.text_frame, subtitle.text_frame):
        for paragraph in frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    bar = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(MARGIN_IN + 0.1), Inches(4.0), Inches(1.8), Inches(0.07)
    )
    bar.name = "Streg"
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(ACCENT_COLOR)
    bar.line.fill.background()


def _content_slide(deck, title: str):
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
    shape = slide.shapes.title
    _place(shape, _Box(MARGIN_IN, TITLE_TOP_IN, SLIDE_WIDTH_IN - 2 * MARGIN_IN, TITLE_HEIGHT_IN))
    frame = shape.text_frame
    frame.text = title
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _style_runs(frame, title_size(title), ACCENT_COLOR, bold=True)
    return slide


def title_size(title: str) -> float:
    """The largest of ``TITLE_PTS`` at which a slide's title (a message can be a long
    sentence) fits its box; the smallest otherwise."""
    width = SLIDE_WIDTH_IN - 2 * MARGIN_IN - 0.2
    for size in TITLE_PTS:
        lines = _lines_needed([title], size, width, char_width=TITLE_CHAR_EM)
        if lines * size * TITLE_LINE / 72 + 0.1 <= TITLE_HEIGHT_IN:
            return size
    return TITLE_PTS[-1]


def _lines_needed(
    texts: Sequence[str], size_pt: float, width_in: float, char_width: float = CHAR_EM
) -> int:
    """Estimated wrapped lines of ``texts`` (one paragraph each) in a box ``width_in`` wide;
    ``char_width`` is an average character's width in ems."""
    per_line = max(int(width_in * 72 / (size_pt * char_width)), 1)
    return sum(wrapped_lines(plain_text(text), per_line) for text in texts)


def _line_height_in(size_pt: float) -> float:
    return size_pt * 1.25 / 72


def _sources(slide, short: Sequence[str], full: Sequence[str]) -> _Box:
    """The short source line at the bottom of the slide ("Kilde: Jobindsats.dk, dec. 2023 ·
    Temadrøftelse 5. marts 2024") and the full references in its notes, as the app's
    slide has them one click away; the full lines on the slide if there is no short one.
    The box left for the body."""
    if full:
        notes = slide.notes_slide.notes_text_frame
        notes.text = "\n".join(plain_text(line) for line in full)
    return _body_box(slide, short or full)


def _body_box(slide, source_lines: Sequence[str]) -> _Box:
    """Write the source lines at the bottom of the slide; the box left for the body."""
    width = SLIDE_WIDTH_IN - 2 * MARGIN_IN
    bottom = SLIDE_HEIGHT_IN - BOTTOM_MARGIN_IN
    if source_lines:
        height = _lines_needed(source_lines, SOURCE_PT, width - 0.2) * _line_height_in(SOURCE_PT)
        height += 0.15
        box = _Box(MARGIN_IN, bottom - height, width, height)
        shape = _textbox(slide, box, source_lines, SOURCE_PT, SOURCE_COLOR)
        shape.name = "Kilde"
        bottom = box.top - GAP_IN
    return _Box(MARGIN_IN, BODY_TOP_IN, width, bottom - BODY_TOP_IN)


def _textbox(
    slide,
    box: _Box,
    paragraphs: Sequence[str],
    size: float,
    color: str,
    marker: str = "",
    spacing_pt: float = 0,
):
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(
        Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height)
    )
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Inches(0.05)
    frame.margin_top = frame.margin_bottom = Inches(0.03)
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(spacing_pt)
        runs = bold_runs(_minus(text))
        for part, _ in [(marker, False), *runs] if marker else runs:
            paragraph.add_run().text = part
    _style_runs(frame, size, color)
    for index, text in enumerate(paragraphs):
        runs = frame.paragraphs[index].runs[1 if marker else 0 :]
        for run, (_, bold) in zip(runs, bold_runs(_minus(text)), strict=True):
            run.font.bold = bold
    return shape


def _minus(text: str) -> str:
    """A hyphen before a number becomes a minus sign, which never breaks from its number."""
    return NEGATIVE_NUMBER.sub("\u2212", text)


def _fitting_size(
    texts: Sequence[str], sizes: Sequence[float], width_in: float, height_in: float
) -> float:
    """The largest of ``sizes`` at which ``texts`` fit the box (the smallest otherwise)."""
    for size in sizes:
        lines = _lines_needed(texts, size, width_in - 0.4)
        spacing = len(texts) * size * 0.5 / 72
        if lines * _line_height_in(size) + spacing + 0.3 <= height_in:
            return size
    return sizes[-1]


def _that_fit(texts: Sequence[str], size: float, width_in: float, height_in: float) -> list[str]:
    """The first of ``texts`` that fit the box at ``size`` (at least one): nothing runs
    off the slide or over its source line."""
    kept = list(texts)
    while len(kept) > 1 and _text_height(kept, size, width_in) > height_in:
        kept.pop()
    return kept


def _text_block(
    slide,
    box: _Box,
    texts: Sequence[str],
    sizes: Sequence[float],
    panel: bool,
    marker: str = "",
):
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    size = _fitting_size(texts, sizes, box.width, box.height)
    texts = _that_fit(texts, size, box.width, box.height)
    shape = _textbox(slide, box, texts, size, TEXT_COLOR, marker, spacing_pt=size * 0.5)
    frame = shape.text_frame
    if panel:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(PANEL_COLOR)
        frame.margin_left = frame.margin_right = Inches(0.18)
        frame.margin_top = frame.margin_bottom = Inches(0.15)
    shape.name = "Nøgletal" if panel else "Tekst"
    return shape


def _text_height(texts: Sequence[str], size: float, width_in: float) -> float:
    lines = _lines_needed(texts, size, width_in - 0.4)
    return lines * _line_height_in(size) + len(texts) * size * 0.5 / 72 + 0.35


# --- Chart slides -----------------------------------------------------------------------


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's IHDR chunk."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _fit(width: float, height: float, box: _Box) -> _Box:
    """The largest box with the aspect ``width:height`` inside ``box``, centred at the top."""
    scale = min(box.width / width, box.height / height)
    fitted_width, fitted_height = width * scale, height * scale
    return _Box(box.left + (box.width - fitted_width) / 2, box.top, fitted_width, fitted_height)


def _natural_height_in(spec: dict, width_in: float) -> float:
    """About how tall the chart wants to be on a slide ``width_in`` wide, in inches.

    The spec's own height (plot, or plot plus room for axes and legend), or more if
    its category labels and a legend above or below the plot need more in slide
    type, plus room for the axis, which grows as the slide's text is larger than the
    page's.
    """
    heights = [spec.get("height")] + [
        layer.get("height") for layer in spec.get("layer", []) if isinstance(layer, dict)
    ]
    numbers = [h for h in heights if isinstance(h, (int, float)) and not isinstance(h, bool)]
    plot = max(numbers) if numbers else DEFAULT_PLOT_PX
    width_px = round(width_in * PX_PER_IN)
    plot = max(plot, label_room_px(spec) + legend_room_px(spec, width_px))
    return (plot + AXIS_ROOM_PX * CHART_FONT_PX / THEME_FONT_PX) / PX_PER_IN


LABEL_LINE = 1.25  # a label line's height, in font sizes
LABEL_GAP_PX = 8  # between two categories' labels
SLIDE_WRAP_CHARS = 60  # a wide chart on a slide wraps its labels later than the page
WIDE_CHART_IN = 11.5  # at least this wide: labels wrap at ``SLIDE_WRAP_CHARS``
_WRAP_WIDTH = re.compile(r"\.\{1,(\d+)\}")


def slide_spec(spec: dict, width_in: float) -> dict:
    """The chart as drawn on a slide ``width_in`` wide: a wide one wraps its category
    labels at ``SLIDE_WRAP_CHARS`` instead of the page's ``WRAP_CHARS``, so the
    migrations' »Uddannelseshjælpsmodtagere (åbenlys uddannelsesparate)« takes one
    line and 13 of them fit. A copy; narrower charts are returned as they are."""
    if width_in < WIDE_CHART_IN:
        return spec
    page, wide = wrap_label_expr(WRAP_CHARS), wrap_label_expr(SLIDE_WRAP_CHARS)
    return json.loads(json.dumps(spec).replace(json.dumps(page)[1:-1], json.dumps(wide)[1:-1]))


def label_room_px(spec: dict) -> float:
    """Pixels the category labels of a chart's y axis need in slide type: each category
    gets as many lines as its longest label (the bands are equal) and a gap; labels
    wrap as the axis's ``labelExpr`` does (at a width, or at ``|``); 0 for a chart
    without such an axis."""
    room = 0.0
    for unit in chart_units(spec):
        y = unit.get("encoding", {}).get("y")
        if not isinstance(y, dict) or y.get("type") not in ("nominal", "ordinal"):
            continue
        labels = y.get("sort") if isinstance(y.get("sort"), list) else _field_values(spec, y)
        if not labels:
            continue
        expr = str((y.get("axis") or {}).get("labelExpr", ""))
        lines = max(_label_lines(str(label), expr) for label in labels)
        room = max(room, len(labels) * (lines * CHART_FONT_PX * LABEL_LINE + LABEL_GAP_PX))
    return room


def legend_room_px(spec: dict, width_px: int) -> float:
    """Pixels a legend above or below the plot needs in slide type: its title and its
    rows, with as many columns as fit ``width_px`` (``legend_columns``)."""
    default_orient = spec.get("config", {}).get("legend", {}).get("orient", "right")
    room = 0.0
    for unit in chart_units(spec):
        color = unit.get("encoding", {}).get("color")
        if not isinstance(color, dict) or not isinstance(color.get("legend", {}), dict):
            continue
        legend = color.get("legend", {})
        domain = (color.get("scale") or {}).get("domain")
        if legend.get("orient", default_orient) not in ("top", "bottom"):
            continue
        if not isinstance(domain, list) or not domain:
            continue
        columns = legend_columns(legend.get("columns"), domain, width_px, CHART_FONT_PX)
        rows = -(-len(domain) // columns) if columns else 1
        room = max(room, (rows + 1) * CHART_FONT_PX * LABEL_LINE + LABEL_GAP_PX)
    return room


def _field_values(spec: dict, encoding: dict) -> list[object]:
    field = encoding.get("field")
    values: dict[object, None] = {}
    datasets = spec.get("datasets", {})
    for rows in [*datasets.values(), (spec.get("data") or {}).get("values", [])]:
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and field in row:
                values[row[field]] = None
    return list(values)


def _label_lines(label: str, expr: str) -> int:
    """Lines a category label is drawn on: split at ``|`` where the axis says so, else
    wrapped between words at the width in its ``labelExpr`` (``wrap_label_expr``)."""
    if "'|'" in expr:
        return label.count("|") + 1
    width = _WRAP_WIDTH.search(expr)
    if width is None:
        return 1
    return len(re.findall(rf"(.{{1,{width.group(1)}}})(\s+|$)", label.strip())) or 1


def _chart_layout(spec: dict, body: _Box, key_figures: Sequence[str]) -> tuple[_Box, _Box | None]:
    """Boxes for the chart and the key figures: below a wide chart or beside a tall one."""
    if not key_figures:
        return body, None
    below_height = min(_text_height(key_figures, KEY_FIGURE_PT[1], body.width), body.height / 2)
    above = _Box(body.left, body.top, body.width, body.height - below_height - GAP_IN)
    below = _Box(body.left, above.top + above.height + GAP_IN, body.width, below_height)
    chart_width = body.width - SIDE_COLUMN_IN - GAP_IN
    beside = _Box(body.left, body.top, chart_width, body.height)
    side = _Box(body.left + chart_width + GAP_IN, body.top, SIDE_COLUMN_IN, body.height)
    # The share of the height it wants that the chart gets, wide above the key figures
    # or narrow beside them (where long labels wrap onto more lines).
    wide = min(above.height / _natural_height_in(slide_spec(spec, body.width), body.width), 1)
    narrow = min(beside.height / _natural_height_in(spec, chart_width), 1)
    # Below a wide chart, unless that squeezes it much more than beside the key figures.
    if wide >= narrow * SQUEEZE_ALLOWED:
        return above, below
    return beside, side


def _chart_with_key_figures(
    slide, body: _Box, chart: ExportChart, key_figures: Sequence[str]
) -> None:
    """The chart filling its box (drawn at the box's size, so its text stays large),
    no taller than it needs; the key figures below or beside it."""
    from pptx.util import Inches

    chart_box, text_box = _chart_layout(chart.spec, body, key_figures)
    spec = slide_spec(chart.spec, chart_box.width)
    natural_in = max(_natural_height_in(spec, chart_box.width), MIN_CHART_IN)
    height_in = min(chart_box.height, natural_in)
    # A chart taller than its box is drawn at its own height and scaled down as a
    # picture: squeezing the drawing instead makes many bars' labels overlap.
    shrink = min(natural_in / height_in, MAX_SHRINK)
    natural_in = height_in * shrink
    png = chart_png(
        spec,
        scale=CHART_SCALE,
        width=round(chart_box.width * shrink * PX_PER_IN),
        height=round(natural_in * PX_PER_IN),
        font_size=CHART_FONT_PX,
    )
    placed = _fit(*_png_size(png), _Box(chart_box.left, chart_box.top, chart_box.width, height_in))
    picture = slide.shapes.add_picture(
        io.BytesIO(png),
        Inches(placed.left),
        Inches(placed.top),
        Inches(placed.width),
        Inches(placed.height),
    )
    picture.name = "Figur"
    picture._element.nvPicPr.cNvPr.set("descr", f"Figur: {chart.title}")
    if text_box is None:
        return
    if text_box.width == body.width:  # below: right under the chart
        top = placed.top + placed.height + GAP_IN
        text_box = _Box(text_box.left, top, text_box.width, body.top + body.height - top)
    _text_block(slide, text_box, key_figures, KEY_FIGURE_PT, panel=True)


# --- Slides without charts ----------------------------------------------------------------


def _table_sources(slide, section: ExportSection, table: ExportTable) -> _Box:
    if table.source_lines:
        return _sources(slide, table.short_sources, table.source_lines)
    return _sources(slide, section.short_sources, section.source_lines)


def _rest_of_table(
    deck, section: ExportSection, table: ExportTable, title: str, shown: int
) -> None:
    """The rows of ``table`` after the first ``shown`` on slides of their own, titled
    »<title> (fortsat)«, until every row is shown: a slide never sends the room to the
    workbook for rows (the register's 173 goals take about 20 slides, as on screen)."""
    while shown < len(table.frame):
        rest = replace(table, frame=table.frame.iloc[shown:].reset_index(drop=True))
        slide = _content_slide(deck, f"{title} (fortsat)")
        body = _table_sources(slide, section, rest)
        plan = _TablePlan.of(rest, body.width, _table_pt(table))
        shown += _table_summary(slide, body, plan)


def _rows_on_slides(table: ExportTable) -> ExportTable:
    """``table`` with the rows its slides show (all unless the recorder chose some)."""
    if table.slide_rows is None:
        return table
    frame = table.frame.iloc[list(table.slide_rows)].reset_index(drop=True)
    return replace(table, frame=frame, slide_rows=None)


def _table_pt(table: ExportTable) -> int:
    """A table shown whole on one or two slides keeps the larger type; a long one
    (more than ``FULL_TABLE_ROWS`` rows) takes the smaller, to need fewer slides."""
    return TABLE_PT if len(table.frame) <= FULL_TABLE_ROWS else LONG_TABLE_PT


def _key_figures_and_table(slide, body: _Box, section: ExportSection) -> int:
    """Key figures on top, then the first table; the table's header and first rows get
    their room first, the key figures the rest. The number of the table's rows shown."""
    top = body.top
    first = section.tables[0] if section.tables else None
    plan = None if first is None else _TablePlan.of(first, body.width, _table_pt(first))
    if section.key_figures:
        most = body.height
        if plan is not None:
            needed = _text_height(section.key_figures, KEY_FIGURE_PT[-1], body.width)
            most = max(
                body.height - GAP_IN - plan.height(TABLE_ROWS_WANTED),
                min(needed, body.height / 2),
            )
        size = _fitting_size(section.key_figures, KEY_FIGURE_PT, body.width, most)
        height = min(_text_height(section.key_figures, size, body.width), most)
        _text_block(
            slide,
            _Box(body.left, top, body.width, height),
            section.key_figures,
            KEY_FIGURE_PT,
            panel=True,
        )
        top += height + GAP_IN
    if plan is not None:
        box = _Box(body.left, top, body.width, body.top + body.height - top)
        return _table_summary(slide, box, plan)
    if not section.key_figures:
        _textbox(
            slide, body, ["Afsnittet har ingen figur eller tabel."], KEY_FIGURE_PT[0], TEXT_COLOR
        )
    return 0


def _cell_text(value: object, decimals: int | None) -> str:
    # pd.isna takes any object (the stubs list only pandas types):
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return MISSING_TEXT
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return format_number(float(value), decimals)


def _text_width_in(chars: int, pt: float) -> float:
    return chars * pt * 0.56 / 72 + 0.2  # with the cell's margins


def _usual_length(texts: Sequence[str]) -> int:
    """The length that nine in ten of ``texts`` keep within (1 for none)."""
    lengths = sorted(len(text) for text in texts)
    return lengths[math.ceil(0.9 * len(lengths)) - 1] if lengths else 1


def _column_widths(texts: list[list[str]], total_in: float, pt: float) -> list[float]:
    """Column widths in inches: every value on one line where possible, the rest of
    the width shared by the headings' longest words."""
    # A column's width follows its usual value, not its longest: one long deadline
    # among 170 short ones wraps rather than taking the goals' room on every slide.
    values = [_usual_length(column[1:]) for column in texts]
    words = [max((len(w) for w in column[0].split()), default=1) for column in texts]
    # A long text column wraps rather than squeezing the others to a letter a line.
    widest = total_in * MAX_COLUMN_SHARE
    base = [min(max(_text_width_in(n, pt), MIN_COLUMN_IN), widest) for n in values]
    if sum(base) >= total_in:
        return [total_in * b / sum(base) for b in base]
    wanted = [max(_text_width_in(w, pt) - b, 0) for w, b in zip(words, base, strict=True)]
    spare = total_in - sum(base)
    if sum(wanted) > spare:
        extra = [spare * w / sum(wanted) for w in wanted]
        return [b + e for b, e in zip(base, extra, strict=True)]
    # What is left goes to the columns that still wrap (a goal's text), as far as they
    # need it – fewer lines a row, more rows a slide –, then evenly.
    widths = [b + w for b, w in zip(base, wanted, strict=True)]
    spare -= sum(wanted)
    short = [max(_text_width_in(n, pt) - w, 0) for n, w in zip(values, widths, strict=True)]
    if sum(short) > 0:
        given = min(spare, sum(short))
        widths = [w + given * s / sum(short) for w, s in zip(widths, short, strict=True)]
        spare -= given
    return [w + spare / len(widths) for w in widths]


def _row_height_in(
    texts: Sequence[str], widths: Sequence[float], pt: float, bold: bool = False
) -> float:
    lines = max(
        _lines_needed([text], pt, max(width - 0.2, 0.3), BOLD_CHAR_EM if bold else CHAR_EM)
        for text, width in zip(texts, widths, strict=True)
    )
    return lines * pt * 1.25 / 72 + 0.14


@dataclass(frozen=True)
class _TablePlan:
    """A table as text cells with its column widths and row heights on a slide."""

    table: ExportTable
    headings: list[str]
    cells: list[list[str]]
    widths: list[float]
    heights: list[float]  # header first
    pt: int  # the cells' type size

    @classmethod
    def of(cls, table: ExportTable, width_in: float, pt: int = TABLE_PT) -> _TablePlan:
        frame = table.frame
        headings = [str(h) for h in frame.columns]
        cells = [
            [_cell_text(v, table.decimals.get(h)) for h, v in zip(frame.columns, row, strict=True)]
            for row in frame.itertuples(index=False)
        ]
        columns = [[h, *(row[i] for row in cells)] for i, h in enumerate(headings)]
        widths = _column_widths(columns, width_in, pt)
        heights = [_row_height_in(headings, widths, pt, bold=True)]
        heights += [_row_height_in(row, widths, pt) for row in cells]
        return cls(table, headings, cells, widths, heights, pt)

    def height(self, rows: int) -> float:
        """Caption, header, the first ``rows`` rows and the note on rows left out."""
        return TABLE_CAPTION_IN + sum(self.heights[: rows + 1]) + TABLE_NOTE_IN


MAX_SLIDE_COLUMNS = 4
FULL_TABLE_ROWS = 25  # a table of more rows is set in LONG_TABLE_PT
KEY_COLUMN_WORDS = ("mål", "status", "vurdering", "frist", "område", "værdi", "antal", "andel")


def key_columns(table: ExportTable, most: int = 4) -> ExportTable:
    """The table with its key columns only, for a slide: the first (what each row is)
    and those that say goal, status, assessment, deadline … (the workbook has them all).
    A first column of identifiers (»Mål-id«: »inv24_klar_lang_3«) says nothing to the
    room and gives way to the others."""
    columns = list(table.frame.columns)
    if table.slide_columns:  # the recorder named them
        kept = list(table.slide_columns)
        return replace(
            table,
            frame=table.frame[kept],
            decimals={k: v for k, v in table.decimals.items() if k in kept},
        )
    first = str(columns[0]).lower().replace(" ", "-")
    identifier = (first == "id" or first.endswith("-id")) and len(columns) > 1
    chosen = [] if identifier else [columns[0]]
    rest = columns[1:]
    for column in rest:
        if len(chosen) < most and any(w in str(column).lower() for w in KEY_COLUMN_WORDS):
            chosen.append(column)
    for column in rest:
        if len(chosen) < min(most, len(rest) if identifier else len(columns)) and (
            column not in chosen
        ):
            chosen.append(column)
    kept = [c for c in columns if c in chosen]
    return replace(
        table,
        frame=table.frame[kept],
        decimals={k: v for k, v in table.decimals.items() if k in kept},
    )


def _table_summary(slide, box: _Box, plan: _TablePlan) -> int:
    """The table's title and as many of its rows as fit; a note says how many are left
    for the next slides. The number of rows shown."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    if len(plan.headings) > MAX_SLIDE_COLUMNS or plan.table.slide_columns:
        # Too many columns make every column a sliver of broken words: the key ones.
        plan = _TablePlan.of(key_columns(plan.table), box.width, plan.pt)
    frame, headings, cells, widths = plan.table.frame, plan.headings, plan.cells, plan.widths
    if not cells and plan.table.slide_note:  # no row on a slide: what the note says
        _textbox(slide, box, [plan.table.slide_note], KEY_FIGURE_PT[0], TEXT_COLOR)
        return 0
    # A slide titled by the table (»Alle valgte mål (fortsat)«) needs no caption too.
    heading = slide.shapes.title.text if slide.shapes.title is not None else ""
    captioned = heading.removesuffix(" (fortsat)") != plan.table.title
    caption_in = TABLE_CAPTION_IN if captioned else 0.0
    rows = len(cells)
    while rows > 1 and plan.height(rows) - TABLE_CAPTION_IN + caption_in > box.height:
        rows -= 1
    if 0 < len(cells) - rows <= rows // 2:
        # Not a last slide of one or two rows: the rest shared evenly with the next.
        rows = math.ceil(len(cells) / 2)
    if captioned:
        caption = _textbox(
            slide,
            _Box(box.left, box.top, box.width, TABLE_CAPTION_IN - 0.05),
            [plan.table.title],
            plan.pt,
            TEXT_COLOR,
        )
        _style_runs(caption.text_frame, plan.pt, TEXT_COLOR, bold=True)
    shown = cells[:rows]
    heights = plan.heights[: rows + 1]
    graphic = slide.shapes.add_table(
        len(heights),
        len(headings),
        Inches(box.left),
        Inches(box.top + caption_in),
        Inches(box.width),
        Inches(sum(heights)),
    )
    graphic.name = "Tabel"
    grid = graphic.table
    for index, width in enumerate(widths):
        grid.columns[index].width = Inches(width)
    numeric = [
        any(not isinstance(v, str) and not pd.isna(v) for v in frame[h]) for h in frame.columns
    ]
    for row_index, (texts, height) in enumerate(zip([headings, *shown], heights, strict=True)):
        grid.rows[row_index].height = Inches(height)
        for col, text in enumerate(texts):
            cell = grid.cell(row_index, col)
            cell.text = _minus(text)
            cell.margin_top = cell.margin_bottom = Pt(3)
            cell.margin_left = cell.margin_right = Pt(5)
            if row_index and numeric[col]:
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            header = row_index == 0
            _style_runs(cell.text_frame, plan.pt, "FFFFFF" if header else TEXT_COLOR, header)
    left_out = len(cells) - len(shown)
    note = plan.table.slide_note  # under the last slide's rows
    if left_out:
        rows_word = "række" if left_out == 1 else "rækker"
        note = f"Fortsættes på næste dias ({left_out} {rows_word} mere)."
    if note:
        top = box.top + caption_in + sum(heights) + 0.05
        _textbox(
            slide,
            _Box(box.left, top, box.width, TABLE_NOTE_IN - 0.05),
            [note],
            plan.pt,
            SOURCE_COLOR,
        )
    return len(shown)
