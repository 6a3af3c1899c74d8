"""AppTest of the Benchmark page: figures, sources, the reference choice and the URL."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hedensted.core.catalog import DATA_DIR_ENV
from tests.apptest_support import open_page, shown_text

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/benchmark.py"
NBSP = "\u00a0"

DATASETS = [
    "fuldtidspersoner_pct_arbejdsstyrke",
    "udgifter_pr_person_arbejdsstyrke",
    "arbejdsstyrke_antal",
    "udgifter_forskel_publiceret",
    "beskaeftigelsesministeriets_benchmark",
    "benchmark_forklaring",
    "status_efter_afsluttet_forloeb",
    "status_andel_job_uddannelse_publiceret",
    "varighed_afsluttede_forloeb",
    "bruttoledige_rar_kommuner",
    "bruttoledige_udvikling_publiceret",
    "ledighedsprocent",
    "fuldtidsbeskaeftigelse_bopael",
    "fuldtidsbeskaeftigelse_udvikling_publiceret",
    "vandringer_forrige_maalgruppe",
    "maal_investeringsprojekter_2024",  # the unemployment goal, from the goal register
]

# Per section: its header and figures that must be shown (text, tables or chart data).
SECTIONS = {
    "1. Offentligt forsørgede": [
        f"6,2{NBSP}% mod 8,1{NBSP}% (−1,9 pct.-point)",  # sentence
        "+0,8 pct.-point",  # Fleksjob difference in the "Vis tal" table
        f"22,7{NBSP}%",
    ],
    "2. Udgifter pr. person i arbejdsstyrken": [
        "Hedensted bruger 667 kr. mindre pr. person i arbejdsstyrken end RAR Østjylland",
        "16,5 mio. kr. mindre i alt",
        "−480 kr.",  # Førtidspension
        "−16,5 mio. kr.",  # what the gap is worth, in the table
        "¹ Dokumentets egen kolonne »Forskel« er regnet efter",  # the check is on Om data
    ],
    "3. Beskæftigelsesministeriets benchmark": [
        "nr. 12 af 98",
        "nr. 8 af 98",
        "2.280 fuldtidspersoner på offentlig forsørgelse mod forventet 2.400",
        "−8,4 mio. kr.",
        "på baggrund af dens rammevilkår",
    ],
    "4. Status 1 måned efter afsluttet forløb": [
        f"69,6{NBSP}% af Hedensteds afsluttede forløb endte i job eller uddannelse",
        "Dokumentet skriver »Hedensted 69,5 pct.«",
        f"54,4{NBSP}%",  # Lønmodtagerbeskæftigelse, jobparate, Hedensted (status table)
        "Ikke vist i kilden",
    ],
    "5. Varighed af afsluttede forløb": [
        "kortere forløb i 6 af 8 viste målgrupper",
        "170,4",  # Kontanthjælp, aktivitetsparat, Hedensted (weeks)
    ],
    "6. Ledighed og beskæftigelse": [
        "den 2. laveste ledighedsprocent af 12 kommuner i RAR Østjylland",
        f"steg med 70 personer (+13,3{NBSP}%) fra jan. 2023 til jan. 2024",
        f"steg med 54 personer (+0,3{NBSP}%) fra nov. 2022 til nov. 2023",
        f"2,2{NBSP}%",  # Skanderborg's rate in the table
    ],
    "7. Vandringer: hvor kom borgerne fra?": [
        "»Ingen betyder formentlig job«",
        f"Flest (557, 73,0{NBSP}%) havde forrige målgruppe »Ingen«",
        "Dagpengemodtagere",
    ],
}


@pytest.fixture(scope="module")
def default_page() -> AppTest:
    return open_page(PAGE)


def test_tiles_compare_with_rar_ostjylland_by_default(default_page: AppTest) -> None:
    tiles = {m.label: (m.value, m.delta) for m in default_page.metric}
    assert tiles["Offentligt forsørgede"] == (f"22,7{NBSP}%", "−1,5 pct.-point")
    assert tiles["Udgifter pr. person"] == ("2.674 kr.", "−667 kr.")
    assert tiles["Bruttoledighed"] == (f"2,4{NBSP}%", "−0,8 pct.-point")
    assert tiles["Ministeriets benchmark"][0] == "Nr. 12 af 98"
    shown = shown_text(default_page)
    assert "Pilene viser forskellen til RAR Østjylland" in shown
    assert not default_page.error


@pytest.mark.parametrize(("header", "figures"), SECTIONS.items(), ids=list(SECTIONS))
def test_every_section_shows_its_figures(
    default_page: AppTest, header: str, figures: list[str]
) -> None:
    headers = [h.value for h in default_page.header]
    assert header in headers
    shown = shown_text(default_page)
    for figure in figures:
        assert figure in shown, figure


def test_every_dataset_has_its_source_caption(default_page: AppTest, catalog) -> None:
    captions = {c.value for c in default_page.caption}
    for dataset_id in DATASETS:
        assert catalog.get(dataset_id).metadata.source_line() in captions, dataset_id


def test_every_chart_is_drawn(default_page: AppTest) -> None:
    charts = default_page.get("vega_lite_chart")
    # 2 + 3 + 2 + 5 status tabs + 2 + 3 (ledighed, beskæftigelse) + 3 vandringer tabs; the
    # computed-against-published shares are on Om data
    assert len(charts) == 20


def test_the_unemployment_goal_is_shown_as_not_met(default_page: AppTest) -> None:
    goals = [w.value for w in default_page.warning]
    assert any(
        "»At Hedensted fortsat har den laveste ledighedsprocent i RAR Østjylland området.«" in w
        and ":red-badge[:material/cancel: Ikke opfyldt (jan. 2024)]" in w
        and f"Hedensted har 2,4{NBSP}% og er nr. 2 af 12 kommuner" in w
        and f"lavest er Skanderborg med 2,2{NBSP}%" in w
        and "Passer: Samme måling" in w
        for w in goals
    ), goals
    assert not default_page.success


def test_skanderborg_is_named_where_a_table_lacks_it(default_page: AppTest) -> None:
    captions = [c.value for c in default_page.caption]
    assert any(
        c.startswith("Skanderborg findes ikke i kildens tabel »Offentlige udgifter pr. person")
        for c in captions
    )


def test_changing_the_reference_changes_gaps_and_sentences() -> None:
    app = open_page(PAGE)
    shown = shown_text(app)
    assert "Hedensted bruger 667 kr. mindre pr. person i arbejdsstyrken end RAR Østjylland" in shown
    assert "Sammenlignet med RAR Østjylland: Hedensted har en lavere andel i 5 af 13" in shown

    app.selectbox(key="benchmark_reference").select("Hele landet").run()
    assert not app.exception
    shown = shown_text(app)
    assert "Hedensted bruger 379 kr. mindre pr. person i arbejdsstyrken end Hele landet" in shown
    assert "9,4 mio. kr. mindre i alt" in shown
    assert "667 kr. mindre" not in shown
    assert "Sammenlignet med Hele landet:" in shown
    assert f"mod 72,4{NBSP}% i Hele landet" in shown  # status, jobparate
    assert f"Hele landet: 3,1{NBSP}% (−0,7 pct.-point)" in shown  # unemployment rate
    tiles = {m.label: m.delta for m in app.metric}
    assert tiles["Udgifter pr. person"] == "−379 kr."
    assert tiles["Offentligt forsørgede"] == "−0,7 pct.-point"  # 22,7 − 23,4
    assert "+1,6 pct.-point" in shown  # Fleksjob 4,8 − 3,2 in the difference table
    assert app.query_params["reference"] == "Hele landet"


def test_a_reference_missing_from_a_table_is_said_not_zero() -> None:
    app = open_page(PAGE)
    app.selectbox(key="benchmark_reference").select("Skanderborg").run()
    assert not app.exception
    shown = shown_text(app)
    assert (
        "Kildematerialet har ikke udgifterne pr. person i arbejdsstyrken for Skanderborg" in shown
    )
    assert "Kildematerialet har ikke udgifterne for Skanderborg." in shown  # tile note
    assert "Kildematerialet har ikke status efter afsluttet forløb for Skanderborg" in shown
    assert f"Skanderborg: 2,2{NBSP}% (+0,2 pct.-point)" in shown  # the rate table has it
    assert not {m.label: m.delta for m in app.metric}["Udgifter pr. person"]
    assert not app.error


def test_the_url_presets_the_controls() -> None:
    app = open_page(
        PAGE,
        {
            "reference": "Ringkøbing-Skjern",
            "omraader": "Hedensted;Skanderborg",
            "grupper": "Kontanthjælp;Førtidspension",
            "sortering": "forskel",
        },
    )
    assert app.selectbox(key="benchmark_reference").value == "Ringkøbing-Skjern"
    assert app.multiselect(key="benchmark_areas").value == ["Skanderborg"]
    assert app.multiselect(key="benchmark_groups").value == ["Kontanthjælp", "Førtidspension"]
    assert app.selectbox(key="benchmark_sort").value == "forskel"
    shown = shown_text(app)
    assert (
        "Hedensted bruger 411 kr. mindre pr. person i arbejdsstyrken end Ringkøbing-Skjern" in shown
    )
    assert "i 2 af 2 viste ydelsesgrupper" in shown
    assert "Kildematerialet har ikke ledighedsprocenten for Ringkøbing-Skjern" in shown


def test_changing_the_controls_writes_the_url() -> None:
    app = open_page(PAGE)
    assert "reference" not in app.query_params  # the default view has a short URL
    app.multiselect(key="benchmark_areas").set_value(["RAR Østjylland"]).run()
    app.selectbox(key="benchmark_sort").select("vaerdi").run()
    app.multiselect(key="benchmark_groups").set_value(["Sygedagpenge"]).run()
    app.selectbox(key="benchmark_reference").select("Skanderborg").run()
    assert not app.exception
    assert app.query_params["omraader"] == "Hedensted;RAR Østjylland"
    assert app.query_params["sortering"] == "vaerdi"
    assert app.query_params["grupper"] == "Sygedagpenge"
    assert app.query_params["reference"] == "Skanderborg"


def test_no_benefit_group_chosen_says_so() -> None:
    app = open_page(PAGE)
    app.multiselect(key="benchmark_groups").set_value([]).run()
    assert not app.exception
    infos = [i.value for i in app.info]
    assert infos.count("Vælg mindst én ydelsesgruppe for at se tallene.") == 2
    shown = shown_text(app)
    assert "nr. 12 af 98" in shown  # the other sections still work


def test_a_broken_dataset_only_blanks_its_section(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = data_copy / "vandringer_forrige_maalgruppe.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace(",557", ",mange"), encoding="utf-8"
    )
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = open_page(PAGE)
    errors = [e.value for e in app.error]
    assert any("vandringer_forrige_maalgruppe.csv" in e for e in errors), errors
    shown = shown_text(app)
    assert "Hedensted bruger 667 kr. mindre" in shown
    assert "Ikke opfyldt" in shown
    st.cache_data.clear()
