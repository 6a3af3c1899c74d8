"""The goal register: every goal of the five documents in one table, each with its verdict.

The register is the ``maal_*`` records datasets of the catalog (one per source
document, so each keeps its own provenance), loaded as one table by
:func:`goal_register`. A goal's status is never typed in the data: the one judge
(:func:`hedensted.goals.judge.judge`) gives it from the goal and its evidence.

The evidence is explicit data in each goal's row: the figure (``actual_value``
and ``actual_period``, or a named derivation in ``actual_from`` that computes
it from another dataset of the catalog, see :mod:`hedensted.goals.derivations`),
the table it is in (``evidence_table``), whether it matches the goal's measure
and population (``evidence_matches``: ``ja``/``nej``) and why
(``evidence_reason``). For a goal without a figure, ``evidence_reason`` says why
the documents cannot judge it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.periods import parse_period
from hedensted.goals.derivations import DERIVATIONS, Actual
from hedensted.goals.judge import (
    PARTLY_TOLERANCE,
    QUALITATIVE,
    STATUS_ORDER,
    VERDICTS,
    Evidence,
    Goal,
    GoalStatus,
    TargetKind,
    Verdict,
    achieved_change,
    direction_of,
    goal_status,
    judge,
    kind_of,
)

__all__ = [
    "PARTLY_TOLERANCE",
    "STATUS_ORDER",
    "VERDICTS",
    "GoalStatus",
    "TargetKind",
    "Verdict",
    "achieved_change",
    "goal_status",
]

# The register's datasets, oldest document first.
GOAL_DATASETS = (
    "maal_beskaeftigelsesplan_2017",
    "maal_ufb_2019",
    "maal_ufb_2020",
    "maal_temadroeftelse_2024",
    "maal_investeringsprojekter_2024",
)
DATASET_PREFIX = "maal_"

THEME_SEPARATOR = ";"
# Themes match the app's pages; "Strategi" and "Øvrige projekter" have no page of their own.
THEMES = (
    "Benchmark",
    "Code of Care",
    "Unge",
    "Investeringsprojekter",
    "Strategi",
    "Øvrige projekter",
)
MATCHES = {"ja": True, "nej": False}


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def themes_of(text: str) -> tuple[str, ...]:
    """``"Benchmark; Unge"`` → ``("Benchmark", "Unge")``; raises for an unknown theme."""
    themes = tuple(t.strip() for t in str(text).split(THEME_SEPARATOR) if t.strip())
    if not themes:
        raise ValueError("Målet har intet tema.")
    unknown = [t for t in themes if t not in THEMES]
    if unknown:
        raise ValueError(f"Ukendt tema {unknown}; brug et af {list(THEMES)}.")
    return themes


def deadline_end(code: str) -> date | None:
    """The last day of a deadline's period (``2020`` → 31 Dec 2020); None if there is none."""
    code = str(code or "").strip()
    return parse_period(code).end if code else None


def document_label(source_document: str) -> str:
    """A document's short name: its title up to the first full stop before a capital."""
    return re.split(r"\.\s+(?=[A-ZÆØÅ])", source_document, maxsplit=1)[0]


def document_key(dataset_id: str) -> str:
    """The short key a document has in links: ``maal_ufb_2019`` → ``ufb_2019``."""
    return dataset_id.removeprefix(DATASET_PREFIX)


@dataclass(frozen=True)
class Document:
    """One source document of the register."""

    key: str
    dataset_id: str
    label: str
    date: date


def goal_documents(catalog: Catalog) -> list[Document]:
    """The register's documents that loaded, oldest first."""
    documents = []
    for dataset_id in GOAL_DATASETS:
        if dataset_id not in catalog.datasets:
            continue
        meta = catalog.datasets[dataset_id].metadata
        documents.append(
            Document(
                document_key(dataset_id),
                dataset_id,
                f"{document_label(meta.source_document)} ({meta.source_date.year})",
                meta.source_date,
            )
        )
    return sorted(documents, key=lambda d: d.date)


