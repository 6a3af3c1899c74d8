"""Issue 18 on the import path: nothing silently wrong gets in.

Each test feeds one file that was accepted (or crashed) before and checks the
Danish refusal naming the file, row and column – and that nothing was stored.
"""

from __future__ import annotations

from datetime import date

import pytest

from hedensted.core.catalog import DatasetError
from hedensted.importing.period_views import choices, latest_view, newest
from hedensted.importing.service import confirm, effective_catalog, preview
from hedensted.importing.store import (
    ImportConflict,
    all_versions,
    dataset_state,
    rollback_to,
    undo_switch,
)
from hedensted.importing.validation import OutliersNotConfirmed
from tests.import_support import (
    EXPENSES,
    FULLTIME,
    UNEMPLOYED,
    assert_refused,
    attempt,
    replace_line,
    row_of,
    template_file,
)
from tests.register_support import DATABASES, EDITOR, fresh_register


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


# --- numbers by unit -------------------------------------------------------------------


def test_kroner_with_a_comma_group_is_ambiguous_and_both_readings_are_named(register) -> None:
    data = template_file(EXPENSES, "2024-03")
    row = row_of(data, "Hedensted,")
    line = data.decode().splitlines()[row - 1].rsplit(",", 1)[0]
    data = replace_line(data, row, f'{line},"2,674"')
    assert_refused(
        register,
        "udgifter.csv",
        data,
        row,
        "value",
        "»2,674« er tvetydigt: det kan læses som 2,674 kr. eller 2.674 kr.",
        EXPENSES,
    )


def test_thousands_separators_in_counts_are_read_as_thousands(register) -> None:
    data = template_file(UNEMPLOYED, "2025-01")
    row = row_of(data, "Hedensted,")
    data = replace_line(data, row, 'Hedensted,2025-01,"1,212",kommune')
    version = attempt(register, "ledige.csv", data, UNEMPLOYED)
    assert "Hedensted,2025-01,1212,kommune" in version.content


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1e15", "»1e15« er ikke et tal"),
        ("1000000000000000", "værdien skal være et helt tal mellem 0 og 10.000.000"),
        ("１２", "cifre, der ikke er 0–9"),
        ("١٢", "cifre, der ikke er 0–9"),
    ],
)
def test_implausible_counts_and_foreign_digits_are_refused(register, value, words) -> None:
    data = template_file(UNEMPLOYED, "2025-01")
    row = row_of(data, "Hedensted,")
    data = replace_line(data, row, f"Hedensted,2025-01,{value},kommune")
    assert_refused(register, "ledige.csv", data, row, "value", words, UNEMPLOYED)


def test_an_implausible_amount_is_refused(register) -> None:
    data = template_file(EXPENSES, "2024-03")
    row = row_of(data, "Hedensted,")
    line = data.decode().splitlines()[row - 1].rsplit(",", 1)[0]
    data = replace_line(data, row, f"{line},999999999999")
    assert_refused(
        register, "udgifter.csv", data, row, "value", "mellem 0 og 100.000.000", EXPENSES
    )


def test_foreign_digits_in_a_period_are_refused(register) -> None:
    data = template_file(FULLTIME, "2024-03").replace(b"2024-03", "２０２４-03".encode())
    assert_refused(register, "periode.csv", data, 2, "period", "cifre, der ikke er 0–9")


# --- file shape and messages ----------------------------------------------------------


