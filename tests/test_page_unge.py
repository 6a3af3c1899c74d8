"""AppTest of the "Unge" page: figures, filters, comparison controls, sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hedensted.core.catalog import DATA_DIR_ENV, Catalog
from tests.apptest_support import open_page

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/unge.py"

# Every dataset the page shows, so each must have its source line on the page.
PAGE_DATASETS = [
    "strategi_fokusomraader",
    "voksenlaerlinge_alder",
    "voksenlaerlinge_fag",
    "unge_under_18_afsluttede_tilbud",
    "ungeenhedens_tilbud",
    "status_efter_afsluttet_forloeb",
    "status_andel_job_uddannelse_publiceret",
    "varighed_afsluttede_forloeb",
    "fuldtidspersoner_pct_arbejdsstyrke",
    "projektmaal_2019",  # the apprentice goals' evidence
    "ungemaal_2016_2018",  # the evidence of the 2016 youth education goal
    "maal_ufb_2019",  # the goals themselves, from the goal register
    "maal_beskaeftigelsesplan_2017",
    "investeringsprojekter",
    "statusskema_indikatorer",
    "maaltal_investeringer",
    "temadroeftelse_spoergsmaal",
]
OFFERS_15_18 = ["Udviklings- og vejledningsindsats", "Kontaktperson", "U18"]
OFFERS_18_30 = ["Personlig jobformidlingsindsats", "På vej til Uddannelse og Job", "A-Holdet"]


def _markdown(app: AppTest) -> str:
    return "\n".join(str(m.value) for m in app.markdown)


def _captions(app: AppTest) -> list[str]:
    return [str(c.value) for c in app.caption]


def _offer_titles(app: AppTest) -> set[str]:
    return {
        str(m.value).strip("*").replace("\\", "")
        for m in app.markdown
        if str(m.value).startswith("**") and str(m.value).endswith("**")
    }


@pytest.fixture(scope="module")
def page() -> AppTest:
    """The page as it opens (read-only tests share it)."""
    return open_page(PAGE)


def test_kpi_tiles_show_the_headline_figures(page: AppTest) -> None:
    metrics = {m.label: (m.value, m.delta) for m in page.metric}
    assert metrics["Voksenlærlinge"][0] == "90"
    assert metrics["Unge under 18: tilbud"][0] == "141"
    assert metrics["Uddannelseshjælp: job eller uddannelse"] == (
        "45,9\u00a0%",
        "+4,0 pct.-point mod RAR Østjylland",
    )
    assert metrics["Uddannelseshjælp i pct. af arbejdsstyrken"] == (
        "1,0\u00a0%",
        "−0,1 pct.-point mod RAR Østjylland",
    )
    shown = _markdown(page)
    assert "aldersgrupperne summer til 86" in shown
    assert "tilbudstyperne summer til 140" in shown
    assert "Kilden skriver selv: »Hedensted: 45,9 pct.«" in _captions(page)
    assert not page.error


def test_published_totals_differing_from_their_parts_are_a_footnote(page: AppTest) -> None:
    # The figure keeps one footnote; the whole reconciliation is on »Om data«.
    metrics = {m.label for m in page.metric}
    assert not any(label.startswith("Offentliggjort total") for label in metrics)
    assert not any("Total og sum af dele" in str(i.value) for i in page.info)
    captions = _captions(page)
    # Each once: under its figure, not again with the figure's table.
    assert (
        captions.count(
            "¹ Kilden oplyser 141 som »Tilbud i alt«; delene summer til 140. "
            "Begge tal er vist som offentliggjort."
        )
        == 1
    )
    assert (
        captions.count(
            "¹ Kilden oplyser 90 som »Voksenlærlinge i alt«; delene summer til 86. "
            "Begge tal er vist som offentliggjort."
        )
        == 1
    )
    assert any(
        "»Tilbud uden for LAB«: Fx Foranstaltninger efter Barnets lov" in c for c in _captions(page)
    )


def test_trades_and_the_2019_goals(page: AppTest) -> None:
    shown = _markdown(page)
    assert "- Bygningsmalerlærling (2 gange)" in shown
    assert "- Tandklinikassistentelev" in shown
    # the register's verdict and evidence: progress before the 2020 deadline
    assert ":blue-badge[:material/pending: Undervejs: 12 af 55, 2019]" in shown
    assert ":blue-badge[:material/pending: Undervejs: 2 af 15, 2019]" in shown
    assert "Der er registreret 12 voksenlærlingeaftaler i indeværende år." in shown
    assert "Ikke opfyldt" not in shown


def test_uddannelseshjaelp_is_compared_across_areas(page: AppTest) -> None:
    shown = _markdown(page)
    assert (
        "Til lønmodtagerbeskæftigelse eller uddannelse: Hedensted 45,9\u00a0% – "
        "4,0 pct.-point højere end RAR Østjylland (41,9\u00a0%)."
    ) in shown
    assert (
        "Uddannelseshjælp, aktivitetsparat: Hedensted 123,7 uger – 22,0 uger kortere end "
        "RAR Østjylland (145,7 uger)."
    ) in shown
    assert (
        "Fuldtidspersoner på uddannelseshjælp: Hedensted 1,0\u00a0% – 0,1 pct.-point lavere "
        "end RAR Østjylland (1,1\u00a0%)."
    ) in shown
    (shares,) = [
        d.value.set_index("Område")
        for d in page.dataframe
        if "Kildens eget udsagn" in d.value.columns
    ]
    assert shares.loc["Hedensted"].tolist() == ["45,9\u00a0%", "Hedensted: 45,9 pct."]
    assert shares.loc["Ringkøbing-Skjern"].tolist() == [
        "45,6\u00a0%",
        "Ringkøbing-Skjern: 45,6 pct.",
    ]
    assert shares.loc["RAR Østjylland"].tolist() == ["41,9\u00a0%", "–"]


def test_youth_goals_frikort_and_discussion(page: AppTest) -> None:
    metrics = {m.label: (m.value, m.delta) for m in page.metric}
    shown = _markdown(page)
    # 87 % has no date in the plan: shown as context beside "Kan ikke vurderes"
    assert "87\u00a0% af en årgang (uden dato)." in shown
    assert "aktuelt tal 87 %" in shown
    assert "pct.-point under målet" not in shown
    assert metrics["Antal/andel med løntimer (jan. 2024)"][0] == "3"
    assert metrics["Antal/andel med virksomhedspraktik eller løntilskud (jan. 2024)"][0] == "69"
    assert "+10 fuldtidspersoner" in shown and "−10 fuldtidspersoner" in shown
    assert "Mange unge har mere brug for et job end en uddannelse." in shown
    assert "Vi vil arbejde for, at uddannelse er vejen til arbejde" in shown


def test_17_25_year_olds_are_not_in_the_sources(page: AppTest) -> None:
    notes = [str(i.value) for i in page.info]
    assert any(n.startswith("**Ikke i kildematerialet.**") and "17-25 årige" in n for n in notes), (
        notes
    )


def test_every_dataset_shown_has_its_source_caption(page: AppTest, catalog: Catalog) -> None:
    captions = _captions(page)
    for dataset_id in PAGE_DATASETS:
        line = catalog.get(dataset_id).metadata.source_line()
        assert line in captions, dataset_id
    charts = page.get("vega_lite_chart")
    assert len(charts) == 5
    sources = [c for c in captions if c.startswith("Kilde:")]
    assert len(sources) >= len(charts) + len(page.dataframe)


def test_age_16_shows_the_15_18_offers_and_hides_the_18_30_ones() -> None:
    app = open_page(PAGE)
    app.slider(key="unge_age").set_value(16).run()
    titles = _offer_titles(app)
    for offer in OFFERS_15_18:
        assert offer in titles
    for offer in OFFERS_18_30:
        assert offer not in titles
    assert "6 af 14 tilbud dækker en alder på 16 år." in _markdown(app)
    # Offers without an age are shown apart, under their own heading.
    assert "Tilbud hvor alder ikke angivet" in [s.value for s in app.subheader]
    assert "Støberiet" in titles
    assert "Daugaard · alder ikke angivet" in _captions(app)

    app.slider(key="unge_age").set_value(25).run()
    titles = _offer_titles(app)
    assert set(OFFERS_18_30) <= titles
    assert not set(OFFERS_15_18) & titles


def test_place_and_search_filters() -> None:
    app = open_page(PAGE)
    app.multiselect(key="unge_place").set_value(["Rørkjærgaard"]).run()
    captions = _captions(app)
    assert any(c.startswith("Rørkjærgaard ·") for c in captions)
    assert not any(c.startswith("Daugaard ·") for c in captions)

    app.multiselect(key="unge_place").set_value([]).run()
    app.toggle(key="unge_age_on").set_value(False).run()
    app.text_input(key="unge_search").input("gaming").run()
    titles = _offer_titles(app)
    assert "Gamerakademi og Pipelinen" in titles
    assert "U18" not in titles and "A-Holdet" not in titles
    assert "1 af 14 tilbud indeholder »gaming«." in _markdown(app)
    assert "Tilbud hvor alder ikke angivet" not in [s.value for s in app.subheader]


def test_comparison_controls_follow_and_set_the_url() -> None:
    app = open_page(PAGE, {"reference": "Ringkøbing-Skjern", "sortering": "forskel"})
    assert app.selectbox(key="unge_reference").value == "Ringkøbing-Skjern"
    assert app.selectbox(key="unge_sort").value == "forskel"
    assert (
        "Til lønmodtagerbeskæftigelse eller uddannelse: Hedensted 45,9\u00a0% – "
        "0,3 pct.-point højere end Ringkøbing-Skjern (45,6\u00a0%)."
    ) in _markdown(app)

    app.selectbox(key="unge_reference").select("Hele landet").run()
    assert app.query_params["reference"] == "Hele landet"
    assert "2,1 pct.-point højere end Hele landet (43,8\u00a0%)" in _markdown(app)

    # An area the status table does not have is named, not silently dropped.
    app.multiselect(key="unge_areas").set_value(["Skanderborg"]).run()
    assert "Skanderborg" in app.query_params["omraader"]
    assert "Kildematerialet har ikke tal for Skanderborg i denne tabel." in _captions(app)

    app.multiselect(key="unge_groups").set_value([]).run()
    assert any("Vælg mindst én status" in str(i.value) for i in app.info)


def test_sidebar_reference_without_figures_says_so() -> None:
    app = open_page(PAGE)
    app.session_state["reference_area"] = "Skanderborg"
    app.run()
    assert "Kildematerialet har ikke tallet for Skanderborg." in _captions(app)
    metrics = {m.label: m.delta for m in app.metric}
    assert metrics["Uddannelseshjælp i pct. af arbejdsstyrken"] == "+0,5 pct.-point mod Skanderborg"


def test_a_broken_dataset_blanks_only_its_sections(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = data_copy / "voksenlaerlinge_alder.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace("2024-03,90", "2024-03,halvfems"),
        encoding="utf-8",
    )
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = open_page(PAGE)
    errors = [str(e.value) for e in app.error]
    assert errors and all("voksenlaerlinge_alder.csv" in e for e in errors)
    assert all("Tallene kan ikke vises" in e for e in errors)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Unge under 18: tilbud"] == "141"
    assert "Voksenlærlinge" not in metrics
    st.cache_data.clear()