REGISTER_COLUMNS = [
    "goal_id",
    "theme",
    "themes",
    "goal",
    "measure",
    "target_kind",
    "target_value",
    "unit",
    "direction",
    "deadline",
    "deadline_text",
    "deadline_end",
    "section",
    "baseline_value",
    "baseline_period",
    "actual_value",
    "actual_period",
    "actual_text",
    "actual_note",
    "actual_source",
    "actual_from",
    "evidence_document",
    "evidence_table",
    "evidence_matches",
    "evidence_reason",
    "status",
    "status_label",
    "verdict_reason",
    "dataset_id",
    "document_key",
    "document",
    "document_date",
]


def _checked_row(row: pd.Series, where: str) -> TargetKind:
    kind = kind_of(str(row["target_kind"]))
    themes_of(row["theme"])
    deadline_end(row["deadline"])
    if kind is TargetKind.QUALITATIVE:
        if not _missing(row["target_value"]) or row["direction"] != QUALITATIVE:
            raise ValueError(
                f"{where}: et kvalitativt mål har intet måltal og retningen »{QUALITATIVE}«."
            )
        _check_evidence(row, where)
        return kind
    if _missing(row["target_value"]):
        raise ValueError(f"{where}: målet af typen »{kind}« mangler et måltal.")
    direction_of(str(row["direction"]))
    if row["actual_from"] and not _missing(row["actual_value"]):
        raise ValueError(
            f"{where}: et senere tal skrives enten i data eller beregnes (actual_from), ikke begge."
        )
    if row["actual_from"] and row["actual_from"] not in DERIVATIONS:
        raise ValueError(
            f"{where}: beregningen »{row['actual_from']}« findes ikke; kendte er "
            f"{sorted(DERIVATIONS)}."
        )
    _check_evidence(row, where)
    return kind


def _check_evidence(row: pd.Series, where: str) -> None:
    """A figure must say whether it matches the goal, and why."""
    if not row["actual_from"] and _missing(row["actual_value"]):
        return
    if row["evidence_matches"] not in MATCHES:
        raise ValueError(
            f"{where}: et senere tal skal have »ja« eller »nej« i evidence_matches (om det "
            "passer til målets måling og målgruppe)."
        )
    if not str(row["evidence_reason"]).strip():
        raise ValueError(f"{where}: et senere tal skal have en begrundelse (evidence_reason).")


def _actual(catalog: Catalog, row: pd.Series, dataset_id: str) -> tuple[Actual | None, str]:
    """The goal's later value, computed or as written; and a note if it cannot be had."""
    if row["actual_from"]:
        try:
            return DERIVATIONS[row["actual_from"]](catalog, row), ""
        except DatasetError as error:
            return None, f"Det senere tal kan ikke beregnes: {error}"
    if _missing(row["actual_value"]):
        return None, ""
    return (
        Actual(
            value=float(row["actual_value"]),
            period=str(row["actual_period"]),
            dataset_id=dataset_id,
            note=str(row["actual_note"]),
        ),
        "",
    )


def _evidence(catalog: Catalog, actual: Actual, row: pd.Series) -> Evidence:
    """The figure with where it is from (document and table) and whether it matches."""
    meta = catalog.datasets[actual.dataset_id].metadata
    return Evidence(
        value=actual.value,
        period=actual.period,
        dataset_id=actual.dataset_id,
        document=f"{document_label(meta.source_document)} ({meta.source_date.year})",
        table=str(row["evidence_table"]) or meta.source_table,
        matches=MATCHES[str(row["evidence_matches"])],
        reason=str(row["evidence_reason"]),
        text=actual.text,
        note=actual.note,
    )


