"""Validation: Danish numbers, units, months and comments – a rejected entry writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from register_support import (
    DATABASES,
    EDITOR,
    TODAY,
    draft,
    fresh_register,
    shipped_indicators,
)

from hedensted.monthly.service import latest_entries, save_entries, version_count
from hedensted.monthly.validation import EntryDraft, EntryError, parse_danish_number, parse_value


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


# Indicators with each unit (from data/statusskema_indikatorer.csv).
PERSONS = {"project_id": "flere_i_job", "indicator_id": "aktivitetsparate_antal"}
PERCENT = {"project_id": "flere_i_job", "indicator_id": "aktivitetsparate_loentimer"}
WEEKS = {"project_id": "klar_parat_i_job", "indicator_id": "varighed_adagpengeforloeb"}
FIRMS = {"project_id": "kompetenceporten", "indicator_id": "virksomheder_kompetenceloeft"}

MARCH = date(2024, 3, 1)

# (what is wrong, the draft's fields, a fragment of the Danish message, today)
BAD_INPUTS = [
    ("tomt felt", {**PERSONS, "raw_value": "  "}, "Skriv et tal.", TODAY),
    ("tekst", {**PERSONS, "raw_value": "mange"}, "»mange« er ikke et tal", TODAY),
    ("punktum som decimaltegn", {**PERCENT, "raw_value": "22.7"}, "Skriv 22,7", TODAY),
    ("to kommaer", {**PERCENT, "raw_value": "2,2,7"}, "»2,2,7« er ikke et tal", TODAY),
    ("eksponent", {**PERSONS, "raw_value": "1e3"}, "»1e3« er ikke et tal", TODAY),
    ("procent over 100", {**PERCENT, "raw_value": "120"}, "mellem 0 og 100; 120", TODAY),
    ("negativ procent", {**PERCENT, "raw_value": "-5"}, "mellem 0 og 100; -5", TODAY),
    ("tusinder i en procent", {**PERCENT, "raw_value": "1.212"}, "mellem 0 og 100; 1212", TODAY),
    ("halv person", {**PERSONS, "raw_value": "2,5"}, "skal være et helt tal; 2,5", TODAY),
    ("negativt antal", {**PERSONS, "raw_value": "-3"}, "kan ikke være negativt", TODAY),
    ("negativt antal virksomheder", {**FIRMS, "raw_value": "-1"}, "virksomheder kan ikke", TODAY),
    ("negativ varighed", {**WEEKS, "raw_value": "-1,5"}, "uger kan ikke være negativ", TODAY),
    ("procent i et antal", {**PERSONS, "raw_value": "22 %"}, "personer, ikke i procent", TODAY),
    ("ukendt enhed", {**WEEKS, "raw_value": "18 kr."}, "»kr.« er ikke en enhed", TODAY),
    ("personer i en procent", {**PERCENT, "raw_value": "17 personer"}, "måles i procent", TODAY),
    (
        "før startmålingen",
        {**PERSONS, "raw_value": "101", "month": date(2023, 12, 1)},
        "Dec. 2023 ligger før startmålingen (jan. 2024)",
        TODAY,
    ),
    (
        "fremtidig måned",
        {**PERSONS, "raw_value": "101", "month": date(2024, 7, 1)},
        "Jul. 2024 ligger i fremtiden; tal kan indtastes til og med jun. 2024",
        TODAY,
    ),
    (
        "efter skemaets sidste måned",
        {**PERSONS, "raw_value": "101", "month": date(2026, 2, 1)},
        "efter statusskemaets sidste måned (jan. 2026)",
        date(2026, 11, 1),
    ),
    (
        "ikke den 1.",
        {**PERSONS, "raw_value": "101", "month": date(2024, 3, 15)},
        "den 1. i måneden",
        TODAY,
    ),
    (
        "ukendt indikator",
        {"project_id": "flere_i_job", "indicator_id": "findes_ikke", "raw_value": "1"},
        "findes ikke i statusskemaet",
        TODAY,
    ),
    (
        "indikator fra et andet projekt",
        {**PERSONS, "project_id": "kompetenceporten", "raw_value": "1"},
        "findes ikke i statusskemaet for projektet »kompetenceporten«",
        TODAY,
    ),
    (
        "lang kommentar",
        {**PERSONS, "raw_value": "101", "comment": "x" * 1001},
        "højst være 1000",
        TODAY,
    ),
    ("styretegn", {**PERSONS, "raw_value": "101", "comment": "a\x00b"}, "styretegn", TODAY),
    ("ikke et endeligt tal", {**PERCENT, "raw_value": float("nan")}, "endeligt tal", TODAY),
    ("fuldbredde cifre", {**PERSONS, "raw_value": "１２"}, "cifre, der ikke er 0–9", TODAY),
    ("arabiske cifre", {**PERSONS, "raw_value": "١٢"}, "cifre, der ikke er 0–9", TODAY),
    ("flere end befolkningen", {**PERSONS, "raw_value": 1e15}, "mellem 0 og 10.000.000", TODAY),
    ("over ti år", {**WEEKS, "raw_value": "600"}, "mellem 0 og 520", TODAY),
    ("uendelig", {**PERSONS, "raw_value": "inf"}, "»inf« er ikke et tal", TODAY),
]


@pytest.mark.parametrize(
    ("fields", "message", "today"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_a_bad_input_is_refused_in_danish_and_changes_nothing(
    register, indicators, fields, message, today
) -> None:
    save_entries(register, indicators, EDITOR, [draft("100")], "before", TODAY)
    before = latest_entries(register)
    fields = {"month": MARCH, **fields}
    with pytest.raises(ValueError) as caught:
        save_entries(register, indicators, EDITOR, [EntryDraft(**fields)], "bad", today)
    assert message in str(caught.value)
    assert version_count(register) == 1
    assert latest_entries(register) == before


def test_there_are_at_least_15_bad_inputs() -> None:
    assert len(BAD_INPUTS) >= 15


def test_every_failed_rule_is_listed_and_a_good_draft_in_the_same_save_is_not_written(
    register, indicators
) -> None:
    good = draft("101")
    bad = draft("120", indicator_id="aktivitetsparate_loentimer", month=date(2024, 7, 1))
    with pytest.raises(EntryError) as caught:
        save_entries(register, indicators, EDITOR, [good, bad], "mixed", TODAY)
    messages = caught.value.messages
    assert len(messages) == 2
    label = "Antal/andel(pct.) med løntimer - pr målgruppe: Aktivitetsparate"
    assert all(m.startswith(label) for m in messages)
    assert "mellem 0 og 100" in messages[0] and "i fremtiden" in messages[1]
    assert version_count(register) == 0


def test_the_same_month_twice_in_one_submission_is_refused(register, indicators) -> None:
    with pytest.raises(EntryError, match="står to gange i samme indsendelse"):
        save_entries(register, indicators, EDITOR, [draft("101"), draft("102")], "twice", TODAY)
    assert version_count(register) == 0


def test_a_negative_seen_version_is_refused_by_the_model() -> None:
    with pytest.raises(ValidationError):
        draft("101", seen_version=-1)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("22,7", 22.7),
        ("1.212", 1212.0),
        ("1.212,5", 1212.5),
        ("2.993.871", 2993871.0),
        (" 17 ", 17.0),
        ("\N{MINUS SIGN}3", -3.0),
        ("+4", 4.0),
        ("0", 0.0),
    ],
)
def test_danish_numbers_are_read(text: str, number: float) -> None:
    assert parse_danish_number(text) == number


@pytest.mark.parametrize(
    ("ids", "raw", "value"),
    [
        (PERCENT, "22,7 %", 22.7),
        (PERCENT, "87,9 pct.", 87.9),
        (PERSONS, "1.212 personer", 1212.0),
        (WEEKS, "18,8 uger", 18.8),
        (PERCENT, 100, 100.0),
        (PERSONS, 0, 0.0),
    ],
)
def test_values_with_the_indicators_own_unit_are_accepted(indicators, ids, raw, value) -> None:
    indicator = indicators.get(ids["project_id"], ids["indicator_id"])
    assert parse_value(indicator, raw) == value


def test_the_first_month_and_the_current_month_are_allowed(register, indicators) -> None:
    drafts = [draft("103", month=date(2024, 1, 1)), draft("100", month=date(2024, 6, 1))]
    save_entries(register, indicators, EDITOR, drafts, "edges", TODAY)
    assert version_count(register) == 2
