"""Code of Care domain logic and charts, checked against the figures in the documents."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from hedensted.code_of_care.cards import activity_cards, split_lead
from hedensted.code_of_care.charts import (
    network_growth_chart,
    paid_hours_areas_chart,
    paid_hours_chart,
)
from hedensted.code_of_care.discussion import discussion
from hedensted.code_of_care.formatting import format_times
from hedensted.code_of_care.goals import CODE_OF_CARE_GOALS
from hedensted.code_of_care.kpis import (
    network_kpi,
    paid_hours_kpi,
    paid_hours_ratio_kpi,
    partners_kpi,
)
from hedensted.code_of_care.paid_hours import (
    RESOURCE_COURSE,
    flere_i_job_paid_hours,
    paid_hours_chart_frame,
    paid_hours_comparison,
    paid_hours_note,
    ratio,
)
from hedensted.code_of_care.timeline import (
    NETWORK,
    NETWORK_GOAL,
    NEW_COMPANIES_GOAL,
    PARTNERS,
    TIMELINE_DATASETS,
    filter_years,
    founding_disagreement,
    latest_network_count,
    network_timeline,
    timeline_years,
    year_span,
)
from hedensted.goals.register import goal_register, goals_for_theme

SEED_2019 = "000_465c86e5ea9b9482.txt"
SEED_2017 = "001_b23416f42bb2e44e.txt"
SEED_2024 = "002_46aad5eee344e12c.txt"


@pytest.fixture(scope="module")
def timeline(catalog) -> pd.DataFrame:
    return network_timeline([catalog.get(i) for i in TIMELINE_DATASETS])


def _row(frame: pd.DataFrame, **filters) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, wanted in filters.items():
        mask &= frame[column] == wanted
    rows = frame[mask]
    assert len(rows) == 1, (filters, rows)
    return rows.iloc[0]


# --- the network timeline -----------------------------------------------------------------


def test_timeline_has_every_count_from_every_document(catalog, timeline) -> None:
    network = timeline[timeline["series"] == NETWORK]
    assert list(network["value"]) == [12, 18, 41, 70]
    assert list(network["value_text"]) == ["12", "18", "41", "næsten 70"]
    assert list(network["period"]) == ["2015", "2016", "2019-06", "2024-03"]
    seeds = {d: catalog.get(d).metadata.seed_file for d in network["dataset_id"]}
    assert [seeds[d] for d in network["dataset_id"]] == [SEED_2024, SEED_2017, SEED_2019, SEED_2024]
    assert list(network["document"]) == [
        "Temadrøftelse udvalget for Beskæftigelse 5. marts 2024",
        "Beskæftigelsesplan 2017",
        "Udvalget for Beskæftigelse – møde sommeren 2019",
        "Temadrøftelse udvalget for Beskæftigelse 5. marts 2024",
    ]
    # The 4 virksomhedscentre and their ca. 15 companies are not Code of Care counts.
    assert 15 not in set(timeline["value"]) and 4 not in set(timeline["value"])


def test_goals_are_targets_at_their_deadline(timeline) -> None:
    network_goal = _row(timeline, series=NETWORK_GOAL)
    assert network_goal["value"] == 44
    assert network_goal["kind"] == "mål"
    assert network_goal["day"] == pd.Timestamp("2019-12-31")
    assert network_goal["start_day"] == pd.Timestamp("2019-01-01")
    assert network_goal["label"] == "Mål: 44"
    new = _row(timeline, series=NEW_COMPANIES_GOAL)
    assert new["value"] == 20
    assert new["label"] == "Mål: 20 nye i 2019"
    assert new["period_text"] == "frist 31. december 2019"
    partners = _row(timeline, series=PARTNERS)
    assert partners["value"] == 20
    assert partners["period"] == "2024-03"


def test_approximate_count_keeps_its_word(timeline) -> None:
    latest = latest_network_count(timeline)
    assert latest["approximate"]
    assert latest["qualifier"] == "næsten"
    assert latest["value_text"] == "næsten 70"
    assert latest["label"] == "næsten 70"
    exact = timeline[~timeline["approximate"]]
    assert not exact["value_text"].str.contains("næsten").any()


def test_founding_disagreement_names_both_documents(timeline) -> None:
    disagreement = founding_disagreement(timeline)
    assert disagreement is not None
    assert [text for text, _ in disagreement.counts] == ["12", "18"]
    assert "**12** ifølge Temadrøftelse udvalget for Beskæftigelse 5. marts 2024" in (
        disagreement.sentence
    )
    assert "**18** ifølge Beskæftigelsesplan 2017" in disagreement.sentence
    founding = timeline[timeline["founding"]]
    assert list(founding["label"]) == ["12 (Temadrøftelse 2024)", "18 (Beskæftigelsesplan 2017)"]


def test_no_disagreement_when_only_one_founding_count(catalog) -> None:
    only_2024 = network_timeline([catalog.get("code_of_care_2024")])
    assert founding_disagreement(only_2024) is None


def test_period_filter(timeline) -> None:
    assert timeline_years(timeline) == list(range(2015, 2025))
    later = filter_years(timeline, 2019, 2024)
    assert sorted(later["value"]) == [20, 20, 41, 44, 70]
    early = filter_years(timeline, 2015, 2016)
    assert list(early["value"]) == [12, 18]
    assert year_span(2019, 2024) == (pd.Timestamp("2019-01-01"), pd.Timestamp("2024-12-31"))
    with pytest.raises(ValueError, match="begynder"):
        filter_years(timeline, 2024, 2019)


def test_missing_row_is_a_danish_error(catalog) -> None:
    dataset = catalog.get("code_of_care_2019")
    broken = type(dataset)(
        metadata=dataset.metadata,
        frame=dataset.frame[dataset.frame["kind"] != "faktisk"],
        csv_path=dataset.csv_path,
    )
    with pytest.raises(ValueError, match="mangler opgørelsen"):
        network_timeline([broken])
    with pytest.raises(ValueError, match="Ingen af Code of Care-datasættene"):
        network_timeline([catalog.get("loennede_timer_andel")])


# --- paid hours and the ratio ------------------------------------------------------------------


def test_paid_hours_comparison_and_ratio(catalog) -> None:
    frame = catalog.get("loennede_timer_andel").frame
    cash = paid_hours_comparison(frame)
    assert (cash.hedensted, cash.rar, cash.country) == (19.3, 8.9, 8.5)
    assert cash.ratio_to_country == pytest.approx(19.3 / 8.5)
    assert format_times(cash.ratio_to_country) == "2,3 gange"
    assert format_times(cash.ratio_to_rar) == "2,2 gange"  # 19,3 / 8,9 = 2,17
    course = paid_hours_comparison(frame, RESOURCE_COURSE)
    assert (course.hedensted, course.rar, course.country) == (4.0, 1.6, 1.7)
    assert format_times(course.ratio_to_country) == "2,4 gange"  # 4,0 / 1,7 = 2,35
    with pytest.raises(ValueError, match="findes ikke"):
        paid_hours_comparison(frame, "Dagpenge")


def test_ratio_refuses_zero_and_missing() -> None:
    with pytest.raises(ValueError, match="0"):
        ratio(19.3, 0)
    with pytest.raises(ValueError, match="mangler"):
        ratio(19.3, math.nan)


def test_flere_i_job_status_values(catalog) -> None:
    values = flere_i_job_paid_hours(catalog.get("statusskema_indikatorer").frame)
    assert [v.target_group for v in values] == [
        "Aktivitetsparate kontanthjælpsmodtagere over 30 år",
        "Ressourceforløb - alle",
    ]
    assert [(v.share, v.count) for v in values] == [(17, 17), (5, 4)]
    assert [v.share_text for v in values] == ["17\u00a0%", "5\u00a0%"]
    assert [v.count_text for v in values] == ["17 personer", "4 personer"]
    assert values[0].date_text == "10. januar 2024"
    assert values[0].milestones_text == (
        "Mål: 18\u00a0% (aug. 2024), 19\u00a0% (jan. 2025), 20\u00a0% (jan. 2026)"
    )


def test_paid_hours_note_says_populations_differ(catalog) -> None:
    note = paid_hours_note(
        catalog.get("loennede_timer_andel"), catalog.get("statusskema_indikatorer")
    )
    assert "Jobindsats.dk" in note
    assert "»Aktivitetsparate kontanthjælpsmodtagere over 30 år«" in note
    assert "Definitioner og målgrupper er forskellige" in note


# --- goals ------------------------------------------------------------------------------------


def test_the_code_of_care_goals_are_judged_like_everywhere_else(catalog) -> None:
    # The page's goal cards and its »Målstatus« take the register's one verdict.
    register = goal_register(catalog)
    chosen = register.set_index("goal_id").loc[list(CODE_OF_CARE_GOALS)]
    assert list(chosen["target_value"]) == [44, 20, 20]
    assert list(chosen["status_label"]) == [
        "Undervejs: 41 af 44, jun. 2019",
        "Kan ikke vurderes",
        "Kan ikke vurderes",
    ]
    theme = goals_for_theme(register, "Code of Care").set_index("goal_id")
    assert set(theme.index) == set(CODE_OF_CARE_GOALS)


# --- KPI tiles ------------------------------------------------------------------------------


def test_network_kpi_is_approximate(catalog) -> None:
    kpi = network_kpi(catalog)
    assert kpi.value_text == "næsten 70"
    assert kpi.sentence == (
        "Code of Care Hedensted har næsten 70 virksomheder i netværket (marts 2024)."
    )
    assert kpi.notes and "»næsten«" in kpi.notes[0]


def test_partners_kpi(catalog) -> None:
    kpi = partners_kpi(catalog)
    assert kpi.value_text == "20"
    assert "20 partnerskabsvirksomheder (unge – job og lærepladser), marts 2024" in kpi.sentence


@pytest.mark.parametrize(
    ("reference", "delta_text"),
    [
        ("RAR Østjylland", "+10,4 pct.-point mod RAR Østjylland"),
        ("Hele landet", "+10,8 pct.-point mod Hele landet"),
    ],
)
def test_paid_hours_kpi(catalog, reference, delta_text) -> None:
    kpi = paid_hours_kpi(catalog, reference)
    assert kpi.value_text == "19,3\u00a0%"
    assert kpi.delta_text == delta_text
    assert kpi.sentence == (
        "19,3\u00a0% af kontanthjælpsmodtagerne i Hedensted havde lønnede timer i marts 2019 "
        "– mod 8,9\u00a0% i RAR Østjylland og 8,5\u00a0% i Hele landet."
    )


def test_paid_hours_kpi_without_the_reference(catalog) -> None:
    kpi = paid_hours_kpi(catalog, "Skanderborg")
    assert kpi.delta is None
    assert kpi.notes == ("Kildematerialet har ikke andelen for Skanderborg.",)


def test_ratio_kpi(catalog) -> None:
    kpi = paid_hours_ratio_kpi(catalog)
    assert kpi.value_text == "2,3 gange"
    assert kpi.value == pytest.approx(19.3 / 8.5)
    assert "2,3 gange landsniveauet (19,3\u00a0% mod 8,5\u00a0%)" in kpi.sentence
    assert "2,4 gange landsniveauet" in kpi.notes[0]


# --- cards and discussion ------------------------------------------------------------------


def test_activity_cards(catalog) -> None:
    cards_2024 = catalog.get("code_of_care_aktiviteter_2024").frame
    events = activity_cards(cards_2024, "arrangement")
    assert [e.title.split(" –")[0] for e in events] == ["En grøn aften", "Fra ung til chef"]
    workshops = next(i for i in events[0].program if i.text == "Workshops")
    assert len(workshops.sub_items) == 7
    assert not events[0].when_has_year
    stories = activity_cards(cards_2024, "god historie")
    assert [s.link for s in stories] == [
        "https://youtu.be/NjAOeBkMiU4",
        "https://youtu.be/jK9cCWqwLfM",
    ]
    assert len(activity_cards(cards_2024, "pris")) == 6
    process = activity_cards(cards_2024, "proces")[0]
    assert len(process.program) == 3
    task_force = activity_cards(catalog.get("code_of_care_aktiviteter_2019").frame)
    assert len(task_force) == 5


def test_split_lead() -> None:
    lead, rest = split_lead("Første. Anden sætning. Tredje.", limit=20)
    assert (lead, rest) == ("Første.", "Anden sætning. Tredje.")
    assert split_lead("Kort.") == ("Kort.", "")
    with pytest.raises(ValueError):
        split_lead("x", limit=0)


def test_discussion(catalog) -> None:
    points = discussion(
        catalog.get("temadroeftelse_spoergsmaal").frame,
        catalog.get("strategi_fokusomraader").frame,
        catalog.get("investeringsprojekter_status_marts_2024").frame,
    )
    assert points.theme_points == (
        "Vi har løbende udviklet Code of Care konceptet og har brug for at lave vores egen "
        "Hedensted-model.",
    )
    assert points.theme_questions == ()
    assert points.related_questions == ("Hvordan lykkes vi så med det?",)
    assert points.focus_area.startswith("Partnerskaber med virksomheder")
    assert points.pending == (
        "Vidensgruppe med virksomhedsledere og jobcenter og temadage afventer beslutning om "
        "Code of Care – ny fremtid",
    )


# --- charts ---------------------------------------------------------------------------------


def test_growth_chart_spec(timeline) -> None:
    start, end = year_span(2015, 2024)
    spec = network_growth_chart(timeline, start, end).to_dict()
    layers = spec["layer"]
    assert len(layers) == 6
    hollow = [layer for layer in layers if layer["mark"].get("filled") is False]
    assert len(hollow) == 1
    for layer in layers:  # every layer, labels too: no default tooltip with the bare value
        tooltip = layer["encoding"]["tooltip"]
        assert {t["title"] for t in tooltip} >= {"Antal", "Dokument", "Tidspunkt"}
        assert "value" not in {t["field"] for t in tooltip}
    text_fields = {
        layer["encoding"]["text"]["field"] for layer in layers if "text" in layer["encoding"]
    }
    assert text_fields == {"label"}  # labels carry the qualifier, never the bare value
    data = next(iter(spec["datasets"].values()))
    assert "næsten 70" in {row["label"] for row in data}
    json.dumps(spec)  # serialisable


def test_paid_hours_chart_spec(catalog) -> None:
    frame = paid_hours_chart_frame(catalog.get("loennede_timer_andel").frame)
    spec = paid_hours_chart(frame, ["Hedensted", "RAR Østjylland", "Hele landet"]).to_dict()
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert any(t.get("format") == ",.1f" for t in tooltip)
    assert sorted(frame["value_text"]) == sorted(
        ["8,5\u00a0%", "8,9\u00a0%", "19,3\u00a0%", "1,7\u00a0%", "1,6\u00a0%", "4,0\u00a0%"]
    )


def test_paid_hours_areas_chart_puts_hedensted_first_then_rar_then_the_country(catalog) -> None:
    spec = paid_hours_areas_chart(catalog.get("loennede_timer_andel").frame).to_dict()
    offset = spec["layer"][0]["encoding"]["yOffset"]
    assert offset["sort"] == ["Hedensted", "RAR Østjylland", "Hele landet"]
    assert spec["height"] == 2 * 4 * 34  # two benefits, three areas and a gap, 34 px a bar


def test_escape_markdown() -> None:
    from ui.sections.code_of_care_cards import escape_markdown

    assert escape_markdown("31. december 2019") == "31\\. december 2019"
    assert escape_markdown("CSR/ESG *certifikat*") == "CSR/ESG \\*certifikat\\*"
    assert escape_markdown("- punkt") == "\\- punkt"
