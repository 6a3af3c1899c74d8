"""Committee exports (issue 9): PowerPoint, Excel, PNG and SVG built from real catalog data.

Every exported file is opened with its own library (python-pptx, openpyxl,
Pillow) and checked against the documents' figures, e.g. full-time persons on
public benefits in pct. of the labour force, dec. 2023: Hedensted 22,7,
Hele landet 23,4, RAR Østjylland 24,2.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Inches, Pt

from hedensted.benchmark import charts as cb
from hedensted.benchmark import tables as bt
from hedensted.benchmark.expenses import gap_worth
from hedensted.benchmark.groups import GroupView, fulltime_summary, group_view, wide_values
from hedensted.benchmark.ministry import benchmark_sentences, benchmark_view
from hedensted.core.catalog import Catalog
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.view_state import SortOrder
from hedensted.exports.images import DEFAULT_WIDTH, chart_png, chart_svg, offscreen_spec
from hedensted.exports.model import (
    ExportChart,
    ExportSection,
    ExportTable,
    bold_runs,
    plain_text,
)
from hedensted.exports.slides import QUESTIONS_TITLE, presentation_pptx
from hedensted.exports.workbook import number_format_for, sections_xlsx, sheet_names
from hedensted.front_page.kpis import expenses_kpi, fulltime_share_kpi
from hedensted.present.charts import enable_theme

REFERENCE = "Hele landet"
AREAS = ("Hele landet", "RAR Østjylland", "Hedensted")
FORMULA = '=HYPERLINK("http://x","y")'
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MEETING = date(2026, 11, 22)


# --- Sections from the catalog, as the Benchmark page builds them ----------------------


def _fulltime_view(catalog: Catalog) -> GroupView:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    return group_view(frame, "group", AREAS, REFERENCE, SortOrder.SOURCE, None, TOTAL_GROUP)


def fulltime_section(catalog: Catalog) -> ExportSection:
    enable_theme()
    dataset = catalog.get("fuldtidspersoner_pct_arbejdsstyrke")
    meta = dataset.metadata
    view = _fulltime_view(catalog)
    difference = cb.difference_bars(
        view.differences, "group", "Ydelsesgruppe", REFERENCE, "Forskel (pct.-point)", unit="pct."
    )
    values = cb.grouped_area_bars(
        view.values, "group", "Ydelsesgruppe", "Pct. af arbejdsstyrken", 1, view.areas, view.order
    )
    _, diff_export = bt.differences_table(
        view.differences, "group", "Ydelsesgruppe", REFERENCE, "percent", 1, "pct."
    )
    _, values_export = bt.values_table(
        wide_values(view), "group", "Ydelsesgruppe", "percent", 1, "pct."
    )
    sources = (meta.source_line(),)
    return ExportSection(
        title="1. Offentligt forsørgede",
        charts=(
            ExportChart(f"Forskel: Hedensted minus {REFERENCE}", difference.to_dict()),
            ExportChart("Pct. af arbejdsstyrken pr. ydelsesgruppe og område", values.to_dict()),
        ),
        key_figures=(fulltime_share_kpi(catalog, REFERENCE).sentence, fulltime_summary(view)),
        source_lines=sources,
        tables=(
            ExportTable(
                f"Forskel: Hedensted minus {REFERENCE}",
                diff_export,
                sources,
                meta.period_label,
                {c: 1 for c in diff_export.columns[1:]},
            ),
            ExportTable(
                "Pct. af arbejdsstyrken pr. ydelsesgruppe og område",
                values_export,
                sources,
                meta.period_label,
                {c: 1 for c in values_export.columns[1:]},
            ),
        ),
    )


def expenses_section(catalog: Catalog) -> ExportSection:
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke")
    labour = catalog.get("arbejdsstyrke_antal")
    view = group_view(
        expenses.frame, "group", AREAS, REFERENCE, SortOrder.SOURCE, None, TOTAL_GROUP
    )
    worth = gap_worth(expenses.frame, labour.frame, REFERENCE, view.order)
    chart = cb.difference_bars(
        worth,
        "group",
        "Ydelsesgruppe",
        REFERENCE,
        "Forskel i alt (mio. kr.)",
        decimals=1,
        field="total_mio",
        value_decimals=0,
        unit="kr. pr. person",
    )
    _, export = bt.worth_table(worth, REFERENCE)
    sources = (expenses.metadata.source_line(), labour.metadata.source_line())
    return ExportSection(
        title="2. Udgifter pr. person i arbejdsstyrken",
        charts=(ExportChart("Hvad er forskellen værd i alt?", chart.to_dict()),),
        key_figures=(expenses_kpi(catalog, REFERENCE).sentence,),
        source_lines=sources,
        tables=(
            ExportTable(
                "Hvad er forskellen værd i alt?",
                export,
                sources,
                expenses.metadata.period_label,
                {"Forskel i alt (mio. kr.)": 1},
            ),
        ),
    )


def benchmark_section(catalog: Catalog) -> ExportSection:
    """A section without charts: key figures (with Markdown bold) and a table."""
    dataset = catalog.get("beskaeftigelsesministeriets_benchmark")
    table = benchmark_view(dataset.frame)
    _, export = bt.benchmark_numbers_table(table)
    sources = (dataset.metadata.source_line(),)
    return ExportSection(
        title="3. Beskæftigelsesministeriets benchmark",
        charts=(),
        key_figures=tuple(benchmark_sentences(table)[:1]),
        source_lines=sources,
        tables=(ExportTable("Benchmark pr. ydelsesområde", export, sources, "2019–2020"),),
    )


@pytest.fixture(scope="module")
def sections(catalog: Catalog) -> tuple[ExportSection, ...]:
    return (fulltime_section(catalog), expenses_section(catalog), benchmark_section(catalog))


QUESTIONS = ("Hvorfor har Hedensted flere i fleksjob end landet?", "Hvad gør vi nu?")


@pytest.fixture(scope="module")
def deck(sections: tuple[ExportSection, ...]):
    data = presentation_pptx("Benchmark", MEETING, sections, QUESTIONS)
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def workbook(sections: tuple[ExportSection, ...]):
    return load_workbook(io.BytesIO(sections_xlsx(sections)))


def _value(frame: pd.DataFrame, area: str, group: str) -> float:
    rows = frame[(frame["area"] == area) & (frame["group"] == group)]
    return float(rows["value"].iloc[0])


# --- PNG and SVG -------------------------------------------------------------------------


def _png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def test_png_is_scale_times_the_fixed_width(sections) -> None:
    spec = sections[0].charts[0].spec
    png = chart_png(spec, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    width, height = _png_size(png)
    assert width == 2 * DEFAULT_WIDTH
    assert height > 200
    once = chart_png(spec, scale=1, width=600)
    assert _png_size(once)[0] == 600


def test_offscreen_spec_replaces_container_width_on_a_copy(sections) -> None:
    spec = {**sections[0].charts[1].spec, "width": "container"}
    fixed = offscreen_spec(spec, 900)
    assert fixed["width"] == 900
    assert fixed["autosize"]["contains"] == "padding"
    assert spec["width"] == "container"  # the page's spec is untouched
    bigger = offscreen_spec(spec, 900, font_size=20)
    assert bigger["config"]["axis"]["labelFontSize"] == 20
    assert spec["config"]["axis"]["labelFontSize"] == 13


def test_svg_shows_danish_numbers(catalog: Catalog) -> None:
    """Hedensted's 22,7 % (all groups, dec. 2023) in the chart's labels, never 22.7."""
    enable_theme()
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    assert _value(frame, "Hedensted", TOTAL_GROUP) == 22.7
    view = group_view(frame, "group", AREAS, REFERENCE, SortOrder.SOURCE, [TOTAL_GROUP])
    bars = cb.grouped_area_bars(
        view.values, "group", "Ydelsesgruppe", "Pct.", 1, view.areas, view.order
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt_text_field(), color=alt_no_color())
    svg = chart_svg((bars + labels).to_dict())
    assert svg.lstrip().startswith("<svg")
    for shown in ("22,7", "23,4", "24,2"):
        assert f">{shown}<" in svg
    assert "22.7" not in svg and "23.4" not in svg


def alt_text_field():
    import altair as alt

    return alt.Text("value:Q", format=",.1f")


def alt_no_color():
    import altair as alt

    return alt.value("#1f2933")


def test_png_text_is_drawn_with_a_system_font() -> None:
    """A chart of text only must put dark pixels on the image (no missing font)."""
    spec = {
        "data": {"values": [{"t": "Fleksjob 4,8"}]},
        "mark": {"type": "text", "fontSize": 40},
        "encoding": {"text": {"field": "t", "type": "nominal"}},
        "height": 80,
    }
    image = Image.open(io.BytesIO(chart_png(spec, scale=1, width=400))).convert("L")
    dark = sum(image.histogram()[:100])
    assert dark > 200


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: chart_png("nej"), "Vega-Lite"),
        (lambda: chart_svg(["nej"]), "Vega-Lite"),
        (lambda: chart_png({"mark": "bar"}, scale=0), "Skaleringen"),
        (lambda: chart_png({"mark": "bar"}, width=10), "bredde"),
        (lambda: chart_png({"mark": 5}), "kunne ikke tegnes"),
    ],
)
def test_images_reject_bad_input_in_danish(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


# --- PowerPoint --------------------------------------------------------------------------


def _texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_deck_is_16_9_with_one_slide_per_chart(deck, sections) -> None:
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.001
    charts = sum(max(len(s.charts), 1) for s in sections)
    assert len(deck.slides) == 1 + charts + 1  # title, content, questions
    assert charts == 4


def test_title_slide(deck) -> None:
    text = _texts(deck.slides[0])
    assert "Benchmark" in text
    assert "Udvalget for Beskæftigelse" in text
    assert "22. november 2026" in text
    assert deck.core_properties.title == "Benchmark"


def test_chart_slides_have_picture_key_figures_and_source(deck, sections) -> None:
    slides = list(deck.slides)[1:4]
    titles = [s.shapes.title.text_frame.text for s in slides]
    assert titles == [
        "1. Offentligt forsørgede – Forskel: Hedensted minus Hele landet",
        "1. Offentligt forsørgede – Pct. af arbejdsstyrken pr. ydelsesgruppe og område",
        "2. Udgifter pr. person i arbejdsstyrken – Hvad er forskellen værd i alt?",
    ]
    for slide in slides:
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        picture = pictures[0]
        assert picture.image.content_type == "image/png"
        # Sharp: at least 2 image pixels per point of the picture's width on the slide.
        assert picture.image.size[0] / (picture.width / Emu(Pt(1))) >= 1.5
        # Inside the slide, below the title.
        assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
        assert picture.top >= Inches(1.4)
        assert "Kilde:" in _texts(slide)
    first = _texts(slides[0])
    assert "22,7\xa0%" in first and "23,4\xa0%" in first  # the KPI sentence, Hele landet
    assert "Jobindsats.dk, dec. 2023" in first
    assert "Hedensted bruger 379 kr. mindre" in _texts(slides[2])


def test_shapes_do_not_overlap_and_stay_on_the_slide(deck) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        boxes = [
            (s.left, s.top, s.left + s.width, s.top + s.height, s.name)
            for s in slide.shapes
            if s.width and s.height
        ]
        for left, top, right, bottom, name in boxes:
            assert left >= 0 and top >= 0, (number, name)
            assert right <= deck.slide_width and bottom <= deck.slide_height, (number, name)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0 or overlap_y <= 0, (number, a[4], b[4])


def test_type_sizes_are_readable(deck) -> None:
    for slide in list(deck.slides)[1:]:
        assert slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size >= Pt(28)
        for shape in slide.shapes:
            if not shape.has_text_frame or shape == slide.shapes.title:
                continue
            minimum = Pt(12) if shape.name == "Kilde" else Pt(16)
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size >= minimum, (shape.name, run.text)


def test_section_without_chart_gets_key_figures_and_a_pointer_to_the_table(deck) -> None:
    slide = deck.slides[4]
    assert slide.shapes.title.text_frame.text == "3. Beskæftigelsesministeriets benchmark"
    assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    text = _texts(slide)
    assert "Kilde:" in text
    assert "**" not in text  # Markdown bold became bold runs
    bold = [
        run.text
        for shape in slide.shapes
        if shape.has_text_frame and shape.name == "Nøgletal"
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
        if run.font.bold
    ]
    assert bold and bold[0] == "Alle ydelser"
    # The benchmark table has 8 columns: too many to read on a slide, so the slide
    # shows its key columns (the workbook has them all), never "see the Excel file".
    grid = next(s for s in slide.shapes if s.has_table).table
    assert 2 <= len(grid.columns) <= 4
    assert "se Excel-filen" not in text and "for stor" not in text


def test_a_table_too_large_for_a_slide_continues_until_every_row_is_shown(catalog) -> None:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    section = ExportSection(
        title="Alle tal",
        charts=(),
        key_figures=(),
        source_lines=("Kilde: test.",),
        tables=(ExportTable("Hele tabellen", frame[["area", "group", "value"]], (), "dec. 2023"),),
    )
    deck = Presentation(io.BytesIO(presentation_pptx("Test", MEETING, [section])))
    slide = deck.slides[1]
    grid = next(s for s in slide.shapes if s.has_table).table
    shown = len(grid.rows) - 1
    assert 3 <= shown < len(frame)
    assert grid.cell(1, 2).text == "23,4"  # Hele landet, all groups, dec. 2023
    assert f"Fortsættes på næste dias ({len(frame) - shown} rækker mere)." in _texts(slide)
    rest = list(deck.slides)[2:]
    assert [s.shapes.title.text for s in rest] == ["Alle tal (fortsat)"] * len(rest)
    continued = next(s for s in rest[0].shapes if s.has_table).table
    assert continued.cell(1, 0).text == str(frame["area"].iloc[shown])  # the next row
    # Every row is on a slide, once and in order; none is left to the workbook.
    grids = [next(s for s in d.shapes if s.has_table).table for d in list(deck.slides)[1:]]
    areas = [g.cell(r, 0).text for g in grids for r in range(1, len(g.rows))]
    assert areas == [str(a) for a in frame["area"]]
    assert not any("Excel" in _texts(d) for d in deck.slides)
    # The last slide is not a leftover row or two (Kompensationskort ended on one).
    counts = [len(g.rows) - 1 for g in grids]
    assert counts[-1] * 2 >= max(counts[:-1])
    # A long table is set in the smaller type, never below 12 pt.
    sizes = {
        run.font.size.pt
        for g in grids
        for cell in g.iter_cells()
        for paragraph in cell.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert sizes == {12}


def test_questions_slide_last(deck) -> None:
    slide = deck.slides[-1]
    assert slide.shapes.title.text_frame.text == QUESTIONS_TITLE
    text = _texts(slide)
    for question in QUESTIONS:
        assert question in text


def test_deck_without_questions_has_no_question_slide(sections) -> None:
    data = presentation_pptx("Benchmark", MEETING, sections[2:])
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 2
    assert deck.slides[-1].shapes.title.text_frame.text != QUESTIONS_TITLE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", MEETING, "sections"), "tema"),
        (("Benchmark", "22-11-2026", "sections"), "dato"),
        (("Benchmark", MEETING, ()), "ingen afsnit"),
        (("Benchmark", MEETING, ["ikke et afsnit"]), "ExportSection"),
    ],
)
def test_deck_rejects_bad_input_in_danish(sections, args, message: str) -> None:
    theme, shown_on, chosen = args
    with pytest.raises(ValueError, match=message):
        presentation_pptx(theme, shown_on, sections if chosen == "sections" else chosen)


def test_deck_rejects_an_empty_question(sections) -> None:
    with pytest.raises(ValueError, match="spørgsmål"):
        presentation_pptx("Benchmark", MEETING, sections[2:], ("Hvorfor?", "  "))


# --- Excel -------------------------------------------------------------------------------


def test_one_sheet_per_section(workbook) -> None:
    assert workbook.sheetnames == [
        "1. Offentligt forsørgede",
        "2. Udgifter pr. person",  # cut between words, not »… i arbejd«, no dangling »i«
        "3. Beskæftigelsesministeriets",
    ]


def _find_row(sheet, text: str) -> int:
    for row in sheet.iter_rows():
        if row[0].value == text:
            return row[0].row
    raise AssertionError(f"{text!r} not on {sheet.title}")


def test_sheet_has_source_and_period_above_a_bold_header(workbook, catalog) -> None:
    sheet = workbook["1. Offentligt forsørgede"]
    meta = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").metadata
    assert sheet["A1"].value == "Forskel: Hedensted minus Hele landet"
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == meta.source_line()
    assert sheet["A3"].value == "Periode: dec. 2023"
    assert [c.value for c in sheet[4]] == [
        "Ydelsesgruppe",
        "Hedensted (pct.)",
        "Hele landet (pct.)",
        "Forskel, Hedensted minus Hele landet (pct.-point)",
    ]
    assert all(c.font.bold for c in sheet[4])
    assert sheet.freeze_panes is None
    # Widths follow the content: the longest group name fits, long headings wrap.
    assert sheet.column_dimensions["A"].width >= len("Selvforsørgelses- og hjemrejseydelse mv.")
    assert 8 <= sheet.column_dimensions["B"].width <= 30
    assert sheet["D4"].alignment.wrap_text
    # The second table is stacked below the first, with its own title, source and period.
    second = _find_row(sheet, "Pct. af arbejdsstyrken pr. ydelsesgruppe og område")
    assert second > 4 + 13
    assert sheet.cell(second + 1, 1).value == meta.source_line()
    assert sheet.cell(second + 2, 1).value == "Periode: dec. 2023"
    assert sheet.cell(second + 3, 4).value == "Hedensted (pct.)"


def test_values_are_the_catalogs_numbers_with_danish_display_format(workbook, catalog) -> None:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    sheet = workbook["1. Offentligt forsørgede"]
    second = _find_row(sheet, "Pct. af arbejdsstyrken pr. ydelsesgruppe og område")
    header = second + 3
    total = _find_row(sheet, TOTAL_GROUP)
    assert total > header
    by_heading = {sheet.cell(header, c).value: c for c in range(1, 5)}
    for area in AREAS:
        cell = sheet.cell(total, by_heading[f"{area} (pct.)"])
        assert cell.data_type == "n"
        assert cell.value == _value(frame, area, TOTAL_GROUP)
        assert cell.number_format == "#,##0.0"
    assert sheet.cell(total, by_heading["Hedensted (pct.)"]).value == 22.7
    assert sheet.cell(total, by_heading["Hele landet (pct.)"]).value == 23.4
    fleks = _find_row(sheet, "Fleksjob")  # first: the difference table
    assert sheet.cell(fleks, 4).value == pytest.approx(1.6)
    assert sheet.cell(fleks, 4).number_format == "#,##0.0"


def test_kroner_and_millions_formats(workbook, catalog) -> None:
    sheet = workbook["2. Udgifter pr. person"]
    header = 1 + 1 + 2 + 1  # title, two source lines, period
    headings = [c.value for c in sheet[header]]
    total = _find_row(sheet, TOTAL_GROUP)
    row = dict(zip(headings, [c for c in sheet[total]], strict=False))
    assert row["Forskel (kr. pr. person)"].value == -379
    assert row["Forskel (kr. pr. person)"].number_format == "#,##0"
    assert row["Hedensteds arbejdsstyrke (personer)"].value == 24713
    millions = row["Forskel i alt (mio. kr.)"]
    assert millions.value == pytest.approx(-9.4, abs=0.05)
    assert millions.number_format == "#,##0.0"


def test_missing_values_are_empty_cells_and_formulas_stay_text() -> None:
    frame = pd.DataFrame(
        {
            "Område": ["Hedensted", FORMULA, "-5", "+45 12"],
            "Antal": [1212.0, None, float("nan"), 3.0],
        }
    )
    section = ExportSection(
        title="Test: [ark]/?*",
        charts=(),
        key_figures=(),
        source_lines=("Kilde: test.",),
        tables=(ExportTable("Tabel", frame, ("Kilde: test.",), "2024", {"Antal": 0}),),
    )
    data = sections_xlsx([section])
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    assert sheet.title == "Test ark"
    header = _find_row(sheet, "Område")
    assert sheet.cell(header + 1, 2).value == 1212
    assert sheet.cell(header + 1, 2).number_format == "#,##0"
    assert sheet.cell(header + 2, 2).value is None
    assert sheet.cell(header + 3, 2).value is None
    formula = sheet.cell(header + 2, 1)
    assert formula.value == FORMULA
    assert formula.data_type == "s"
    assert formula.quotePrefix
    assert sheet.cell(header + 3, 1).value == "-5" and sheet.cell(header + 3, 1).data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_section_without_tables_gets_its_key_figures(sections) -> None:
    bare = ExportSection(
        title=sections[2].title,
        charts=(),
        key_figures=sections[2].key_figures,
        source_lines=sections[2].source_lines,
        tables=(),
    )
    sheet = load_workbook(io.BytesIO(sections_xlsx([bare]))).worksheets[0]
    texts = [row[0].value for row in sheet.iter_rows() if row[0].value]
    assert texts[0] == "3. Beskæftigelsesministeriets benchmark"
    assert texts[1].startswith("Alle ydelser: nr. ")
    assert texts[-1].startswith("Kilde:")


def test_sheet_names_are_valid_and_unique() -> None:
    names = sheet_names(["Mål", "Mål", "MÅL", "a/b:c", "'citat'", "", "History", "x" * 40])
    assert names[:3] == ["Mål", "Mål (2)", "MÅL (3)"]
    assert names[3] == "abc"
    assert names[4] == "citat"
    assert names[5] == "Ark 6"
    assert names[6] == "History 7"
    assert names[7] == "x" * 31
    assert all(len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == len(names)


def test_number_formats() -> None:
    assert number_format_for(0) == "#,##0"
    assert number_format_for(1) == "#,##0.0"
    assert number_format_for(2) == "#,##0.00"


def test_workbook_rejects_no_sections() -> None:
    with pytest.raises(ValueError, match="ingen afsnit"):
        sections_xlsx([])


# --- The model ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ExportChart("", {}), "titel"),
        (lambda: ExportChart("Figur", "spec"), "Vega-Lite"),
        (lambda: ExportSection(" ", (), (), (), ()), "titel"),
        (lambda: ExportSection("A", ("figur",), (), (), ()), "ExportChart"),
        (lambda: ExportSection("A", (), ("",), (), ()), "nøgletallene"),
        (lambda: ExportTable("T", [1, 2], (), "2024"), "DataFrame"),
        (lambda: ExportTable("T", pd.DataFrame({"a": [1]}), (), ""), "Perioden"),
        (lambda: ExportTable("T", pd.DataFrame({"a": [1]}), (), "2024", {"b": 1}), "»b«"),
        (lambda: ExportTable("T", pd.DataFrame({"a": [1]}), (), "2024", {"a": -1}), "decimaler"),
    ],
)
def test_model_rejects_bad_input_in_danish(build, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_bold_runs() -> None:
    assert bold_runs("**Alle ydelser**: nr. 12 af 98.") == [
        ("Alle ydelser", True),
        (": nr. 12 af 98.", False),
    ]
    assert bold_runs("2 ** 3") == [("2 ** 3", False)]
    assert plain_text("**A** og **B**") == "A og B"


def test_composite_chart_gets_fixed_widths() -> None:
    panel = {
        "data": {"values": [{"a": "x", "v": 22.7}]},
        "mark": "bar",
        "encoding": {"x": {"field": "v", "type": "quantitative"}, "y": {"field": "a"}},
        "width": "container",
    }
    spec = {"hconcat": [panel, panel]}
    fixed = offscreen_spec(spec, 300)
    assert [p["width"] for p in fixed["hconcat"]] == [300, 300]
    width, _ = _png_size(chart_png(spec, scale=1, width=300))
    assert 600 <= width <= 800


def test_a_chart_named_after_its_section_and_its_own_sentence_and_source(sections) -> None:
    """An untitled chart (named after its section) is not titled twice; a chart's own
    sentence and source line replace the section's on its slide."""
    section = sections[1]
    chart = replace(
        section.charts[0],
        title=f"{section.title} (2)",
        key_figures=("Kun denne figurs sætning.",),
        source_lines=("Kilde: kun denne figur.",),
    )
    deck = Presentation(
        io.BytesIO(presentation_pptx("Test", MEETING, [replace(section, charts=(chart,))]))
    )
    slide = deck.slides[1]
    assert slide.shapes.title.text_frame.text == f"{section.title} (2)"
    text = _texts(slide)
    assert "Kun denne figurs sætning." in text and section.key_figures[0] not in text
    assert "Kilde: kun denne figur." in text and section.source_lines[0] not in text


