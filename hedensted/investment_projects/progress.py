"""Progress towards a target: a linear path from a baseline through milestones.

Status thresholds (documented for the committee):

- **på sporet** — the value is at the target path or better;
- **bagud** — worse than the path by at most ``BEHIND_TOLERANCE`` (10 %) of the
  path's value for that month;
- **langt bagud** — worse by more than that.

"Better" depends on the indicator: for "lavere er bedre" (fewer on benefits,
shorter duration) a value below the path is better; for "højere er bedre"
(share in job) a value above it is.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

BEHIND_TOLERANCE = 0.10


class Direction(StrEnum):
    LOWER_IS_BETTER = "lavere er bedre"
    HIGHER_IS_BETTER = "højere er bedre"


class Status(StrEnum):
    ON_TRACK = "på sporet"
    BEHIND = "bagud"
    FAR_BEHIND = "langt bagud"
    NO_DATA = "ingen tal endnu"


@dataclass(frozen=True)
class Milestone:
    day: date
    value: float


def _checked_points(baseline: Milestone, milestones: list[Milestone]) -> list[Milestone]:
    points = [baseline, *sorted(milestones, key=lambda m: m.day)]
    for earlier, later in itertools.pairwise(points):
        if later.day <= earlier.day:
            raise ValueError(
                f"Delmålet {later.day:%Y-%m-%d} ligger ikke efter {earlier.day:%Y-%m-%d}."
            )
    return points


def target_at(baseline: Milestone, milestones: list[Milestone], day: date) -> float:
    """Value of the target path on ``day``: linear between baseline and milestones.

    After the last milestone the path stays at its value. Raises ``ValueError``
    for a day before the baseline or milestones not after the baseline.
    """
    points = _checked_points(baseline, milestones)
    if day < baseline.day:
        raise ValueError(f"Datoen {day:%Y-%m-%d} ligger før baseline ({baseline.day:%Y-%m-%d}).")
    for start, end in itertools.pairwise(points):
        if day <= end.day:
            span = (end.day - start.day).days
            fraction = (day - start.day).days / span
            return start.value + fraction * (end.value - start.value)
    return points[-1].value


def shortfall(actual: float, target: float, direction: Direction) -> float:
    """How much worse than the target the actual value is (0 if at or better)."""
    gap = actual - target if direction is Direction.LOWER_IS_BETTER else target - actual
    return max(gap, 0.0)


def progress_status(
    actual: float | None, target: float, direction: Direction, tolerance: float = BEHIND_TOLERANCE
) -> Status:
    """Classify an actual value against the target path's value for the same month."""
    if actual is None or actual != actual:  # None or NaN
        return Status.NO_DATA
    if tolerance < 0:
        raise ValueError("Tolerancen kan ikke være negativ.")
    missing_by = shortfall(actual, target, direction)
    if missing_by == 0:
        return Status.ON_TRACK
    scale = abs(target) if target else 1.0
    return Status.BEHIND if missing_by <= tolerance * scale else Status.FAR_BEHIND
