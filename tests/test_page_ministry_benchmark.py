"""Fetched y30r21 periods (98 municipalities, several half-years, from a local server that
answers like Jobindsats' API v3) on the Benchmark page and the Forside: the newest rank,
actual vs expected, the rank's development and Hedensted among all municipalities."""

from __future__ import annotations

import pytest

from hedensted.importing.api import api_settings
from hedensted.importing.refresh import Sources, fetch_period
from hedensted.importing.service import confirm, effective_catalog, preview_fetched
from hedensted.monthly.db import open_register
from tests.apptest_support import open_page, shown_text
from tests.fake_sources import TOKEN, Y30R21_GROUPS, serving, y30r21_figures, y30r21_rank
from tests.register_support import EDITOR

BENCHMARK = "beskaeftigelsesministeriets_benchmark"
PERIODS = ["2021QMAT02", "2021QMAT04", "2022QMAT02"]


@pytest.fixture
def fetched(register_database: str) -> None:
    register = open_register(register_database)
    with serving() as (jobindsats, statbank, _):
        settings = api_settings({}, {"JOBINDSATS_TOKEN": TOKEN, "JOBINDSATS_URL": jobindsats})
        sources = Sources(settings, statbank)
        for period in PERIODS:
            full = effective_catalog(None, register)
            data = fetch_period(full.get(BENCHMARK), period, sources)
            confirm(register, preview_fetched(register, full, BENCHMARK, data), EDITOR)


def _rank(period: str) -> int:
    return y30r21_rank("Hedensted", Y30R21_GROUPS[0], period)


def test_benchmark_page_shows_newest_rank_development_and_all_municipalities(fetched) -> None:
    app = open_page("app_pages/benchmark.py")
    text = shown_text(app)
    newest = y30r21_figures("Hedensted", Y30R21_GROUPS[0], "2022QMAT02")
    assert f"**Alle ydelser**: nr. {newest['rank']} af 98." in text
    assert (
        f"Fra nr. 12 (2. halvår 2019 – 1. halvår 2020) til nr. {_rank('2022QMAT02')} "
        "(2. halvår 2021 – 1. halvår 2022)" in text
    )
    assert (
        f"Hedensted er nr. {newest['rank']} af 98 kommuner (2. halvår 2021 – 1. halvår 2022)"
        in text
    )
    assert "Placeringens udvikling" in text and "Hedensted blandt alle kommuner" in text
    control = app.selectbox(key="benchmark_ministeriet_periode")
    assert control.value == "2021-H2/2022-H1" and len(control.options) == 4


def test_forside_shows_newest_rank_and_its_development(fetched) -> None:
    app = open_page("app_pages/forside.py")
    newest = y30r21_figures("Hedensted", Y30R21_GROUPS[0], "2022QMAT02")
    tile = next(m for m in app.metric if m.label == "Ministeriets benchmark")
    assert tile.value == f"Nr. {newest['rank']} af 98"
    text = shown_text(app)
    assert "**Ministeriets benchmark:** Hedensted er nr." in text
    assert f"til nr. {_rank('2022QMAT02')} (2. halvår 2021 – 1. halvår 2022)" in text


def test_without_fetched_periods_the_page_says_how_to_get_them() -> None:
    text = shown_text(open_page("app_pages/benchmark.py"))
    assert "Udviklingen og de andre kommuner vises, når en redaktør har hentet perioder" in text
    assert "**Alle ydelser**: nr. 12 af 98." in text


def test_both_charts_have_vis_tal_and_go_to_the_excel_export(fetched, register_database) -> None:
    app = open_page("app_pages/benchmark.py")
    tables = [d.value for d in app.dataframe]
    ranking = next(t for t in tables if "Kommune" in t.columns)
    newest = y30r21_figures("Hedensted", Y30R21_GROUPS[0], "2022QMAT02")
    assert len(ranking) == 98
    hedensted = ranking[ranking["Kommune"] == "Hedensted"].iloc[0]
    assert hedensted["Placering"] == str(newest["rank"])
    assert hedensted["Forventet (fuldtidspersoner)"] == f"{newest['expected']:,}".replace(",", ".")
    history = next(t for t in tables if "Rangerede kommuner" in t.columns)
    assert history["Periode"].iloc[0] == "2. halvår 2019 – 1. halvår 2020"
    assert list(history["Placering"]) == ["12", *(str(_rank(p)) for p in PERIODS)]

    # The same rows, numbers kept as numbers, are recorded for the page's Excel export.
    from ui.deck.recording import SectionRecord, recording
    from ui.sections.ministry_benchmark import ministry_development

    full = effective_catalog(None, open_register(register_database)).get(BENCHMARK)
    with recording(SectionRecord("Ministeriets benchmark")) as record:
        ministry_development(full, "test")
    titles = [t.title for t in record.tables]
    assert titles == [
        "Hedensteds placering over tid",
        "Alle kommuner, faktisk mod forventet, 2. halvår 2021 – 1. halvår 2022",
    ]
    exported = record.tables[1].frame
    row = exported[exported["Kommune"] == "Hedensted"].iloc[0]
    assert row["Faktisk (fuldtidspersoner)"] == newest["actual"]
    assert row["Placering"] == newest["rank"]
    assert record.tables[1].source_lines == (
        "Kilde: Beskæftigelsesministeriet via Jobindsats.dk (tabel y30r21), "
        "2. halvår 2021 – 1. halvår 2022.",
    )
    assert record.tables[1].period_label == "2. halvår 2021 – 1. halvår 2022"
    first, second = record.tables[0].source_lines
    assert first.startswith("Kilde: Beskæftigelsesministeriet, 2. halvår 2019 – 1. halvår 2020. ")
    assert "Udvalget for Beskæftigelse, møde 30. november 2020" in first
    assert second.startswith("Kilde: Beskæftigelsesministeriet via Jobindsats.dk (tabel y30r21)")
