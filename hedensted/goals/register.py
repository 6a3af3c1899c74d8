"""The goal register: every goal of the five documents in one table, with a computed status.

The register is the ``maal_*`` records datasets of the catalog (one per source
document, so each keeps its own provenance), loaded as one table by
:func:`goal_register`. A goal's status is never typed in the data; it is
computed by :func:`goal_status` from the target, the direction and the later
("actual") value. Where the actual comes from another dataset in the catalog, the
register names a derivation (``actual_from``, see :mod:`hedensted.goals.derivations`)
and the value is computed from that dataset, so it follows the data.

Status rule (documented for the committee):

- **opfyldt** – the actual is at the target or better (in the goal's direction);
- **delvist** – the actual misses the target by at most ``PARTLY_TOLERANCE``
  (10 %) of the target – the same margin as "bagud" on the investment projects'
  traffic light (:mod:`hedensted.investment_projects.progress`). A rank goal ("den laveste
  ledighedsprocent") is either met or not, never "delvist";
- **ikke opfyldt** – the actual misses by more than that;
- **ukendt** – no later figure in the sources, a qualitative goal (no number to
  compare), or a change goal (reduktion/stigning) without a starting value.

An actual measured before the deadline is a provisional verdict ("før fristen");
the register keeps that as its own column (``early``) rather than a status.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.periods import parse_period
from hedensted.goals.derivations import DERIVATIONS, Actual
from hedensted.investment_projects.progress import BEHIND_TOLERANCE, Direction, shortfall

# The register's datasets, oldest document first.
GOAL_DATASETS = (
    "maal_beskaeftigelsesplan_2017",
    "maal_ufb_2019",
    "maal_ufb_2020",
    "maal_temadroeftelse_2024",
    "maal_investeringsprojekter_2024",
)
DATASET_PREFIX = "maal_"

PARTLY_TOLERANCE = BEHIND_TOLERANCE
QUALITATIVE = "kvalitativ"
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


class GoalStatus(StrEnum):
    MET = "opfyldt"
    PARTLY = "delvist"
    NOT_MET = "ikke opfyldt"
    UNKNOWN = "ukendt"


STATUS_ORDER = (GoalStatus.MET, GoalStatus.PARTLY, GoalStatus.NOT_MET, GoalStatus.UNKNOWN)


class TargetKind(StrEnum):
    LEVEL = "niveau"  # reach a level (mindst/højst follows the direction)
    REDUCTION = "reduktion"  # fall by the target (in % or points) from a starting value
    INCREASE = "stigning"  # rise by the target from a starting value
    RANK = "placering"  # a place in a ranking, 1 = best
    QUALITATIVE = QUALITATIVE  # no number


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _direction(text: str) -> Direction:
    try:
        return Direction(text)
    except ValueError as exc:
        raise ValueError(
            f"Ukendt retning »{text}«; brug »højere er bedre« eller »lavere er bedre«."
        ) from exc


def _kind(text: str) -> TargetKind:
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
    kind = _kind(str(kind))
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
    """opfyldt / delvist / ikke opfyldt / ukendt for one goal (see the module's rule).

    ``points`` says a change goal's target is in points (procentpoint) rather
    than percent. Raises ``ValueError`` (Danish) for an unknown kind or direction,
    a numeric goal without a target, or a negative tolerance.
    """
    kind = _kind(str(kind))
    if tolerance < 0:
        raise ValueError("Tolerancen kan ikke være negativ.")
    if kind is TargetKind.QUALITATIVE:
        return GoalStatus.UNKNOWN
    if _missing(target):
        raise ValueError(f"Et mål af typen »{kind}« skal have et måltal.")
    assert target is not None
    if _missing(actual):
        return GoalStatus.UNKNOWN
    assert actual is not None
    if kind is TargetKind.RANK:
        if target < 1 or actual < 1:
            raise ValueError("En placering er 1 eller derover.")
        return GoalStatus.MET if actual <= target else GoalStatus.NOT_MET
    if kind in (TargetKind.REDUCTION, TargetKind.INCREASE):
        if _missing(baseline):
            return GoalStatus.UNKNOWN
        assert baseline is not None
        actual = achieved_change(kind, baseline, actual, points)
        direction = Direction.HIGHER_IS_BETTER
    missing_by = shortfall(actual, target, _direction(str(direction)))
    if missing_by == 0:
        return GoalStatus.MET
    if missing_by <= tolerance * abs(target):
        return GoalStatus.PARTLY
    return GoalStatus.NOT_MET


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
    "status",
    "early",
    "dataset_id",
    "document_key",
    "document",
    "document_date",
]


def _checked_row(row: pd.Series, where: str) -> TargetKind:
    kind = _kind(str(row["target_kind"]))
    themes_of(row["theme"])
    deadline_end(row["deadline"])
    if kind is TargetKind.QUALITATIVE:
        if not _missing(row["target_value"]) or row["direction"] != QUALITATIVE:
            raise ValueError(
                f"{where}: et kvalitativt mål har intet måltal og retningen »{QUALITATIVE}«."
            )
        return kind
    if _missing(row["target_value"]):
        raise ValueError(f"{where}: målet af typen »{kind}« mangler et måltal.")
    _direction(str(row["direction"]))
    if row["actual_from"] and not _missing(row["actual_value"]):
        raise ValueError(
            f"{where}: et senere tal skrives enten i data eller beregnes (actual_from), ikke begge."
        )
    if row["actual_from"] and row["actual_from"] not in DERIVATIONS:
        raise ValueError(
            f"{where}: beregningen »{row['actual_from']}« findes ikke; kendte er "
            f"{sorted(DERIVATIONS)}."
        )
    return kind


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


def goal_register(catalog: Catalog) -> pd.DataFrame:
    """Every goal of the register's datasets as one table, with actual and status.

    Raises ``DatasetError`` if a register dataset cannot be loaded and
    ``ValueError`` (Danish, naming the goal) for a goal that breaks the rules:
    unknown type, direction, theme or derivation, a bad deadline, a numeric goal
    without a target, or the same goal id twice.
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
            actual, problem = (
                (None, "") if kind is TargetKind.QUALITATIVE else _actual(catalog, row, dataset_id)
            )
            status = goal_status(
                kind,
                row["target_value"],
                row["direction"] if kind is not TargetKind.QUALITATIVE else "",
                actual.value if actual else None,
                row["baseline_value"],
                points="procentpoint" in str(row["unit"]),
            )
            due = deadline_end(row["deadline"])
            measured = actual.end if actual else None
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
                    "status": status.value,
                    "early": bool(due and measured and measured < due),
                    "dataset_id": dataset_id,
                    "document_key": document_key(dataset_id),
                    "document": document_label(meta.source_document),
                    "document_date": meta.source_date,
                }
            )
    return pd.DataFrame(rows, columns=REGISTER_COLUMNS)


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
