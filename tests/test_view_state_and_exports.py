"""URL round trip of the comparison controls, and the Excel export."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from hedensted.core.view_state import (
    PARAM_AREAS,
    PARAM_REFERENCE,
    ComparisonOptions,
    SortOrder,
    choice_from_params,
    choice_to_params,
    default_choice,
    make_choice,
)
from hedensted.exports.table_workbook import to_xlsx
from hedensted.present.tables import export_table

OPTIONS = ComparisonOptions(
    areas=("Hele landet", "RAR Østjylland", "Hedensted", "Skanderborg", "Ringkøbing-Skjern"),
    groups=("A-dagpenge", "Kontanthjælp, jobparat", "Sygedagpenge"),
)


def test_default_view_has_hedensted_first_and_rar_as_reference() -> None:
    choice = default_choice(OPTIONS)
    assert choice.areas[0] == "Hedensted"
    assert choice.reference == "RAR Østjylland"
    assert choice.sort is SortOrder.SOURCE
    assert choice_to_params(choice, OPTIONS) == {}


def test_choice_round_trips_through_the_url() -> None:
    choice = make_choice(
        ["Skanderborg"], "Hele landet", ["Kontanthjælp, jobparat"], "forskel", OPTIONS
    )
    params = choice_to_params(choice, OPTIONS)
    assert params[PARAM_REFERENCE] == "Hele landet"
    assert choice_from_params(params, OPTIONS) == choice
    assert choice.areas == ("Hedensted", "Skanderborg")
    assert choice.groups == ("Kontanthjælp, jobparat",)


def test_an_empty_group_choice_survives_a_link() -> None:
    choice = make_choice([], "Hele landet", [], "kilde", OPTIONS)
    assert choice.groups == ()
    assert choice_from_params(choice_to_params(choice, OPTIONS), OPTIONS).groups == ()
    # names that are all unknown fall back to every group
    assert choice_from_params({"grupper": "Månen"}, OPTIONS).groups == OPTIONS.groups


def test_unknown_values_in_a_link_are_ignored() -> None:
    choice = choice_from_params(
        {PARAM_AREAS: "Aarhus;Skanderborg", PARAM_REFERENCE: "Hedensted", "sortering": "x"},
        OPTIONS,
    )
    assert choice.areas == ("Hedensted", "Skanderborg")
    assert choice.reference == "RAR Østjylland"
    assert choice.sort is SortOrder.SOURCE


def test_invalid_choices_raise() -> None:
    with pytest.raises(ValueError, match="sammenligningsområde"):
        make_choice([], "Hedensted", [], "kilde", OPTIONS)
    with pytest.raises(ValueError, match="Ukendte områder"):
        make_choice(["Aarhus"], "Hele landet", [], "kilde", OPTIONS)
    with pytest.raises(ValueError, match="Hedensted"):
        ComparisonOptions(areas=("Hele landet", "RAR Østjylland"))


def test_excel_export_holds_the_shown_rows_and_the_source(catalog) -> None:
    dataset = catalog.get("voksenlaerlinge_alder")
    export = export_table(dataset)
    workbook = load_workbook(io.BytesIO(to_xlsx(export, "Voksenlærlinge", ["Kilde: test"])))
    sheet = workbook["Voksenlærlinge"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(export.columns)
    values = {row[0]: row[2] for row in rows[1 : len(export) + 1]}
    assert values["Voksenlærlinge i alt"] == 90
    assert values["30-39 år"] == 36
    assert rows[len(export) + 2][0] == "Kilde: test"
    with pytest.raises(ValueError):
        to_xlsx(export, " ", [])
