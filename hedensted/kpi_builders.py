"""Builders for the two common shapes of a KPI tile (:class:`hedensted.kpis.Kpi`).

The topic pages' KPI functions compute the value and the sentence; these fill
in the rest of the tile the same way everywhere.
"""

from __future__ import annotations

from hedensted.formatting import format_points
from hedensted.kpis import Kpi


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
        delta_text=None if delta is None else f"{format_points(delta)} vs. {reference_area}",
        lower_is_better=lower_is_better,
        period_label=period_label,
        dataset_ids=dataset_ids,
        sentence=sentence,
        notes=notes,
    )
