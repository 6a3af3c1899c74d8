"""Expenses per person and what the gap is worth, Benchmark section 2
(hedensted/benchmark/expenses.py and the expenses tile)."""

from __future__ import annotations

import pytest

from hedensted.benchmark import tables as bt
from hedensted.benchmark.choices import benefit_groups
from hedensted.benchmark.expenses import (
    gap_worth,
    published_difference_check,
    published_difference_sentence,
    worth_sum_note,
)
from hedensted.benchmark.groups import group_view
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.view_state import SortOrder
from hedensted.front_page.kpis import benchmark_rank_kpi, expenses_kpi
from tests.benchmark_support import AREAS, frame


def test_expenses_without_the_reference_have_no_differences(catalog) -> None:
    expenses = frame(catalog, "udgifter_pr_person_arbejdsstyrke")
    view = group_view(
        expenses, "group", AREAS, "Skanderborg", SortOrder.DIFFERENCE, None, TOTAL_GROUP
    )
    assert view.differences is None
    assert view.missing_areas == ("Skanderborg",)
    kpi = expenses_kpi(catalog, "Skanderborg")
    assert kpi.value_text == "2.674 kr."
    assert kpi.delta_text is None
    assert kpi.notes == ("Kildematerialet har ikke udgifterne for Skanderborg.",)


@pytest.mark.parametrize(
    ("reference", "per_person", "in_all"),
    [("RAR Østjylland", "667 kr.", "16,5 mio. kr."), ("Hele landet", "379 kr.", "9,4 mio. kr.")],
)
def test_expense_sentences_follow_the_reference(catalog, reference, per_person, in_all) -> None:
    kpi = expenses_kpi(catalog, reference)
    assert kpi.sentence.startswith(
        f"Hedensted bruger {per_person} mindre pr. person i arbejdsstyrken end {reference}."
    )
    assert f"{in_all} mindre i alt" in kpi.sentence
    assert kpi.with_short_delta().delta_text == f"−{per_person}"


def test_gap_worth_per_group_and_in_all(catalog) -> None:
    expenses = frame(catalog, "udgifter_pr_person_arbejdsstyrke")
    labour = frame(catalog, "arbejdsstyrke_antal")
    order = benefit_groups(expenses)
    worth = gap_worth(expenses, labour, "RAR Østjylland", order).set_index("group")
    assert list(worth.index)[-1] == "Ydelsesgrupper i alt"
    assert worth.loc["Ydelsesgrupper i alt", "total_kr"] == -667 * 24713
    assert worth.loc["Førtidspension", "total_kr"] == -480 * 24713
    assert worth.loc["Ydelsesgrupper i alt", "total_mio"] == pytest.approx(-16.483571)
    note = worth_sum_note(worth.reset_index(), len(order))
    assert note is not None
    assert "alle 12 ydelsesgrupper er −16,4 mio. kr." in note
    assert "giver −16,5 mio. kr. i alt" in note
    shown, export = bt.worth_table(worth.reset_index(), "RAR Østjylland")
    total_row = shown.iloc[-1]
    assert total_row["Forskel i alt (mio. kr.)"] == "−16,5 mio. kr."
    assert total_row["Hedensteds arbejdsstyrke (personer)"] == "24.713"
    assert export.iloc[-1]["Forskel i alt (mio. kr.)"] == -16.5
    assert export.iloc[-1]["Forskel (kr. pr. person)"] == -667


def test_published_differences_are_reproduced(catalog) -> None:
    check = published_difference_check(
        frame(catalog, "udgifter_pr_person_arbejdsstyrke"),
        frame(catalog, "udgifter_forskel_publiceret"),
    )
    assert check["agrees"].all()
    assert len(check) == 13
    assert published_difference_sentence(check) == (
        "Dokumentet selv sammenligner med Ringkøbing-Skjern: Hedensteds udgift pr. person er "
        "411 kr. lavere. Beregningen ud fra tabellen giver samme forskel i 13 af 13 rækker i "
        "dokumentets kolonne »Forskel«."
    )


def test_key_figure_lines_for_the_exports_say_each_value_once(catalog) -> None:
    expenses = expenses_kpi(catalog, "RAR Østjylland").key_figure_text()
    assert expenses.startswith("Udgifter pr. person: 2.674 kr. (−667 kr. mod RAR Østjylland). ")
    assert "Hedensted bruger 667 kr. mindre pr. person" in expenses
    rank = benchmark_rank_kpi(catalog).key_figure_text()
    assert rank.startswith("Ministeriets benchmark: Nr. 12 af 98 kommuner: 2.280")
    assert rank.count("Nr. 12 af 98") == 1
