"""Holding a goal against the later figures: reached, not reached, or not assessable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from hedensted.code_of_care.formatting import format_count, month_text
from hedensted.core.periods import parse_period
from hedensted.present.formatting import format_long_date, format_number

# Qualifiers of approximate figures (data/README.md) and how they bound the value.
BELOW = frozenset({"næsten"})  # the true value is a little below the number
AT_MOST = frozenset({"højst"})  # the true value is at most the number
AT_LEAST = frozenset({"mindst"})  # the true value is at least the number
ABOUT = frozenset({"ca."})  # the true value is near the number
# "næsten 70" / "ca. 70" is read as within 10 % of 70: a goal counts as passed by
# an approximate figure only if it is passed with that margin.
APPROXIMATE_MARGIN = 0.10


class GoalStatus(StrEnum):
    REACHED = "nået"
    NOT_REACHED = "ikke nået"
    PASSED_LATER = "over målet, men efter fristen"
    NOT_ASSESSABLE = "kan ikke vurderes"


@dataclass(frozen=True)
class Observation:
    """A later figure for a goal: its value (with qualifier), when, and from where."""

    value: float
    qualifier: str
    period: str
    document: str

    @property
    def end(self) -> date:
        return parse_period(self.period).end

    @property
    def text(self) -> str:
        return f"{format_count(self.value, self.qualifier)} ({month_text(self.period)})"


@dataclass(frozen=True)
class GoalCheck:
    """One later figure held against the goal."""

    observation: Observation
    status: GoalStatus
    sentence: str


@dataclass(frozen=True)
class GoalAssessment:
    """A goal with its deadline and what the later figures say about it."""

    goal: str
    target_value: float
    target_unit: str
    deadline: str
    deadline_text: str
    status_text: str  # short verdict for the table, e.g. "Ikke nået pr. juni 2019"
    explanation: str  # what can and cannot be concluded
    later_figures: str
    checks: tuple[GoalCheck, ...] = field(default_factory=tuple)
    source_item: str = ""
    comparator: str = ""  # "stigning", "reduktion", "mindst", "højst" or "" (a level)


def _passes(observation: Observation, target: float) -> bool | None:
    """Whether a figure is at or above the target; ``None`` if its qualifier leaves it open."""
    value, qualifier = observation.value, observation.qualifier
    if not qualifier:
        return value >= target
    if qualifier in AT_LEAST:
        return True if value >= target else None
    if qualifier in BELOW or qualifier in AT_MOST:
        # "næsten 44" is below 44; "højst 44" may be 44.
        if value < target or (qualifier in BELOW and value <= target):
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    if qualifier in ABOUT:
        if value * (1 + APPROXIMATE_MARGIN) < target:
            return False
        return True if value * (1 - APPROXIMATE_MARGIN) >= target else None
    raise ValueError(f"Ukendt tilnærmelse »{qualifier}« ved tallet {format_number(value)}.")


def deadline_date(deadline: str) -> date:
    """A goal's deadline as a date: ``2019-12-31`` → that day, ``2020`` → 31 December 2020."""
    if not deadline:
        raise ValueError("Målet har ingen frist.")
    return parse_period(deadline).end


def describe_deadline(deadline: str) -> str:
    """A deadline for the page: ``2019-12-31`` → ``31. december 2019``; other text as written."""
    if not deadline:
        return "ingen frist i kilden"
    try:
        return format_long_date(deadline_date(deadline))
    except ValueError:
        return deadline  # e.g. "evalueres maj og november hvert år"


def check_level_goal(target: float, deadline: str, observation: Observation) -> GoalCheck:
    """Hold one later figure against a goal of reaching ``target`` by ``deadline``."""
    due = deadline_date(deadline)
    passes = _passes(observation, target)
    when = month_text(observation.period)
    figure = format_count(observation.value, observation.qualifier)
    goal = format_number(target)
    if passes is None:
        return GoalCheck(
            observation,
            GoalStatus.NOT_ASSESSABLE,
            f"{when}: {figure} – tilnærmet tal, for tæt på målet ({goal}) til at afgøre.",
        )
    if observation.end <= due:
        if passes:
            return GoalCheck(observation, GoalStatus.REACHED, f"Nået pr. {when}: {figure}.")
        missing = target - observation.value
        shortfall = f" ({format_number(missing)} mangler)" if not observation.qualifier else ""
        return GoalCheck(
            observation,
            GoalStatus.NOT_REACHED,
            f"Ikke nået pr. {when}: {figure} af {goal}{shortfall}.",
        )
    if passes:
        return GoalCheck(
            observation,
            GoalStatus.PASSED_LATER,
            f"{when[:1].upper()}{when[1:]}: {figure} – over målet på {goal}, "
            f"men efter fristen {format_long_date(due)}.",
        )
    return GoalCheck(
        observation,
        GoalStatus.NOT_REACHED,
        f"{when[:1].upper()}{when[1:]}: {figure} – stadig under målet på {goal}.",
    )


