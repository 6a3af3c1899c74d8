"""Every calculation checked against the figures the documents themselves publish."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from hedensted.benchmark.expenses import expense_gap_worth
from hedensted.benchmark.ministry import benchmark_table
from hedensted.benchmark.outcomes import (
    JOB_AND_EDUCATION,
    JOB_EDUCATION_AND_FLEXJOB,
    share_ended_to,
)
from hedensted.benchmark.unemployment import has_lowest_rate, rank_in_rar, unemployment_change
from hedensted.core.compare import (
    compare_to_reference,
    difference_to_reference,
    rank_areas,
    rank_of,
)
from hedensted.investment_projects.progress import (
    Direction,
    Milestone,
    Status,
    progress_status,
    target_at,
)
from hedensted.investment_projects.targets import target_totals

# --- difference, index and rank ---------------------------------------------------


def test_expense_differences_equal_the_published_forskel_column(catalog) -> None:
    """002: the "Forskel" column is Hedensted − Ringkøbing-Skjern for every group."""
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").frame
    published = catalog.get("udgifter_forskel_publiceret").frame.set_index("group")["value"]
    computed = difference_to_reference(expenses, "Hedensted", "Ringkøbing-Skjern", by="group")
    assert len(published) == 13
    for group, value in published.items():
        assert computed[group] == value, group
    assert computed["Ydelsesgrupper i alt"] == -411


@pytest.mark.parametrize(
    ("reference", "published_gap"),
    [("Hele landet", -379), ("RAR Østjylland", -667), ("Ringkøbing-Skjern", -411)],
)
def test_total_expense_gap_matches_the_published_sentences(catalog, reference, published_gap):
    """002: "… 379 kr. under Hele landet og 667 kr. under RAR Østjylland og 411 kr. under …"."""
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").frame
    gaps = difference_to_reference(expenses, "Hedensted", reference, by="group")
    assert gaps["Ydelsesgrupper i alt"] == published_gap


def test_index_against_reference(catalog) -> None:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    compared = compare_to_reference(frame, "RAR Østjylland", by=["group"])
    row = compared[
        (compared["area"] == "Hedensted") & (compared["group"] == "Ydelsesgrupper i alt")
    ]
    assert row["difference"].iloc[0] == pytest.approx(-1.5)
    assert row["index"].iloc[0] == pytest.approx(22.7 / 24.2 * 100)


def test_unknown_reference_is_a_clear_error(catalog) -> None:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    with pytest.raises(ValueError, match="Sammenligningsområdet 'Aarhus' findes ikke"):
        compare_to_reference(frame, "Aarhus", by=["group"])


def test_rank_handles_ties_and_missing() -> None:
    frame = pd.DataFrame(
        {"area": ["A", "B", "C", "D", "E"], "value": [2.5, 2.2, 2.5, 3.0, float("nan")]}
    )
    ranked = rank_areas(frame).set_index("area")
    assert ranked.loc["B", "rank"] == 1
    assert ranked.loc["A", "rank"] == 2
    assert ranked.loc["C", "rank"] == 2
    assert ranked.loc["D", "rank"] == 4
    assert pd.isna(ranked.loc["E", "rank"])
    assert rank_of(frame, "D") == (4, 4)
    assert rank_of(frame, "D", direction="higher") == (1, 4)
    assert rank_of(frame, "A", areas=["A", "D"]) == (1, 2)


def test_rank_rejects_duplicates_and_unknown_areas() -> None:
    frame = pd.DataFrame({"area": ["A", "A"], "value": [1.0, 2.0]})
    with pytest.raises(ValueError, match="kun stå én gang"):
        rank_areas(frame)
    with pytest.raises(ValueError, match="Ukendte områder"):
        rank_areas(pd.DataFrame({"area": ["A"], "value": [1.0]}), areas=["B"])


# --- expense gap worth --------------------------------------------------------------


def test_expense_gap_times_labour_force(catalog) -> None:
    """667 kr. less per person × 24.713 persons = 16.483.571 kr. less in all."""
    worth = expense_gap_worth(
        catalog.get("udgifter_pr_person_arbejdsstyrke").frame,
        catalog.get("arbejdsstyrke_antal").frame,
        "Hedensted",
        "RAR Østjylland",
    ).set_index("group")
    total = worth.loc["Ydelsesgrupper i alt"]
    assert total["difference"] == -667
    assert total["labour_force"] == 24713
    assert total["total_kr"] == -667 * 24713 == -16_483_571
    assert worth.loc["Førtidspension", "total_kr"] == (1097 - 1577) * 24713


def test_expense_gap_rejects_unknown_area(catalog) -> None:
    with pytest.raises(ValueError, match="Arbejdsstyrken for 'Skanderborg'"):
        expense_gap_worth(
            catalog.get("udgifter_pr_person_arbejdsstyrke").frame,
            catalog.get("arbejdsstyrke_antal").frame,
            "Skanderborg",
        )


# --- share ended to job and education -----------------------------------------------


def test_share_ended_matches_every_published_statement(catalog) -> None:
    """Each "afslutning til job og uddannelse" statement in 002, within 0,1 point."""
    status = catalog.get("status_efter_afsluttet_forloeb").frame
    statements = catalog.get("status_andel_job_uddannelse_publiceret").frame
    assert len(statements) == 10
    for _, statement in statements.iterrows():
        categories = statement["categories"].split(";")
        shares = share_ended_to(status, categories)
        row = shares[
            (shares["target_group"] == statement["target_group"])
            & (shares["area"] == statement["area"])
        ]
        assert row["share"].iloc[0] == pytest.approx(statement["value"], abs=0.1 + 1e-9), statement[
            "statement"
        ]


def test_share_ended_known_values(catalog) -> None:
    status = catalog.get("status_efter_afsluttet_forloeb").frame
    job_edu = share_ended_to(status, JOB_AND_EDUCATION).set_index(["target_group", "area"])
    assert job_edu.loc[("Uddannelseshjælp", "Hedensted"), "share"] == pytest.approx(45.9)
    assert job_edu.loc[("Jobparate kontanthjælpsmodtagere", "Ringkøbing-Skjern"), "share"] == (
        pytest.approx(82.5)
    )
    with_flex = share_ended_to(status, JOB_EDUCATION_AND_FLEXJOB).set_index(
        ["target_group", "area"]
    )
    assert with_flex.loc[("Sygedagpenge", "Hedensted"), "share"] == pytest.approx(78.2)
    assert with_flex.loc[("Jobafklaring", "Hedensted"), "share"] == pytest.approx(64.0)
    # Fleksjob is "." for jobparate in Hedensted: left out, and counted as missing.
    jobparat = with_flex.loc[("Jobparate kontanthjælpsmodtagere", "Hedensted")]
    assert jobparat["missing_categories"] == 1
    assert jobparat["share"] == pytest.approx(54.4 + 15.2)


def test_share_ended_rejects_bad_categories(catalog) -> None:
    status = catalog.get("status_efter_afsluttet_forloeb").frame
    with pytest.raises(ValueError, match="mindst én"):
        share_ended_to(status, [])
    with pytest.raises(ValueError, match="Ukendte statuskategorier"):
        share_ended_to(status, ["Månen"])


# --- target numbers after the investments ---------------------------------------------


def test_target_totals_equal_the_published_totals(catalog) -> None:
    totals = target_totals(catalog.get("maaltal_investeringer").frame)
    assert sorted(totals["published_total"]) == [58, 385, 433, 649, 1212]
    assert len(totals) == 5
    assert (totals["computed_total"] == totals["published_total"]).all()


def test_target_totals_need_one_total_line() -> None:
    frame = pd.DataFrame(
        {"section": ["A"], "line": ["x"], "line_type": ["grundlag"], "value": [1.0]}
    )
    with pytest.raises(ValueError, match="netop én totallinje"):
        target_totals(frame)


# --- the ministry's benchmark --------------------------------------------------------


def test_benchmark_difference_and_kroner_per_person(catalog) -> None:
    table = benchmark_table(catalog.get("beskaeftigelsesministeriets_benchmark").frame)
    table = table.set_index("benefit_area")
    assert table.loc["Alle ydelser", "rank"] == 12
    # actual − expected equals minus the published difference for every area
    assert (table["actual_minus_expected"] == -table["published_difference"]).all()
    assert table.loc["Alle ydelser", "kr_per_full_time_person"] == 70_000
    assert table.loc["Dagpengeområdet", "kr_per_full_time_person"] == 65_000
    assert table.loc["Kontanthjælpsområdet", "kr_per_full_time_person"] == 50_000
    assert table.loc["Sygedagpengeområdet", "kr_per_full_time_person"] == pytest.approx(
        6_100_000 / 70
    )


# --- unemployment ----------------------------------------------------------------------


def test_unemployment_change_equals_published_columns(catalog) -> None:
    counts = catalog.get("bruttoledige_rar_kommuner").frame
    change = unemployment_change(counts, "2023-01", "2024-01").set_index("area")
    published = catalog.get("bruttoledige_udvikling_publiceret").frame
    persons = published[published["measure"].str.contains("personer")].set_index("area")["value"]
    percent = published[published["measure"].str.contains("pct")].set_index("area")["value"]
    for area in persons.index:
        assert change.loc[area, "change"] == persons[area], area
        assert round(change.loc[area, "change_pct"], 1) == pytest.approx(percent[area]), area
    assert change.loc["Hedensted", "change"] == 70


def test_hedensted_rank_in_rar_ostjylland(catalog) -> None:
    """Jan 2024: Skanderborg 2,2 % is lowest; Hedensted 2,4 % is second of 12."""
    rates = catalog.get("ledighedsprocent").frame
    assert rank_in_rar(rates, "Hedensted") == (2, 12)
    assert rank_in_rar(rates, "Skanderborg") == (1, 12)
    assert has_lowest_rate(rates, "Hedensted") is False


def test_unemployment_change_unknown_period(catalog) -> None:
    with pytest.raises(ValueError, match="2022-01"):
        unemployment_change(catalog.get("bruttoledige_rar_kommuner").frame, "2022-01", "2024-01")


# --- progress to target ----------------------------------------------------------------

BASELINE = Milestone(date(2024, 1, 10), 103)
MILESTONES = [
    Milestone(date(2024, 8, 1), 100),
    Milestone(date(2025, 1, 1), 98),
    Milestone(date(2026, 1, 1), 92),
]


def test_target_path_is_linear_through_milestones() -> None:
    assert target_at(BASELINE, MILESTONES, date(2024, 1, 10)) == 103
    assert target_at(BASELINE, MILESTONES, date(2024, 8, 1)) == 100
    assert target_at(BASELINE, MILESTONES, date(2025, 1, 1)) == 98
    # halfway between Jan 2025 (98) and Jan 2026 (92), by days
    midway = target_at(BASELINE, MILESTONES, date(2025, 7, 2))
    assert midway == pytest.approx(98 - 6 * (182 / 365))
    assert target_at(BASELINE, MILESTONES, date(2027, 1, 1)) == 92


def test_target_path_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="før baseline"):
        target_at(BASELINE, MILESTONES, date(2023, 12, 1))
    with pytest.raises(ValueError, match="ligger ikke efter"):
        target_at(BASELINE, [Milestone(date(2024, 1, 1), 90)], date(2024, 2, 1))


@pytest.mark.parametrize(
    ("actual", "target", "direction", "expected"),
    [
        (99, 100, Direction.LOWER_IS_BETTER, Status.ON_TRACK),
        (100, 100, Direction.LOWER_IS_BETTER, Status.ON_TRACK),
        (105, 100, Direction.LOWER_IS_BETTER, Status.BEHIND),
        (110, 100, Direction.LOWER_IS_BETTER, Status.BEHIND),
        (111, 100, Direction.LOWER_IS_BETTER, Status.FAR_BEHIND),
        (58, 58, Direction.HIGHER_IS_BETTER, Status.ON_TRACK),
        (55, 58, Direction.HIGHER_IS_BETTER, Status.BEHIND),
        (50, 58, Direction.HIGHER_IS_BETTER, Status.FAR_BEHIND),
        (None, 58, Direction.HIGHER_IS_BETTER, Status.NO_DATA),
        (float("nan"), 58, Direction.HIGHER_IS_BETTER, Status.NO_DATA),
    ],
)
def test_progress_status_is_direction_aware(actual, target, direction, expected) -> None:
    assert progress_status(actual, target, direction) is expected
