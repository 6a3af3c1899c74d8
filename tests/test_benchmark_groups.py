"""Values per group and area and the difference to the reference, Benchmark sections
1, 2 and 5 (hedensted/benchmark/groups.py), with their tables."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from hedensted.benchmark import tables as bt
from hedensted.benchmark.choices import NothingToShow
from hedensted.benchmark.groups import duration_summary, fulltime_summary, group_view, wide_values
from hedensted.core.compare import sort_categories
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.view_state import SortOrder
from hedensted.exports.table_workbook import to_xlsx
from tests.benchmark_support import AREAS, frame


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        (SortOrder.SOURCE, "A-dagpenge", "Tidlig pension"),
        (SortOrder.VALUE, "Førtidspension", "Ressourceforløb"),  # 6,2 … 0,3
        (SortOrder.DIFFERENCE, "Førtidspension", "Ledighedsydelse"),  # |-1,9| … 0 (ties: source)
    ],
)
def test_sort_orders(catalog, sort: SortOrder, first: str, last: str) -> None:
    view = group_view(
        frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke"),
        "group",
        AREAS,
        "RAR Østjylland",
        sort,
        total_label=TOTAL_GROUP,
    )
    assert view.order[0] == first
    assert view.order[-1] == last
    assert list(view.differences["group"]) == list(view.order)


def test_difference_sort_follows_the_reference(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    parts = fulltime[fulltime["group"] != TOTAL_GROUP]
    vs_rar = sort_categories(parts, SortOrder.DIFFERENCE, "RAR Østjylland", "group")
    vs_rks = sort_categories(parts, SortOrder.DIFFERENCE, "Ringkøbing-Skjern", "group")
    assert vs_rar[:2] == ["Førtidspension", "Fleksjob"]  # -1,9 and +0,8
    assert vs_rks[:2] == ["Førtidspension", "Sygedagpenge"]  # -2,7 and +0,7


def test_fulltime_view_and_sentence_change_with_the_reference(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    rar = group_view(
        fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, None, "Ydelsesgrupper i alt"
    )
    landet = group_view(
        fulltime, "group", AREAS, "Hele landet", SortOrder.SOURCE, None, "Ydelsesgrupper i alt"
    )
    rar_diff = rar.differences.set_index("group")["difference"]
    assert rar_diff["Førtidspension"] == pytest.approx(-1.9)
    assert rar_diff["Fleksjob"] == pytest.approx(0.8)
    assert landet.differences.set_index("group")["difference"]["Fleksjob"] == pytest.approx(1.6)
    assert fulltime_summary(rar) == (
        "Sammenlignet med RAR Østjylland: Hedensted har en lavere andel i 5 af 13 viste "
        "ydelsesgrupper, en højere i 5 og det samme i 3. Størst er forskellen for "
        "Førtidspension: 6,2\u00a0% mod 8,1\u00a0% (−1,9 pct.-point)."
    )
    assert "Sammenlignet med Hele landet" in fulltime_summary(landet)
    assert fulltime_summary(landet) != fulltime_summary(rar)
    wide = wide_values(rar).set_index("group")
    assert wide.loc["Ydelsesgrupper i alt", "Hedensted"] == 22.7
    assert list(wide.columns) == [
        "Hedensted",
        "Hele landet",
        "RAR Østjylland",
        "Skanderborg",
        "Ringkøbing-Skjern",
    ]


def test_group_choice_limits_the_view_and_an_empty_choice_says_so(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    view = group_view(
        fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, ["Kontanthjælp", "Fleksjob"]
    )
    assert view.order == ("Kontanthjælp", "Fleksjob")
    assert set(view.values["group"]) == {"Kontanthjælp", "Fleksjob"}
    with pytest.raises(NothingToShow, match="Vælg mindst én ydelsesgruppe"):
        group_view(fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, [])


def test_duration_summary(catalog) -> None:
    view = group_view(
        frame(catalog, "varighed_afsluttede_forloeb"),
        "target_group",
        AREAS,
        "RAR Østjylland",
        SortOrder.SOURCE,
    )
    assert duration_summary(view) == (
        "Sammenlignet med RAR Østjylland: Hedensted har kortere forløb i 6 af 8 viste "
        "målgrupper og længere i 2. Størst er forskellen for Uddannelseshjælp, aktivitetsparat: "
        "123,7 uger mod 145,7 uger (−22,0 uger)."
    )


def test_shown_and_exported_tables_hold_the_same_rows(catalog) -> None:
    view = group_view(
        frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke"),
        "group",
        AREAS,
        "Hele landet",
        SortOrder.SOURCE,
        None,
        TOTAL_GROUP,
    )
    shown, export = bt.differences_table(
        view.differences, "group", "Ydelsesgruppe", "Hele landet", "percent", 1, "pct."
    )
    assert list(shown.columns) == list(export.columns)
    assert len(shown) == len(export) == 13
    row = shown.set_index("Ydelsesgruppe").loc["Fleksjob"]
    assert row["Hedensted (pct.)"] == "4,8\u00a0%"
    assert row["Forskel, Hedensted minus Hele landet (pct.-point)"] == "+1,6 pct.-point"
    workbook = load_workbook(io.BytesIO(to_xlsx(export, "Forskel", ["Kilde: test"])))
    rows = list(workbook["Forskel"].iter_rows(values_only=True))
    assert rows[0] == tuple(export.columns)
    by_group = {r[0]: r for r in rows[1:14]}
    assert by_group["Fleksjob"][1:] == (4.8, 3.2, 1.6)
    with pytest.raises(ValueError, match="samme overskrift"):
        bt.table_pair(view.differences, [bt.Column("group", "A"), bt.Column("value", "A")])
