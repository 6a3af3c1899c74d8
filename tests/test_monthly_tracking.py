"""Indicators from the status tables, the target path, traffic lights, tiles, layout, måltal."""

from __future__ import annotations

from datetime import date

import pytest
from register_support import shipped_indicators

from hedensted.core.catalog import PACKAGED_DATA_DIR, load_catalog
from hedensted.investment_projects.progress import Direction, Status
from hedensted.investment_projects.projects import (
    maaltal_chart_frame,
    maaltal_summary,
    project_cards,
)
from hedensted.monthly.layout import layout_columns, status_frame, status_text_table
from hedensted.monthly.tracking import (
    format_indicator_difference,
    format_indicator_value,
    indicator_tile,
    target_for,
    target_path_frame,
    traffic_light,
)


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PACKAGED_DATA_DIR)


def test_the_status_tables_have_40_indicators_in_5_projects(indicators) -> None:
    assert len(indicators) == 40
    assert indicators.project_ids == [
        "klar_parat_i_job",
        "flere_i_job",
        "kompetenceporten",
        "jobperronen",
        "socialt_frikort",
    ]
    assert (indicators.first_month, indicators.last_month) == (date(2024, 1, 1), date(2026, 1, 1))
    assert indicators.milestone_months == (date(2024, 8, 1), date(2025, 1, 1), date(2026, 1, 1))
    assert len(indicators.for_project("flere_i_job")) == 10
    # loentimer exists in two projects with different units
    assert indicators.get("jobperronen", "loentimer").unit == "pct."
    assert indicators.get("socialt_frikort", "loentimer").unit == "personer"


def test_the_target_path_runs_from_the_baseline_through_the_milestones(indicators) -> None:
    jobparate = indicators.get("jobperronen", "jobparate_antal")  # 80 → 72 → 64 → 48
    assert jobparate.direction is Direction.LOWER_IS_BETTER
    assert target_for(jobparate, date(2024, 1, 1)) == 80
    assert target_for(jobparate, date(2024, 8, 1)) == 72
    assert target_for(jobparate, date(2025, 1, 1)) == 64
    assert target_for(jobparate, date(2026, 1, 1)) == 48
    # halfway in days between Jan 1 and Aug 1 2024 (213 days): 80 − 8 · 91/213
    assert target_for(jobparate, date(2024, 4, 1)) == pytest.approx(80 - 8 * 91 / 213)
    path = target_path_frame(jobparate)
    assert len(path) == 25
    assert list(path.loc[path["point"] != "", "label"]) == [
        "Startmåling",
        "Mål aug. 2024",
        "Mål jan. 2025",
        "Mål jan. 2026",
    ]


def test_an_indicator_without_baseline_has_a_path_only_from_its_first_milestone(indicators):
    uddannelse = indicators.get("kompetenceporten", "afsluttet_uddannelse")  # only Jan 2026: 10
    assert target_for(uddannelse, date(2025, 12, 1)) is None
    assert target_for(uddannelse, date(2026, 1, 1)) == 10
    light = traffic_light(uddannelse, (date(2024, 3, 1), 1.0))
    assert light.status is None and light.text == "intet delmål før jan. 2026"


def test_traffic_lights_follow_the_direction_and_the_thresholds(indicators) -> None:
    jobparate = indicators.get("jobperronen", "jobparate_antal")  # lower is better
    august = date(2024, 8, 1)  # path value 72
    assert traffic_light(jobparate, None).status is Status.NO_DATA
    assert traffic_light(jobparate, (august, 72)).status is Status.ON_TRACK
    assert traffic_light(jobparate, (august, 60)).status is Status.ON_TRACK
    assert traffic_light(jobparate, (august, 79)).status is Status.BEHIND  # 7 ≤ 7,2
    assert traffic_light(jobparate, (august, 80)).status is Status.FAR_BEHIND
    share = indicators.get("jobperronen", "andel_afsluttet_job")  # higher is better, 58 in Aug
    assert traffic_light(share, (august, 58.0)).status is Status.ON_TRACK
    assert traffic_light(share, (august, 53.0)).status is Status.BEHIND
    assert traffic_light(share, (august, 52.0)).status is Status.FAR_BEHIND
    assert traffic_light(share, (august, 52.0)).sentence == (
        "aug. 2024: 52\u00a0% mod målstiens 58\u00a0% – langt bagud."
    )


