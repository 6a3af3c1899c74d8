"""The goal register as Danish text: target, actual and status sentences, tables, timeline rows."""

from __future__ import annotations

import math

import pandas as pd

from hedensted.core.periods import period_label
from hedensted.goals.register import STATUS_ORDER, GoalStatus, TargetKind
from hedensted.present.formatting import MISSING_TEXT, format_compact, format_long_date

NO_DEADLINE_TEXT = "ingen dato i kilden"


def _with_unit(value: float, unit: str) -> str:
    number = format_compact(value)
    return f"{number}\N{NO-BREAK SPACE}{unit}" if unit else number


def target_text(kind: str, value: float, unit: str, direction: str) -> str:
    """The target in words: ``mindst 65 ledige``, ``højst 21 uger``, ``fald på 20 %``, ``nr. 1``."""
    kind = TargetKind(kind)
    if kind is TargetKind.QUALITATIVE:
        return "kvalitativt mål (intet tal)"
    if value is None or math.isnan(value):
        raise ValueError("Målet mangler et måltal.")
    if kind is TargetKind.RANK:
        return f"nr. {format_compact(value)}"
    shown = _with_unit(value, unit.replace(" (reduktion)", ""))
    if kind is TargetKind.REDUCTION:
        return shown if "reduktion" in shown else f"fald på {shown}"
    if kind is TargetKind.INCREASE:
        return f"stigning på {shown}"
    return f"{'højst' if direction == 'lavere er bedre' else 'mindst'} {shown}"


def actual_text(row: pd.Series) -> str:
    """``41 virksomheder i netværket (jun. 2019)``; ``–`` without a later figure."""
    if pd.isna(row["actual_value"]):
        return MISSING_TEXT
    shown = row["actual_text"] or _with_unit(float(row["actual_value"]), str(row["unit"]))
    when = period_label(row["actual_period"]) if row["actual_period"] else "uden dato"
    return f"{shown} ({when})"


def deadline_label(row: pd.Series) -> str:
    """The deadline as the source words it (``ved udgangen af 2020``), else as a Danish period."""
    words = str(row["deadline_text"] or "")
    if words:
        return words
    if not row["deadline"]:
        return NO_DEADLINE_TEXT
    code = str(row["deadline"])
    return format_long_date(row["deadline_end"]) if len(code) == 10 else period_label(code)


def status_label(status: str, early: bool = False) -> str:
    """``Delvist`` or ``Delvist (målt før fristen)``."""
    text = GoalStatus(status).value.capitalize()
    return f"{text} (målt før fristen)" if early else text


def source_text(row: pd.Series) -> str:
    """The goal's document and section."""
    return f"{row['document']}: {row['section']}"


def goals_display(goals: pd.DataFrame, compact: bool = False) -> pd.DataFrame:
    """The goals as a text table with Danish headings (``compact`` for the theme pages)."""
    rows = []
    for _, row in goals.iterrows():
        shown = {
            "Mål": row["goal"],
            "Måltal": target_text(
                row["target_kind"], row["target_value"], row["unit"], row["direction"]
            ),
            "Frist": deadline_label(row),
            "Senere tal": actual_text(row),
            "Status": status_label(row["status"], bool(row["early"])),
        }
        if not compact:
            shown["Tema"] = row["theme"].replace(";", ",")
            shown["Om det senere tal"] = row["actual_note"] or MISSING_TEXT
        shown["Kilde"] = source_text(row)
        rows.append(shown)
    columns = ["Mål", "Måltal", "Frist", "Senere tal", "Status"]
    columns += [] if compact else ["Tema", "Om det senere tal"]
    return pd.DataFrame(rows, columns=[*columns, "Kilde"])


def goals_export(goals: pd.DataFrame) -> pd.DataFrame:
    """The same goals for Excel: numbers kept as numbers, Danish headings."""
    return pd.DataFrame(
        {
            "Mål-id": goals["goal_id"],
            "Tema": goals["theme"],
            "Mål": goals["goal"],
            "Måling": goals["measure"],
            "Type af mål": goals["target_kind"],
            "Måltal": goals["target_value"],
            "Enhed": goals["unit"],
            "Retning": goals["direction"],
            "Frist": [deadline_label(row) for _, row in goals.iterrows()],
            "Startmåling": goals["baseline_value"],
            "Senere tal": goals["actual_value"],
            "Det senere tals tidspunkt": [
                period_label(code) if code else "" for code in goals["actual_period"]
            ],
            "Om det senere tal": goals["actual_note"],
            "Status": goals["status"],
            "Målt før fristen": ["ja" if early else "nej" for early in goals["early"]],
            "Dokument": goals["document"],
            "Afsnit": goals["section"],
        }
    )


def status_summary(counts: list[tuple[GoalStatus, int]]) -> str:
    """``2 opfyldt · 1 delvist · 0 ikke opfyldt · 12 ukendt``."""
    return " · ".join(f"{count} {status.value}" for status, count in counts)


def timeline_frame(goals: pd.DataFrame) -> pd.DataFrame:
    """One row per goal with a deadline, stacked per deadline (status order, then id).

    Columns: ``when`` (the deadline as a short Danish period, e.g. ``aug. 2024``;
    the frame is sorted by the deadline's last day), ``stack`` (1 = bottom),
    ``status``, ``goal``, ``theme``, ``target``, ``actual``, ``deadline`` (as the
    source words it) and ``source``.
    """
    dated = goals[goals["deadline_end"].notna()].copy()
    columns = ["when", "stack", "status", "goal", "theme", "target", "actual", "deadline", "source"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    order = {status.value: index for index, status in enumerate(STATUS_ORDER)}
    dated["status_rank"] = dated["status"].map(order)
    dated = dated.sort_values(["deadline_end", "deadline", "status_rank", "goal_id"])
    return pd.DataFrame(
        {
            "when": [period_label(code) for code in dated["deadline"]],
            "stack": dated.groupby("deadline").cumcount() + 1,
            "status": dated["status"],
            "goal": dated["goal"],
            "theme": dated["theme"].str.replace(";", ","),
            "target": [
                target_text(r["target_kind"], r["target_value"], r["unit"], r["direction"])
                for _, r in dated.iterrows()
            ],
            "actual": [actual_text(r) for _, r in dated.iterrows()],
            "deadline": [deadline_label(r) for _, r in dated.iterrows()],
            "source": [source_text(r) for _, r in dated.iterrows()],
        }
    ).reset_index(drop=True)