def test_sheet_names_are_cut_between_words() -> None:
    long_title = "Uddannelseshjælp sammenlignet med andre områder"
    names = sheet_names([long_title, "Et meget langt ord" * 3])
    assert names[0] == "Uddannelseshjælp sammenlignet"
    assert names[1] == "Et meget langt ordEt meget"
    assert all(len(n) <= 31 for n in names)
    # A cut name does not end on a short word (the Benchmark workbook's sheets).
    cut = sheet_names(
        [
            "2. Udgifter pr. person i arbejdsstyrken",
            "4. Status 1 måned efter afsluttet forløb",
            "Integrationsindsatsen efter 3-2-modellen",
        ]
    )
    assert cut == ["2. Udgifter pr. person", "4. Status 1 måned", "Integrationsindsatsen"]


def test_stacked_tables_with_one_title_are_named_by_what_sets_them_apart() -> None:
    from hedensted.exports.workbook import distinct_titles

    def table(group: str) -> ExportTable:
        frame = pd.DataFrame({"Målgruppe": [group, group], "Område": ["A", "B"], "Uger": [1, 2]})
        return ExportTable("Varighed", frame, (), "2023")

    titles = distinct_titles([table("Jobparate"), table("Uddannelseshjælp"), table("Jobparate")])
    # Two tables share everything: numbered; the target group names the others where it can.
    assert titles == ["Varighed (1)", "Varighed (2)", "Varighed (3)"]
    assert distinct_titles([table("Jobparate"), table("Uddannelseshjælp")]) == [
        "Varighed – Jobparate",
        "Varighed – Uddannelseshjælp",
    ]
    difference = ExportTable("Forsørgede", pd.DataFrame({"Gruppe": ["A"], "Forskel": [1]}), (), "x")
    values = ExportTable("Forsørgede", pd.DataFrame({"Gruppe": ["A"], "Andel": [2]}), (), "x")
    assert distinct_titles([difference, values]) == ["Forsørgede – Forskel", "Forsørgede – Andel"]


