"""Short source lines and reconciliation footnotes for slides."""

from __future__ import annotations

import pytest

from hedensted.core.quality import total_differences
from hedensted.present.sources import (
    reconciliation_footnote,
    short_document,
    short_source_line,
)


@pytest.mark.parametrize(
    ("document", "short"),
    [
        ("Temadrøftelse udvalget for Beskæftigelse 5. marts 2024", "Temadrøftelse 5. marts 2024"),
        ("Udvalget for Beskæftigelse, møde 30. november 2020", "Udvalgsmøde 30. november 2020"),
        ("Udvalget for Beskæftigelse – møde sommeren 2019", "Udvalgsmøde sommeren 2019"),
        (
            "Investeringsprojekter 2024-2025. Udvalget for Beskæftigelse. Status ved "
            "igangsætning primo 2024",
            "Investeringsprojekter 2024-2025",
        ),
        ("Beskæftigelsesplan 2017", "Beskæftigelsesplan 2017"),
    ],
)
def test_short_document_drops_the_committee_name(document: str, short: str) -> None:
    assert short_document(document) == short


def test_short_document_needs_a_name() -> None:
    with pytest.raises(ValueError, match="mangler et navn"):
        short_document("  ")


def test_short_source_line_names_publisher_period_and_paper_once(catalog) -> None:
    shares = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").metadata
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").metadata
    assert short_source_line([shares]) == (
        "Kilde: Jobindsats.dk, dec. 2023 · Temadrøftelse 5. marts 2024"
    )
    assert short_source_line([shares, expenses]) == (
        "Kilde: Jobindsats.dk, dec. 2023 · Temadrøftelse 5. marts 2024"
    )
    with pytest.raises(ValueError):
        short_source_line([])


def test_short_source_line_gives_one_publishers_periods_as_one_span(catalog) -> None:
    """Investeringsprojekter's slides: four Jobcenter Hedensted datasets (2024; mar. 2024;
    jan. 2024 – jan. 2026; aug. 2024 – jan. 2026) read as one span, not four periods."""
    names = [
        "investeringsprojekter",
        "investeringsprojekter_maal",
        "investeringsprojekter_status_marts_2024",
        "statusskema_indikatorer",
    ]
    line = short_source_line([catalog.get(name).metadata for name in names])
    assert line.startswith("Kilde: Jobcenter Hedensted, 2024 – jan. 2026 · ")
    assert line.count("Jobcenter Hedensted") == 1


def test_footnote_names_a_single_difference_with_both_numbers(catalog) -> None:
    differing = [
        item
        for item in total_differences(catalog.get("unge_under_18_afsluttede_tilbud"))
        if item.differs
    ]
    assert reconciliation_footnote(differing) == (
        "Kilden oplyser 141 som »Tilbud i alt«; delene summer til 140. "
        "Begge tal er vist som offentliggjort."
    )


def test_footnote_sums_up_many_rounding_gaps(catalog) -> None:
    differing = [
        item
        for item in total_differences(catalog.get("fuldtidspersoner_pct_arbejdsstyrke"))
        if item.differs
    ]
    assert len(differing) == 5
    note = reconciliation_footnote(differing)
    assert note.startswith("Kilden oplyser 5 totaler, der afviger 0,1–0,3 fra summen af delene.")
    assert note.endswith("Hele afstemningen står på siden »Om data«.")
    with pytest.raises(ValueError):
        reconciliation_footnote([])


def test_a_tile_says_its_period_only_when_older_than_the_rows_newest() -> None:
    from datetime import date

    from hedensted.present.kpi import periods_to_show

    march_2019, dec_2023, jan_2024 = date(2019, 3, 31), date(2023, 12, 31), date(2024, 1, 31)
    assert periods_to_show([dec_2023, march_2019, dec_2023, None]) == [False, True, False, False]
    assert periods_to_show([dec_2023, dec_2023]) == [False, False]
    # A month apart is the same picture; half a year or more is said on the tile.
    assert periods_to_show([dec_2023, jan_2024, date(2023, 7, 31)]) == [False, False, True]
    assert periods_to_show([None]) == [False]


def test_folded_controls_say_what_is_chosen() -> None:
    from hedensted.core.view_state import ComparisonOptions
    from ui.widgets.controls import choice_summary

    options = ComparisonOptions(
        areas=("Hedensted", "RAR Østjylland", "Hele landet", "Skanderborg"),
        groups=("A-dagpenge", "Kontanthjælp", "Fleksjob"),
        default_areas=("Hedensted", "RAR Østjylland"),
    )
    assert choice_summary(
        ["RAR Østjylland"], "RAR Østjylland", ["A-dagpenge"], "forskel", options
    ) == ("Sammenlignet med RAR Østjylland · 2 områder · 1 af 3 grupper · største forskel først")
    summary = choice_summary(
        ["Hele landet", "Skanderborg"], "Hele landet", list(options.groups), "kilde", options
    )
    assert summary == "Sammenlignet med Hele landet · 3 områder · alle 3 grupper · som i kilden"
