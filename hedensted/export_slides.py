"""PowerPoint (16:9) for the committee's agenda: one slide per chart, in Danish.

Slides: a title slide (theme, date, "Udvalget for Beskæftigelse"); one slide per
chart of every section, titled "<section> – <chart>", with the chart as a sharp
PNG, the section's key figures and its source lines at the bottom; a section
without charts gets one slide with its key figures and the start of its first
table; the discussion questions last. Shapes are laid out for 16:9 here (the
python-pptx template is 4:3). Type is large enough for a meeting room: titles
28 pt, body 16–24 pt, source lines 12 pt.
"""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.export_images import chart_png
from hedensted.export_model import (
    ExportSection,
    ExportTable,
    bold_runs,
    plain_text,
    require_sections,
)
from hedensted.formatting import MISSING_TEXT, format_long_date, format_number

COMMITTEE = "Udvalget for Beskæftigelse"
QUESTIONS_TITLE = "Spørgsmål til drøftelse"
SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.5
TITLE_TOP_IN = 0.3
TITLE_HEIGHT_IN = 1.05
BODY_TOP_IN = 1.5
BOTTOM_MARGIN_IN = 0.25
GAP_IN = 0.2
SIDE_COLUMN_IN = 4.0  # key figures beside a tall chart
TITLE_PT = 28
TITLE_SLIDE_PT = 44
SUBTITLE_PT = 24
KEY_FIGURE_PT = (22, 20, 18, 16)  # largest that fits
QUESTION_PT = (24, 22, 20, 18, 16)
TABLE_PT = 16
SOURCE_PT = 12
CHART_WIDTH_PX = 1100
CHART_FONT_PX = 18  # chart labels on a slide: about 14 pt at full slide width
CHART_SCALE = 2
TABLE_ROW_IN = 0.42
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
            for chart in section.charts:
                slide = _content_slide(deck, f"{section.title} – {chart.title}")
                body = _body_box(slide, section.source_lines)
                picture = chart_png(
                    chart.spec, scale=CHART_SCALE, width=CHART_WIDTH_PX, font_size=CHART_FONT_PX
                )
                _chart_with_key_figures(slide, body, picture, chart.title, section.key_figures)
        else:
            slide = _content_slide(deck, section.title)
            body = _body_box(slide, section.source_lines)
            _key_figures_and_table(slide, body, section)
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
    from pptx.enum.text import PP_ALIGN

    slide = deck.slides.add_slide(deck.slide_layouts[0])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    width = SLIDE_WIDTH_IN - 2 * MARGIN_IN
    _place(title, _Box(MARGIN_IN, 1.9, width, 2.0))
    _place(subtitle, _Box(MARGIN_IN, 4.1, width, 1.4))
    title.text_frame.text = theme
    title.text_frame.word_wrap = True
    _style_runs(title.text_frame, TITLE_SLIDE_PT, ACCENT_COLOR, bold=True)
    subtitle.text_frame.text = f"{COMMITTEE}\n{format_long_date(shown_on)}"
    _style_runs(subtitle.text_frame, SUBTITLE_PT, TEXT_COLOR)
    for frame in (title.text_frame, subtitle.text_frame):
        for paragraph in frame.paragraphs:
            paragraph.alignment = PP_ALIGN.LEFT


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
    _style_runs(frame, TITLE_PT, ACCENT_COLOR, bold=True)
    return slide


def _lines_needed(texts: Sequence[str], size_pt: float, width_in: float) -> int:
    """Estimated wrapped lines of ``texts`` (one paragraph each) in a box ``width_in`` wide."""
    per_line = max(int(width_in * 72 / (size_pt * 0.52)), 1)
    return sum(max(math.ceil(len(plain_text(text)) / per_line), 1) for text in texts)


def _line_height_in(size_pt: float) -> float:
    return size_pt * 1.25 / 72


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
        for part, _ in [(marker, False), *bold_runs(text)] if marker else bold_runs(text):
            paragraph.add_run().text = part
    _style_runs(frame, size, color)
    for index, text in enumerate(paragraphs):
        runs = frame.paragraphs[index].runs[1 if marker else 0 :]
        for run, (_, bold) in zip(runs, bold_runs(text), strict=True):
            run.font.bold = bold
    return shape


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