def test_workbook_prints_landscape_and_names_municipality_and_theme() -> None:
    frame = pd.DataFrame({"Område": ["Hedensted", "RAR"], "Andel (%)": ["–", 3.5]})
    section = ExportSection(
        title="Mål",
        charts=(),
        key_figures=(),
        source_lines=("Kilde: test.",),
        tables=(ExportTable("Tabel", frame, ("Kilde: test.",), "2024"),),
    )
    book = load_workbook(io.BytesIO(sections_xlsx([section], theme="Unge")))
    sheet = book.worksheets[0]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$4"  # title, source, period, headings
    # Stacked tables each start their own heading: none is repeated over the others.
    two = replace(section, tables=(*section.tables, replace(section.tables[0], title="To")))
    stacked = load_workbook(io.BytesIO(sections_xlsx([two], theme="Unge"))).worksheets[0]
    assert stacked.print_title_rows is None
    # A long text wraps in a column no wider than 45 characters.
    long = "Kilderne har kun andelen i marts 2019 – et udgangspunkt fra før målet blev sat. " * 2
    notes = replace(section.tables[0], frame=pd.DataFrame({"Område": ["A"], "Belæg": [long]}))
    book_notes = load_workbook(io.BytesIO(sections_xlsx([replace(section, tables=(notes,))])))
    noted = book_notes.worksheets[0]
    cell = noted.cell(_find_row(noted, "Område") + 1, 2)
    assert cell.value == long
    assert cell.alignment.wrap_text and noted.column_dimensions["B"].width == 45
    # Its row is as tall as its lines (LibreOffice does not grow it when opening).
    assert noted.row_dimensions[cell.row].height == 4 * 15
    assert book.properties.creator == "Hedensted Kommune"
    assert book.properties.title == "Unge – Hedensted Kommune"
    header = _find_row(sheet, "Område")
    assert sheet.cell(header + 1, 2).value is None  # "–" on screen is an empty cell
    assert sheet.cell(header + 2, 2).value == 3.5


