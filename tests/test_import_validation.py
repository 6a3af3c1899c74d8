"""Bad files are refused whole, with a Danish message naming file, row and column.

Each test feeds one bad file through preview + confirm (as the page and the
command line do) and checks that nothing changed: no version saved, the
effective catalog is the shipped one, and data/ is byte-for-byte the same.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from hedensted.importing.reading import MAX_BYTES
from hedensted.importing.template import template_xlsx
from tests.import_support import (
    DURATION,
    FULLTIME,
    STATUS,
    UNEMPLOYED,
    assert_refused,
    jobindsats_file,
    replace_line,
    row_of,
    shipped,
    template_file,
)
from tests.register_support import DATABASES, fresh_register


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


def test_wrong_delimiter_tab(register) -> None:
    data = template_file(FULLTIME, "2024-03", delimiter="\t")
    assert_refused(
        register,
        "tabulator.csv",
        data,
        1,
        "area",
        "forkert skilletegn: kolonnerne er adskilt med tabulator",
    )


def test_jobindsats_export_with_commas_is_wrong_delimiter(register) -> None:
    data = jobindsats_file(FULLTIME, "2024M03").decode("utf-8-sig").replace(";", ",")
    error = assert_refused(register, "jobindsats.csv", data.encode(), 1, "Område", "semikolon")
    assert error.row == 1


def test_wrong_encoding_names_row_and_column(register) -> None:
    text = template_file(FULLTIME, "2024-03").decode("utf-8")
    data = text.encode("cp1252")  # "RAR Østjylland" in row 3 becomes 0xD8
    assert_refused(register, "ansi.csv", data, 3, "area", "ikke gemt som UTF-8")


def test_missing_column(register) -> None:
    lines = template_file(FULLTIME, "2024-03").decode().splitlines()
    data = "\n".join(line.rsplit(",", 1)[0] for line in lines).encode()
    assert_refused(register, "uden_value.csv", data, 1, "value", "kolonnen mangler")


def test_missing_column_in_jobindsats_export(register) -> None:
    lines = jobindsats_file(FULLTIME, "2024M03").decode("utf-8-sig").splitlines()
    data = "\n".join(";".join(line.split(";")[:1] + line.split(";")[2:]) for line in lines)
    assert_refused(register, "uden_periode.csv", data.encode(), 1, "Periode", "kolonnen mangler")


def test_unknown_area(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    row = row_of(data, "Skanderborg,Ydelsesgrupper i alt")
    data = replace_line(data, row, "Vejle,Ydelsesgrupper i alt,2024-03,20.1")
    assert_refused(register, "vejle.csv", data, row, "area", "»Vejle« findes ikke i datasættet")


def test_unknown_group_in_jobindsats_export(register) -> None:
    data = jobindsats_file(FULLTIME, "2024M03").decode("utf-8-sig")
    data = data.replace("Hele landet;2024M03;Ydelsesgrupper i alt", "Hele landet;2024M03;Alle")
    assert_refused(register, "gruppe.csv", data.encode(), 2, "Ydelsesgruppe", "»Alle« findes ikke")


def test_text_in_number_cell(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 4, "Hedensted,Ydelsesgrupper i alt,2024-03,mange")
    assert_refused(register, "tekst.csv", data, 4, "value", "»mange« er ikke et tal")


def test_percentage_over_100(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 4, "Hedensted,Ydelsesgrupper i alt,2024-03,122.7")
    assert_refused(register, "over100.csv", data, 4, "value", "122,7 er uden for det tilladte")


def test_percentage_over_100_in_jobindsats_export(register) -> None:
    data = jobindsats_file(STATUS, "2024QMAT01", change=60.0)
    error = assert_refused(
        register, "status.csv", data, None, "Andel", "procent mellem 0 og 100", STATUS
    )
    assert error.row is not None and error.row >= 2


def test_negative_count(register) -> None:
    data = template_file(UNEMPLOYED, "2025-01")
    row = row_of(data, "Hedensted,")
    data = replace_line(data, row, "Hedensted,2025-01,-5,kommune")
    assert_refused(
        register, "negativ.csv", data, row, "value", "-5 er uden for det tilladte", UNEMPLOYED
    )


def test_count_must_be_whole(register) -> None:
    data = template_file(UNEMPLOYED, "2025-01")
    row = row_of(data, "Hedensted,")
    data = replace_line(data, row, "Hedensted,2025-01,12.5,kommune")
    assert_refused(register, "halv.csv", data, row, "value", "helt tal", UNEMPLOYED)


def test_period_twice(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data += b"Hedensted,Ydelsesgrupper i alt,2024-03,22.0\n"
    last = len(data.decode().splitlines())
    assert_refused(register, "dobbelt.csv", data, last, "period", "står også i række 4")


def test_existing_period_without_replacement(register) -> None:
    data = template_file(FULLTIME, "2023-12")
    assert_refused(register, "gammel.csv", data, 2, "period", "findes allerede i datasættet")


def test_empty_file(register) -> None:
    assert_refused(register, "tom.csv", b"", 1, None, "filen er tom")


def test_only_a_header(register) -> None:
    assert_refused(
        register, "kun_overskrift.csv", b"area,group,period,value\n", 2, None, "ingen datarækker"
    )


def test_huge_file(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data += b"#" * (MAX_BYTES + 1 - len(data))
    assert_refused(register, "stor.csv", data, None, None, "filen er for stor (5,0 MB); højst 5 MB")


def test_formula_text_cell(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(
        data, 4, '"=HYPERLINK(""http://x.dk"",""Hedensted"")",Ydelsesgrupper i alt,2024-03,22.0'
    )
    assert_refused(register, "formel.csv", data, 4, "area", "ligner en regnearksformel")


def test_formula_in_jobindsats_value_cell(register) -> None:
    data = jobindsats_file(FULLTIME, "2024M03").decode("utf-8-sig")
    data = data.replace(
        "Hedensted Kommune;2024M03;Ydelsesgrupper i alt;22,7",
        "Hedensted Kommune;2024M03;Ydelsesgrupper i alt;@SUM(A1)",
    )
    assert_refused(register, "formel.csv", data.encode(), 4, "Andel", "regnearksformel")


def test_formula_in_excel_template(register) -> None:
    workbook = load_workbook(io.BytesIO(template_xlsx(shipped().get(FULLTIME))))
    sheet = workbook["Data"]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=3).value = "2024-03"
        sheet.cell(row=row, column=4).value = 10
    sheet.cell(row=5, column=2).value = '=HYPERLINK("http://x.dk","Ydelsesgrupper i alt")'
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert_refused(register, "formel.xlsx", buffer.getvalue(), 5, "group", "regnearksformel")


def test_unmappable_jobindsats_period(register) -> None:
    data = jobindsats_file(DURATION, "2024ÅTD11")
    assert_refused(register, "varighed.csv", data, 2, "Periode", "kan ikke oversættes", DURATION)


def test_period_of_another_kind(register) -> None:
    data = jobindsats_file(FULLTIME, "2024Q1")
    assert_refused(register, "kvartal.csv", data, 2, "Periode", "en anden slags periode (kvartal)")


def test_unit_of_another_dataset(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 4, "Hedensted,Ydelsesgrupper i alt,2024-03,2674 kr.")
    assert_refused(register, "enhed.csv", data, 4, "value", "enheden »kr.« passer ikke")


def test_mixed_decimal_separators_in_jobindsats_file(register) -> None:
    data = jobindsats_file(FULLTIME, "2024M03").decode("utf-8-sig").replace("22,7", "22.7")
    assert_refused(
        register, "punktum.csv", data.encode(), 4, "Andel", "blander decimalkomma (fx række 2)"
    )


def test_empty_value_cell(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 4, "Hedensted,Ydelsesgrupper i alt,2024-03,")
    assert_refused(register, "tom_celle.csv", data, 4, "value", "aldrig 0")


def test_incomplete_period(register) -> None:
    lines = template_file(FULLTIME, "2024-03").decode().splitlines()
    data = "\n".join(line for line in lines if not line.startswith("Hedensted,")).encode()
    assert_refused(register, "uden_hedensted.csv", data, None, "area", "mangler 14 række(r)")
