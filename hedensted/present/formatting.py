"""Danish number and date formatting through Babel, independent of the browser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

LOCALE = "da_DK"
MISSING_TEXT = "–"  # shown where the source has no value
MINUS = "\N{MINUS SIGN}"  # typographic minus: as wide as "+", never broken from its number


if TYPE_CHECKING:
    from typing_extensions import TypeIs


def _is_missing(value: float | None) -> TypeIs[None]:
    # NaN (a float) is missing too; what is not missing is a number.

    return value is None or (isinstance(value, float) and math.isnan(value))


def _decimal(value: float, pattern: str) -> str:
    """Babel's Danish number with the typographic minus (Babel's data gives a hyphen)."""
    return format_decimal(value, format=pattern, locale=LOCALE).replace("-", MINUS)


def format_number(value: float | None, decimals: int = 0, signed: bool = False) -> str:
    """Format a number the Danish way: ``2993871`` → ``2.993.871``, ``22.7`` → ``22,7``.

    ``decimals`` fixes the number of decimals shown; ``signed`` adds ``+`` to
    positive numbers (for differences). Negative numbers carry the minus sign
    ``−`` (U+2212), not a hyphen: ``-1.5`` → ``−1,5``. Missing values give ``–``.
    """
    if _is_missing(value):
        return MISSING_TEXT
    if decimals < 0:
        raise ValueError("Antal decimaler kan ikke være negativt.")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Avoid "-0" / "-0,0" after rounding.
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0
    text = _decimal(rounded, pattern)
    if signed and rounded > 0:
        text = "+" + text
    return text


def format_percent(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """A value already in percent: ``19.3`` → ``19,3 %``."""
    if _is_missing(value):
        return MISSING_TEXT
    return f"{format_number(value, decimals, signed)}\N{NO-BREAK SPACE}%"


def format_points(value: float | None, decimals: int = 1, signed: bool = True) -> str:
    """Percentage points: ``-0.8`` → ``−0,8 pct.-point``."""
    if _is_missing(value):
        return MISSING_TEXT
    return f"{format_number(value, decimals, signed)} pct.-point"


def format_kroner(value: float | None, decimals: int = 0, signed: bool = False) -> str:
    """Kroner: ``2674`` → ``2.674 kr.``."""
    if _is_missing(value):
        return MISSING_TEXT
    return f"{format_number(value, decimals, signed)} kr."


def format_million_kroner(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """Kroner shown in millions: ``16483571`` → ``16,5 mio. kr.``."""
    if _is_missing(value):
        return MISSING_TEXT
    return f"{format_number(value / 1_000_000, decimals, signed)} mio. kr."


def format_value(value: float | None, short_unit: str, decimals: int | None = 0) -> str:
    """Format a value with a dataset's short unit (``%``, ``kr.``, ``uger`` …).

    ``decimals=None`` shows the value as published, without a unit (mixed tables).
    """
    if _is_missing(value):
        return MISSING_TEXT
    if decimals is None:
        return format_compact(value)
    if short_unit == "%":
        return format_percent(value, decimals)
    if short_unit == "kr.":
        return format_kroner(value, decimals)
    return f"{format_number(value, decimals)} {short_unit}".strip()


def format_month(day: date) -> str:
    """``date(2024, 1, 1)`` → ``jan. 2024``."""
    return format_date(day, "MMM y", locale=LOCALE)


def format_long_date(day: date) -> str:
    """``date(2024, 3, 5)`` → ``5. marts 2024``."""
    return format_date(day, "d. MMMM y", locale=LOCALE)


def format_compact(value: float | None) -> str:
    """Up to two decimals, no trailing zeros: ``4.0`` → ``4``, ``87.9`` → ``87,9``."""
    if _is_missing(value):
        return MISSING_TEXT
    rounded = round(float(value), 2)
    return _decimal(rounded if rounded != 0 else 0.0, "#,##0.##")  # never "−0"


def and_list(items: Sequence[str]) -> str:
    """``a, b og c`` (Danish list; one item alone, nothing for none)."""
    return format_list(list(items), locale=LOCALE) if items else ""


def or_list(items: Sequence[str]) -> str:
    """``a, b eller c`` (Danish list; one item alone, nothing for none)."""
    return format_list(list(items), style="or", locale=LOCALE) if items else ""
