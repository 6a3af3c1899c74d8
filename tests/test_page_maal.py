"""AppTest of the Mål page: tiles, timeline, table and sources; every filter and the URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import open_page, shown_text

PAGE = "app_pages/maal.py"


STATUSES = ("Opfyldt", "Delvist", "Ikke opfyldt", "Undervejs", "Kan ikke vurderes")


def _tiles(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _table(app: AppTest):
    return app.table[0].value


@pytest.fixture
def page() -> AppTest:
    return open_page(PAGE)


def test_page_opens_with_the_count_sentence_tiles_timeline_table_and_sources(
    page: AppTest,
) -> None:
    assert page.title[0].value == "Mål"
    markdown = [m.value for m in page.markdown]
    assert (
        "**Af 173 mål kan 1 vurderes ud fra dokumenterne, 4 er undervejs (kun et tal fra før "
        "fristen), og 168 kan ikke vurderes ud fra dokumenterne.**"
    ) in markdown
    assert _tiles(page) == {
        "Mål i alt": "173",
        "Opfyldt": "0",
        "Delvist": "0",
        "Ikke opfyldt": "1",
        "Undervejs": "4",
        "Kan ikke vurderes": "168",
    }
    # every tile carries a coloured badge with its word, never colour alone
    assert ":red-badge[:material/cancel: Ikke opfyldt]" in markdown
    assert ":blue-badge[:material/pending: Undervejs]" in markdown
    assert ":gray-badge[:material/help: Kan ikke vurderes]" in markdown
    assert len(page.get("vega_lite_chart")) == 1
    table = _table(page)
    assert len(table) == 173
    # four columns that wrap at 1366 px: verdict first, the goal with its document
    assert list(table.columns) == ["Vurdering", "Mål", "Måltal og frist", "Belæg"]
    first = table.iloc[0]
    assert first["Vurdering"] == "Ikke opfyldt (jan. 2024)"
    assert first["Måltal og frist"] == "nr. 1 – langsigtet mål – ingen dato i kilden"
    assert first["Mål"].endswith(
        "(Investeringsprojekter 2024-2025: Klar, parat – i job – »Langsigtede mål«)"
    )
    assert first["Belæg"].startswith("nr. 2 af 12 (2,4\u00a0%) (jan. 2024).")
    assert "Skanderborg med 2,2\u00a0%" in first["Belæg"]
    assert list(table["Vurdering"].iloc[1:5]) == [
        "Undervejs: 2 af 15, 2019",
        "Undervejs: 12 af 55, 2019",
        "Undervejs: 41 af 44, jun. 2019",
        "Undervejs: 0 af 65, mar. 2024",
    ]
    shown = shown_text(page)
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
    assert _tiles(page)["Undervejs"] == "1"  # 41 of 44 firms in June 2019
    assert _tiles(page)["Delvist"] == "0"
    assert page.query_params["tema"] == "Code of Care"
    assert "Undervejs: 41 af 44, jun. 2019" in set(_table(page)["Vurdering"])


def test_document_filter(page: AppTest) -> None:
    page.multiselect(key="maal_dokument").set_value(["ufb_2020"]).run()
    assert _tiles(page)["Mål i alt"] == "8"
    assert page.query_params["dokument"] == "ufb_2020"
    assert all(
        "\n\n(Udvalget for Beskæftigelse, møde 30. november 2020: " in goal
        for goal in _table(page)["Mål"]
    )


def test_status_filter(page: AppTest) -> None:
    page.multiselect(key="maal_status").set_value(["undervejs"]).run()
    assert _tiles(page) == {
        "Mål i alt": "4",
        "Opfyldt": "0",
        "Delvist": "0",
        "Ikke opfyldt": "0",
        "Undervejs": "4",
        "Kan ikke vurderes": "0",
    }
    assert page.query_params["status"] == "undervejs"
    assert "Undervejs: 0 af 65, mar. 2024" in set(_table(page)["Vurdering"])


def test_deadline_filter_and_undated_goals(page: AppTest) -> None:
    page.slider(key="maal_frist").set_value((2019, 2019)).run()
    assert _tiles(page)["Mål i alt"] == str(6 + 35)  # 6 due in 2019 + 35 without a date
    assert page.query_params["frist"] == "2019-2019"
    page.toggle(key="maal_uden_frist").set_value(False).run()
    assert _tiles(page)["Mål i alt"] == "6"
    assert page.query_params["uden_frist"] == "nej"
    assert "har ingen dato i kilden" not in shown_text(page)


def test_ultimo_2024_goals_are_due_in_2024(page: AppTest) -> None:
    page.slider(key="maal_frist").set_value((2024, 2024)).run()
    page.toggle(key="maal_uden_frist").set_value(False).run()
    deadlines = " ".join(_table(page)["Måltal og frist"])
    assert "– ultimo 2024 (»Mål 2024«)" in deadlines
    assert "– ultimo 2024 (»Mål ultimo 2024«)" in deadlines
    assert "januar 2025" not in deadlines


def test_a_copied_link_opens_the_same_view() -> None:
    app = open_page(PAGE, query={"status": "kan-ikke-vurderes", "tema": "Unge"})
    assert app.multiselect(key="maal_status").value == ["kan ikke vurderes"]
    assert app.multiselect(key="maal_tema").value == ["Unge"]
    table = _table(app)
    youth = table[table["Mål"].str.startswith("I 2016 er 91")].iloc[0]
    assert youth["Vurdering"] == "Kan ikke vurderes"  # 87 % has no date: context only
    assert youth["Belæg"].startswith("87\u00a0% af en årgang (uden dato).")
    old = open_page(PAGE, query={"status": "ukendt"})  # a link from before the judge
    assert old.multiselect(key="maal_status").value == ["kan ikke vurderes"]


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
            "Status for 3 mål: 0 opfyldt · 0 delvist · 0 ikke opfyldt · 1 undervejs · "
            "2 kan ikke vurderes.",
        ),
        (
            "app_pages/benchmark.py",
            "Status for 7 mål: 0 opfyldt · 0 delvist · 1 ikke opfyldt · 0 undervejs · "
            "6 kan ikke vurderes.",
        ),
    ],
)
def test_theme_pages_show_their_goals_from_the_register(theme_page: str, summary: str) -> None:
    app = open_page(theme_page)
    assert f"**{summary}**" in [m.value for m in app.markdown]
    goals = next(t.value for t in app.table if "Vurdering" in t.value.columns)
    assert list(goals.columns) == ["Vurdering", "Mål", "Måltal og frist", "Belæg"]


def test_every_page_shows_the_same_verdict_and_evidence() -> None:
    # The unemployment goal on Benchmark (box and Målstatus) and Mål; the Code of Care
    # network goal on its card and in Målstatus; the apprentice goal on Unge.
    benchmark = shown_text(open_page("app_pages/benchmark.py"))
    assert benchmark.count("Ikke opfyldt (jan. 2024)") >= 2
    code_of_care = open_page("app_pages/code_of_care.py")
    texts = [m.value for m in code_of_care.markdown]
    assert ":blue-badge[:material/pending: Undervejs: 41 af 44, jun. 2019]" in texts
    status = next(t.value for t in code_of_care.table if "Vurdering" in t.value.columns)
    assert list(status["Vurdering"]) == ["Undervejs: 41 af 44, jun. 2019"]  # the rest folded
    network = status[status["Mål"].str.startswith("44 virksomheder")].iloc[0]
    assert network["Belæg"].startswith("41\u00a0virksomheder i netværket (jun. 2019).")
    assert network["Vurdering"] == "Undervejs: 41 af 44, jun. 2019"
    assert "Delvist" not in shown_text(code_of_care).replace("0 delvist", "")
    unge = [m.value for m in open_page("app_pages/unge.py").markdown]
    assert ":blue-badge[:material/pending: Undervejs: 12 af 55, 2019]" in unge
