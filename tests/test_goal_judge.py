"""The one judge: a verdict only on matching evidence from the deadline or later; progress
before it; never a verdict from another measure, an undated figure or a figure from before
the goal was set. Also the rules for approximate figures ("næsten 44")."""

from __future__ import annotations

from datetime import date

import pytest

from hedensted.goals.judge import (
    Evidence,
    Goal,
    GoalStatus,
    TargetKind,
    approximate_passes,
    judge,
)

H, L = "højere er bedre", "lavere er bedre"
NETWORK = Goal(
    TargetKind.LEVEL, 44, H, "virksomheder", deadline=date(2019, 12, 31), set_on=date(2019, 6, 30)
)


def evidence(value: float, period: str, matches: bool = True, qualifier: str = "") -> Evidence:
    return Evidence(
        value=value,
        period=period,
        dataset_id="code_of_care_2019",
        document="Udvalget for Beskæftigelse – møde sommeren 2019 (2019)",
        table="Punkt 4",
        matches=matches,
        reason="Samme måling." if matches else "En anden målgruppe.",
        qualifier=qualifier,
    )


def test_a_verdict_from_the_deadline_or_later() -> None:
    assert judge(NETWORK, evidence(44, "2019-12")).label == "Opfyldt (dec. 2019)"
    partly = judge(NETWORK, evidence(41, "2019-12"))  # 3 short = 6,8 % of 44
    assert (partly.status, partly.label) == (GoalStatus.PARTLY, "Delvist (dec. 2019)")
    missed = judge(NETWORK, evidence(30, "2020-03"))
    assert (missed.status, missed.is_verdict) == (GoalStatus.NOT_MET, True)
    assert "fra fristen eller senere" in missed.reason


def test_before_the_deadline_is_progress_never_a_verdict() -> None:
    for value in (10, 41, 43):
        verdict = judge(NETWORK, evidence(value, "2019-06"))
        assert verdict.status is GoalStatus.UNDERWAY and not verdict.is_verdict
    assert judge(NETWORK, evidence(41, "2019-06")).label == "Undervejs: 41 af 44, jun. 2019"
    lower = Goal(TargetKind.LEVEL, 21, L, "uger", deadline=date(2024, 6, 30))
    assert (
        judge(lower, evidence(23, "2024-03")).label == "Undervejs: 23\u00a0uger (mål 21), mar. 2024"
    )


def test_no_verdict_from_before_the_goal_was_set() -> None:
    # A figure that "meets" the goal but is older than the goal: no verdict, before or after.
    undated_goal = Goal(TargetKind.LEVEL, 17.8, L, "uger", set_on=date(2024, 1, 10))
    old = judge(undated_goal, evidence(16.6, "2023-01/2023-11"))
    assert (old.status, old.label) == (GoalStatus.NOT_ASSESSABLE, "Kan ikke vurderes")
    assert "før målet blev sat" in old.reason
    assert judge(NETWORK, evidence(50, "2018-12")).status is GoalStatus.NOT_ASSESSABLE
    # the same figure after the goal was set is judged
    assert judge(undated_goal, evidence(16.6, "2024-06")).label == "Opfyldt (jun. 2024)"


def test_no_verdict_from_a_different_measure() -> None:
    for value in (44, 60, 10):  # whatever it says, at or after the deadline
        other = judge(NETWORK, evidence(value, "2020-06", matches=False))
        assert other.status is GoalStatus.NOT_ASSESSABLE
        assert other.reason == "Tallet passer ikke til målet: En anden målgruppe."


def test_no_verdict_without_a_figure_a_date_a_number_or_a_start() -> None:
    assert judge(NETWORK, None).reason == "Dokumenterne har intet senere tal for målet."
    assert "ingen dato" in judge(NETWORK, evidence(50, "")).reason
    qualitative = Goal(TargetKind.QUALITATIVE, None, "kvalitativ")
    assert judge(qualitative, evidence(1, "2020")).status is GoalStatus.NOT_ASSESSABLE
    change = Goal(TargetKind.REDUCTION, 20, L, "%", deadline=date(2020, 12, 31))
    assert "intet udgangspunkt" in judge(change, evidence(80, "2020-12")).reason
    with_start = Goal(TargetKind.REDUCTION, 20, L, "%", deadline=date(2020, 12, 31), baseline=100)
    assert judge(with_start, evidence(80, "2020-12")).status is GoalStatus.MET
    with pytest.raises(ValueError, match="skal have et måltal"):
        judge(Goal(TargetKind.LEVEL, None, H), evidence(1, "2020"))


def test_a_rank_goal_is_met_or_not() -> None:
    rank = Goal(TargetKind.RANK, 1, L, "plads", set_on=date(2024, 1, 10))
    assert judge(rank, evidence(2, "2024-01")).label == "Ikke opfyldt (jan. 2024)"
    assert judge(rank, evidence(1, "2024-01")).status is GoalStatus.MET


def test_approximate_figures() -> None:
    def status(value: float, qualifier: str, period: str = "2019-12") -> GoalStatus:
        return judge(NETWORK, evidence(value, period, qualifier=qualifier)).status

    assert status(44, "") is GoalStatus.MET
    assert status(44, "næsten") is GoalStatus.PARTLY  # "næsten 44" is a little below 44
    assert status(44, "højst") is GoalStatus.NOT_ASSESSABLE  # "højst 44" may be 44
    assert status(46, "næsten") is GoalStatus.NOT_ASSESSABLE  # 41,4-46: too close to tell
    assert status(30, "næsten") is GoalStatus.NOT_MET
    assert status(60, "næsten") is GoalStatus.MET  # at least 54 even 10 % below
    assert status(40, "mindst") is GoalStatus.NOT_ASSESSABLE
    assert status(44, "mindst") is GoalStatus.MET
    assert status(45, "ca.") is GoalStatus.NOT_ASSESSABLE
    assert status(35, "ca.") is GoalStatus.NOT_MET
    assert status(70, "næsten", "2019-06") is GoalStatus.UNDERWAY  # before the deadline
    assert judge(NETWORK, evidence(41, "2019-06", qualifier="næsten")).label == (
        "Undervejs: næsten 41 af 44, jun. 2019"
    )
    assert approximate_passes(40, "næsten", 44) is False
    with pytest.raises(ValueError, match="Ukendt tilnærmelse"):
        approximate_passes(50, "omkring", 44)
