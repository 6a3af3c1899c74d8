"""One cell of an uploaded file: numbers, units, missing marks and formula-looking text.

Every function raises ``ValueError`` with a Danish message about the cell; the
reader adds the file, row and column (:class:`hedensted.core.catalog.DatasetError`).

- A value the source suppressed is missing, never 0: ``.`` (the catalog's mark),
  ``..`` and ``-`` (Jobindsats.dk's marks).
- Numbers are read by :mod:`hedensted.core.numbers` (Babel, strict): the template
  takes machine numbers (``22.7``) and Danish ones (``22,7``, ``2.674``); a form
  that two readings fit (``2,674`` kr.: 2,674 or 2.674 kr.) is refused naming
  both. A Jobindsats export has Danish numbers; ``22.7`` there is refused.
- Only the digits 0–9; plausibility bounds per unit (a share within 0–100 %, no
  negative or fractional counts, no count above 10 mio. …).
- A unit may follow the number (``22,7 %``), but only the dataset's own unit.
- Text that a spreadsheet would run as a formula (``=HYPERLINK(…)``, or text
  starting with ``+ - @``, a tab or a carriage return) is refused, so it can never
  reach an export. A text cell is at most ``MAX_TEXT`` characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from hedensted.core.numbers import (
    NumberError,
    bounds_error,
    foreign_digit_message,
    has_foreign_digits,
    parse_number,
    shown,
)
from hedensted.importing.specs import ValueKind

MAX_TEXT = 200
MISSING_MARKS = frozenset({".", "..", "-", "–"})
MACHINE_MARK = "."
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNITS: dict[str, ValueKind] = {
    "%": "percent",
    "pct.": "percent",
    "pct": "percent",
    "procent": "percent",
    "kr.": "kroner",
    "kr": "kroner",
    "kroner": "kroner",
    "personer": "count",
    "person": "count",
    "uger": "weeks",
    "uge": "weeks",
}
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could run as a formula (not a plain signed number)."""
    if not text or not text.startswith(_FORMULA_START):
        return False
    if text in MISSING_MARKS:
        return False
    return _PLAIN.match(text.replace(" ", "")) is None


def check_text(text: str) -> str:
    """A text cell, stripped; refuses formula-looking, overlong text and foreign digits."""
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise ValueError(
            f"cellen har {len(text)} tegn; en celle må højst have {MAX_TEXT} tegn "
            f"(den begynder med »{shown(text, 30)}«)."
        )
    if has_foreign_digits(text):
        raise ValueError(foreign_digit_message(text))
    if looks_like_formula(text):
        raise ValueError(
            f"»{shown(text)}« ligner en regnearksformel og afvises, så den aldrig kommer med "
            "i en eksport. Skriv teksten uden =, +, - eller @ forrest."
        )
    return text


def _strip_unit(text: str, kind: ValueKind, short_unit: str) -> str:
    lowered = text.lower()
    for unit in sorted(_UNITS, key=len, reverse=True):
        if not lowered.endswith(unit):
            continue
        if len(text) == len(unit) or not text[-len(unit) - 1].isalpha():
            if _UNITS[unit] != kind:
                raise ValueError(
                    f"enheden »{shown(text[-len(unit) :])}« passer ikke til datasættets enhed "
                    f"»{short_unit}«."
                )
            return text[: -len(unit)].strip()
    return text


def _fits(kind: ValueKind) -> Callable[[float], bool]:
    return lambda number: bounds_error(number, kind) is None


def _malformed_danish(text: str) -> str:
    if "." in text and "," not in text:
        return (
            f"»{shown(text)}« er tvetydigt: brug komma som decimaltegn (fx "
            f"{shown(text).replace('.', ',')}) og punktum kun mellem tusinder (fx 2.993.871)."
        )
    return f"»{shown(text)}« er ikke et tal. Skriv fx 22,7 eller 2.993.871."


def _malformed_either(text: str) -> str:
    return f"»{shown(text)}« er ikke et tal. Skriv fx 22.7, 22,7 eller 2674."


def _to_float(text: str, danish: bool, kind: ValueKind = "number", unit: str = "") -> float:
    try:
        return parse_number(
            text,
            "danish" if danish else "either",
            fits=_fits(kind),
            unit_word=unit,
            malformed=_malformed_danish if danish else _malformed_either,
        )
    except NumberError as exc:
        raise ValueError(str(exc)) from exc


def check_range(number: float, kind: ValueKind) -> float:
    """Refuse a value outside its unit's plausibility bounds (percent 0–100, counts whole …)."""
    problem = bounds_error(number, kind)
    if problem:
        raise ValueError(problem)
    return number


def parse_value(raw: object, kind: ValueKind, short_unit: str, danish: bool) -> float:
    """A value cell as a number (NaN when the source suppressed it).

    ``raw`` is the cell as read (text, or a number from a spreadsheet).
    """
    if isinstance(raw, bool):
        raise ValueError(f"»{raw}« er ikke et tal (men sand/falsk).")
    if isinstance(raw, int | float):
        number = float(raw)
        if not math.isfinite(number):
            raise ValueError(f"»{raw}« er ikke et endeligt tal.")
        return check_range(number, kind)
    text = str(raw if raw is not None else "").strip()
    if len(text) > MAX_TEXT:
        check_text(text)
    if text == "":
        raise ValueError(
            "cellen er tom; skriv ».« (eller »..«), hvis kilden ikke har et tal – et "
            "manglende tal er aldrig 0."
        )
    if text in MISSING_MARKS:
        return math.nan
    if text.startswith(("=", "@")):
        check_text(text)
    number_text = _strip_unit(text, kind, short_unit)
    return check_range(_to_float(number_text, danish, kind, short_unit), kind)


def machine_text(number: float) -> str:
    """A value as the catalog writes it: ``22.7``, ``2674``, ``.`` for missing."""
    if math.isnan(number):
        return MACHINE_MARK
    if float(number).is_integer():
        return str(int(number))
    return repr(float(number))