def goal_register(catalog: Catalog) -> pd.DataFrame:
    """Every goal of the register's datasets as one table, with its evidence and verdict.

    Raises ``DatasetError`` if a register dataset cannot be loaded and
    ``ValueError`` (Danish, naming the goal) for a goal that breaks the rules:
    unknown type, direction, theme or derivation, a bad deadline, a numeric goal
    without a target, a figure without its match and reason, or the same goal
    id twice.
    """
    rows: list[dict[str, object]] = []
    seen: dict[str, str] = {}
    for dataset_id in GOAL_DATASETS:
        dataset = catalog.get(dataset_id)
        meta = dataset.metadata
        for _, row in dataset.frame.iterrows():
            goal_id = str(row["goal_id"])
            where = f"Mål »{goal_id}« ({dataset_id})"
            if goal_id in seen:
                raise ValueError(f"{where}: id'et bruges også i {seen[goal_id]}.")
            seen[goal_id] = dataset_id
            kind = _checked_row(row, where)
            actual, problem = _actual(catalog, row, dataset_id)
            evidence = _evidence(catalog, actual, row) if actual else None
            due = deadline_end(row["deadline"])
            verdict = judge(
                Goal(
                    kind=kind,
                    target=None if _missing(row["target_value"]) else float(row["target_value"]),
                    direction=str(row["direction"]),
                    unit=str(row["unit"]),
                    deadline=due,
                    set_on=meta.source_date,
                    baseline=None
                    if _missing(row["baseline_value"])
                    else float(row["baseline_value"]),
                    points="procentpoint" in str(row["unit"]),
                ),
                evidence,
            )
            reason = verdict.reason
            if evidence is None and str(row["evidence_reason"]).strip():
                reason = f"{reason} {row['evidence_reason']}"
            if problem:
                reason = f"{reason} {problem}"
            rows.append(
                {
                    "goal_id": goal_id,
                    "theme": str(row["theme"]),
                    "themes": themes_of(row["theme"]),
                    "goal": str(row["goal"]),
                    "measure": str(row["measure"]),
                    "target_kind": kind.value,
                    "target_value": row["target_value"],
                    "unit": str(row["unit"]),
                    "direction": str(row["direction"]),
                    "deadline": str(row["deadline"]),
                    "deadline_text": str(row["deadline_text"]),
                    "deadline_end": due,
                    "section": str(row["section"]),
                    "baseline_value": row["baseline_value"],
                    "baseline_period": str(row["baseline_period"]),
                    "actual_value": actual.value if actual else math.nan,
                    "actual_period": actual.period if actual else "",
                    "actual_text": actual.text if actual else "",
                    "actual_note": actual.note if actual else problem,
                    "actual_source": actual.dataset_id if actual else "",
                    "actual_from": str(row["actual_from"]),
                    "evidence_document": evidence.document if evidence else "",
                    "evidence_table": evidence.table if evidence else "",
                    "evidence_matches": evidence.matches if evidence else None,
                    "evidence_reason": str(row["evidence_reason"]),
                    "status": verdict.status.value,
                    "status_label": verdict.label,
                    "verdict_reason": reason.strip(),
                    "dataset_id": dataset_id,
                    "document_key": document_key(dataset_id),
                    "document": document_label(meta.source_document),
                    "document_date": meta.source_date,
                }
            )
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


def goal_by_id(register: pd.DataFrame, goal_id: str) -> pd.Series:
    """One goal of the register; raises ``ValueError`` for an unknown id."""
    rows = register[register["goal_id"] == goal_id]
    if rows.empty:
        raise ValueError(f"Målet »{goal_id}« findes ikke i målregistret.")
    return rows.iloc[0]


def goals_by_id(register: pd.DataFrame, goal_ids: tuple[str, ...]) -> pd.DataFrame:
    """Some goals of the register in the given order; raises for an unknown id."""
    return pd.DataFrame([goal_by_id(register, goal_id) for goal_id in goal_ids]).reset_index(
        drop=True
    )


