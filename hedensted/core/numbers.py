"""The one reader of typed numbers, for both upload paths and the monthly entry form.

Numbers are parsed with Babel (``babel.numbers.parse_decimal`` with
``strict=True``), so the thousands groups must be well-formed:

- **Danish** text (Jobindsats exports, the monthly entry form): ``22,7``,
  ``1.212``, ``2.993.871,5``. A point that is not between thousands
  (``22.7``) is refused.
- **Either** (the import template, written by a machine or a person): the
  Danish reading and the English/machine reading (``22.7``, ``2,674``) are
  both tried. Readings the unit rules out are dropped (a count is whole, a
  percentage lies within 0–100 …). If two different readings are left, the text
  is ambiguous and is refused with both readings named – ``2,674`` kr. could be
  2,674 kr. or 2.674 kr.

Only the digits 0–9 are numbers: fullwidth (``２２``), Arabic-Indic (``٢٢``) and
other digits, exponents (``1e3``), ``nan`` and ``inf`` are refused, all with a
Danish message. :func:`check_bounds` holds the plausibility bounds per unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from babel.numbers import NumberFormatError, parse_decimal

Style = Literal["danish", "either"]
Kind = Literal["percent", "kroner", "count", "weeks", "number"]

# Plausibility bounds per unit (inclusive). Counts above Denmark's population,
# amounts above 100 mio. kr. and durations above ten years are typing errors.
BOUNDS: dict[Kind, tuple[float, float]] = {
    "percent": (0.0, 100.0),
    "kroner": (0.0, 100_000_000.0),
    "count": (0.0, 10_000_000.0),
    "weeks": (0.0, 520.0),
    "number": (-1e12, 1e12),
}
BOUND_WORDS: dict[Kind, str] = {
    "percent": "en procent mellem 0 og 100",
    "kroner": "et beløb i kroner mellem 0 og 100.000.000",
    "count": "et helt tal mellem 0 og 10.000.000 (et antal)",
    "weeks": "et antal uger mellem 0 og 520 (ti år)",
    "number": "et tal mellem -1.000.000.000.000 og 1.000.000.000.000",
}
_SIGNS = {"\N{MINUS SIGN}": "-", "\N{EN DASH}": "-"}
_SHAPE = re.compile(r"^[+-]?[0-9.,]*[0-9][0-9.,]*$")
_SPACES = re.compile(r"[ \u00a0\u202f]")


class NumberError(ValueError):
    """A text that is not a usable number (one Danish sentence)."""


def shown(text: str, limit: int = 40) -> str:
    """A cell's text for a message: one line, at most ``limit`` characters."""
    one_line = " ".join(str(text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def danish(number: Decimal | float) -> str:
    """``Decimal('2674.5')`` → ``2.674,5`` (for messages; no rounding)."""
    value = Decimal(str(number)) if not isinstance(number, Decimal) else number
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction.strip("0") else f"{sign}{grouped}"


def has_foreign_digits(text: str) -> bool:
    """True when ``text`` has a digit other than ASCII 0–9 (fullwidth, Arabic-Indic …)."""
    return any(ch.isdigit() and ch not in "0123456789" for ch in text)


def foreign_digit_message(text: str) -> str:
    return (
        f"»{shown(text)}« har cifre, der ikke er 0–9 (fx fuldbredde eller arabiske cifre). "
        "Skriv tallet med almindelige cifre."
    )


def _reading(text: str, locale: str) -> Decimal | None:
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError:
        return None


def readings(text: str, style: Style) -> list[Decimal]:
    """The well-formed readings of ``text`` (sign allowed, no unit), without duplicates.

    Raises :class:`NumberError` for text that is no number at all.
    """
    raw = text
    text = _SPACES.sub("", text.strip())
    for sign, plain in _SIGNS.items():
        text = text.replace(sign, plain)
    if has_foreign_digits(text):
        raise NumberError(foreign_digit_message(raw))
    if not _SHAPE.match(text):
        raise NumberError(f"»{shown(raw)}« er ikke et tal.")
    found: list[Decimal] = []
    for locale in ("da",) if style == "danish" else ("da", "en"):
        value = _reading(text, locale)
        if value is not None and value not in found:
            found.append(value)
    return found


def bounds_error(number: float, kind: Kind) -> str | None:
    """Why ``number`` is outside its unit's plausibility bounds (``None``: it is inside)."""
    if not math.isfinite(number):
        return "Tallet skal være et endeligt tal."
    low, high = BOUNDS[kind]
    whole = kind != "count" or float(number).is_integer()
    if low <= number <= high and whole:
        return None
    value = danish(Decimal(repr(float(number))))
    return f"{value} er uden for det tilladte: værdien skal være {BOUND_WORDS[kind]}."


def check_bounds(number: float, kind: Kind) -> float:
    """``number`` if it is plausible for ``kind``, else :class:`NumberError`."""
    problem = bounds_error(number, kind)
    if problem:
        raise NumberError(problem)
    return float(number)


def parse_number(
    text: str,
    style: Style,
    fits: Callable[[float], bool] = lambda _number: True,
    unit_word: str = "",
    malformed: Callable[[str], str] | None = None,
) -> float:
    """The one number ``text`` means, or :class:`NumberError` (Danish).

    ``fits`` says whether a reading is possible for the unit; when more than one
    reading fits, the text is ambiguous and both are named. When none fits,
    the first reading is returned (the caller's range check explains why it is
    refused). ``malformed`` builds the message for text Babel cannot read.
    """
    found = readings(text, style)
    if not found:
        raise NumberError(malformed(text) if malformed else f"»{shown(text)}« er ikke et tal.")
    fitting = [r for r in found if fits(float(r))]
    if len(fitting) > 1:
        unit = f" {unit_word}" if unit_word else ""
        options = " eller ".join(f"{danish(r)}{unit}" for r in fitting)
        raise NumberError(
            f"»{shown(text)}« er tvetydigt: det kan læses som {options} – skriv tallet "
            "uden tusindtalsskilletegn og med komma som decimaltegn (fx 2674 eller 22,7)."
        )
    return float((fitting or found)[0])
