"""The Code of Care goals of projektmaal_2019, each with its assessment."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pandas as pd

from hedensted.code_of_care.assessment import (
    GoalAssessment,
    Observation,
    assess_level_goal,
    assess_new_companies_goal,
    deadline_date,
    describe_deadline,
    not_assessable,
)
from hedensted.code_of_care.formatting import month_text
from hedensted.code_of_care.paid_hours import CASH_BENEFIT, HEDENSTED
from hedensted.code_of_care.timeline import NETWORK
from hedensted.core.periods import parse_period
from hedensted.present.formatting import format_percent


def is_code_of_care_goal(goal: str, target_unit: str) -> bool:
    """Whether a goal in projektmaal_2019 is about Code of Care or its småjobs."""
    text = f"{goal} {target_unit}".lower()
    return any(word in text for word in ("code of care", "småjob", "virksomheder i netværket"))


def code_of_care_goals(
    goals: pd.DataFrame, timeline: pd.DataFrame, paid_hours: pd.DataFrame
) -> list[GoalAssessment]:
    """Every Code of Care goal in ``goals`` (projektmaal_2019) with its assessment.

    - a goal for the number of companies in the network is held against every
      later actual count in ``timeline`` (:func:`assess_level_goal`);
    - a goal for new companies in a year needs the count at both ends of that
      year; the sources have neither, so it cannot be assessed;
    - a goal to raise the share with paid hours by a percentage needs the share
      at the start and at the deadline; the sources have one share (Mar 2019).
    """
    required = ["goal", "target_value", "target_unit", "comparator", "deadline", "source_item"]
    missing = [c for c in required if c not in goals.columns]
    if missing:
        raise ValueError(f"Måltabellen mangler kolonnerne {missing}.")
    chosen = goals[
        [
            is_code_of_care_goal(g, u)
            for g, u in zip(goals["goal"], goals["target_unit"], strict=True)
        ]
    ]
    if chosen.empty:
        raise ValueError("Måltabellen har ingen mål for Code of Care.")
    network = timeline[(timeline["series"] == NETWORK) & (timeline["kind"] == "faktisk")]
    assessments: list[GoalAssessment] = []
    for row in chosen.itertuples():
        goal, unit, deadline = str(row.goal), str(row.target_unit), str(row.deadline)
        # A number column: pandas types a cell as any scalar:
        target = float(row.target_value)  # type: ignore[arg-type]
        item = str(row.source_item)
        if unit == "virksomheder i netværket":
            start = parse_period(deadline).start.replace(month=1, day=1)
            later = [
                # A number column: pandas types a cell as any scalar:
                Observation(float(n.value), str(n.qualifier), str(n.period), str(n.document))  # type: ignore[arg-type]
                for n in network.itertuples()
                if parse_period(str(n.period)).end >= start
            ]
            assessment = assess_level_goal(goal, target, unit, deadline, later, item)
        elif unit == "nye virksomheder":
            start = deadline_date(deadline).replace(month=1, day=1)
            observations = [
                # A number column: pandas types a cell as any scalar:
                Observation(float(n.value), str(n.qualifier), str(n.period), str(n.document))  # type: ignore[arg-type]
                for n in network.itertuples()
                # a count on the last day of the year before is the start count
                if parse_period(str(n.period)).end >= start - timedelta(days=1)
            ]
            assessment = assess_new_companies_goal(goal, target, unit, deadline, observations, item)
        elif "småjob" in goal.lower():
            shares = paid_hours[
                (paid_hours["area"] == HEDENSTED) & (paid_hours["benefit"] == CASH_BENEFIT)
            ]
            shares_text = "; ".join(
                # A number column: pandas types a cell as any scalar:
                f"{format_percent(s.value)} ({month_text(str(s.period))})"  # type: ignore[arg-type]
                for s in shares.itertuples()
            )
            assessment = not_assessable(
                goal,
                target,
                unit,
                deadline,
                "Målet er en stigning; det kræver andelen ved start og ved fristen. Kilderne "
                f"har kun andelen {shares_text or 'ingen'} og intet tal ved fristen "
                f"{describe_deadline(deadline)}. Tallene fra »Flere i job« dækker en anden "
                "målgruppe.",
                f"Kontanthjælp med lønnede timer, Hedensted: {shares_text}"
                if shares_text
                else "ingen",
                item,
            )
        else:
            assessment = not_assessable(
                goal,
                target,
                unit,
                deadline,
                "Kilderne har intet tal at holde målet op imod.",
                "ingen",
                item,
            )
        assessments.append(replace(assessment, comparator=str(row.comparator)))
    order = {"virksomheder i netværket": 0, "nye virksomheder": 1}
    return sorted(assessments, key=lambda a: order.get(a.target_unit, 2))
