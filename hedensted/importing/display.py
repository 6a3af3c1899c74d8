"""Danish text for the preview and the version list (tables of text, ready to show)."""

from __future__ import annotations

import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.periods import period_label
from hedensted.importing.store import SHIPPED_VERSION
from hedensted.importing.validation import ImportPlan
from hedensted.importing.versions import StoredVersion
from hedensted.monthly.service import format_timestamp
from hedensted.present.formatting import format_value

STATUS_WORDS = {"ny periode": "Ny periode", "ændret": "Ændret", "uændret": "Uændret"}


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def summary(plan: ImportPlan) -> list[str]:
    """One sentence per period the file brings: new, or replaced with how many changes."""
    lines = []
    changes = plan.changes
    for period in plan.periods:
        rows = changes[changes["period"] == period]
        missing = int(rows["after"].isna().sum())
        gaps = f", heraf {missing} manglende tal (».«)" if missing else ""
        if period in plan.new_periods:
            lines.append(
                f"Ny periode **{period_label(period)}** ({period}): "
                f"{_count(len(rows), 'række', 'rækker')}{gaps}."
            )
        else:
            changed = int((rows["status"] == "ændret").sum())
            lines.append(
                f"Erstatter **{period_label(period)}** ({period}): "
                f"{_count(changed, 'tal ændres', 'tal ændres')}, "
                f"{_count(len(rows) - changed, 'er uændret', 'er uændrede')}{gaps}."
            )
    return lines


def changes_table(plan: ImportPlan, dataset: Dataset, only_changed: bool = False) -> pd.DataFrame:
    """The rows of the preview with Danish headings and numbers (text)."""
    meta = dataset.metadata
    frame = plan.changes
    if only_changed:
        frame = frame[frame["status"] != "uændret"]

    def shown(value: float) -> str:
        return format_value(value, meta.short_unit, meta.decimals)

    table = pd.DataFrame(
        {
            **{meta.column_labels.get(d, d): frame[d].astype(str) for d in meta.dimensions},
            "Periode": frame["period"].map(period_label),
            "Nu": [
                "(ny)" if status == "ny periode" else shown(before)
                for status, before in zip(frame["status"], frame["before"], strict=True)
            ],
            "Efter import": frame["after"].map(shown),
            "Ændring": frame["status"].map(STATUS_WORDS),
        }
    )
    return table.reset_index(drop=True)


def versions_table(versions: list[StoredVersion], dataset: Dataset) -> pd.DataFrame:
    """Every version of a dataset, newest first, with version 1 = the shipped data."""
    rows = [
        {
            "Version": str(v.version),
            "Perioder": ", ".join(period_label(p) for p in v.periods),
            "Rækker": str(v.row_count),
            "Fil": v.file_name,
            "Format": v.source_format,
            "SHA-256": v.file_sha256,
            "Indlæst af": v.author,
            "Tidspunkt": format_timestamp(v.created_at),
            "Status": (
                "i brug"
                if v.active
                # A rolled-back version has its time:
                else f"rullet tilbage af {v.rolled_back_by}, {format_timestamp(v.rolled_back_at)}"  # type: ignore[arg-type]
            ),
        }
        for v in reversed(versions)
    ]
    shipped = getattr(dataset, "shipped", None) or dataset.metadata
    rows.append(
        {
            "Version": str(SHIPPED_VERSION),
            "Perioder": shipped.period_label,
            "Rækker": str(int((dataset.frame["period"].isin(shipped.periods)).sum())),
            "Fil": f"data/{dataset.id}.csv",
            "Format": "Leveret med appen",
            "SHA-256": "–",
            "Indlæst af": shipped.source_document,
            "Tidspunkt": "–",
            "Status": "altid med (ændres aldrig)",
        }
    )
    return pd.DataFrame(rows)
