"""The one judge of a goal: a verdict only on evidence that matches the goal.

Every page that shows whether a goal was reached (Mål, Målstatus on the theme
pages, Code of Care, Unge, Benchmark) takes the verdict from :func:`judge`,
through the goal register (:mod:`hedensted.goals.register`).

Rule (documented for the committee on the Mål page):

- The **evidence** is one figure per goal, written in the register (or computed
  from another dataset by a named derivation): its value, its period, the
  document and table it comes from, and why it matches the goal – the same
  measure and population – or why it does not.
- **opfyldt / delvist / ikke opfyldt** only when the evidence matches and its
  period ends at or after the deadline (for a goal without a deadline: it is
  from after the goal was set). *delvist* is a miss of at most
  ``PARTLY_TOLERANCE`` (10 %) of the target – the margin of "bagud" on the
  investment projects' traffic light; a rank goal is met or not, never delvist.
- **undervejs** when matching evidence is from before the deadline: shown as
  progress ("Undervejs: 12 af 55, 2019"), never as a verdict.
- **kan ikke vurderes** otherwise: no figure in the documents, a qualitative
  goal, a figure of another measure, population or period (shown as context),
  a figure without a date, from before the goal was set, or a change goal
  without a starting value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hedensted.core.periods import parse_period, period_label
from hedensted.investment_projects.progress import BEHIND_TOLERANCE, Direction, shortfall
from hedensted.present.formatting import format_compact

PARTLY_TOLERANCE = BEHIND_TOLERANCE
QUALITATIVE = "kvalitativ"
# Qualifiers of approximate figures (data/README.md) and how they bound the value.
BELOW = frozenset({"næsten"})  # the true value is a little below the number
AT_MOST = frozenset({"højst"})  # the true value is at most the number
AT_LEAST = frozenset({"mindst"})  # the true value is at least the number
ABOUT = frozenset({"ca."})  # the true value is near the number
# "næsten 70" / "ca. 70" is read as within 10 % of 70: a goal counts as passed by an
# approximate figure only if it is passed with that margin.
APPROXIMATE_MARGIN = 0.10


class GoalStatus(StrEnum):
    MET = "opfyldt"
    PARTLY = "delvist"
    NOT_MET = "ikke opfyldt"
    UNDERWAY = "undervejs"
    NOT_ASSESSABLE = "kan ikke vurderes"


STATUS_ORDER = (
    GoalStatus.MET,
    GoalStatus.PARTLY,
    GoalStatus.NOT_MET,
    GoalStatus.UNDERWAY,
    GoalStatus.NOT_ASSESSABLE,
)
VERDICTS = (GoalStatus.MET, GoalStatus.PARTLY, GoalStatus.NOT_MET)


class TargetKind(StrEnum):
    LEVEL = "niveau"  # reach a level (mindst/højst follows the direction)
    REDUCTION = "reduktion"  # fall by the target (in % or points) from a starting value
    INCREASE = "stigning"  # rise by the target from a starting value
    RANK = "placering"  # a place in a ranking, 1 = best
    QUALITATIVE = QUALITATIVE  # no number


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def direction_of(text: str) -> Direction:
    try:
        return Direction(text)
    except ValueError as exc:
        raise ValueError(
            f"Ukendt retning »{text}«; brug »højere er bedre« eller »lavere er bedre«."
        ) from exc


def kind_of(text: str) -> TargetKind:
    try:
        return TargetKind(text)
    except ValueError as exc:
        allowed = ", ".join(f"»{k.value}«" for k in TargetKind)
        raise ValueError(f"Ukendt type af mål »{text}«; brug {allowed}.") from exc


def achieved_change(
    kind: TargetKind | str, baseline: float, actual: float, points: bool = False
) -> float:
    """The change from ``baseline`` to ``actual`` in the goal's own terms.

    A reduction goal counts a fall as positive, an increase goal a rise. With
    ``points`` the change is in (percentage) points, otherwise in percent of the
    starting value. Raises ``ValueError`` for a starting value of 0 in percent.
    """
    kind = kind_of(str(kind))
    if kind not in (TargetKind.REDUCTION, TargetKind.INCREASE):
        raise ValueError(f"En ændring beregnes kun for reduktion og stigning, ikke »{kind}«.")
    change = actual - baseline
    if not points:
        if baseline == 0:
            raise ValueError("Startværdien er 0, så en ændring i procent kan ikke beregnes.")
        change = change / abs(baseline) * 100
    return -change if kind is TargetKind.REDUCTION else change


def goal_status(
    kind: TargetKind | str,
    target: float | None,
    direction: Direction | str,
    actual: float | None,
    baseline: float | None = None,
    points: bool = False,
    tolerance: float = PARTLY_TOLERANCE,
) -> GoalStatus:
    """opfyldt / delvist / ikke opfyldt for a figure that may be compared with the goal.

    This is only the comparison of numbers; :func:`judge` decides whether the
    figure may be compared at all. Returns *kan ikke vurderes* for a qualitative
    goal, a missing figure or a change goal without a starting value. ``points``
    says a change goal's target is in points (procentpoint) rather than percent.
    Raises ``ValueError`` (Danish) for an unknown kind or direction, a numeric
    goal without a target, or a negative tolerance.
    """
    kind = kind_of(str(kind))
    if tolerance < 0:
        raise ValueError("Tolerancen kan ikke være negativ.")
    if kind is TargetKind.QUALITATIVE:
        return GoalStatus.NOT_ASSESSABLE
    if _missing(target):
        raise ValueError(f"Et mål af typen »{kind}« skal have et måltal.")
    assert target is not None
    if _missing(actual):
        return GoalStatus.NOT_ASSESSABLE
    assert actual is not None
    if kind is TargetKind.RANK:
        if target < 1 or actual < 1:
            raise ValueError("En placering er 1 eller derover.")
        return GoalStatus.MET if actual <= target else GoalStatus.NOT_MET
    if kind in (TargetKind.REDUCTION, TargetKind.INCREASE):
        if _missing(baseline):
            return GoalStatus.NOT_ASSESSABLE
        assert baseline is not None
        actual = achieved_change(kind, baseline, actual, points)
        direction = Direction.HIGHER_IS_BETTER
    missing_by = shortfall(actual, target, direction_of(str(direction)))
    if missing_by == 0:
        return GoalStatus.MET
    if missing_by <= tolerance * abs(target):
        return GoalStatus.PARTLY
    return GoalStatus.NOT_MET


def approximate_passes(value: float, qualifier: str, target: float) -> bool | None:
    """Whether an approximate figure is at or above ``target``; ``None`` if it leaves it open.

    ``næsten 44`` is below 44; ``højst 44`` may be 44; ``næsten 60`` passes 44 even
    10 % below. Raises ``ValueError`` for an unknown qualifier.
    """
    if not qualifier:
        return value >= target
    if qualifier in AT_LEAST:
        return True if value >= target else None
    if qualifier in BELOW or qualifier in AT_MOST:
        if value < target or (qualifier in BELOW and value <= target):
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    if qualifier in ABOUT:
        if value * (1 + APPROXIMATE_MARGIN) < target:
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    raise ValueError(f"Ukendt tilnærmelse »{qualifier}« ved tallet {format_compact(value)}.")


@dataclass(frozen=True)
class Evidence:
    """The figure a goal is held against, where it is from, and whether it matches.

    ``matches`` says the figure measures what the goal measures, for the same
    population (an editorial reading of the documents, written in the
    register); ``reason`` says why it matches, or why it does not.
    """

    value: float
    period: str  # a period code; "" when the source gives no date
    dataset_id: str
    document: str  # the document's short name
    table: str  # the table or section of the document the figure is in
    matches: bool
    reason: str
    text: str = ""  # how to show the value, when the unit alone does not say it
    note: str = ""  # the source's own words about the figure
    qualifier: str = ""  # "næsten", "ca.", "mindst", "højst" for an approximate figure

    @property
    def end(self) -> date | None:
        return parse_period(self.period).end if self.period else None

    @property
    def when(self) -> str:
        """``jan. 2024``; ``uden dato`` when the source gives none."""
        return period_label(self.period) if self.period else "uden dato"

    def shown(self, unit: str) -> str:
        """The figure as text: its own wording, else the number and the unit."""
        if self.text:
            return self.text
        number = f"{self.qualifier} {format_compact(self.value)}".strip()
        return f"{number}\N{NO-BREAK SPACE}{unit}" if unit else number


@dataclass(frozen=True)
class Goal:
    """What the judge needs to know about a goal."""

    kind: TargetKind
    target: float | None
    direction: str
    unit: str = ""
    deadline: date | None = None  # the last day of the deadline's period
    set_on: date | None = None  # when the goal was set (its document's date)
    baseline: float | None = None
    points: bool = False  # a change goal's target is in percentage points


@dataclass(frozen=True)
class Verdict:
    """The judge's answer: a status, a short label and why."""

    status: GoalStatus
    label: str  # "Ikke opfyldt (jan. 2024)", "Undervejs: 12 af 55, 2019", "Kan ikke vurderes"
    reason: str

    @property
    def is_verdict(self) -> bool:
        """Whether the goal was judged (opfyldt, delvist or ikke opfyldt)."""
        return self.status in VERDICTS