def test_a_wide_table_keeps_its_key_columns_on_a_slide() -> None:
    from hedensted.exports.slides import key_columns

    frame = pd.DataFrame(
        {c: ["x"] for c in ["Mål", "Dokument", "Afsnit", "Frist", "Senere tal", "Status", "Note"]}
    )
    kept = key_columns(ExportTable("Mål", frame, (), "2024"))
    assert list(kept.frame.columns) == ["Mål", "Dokument", "Frist", "Status"]


def test_chart_text_on_a_slide_is_never_below_12_pt() -> None:
    from hedensted.exports.slides import CHART_FONT_PX, MAX_SHRINK

    assert CHART_FONT_PX * 0.75 / MAX_SHRINK >= 12


def test_each_further_table_of_a_chartless_section_is_a_slide_of_its_own() -> None:
    tables = tuple(
        ExportTable(
            f"Projekt {n}: startmåling og mål",
            pd.DataFrame({"Indikator": ["A", "B"], "Startmåling": ["644 personer", "–"]}),
            ("Kilde: test.",),
            "2024",
        )
        for n in (1, 2, 3)
    )
    section = ExportSection("Overblik", (), (), ("Kilde: test.",), tables)
    deck = Presentation(io.BytesIO(presentation_pptx("Investeringsprojekter", MEETING, [section])))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles == [
        "Investeringsprojekter",
        "Overblik",
        "Projekt 2: startmåling og mål",
        "Projekt 3: startmåling og mål",
    ]
    grid = next(s for s in deck.slides[2].shapes if s.has_table).table
    assert grid.cell(1, 1).text == "644 personer"


