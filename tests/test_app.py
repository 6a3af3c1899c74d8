"""AppTest: start from app.py, switch to every page, check headline figures are shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hedensted.core.catalog import DATA_DIR_ENV
from tests.apptest_support import APP, open_page, shown_text
from ui.navigation import PAGE_SCRIPTS

# Each page with figures that must be visible on it, formatted the Danish way
# (every page of the one page list, ui/navigation.py; a test checks the keys).
EXPECTED_TEXTS = {
    "app_pages/forside.py": [
        "22,7\u00a0%",
        "2.674 kr.",
        "2,4\u00a0%",
        "Nr. 12 af 98",
        "Hedensted bruger 667 kr. mindre pr. person i arbejdsstyrken end RAR Østjylland",
        "16,5 mio. kr.",
        "Hedensted har den 2. laveste ledighedsprocent af 12 kommuner i RAR Østjylland.",
        "595 bruttoledige i jan. 2024 mod 525 i jan. 2023.",
    ],
    "app_pages/benchmark.py": ["22,7\u00a0%", "2.674 kr.", "Nr. 12 af 98", "Ikke opfyldt"],
    "app_pages/code_of_care.py": ["næsten 70", "19,3\u00a0%", "2,3 gange"],
    "app_pages/unge.py": ["90", "141", "45,9\u00a0%", "+4,0 pct.-point mod RAR Østjylland"],
    "app_pages/investeringsprojekter.py": ["1.212", "Ingen månedstal endnu", "Klar, parat – i job"],
    "app_pages/indsatser.py": ["Af 32 deltagere: 8 er i fleksjob", "500.000 kr."],
    "app_pages/maal.py": ["Mål i alt", "173", "Ikke opfyldt (jan. 2024)", "nr. 2 af 12"],
    "app_pages/opdater_data.py": [
        "Perioder nu: dec. 2023",
        "Log ind som redaktør for at indlæse nye tal.",
        "altid med (ændres aldrig)",
    ],
    "app_pages/om_data.py": ["Voksenlærlinge i alt", "Tilbud i alt"],
}


def test_every_page_of_the_page_list_is_checked() -> None:
    assert list(EXPECTED_TEXTS) == list(PAGE_SCRIPTS)


def test_the_browser_tests_open_every_page_of_the_page_list() -> None:
    from tests.e2e.test_browser import PAGES as BROWSER_PAGES

    # The default page (Forside) is at the bare address; every other page's path is
    # its script's file name.
    assert [spec.path or "forside" for spec in BROWSER_PAGES] == [
        Path(script).stem for script in PAGE_SCRIPTS
    ]


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
def test_every_page_renders_its_headline_figures(page: str) -> None:
    expected = EXPECTED_TEXTS[page]
    app = open_page(page)

    assert not app.exception, [e.value for e in app.exception]
    shown = shown_text(app)
    for text in expected:
        assert text in shown, text
    assert not app.error


def test_changing_the_reference_changes_the_sentences() -> None:
    st.cache_data.clear()
    app = AppTest.from_file(APP, default_timeout=60).run()
    app.sidebar.selectbox(key="reference_area").select("Hele landet").run()
    shown = shown_text(app)
    assert "Hedensted bruger 379 kr. mindre pr. person i arbejdsstyrken end Hele landet" in shown
    deltas = {metric.label: metric.delta for metric in app.metric}
    assert deltas["Offentligt forsørgede"] == "−0,7 pct.-point"  # 22,7 − 23,4
    app.sidebar.selectbox(key="reference_area").select("Ringkøbing-Skjern").run()
    shown = shown_text(app)
    assert "411 kr. mindre" in shown
    assert "Kildematerialet har ikke ledighedsprocenten for Ringkøbing-Skjern." in shown


def test_a_broken_dataset_shows_a_danish_message_and_the_rest_works(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = data_copy / "fuldtidspersoner_pct_arbejdsstyrke.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace("2023-12,22.7", "2023-12,abc"),
        encoding="utf-8",
    )
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = open_page("app_pages/forside.py")
    assert not app.exception
    errors = [e.value for e in app.error]
    assert any(
        "Tallene kan ikke vises" in e
        and "fuldtidspersoner_pct_arbejdsstyrke.csv, række 4, kolonne 'value'" in e
        for e in errors
    ), errors
    shown = shown_text(app)
    assert "2.674 kr." in shown  # the other tiles still work
    assert "Nr. 12 af 98" in shown
    st.cache_data.clear()
