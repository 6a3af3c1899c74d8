"""Validation of one entered value: Danish numbers, the indicator's unit, the month.

Rules (every message is Danish and says what to write instead):

- numbers are read by :mod:`hedensted.core.numbers` (Babel, strict), the Danish way:
  ``22,7`` (comma decimal), ``1.212``
  (point between thousands); ``22.7`` is refused as ambiguous;
- a unit may follow the number (``22,7 %``, ``12 personer``) but must be the
  indicator's unit;
- percentages (``pct.``) lie between 0 and 100; counts (``personer``,
  ``virksomheder``, ``antal``) are whole and not negative; weeks are not negative;
- the month is not before the indicator's first month (its baseline), not after
  the status table's last month, and not in the future;
- a comment is at most ``MAX_COMMENT`` characters and has no control characters.
"""

from __future__ import annotations

import math
import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hedensted.core.numbers import Kind, NumberError, bounds_error, parse_number, shown
from hedensted.monthly.indicators import Indicator, IndicatorSet, UnitKind, first_of_month
from hedensted.present.formatting import format_month

MAX_COMMENT = 1000
_POINT_DECIMAL = re.compile(r"^\d+\.\d+$")
_NUMBER_AND_UNIT = re.compile(r"^(?P<number>[-+−]?[\d.,]+)\s*(?P<unit>[%A-Za-zÆØÅæøå.]+)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

UNIT_WORDS = {
    "%": "pct.",
    "pct": "pct.",
    "pct.": "pct.",
    "procent": "pct.",
    "person": "personer",
    "personer": "personer",
    "pers.": "personer",
    "uge": "uger",
    "uger": "uger",
    "virksomhed": "virksomheder",
    "virksomheder": "virksomheder",
    "antal": "antal",
}
UNIT_NAMES = {
    "pct.": "procent",
    "personer": "personer",
    "uger": "uger",
    "virksomheder": "virksomheder",
    "antal": "antal",
}


_BOUNDS_KIND: dict[UnitKind, Kind] = {
    UnitKind.PERCENT: "percent",
    UnitKind.COUNT: "count",
    UnitKind.DURATION: "weeks",
}


class EntryError(ValueError):
    """One or more reasons an entry cannot be saved (Danish, one sentence each)."""

    def __init__(self, messages: list[str]):
        self.messages = list(messages)
        super().__init__(" ".join(self.messages))


def _malformed(text: str) -> str:
    digits = text.strip().lstrip("+-\N{MINUS SIGN}")
    if _POINT_DECIMAL.match(digits):
        comma = digits.replace(".", ",")
        return (
            f"»{shown(text)}« er skrevet med punktum. Skriv {comma} – på dansk er komma "
            "decimaltegn, og punktum står kun mellem tusinder (1.212)."
        )
    return f"»{shown(text)}« er ikke et tal. Skriv fx 22,7 eller 1.212."


def parse_danish_number(text: str) -> float:
    """``"22,7"`` → 22.7, ``"1.212"`` → 1212.0, ``"-3"`` → -3.0 (Babel, strict).

    Raises ``EntryError`` with a Danish message for anything else (see
    :mod:`hedensted.core.numbers`: only the digits 0–9, no exponent).
    """
    if not text.strip():
        raise EntryError(["Skriv et tal."])
    try:
        return parse_number(text, "danish", malformed=_malformed)
    except NumberError as error:
        raise EntryError([str(error)]) from error


def _split_unit(text: str) -> tuple[str, str | None]:
    match = _NUMBER_AND_UNIT.match(text.strip())
    if not match:
        return text, None
    unit = match["unit"]
    return match["number"], unit.strip().lower() if unit else None


def check_value(indicator: Indicator, value: float) -> float:
    """Check a number against the indicator's unit; returns it or raises ``EntryError``."""
    if not math.isfinite(value):
        raise EntryError(["Tallet skal være et endeligt tal."])
    as_text = f"{value:g}".replace(".", ",")
    if indicator.kind is UnitKind.PERCENT and not 0 <= value <= 100:
        raise EntryError(
            [f"En procentandel skal ligge mellem 0 og 100; {as_text} kan ikke bruges."]
        )
    if indicator.kind is UnitKind.COUNT:
        if value < 0:
            raise EntryError([f"Et antal {indicator.unit} kan ikke være negativt ({as_text})."])
        if not float(value).is_integer():
            raise EntryError(
                [f"Et antal {indicator.unit} skal være et helt tal; {as_text} er ikke helt."]
            )
    if indicator.kind is UnitKind.DURATION and value < 0:
        raise EntryError([f"En varighed i {indicator.unit} kan ikke være negativ ({as_text})."])
    problem = bounds_error(value, _BOUNDS_KIND[indicator.kind])
    if problem:
        raise EntryError([problem[0].upper() + problem[1:]])
    return float(value)


def parse_value(indicator: Indicator, raw: object) -> float:
    """The value typed (text) or read (a number) for ``indicator``, checked.

    Raises ``EntryError`` (Danish) for a malformed number, a wrong unit or a
    value outside what the unit allows.
    """
    if isinstance(raw, bool):
        raise EntryError(["Skriv et tal, ikke sand/falsk."])
    if isinstance(raw, int | float):
        return check_value(indicator, float(raw))
    number_text, unit_text = _split_unit(str(raw))
    if unit_text is not None:
        unit = UNIT_WORDS.get(unit_text)
        expected = UNIT_NAMES[indicator.unit]
        if unit is None:
            raise EntryError(
                [
                    f"»{unit_text}« er ikke en enhed, registret kender. "
                    f"Indikatoren måles i {expected}."
                ]
            )
        if unit != indicator.unit:
            raise EntryError(
                [f"Indikatoren måles i {expected}, ikke i {UNIT_NAMES[unit]}. Skriv kun tallet."]
            )
    return check_value(indicator, parse_danish_number(number_text))


def check_month(indicator: Indicator, month: date, today: date) -> date:
    """The month an entry is for; raises ``EntryError`` outside the allowed months."""
    if month.day != 1:
        raise EntryError(["Måneden angives ved den 1. i måneden."])
    if month < indicator.first_month:
        raise EntryError(
            [
                f"{format_month(month).capitalize()} ligger før startmålingen "
                f"({format_month(indicator.first_month)}); tal kan indtastes fra "
                f"{format_month(indicator.first_month)}."
            ]
        )
    if month > indicator.last_month:
        raise EntryError(
            [
                f"{format_month(month).capitalize()} ligger efter statusskemaets sidste måned "
                f"({format_month(indicator.last_month)})."
            ]
        )
    if month > first_of_month(today):
        raise EntryError(
            [
                f"{format_month(month).capitalize()} ligger i fremtiden; tal kan indtastes "
                f"til og med {format_month(first_of_month(today))}."
            ]
        )
    return month


def check_comment(comment: str) -> str:
    """The comment without surrounding blanks; raises ``EntryError`` if unusable."""
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise EntryError(
            [f"Kommentaren er {len(comment)} tegn; den må højst være {MAX_COMMENT} tegn."]
        )
    if _CONTROL.search(comment):
        raise EntryError(["Kommentaren indeholder et usynligt styretegn, som ikke kan gemmes."])
    return comment


class EntryDraft(BaseModel):
    """One value as entered in the form or read from a workbook, before validation.

    ``seen_version`` is the version the editor saw (0 when there was none).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    project_id: str = Field(min_length=1, max_length=64)
    indicator_id: str = Field(min_length=1, max_length=64)
    month: date
    raw_value: str | float | int
    comment: str = ""
    seen_version: int = Field(default=0, ge=0)


class ValidEntry(BaseModel):
    """A checked entry, ready to be saved."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    project_id: str
    indicator_id: str
    month: date
    value: float
    comment: str = Field(max_length=MAX_COMMENT)
    seen_version: int = Field(ge=0)

    @field_validator("month")
    @classmethod
    def _first_day(cls, month: date) -> date:
        if month.day != 1:
            raise ValueError("Måneden angives ved den 1. i måneden.")
        return month

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("Tallet skal være et endeligt tal.")
        return value


def validate_entry(indicators: IndicatorSet, draft: EntryDraft, today: date) -> ValidEntry:
    """Check every rule for one draft; ``EntryError`` lists all that fail."""
    indicator = indicators.get(draft.project_id, draft.indicator_id)  # ValueError if unknown
    messages: list[str] = []
    value = month = comment = None
    for check in ("value", "month", "comment"):
        try:
            if check == "value":
                value = parse_value(indicator, draft.raw_value)
            elif check == "month":
                month = check_month(indicator, draft.month, today)
            else:
                comment = check_comment(draft.comment)
        except EntryError as error:
            messages.extend(error.messages)
    if messages:
        raise EntryError(messages)
    try:
        return ValidEntry(
            project_id=draft.project_id,
            indicator_id=draft.indicator_id,
            month=month,  # type: ignore[arg-type]  # checked above: no message, so set
            value=value,  # type: ignore[arg-type]  # checked above: no message, so set
            comment=comment,  # type: ignore[arg-type]  # checked above: no message, so set
            seen_version=draft.seen_version,
        )
    except ValidationError as exc:  # pragma: no cover - the checks above come first
        raise EntryError([str(e["msg"]) for e in exc.errors()]) from exc