def _chart_with_key_figures(
    slide, body: _Box, png: bytes, title: str, key_figures: Sequence[str]
) -> None:
    """The chart as large as it fits, key figures below a wide chart or beside a tall one."""
    from pptx.util import Inches

    pixels = _png_size(png)
    layouts: list[tuple[_Box, _Box | None]] = [(body, None)]
    if key_figures:
        smallest = KEY_FIGURE_PT[-1]
        below_height = min(_text_height(key_figures, smallest, body.width), body.height / 2)
        below = _Box(body.left, body.top + body.height - below_height, body.width, below_height)
        above = _Box(body.left, body.top, body.width, body.height - below_height - GAP_IN)
        side = _Box(body.left + body.width - SIDE_COLUMN_IN, body.top, SIDE_COLUMN_IN, body.height)
        beside = _Box(body.left, body.top, body.width - SIDE_COLUMN_IN - GAP_IN, body.height)
        layouts = [(above, below), (beside, side)]
    picture_box, text_box = max(layouts, key=lambda pair: _fit(*pixels, pair[0]).width)
    placed = _fit(*pixels, picture_box)
    if text_box is not None and text_box.width == SIDE_COLUMN_IN:
        # Beside: the chart keeps to the left, the key figures follow its right edge.
        placed = _Box(picture_box.left, placed.top, placed.width, placed.height)
        text_box = _Box(
            placed.left + placed.width + GAP_IN,
            text_box.top,
            text_box.width,
            min(text_box.height, max(placed.height, 2.0)),
        )
    elif text_box is not None:
        text_box = _Box(
            text_box.left, placed.top + placed.height + GAP_IN, text_box.width, text_box.height
        )
    picture = slide.shapes.add_picture(
        io.BytesIO(png),
        Inches(placed.left),
        Inches(placed.top),
        Inches(placed.width),
        Inches(placed.height),
    )
    picture.name = "Figur"
    picture._element.nvPicPr.cNvPr.set("descr", f"Figur: {title}")
    if text_box is not None:
        _text_block(slide, text_box, key_figures, KEY_FIGURE_PT, panel=True)


# --- Slides without charts ----------------------------------------------------------------


def _key_figures_and_table(slide, body: _Box, section: ExportSection) -> None:
    top = body.top
    if section.key_figures:
        height = min(
            _text_height(section.key_figures, KEY_FIGURE_PT[0], body.width),
            body.height if not section.tables else body.height / 2,
        )
        _text_block(
            slide,
            _Box(body.left, top, body.width, height),
            section.key_figures,
            KEY_FIGURE_PT,
            panel=True,
        )
        top += height + GAP_IN
    if section.tables:
        _table_summary(
            slide, _Box(body.left, top, body.width, body.top + body.height - top), section.tables[0]
        )
    elif not section.key_figures:
        _textbox(
            slide, body, ["Afsnittet har ingen figur eller tabel."], KEY_FIGURE_PT[0], TEXT_COLOR
        )


def _cell_text(value: object, decimals: int | None) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return MISSING_TEXT
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return format_number(float(value), decimals)


def _table_summary(slide, box: _Box, table: ExportTable) -> None:
    """The table's title and as many of its rows as fit; a note says how many are left out."""
    from pptx.util import Inches, Pt

    caption = _textbox(
        slide, _Box(box.left, box.top, box.width, 0.45), [table.title], TABLE_PT, TEXT_COLOR
    )
    _style_runs(caption.text_frame, TABLE_PT, TEXT_COLOR, bold=True)
    frame = table.frame
    room = box.height - 0.5 - 0.45  # caption, and a note on rows left out
    fitting = max(int(room / TABLE_ROW_IN) - 1, 1)
    shown = frame.head(fitting)
    rows, columns = len(shown) + 1, len(frame.columns)
    graphic = slide.shapes.add_table(
        rows,
        columns,
        Inches(box.left),
        Inches(box.top + 0.5),
        Inches(box.width),
        Inches(TABLE_ROW_IN * rows),
    )
    graphic.name = "Tabel"
    grid = graphic.table
    first = min(box.width * 0.4, 4.5) if columns > 1 else box.width
    grid.columns[0].width = Inches(first)
    for index in range(1, columns):
        grid.columns[index].width = Inches((box.width - first) / (columns - 1))
    from pptx.enum.text import PP_ALIGN

    for col, heading in enumerate(frame.columns):
        grid.cell(0, col).text = str(heading)
    for row, values in enumerate(shown.itertuples(index=False), start=1):
        for col, (heading, value) in enumerate(zip(frame.columns, values, strict=True)):
            grid.cell(row, col).text = _cell_text(value, table.decimals.get(heading))
            if col and not isinstance(value, str):
                grid.cell(row, col).text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    for row in range(rows):
        grid.rows[row].height = Inches(TABLE_ROW_IN)
        for col in range(columns):
            cell = grid.cell(row, col)
            cell.margin_top = cell.margin_bottom = Pt(3)
            _style_runs(
                cell.text_frame, TABLE_PT, "FFFFFF" if row == 0 else TEXT_COLOR, bold=row == 0
            )
    left_out = len(frame) - len(shown)
    if left_out:
        rows_word = "række" if left_out == 1 else "rækker"
        note = f"… og {left_out} {rows_word} mere – se Excel-filen."
        _textbox(
            slide,
            _Box(box.left, box.top + 0.5 + TABLE_ROW_IN * rows + 0.05, box.width, 0.4),
            [note],
            TABLE_PT,
            SOURCE_COLOR,
        )
