"""Excel round trip: download in the documents' layout, upload → preview → confirm; bad files."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from register_support import DATABASES, EDITOR, TODAY, draft, fresh_register, shipped_indicators

from hedensted.core.catalog import PACKAGED_DATA_DIR, load_catalog
from hedensted.monthly.excel import (
    WorkbookError,
    change_drafts,
    parse_month_heading,
    preview_changes,
    read_workbook,
    sheet_name,
    status_workbook,
)
from hedensted.monthly.service import latest_entries, save_entries, version_count

FLERE = "Flere i job"


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    frame = load_catalog(PACKAGED_DATA_DIR).get("investeringsprojekter").frame
    return dict(zip(frame["project_id"], frame["project"], strict=True))


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


def _download(register, indicators, names) -> bytes:
    values = {r.key: r.value for r in latest_entries(register)}
    return status_workbook(indicators, names, values, ["Kilde: testkilde"])


def _cell(sheet, indicator_id: str, heading: str):
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == indicator_id)
    column = next(c for c in range(1, sheet.max_column + 1) if sheet.cell(4, c).value == heading)
    return sheet.cell(row, column)


def _edit(data: bytes, change) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _latest(register) -> dict:
    return {r.key: (r.value, r.version) for r in latest_entries(register)}


def test_the_download_has_the_documents_layout(register, indicators, names) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "a", TODAY)
    workbook = load_workbook(io.BytesIO(_download(register, indicators, names)))
    assert workbook.sheetnames == [
        "Klar, parat – i job",
        "Flere i job",
        "Kompetenceporten",
        "Håndholdt indsats for jobparate",
        "Unge i job med Socialt Frikort",
    ]
    sheet = workbook[FLERE]
    assert sheet["B2"].value == "flere_i_job"
    headings = [sheet.cell(4, c).value for c in range(1, sheet.max_column + 1)]
    assert headings[:6] == [
        "Indikator-id",
        "Indikator",
        "Enhed",
        "Startmåling",
        "jan. 2024",
        "feb. 2024",
    ]
    assert headings[headings.index("aug. 2024") + 1] == "Mål aug. 2024"
    assert headings[headings.index("jan. 2025") + 1] == "Mål jan. 2025"
    assert headings[-2:] == ["Mål jan. 2026", "Note"]
    assert sheet["B5"].value == "Målgruppeantal"  # section row as in the document
    assert _cell(sheet, "aktivitetsparate_antal", "Startmåling").value == 103
    assert _cell(sheet, "aktivitetsparate_antal", "mar. 2024").value == 101
    assert _cell(sheet, "aktivitetsparate_antal", "Mål aug. 2024").value == 100
    assert _cell(sheet, "aktivitetsparate_antal", "Mål jan. 2026").value == 92
    assert _cell(sheet, "aktivitetsparate_delaftale2", "Startmåling").value == 87.9
    assert "3. kvt. 2022 – 2. kvt. 2023" in _cell(sheet, "aktivitetsparate_afsluttet", "Note").value


def test_round_trip_upload_preview_confirm(register, indicators, names) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "a", TODAY)

    def fill(workbook):
        sheet = workbook[FLERE]
        _cell(sheet, "aktivitetsparate_antal", "mar. 2024").value = 100  # correction
        _cell(sheet, "aktivitetsparate_antal", "apr. 2024").value = 99  # new month
        _cell(sheet, "aktivitetsparate_loentimer", "apr. 2024").value = "17,5"  # Danish text
        percent = _cell(sheet, "ressourceforloeb_loentimer", "apr. 2024")
        percent.value, percent.number_format = 0.062, "0.0%"  # 6,2 % as Excel stores it

    data = _edit(_download(register, indicators, names), fill)
    cells = read_workbook(data, indicators, names, TODAY)
    changes = preview_changes(cells, _latest(register))
    summary = {(c.cell.indicator_id, c.cell.month): (c.old_value, c.cell.value) for c in changes}
    assert summary == {
        ("aktivitetsparate_antal", date(2024, 3, 1)): (101.0, 100.0),
        ("aktivitetsparate_antal", date(2024, 4, 1)): (None, 99.0),
        ("aktivitetsparate_loentimer", date(2024, 4, 1)): (None, 17.5),
        ("ressourceforloeb_loentimer", date(2024, 4, 1)): (None, 6.2),
    }
    assert version_count(register) == 1  # the preview writes nothing

    save_entries(register, indicators, EDITOR, change_drafts(changes, "Fra Excel"), "xl", TODAY)
    latest = _latest(register)
    assert latest[("flere_i_job", "aktivitetsparate_antal", date(2024, 3, 1))] == (100.0, 2)
    assert latest[("flere_i_job", "ressourceforloeb_loentimer", date(2024, 4, 1))] == (6.2, 1)
    assert version_count(register) == 5

    # Downloading again and uploading unchanged changes nothing.
    again = read_workbook(_download(register, indicators, names), indicators, names, TODAY)
    assert preview_changes(again, _latest(register)) == []


def test_a_preview_confirmed_after_someone_else_saved_is_a_conflict(
    register, indicators, names
) -> None:
    from hedensted.monthly.service import SaveConflict

    data = _edit(
        _download(register, indicators, names),
        lambda wb: setattr(_cell(wb[FLERE], "aktivitetsparate_antal", "mar. 2024"), "value", 99),
    )
    changes = preview_changes(read_workbook(data, indicators, names, TODAY), _latest(register))
    save_entries(register, indicators, EDITOR, [draft("101")], "meanwhile", TODAY)
    with pytest.raises(SaveConflict, match="Anne Jensen"):
        save_entries(register, indicators, EDITOR, change_drafts(changes, ""), "late", TODAY)
    assert version_count(register) == 1


def _rename_sheet(wb):
    wb[FLERE].title = "Ark1"


def _unknown_indicator(wb):
    _cell(wb[FLERE], "ressourceforloeb_antal", "Indikator-id").value = "findes_ikke"


def _text_in_number(wb):
    _cell(wb[FLERE], "aktivitetsparate_antal", "apr. 2024").value = "mange"


def _month_twice(wb):
    sheet = wb[FLERE]
    column = next(
        c for c in range(1, sheet.max_column + 1) if sheet.cell(4, c).value == "feb. 2024"
    )
    sheet.cell(4, column).value = "mar. 2024"


def _wrong_project(wb):
    wb[FLERE]["B2"] = "kompetenceporten"


def _percent_over_100(wb):
    _cell(wb[FLERE], "aktivitetsparate_loentimer", "mar. 2024").value = 120


def _future_month(wb):
    _cell(wb[FLERE], "aktivitetsparate_antal", "jul. 2024").value = 95


def _numbers_without_id(wb):
    wb[FLERE]["F5"] = 12  # the section row »Målgruppeantal«, column feb. 2024


def _indicator_twice(wb):
    _cell(wb[FLERE], "ressourceforloeb_antal", "Indikator-id").value = "aktivitetsparate_antal"


def _unknown_heading(wb):
    sheet = wb[FLERE]
    column = next(
        c for c in range(1, sheet.max_column + 1) if sheet.cell(4, c).value == "feb. 2024"
    )
    sheet.cell(4, column).value = "Bemærkning"


BAD_WORKBOOKS = [
    ("forkert ark", _rename_sheet, "Ark »Ark1« er ikke et statusskema. Arkene skal hedde:"),
    (
        "ukendt indikator",
        _unknown_indicator,
        "Ark »Flere i job«, række 7, kolonne A: indikatoren »findes_ikke« findes ikke",
    ),
    (
        "tekst i en talcelle",
        _text_in_number,
        "Ark »Flere i job«, række 6, kolonne H (apr. 2024): »mange« er ikke et tal",
    ),
    (
        "samme måned to gange",
        _month_twice,
        "Ark »Flere i job«, række 4, kolonne G: måneden mar. 2024 står to gange (også i kolonne F)",
    ),
    (
        "forkert projekt-id",
        _wrong_project,
        "række 2, kolonne B: projekt-id'et skal være »flere_i_job«",
    ),
    (
        "procent over 100",
        _percent_over_100,
        "række 9, kolonne G (mar. 2024): En procentandel skal ligge mellem 0 og 100",
    ),
    ("fremtidig måned", _future_month, "kolonne K (jul. 2024): Jul. 2024 ligger i fremtiden"),
    ("tal uden indikator", _numbers_without_id, "række 5, kolonne A: der står tal i rækken"),
    (
        "indikator to gange",
        _indicator_twice,
        "række 7, kolonne A: indikatoren »aktivitetsparate_antal« står også i række 6",
    ),
    ("ukendt overskrift", _unknown_heading, "række 4, kolonne F: »Bemærkning« er ikke en måned"),
]


@pytest.mark.parametrize(
    ("change", "message"), [c[1:] for c in BAD_WORKBOOKS], ids=[c[0] for c in BAD_WORKBOOKS]
)
def test_a_bad_workbook_is_refused_naming_row_and_column(
    register, indicators, names, change, message
) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "a", TODAY)
    data = _edit(_download(register, indicators, names), change)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data, indicators, names, TODAY)
    assert message in str(caught.value), caught.value.problems
    assert version_count(register) == 1


def test_a_file_that_is_not_a_workbook_is_refused(indicators, names) -> None:
    with pytest.raises(WorkbookError, match="kan ikke læses som en Excel-projektmappe"):
        read_workbook(b"not a workbook", indicators, names, TODAY)


def test_all_problems_are_listed_at_once(register, indicators, names) -> None:
    def two_problems(wb):
        _text_in_number(wb)
        _percent_over_100(wb)

    data = _edit(_download(register, indicators, names), two_problems)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data, indicators, names, TODAY)
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("heading", "month"),
    [
        ("feb. 2024", date(2024, 2, 1)),
        ("maj 2024", date(2024, 5, 1)),
        ("Marts 2024", date(2024, 3, 1)),
        ("2025-01", date(2025, 1, 1)),
        ("Mål aug. 2024", None),
        ("13. 2024", None),
    ],
)
def test_month_headings(heading: str, month: date | None) -> None:
    assert parse_month_heading(heading) == month


def test_sheet_names_are_valid_excel_names() -> None:
    assert sheet_name("Håndholdt indsats for jobparate kontanthjælpsmodtagere") == (
        "Håndholdt indsats for jobparate"
    )
    assert sheet_name("A/B: [x]?") == "AB x"
