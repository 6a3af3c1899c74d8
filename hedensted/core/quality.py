"""Data-quality report: published totals compared with the sum of their parts, and
the spellings in the source that a dataset corrects.

The report only describes; it never changes a published number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from hedensted.core.catalog import Catalog, Dataset
from hedensted.core.metadata import DEFAULT_LABELS
from hedensted.core.periods import period_label


@dataclass(frozen=True)
class TotalDifference:
    """One published total next to the sum of its parts."""

    dataset_id: str
    dataset_title: str
    group: dict[str, str]
    total_label: str
    published_total: float
    sum_of_parts: float
    missing_parts: int
    explanation: str

    @property
    def difference(self) -> float:
        """Published total minus the sum of the parts."""
        return self.published_total - self.sum_of_parts

    @property
    def differs(self) -> bool:
        return not math.isclose(self.published_total, self.sum_of_parts, abs_tol=1e-9)


def total_differences(dataset: Dataset) -> list[TotalDifference]:
    """Compare each declared published total of a dataset with the sum of its parts.

    Missing parts (``.`` in the source) are left out of the sum and counted in
    ``missing_parts``.
    """
    frame = dataset.frame
    results: list[TotalDifference] = []
    for check in dataset.metadata.totals:
        grouping = check.by or []
        checked = frame
        for column, allowed in check.where.items():
            checked = checked[checked[column].isin(allowed)]
        groups = checked.groupby(grouping, sort=False) if grouping else [((), checked)]
        for key, block in groups:
            key_values = key if isinstance(key, tuple) else (key,)
            totals = block[block[check.dimension] == check.total_label]
            if totals.empty:
                continue
            if check.parts:
                parts = block[block[check.dimension].isin(check.parts)]
            else:
                parts = block[block[check.dimension] != check.total_label]
            results.append(
                TotalDifference(
                    dataset_id=dataset.id,
                    dataset_title=dataset.metadata.title,
                    group=dict(zip(grouping, map(str, key_values), strict=True)),
                    total_label=check.total_label,
                    published_total=float(totals["value"].iloc[0]),
                    sum_of_parts=round(float(parts["value"].sum(skipna=True)), 9),
                    missing_parts=int(parts["value"].isna().sum()),
                    explanation=check.explanation,
                )
            )
    return results


def describe_group(dataset: Dataset, group: dict[str, str]) -> str:
    """Danish description of the part of a table a total belongs to."""
    labels = {**DEFAULT_LABELS, **dataset.metadata.column_labels}
    return ", ".join(
        f"{labels.get(column, column)}: {period_label(value) if column == 'period' else value}"
        for column, value in group.items()
    )


def quality_report(catalog: Catalog) -> pd.DataFrame:
    """Every published total in the catalog with its sum of parts and the difference."""
    rows = [
        {
            "dataset_id": item.dataset_id,
            "dataset_title": item.dataset_title,
            "group": describe_group(dataset, item.group),
            "total_label": item.total_label,
            "published_total": item.published_total,
            "sum_of_parts": item.sum_of_parts,
            "difference": item.difference,
            "missing_parts": item.missing_parts,
            "differs": item.differs,
            "explanation": item.explanation,
        }
        for dataset in catalog.datasets.values()
        for item in total_differences(dataset)
    ]
    columns = [
        "dataset_id",
        "dataset_title",
        "group",
        "total_label",
        "published_total",
        "sum_of_parts",
        "difference",
        "missing_parts",
        "differs",
        "explanation",
    ]
    return pd.DataFrame(rows, columns=columns)


def without_totals(dataset: Dataset) -> pd.DataFrame:
    """The dataset's rows without its declared published-total rows (for part charts)."""
    frame = dataset.frame
    for check in dataset.metadata.totals:
        frame = frame[frame[check.dimension] != check.total_label]
    return frame


CORRECTED = "_clean"  # a column ``x_clean`` holds the corrected spelling of column ``x``
SPELLING_COLUMNS = ["dataset_id", "dataset_title", "in_source", "shown_as", "note"]


def spelling_variants(dataset: Dataset) -> pd.DataFrame:
    """The source's spellings a dataset corrects or keeps, each once.

    From a column ``x`` as published beside ``x_clean``, corrected (each differing
    pair, with how often the source writes it), and from the metadata's
    ``spellings``. ``shown_as`` is empty where the dashboard keeps the source's
    spelling. Returns :data:`SPELLING_COLUMNS`.
    """
    frame = dataset.frame
    meta = dataset.metadata
    labels = {**DEFAULT_LABELS, **meta.column_labels}
    rows = []
    for column in frame.columns:
        corrected = f"{column}{CORRECTED}"
        if corrected not in frame.columns:
            continue
        pairs = frame[[column, corrected]].dropna()
        differing = pairs[pairs[column].astype(str) != pairs[corrected].astype(str)]
        counts = differing.groupby([column, corrected], sort=False).size()
        # A two-column groupby's index: (published, corrected) pairs.
        for (published, fixed), occurrences in zip(
            counts.index.tolist(), counts.tolist(), strict=True
        ):
            times = "én gang" if occurrences == 1 else f"{int(occurrences)} gange"
            rows.append(
                {
                    "in_source": str(published),
                    "shown_as": str(fixed),
                    "note": f"Kolonnen »{labels.get(column, column)}«, {times} i kilden.",
                }
            )
    for spelling in meta.spellings:
        rows.append(
            {
                "in_source": spelling.in_source,
                "shown_as": spelling.shown_as,
                "note": spelling.note,
            }
        )
    found = pd.DataFrame(rows, columns=["in_source", "shown_as", "note"])
    found.insert(0, "dataset_title", meta.title)
    found.insert(0, "dataset_id", dataset.id)
    return found[SPELLING_COLUMNS]


def spelling_report(catalog: Catalog) -> pd.DataFrame:
    """:func:`spelling_variants` of every dataset in the catalog, by dataset title."""
    found = [f for f in (spelling_variants(d) for d in catalog.datasets.values()) if not f.empty]
    if not found:
        return pd.DataFrame(columns=SPELLING_COLUMNS)
    report = pd.concat(found, ignore_index=True)
    return report.sort_values("dataset_title", kind="stable").reset_index(drop=True)