def assess_level_goal(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    observations: Sequence[Observation],
    source_item: str = "",
) -> GoalAssessment:
    """A goal of reaching a level (e.g. 44 companies in the network by the end of 2019).

    Every later figure is checked; the verdict says whether the goal was reached by
    its deadline, and what cannot be concluded (no figure at the deadline, an
    approximate figure, a figure from long after the deadline).
    """
    due = deadline_date(deadline)
    ordered = sorted(observations, key=_end)
    checks = tuple(check_level_goal(target, deadline, o) for o in ordered)
    later = "; ".join(o.text for o in ordered) or "ingen"
    if not checks:
        return not_assessable(
            goal,
            target,
            target_unit,
            deadline,
            "Kilderne har intet senere tal.",
            later,
            source_item,
        )
    before = [c for c in checks if c.observation.end <= due]
    after = [c for c in checks if c.observation.end > due]
    at_deadline = any(
        parse_period(c.observation.period).start <= due <= c.observation.end for c in checks
    )
    reached = [c for c in before if c.status is GoalStatus.REACHED]
    explanation = [c.sentence for c in checks]
    if reached:
        status = f"Nået pr. {month_text(reached[0].observation.period)}"
    elif before:
        status = f"Ikke nået pr. {month_text(before[-1].observation.period)}"
    else:
        status = "Intet tal før fristen"
    if not reached and not at_deadline:
        explanation.append(
            f"Kilderne har intet tal ved fristen {format_long_date(due)}, så det kan ikke "
            "afgøres, om målet blev nået til tiden."
        )
    if not reached and after and after[0].status is GoalStatus.PASSED_LATER:
        status += f"; over målet i {month_text(after[0].observation.period)}"
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=format_long_date(due),
        status_text=status,
        explanation=" ".join(explanation),
        later_figures=later,
        checks=checks,
        source_item=source_item,
    )


def _end(observation: Observation) -> date:
    return observation.end


def not_assessable(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    reason: str,
    later: str,
    source_item: str = "",
) -> GoalAssessment:
    """A goal the sources give no figure to judge; ``reason`` says what is missing."""
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=describe_deadline(deadline),
        status_text="Kan ikke vurderes",
        explanation=reason,
        later_figures=later,
        source_item=source_item,
    )


def _covering(observations: Sequence[Observation], day: date) -> Observation | None:
    """The exact figure whose period contains ``day`` (or ends on the day before it)."""
    for observation in observations:
        period = parse_period(observation.period)
        if observation.qualifier:
            continue
        if period.start <= day <= period.end or period.end == day - timedelta(days=1):
            return observation
    return None


def assess_new_companies_goal(
    goal: str,
    target: float,
    target_unit: str,
    deadline: str,
    observations: Sequence[Observation],
    source_item: str = "",
) -> GoalAssessment:
    """A goal of ``target`` new companies in the deadline's year.

    It needs an exact count of the network at the start and at the end of that
    year; their difference is the net growth (companies that left are netted
    out). Without both counts the goal cannot be assessed.
    """
    due = deadline_date(deadline)
    year_start = date(due.year, 1, 1)
    ordered = sorted(observations, key=_end)
    later = "; ".join(o.text for o in ordered) or "ingen"
    first, last = _covering(ordered, year_start), _covering(ordered, due)
    if first is None or last is None:
        lacking = " og ".join(
            text
            for text, found in (
                (f"ved indgangen til {due.year}", first),
                (f"ved fristen {format_long_date(due)}", last),
            )
            if found is None
        )
        return not_assessable(
            goal,
            target,
            target_unit,
            deadline,
            f"Kilderne oplyser ikke, hvor mange virksomheder der kom til i {due.year}, og har "
            f"intet antal i netværket {lacking} at regne det ud fra.",
            f"Antal i netværket: {later}",
            source_item,
        )
    new = last.value - first.value
    reached = new >= target
    return GoalAssessment(
        goal=goal,
        target_value=target,
        target_unit=target_unit,
        deadline=deadline,
        deadline_text=format_long_date(due),
        status_text="Nået" if reached else "Ikke nået (netto)",
        explanation=(
            f"Netværket gik fra {first.text} til {last.text}: en nettotilgang på "
            f"{format_number(new)} (virksomheder, der er gået ud, er trukket fra)."
        ),
        later_figures=f"Antal i netværket: {later}",
        source_item=source_item,
    )
