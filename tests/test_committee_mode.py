"""Committee mode: presentation view, links that reopen a view, and page exports."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches
from streamlit.testing.v1 import AppTest

from hedensted.core.discussion import (
    BENCHMARK_THEMES,
    discussion_points,
    questions,
    slide_points,
)
from hedensted.core.url_codec import decode_url_value, encode_url_value, slide_from_param
from hedensted.present.file_names import file_stem
from tests.apptest_support import open_page, shown_text
from ui.deck.presentation import larger_labels
from ui.navigation import PAGE_SCRIPTS

PRESENTATION = {"visning": "praesentation"}

# Every page's slides in presentation view: key figures, sections, discussion last.
SLIDES = {
    "app_pages/forside.py": [
        "Nøgletal",
        "Fuldtidspersoner på offentlig forsørgelse pr. ydelsesgruppe",
        "Til drøftelse",
    ],
    # Every chart is a slide, headed by its computed message (here: how it begins).
    "app_pages/benchmark.py": [
        "Nøgletal for Hedensted",
        "Sammenlignet med RAR Østjylland: Hedensted har en lavere",
        "I alt er 22,7\xa0% af Hedensteds arbejdsstyrke på offentlig forsørgelse – en lavere",
        "Hedensted bruger 667 kr. mindre pr. person i arbejdsstyrken",
        "I alt bruger Hedensted 2.674 kr. pr. person i arbejdsstyrken – mindre end Hele landet",
        "Sammenlignet med RAR Østjylland bruger Hedensted 16,5 mio. kr. mindre i alt; mest vejer",
        "Alle ydelser: nr. 12 af 98. 2.280 fuldtidspersoner på",
        "Hedensted er nr. 12 af 98 for alle ydelser – bedst på sygedagpengeområdet (nr. 8)",
        "Hedensteds placering over tid",  # one period only: no change to tell
        "Jobparate kontanthjælpsmodtagere: 69,6\xa0% af Hedensteds",
        "Aktivitetsparate kontanthjælpsmodtagere: 29,0\xa0% af",
        "Sygedagpenge: 78,2\xa0% af Hedensteds afsluttede forløb",
        "Jobafklaring: 64,0\xa0% af Hedensteds afsluttede forløb",
        "Uddannelseshjælp: 45,9\xa0% af Hedensteds afsluttede forløb",
        "Sammenlignet med RAR Østjylland: Hedensted har kortere",
        "Hedensted har kortere forløb end Hele landet i 6 af 8 målgrupper",
        "Hedensted har en bruttoledighed på 2,4\xa0% – den 2.",
        "Antallet af bruttoledige i Hedensted steg med 70 personer",
        "Fuldtidsbeskæftigelsen i Hedensted steg med 54 personer",
        "7. Vandringer: hvor kom borgerne fra?",
        "7 mål i temaet Benchmark: 1 ikke opfyldt og 6 kan ikke vurderes.",
        "Til drøftelse",
    ],
    "app_pages/code_of_care.py": [
        "Nøgletal",
        "Netværket er vokset fra 41 virksomheder (juni 2019) til næsten 70 (marts 2024).",
        "19,3\xa0% af kontanthjælpsmodtagerne i Hedensted havde lønnede timer i marts 2019",
        "Task Forcen og en ny Hedensted-model",
        "Arrangementer i netværket",
        "Gode historier, priser og certificering",
        "3 mål for Code of Care og småjobs: 1 undervejs og 2 kan ikke vurderes.",
        "3 mål i temaet Code of Care: 1 undervejs og 2 kan ikke vurderes.",
        "Til drøftelse",
    ],
    # A section of several figures is several slides, each headed by its message.
    "app_pages/unge.py": [
        "Nøgletal og fokus",
        "Tilbud til unge",
        "Flest afsluttede tilbud til unge under 18 i 2023: Øvrige forløb (78), dernæst",
        "Flest voksenlærlinge er 30-39 år (36), dernæst 25-29 år (23).",
        "Voksenlærlingenes fag",
        "3 mål for uddannelsesambassadører 2019–2020: 2 undervejs og 1 kan ikke vurderes.",
        "Til lønmodtagerbeskæftigelse eller uddannelse: Hedensted 45,9\xa0% – 4,0 pct.-point "
        "højere end RAR Østjylland (41,9\xa0%).",
        "Uddannelseshjælp, aktivitetsparat: Hedensted 123,7 uger – 22,0 uger kortere end "
        "RAR Østjylland (145,7 uger).",
        "Fuldtidspersoner på uddannelseshjælp: Hedensted 1,0\xa0% – 0,1 pct.-point lavere end "
        "RAR Østjylland (1,1\xa0%).",
        "Hvad laver de 17-25-årige i Hedensted Kommune?",
        # Seven goal cards are two slides.
        "Ingen af de 7 mål for de unge frem mod 2018 kan vurderes ud fra dokumenterne – her "
        "mål 1\u2060–\u20604 af 7.",
        "Ingen af de 7 mål for de unge frem mod 2018 kan vurderes ud fra dokumenterne – her "
        "mål 5\u2060–\u20607 af 7.",
        "Unge i job med Socialt Frikort",
        "11 mål i temaet Unge: 2 undervejs og 9 kan ikke vurderes.",
        "Til drøftelse",
    ],
    "app_pages/investeringsprojekter.py": [
        # One slide per project instead of the page's "Overblik" tab.
        "Klar, parat – i job",
        "Flere i job",
        "Kompetenceporten",
        "Håndholdt indsats for jobparate kontanthjælpsmodtagere",
        "Unge i job med Socialt Frikort",
        "Investeringernes forventede effekt: netto 26 færre fuldtidspersoner på de 5 ydelser.",
        "115 mål i temaet Investeringsprojekter: 1 ikke opfyldt, 1 undervejs og 113 kan ikke",
        "Til drøftelse",
    ],
}

SLIDES["app_pages/indsatser.py"] = [  # one slide per initiative
    "Rum til os",
    "Jobparate kontanthjælpsmodtagere",
    "Uddannelsesambassadører",
    "Flere skal med 2",
    "Integrationsindsatsen efter 3-2-modellen",
    "Seniorførtidspension",
    "FGU-skole i Hedensted",
    "Kvinder i job – danske og flygtninge",
    "Kompensationskort for personer med handicap",
]
# The goal table is a few goals a slide, each headed by its count of verdicts.
SLIDES["app_pages/maal.py"] = [
    "Af 173 mål kan 1 vurderes ud fra dokumenterne, 4 er undervejs",
    "138 af 173 mål har en frist – flest i 2024 (54).",
    "Mål 1\u2060–\u20609 af 173: 1 ikke opfyldt, 4 undervejs og 4 kan ikke vurderes.",
    *["Mål "] * 16,
    "Mål 168\u2060–\u2060173 af 173: ingen af dem kan vurderes ud fra dokumenterne.",
]

# The editors' tools have no presentation view; every other page of the one page
# list (ui/navigation.py) has slides above (a test checks both).
WITHOUT_SLIDES = ("app_pages/opdater_data.py", "app_pages/om_data.py")

# The prefix of each deck's widget keys (``Deck(page_key, …)`` in the page script).
DECK_KEYS = {
    "app_pages/forside.py": "forside",
    "app_pages/benchmark.py": "benchmark",
    "app_pages/code_of_care.py": "coc",
    "app_pages/unge.py": "unge",
    "app_pages/investeringsprojekter.py": "investeringsprojekter",
    "app_pages/indsatser.py": "indsatser",
    "app_pages/maal.py": "maal",
}

# The widgets each page draws in page view, found by key; presentation view hides them.
CONTROLS = {
    "app_pages/benchmark.py": ("multiselect", "benchmark_areas"),
    "app_pages/code_of_care.py": ("select_slider", "coc_period"),
    "app_pages/unge.py": ("slider", "unge_age"),
    "app_pages/forside.py": ("button_group", "forside_scope"),
    "app_pages/maal.py": ("multiselect", "maal_tema"),
}


def _widget_keys(app: AppTest, kind: str) -> set[str]:
    return {widget.key for widget in app.get(kind)}


def _slide_heading(app: AppTest) -> str:
    return app.header[0].value


def test_every_page_of_the_page_list_has_its_slides_listed() -> None:
    assert set(SLIDES) == set(DECK_KEYS) == set(PAGE_SCRIPTS) - set(WITHOUT_SLIDES)
    assert set(WITHOUT_SLIDES) < set(PAGE_SCRIPTS)


@pytest.mark.parametrize("page", WITHOUT_SLIDES)
def test_the_editors_tools_have_no_slides(page: str) -> None:
    app = open_page(page, query={**PRESENTATION, "dias": "1"})
    assert not [m.value for m in app.markdown if m.value.startswith("**1 af ")]


# --- domain -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "default", "allowed", "expected"),
    [
        (None, 16, None, 16),
        ("18", 16, list(range(15, 31)), 18),
        ("99", 16, list(range(15, 31)), 16),  # outside the slider
        ("atten", 16, None, 16),
        ("nej", True, None, False),
        ("måske", True, None, True),
        ("Daugaard;Månen", [], ["Daugaard", "Rørkjærgaard"], ["Daugaard"]),
        ("2019;2024", (2015, 2024), [2015, 2019, 2024], (2019, 2024)),
        ("2019", (2015, 2024), [2015, 2019, 2024], (2015, 2024)),  # a range needs two ends
        ("Skanderborg", "RAR Østjylland", ["Skanderborg", "Hele landet"], "Skanderborg"),
        ("Aarhus", "RAR Østjylland", ["Skanderborg", "Hele landet"], "RAR Østjylland"),
    ],
)
def test_url_values_are_read_safely(raw, default, allowed, expected) -> None:
    assert decode_url_value(raw, default, allowed) == expected


def test_url_values_round_trip() -> None:
    for value in (True, False, 18, ["Daugaard", "Rørkjærgaard"], (2019, 2024), "gaming"):
        assert decode_url_value(encode_url_value(value), value) == value


def test_slide_number_is_kept_within_the_deck() -> None:
    assert slide_from_param("3", 9) == 3
    assert slide_from_param("42", 9) == 9
    assert slide_from_param("-1", 9) == 1
    assert slide_from_param(None, 9) == 1
    with pytest.raises(ValueError, match="mindst ét dias"):
        slide_from_param("1", 0)


def test_file_stems_are_safe_and_readable() -> None:
    assert file_stem("1. Offentligt forsørgede") == "offentligt_forsoergede"
    assert file_stem("Forskel: Hedensted minus RAR Østjylland") == (
        "forskel_hedensted_minus_rar_oestjylland"
    )
    with pytest.raises(ValueError, match="filnavn"):
        file_stem("– ? –")


def test_discussion_questions_per_theme(catalog) -> None:
    points = catalog.get("temadroeftelse_spoergsmaal").frame
    assert questions(discussion_points(points, BENCHMARK_THEMES)) == [
        "Forbundne kar – hvor bevæger borgerne sig hen efter endt forløb?",
        "Hvordan lykkes vi så med det?",
        "Rekrutterings- og opkvalificeringsdagsorden?",
    ]
    assert questions(slide_points(points)) == [
        "Forbundne kar – hvor bevæger borgerne sig hen efter endt forløb?",
        "Frisættelse – hvordan forstår vi det?",
    ]


def test_presentation_charts_have_larger_labels_and_leave_the_original_alone() -> None:
    spec = {
        "height": 300,
        "config": {"axis": {"labelFontSize": 13, "gridColor": "#eee"}},
        "layer": [
            {"mark": {"type": "text", "fontSize": 13}},
            {"encoding": {"x": {"axis": {"labelFontSize": 13, "format": "%Y"}}}},
        ],
    }
    bigger = larger_labels(spec)
    assert bigger["config"]["axis"]["labelFontSize"] == 20
    assert bigger["config"]["axis"]["gridColor"] == "#eee"
    assert bigger["layer"][0]["mark"]["fontSize"] == 20  # a chart's own sizes grow too
    assert bigger["layer"][1]["encoding"]["x"]["axis"] == {"labelFontSize": 20, "format": "%Y"}
    assert bigger["height"] == 420
    assert larger_labels({"height": 500})["height"] == 560  # taller, up to what fits
    assert larger_labels({"height": 900})["height"] == 900  # a tall chart stays as it is
    assert spec["config"]["axis"]["labelFontSize"] == 13 and spec["height"] == 300
    assert spec["layer"][0]["mark"]["fontSize"] == 13


# --- presentation view (AppTest) ----------------------------------------------------------


@pytest.mark.parametrize("page", list(CONTROLS), ids=list(CONTROLS))
def test_presentation_view_hides_the_controls(page: str) -> None:
    kind, key = CONTROLS[page]
    normal = open_page(page)
    assert key in _widget_keys(normal, kind)
    presenting = open_page(page, query={**PRESENTATION, "dias": "2"})
    assert key not in _widget_keys(presenting, kind)
    assert "Præsentationsvisning" not in [b.label for b in presenting.button]
    assert not presenting.get("download_button")  # no exports on the meeting screen


@pytest.mark.parametrize("page", list(SLIDES), ids=list(SLIDES))
def test_every_section_is_one_slide_with_the_discussion_last(page: str) -> None:
    titles = SLIDES[page]
    app = open_page(page, query=PRESENTATION)
    count = len(titles)
    seen = []
    for number in range(1, count + 1):
        assert f"**{number} af {count}**" in [m.value for m in app.markdown]
        seen.append(_slide_heading(app))
        if number < count:
            app.button(key=_nav_key(page, "naeste")).click().run()
            assert app.query_params["dias"] == str(number + 1)
    assert len(seen) == len(titles)
    assert all(heading.startswith(title) for heading, title in zip(seen, titles, strict=True)), seen
    assert app.button(key=_nav_key(page, "naeste")).disabled


def _nav_key(page: str, button: str) -> str:
    return f"{DECK_KEYS[page]}_dias_{button}"


def test_presentation_view_keeps_the_links_choice() -> None:
    app = open_page(
        "app_pages/benchmark.py",
        query={**PRESENTATION, "dias": "1", "reference": "Skanderborg"},
    )
    assert "Pilene viser forskellen til Skanderborg." in shown_text(app)
    app.button(key="benchmark_dias_afslut").click().run()
    assert "visning" not in app.query_params
    assert app.query_params["reference"] == "Skanderborg"
    assert app.selectbox(key="benchmark_reference").value == "Skanderborg"


def test_unge_filters_are_read_from_the_link() -> None:
    app = open_page("app_pages/unge.py", query={"alder": "20", "soeg": "gaming"})
    assert app.slider(key="unge_age").value == 20
    assert app.text_input(key="unge_search").value == "gaming"
    app.slider(key="unge_age").set_value(17).run()
    assert app.query_params["alder"] == "17"


def test_code_of_care_period_is_kept_in_the_link() -> None:
    app = open_page("app_pages/code_of_care.py", query={"periode": "2019;2024"})
    assert app.select_slider(key="coc_period").value == (2019, 2024)
    app.select_slider(key="coc_period").set_value((2015, 2024)).run()
    assert "periode" not in app.query_params  # the default is left out of the link


# --- exports of what the viewer sees --------------------------------------------------------


def _slide_texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _pictures(slide) -> int:
    return sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)


def test_benchmark_powerpoint_is_what_the_viewer_sees(downloads: dict) -> None:
    app = open_page("app_pages/benchmark.py", query={"reference": "Skanderborg"})
    charts_on_page = len(app.get("vega_lite_chart"))
    deck = Presentation(io.BytesIO(downloads["benchmark_hedensted.pptx"]()))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    slides = list(deck.slides)
    title = _slide_texts(slides[0])
    assert "Benchmark" in title and "Udvalget for Beskæftigelse" in title
    # One slide per chart, one for the key-figure section (no chart), the goal status
    # (as on screen: the judged goal, the 6 others counted), one for the questions.
    goal_slides = [s for s in slides if s.shapes.title.text.startswith("Målstatus")]
    assert [s.shapes.title.text for s in goal_slides] == ["Målstatus"]
    assert len(slides) == 1 + charts_on_page + 1 + len(goal_slides) + 1
    goal_status = _slide_texts(goal_slides[0])
    assert "Målstatus" in goal_status and "ikke opfyldt" in goal_status
    assert (
        "6 mål kan ikke vurderes ud fra dokumenterne – grunden står ved hvert af dem i"
        in goal_status
    )
    content = slides[2 : -1 - len(goal_slides)]
    for slide in content:
        assert _pictures(slide) == 1, _slide_texts(slide)
        assert "Kilde:" in _slide_texts(slide)
    texts = "\n".join(_slide_texts(slide) for slide in slides)
    # The viewer chose Skanderborg: the slides compare with Skanderborg, and a chart's
    # slide is headed by the message presentation view heads it with.
    assert "Sammenlignet med Skanderborg: Hedensted har en lavere andel" in texts
    assert "Pilene viser" not in texts
    assert "Benchmarkinglisten og opdatering" not in texts  # background text is no key figure
    assert "22,7" in texts  # Hedensted's full-time share, dec. 2023
    # A tab's sentence and a chart's source line go on that chart's slide only.
    by_title = {_slide_texts(slide).splitlines()[0]: _slide_texts(slide) for slide in slides}
    sick_pay = next(t for title, t in by_title.items() if "Vandringer: Sygedagpenge" in title)
    assert "763 forløb oprettet" in sick_pay and "103 forløb oprettet" not in sick_pay
    rate = next(text for title, text in by_title.items() if "ledighedsprocent af 12" in title)
    assert rate.count("Kilde:") == 1 and "Kilde: Danmarks Statistik, jan. 2024" in rate
    # The next chart's message heads its own slide; it is no key figure beside this one.
    assert "Antallet af bruttoledige i Hedensted steg" not in rate
    # The status slides carry their group's message, not the document's wording too.
    status = [t for title, t in by_title.items() if "afsluttede forløb endte i" in title]
    assert len(status) == 5 and not any("Dokumentet skriver" in t for t in status)
    questions_slide = _slide_texts(slides[-1])
    assert "Forbundne kar – hvor bevæger borgerne sig hen efter endt forløb?" in questions_slide


def test_benchmark_excel_has_a_sheet_per_section_with_numbers(downloads: dict) -> None:
    open_page("app_pages/benchmark.py")
    book = load_workbook(io.BytesIO(downloads["benchmark_hedensted.xlsx"]()))
    assert book.sheetnames[:3] == [
        "1. Offentligt forsørgede",
        "2. Udgifter pr. person",
        "3. Beskæftigelsesministeriets",
    ]
    sheet = book["1. Offentligt forsørgede"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    texts = [str(cell.value) for cell in cells]
    assert any(text.startswith("Kilde: Jobindsats.dk, dec. 2023") for text in texts)
    numbers = [cell for cell in cells if isinstance(cell.value, int | float)]
    assert 22.7 in [cell.value for cell in numbers]  # Hedensted, all benefits
    assert 24.2 in [cell.value for cell in numbers]  # RAR Østjylland
    assert all("0" in cell.number_format for cell in numbers)


def test_every_chart_has_png_and_svg_downloads(downloads: dict) -> None:
    app = open_page("app_pages/code_of_care.py")
    charts = len(app.get("vega_lite_chart"))
    images = {name for name in downloads if name.endswith((".png", ".svg"))}
    on_this_page = {
        f"{stem}.{kind}"
        for stem in ("netvaerkets_vaekst", "smaajobs_andel_med_loennede_timer")
        for kind in ("png", "svg")
    }
    assert charts == 2 and on_this_page <= images
    png = downloads["smaajobs_andel_med_loennede_timer.png"]()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = downloads["smaajobs_andel_med_loennede_timer.svg"]()
    assert "19,3" in svg and "19.3" not in svg


def test_goal_page_presents_the_links_filter_and_exports_the_goals(downloads: dict) -> None:
    app = open_page("app_pages/maal.py", query={**PRESENTATION, "dias": "1", "status": "undervejs"})
    assert "maal_tema" not in _widget_keys(app, "multiselect")
    assert [m.label for m in app.metric][:1] == ["Mål i alt"]
    assert app.metric[0].value == "4"  # the link's filter: the four goals under way
    page_view = open_page("app_pages/maal.py", query={"status": "undervejs"})
    assert not page_view.exception
    book = load_workbook(io.BytesIO(downloads["maal_hedensted.xlsx"]()))
    [sheet_name] = book.sheetnames
    values = [cell.value for row in book[sheet_name].iter_rows() for cell in row]
    assert "undervejs" in values and "Undervejs: 12 af 55, 2019" in values
    assert "ikke opfyldt" not in values and "kan ikke vurderes" not in values


def test_unge_powerpoint_ends_on_the_discussion_points(downloads: dict) -> None:
    # The thematic discussion asks no questions under Unge: its points end the deck.
    open_page("app_pages/unge.py")
    deck = Presentation(io.BytesIO(downloads["unge_hedensted.pptx"]()))
    last = deck.slides[-1]
    assert last.shapes.title.text_frame.text == "Til drøftelse"
    assert len(_slide_texts(last)) > 100
