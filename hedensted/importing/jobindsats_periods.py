"""Jobindsats.dk period codes → the catalog's period codes (data/README.md).

======================  ==========================  ===========================
Jobindsats              meaning                     catalog code
======================  ==========================  ===========================
``2024M03``             month                       ``2024-03``
``2024Q04``, ``2024Q4``  quarter (v3 zero-pads)     ``2024-Q4``
``2023QMAT02``          rolling year: the four      ``2022-Q3/2023-Q2``
                        quarters up to and
                        including the quarter
``2020QMAT02`` for a    rolling year of two half    ``2019-H2/2020-H1``
half-yearly dataset     years (y30r21)
``2023MMAT11``          rolling year: twelve        ``2022-12/2023-11``
                        months up to the month
``2023H2``              half year                   ``2023-H2``
``2023``, ``2023Y``     year                        ``2023``
======================  ==========================  ===========================

The rolling-year reading of ``QMAT``/``MMAT`` ("moving annual total") is our
assumption; it matches the document's status table, labelled »4kv22-3kv23«,
which Jobindsats calls ``2023QMAT03``. Any other code – e.g. a year-to-date
period such as the duration table's »januar – november« – cannot be mapped
safely and is refused; write the catalog's own code (``2024-01/2024-11``) in
the template instead. A code that already is a catalog code is kept.

A half-yearly dataset (periods like ``2019-H2/2020-H1``, the ministry's
benchmark) gets its ``QMAT02``/``QMAT04`` codes as two half years: the rolling
year ending in June is 2. half of the year before + 1. half; ending in
December, the calendar year's two halves. ``QMAT01``/``QMAT03`` are refused there.
"""

from __future__ import annotations

import re

from hedensted.core.periods import parse_period

_MONTH = re.compile(r"^(\d{4})M(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})[QK]0?([1-4])$")
_QMAT = re.compile(r"^(\d{4})QMAT0?([1-4])$")
_MMAT = re.compile(r"^(\d{4})MMAT(\d{2})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_YEAR = re.compile(r"^(\d{4})Y?$")


def _month(year: int, month: int) -> str:
    if not 1 <= month <= 12:
        raise ValueError(f"måneden {month} findes ikke.")
    return f"{year}-{month:02d}"


HALF_YEARS = "halvår/halvår"


def _half_years(year: int, quarter: int, code: str) -> str:
    if quarter == 2:
        return f"{year - 1}-H2/{year}-H1"
    if quarter == 4:
        return f"{year}-H1/{year}-H2"
    raise ValueError(
        f"»{code}« ender midt i et halvår; datasættet har halvårlige perioder "
        "(QMAT02 eller QMAT04)."
    )


def catalog_period(code: str, shape: str | None = None) -> str:
    """The catalog's code for a Jobindsats (or catalog) period code.

    ``shape`` is the dataset's period shape (:func:`period_shape`); for a
    half-yearly dataset a ``QMAT`` code becomes two half years. Raises
    ``ValueError`` (Danish) for a code that cannot be mapped.
    """
    text = code.strip().upper().replace(" ", "")
    try:
        if shape == HALF_YEARS and (m := _QMAT.match(text)):
            return _half_years(int(m[1]), int(m[2]), code.strip())
        if m := _MONTH.match(text):
            return _month(int(m[1]), int(m[2]))
        if m := _QUARTER.match(text):
            return f"{m[1]}-Q{m[2]}"
        if m := _QMAT.match(text):
            year, quarter = int(m[1]), int(m[2])
            start = f"{year - 1}-Q{quarter + 1}" if quarter < 4 else f"{year}-Q1"
            return f"{start}/{year}-Q{quarter}"
        if m := _MMAT.match(text):
            year, month = int(m[1]), int(m[2])
            end = _month(year, month)
            start = _month(year - 1, month + 1) if month < 12 else _month(year, 1)
            return f"{start}/{end}"
        if m := _HALF.match(text):
            return f"{m[1]}-H{m[2]}"
        if m := _YEAR.match(text):
            return m[1]
    except ValueError as exc:
        raise ValueError(f"Periodekoden »{code}« kan ikke læses: {exc}") from exc
    try:
        return parse_period(code.strip()).code
    except ValueError:
        raise ValueError(
            f"Periodekoden »{code}« kan ikke oversættes til katalogets perioder. Kendte koder: "
            "2024M03 (måned), 2024Q1 eller 2024Q01 (kvartal), "
            "2023QMAT02 (løbende år af kvartaler), "
            "2023MMAT11 (løbende år af måneder), 2023H2, 2023 – eller katalogets egne "
            "(2024-03, 2024-01/2024-11)."
        ) from None


def period_shape(code: str) -> str:
    """The kind of a catalog period (``måned``, ``kvartal``, ``måned/måned`` …).

    Two codes with the same shape cover the same kind of span, so a new period
    of a dataset must have the shape of the periods it already has.
    """

    def single(part: str) -> str:
        if re.fullmatch(r"\d{4}", part):
            return "år"
        if re.fullmatch(r"\d{4}-\d{2}", part):
            return "måned"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", part):
            return "dag"
        if re.fullmatch(r"\d{4}-Q[1-4]", part):
            return "kvartal"
        return "halvår"

    parse_period(code)
    return "/".join(single(part) for part in code.split("/"))