def test_indicators_without_targets_say_so(indicators) -> None:
    frikort = indicators.get("socialt_frikort", "unge_med_socialt_frikort")
    light = traffic_light(frikort, (date(2024, 5, 1), 12.0))
    assert light.status is None
    assert light.text == "intet mål i kildematerialet"
    assert target_path_frame(frikort).empty


def test_a_tile_shows_latest_value_and_difference_to_the_path(indicators) -> None:
    delaftale = indicators.get("flere_i_job", "aktivitetsparate_delaftale2")  # 87,9 → 70 (Aug)
    tile = indicator_tile(delaftale, (date(2024, 8, 1), 66.5))
    assert tile.value_text == "66,5\u00a0%"
    assert tile.delta_text == "−3,5 pct.-point i forhold til målstien"
    assert not tile.lower_is_better
    assert tile.light.status is Status.BEHIND
    weeks = indicators.get("klar_parat_i_job", "varighed_adagpengeforloeb")
    tile = indicator_tile(weeks, (date(2024, 3, 1), 19.3))
    assert tile.delta_text == "+0,5 uger i forhold til målstien" and tile.lower_is_better


def test_the_status_table_has_the_documents_columns(indicators) -> None:
    columns = layout_columns(indicators, indicators.months())
    headings = [c.heading for c in columns]
    assert headings[:3] == ["Startmåling", "jan. 2024", "feb. 2024"]
    assert headings[headings.index("aug. 2024") + 1] == "Mål aug. 2024"
    assert headings[-2:] == ["jan. 2026", "Mål jan. 2026"]
    assert len(headings) == 1 + 25 + 3
    values = {("jobperronen", "jobparate_antal", date(2024, 2, 1)): 78.0}
    frame = status_frame(indicators.for_project("jobperronen"), columns, values)
    row = frame.iloc[0]
    assert (row["Startmåling"], row["feb. 2024"], row["Mål jan. 2026"]) == (80, 78.0, 48)
    shown = status_text_table(frame)
    assert shown.iloc[2]["Startmåling"] == "0"
    assert shown.iloc[4]["Startmåling"] == "55,8"
    assert shown.iloc[0]["mar. 2024"] == "–"
    assert "Startmåling fra 3. kvt. 2022 – 2. kvt. 2023." in shown.iloc[4]["Note"]


def test_maaltal_totals_are_computed_from_the_lines(catalog) -> None:
    summary = maaltal_summary(catalog.get("maaltal_investeringer").frame)
    assert list(summary["computed_total"]) == [649, 433, 385, 1212, 58]
    assert list(summary["published_total"]) == [649, 433, 385, 1212, 58]
    assert list(summary["difference"]) == [0, 0, 0, 0, 0]
    kontanthjaelp = summary.iloc[1]
    # 197 + 238 base; −2 −1 −15 −2 +10 investments; −5 budget; +13 wage subsidy
    assert (kontanthjaelp["grundlag"], kontanthjaelp["investering"]) == (435, -10)
    assert (kontanthjaelp["budgetforlig"], kontanthjaelp["løntilskud"]) == (-5, 13)
    assert summary.iloc[3]["grundlag"] == 157 + 225 + 840
    chart = maaltal_chart_frame(summary)
    assert list(chart["value"][1::2]) == [649, 433, 385, 1212, 58]


def test_project_cards_carry_goals_and_march_status(catalog) -> None:
    cards = project_cards(
        catalog.get("investeringsprojekter").frame,
        catalog.get("investeringsprojekter_maal").frame,
        catalog.get("investeringsprojekter_status_marts_2024").frame,
    )
    by_id = {card.project_id: card for card in cards}
    assert len(cards) == 5
    jobperronen = by_id["jobperronen"]
    assert jobperronen.status_name == "Jobperronen"
    assert "Opstart uge 10" in jobperronen.status_march_2024
    assert "Målgruppen er reduceret med 12 procent." in jobperronen.goals_august_2024
    # the goal with two numbers (4 in education, 2 adult apprentices) is shown once
    assert len(by_id["kompetenceporten"].goals_august_2024) == 5
    assert by_id["socialt_frikort"].status_march_2024 == ()
    assert by_id["socialt_frikort"].goals_long_term == ()


def test_one_is_singular() -> None:
    assert format_indicator_value(1, "personer") == "1 person"
    assert format_indicator_value(1212, "personer") == "1.212 personer"
    assert format_indicator_difference(-1, "virksomheder") == "−1 virksomhed"
    assert format_indicator_difference(2, "uger") == "+2 uger"