def test_an_unquoted_decimal_comma_makes_the_row_too_wide_and_names_it(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    row = row_of(data, "Hedensted,Ydelsesgrupper i alt")
    data = replace_line(data, row, "Hedensted,Ydelsesgrupper i alt,2024-03,22,9")
    assert_refused(
        register, "komma.csv", data, row, None, "rækken har 5 celler, men overskriften har 4"
    )


def test_a_short_row_is_refused_naming_it(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 3, "Hedensted,Ydelsesgrupper i alt,2024-03")
    assert_refused(register, "kort.csv", data, 3, None, "rækken har 3 celler")


def test_a_utf16_file_is_named_utf16(register) -> None:
    data = template_file(FULLTIME, "2024-03").decode().encode("utf-16")
    assert_refused(register, "utf16.csv", data, 1, None, "filen er gemt som UTF-16")


def test_an_unclosed_quote_names_its_row_without_pasting_the_file(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    lines = data.decode().split("\n")
    lines[2] = '"' + lines[2]
    data = "\n".join(lines).encode()
    error = assert_refused(register, "citat.csv", data, 3, None, "anførselstegn")
    assert len(str(error)) < 300 and "Ydelsesgrupper" not in str(error)


def test_a_one_megabyte_cell_gets_a_danish_message(register) -> None:
    data = template_file(FULLTIME, "2024-03")
    data = replace_line(data, 3, "Hedensted," + "x" * 1_000_000 + ",2024-03,22.7")
    error = assert_refused(register, "stor.csv", data, 3, None, "en celle er længere end")
    assert len(str(error)) < 300 and "field" not in str(error)


def test_an_old_xls_file_is_named(register) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert_refused(register, "gammel.xlsx", data, None, None, "gamle Excel-format (.xls)")


# --- periods ---------------------------------------------------------------------------


def test_a_period_after_the_current_month_is_refused(register) -> None:
    data = template_file(FULLTIME, "2099-12")
    assert_refused(register, "fremtid.csv", data, 2, "period", "ligger efter indeværende måned")


def test_the_current_month_is_not_yet_over_but_the_last_one_is(register) -> None:
    data = template_file(UNEMPLOYED, "2024-07")
    today = date(2024, 7, 15)
    version = attempt(register, "juli.csv", data, UNEMPLOYED, today=today)
    assert version.periods == ("2024-07",)
    with pytest.raises(DatasetError, match="ligger efter indeværende måned"):
        attempt(register, "aug.csv", template_file(UNEMPLOYED, "2024-08"), UNEMPLOYED, today=today)


def test_a_period_more_than_ten_years_before_the_first_is_refused(register) -> None:
    data = template_file(FULLTIME, "1900-01")
    assert_refused(register, "gammel.csv", data, 2, "period", "mere end 10 år før")


def test_a_stored_future_period_never_becomes_the_default_view(register) -> None:
    attempt(register, "marts.csv", template_file(FULLTIME, "2024-03", change=-0.5))
    # A period stored before such periods were refused (checked as if in 2100).
    attempt(register, "fremtid.csv", template_file(FULLTIME, "2099-12"), today=date(2100, 1, 1))
    full = effective_catalog(None, register)
    dataset = full.get(FULLTIME)
    assert newest(dataset) == "2024-03"
    assert choices(dataset)[0] == "2024-03" and choices(dataset)[-1] == "2099-12"
    assert latest_view(full).get(FULLTIME).metadata.periods == ["2024-03"]


# --- jumps and rollback ---------------------------------------------------------------


def _expenses_with(value: str) -> bytes:
    data = template_file(EXPENSES, "2024-03")
    row = row_of(data, "Hedensted,Ydelsesgrupper i alt")
    line = data.decode().splitlines()[row - 1].rsplit(",", 1)[0]
    return replace_line(data, row, f"{line},{value}")


def test_a_jump_of_more_than_ten_times_needs_each_value_confirmed(register) -> None:
    data = _expenses_with("2.6")  # 2,6 kr. against some 2.000 kr. the period before
    full = effective_catalog(None, register)
    checked = preview(register, full, EXPENSES, "udgifter.csv", data)
    [outlier] = checked.plan.outliers
    assert outlier.text.startswith("Hedensted, Ydelsesgrupper i alt, mar. 2024 (række")
    assert "gange mindre" in outlier.text
    with pytest.raises(OutliersNotConfirmed, match="skal bekræftes hvert for sig"):
        confirm(register, checked, EDITOR)
    with pytest.raises(OutliersNotConfirmed):
        confirm(register, checked, EDITOR, {"en anden værdi"})
    assert all_versions(register) == []
    version = confirm(register, checked, EDITOR, {outlier.key})
    assert version.version == 2


def test_rollback_to_any_version_and_undo(register) -> None:
    for number, change in ((2, -1.0), (3, -2.0), (4, -3.0)):
        attempt(
            register,
            f"v{number}.csv",
            template_file(FULLTIME, "2024-03", change=change),
            accept_outliers=True,
            replace=number > 2,
        )
    where = {"area": "Hedensted", "group": "Ydelsesgrupper i alt"}

    def shown() -> float:
        frame = latest_view(effective_catalog(None, register)).get(FULLTIME).frame
        hit = frame[(frame["area"] == where["area"]) & (frame["group"] == where["group"])]
        return float(hit["value"].iloc[0])

    assert shown() == 19.7
    assert rollback_to(register, FULLTIME, 2, EDITOR, expected_current=4) == (4, 2)
    assert shown() == 21.7
    assert [v.active for v in all_versions(register)] == [True, False, False]
    assert undo_switch(register, FULLTIME, EDITOR) == (2, 4)  # the rollback undone
    assert shown() == 19.7 and all(v.active for v in all_versions(register))
    rollback_to(register, FULLTIME, 1, EDITOR)  # back to the shipped data
    assert shown() == 22.7
    with pytest.raises(ImportConflict):
        rollback_to(register, FULLTIME, 3, EDITOR, expected_current=4)  # someone moved it
    with pytest.raises(ValueError, match="findes ikke"):
        rollback_to(register, FULLTIME, 9, EDITOR)
    # A save after a rollback goes on top of the version in use.
    attempt(register, "v5.csv", template_file(FULLTIME, "2024-06"))
    assert [v.version for v in all_versions(register) if v.active] == [5]
    assert dataset_state(register, FULLTIME).last_switch is None


# --- append-only storage ---------------------------------------------------------------


def test_switches_and_login_attempts_are_append_only_and_postgresql_refuses_truncate(
    register,
) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from hedensted.monthly.throttle import LoginThrottle

    attempt(register, "a.csv", template_file(FULLTIME, "2024-03"))
    rollback_to(register, FULLTIME, 1, EDITOR)
    LoginThrottle(register).failed("anne", "10.0.0.9")
    statements = [
        "UPDATE data_import_switches SET author = 'x'",
        "DELETE FROM data_import_switches",
        "UPDATE login_attempts SET succeeded = TRUE",
        "DELETE FROM login_attempts",
    ]
    if register.engine.dialect.name == "postgresql":
        statements += [
            f"TRUNCATE {table} CASCADE"
            for table in (
                "data_import_versions",
                "data_import_rollbacks",
                "data_import_switches",
                "login_attempts",
            )
        ]
    for statement in statements:
        with pytest.raises(DBAPIError), register.engine.begin() as connection:
            connection.execute(text(statement))
    assert len(all_versions(register)) == 1
    assert dataset_state(register, FULLTIME).current == 1
