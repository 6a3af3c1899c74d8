"""The effective catalog: the shipped data with the active imported versions laid over it.

The shipped ``data/`` folder is never written to. For every dataset with active
versions, :func:`apply_imports` drops the periods a version brings from the
frame and adds the version's rows, version by version (a later version wins).
The result is an :class:`OverlaidDataset` that remembers the shipped metadata
and, per imported period, the version its figures came from.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.metadata import DatasetMetadata
from hedensted.core.periods import period_label
from hedensted.importing.validation import period_order
from hedensted.importing.versions import StoredVersion


@dataclass(frozen=True)
class OverlaidDataset(Dataset):
    """A dataset with imported periods: all periods, the shipped metadata, the sources."""

    shipped: DatasetMetadata | None = None
    sources: dict[str, StoredVersion] = field(default_factory=dict)


def labels_joined(codes: Sequence[str]) -> str:
    """``dec. 2023 og mar. 2024`` – the Danish labels of several periods."""
    labels = [period_label(c) for c in codes]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} og {labels[-1]}"


def _frame(metadata: DatasetMetadata, version: StoredVersion) -> pd.DataFrame:
    records = []
    for row in csv.DictReader(io.StringIO(version.content)):
        record: dict[str, object] = {d: row[d] for d in metadata.dimensions}
        record["period"] = row["period"]
        record["value"] = math.nan if row["value"] == "." else float(row["value"])
        record["missing"] = row["value"] == "."
        for column, kind in metadata.attributes.items():
            text = row.get(column, "")
            record[column] = (
                (math.nan if text in ("", ".") else float(text))
                if kind in ("number", "integer")
                else text
            )
        records.append(record)
    return pd.DataFrame.from_records(records)


def _overlay(dataset: Dataset, versions: Sequence[StoredVersion]) -> OverlaidDataset:
    shipped = getattr(dataset, "shipped", None) or dataset.metadata
    frame = dataset.frame
    sources = dict(getattr(dataset, "sources", {}))
    for version in versions:
        added = _frame(dataset.metadata, version)
        kept = frame[~frame["period"].isin(version.periods)]
        frame = pd.concat([kept, added[frame.columns]], ignore_index=True)
        for period in version.periods:
            sources[period] = replace(version, content="")  # the rows are in the frame
    periods = sorted(set(frame["period"]), key=period_order)
    imported = [p for p in periods if p in sources]
    metadata = dataset.metadata.model_copy(
        update={
            "periods": periods,
            "period_label": labels_joined(periods),
            "notes": (
                f"{shipped.notes} Indlæst efter levering: {labels_joined(imported)}.".strip()
            ),
        }
    )
    return OverlaidDataset(
        metadata=metadata,
        frame=frame.reset_index(drop=True),
        csv_path=dataset.csv_path,
        shipped=shipped,
        sources=sources,
    )


def apply_imports(shipped: Catalog, versions: Sequence[StoredVersion]) -> Catalog:
    """The shipped catalog with ``versions`` (active, oldest first) laid over it."""
    result = Catalog(datasets=dict(shipped.datasets), errors=dict(shipped.errors))
    by_dataset: dict[str, list[StoredVersion]] = {}
    for version in versions:
        by_dataset.setdefault(version.dataset_id, []).append(version)
    for dataset_id, own in by_dataset.items():
        if dataset_id not in result.datasets:
            continue  # a broken shipped dataset stays an error
        try:
            result.datasets[dataset_id] = _overlay(result.datasets[dataset_id], own)
        except (KeyError, ValueError) as exc:
            result.errors[f"{dataset_id}_import"] = DatasetError(
                Path(f"{dataset_id} (importeret version {own[-1].version})"),
                f"den gemte version kan ikke læses ({exc}); de leverede tal vises.",
            )
    return result