def test_a_long_text_column_leaves_the_others_room() -> None:
    from hedensted.exports.slides import MIN_COLUMN_IN, TABLE_PT, _column_widths

    name = "Antal ledige, som i forbindelse med projektet afsluttes " * 2
    long_names = ["Indikator", name, name, name]
    short = ["Næste delmål", "–", "–", "–"]
    widths = _column_widths([long_names, short], 12.0, TABLE_PT)
    assert widths[1] >= MIN_COLUMN_IN
    assert sum(widths) == pytest.approx(12.0)


def test_a_column_of_identifiers_gives_way_on_a_slide() -> None:
    """The Mål deck's table showed »Mål-id« (»inv24_klar_lang_3«) as its first column."""
    from hedensted.exports.slides import key_columns

    frame = pd.DataFrame(
        {
            "Mål-id": ["inv24_klar_lang_3"],
            "Tema": ["Investeringsprojekter"],
            "Status": ["ikke opfyldt"],
            "Vurdering": ["Ikke opfyldt (jan. 2024)"],
            "Mål": ["At Hedensted fortsat har den laveste ledighedsprocent"],
            "Frist": ["langsigtet mål"],
        }
    )
    kept = key_columns(ExportTable("Alle valgte mål", frame, (), "2024"))
    assert list(kept.frame.columns) == ["Status", "Vurdering", "Mål", "Frist"]


