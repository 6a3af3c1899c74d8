"""Units in column headings: ``Andel`` → ``Andel (%)``, ``Antal`` → ``Antal (virksomheder)``.

One mapping from a dataset's short unit (its metadata) to the unit a heading names,
used by every Excel export. A heading that already names a unit (``Hedensted (pct.)``,
``Antal forløb``, ``Pct. af arbejdsstyrken``) is kept as it is; a column whose unit
is not the dataset's (an age in years, a rank) gets its own or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from hedensted.core.metadata import DatasetMetadata

# A dataset's short unit → the unit its numeric columns carry in a heading. Short units
# that name no single unit ("blandet", "mål", "tekst", "(se enhed)" …: the table has a
# unit column of its own) are not in it.
HEADING_UNITS: dict[str, str] = {
    "%": "%",
    "kr.": "kr.",
    "uger": "uger",
    "personer": "personer",
    "fuldtidspers.": "fuldtidspersoner",
    "fuldtidsbeskæftigede": "fuldtidsbeskæftigede",
    "virksomheder": "virksomheder",
    "borgere": "borgere",
    "tilbud": "tilbud",
    "forløb": "forløb",
    "indsatser": "indsatser",
}
# Counted in something unnamed: gives way to another dataset's unit in the same table.
GENERIC_UNITS = {"antal"}
# Columns whose unit is their own, whatever the dataset measures (first word, lower case).
OWN_UNITS: dict[str, str] = {"alder": "år"}
NO_UNIT_WORDS = ("nr.", "placering", "rang", "år", "position")
_NAMES_A_UNIT = re.compile(
    r"\(|%|\bpct\b|\bkr\b|\buger\b|\bår\b|\bantal\s+\w+|"
    + "|".join(rf"\b{re.escape(unit)}\b" for unit in HEADING_UNITS.values() if unit[0].isalpha()),
    re.IGNORECASE,
)


def heading_unit(metadata: Iterable[DatasetMetadata]) -> str:
    """The one unit of the datasets behind a table (``""``: none, or they differ).

    A dataset counted in a generic unit (``antal``) takes the others' unit.
    """
    units = {
        HEADING_UNITS.get(meta.short_unit, "")
        for meta in metadata
        if meta.short_unit not in GENERIC_UNITS
    }
    return units.pop() if len(units) == 1 else ""


def names_a_unit(heading: str) -> bool:
    """Whether ``heading`` already says its unit (``Hedensted (pct.)``, ``Antal forløb``)."""
    return bool(_NAMES_A_UNIT.search(heading))


def with_unit(heading: str, unit: str) -> str:
    """``heading`` with its unit: the column's own (``Alder fra (år)``), else ``unit``;
    unchanged when it names one already, is a rank, or there is no unit to give."""
    words = heading.strip().lower().split()
    if not words or names_a_unit(heading) or words[0] in NO_UNIT_WORDS:
        return heading
    own = OWN_UNITS.get(words[0], unit)
    return f"{heading} ({own})" if own else heading


def unit_headings(headings: Sequence[str], numeric: Sequence[bool], unit: str) -> list[str]:
    """Every numeric column's heading with its unit (:func:`with_unit`); text columns as
    they are. A heading that would then repeat another's is left as it was."""
    if len(headings) != len(numeric):
        raise ValueError("Der skal være lige mange overskrifter og kolonnetyper.")
    named = [with_unit(h, unit) if n else h for h, n in zip(headings, numeric, strict=True)]
    return [
        new if named.count(new) == 1 and new not in set(headings) - {old} else old
        for old, new in zip(headings, named, strict=True)
    ]