def left_out_sentences(catalog: Catalog) -> pd.DataFrame:
    """The goal-like sentences of the documents deliberately not in the register, and why.

    Read from the ``left_out`` lists of the register datasets' metadata. Columns:
    ``document`` (short name and year), ``text`` and ``reason``.
    """
    rows = [
        {"document": document.label, "text": item.text, "reason": item.reason}
        for document in goal_documents(catalog)
        for item in catalog.get(document.dataset_id).metadata.left_out
    ]
    return pd.DataFrame(rows, columns=["document", "text", "reason"])


def goal_count_sentence(goals: pd.DataFrame) -> str:
    """How many goals can be judged, are under way, and cannot be judged – in one sentence."""
    judged = int(goals["status"].isin([s.value for s in VERDICTS]).sum())
    underway = int((goals["status"] == GoalStatus.UNDERWAY.value).sum())
    open_ = int((goals["status"] == GoalStatus.NOT_ASSESSABLE.value).sum())
    return (
        f"Af {len(goals)} mål kan {judged} vurderes ud fra dokumenterne, {underway} er undervejs "
        f"(kun et tal fra før fristen), og {open_} kan ikke vurderes ud fra dokumenterne."
    )


@dataclass(frozen=True)
class GoalFilter:
    """What the viewer chose; an empty tuple means "all"."""

    themes: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # document keys
    statuses: tuple[str, ...] = ()
    years: tuple[int, int] | None = None  # deadline years, both included
    undated: bool = True  # include goals without a deadline


def filter_goals(register: pd.DataFrame, choice: GoalFilter) -> pd.DataFrame:
    """The goals matching every part of ``choice`` (a goal matches a theme if it has it)."""
    if choice.years is not None and choice.years[0] > choice.years[1]:
        first, last = choice.years
        raise ValueError(f"Fristens første år ({first}) ligger efter det sidste ({last}).")
    keep = pd.Series(True, index=register.index)
    if choice.themes:
        wanted = set(choice.themes)
        keep &= register["themes"].map(lambda themes: bool(wanted.intersection(themes)))
    if choice.documents:
        keep &= register["document_key"].isin(choice.documents)
    if choice.statuses:
        keep &= register["status"].isin(choice.statuses)
    dated = register["deadline_end"].notna()
    if choice.years is not None:
        first, last = choice.years
        years = register["deadline_end"].map(lambda day: day.year if day else None)
        keep &= ~dated | years.between(first, last)
    if not choice.undated:
        keep &= dated
    return register[keep].reset_index(drop=True)


def goals_for_theme(register: pd.DataFrame, theme: str) -> pd.DataFrame:
    """The goals of one theme page; raises ``ValueError`` for an unknown theme."""
    if theme not in THEMES:
        raise ValueError(f"Ukendt tema »{theme}«; brug et af {list(THEMES)}.")
    return filter_goals(register, GoalFilter(themes=(theme,)))


def by_status(goals: pd.DataFrame) -> pd.DataFrame:
    """The goals with assessed ones first (opfyldt → ukendt), then oldest document first."""
    order = {status.value: index for index, status in enumerate(STATUS_ORDER)}
    ranked = goals.assign(_rank=goals["status"].map(order), _row=range(len(goals)))
    ranked = ranked.sort_values(["_rank", "document_date", "_row"], kind="stable")
    return ranked.drop(columns=["_rank", "_row"]).reset_index(drop=True)


def status_counts(goals: pd.DataFrame) -> list[tuple[GoalStatus, int]]:
    """How many goals have each status, in the fixed order opfyldt → ukendt."""
    counts = goals["status"].value_counts()
    return [(status, int(counts.get(status.value, 0))) for status in STATUS_ORDER]


def deadline_years(register: pd.DataFrame) -> list[int]:
    """Every year from the earliest to the latest deadline (for a year slider)."""
    years = [day.year for day in register["deadline_end"] if day]
    if not years:
        raise ValueError("Ingen mål har en frist.")
    return list(range(min(years), max(years) + 1))
