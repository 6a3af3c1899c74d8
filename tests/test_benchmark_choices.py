"""The Benchmark page's choices and the notes for what a table lacks
(hedensted/benchmark/choices.py)."""

from __future__ import annotations

from hedensted.benchmark.choices import PAGE_AREAS, comparison_options, missing_areas_note
from hedensted.core.compare import areas_in_table
from tests.benchmark_support import AREAS, frame


def test_options_offer_the_five_areas_and_the_benefit_groups_without_the_total(catalog) -> None:
    options = comparison_options(catalog)
    assert options.areas == PAGE_AREAS
    assert options.default_reference == "RAR Østjylland"
    assert len(options.groups) == 13
    assert "Ydelsesgrupper i alt" not in options.groups
    assert options.groups[0] == "A-dagpenge"
    assert "Fleksjob" in options.groups


def test_missing_areas_are_named(catalog) -> None:
    present, missing = areas_in_table(frame(catalog, "udgifter_pr_person_arbejdsstyrke"), AREAS)
    assert missing == ["Skanderborg"]
    assert "Skanderborg" not in present
    note = missing_areas_note(missing, "Offentlige udgifter")
    assert note is not None
    assert note.startswith("Skanderborg findes ikke i kildens tabel »Offentlige udgifter«")
    assert missing_areas_note([], "x") is None