def test_a_goal_table_shows_verdict_goal_and_deadline_on_a_slide() -> None:
    """The Mål deck showed »Status« beside »Vurdering« (the same word twice) and
    »Måling«; the recorder names the slide's columns, so more goals fit a slide."""
    from hedensted.exports.slides import key_columns

    frame = pd.DataFrame(
        {
            "Mål-id": ["inv24_klar_lang_3"],
            "Status": ["ikke opfyldt"],
            "Vurdering": ["Ikke opfyldt (jan. 2024)"],
            "Mål": ["At Hedensted fortsat har den laveste ledighedsprocent"],
            "Måling": ["Placering i RAR Østjylland"],
            "Frist": ["langsigtet mål"],
        }
    )
    slide = ("Vurdering", "Mål", "Frist")
    kept = key_columns(ExportTable("Alle valgte mål", frame, (), "2024", slide_columns=slide))
    assert list(kept.frame.columns) == list(slide)
    with pytest.raises(ValueError, match="Tema"):
        ExportTable("Alle valgte mål", frame, (), "2024", slide_columns=("Tema",))


def test_a_table_of_up_to_25_rows_is_shown_whole_over_slides() -> None:
    """Unge's 11 goals once ended »… og 3 rækker mere i Excel-filen« after three slides."""
    goal = "Antallet af unge mellem 18 og 30 år på offentlig forsørgelse reduceres hvert år. " * 2
    frame = pd.DataFrame(
        {"Vurdering": ["Kan ikke vurderes"] * 20, "Mål": [f"{n}. {goal}" for n in range(20)]}
    )
    section = ExportSection(
        title="Målstatus",
        charts=(),
        key_figures=(),
        source_lines=("Kilde: test.",),
        tables=(ExportTable("Målstatus", frame, (), "2024"),),
    )
    deck = Presentation(io.BytesIO(presentation_pptx("Test", MEETING, [section])))
    slides = list(deck.slides)[1:]
    assert len(slides) > 3
    assert [s.shapes.title.text for s in slides[1:]] == ["Målstatus (fortsat)"] * (len(slides) - 1)
    rows = [
        next(shape for shape in s.shapes if shape.has_table).table.cell(r, 1).text
        for s in slides
        for r in range(1, len(next(shape for shape in s.shapes if shape.has_table).table.rows))
    ]
    assert [r.split(".")[0] for r in rows] == [str(n) for n in range(20)]  # every goal, once
    assert not any("Excel" in _texts(s) for s in slides)


def test_one_wrap_estimate_for_slides_and_workbooks() -> None:
    from hedensted.exports.wrapping import wrapped_lines

    assert wrapped_lines("Kilde: Jobindsats.dk, dec. 2023", 40) == 1
    assert wrapped_lines("Kilde: Jobindsats.dk, dec. 2023", 20) == 3  # 3 lines at 20
    assert wrapped_lines("Førtidspension\nSeniorpension", 40) == 2  # a line break is a line
    assert wrapped_lines("x" * 25, 10) == 3  # a word longer than a line is broken
    with pytest.raises(ValueError):
        wrapped_lines("tekst", 0)
