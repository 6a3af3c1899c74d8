"""AppTest of the Code of Care page: figures, the approximate count, the filter, sources."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hedensted.core.catalog import DATA_DIR_ENV
from tests.apptest_support import open_page, shown_text

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/code_of_care.py"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def page() -> AppTest:
    return open_page(PAGE)


def _walk(node) -> list:
    """Every element of the page body in the order it is drawn."""
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) in ("sidebar",):
            continue
        found.append(child)
        found.extend(_walk(child))
    return found


def _chart_frames(app: AppTest) -> list[pd.DataFrame]:
    frames = []
    for element in app.get("vega_lite_chart"):
        for dataset in element.proto.datasets:
            frames.append(pa.ipc.open_stream(dataset.data.data).read_all().to_pandas())
    return frames


def _growth_data(app: AppTest) -> pd.DataFrame:
    frames = [f for f in _chart_frames(app) if "series" in f.columns]
    assert len(frames) == 1
    return frames[0]


def test_kpi_tiles(page: AppTest) -> None:
    metrics = {m.label: (m.value, m.delta) for m in page.metric}
    assert metrics["Virksomheder i netværket"] == ("næsten 70", "")
    assert metrics["Partnerskabsvirksomheder"] == ("20", "")
    assert metrics["Kontanthjælp med lønnede timer"] == (
        f"19,3{NBSP}%",
        "+10,4 pct.-point mod RAR Østjylland",
    )
    assert metrics["Kontanthjælp med lønnede timer ift. landet"][0] == "2,3 gange"
    shown = shown_text(page)
    assert (
        f"19,3{NBSP}% af kontanthjælpsmodtagerne i Hedensted havde lønnede timer i marts 2019 – "
        f"mod 8,9{NBSP}% i RAR Østjylland og 8,5{NBSP}% i Hele landet."
    ) in shown
    assert f"Hedensteds andel er 2,3 gange landsniveauet (19,3{NBSP}% mod 8,5{NBSP}%)" in shown


def test_the_approximate_count_is_never_shown_as_exact(page: AppTest) -> None:
    assert all(m.value.strip() != "70" for m in page.metric)
    shown = shown_text(page)
    assert "næsten 70" in shown
    assert not re.search(r"(?<!næsten )\b70 virksomheder", shown), "a bare 70 is shown"
    growth = _growth_data(page)
    approximate = growth[growth["approximate"]]
    assert list(approximate["label"]) == ["næsten 70"]
    assert list(approximate["value_text"]) == ["næsten 70"]
    assert not any(label.strip() == "70" for label in growth["label"])


def test_growth_chart_has_every_count_with_its_document(page: AppTest) -> None:
    growth = _growth_data(page)
    network = growth[growth["series"] == "Virksomheder i netværket"]
    assert sorted(network["value"]) == [12, 18, 41, 70]
    documents = dict(zip(network["value"], network["document"], strict=True))
    assert documents[12] == "Temadrøftelse udvalget for Beskæftigelse 5. marts 2024"
    assert documents[18] == "Beskæftigelsesplan 2017"
    assert documents[41] == "Udvalget for Beskæftigelse – møde sommeren 2019"
    goals = growth[growth["kind"] == "mål"]
    assert sorted(goals["value"]) == [20, 44]
    shown = shown_text(page)
    assert "**12** ifølge Temadrøftelse udvalget for Beskæftigelse 5. marts 2024" in shown
    assert "**18** ifølge Beskæftigelsesplan 2017" in shown


def test_period_filter_changes_the_chart() -> None:
    app = open_page(PAGE)
    assert app.select_slider(key="coc_period").value == (2015, 2024)
    before = _growth_data(app)
    assert {12, 18} <= set(before["value"])
    app.select_slider(key="coc_period").set_value((2019, 2024)).run()
    after = _growth_data(app)
    assert sorted(after["value"]) == [20, 20, 41, 44, 70]
    assert 12 not in set(after["value"]) and 18 not in set(after["value"])
    # The "Vis tal" table follows the filter too.
    growth_table = next(d.value for d in app.dataframe if "Serie" in d.value.columns)
    assert list(growth_table["Antal"]) == list(after["value_text"])


def test_paid_hours_chart_and_flere_i_job(page: AppTest) -> None:
    paid = next(f for f in _chart_frames(page) if "benefit" in f.columns)
    values = {(r.benefit, r.area): r.value for r in paid.itertuples()}
    assert values[("Kontanthjælp", "Hedensted")] == 19.3
    assert values[("Kontanthjælp", "RAR Østjylland")] == 8.9
    assert values[("Kontanthjælp", "Hele landet")] == 8.5
    assert values[("Ressourceforløb", "Hedensted")] == 4.0
    assert values[("Ressourceforløb", "RAR Østjylland")] == 1.6
    assert values[("Ressourceforløb", "Hele landet")] == 1.7
    metrics = {m.label: m.value for m in page.metric}
    assert (
        metrics["Aktivitetsparate kontanthjælpsmodtagere over 30 år: andel med løntimer"]
        == f"17{NBSP}%"
    )
    assert metrics["Ressourceforløb - alle: andel med løntimer"] == f"5{NBSP}%"
    captions = [c.value for c in page.caption]
    assert any(c.startswith("17 personer") for c in captions)
    assert any(c.startswith("4 personer") for c in captions)
    notes = [i.value for i in page.info]
    assert any("Definitioner og målgrupper er forskellige" in n for n in notes)


def test_goal_cards_and_status_agree(page: AppTest) -> None:
    shown = "\n".join(str(m.value) for m in page.markdown)
    assert ":blue-badge[:material/pending: Undervejs: 41 af 44, jun. 2019]" in shown
    assert shown.count(":gray-badge[:material/help: Kan ikke vurderes]") >= 2
    assert "hvor mange virksomheder der kom til i 2019" in shown
    assert "19,3\u00a0% med lønnede timer (mar. 2019)." in shown
    # the Målstatus table says the same for the same three goals
    status = pd.concat([t.value for t in page.table if "Vurdering" in t.value.columns])
    verdicts = dict(zip(status["Måltal og frist"], status["Vurdering"], strict=True))
    assert verdicts["mindst 44\u00a0virksomheder i netværket – i slutningen af 2019"] == (
        "Undervejs: 41 af 44, jun. 2019"
    )
    assert verdicts["mindst 20\u00a0nye virksomheder – i slutningen af 2019"] == (
        "Kan ikke vurderes"
    )
    assert verdicts["stigning på 20\u00a0% – i slutningen af 2019"] == "Kan ikke vurderes"


def test_cards_and_links(page: AppTest) -> None:
    shown = shown_text(page)
    for title in (
        "Task Forcens aktiviteter",
        "Ny Hedensted-model for samarbejdet med virksomheder",
        "En grøn aften",
        "Fra ung til chef",
        "Anker Andersen i Tørring",
        "AV-cables",
        "Priser og certificering",
    ):
        assert title in shown, title
    links = {button.proto.url for button in page.get("link_button")}
    assert links == {"https://youtu.be/NjAOeBkMiU4", "https://youtu.be/jK9cCWqwLfM"}
    assert "Hvordan lykkes vi så med det?" in shown
    assert "afventer beslutning om Code of Care – ny fremtid" in shown
    assert "Partnerskaber med virksomheder" in shown


def test_every_section_has_a_source_caption(page: AppTest) -> None:
    elements = _walk(page.main)
    sections: list[tuple[str, list[str]]] = []
    for element in elements:
        if element.type == "header":
            sections.append((element.value, []))
        elif element.type == "caption" and sections:
            sections[-1][1].append(element.value)
    assert [title for title, _ in sections] == [
        "Nøgletal",
        "Netværkets vækst",
        "Småjobs: andel med lønnede timer",
        "Det laver netværket",
        "Mål for Code of Care og småjobs",
        "Målstatus",
        "Til drøftelse",
    ]
    for title, captions in sections:
        assert any(c.startswith("Kilde: ") for c in captions), title
    tile_captions = dict(sections)["Nøgletal"]
    assert sum(c.startswith("Kilde: ") for c in tile_captions) == 4  # one per KPI tile


def test_reference_in_the_sidebar_moves_the_delta() -> None:
    app = open_page(PAGE)
    app.session_state["reference_area"] = "Hele landet"
    app.run()
    deltas = {m.label: m.delta for m in app.metric}
    assert deltas["Kontanthjælp med lønnede timer"] == "+10,8 pct.-point mod Hele landet"
    app.session_state["reference_area"] = "Skanderborg"
    app.run()
    assert "Kildematerialet har ikke andelen for Skanderborg." in shown_text(app)


def test_a_broken_dataset_only_blanks_its_sections(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = data_copy / "loennede_timer_andel.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace("2019-03,19.3", "2019-03,abc"),
        encoding="utf-8",
    )
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = open_page(PAGE)
    errors = [e.value for e in app.error]
    assert errors and all("loennede_timer_andel.csv" in e for e in errors)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Virksomheder i netværket"] == "næsten 70"
    assert "Netværkets vækst" in [h.value for h in app.header]
    st.cache_data.clear()
