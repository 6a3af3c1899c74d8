"""A KPI tile: a value, its comparison and its source, computed before it is shown.

Every sentence and number a tile shows is computed in ``hedensted``, so the pages
only display what they get. The headline figures are built in
:mod:`hedensted.front_page.kpis`, the themes' own in their packages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from hedensted.present.formatting import (
    format_points,
)

# A tile says when its figures are from when they are this much older than the row's.
STALE_MONTHS = 6
# Danish for "compared with" in a tile's difference: "+4,0 pct.-point mod RAR Østjylland".
VERSUS = "mod"


@dataclass(frozen=True)
class Kpi:
    """One headline figure, ready to show."""

    label: str
    value: float
    value_text: str
    reference_area: str | None
    reference_value: float | None
    delta: float | None
    delta_text: str | None
    lower_is_better: bool
    period_label: str
    dataset_ids: tuple[str, ...]
    sentence: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def key_figure_text(self) -> str:
        """The tile as one line for the exports: »Udgifter pr. person: 2.674 kr. (−667 kr.).
        Hedensted bruger …«; the value is not said twice when the sentence opens with it."""
        delta = f" ({self.delta_text})" if self.delta_text else ""
        if self.sentence.startswith(self.value_text) and not delta:
            return f"{self.label}: {self.sentence}"
        return f"{self.label}: {self.value_text}{delta}. {self.sentence}"

    def with_short_delta(self) -> Kpi:
        """The tile without "mod <reference>" in its delta, for narrow tiles on pages
        that name the reference once above the tiles."""
        if self.delta_text is None or self.reference_area is None:
            return self
        return replace(
            self, delta_text=self.delta_text.removesuffix(f" {VERSUS} {self.reference_area}")
        )


def kpi_without_reference(
    *,
    label: str,
    value: float,
    value_text: str,
    period_label: str,
    dataset_ids: tuple[str, ...],
    sentence: str,
    lower_is_better: bool = False,
    notes: tuple[str, ...] = (),
) -> Kpi:
    """A tile with no area to compare against (no reference value, no delta)."""
    return Kpi(
        label=label,
        value=value,
        value_text=value_text,
        reference_area=None,
        reference_value=None,
        delta=None,
        delta_text=None,
        lower_is_better=lower_is_better,
        period_label=period_label,
        dataset_ids=dataset_ids,
        sentence=sentence,
        notes=notes,
    )


def kpi_against_reference(
    *,
    label: str,
    value: float,
    value_text: str,
    reference_area: str,
    reference_value: float | None,
    lower_is_better: bool,
    period_label: str,
    dataset_ids: tuple[str, ...],
    sentence: str,
    notes: tuple[str, ...] = (),
) -> Kpi:
    """A tile of a share compared with ``reference_area``: the delta in percentage points.

    ``reference_value=None`` (the source has no figure for the reference) gives
    a tile without a delta; say why in ``notes``.
    """
    delta = None if reference_value is None else round(value - reference_value, 6)
    return Kpi(
        label=label,
        value=value,
        value_text=value_text,
        reference_area=reference_area,
        reference_value=reference_value,
        delta=delta,
        delta_text=None if delta is None else f"{format_points(delta)} {VERSUS} {reference_area}",
        lower_is_better=lower_is_better,
        period_label=period_label,
        dataset_ids=dataset_ids,
        sentence=sentence,
        notes=notes,
    )


def _value(frame: pd.DataFrame, **filters: str) -> float:
    mask = pd.Series(True, index=frame.index)
    for column, wanted in filters.items():
        mask &= frame[column] == wanted
    rows = frame.loc[mask, "value"]
    if rows.empty:
        raise ValueError(f"Ingen værdi for {filters}.")
    return float(rows.iloc[0])


def _has(frame: pd.DataFrame, column: str, wanted: str) -> bool:
    return wanted in set(frame[column])


def comparison_word(delta: float, lower: str, higher: str) -> str:
    return lower if delta < 0 else higher if delta > 0 else "det samme som"


def periods_to_show(ends: Sequence[date | None], months: int = STALE_MONTHS) -> list[bool]:
    """Which tiles in a row say their period: those whose figures end at least
    ``months`` months before the row's newest (19,3 % from March 2019 beside figures
    from 2024; not December 2023 beside January 2024). A tile without data (None)
    says none."""
    known = [end for end in ends if end is not None]
    if not known:
        return [False] * len(ends)
    newest = max(known)

    def gap(end: date) -> int:
        return (newest.year - end.year) * 12 + newest.month - end.month

    return [end is not None and gap(end) >= months for end in ends]
