"""AppTest of the Mål page: tiles, timeline, table and sources; every filter and the URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import open_page, shown_text

PAGE = "app_pages/maal.py"


def _tiles(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _table(app: AppTest):
    return app.dataframe[0].value


@pytest.fixture
def page() -> AppTest:
    return open_page(PAGE)


def test_page_shows_counts_timeline_table_and_sources(page: AppTest) -> None:
    assert page.title[0].value == "Mål"
    assert _tiles(page) == {
        "Mål i alt": "167",
        "Opfyldt": "2",
        "Delvist": "2",
        "Ikke opfyldt": "4",
        "Ukendt": "159",
    }
    assert len(page.get("vega_lite_chart")) == 1
    table = _table(page)
    assert len(table) == 167
    first = table.iloc[0]
    assert first["Status"] == "Opfyldt (målt før fristen)"
    assert first["Måltal"] == "højst 17,8\u00a0uger"
    assert first["Senere tal"] == "16,6\u00a0uger (jan. 2023 – nov. 2023)"
    shown = shown_text(page)
    assert "nr. 2 af 12 (2,4\u00a0%) (jan. 2024)" in shown
    assert "35 af de valgte mål har ingen dato i kilden" in shown
    captions = [c.value for c in page.caption]
    assert any(
        c.startswith("Kilde: Hedensted Kommune, 2016–2018. Beskæftigelsesplan 2017")
        for c in captions
    )
    assert any("Ledige fordelt på RAR-områder og kommuner" in c for c in captions)  # the rank
    assert not page.error
    assert dict(page.query_params) == {}


def test_theme_filter_and_url(page: AppTest) -> None:
    page.multiselect(key="maal_tema").set_value(["Code of Care"]).run()
    assert _tiles(page)["Mål i alt"] == "3"
    assert _tiles(page)["Delvist"] == "1"  # 41 of 44 firms in June 2019
    assert page.query_params["tema"] == "Code of Care"
    assert "41\u00a0virksomheder i netværket (jun. 2019)" in set(_table(page)["Senere tal"])


def test_document_filter(page: AppTest) -> None:
    page.multiselect(key="maal_dokument").set_value(["ufb_2020"]).run()
    assert _tiles(page)["Mål i alt"] == "8"
    assert page.query_params["dokument"] == "ufb_2020"
    assert all(
        source.startswith("Udvalget for Beskæftigelse, møde 30. november 2020")
        for source in _table(page)["Kilde"]
    )


def test_status_filter(page: AppTest) -> None:
    page.multiselect(key="maal_status").set_value(["ikke opfyldt"]).run()
    assert _tiles(page) == {
        "Mål i alt": "4",
        "Opfyldt": "0",
        "Delvist": "0",
        "Ikke opfyldt": "4",
        "Ukendt": "0",
    }
    assert page.query_params["status"] == "ikke-opfyldt"
    assert "ingen (0) (mar. 2024)" in set(_table(page)["Senere tal"])


def test_deadline_filter_and_undated_goals(page: AppTest) -> None:
    page.slider(key="maal_frist").set_value((2019, 2019)).run()
    assert _tiles(page)["Mål i alt"] == str(6 + 35)  # 6 due in 2019 + 35 without a date
    assert page.query_params["frist"] == "2019-2019"
    page.toggle(key="maal_uden_frist").set_value(False).run()
    assert _tiles(page)["Mål i alt"] == "6"
    assert page.query_params["uden_frist"] == "nej"
    assert "har ingen dato i kilden" not in shown_text(page)


def test_a_copied_link_opens_the_same_view() -> None:
    app = open_page(PAGE, query={"status": "delvist", "tema": "Unge"})
    assert app.multiselect(key="maal_status").value == ["delvist"]
    assert app.multiselect(key="maal_tema").value == ["Unge"]
    assert _tiles(app)["Mål i alt"] == "1"  # 87 % against the 91 % goal
    assert _table(app).iloc[0]["Senere tal"] == "87\u00a0% af en årgang (uden dato)"


def test_no_goal_matches_gives_a_danish_message(page: AppTest) -> None:
    page.multiselect(key="maal_dokument").set_value(["beskaeftigelsesplan_2017"]).run()
    page.multiselect(key="maal_status").set_value(["opfyldt"]).run()
    assert _tiles(page)["Mål i alt"] == "0"
    assert any("Ingen mål passer til de valgte filtre" in info.value for info in page.info)
    assert not page.exception and not page.error
    assert len(page.get("vega_lite_chart")) == 0


@pytest.mark.parametrize(
    ("theme_page", "summary"),
    [
        (
            "app_pages/code_of_care.py",
            "Status for 3 mål: 0 opfyldt · 1 delvist · 0 ikke opfyldt · 2 ukendt.",
        ),
        (
            "app_pages/benchmark.py",
            "Status for 7 mål: 0 opfyldt · 0 delvist · 1 ikke opfyldt · 6 ukendt.",
        ),
    ],
)
def test_theme_pages_show_their_goals_from_the_register(theme_page: str, summary: str) -> None:
    app = open_page(theme_page)
    assert f"**{summary}**" in [m.value for m in app.markdown]
    tables = [frame.value for frame in app.dataframe]
    goals = next(t for t in tables if list(t.columns[:2]) == ["Mål", "Måltal"])
    assert "Status" in goals.columns and "Kilde" in goals.columns
