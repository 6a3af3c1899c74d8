"""Machine-readable periods used in the data catalog.

A period code is one of
``2023`` (year), ``2023-12`` (month), ``2024-01-10`` (day), ``2022-Q4`` (quarter),
``2019-H2`` (half year), or a range ``START/END`` of two such codes
(``2022-Q4/2023-Q3``). Codes sort and compare by their start and end dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

LOCALE = "da_DK"

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")


@dataclass(frozen=True, order=True)
class Period:
    """A closed date interval named by its code."""

    start: date
    end: date
    code: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _parse_single(code: str) -> tuple[date, date]:
    if m := _YEAR.match(code):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := _MONTH.match(code):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"Ugyldig måned i perioden '{code}'.")
        return date(year, month, 1), _month_end(year, month)
    if m := _DAY.match(code):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValueError(f"Ugyldig dato i perioden '{code}'.") from exc
        return day, day
    if m := _QUARTER.match(code):
        year, quarter = int(m[1]), int(m[2])
        first_month = 3 * (quarter - 1) + 1
        return date(year, first_month, 1), _month_end(year, first_month + 2)
    if m := _HALF.match(code):
        year, half = int(m[1]), int(m[2])
        return (
            (date(year, 1, 1), date(year, 6, 30))
            if half == 1
            else (
                date(year, 7, 1),
                date(year, 12, 31),
            )
        )
    raise ValueError(
        f"Perioden '{code}' kan ikke læses. Brug fx 2023, 2023-12, 2024-01-10, "
        "2022-Q4, 2019-H2 eller et interval som 2022-Q4/2023-Q3."
    )


def parse_period(code: str) -> Period:
    """Parse a period code into its start and end dates.

    Raises ``ValueError`` with a Danish message when the code is malformed or the
    range ends before it starts.
    """
    if not isinstance(code, str) or not code.strip():
        raise ValueError("Perioden er tom.")
    code = code.strip()
    if "/" in code:
        first, _, last = code.partition("/")
        start, _ = _parse_single(first)
        _, end = _parse_single(last)
        if end < start:
            raise ValueError(f"Perioden '{code}' slutter før den begynder.")
        return Period(start, end, code)
    start, end = _parse_single(code)
    return Period(start, end, code)


def _single_label(code: str) -> str:
    if m := _YEAR.match(code):
        return m[1]
    if m := _MONTH.match(code):
        return format_date(date(int(m[1]), int(m[2]), 1), "MMM y", locale=LOCALE)
    if m := _DAY.match(code):
        return format_date(date(int(m[1]), int(m[2]), int(m[3])), "d. MMM y", locale=LOCALE)
    if m := _QUARTER.match(code):
        return f"{m[2]}. kvt. {m[1]}"
    if m := _HALF.match(code):
        return f"{m[2]}. halvår {m[1]}"
    raise ValueError(f"Perioden '{code}' kan ikke læses.")


def period_label(code: str) -> str:
    """Danish label for a period code, e.g. ``2023-12`` → ``dec. 2023``."""
    parse_period(code)  # validates
    if "/" in code:
        first, _, last = code.partition("/")
        return f"{_single_label(first)} – {_single_label(last)}"
    return _single_label(code)
