"""What the exported files of the theme pages show, as found when they were rendered
in LibreOffice and looked at: each check opens the real file (built by AppTest from
the page, as its download button does) with python-pptx or openpyxl."""

from __future__ import annotations

import io

import numpy as np
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.apptest_support import capture_downloads, open_page

PAGES = {
    "benchmark": "benchmark_hedensted",
    "unge": "unge_hedensted",
    "indsatser": "indsatser",
    "maal": "maal_hedensted",
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    """File name → bytes of the Benchmark, Unge, Indsatser and Mål pages' PowerPoint and
    Excel files."""
    found: dict[str, bytes] = {}
    with pytest.MonkeyPatch.context() as patch:
        captured = capture_downloads(patch)
        for page, stem in PAGES.items():
            captured.clear()
            open_page(f"app_pages/{page}.py")
            for ext in ("pptx", "xlsx"):
                found[f"{stem}.{ext}"] = captured[f"{stem}.{ext}"]()
    return found


def _titles(book) -> dict[str, list[str]]:
    """Sheet name → the titles of its stacked tables (bold 13 pt)."""
    return {
        sheet.title: [
            str(cell.value)
            for row in sheet.iter_rows()
            for cell in row
            if cell.value and cell.font.bold and cell.font.size and cell.font.size >= 13
        ]
        for sheet in book.worksheets
    }


def test_a_table_is_titled_by_the_chart_whose_numbers_it_holds(files) -> None:
    """The tables under a section's charts were titled by a column only one of them has
    (»1. Offentligt forsørgede – Ringkøbing-Skjern (pct.)«); now by their chart."""
    titles = _titles(load_workbook(io.BytesIO(files["benchmark_hedensted.xlsx"])))
    assert titles["1. Offentligt forsørgede"] == [
        "1. Offentligt forsørgede – Forskel: Hedensted minus RAR Østjylland",
        "1. Offentligt forsørgede – Pct. af arbejdsstyrken pr. ydelsesgruppe og område",
    ]
    assert titles["2. Udgifter pr. person"] == [
        "2. Udgifter pr. person i arbejdsstyrken – Forskel: Hedensted minus RAR Østjylland",
        "2. Udgifter pr. person i arbejdsstyrken – Udgift pr. person pr. ydelsesgruppe og område",
        "2. Udgifter pr. person i arbejdsstyrken – Hvad er forskellen værd i alt?",
    ]
    assert titles["3. Beskæftigelsesministeriets"] == [
        "Faktisk og forventet antal fuldtidspersoner og placering pr. ydelsesområde"
    ]
    assert titles["7. Vandringer hvor kom borgerne"] == [
        "Oprettede målgruppeforløb efter målgruppe og forrige målgruppe"
    ]
    every = [t for sheet in titles.values() for t in sheet]
    assert not any(t.endswith(("Ringkøbing-Skjern (pct.)", "Samme tal")) for t in every)


def _picture(deck, title_start: str) -> np.ndarray:
    for slide in deck.slides:
        if slide.shapes.title is not None and slide.shapes.title.text.startswith(title_start):
            for shape in slide.shapes:
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                    image = Image.open(io.BytesIO(shape.image.blob)).convert("RGB")
                    return np.asarray(image).astype(int)
    raise AssertionError(f"Intet dias med en figur: {title_start}")


def _rows_of(image: np.ndarray, color: str, tolerance: int = 12) -> np.ndarray:
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return np.where(np.all(np.abs(image - rgb) <= tolerance, axis=2).any(axis=1))[0]


@pytest.mark.parametrize(
    "title_start",
    [
        "Flest afsluttede tilbud til unge under 18",
        "Voksenlærlinge",
        "Uddannelseshjælp, aktivitetsp",
    ],
)
def test_the_category_axis_title_stands_above_the_bars(files, title_start) -> None:
    """»Tilbudstype«, »Alder«, »Målgruppe« were drawn rotated over the category labels;
    now they stand level above the plot: dark text pixels above the first bar."""
    image = _picture(Presentation(io.BytesIO(files["unge_hedensted.pptx"])), title_start)
    first_bar = _rows_of(image, "#0b4f8a")[0]
    axis_side = image[: first_bar - 4, : image.shape[1] // 2]
    dark = np.all(axis_side < 90, axis=2)
    assert dark.sum() > 50, title_start


def test_the_not_shown_part_is_visible_on_the_status_slides(files) -> None:
    """»Ikke vist i kilden« was near-white (#eceff2); on the slide its bars and legend
    swatch are the dark grey #3d3d3d."""
    deck = Presentation(io.BytesIO(files["benchmark_hedensted.pptx"]))
    image = _picture(deck, "Jobparate kontanthjælpsmodtagere: 69,6")
    assert len(_rows_of(image, "#3d3d3d")) > 100  # four bars' ends and the legend swatch
    near_white = np.all(np.abs(image - [0xEC, 0xEF, 0xF2]) <= 1, axis=2).sum()
    assert near_white < 100  # a few edge pixels at most (it filled thousands)


FONT_IMAGE_PX = 40  # chart labels on a slide: 20 px drawn at scale 2


def _bar_pitch(image: np.ndarray, color: str) -> int:
    """The smallest distance in image pixels between the tops of two bars of ``color``."""
    rows = list(_rows_of(image, color, tolerance=3))
    tops = [r for i, r in enumerate(rows) if i == 0 or r != rows[i - 1] + 1]
    return int(np.diff(tops).min())


def test_two_line_labels_get_two_lines_of_room(files) -> None:
    """»Det integrerede Liv (udelukkende)« over »FAGMENTOR«: the bars stood 78 image px
    apart for labels of two 40 px lines; the chart is drawn tall enough for them."""
    deck = Presentation(io.BytesIO(files["indsatser.pptx"]))
    image = _picture(deck, "Kvinder i job")
    assert _bar_pitch(image, "#8a96a3") >= 2 * FONT_IMAGE_PX * 1.1


def test_a_wide_chart_wraps_its_labels_later(files) -> None:
    """The migrations' 13 labels (»Uddannelseshjælpsmodtagere (åbenlys
    uddannelsesparate)«) were wrapped onto two lines in a narrow chart beside the key
    figures, 53 image px apart; now the chart is slide-wide, labels on one line."""
    deck = Presentation(io.BytesIO(files["benchmark_hedensted.pptx"]))
    title = "7. Vandringer: hvor kom borgerne fra? – Vandringer: Kontanthjælpsmodtagere (jobparate)"
    slide = next(s for s in deck.slides if s.shapes.title.text == title)
    picture = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert picture.width.inches > 11
    assert _bar_pitch(_picture(deck, title), "#0b4f8a") >= FONT_IMAGE_PX * 1.1


def test_a_legend_keeps_as_many_columns_as_fit() -> None:
    """Three legend columns of slide type ran off a chart beside its key figures
    (»Forsørget af æg…«); they become as many as fit the drawn width."""
    from hedensted.exports.images import offscreen_spec

    domain = ["Ordinært arbejde", "SU under ordinær uddannelse", "Forsørget af ægtefælle"]
    spec = {
        "mark": "bar",
        "encoding": {
            "color": {
                "field": "outcome",
                "type": "nominal",
                "scale": {"domain": domain},
                "legend": {"columns": 3, "orient": "top"},
            }
        },
    }
    narrow = offscreen_spec(spec, width=800, font_size=20)
    assert narrow["encoding"]["color"]["legend"]["columns"] == 2
    wide = offscreen_spec(spec, width=1400, font_size=20)
    assert wide["encoding"]["color"]["legend"]["columns"] == 3
    page = offscreen_spec(spec, width=800)  # the page's own type: as built
    assert page["encoding"]["color"]["legend"]["columns"] == 3


def test_chart_slides_are_headed_by_the_presentation_views_message(files) -> None:
    """The exported slides were titled »<section> – <chart>« while presentation view
    heads the same slides with their computed message; now both say the message, in a
    size that fits the title box, and the key figures beside it do not repeat it."""
    from hedensted.exports.slides import TITLE_PTS

    deck = Presentation(io.BytesIO(files["benchmark_hedensted.pptx"]))
    titles = {slide.shapes.title.text: slide for slide in deck.slides}
    long = (
        "Sammenlignet med RAR Østjylland: Hedensted har en lavere andel i 5 af 13 viste "
        "ydelsesgrupper, en højere i 5 og det samme i 3. Størst er forskellen for "
        "Førtidspension: 6,2 % mod 8,1 % (−1,9 pct.-point)."
    )
    assert long.replace(" %", "\u00a0%") in titles
    slide = titles[long.replace(" %", "\u00a0%")]
    sizes = {run.font.size.pt for p in slide.shapes.title.text_frame.paragraphs for run in p.runs}
    assert sizes == {20.0} and min(TITLE_PTS) == 20  # three lines of 20 pt fit the box
    others = [s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title]
    assert not any("Størst er forskellen for Førtidspension" in s.text_frame.text for s in others)
    short = "Jobafklaring: 64,0\u00a0% af Hedensteds afsluttede forløb endte i job, fleksjob"
    assert any(t.startswith(short) for t in titles)
    unge = Presentation(io.BytesIO(files["unge_hedensted.pptx"]))
    assert (
        "Uddannelseshjælp, aktivitetsparat: Hedensted 123,7 uger – 22,0 uger kortere end "
        "RAR Østjylland (145,7 uger)."
    ) in [s.shapes.title.text for s in unge.slides]


def test_code_of_care_workbook_has_the_smaajobs_figures(downloads) -> None:
    """Code of Care's småjobs figures had no sheet (the chart had no table behind it)."""
    open_page("app_pages/code_of_care.py")
    book = load_workbook(io.BytesIO(downloads["code_of_care_hedensted.xlsx"]()))
    assert "Småjobs andel med lønnede timer" in book.sheetnames
    sheet = book["Småjobs andel med lønnede timer"]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    assert rows[0][0] == "Andel med lønnede timer pr. målgruppe og område"
    header = next(i for i, row in enumerate(rows) if row[0] == "Målgruppe")
    assert rows[header][:4] == ("Målgruppe", "Område", "Andel med lønnede timer (%)", "Periode")
    body = {(r[0], r[1]): r[2] for r in rows[header + 1 :]}
    assert body[("Kontanthjælp", "Hedensted")] == 19.3
    assert body[("Ressourceforløb", "RAR Østjylland")] == 1.6
    assert len(body) == 6
    # Its long source line wraps over the table's four columns (it ran far to the right,
    # and printed fit to the page's width the table became tiny).
    assert "A2:D2" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value.startswith("Kilde: Jobindsats.dk, mar. 2019.")
    assert sheet["A2"].alignment.wrap_text
    assert sheet.row_dimensions[2].height >= 2 * 15


def test_an_axis_with_its_own_label_size_gets_slide_type() -> None:
    """Code of Care's småjobs chart sets »labelFontSize=14« on its axis, which won over
    the slide's 20 px: its labels were about 6 pt on the slide."""
    from hedensted.exports.images import offscreen_spec

    spec = {
        "mark": "bar",
        "encoding": {
            "y": {"field": "a", "type": "nominal", "axis": {"labelFontSize": 14}},
            "x": {"field": "v", "type": "quantitative", "axis": {"labelFontSize": 30}},
        },
    }
    slide = offscreen_spec(spec, width=1100, font_size=20)
    assert slide["encoding"]["y"]["axis"]["labelFontSize"] == 20
    assert slide["encoding"]["x"]["axis"]["labelFontSize"] == 30  # larger stays
    assert offscreen_spec(spec, width=1100)["encoding"]["y"]["axis"]["labelFontSize"] == 14


def test_the_goal_deadlines_slide_shows_the_slides_bars_not_the_pages_dots(files) -> None:
    """The PowerPoint follows the slides: goals per deadline year as stacked bars (the page
    keeps its dot timeline). »Kan ikke vurderes« fills most of each bar, so its grey runs
    as wide as a bar, not a dot."""
    from hedensted.goals.charts import STATUS_COLORS
    from hedensted.goals.judge import GoalStatus

    deck = Presentation(io.BytesIO(files["maal_hedensted.pptx"]))
    image = _picture(deck, "138 af 173 mål har en frist – flest i 2024 (54).")
    rgb = [int(STATUS_COLORS[GoalStatus.NOT_ASSESSABLE][i : i + 2], 16) for i in (1, 3, 5)]
    grey = np.all(np.abs(image - rgb) <= 12, axis=2)
    # The widest run of grey in one row: a bar is tens of pixels wide, a dot a few.
    widest = max(
        max((len(run) for run in "".join("1" if v else "0" for v in row).split("0")), default=0)
        for row in grey
    )
    assert widest > image.shape[1] * 0.04
