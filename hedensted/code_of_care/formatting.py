"""Danish texts for the Code of Care page.

Counts with their qualifier (``næsten 70``), ratios (``2,3 gange``), months,
documents with their date, and goal targets in words.
"""

from __future__ import annotations

import math

from babel.dates import format_date

from hedensted.core.periods import parse_period, period_label
from hedensted.present.formatting import LOCALE, format_number


def format_count(value: float, qualifier: str = "") -> str:
    """A count with its qualifier: ``(70, "næsten")`` → ``næsten 70``, ``(41, "")`` → ``41``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError("Antallet mangler.")
    number = format_number(value, 0)
    return f"{qualifier} {number}" if qualifier else number


def format_times(value: float) -> str:
    """A ratio the Danish way: ``2.27`` → ``2,3 gange``."""
    return f"{format_number(value, 1)} gange"


def month_text(code: str) -> str:
    """A period in words for sentences: ``2019-06`` → ``juni 2019``, ``2015`` → ``2015``."""
    period = parse_period(code)
    if "/" not in code and len(code) == 7 and code[4] == "-" and code[5:].isdigit():
        return format_date(period.start, "MMMM y", locale=LOCALE)
    return period_label(code)


def document_with_date(document: str, document_date: str) -> str:
    """``Beskæftigelsesplan 2017 (vedtaget i 2016 …)``; a date the title has is not repeated."""
    return document if document_date in document else f"{document} ({document_date})"
