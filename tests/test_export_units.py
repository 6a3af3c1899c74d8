"""Excel exports name each numeric column's unit in its heading (issue 16).

The real workbook of every theme page (its download button's file, built by
AppTest) is opened with openpyxl; the mapping from a dataset's unit to a heading's
is tested on its own too.
"""

from __future__ import annotations

import io
import numbers

import pandas as pd
import pytest
from openpyxl import load_workbook

from hedensted.core.metadata import DatasetMetadata
from hedensted.exports.model import ExportSection, ExportTable
from hedensted.exports.table_workbook import to_xlsx
from hedensted.exports.workbook import sections_xlsx
from hedensted.present.units import heading_unit, names_a_unit, unit_headings, with_unit
from tests.apptest_support import open_page

# Tables whose unit stands in a column of its own, row by row (goals: »Enhed«).
UNIT_COLUMNS = {"Enhed", "Målenhed", "Måleenhed"}


def test_a_heading_gets_the_datasets_unit_unless_it_names_one(catalog) -> None:
    assert with_unit("Andel", "%") == "Andel (%)"
    assert with_unit("Varighed", "uger") == "Varighed (uger)"
    assert with_unit("Alder fra", "tilbud") == "Alder fra (år)"  # its own unit
    assert with_unit("Placering", "%") == "Placering"  # a rank has none
    for named in ("Hedensted (pct.)", "Antal forløb", "Pct. af arbejdsstyrken", "Uger"):
        assert names_a_unit(named) and with_unit(named, "%") == named
    assert with_unit("Måltal", "") == "Måltal"  # mixed units: the table has a unit column
    # Only numeric columns; a new heading that would repeat another's is not used.
    assert unit_headings(["Område", "Andel", "Andel (%)"], [False, True, True], "%") == [
        "Område",
        "Andel",
        "Andel (%)",
    ]
    metadata = {d: catalog.get(d).metadata for d in catalog.datasets}
    assert heading_unit([metadata["varighed_afsluttede_forloeb"]]) == "uger"
    assert heading_unit([metadata["udgifter_pr_person_arbejdsstyrke"]]) == "kr."
    assert heading_unit([metadata["maaltal_investeringer"]]) == "fuldtidspersoner"
    # A generic count (»antal«) takes the other datasets' unit; two units give none.
    coc = [metadata[d] for d in ("code_of_care_2017", "code_of_care_2019", "code_of_care_2024")]
    assert heading_unit(coc) == "virksomheder"
    both = [metadata["varighed_afsluttede_forloeb"], metadata["ledighedsprocent"]]
    assert heading_unit(both) == ""
    assert heading_unit([metadata["maal_ufb_2019"]]) == ""
    assert all(isinstance(m, DatasetMetadata) for m in coc)


def test_the_workbooks_use_the_unit_and_keep_numbers_numbers() -> None:
    frame = pd.DataFrame({"Område": ["Hedensted", "RAR"], "Andel": [-1.5, 22.7]})
    table = ExportTable("Andel", frame, ("Kilde: test.",), "2024", unit="%")
    book = load_workbook(io.BytesIO(sections_xlsx([ExportSection("A", (), (), (), (table,))])))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Område")
    assert rows[header][:2] == ("Område", "Andel (%)")
    assert rows[header + 1][1] == -1.5  # a number (shown by Excel), not "−1,5" as text
    single = load_workbook(io.BytesIO(to_xlsx(frame, "Andel", ["Kilde: test."], unit="%")))
    assert [c.value for c in single.worksheets[0][1]] == ["Område", "Andel (%)"]
    assert single.worksheets[0].cell(2, 2).value == -1.5


def _tables(book) -> list[tuple[str, list[str], list[list[object]]]]:
    """Every table of a page's workbook: sheet, headings, rows (after »Periode: …«)."""
    found = []
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        for index, row in enumerate(rows):
            if isinstance(row[0], str) and row[0].startswith("Periode:") and index + 1 < len(rows):
                body = []
                for values in rows[index + 2 :]:
                    if all(v is None for v in values):
                        break
                    body.append(values)
                headings = [str(h) for h in rows[index + 1] if h is not None]
                found.append((sheet.title, headings, body))
    return found


def _numeric(body: list[list[object]], column: int) -> bool:
    return any(
        isinstance(row[column], numbers.Real) and not isinstance(row[column], bool) for row in body
    )


@pytest.mark.parametrize(
    ("page", "file_name", "expected"),
    [
        (
            "benchmark",
            "benchmark_hedensted.xlsx",
            {"Faktisk minus forventet (fuldtidspersoner)", "Hedensted (kr. pr. person)"},
        ),
        ("code_of_care", "code_of_care_hedensted.xlsx", {"Antal (virksomheder)"}),
        (
            "unge",
            "unge_hedensted.xlsx",
            {"Andel (%)", "Varighed (uger)", "Alder fra (år)", "Antal i voksenlære (personer)"},
        ),
        ("investeringsprojekter", "investeringsprojekter_hedensted.xlsx", set()),
        ("maal", "maal_hedensted.xlsx", set()),
    ],
)
def test_every_numeric_heading_of_a_theme_pages_workbook_names_its_unit(
    downloads: dict, page: str, file_name: str, expected: set[str]
) -> None:
    open_page(f"app_pages/{page}.py")
    book = load_workbook(io.BytesIO(downloads[file_name]()))
    tables = _tables(book)
    assert tables
    headings_seen: set[str] = set()
    for sheet, headings, body in tables:
        headings_seen.update(headings)
        if UNIT_COLUMNS & set(headings):
            continue  # the unit is in each row
        for column, heading in enumerate(headings):
            if _numeric(body, column):
                assert names_a_unit(heading) or heading.startswith(("Placering", "Nr.")), (
                    sheet,
                    heading,
                )
    assert expected <= headings_seen
