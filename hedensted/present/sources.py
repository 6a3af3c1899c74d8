"""Short source lines for slides: "Kilde: Jobindsats.dk, dec. 2023 · Temadrøftelse 5. marts 2024".

The full reference (document, table, date) stays one click away and on »Om data«;
a slide carries only who published the figures, for when, and in which meeting paper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hedensted.core.metadata import DatasetMetadata
from hedensted.core.periods import parse_period, period_label
from hedensted.core.quality import TotalDifference
from hedensted.present.formatting import format_compact

_COMMITTEE = re.compile(r"\s*[Uu]dvalget for Beskæftigelse\s*")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÆØÅ])")
_MEETING = re.compile(r"^Udvalget for Beskæftigelse\s*[,–-]\s*møde\s+", re.IGNORECASE)


def short_document(document: str) -> str:
    """The meeting paper's name without the committee's (which every paper shares).

    >>> short_document("Temadrøftelse udvalget for Beskæftigelse 5. marts 2024")
    'Temadrøftelse 5. marts 2024'
    >>> short_document("Udvalget for Beskæftigelse, møde 30. november 2020")
    'Udvalgsmøde 30. november 2020'
    """
    if not document.strip():
        raise ValueError("Kildedokumentet mangler et navn.")
    meeting = _MEETING.match(document)
    if meeting:
        return "Udvalgsmøde " + document[meeting.end() :].strip()
    # The title is the first sentence ("5. marts" is a date, not a sentence's end).
    first = _SENTENCE_END.split(document)[0].strip().rstrip(".")
    return _COMMITTEE.sub(" ", first).strip()


def _span(metadata: Sequence[DatasetMetadata]) -> str:
    """One publisher's periods as one label: its own label when all agree, else the
    span from the earliest start to the latest end (``2024 – jan. 2026``)."""
    labels = list(dict.fromkeys(m.period_label for m in metadata))
    if len(labels) == 1:
        return labels[0]
    parts = [part for m in metadata for code in m.periods for part in code.split("/")]
    first = min(parts, key=lambda code: parse_period(code).start)
    last = max(parts, key=lambda code: parse_period(code).end)
    return period_label(first if first == last else f"{first}/{last}")


def short_source_line(metadata: Sequence[DatasetMetadata]) -> str:
    """One short line for the datasets behind a figure; each publisher and paper once,
    a publisher's several periods as one span."""
    if not metadata:
        raise ValueError("En kildelinje kræver mindst ét datasæt.")
    by_producer: dict[str, list[DatasetMetadata]] = {}
    for item in metadata:
        by_producer.setdefault(item.producer, []).append(item)
    published = [f"{producer}, {_span(items)}" for producer, items in by_producer.items()]
    papers = dict.fromkeys(short_document(m.source_document) for m in metadata)
    return "Kilde: " + "; ".join(published) + " · " + "; ".join(papers)


def reconciliation_footnote(differences: Sequence[TotalDifference]) -> str:
    """One short footnote for a figure whose published totals differ from their parts.

    One difference is named with both numbers ("Kilden oplyser 141 i alt; delene summer
    til 140."); several are summed up by their range, and »Om data« has every one.
    """
    differing = [item for item in differences if item.differs]
    if not differing:
        raise ValueError("Der er ingen forskel mellem total og dele at skrive en note om.")
    if len(differing) == 1:
        item = differing[0]
        return (
            f"Kilden oplyser {format_compact(item.published_total)} som »{item.total_label}«; "
            f"delene summer til {format_compact(item.sum_of_parts)}. Begge tal er vist som "
            "offentliggjort."
        )
    gaps = sorted(abs(item.difference) for item in differing)
    spread = format_compact(gaps[0])
    if gaps[-1] != gaps[0]:
        spread = f"{spread}–{format_compact(gaps[-1])}"
    explanations = sorted({item.explanation for item in differing if item.explanation})
    why = f" {explanations[0]}" if len(explanations) == 1 else ""
    return (
        f"Kilden oplyser {len(differing)} totaler, der afviger {spread} fra summen af delene."
        f"{why} Hele afstemningen står på siden »Om data«."
    )
