"""Unemployment and full-time employment, Benchmark section 6
(hedensted/benchmark/unemployment.py)."""

from __future__ import annotations

from hedensted.benchmark.unemployment import (
    OTHER_AREAS,
    UNEMPLOYMENT_GOAL_ID,
    change_sentence,
    change_table,
    period_span,
    rate_sentence,
    rate_view,
)
from hedensted.core.view_state import SortOrder
from hedensted.goals.register import goal_by_id, goal_register
from tests.benchmark_support import frame


def test_the_unemployment_goal_is_named_by_id_and_judged_by_the_register(catalog) -> None:
    # The verdict is the goal register's (tests/test_goals.py has its cases).
    goal = goal_by_id(goal_register(catalog), UNEMPLOYMENT_GOAL_ID)
    assert goal["goal"] == (
        "At Hedensted fortsat har den laveste ledighedsprocent i RAR Østjylland området."
    )
    assert goal["status_label"] == "Ikke opfyldt (jan. 2024)"


def test_unemployment_change_matches_the_published_columns(catalog) -> None:
    counts = catalog.get("bruttoledige_rar_kommuner")
    start, end = period_span(counts.metadata.periods)
    assert (start, end) == ("2023-01", "2024-01")
    table = change_table(
        counts.frame, frame(catalog, "bruttoledige_udvikling_publiceret"), start, end
    )
    assert (table["change"] == table["published_change"]).all()
    assert (table["change_pct"].round(1) - table["published_pct"]).abs().max() < 0.051
    assert change_sentence(table, "RAR Østjylland", "Antallet af bruttoledige", start, end) == (
        "Antallet af bruttoledige i Hedensted steg med 70 personer (+13,3\u00a0%) fra jan. 2023 "
        "til jan. 2024 – mod +8,7\u00a0% i RAR Østjylland."
    )
    assert change_sentence(table, "Ringkøbing-Skjern", "X", start, end).endswith(
        "Kildens tabel har ikke Ringkøbing-Skjern med."
    )


def test_fulltime_employment_change(catalog) -> None:
    employment = catalog.get("fuldtidsbeskaeftigelse_bopael")
    start, end = period_span(employment.metadata.periods)
    table = change_table(
        employment.frame, frame(catalog, "fuldtidsbeskaeftigelse_udvikling_publiceret"), start, end
    )
    assert (table["change"] == table["published_change"]).all()
    sentence = change_sentence(table, "Skanderborg", "Fuldtidsbeskæftigelsen", start, end)
    assert sentence == (
        "Fuldtidsbeskæftigelsen i Hedensted steg med 54 personer (+0,3\u00a0%) fra nov. 2022 "
        "til nov. 2023 – mod −0,2\u00a0% i Skanderborg."
    )


def test_rate_sentence_and_view(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent")
    assert rate_sentence(rates, "RAR Østjylland") == (
        "Hedensted har en bruttoledighed på 2,4\u00a0% – den 2. laveste ledighedsprocent af 12 "
        "kommuner i RAR Østjylland. RAR Østjylland: 3,2\u00a0% (−0,8 pct.-point)."
    )
    assert "Kildematerialet har ikke ledighedsprocenten for Ringkøbing-Skjern" in rate_sentence(
        rates, "Ringkøbing-Skjern"
    )
    by_value = rate_view(rates, "Skanderborg", SortOrder.VALUE)
    assert by_value["area"].iloc[0] == "Samsø"  # 3,9 %
    assert list(by_value["area"].iloc[-2:]) == ["Hedensted", "Skanderborg"]  # 2,4 and 2,2
    assert list(by_value["highlight"].iloc[-2:]) == ["Hedensted", "Skanderborg"]
    assert by_value["highlight"].iloc[0] == OTHER_AREAS
    by_difference = rate_view(rates, "RAR Østjylland", SortOrder.DIFFERENCE)
    assert by_difference["area"].iloc[0] == "Skanderborg"  # |2,2 − 3,2| = 1,0 is the largest
    assert by_difference["area"].iloc[-1] == "RAR Østjylland"
    assert rate_view(rates, "Skanderborg", SortOrder.SOURCE)["area"].iloc[0] == "Hele landet"
