"""One cell of an uploaded file: numbers, units, missing marks and formula-looking text.

Every function raises ``ValueError`` with a Danish message about the cell; the
reader adds the file, row and column (:class:`hedensted.core.catalog.DatasetError`).

- A value the source suppressed is missing, never 0: ``.`` (the catalog's mark),
  ``..`` and ``-`` (Jobindsats.dk's marks).
- The template takes machine numbers (``22.7``) and a decimal comma (``22,7``);
  a Jobindsats export has Danish numbers (``22,7``, ``2.993.871``). ``22.7`` in
  a Jobindsats file is refused as ambiguous.
- A unit may follow the number (``22,7 %``), but only the dataset's own unit.
- Text that a spreadsheet would run as a formula (``=HYPERLINK(…)``, or text
  starting with ``+ - @``, a tab or a carriage return) is refused, so it can never
  reach an export.
"""

from __future__ import annotations

import math
import re

from hedensted.importing.specs import KIND_WORDS, ValueKind

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
_DANISH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could run as a formula (not a plain signed number)."""
    if not text or not text.startswith(_FORMULA_START):
        return False
    if text in MISSING_MARKS:
        return False
    return _PLAIN.match(text.replace(" ", "")) is None


def check_text(text: str) -> str:
    """A text cell, stripped; refuses formula-looking text."""
    text = text.strip()
    if looks_like_formula(text):
        raise ValueError(
            f"»{text[:40]}« ligner en regnearksformel og afvises, så den aldrig kommer med "
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
                    f"enheden »{text[-len(unit) :]}« passer ikke til datasættets enhed "
                    f"»{short_unit}«."
                )
            return text[: -len(unit)].strip()
    return text


def _to_float(text: str, danish: bool) -> float:
    compact = text.replace(" ", "").replace("\u00a0", "")
    if danish:
        if _DANISH_THOUSANDS.match(compact):
            compact = compact.replace(".", "")
        elif "." in compact:
            raise ValueError(
                f"»{text}« er tvetydigt: brug komma som decimaltegn (fx 22,7) og punktum "
                "kun mellem tusinder."
            )
        compact = compact.replace(",", ".")
    else:
        if compact.count(",") == 1 and "." not in compact:
            compact = compact.replace(",", ".")
        if _PLAIN.match(compact.replace(",", ".")) is None:
            raise ValueError(
                f"»{text}« er ikke et tal. Skriv fx 22.7 eller 22,7 – uden tusindtalsskilletegn."
            )
    try:
        number = float(compact)
    except ValueError as exc:
        raise ValueError(f"»{text}« er ikke et tal.") from exc
    if not math.isfinite(number):
        raise ValueError(f"»{text}« er ikke et endeligt tal.")
    return number


def check_range(number: float, kind: ValueKind) -> float:
    """Refuse a value outside its kind's range (percent 0–100, counts whole and ≥ 0 …)."""
    wrong = (
        (kind == "percent" and not 0 <= number <= 100)
        or (kind in ("kroner", "weeks", "count") and number < 0)
        or (kind == "count" and not float(number).is_integer())
    )
    if wrong:
        shown = f"{number:g}".replace(".", ",")
        raise ValueError(f"{shown} er uden for det tilladte: værdien skal være {KIND_WORDS[kind]}.")
    return number


def parse_value(raw: object, kind: ValueKind, short_unit: str, danish: bool) -> float:
    """A value cell as a number (NaN when the source suppressed it).

    ``raw`` is the cell as read (text, or a number from a spreadsheet).
    """
    if isinstance(raw, bool):
        raise ValueError(f"»{raw}« er ikke et tal.")
    if isinstance(raw, int | float):
        number = float(raw)
        if not math.isfinite(number):
            raise ValueError(f"»{raw}« er ikke et endeligt tal.")
        return check_range(number, kind)
    text = str(raw if raw is not None else "").strip()
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
    return check_range(_to_float(number_text, danish), kind)


def machine_text(number: float) -> str:
    """A value as the catalog writes it: ``22.7``, ``2674``, ``.`` for missing."""
    if math.isnan(number):
        return MACHINE_MARK
    if float(number).is_integer():
        return str(int(number))
    return repr(float(number))
