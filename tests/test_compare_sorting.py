"""The one order of categories and areas every page uses (hedensted/core/compare.py):
the same rule on Benchmark (benefit groups, areas) and Unge (statuses)."""

from __future__ import annotations

import pandas as pd
import pytest

from hedensted.benchmark.unemployment import change_table, change_view, period_span
from hedensted.core.compare import areas_in_table, sort_categories
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.view_state import SortOrder
from hedensted.youth.comparison import education_benefit_status


def _fulltime_parts(catalog) -> pd.DataFrame:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    return frame[frame["group"] != TOTAL_GROUP]


def test_difference_without_the_reference_keeps_the_source_order_on_benchmark(catalog) -> None:
    parts = _fulltime_parts(catalog)
    without_rar = parts[parts["area"] != "RAR Østjylland"]
    source = sort_categories(without_rar, SortOrder.SOURCE, "RAR Østjylland", "group")
    assert source[0] == "A-dagpenge"
    # Not the order by value (Førtidspension 6,2 first): there is no difference to order by.
    assert sort_categories(without_rar, SortOrder.DIFFERENCE, "RAR Østjylland", "group") == source
    assert sort_categories(without_rar, SortOrder.VALUE, "RAR Østjylland", "group")[0] == (
        "Førtidspension"
    )


def test_the_same_rule_on_unge_and_benchmark(catalog) -> None:
    status = education_benefit_status(catalog.get("status_efter_afsluttet_forloeb").frame)
    # |39,7 − 33,2| = 6,5 first, as on the Unge page.
    assert sort_categories(status, SortOrder.DIFFERENCE, "RAR Østjylland")[0] == (
        "Lønmodtagerbeskæftigelse"
    )
    parts = _fulltime_parts(catalog)
    # |6,2 − 8,1| = 1,9 first, as on the Benchmark page.
    assert sort_categories(parts, SortOrder.DIFFERENCE, "RAR Østjylland", "group")[0] == (
        "Førtidspension"
    )


def test_a_table_without_hedensted_cannot_be_sorted_by_its_figures(catalog) -> None:
    parts = _fulltime_parts(catalog)
    others = parts[parts["area"] != "Hedensted"]
    with pytest.raises(ValueError, match="Hedensted findes ikke i tabellen"):
        sort_categories(others, SortOrder.VALUE, "RAR Østjylland", "group")
    assert sort_categories(others, SortOrder.SOURCE, "RAR Østjylland", "group")[0] == "A-dagpenge"


def test_missing_values_go_last_and_a_repeated_category_counts_once() -> None:
    frame = pd.DataFrame(
        {
            "area": ["Hedensted"] * 4 + ["Hele landet"] * 3,
            "category": ["a", "b", "c", "b", "a", "b", "c"],
            "value": [1.0, float("nan"), 5.0, 9.0, 4.0, 2.0, 5.0],
        }
    )
    assert sort_categories(frame, SortOrder.VALUE, "Hele landet") == ["c", "a", "b"]
    # a: |1 − 4| = 3, c: 0, b: no value for Hedensted (the first row counts).
    assert sort_categories(frame, SortOrder.DIFFERENCE, "Hele landet") == ["a", "c", "b"]


def test_areas_in_table_keep_the_chosen_order(catalog) -> None:
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").frame
    chosen = ["Hedensted", "Skanderborg", "Hele landet"]
    assert areas_in_table(expenses, chosen) == (["Hedensted", "Hele landet"], ["Skanderborg"])


def test_areas_by_difference_without_the_reference_keep_the_source_order(catalog) -> None:
    counts = catalog.get("bruttoledige_rar_kommuner")
    start, end = period_span(counts.metadata.periods)
    changes = change_table(
        counts.frame, catalog.get("bruttoledige_udvikling_publiceret").frame, start, end
    )
    # Ringkøbing-Skjern is not in the RAR Østjylland table.
    by_difference = change_view(changes, "Ringkøbing-Skjern", SortOrder.DIFFERENCE)
    assert list(by_difference["area"]) == list(changes["area"])
    by_value = change_view(changes, "Ringkøbing-Skjern", SortOrder.VALUE)
    assert list(by_value["area"]) != list(changes["area"])