def progress_text(goal: Goal, evidence: Evidence) -> str:
    """``12 af 55`` for a count towards a higher target; otherwise figure and target."""
    figure = evidence.shown(goal.unit)
    if (
        goal.kind is TargetKind.LEVEL
        and goal.direction == Direction.HIGHER_IS_BETTER.value
        and goal.target is not None
    ):
        figure = f"{evidence.qualifier} {format_compact(evidence.value)}".strip()
        return f"{figure} af {format_compact(goal.target)}"
    target = format_compact(goal.target) if goal.target is not None else ""
    return f"{figure} (mål {target})" if target else figure


def judge(goal: Goal, evidence: Evidence | None) -> Verdict:
    """The verdict on one goal from its evidence (see the module's rule).

    Raises ``ValueError`` (Danish) for a numeric goal without a target, or an
    unknown kind or direction.
    """
    not_assessable = GoalStatus.NOT_ASSESSABLE
    label = "Kan ikke vurderes"
    if goal.kind is TargetKind.QUALITATIVE:
        reason = "Målet er kvalitativt: det har intet tal at holde et senere tal op imod."
        if evidence is not None:
            reason += f" {evidence.reason}"
        return Verdict(not_assessable, label, reason)
    if _missing(goal.target):
        raise ValueError(f"Et mål af typen »{goal.kind}« skal have et måltal.")
    if evidence is None:
        return Verdict(not_assessable, label, "Dokumenterne har intet senere tal for målet.")
    if not evidence.matches:
        return Verdict(not_assessable, label, f"Tallet passer ikke til målet: {evidence.reason}")
    measured = evidence.end
    if measured is None:
        return Verdict(
            not_assessable,
            label,
            "Tallet har ingen dato i kilden, så det kan ikke holdes op mod målets frist.",
        )
    if goal.set_on is not None and measured < goal.set_on:
        return Verdict(
            not_assessable,
            label,
            f"Tallet er fra {evidence.when}, før målet blev sat – det siger intet om, "
            "hvorvidt målet blev nået.",
        )
    if goal.deadline is not None and measured < goal.deadline:
        return Verdict(
            GoalStatus.UNDERWAY,
            f"Undervejs: {progress_text(goal, evidence)}, {evidence.when}",
            f"Tallet er fra {evidence.when}, før fristen: det viser, hvor langt man var "
            "nået, men er ikke en vurdering af målet.",
        )
    status = goal_status(
        goal.kind, goal.target, goal.direction, evidence.value, goal.baseline, goal.points
    )
    if evidence.qualifier and goal.kind is TargetKind.LEVEL and goal.target is not None:
        if goal.direction != Direction.HIGHER_IS_BETTER.value:
            return Verdict(not_assessable, label, "Tallet er tilnærmet; det kan ikke afgøre målet.")
        passes = approximate_passes(evidence.value, evidence.qualifier, goal.target)
        if passes is None:
            return Verdict(
                not_assessable,
                label,
                f"Tallet er tilnærmet ({evidence.shown(goal.unit)}) og for tæt på målet til at "
                "afgøre det.",
            )
        if passes:
            status = GoalStatus.MET
        elif status is GoalStatus.MET:  # "næsten 44" is a little below 44
            status = GoalStatus.PARTLY
    if status is not_assessable:
        return Verdict(
            not_assessable, label, "Målet er en ændring, og kilderne har intet udgangspunkt."
        )
    after = (
        "fra fristen eller senere" if goal.deadline is not None else "ikke fra før målet blev sat"
    )
    return Verdict(
        status,
        f"{status.value.capitalize()} ({evidence.when})",
        f"Tallet passer til målet og er fra {evidence.when} – {after}. {evidence.reason}",
    )
