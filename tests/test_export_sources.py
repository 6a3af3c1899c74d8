"""PowerPoint source lines (issue 16): the short line on the slide, as the app's slides
show it, and the full reference in the slide's notes."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from pptx import Presentation

from hedensted.core.catalog import Catalog
from hedensted.exports.model import ExportChart, ExportSection, ExportTable
from hedensted.exports.slides import presentation_pptx
from hedensted.present.sources import short_source_line
from tests.apptest_support import open_page

MEETING = date(2026, 11, 22)
BAR = {
    "data": {"values": [{"a": "Hedensted", "v": 22.7}, {"a": "Hele landet", "v": 23.4}]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "a", "type": "nominal"},
        "x": {"field": "v", "type": "quantitative"},
    },
}


def _source_shape(slide):
    return next(shape for shape in slide.shapes if shape.name == "Kilde")


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_a_slide_shows_the_short_source_and_keeps_the_full_one_in_its_notes(
    catalog: Catalog,
) -> None:
    meta = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").metadata
    full, short = meta.source_line(), short_source_line([meta])
    assert short == "Kilde: Jobindsats.dk, dec. 2023 · Temadrøftelse 5. marts 2024"
    chart = ExportChart("Andel", BAR, source_lines=(full,), short_sources=(short,))
    table = ExportTable(
        "Tal",
        pd.DataFrame({"Område": ["Hedensted"], "Andel (%)": [22.7]}),
        (full,),
        "dec. 2023",
        short_sources=(short,),
    )
    sections = [
        ExportSection("1. Forsørgede", (chart,), ("22,7 % mod 23,4 %.",), (full,), (), (short,)),
        ExportSection("2. Tabeller", (), ("Tekst.",), (full,), (table, table), (short,)),
    ]
    deck = Presentation(io.BytesIO(presentation_pptx("Benchmark", MEETING, sections)))
    content = list(deck.slides)[1:]
    assert len(content) == 3  # the chart, the first table with the text, the second table
    for slide in content:
        assert _source_shape(slide).text_frame.text == short
        assert full in _notes(slide)
        assert "tabel/afsnit" not in _source_shape(slide).text_frame.text
    # Recorded without a short line (an older record): the full line stays on the slide.
    bare = ExportSection("3. Uden", (ExportChart("B", BAR, source_lines=(full,)),), (), (), ())
    old = Presentation(io.BytesIO(presentation_pptx("Benchmark", MEETING, [bare])))
    assert _source_shape(old.slides[1]).text_frame.text == full


def test_the_benchmark_deck_has_short_sources_and_full_notes(downloads: dict) -> None:
    open_page("app_pages/benchmark.py")
    deck = Presentation(io.BytesIO(downloads["benchmark_hedensted.pptx"]()))
    sourced = [slide for slide in deck.slides if any(s.name == "Kilde" for s in slide.shapes)]
    assert len(sourced) >= 10
    for slide in sourced:
        shown = _source_shape(slide).text_frame.text
        title = slide.shapes.title.text_frame.text
        for line in shown.split("\n"):
            assert line.startswith("Kilde: ") and " · " in line, (title, line)
            assert "tabel/afsnit" not in line, (title, line)
        assert "tabel/afsnit: »" in _notes(slide), title
    texts = [_source_shape(slide).text_frame.text for slide in sourced]
    assert "Kilde: Jobindsats.dk, dec. 2023 · Temadrøftelse 5. marts 2024" in texts
