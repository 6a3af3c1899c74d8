"""Goals for young people and their status.

The Uddannelsesambassadører goals (2019) with the status given at the meeting,
and the youth goals of Beskæftigelsesplan 2017 with the published actual figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.core.periods import parse_period, period_label
from hedensted.present.formatting import MISSING_TEXT, format_compact, format_number, format_points

APPRENTICE_PROJECT = "Uddannelsesambassadører"
NO_TARGET_TEXT = "intet måltal"


def _with_unit(value: float, unit: str) -> str:
    number = format_compact(value)
    if not unit:
        return number
    separator = "\N{NO-BREAK SPACE}" if unit.startswith("%") else " "
    return f"{number}{separator}{unit}"


def target_text(value: float | None, unit: str, comparator: str = "") -> str:
    """``15, 'uddannelsesløft', 'mindst'`` → ``mindst 15 uddannelsesløft``."""
    if pd.isna(value):
        return NO_TARGET_TEXT
    text = _with_unit(float(value), unit)
    words = {
        "mindst": "mindst",
        "højst": "højst",
        "reduktion": "fald på",
        "stigning": "stigning på",
    }
    prefix = words.get(comparator, "")
    return f"{prefix} {text}".strip()


def _deadline_end(deadline: str) -> date | None:
    try:
        return parse_period(deadline).end
    except ValueError:
        return None


def apprentice_goals_2019(goals: pd.DataFrame, status_date: date) -> pd.DataFrame:
    """The Uddannelsesambassadører goals (2019) with the status the document gives.

    ``status_date`` is when the status was given (the meeting). A status given
    before the goal's deadline is an interim status; it is shown next to the
    goal, not counted as the goal being met or missed.

    Returns ``goal``, ``target``, ``deadline``, ``status``, ``status_text`` and
    ``assessment`` (all text).
    """
    rows = goals[goals["project"] == APPRENTICE_PROJECT]
    if rows.empty:
        raise ValueError(f"Målene for »{APPRENTICE_PROJECT}« findes ikke i tabellen.")
    result = []
    for _, row in rows.iterrows():
        end = _deadline_end(str(row["deadline"])) if row["deadline"] else None
        has_status = not pd.isna(row["status_value"])
        if not has_status:
            assessment = "Ingen status i kildematerialet."
        elif end is not None and status_date < end:
            assessment = (
                f"Mellemstatus: opgjort før fristen ({period_label(str(row['deadline']))})."
            )
        else:
            assessment = _met_or_missed(
                float(row["status_value"]), float(row["target_value"]), row["comparator"]
            )
        result.append(
            {
                "goal": row["goal"],
                "target": target_text(row["target_value"], row["target_unit"], row["comparator"]),
                "deadline": period_label(str(row["deadline"])) if row["deadline"] else MISSING_TEXT,
                "status": format_compact(row["status_value"]) if has_status else MISSING_TEXT,
                "status_text": row["status_text"] or MISSING_TEXT,
                "assessment": assessment,
            }
        )
    return pd.DataFrame(result)


def apprentice_goal_overview(
    goals: pd.DataFrame, status_date: date
) -> tuple[list[tuple[str, str | None]], pd.DataFrame]:
    """``([(goal text as written, note)], goals with a target number)``.

    Each text is listed once (the document states two targets in one sentence);
    the note says so for a goal without a target number (None otherwise).
    """
    rows = apprentice_goals_2019(goals, status_date)
    with_target = rows["target"] != NO_TARGET_TEXT
    texts: dict[str, str | None] = {}
    for _, row in rows.iterrows():
        if row["target"] == NO_TARGET_TEXT:
            texts[row["goal"]] = f"Intet måltal. {row['assessment']}"
        else:
            texts.setdefault(row["goal"], None)
    return list(texts.items()), rows[with_target].reset_index(drop=True)


def _met_or_missed(actual: float, target: float, comparator: str) -> str:
    if comparator == "højst":
        return "Nået." if actual <= target else "Ikke nået."
    return "Nået." if actual >= target else "Ikke nået."


def actual_assessment(actual: float | None, target: float | None, unit: str) -> str:
    """How an actual share compares with its goal (higher is better), in Danish."""
    if pd.isna(actual):
        return "Intet aktuelt tal i kildematerialet."
    if pd.isna(target):
        return "Intet måltal at sammenligne med."
    gap = round(float(actual) - float(target), 6)
    points = "pct.-point" if unit.startswith("%") else unit
    if gap < 0:
        return f"{format_compact(-gap)} {points} under målet på {_with_unit(target, unit)}."
    if gap > 0:
        return f"{format_compact(gap)} {points} over målet på {_with_unit(target, unit)}."
    return f"Lig med målet på {_with_unit(target, unit)}."


@dataclass(frozen=True)
class GoalActual:
    """A goal for which the source also gives an actual figure."""

    indicator: str
    goal: str
    target_value: float
    target_unit: str
    target_year: int | None
    actual_value: float
    actual_note: str

    @property
    def gap(self) -> float:
        """Actual minus target (negative: below the goal)."""
        return round(self.actual_value - self.target_value, 6)

    @property
    def actual_text(self) -> str:
        return _with_unit(self.actual_value, "%" if self.target_unit.startswith("%") else "")

    @property
    def target_label(self) -> str:
        year = f" ({self.target_year})" if self.target_year else ""
        return f"mål {_with_unit(self.target_value, self.target_unit)}{year}"

    @property
    def gap_text(self) -> str:
        if self.target_unit.startswith("%"):
            return f"{format_points(self.gap, decimals=0)} vs. {self.target_label}"
        return f"{format_number(self.gap, signed=True)} vs. {self.target_label}"


def goals_with_actual(youth_goals: pd.DataFrame) -> list[GoalActual]:
    """The youth goals that have a published actual figure (e.g. 87 % against 91 %)."""
    rows = youth_goals[youth_goals["actual_value"].notna()]
    return [
        GoalActual(
            indicator=row["indicator"],
            goal=row["goal"],
            target_value=float(row["target_value"]),
            target_unit=row["target_unit"],
            target_year=None if pd.isna(row["target_year"]) else int(row["target_year"]),
            actual_value=float(row["actual_value"]),
            actual_note=row["actual_note"],
        )
        for _, row in rows.iterrows()
    ]


def youth_goals_2017(youth_goals: pd.DataFrame, result_goals: pd.DataFrame) -> pd.DataFrame:
    """The youth goals of Beskæftigelsesplan 2017 with the published actual where there is one.

    From the youth goals (2016–2018) every row; from the local result goals for
    2017 those about young people: the early effort (youth education) and
    kontanthjælp/uddannelseshjælp. Returns ``indicator``, ``goal``, ``year``,
    ``target``, ``actual`` and ``assessment`` (all text).
    """
    rows = []
    for _, row in youth_goals.iterrows():
        year = "" if pd.isna(row["target_year"]) else str(int(row["target_year"]))
        has_actual = not pd.isna(row["actual_value"])
        rows.append(
            {
                "indicator": row["indicator"],
                "goal": row["goal"],
                "year": year or MISSING_TEXT,
                "target": target_text(row["target_value"], row["target_unit"]),
                "actual": (
                    f"{_with_unit(row['actual_value'], '%')} (»{row['actual_note']}«, uden dato)"
                    if has_actual
                    else MISSING_TEXT
                ),
                "summary": (
                    f"{target_text(row['target_value'], row['target_unit'])} · aktuelt tal "
                    f"{_with_unit(row['actual_value'], '%')} (uden dato)"
                    if has_actual
                    else target_text(row["target_value"], row["target_unit"])
                ),
                "assessment": (
                    actual_assessment(row["actual_value"], row["target_value"], row["target_unit"])
                    if has_actual
                    else "Intet aktuelt tal i kildematerialet."
                ),
            }
        )
    young = result_goals[
        (result_goals["section"] == "Den tidlige indsats")
        | result_goals["benefit"].str.contains("uddannelseshjælp", case=False, regex=False)
    ]
    for _, row in young.iterrows():
        rows.append(
            {
                "indicator": row["benefit"] or row["section"],
                "goal": row["goal"],
                "year": str(row["period"]),
                "target": target_text(row["target_value"], row["target_unit"]),
                "actual": MISSING_TEXT,
                "summary": target_text(row["target_value"], row["target_unit"]),
                "assessment": "Intet aktuelt tal i kildematerialet.",
            }
        )
    if not rows:
        raise ValueError("Der er ingen mål for unge i tabellerne.")
    return pd.DataFrame(rows)


def goals_by_indicator(goals: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The rows of :func:`youth_goals_2017` grouped by indicator, in source order."""
    return [
        (str(indicator), block.reset_index(drop=True))
        for indicator, block in goals.groupby("indicator", sort=False)
    ]
