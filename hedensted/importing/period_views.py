"""A dataset at one chosen period – the newest by default.

The pages' code expects a *snapshot* dataset (e.g. full-time persons, expenses)
to hold one period, and a *series* (gross unemployment) to hold the two periods
of a change. :func:`view_at` gives exactly that for any period the data has:

- snapshot: the rows of the period, with the shipped metadata for a shipped
  period and the import's provenance (file, version, who, when) for an imported one;
- series: the chosen end period and its start – the same month a year earlier
  when the data has it, else the period before. The companion dataset with the
  change *as published* only fits the shipped span; for another span it is
  emptied and says so, so a published figure is never shown next to another span.

Datasets without imported periods are left exactly as shipped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

from hedensted.core.catalog import Catalog, Dataset
from hedensted.core.metadata import DatasetMetadata
from hedensted.core.periods import parse_period, period_label
from hedensted.importing.overlay import OverlaidDataset, labels_joined
from hedensted.importing.specs import SPECS
from hedensted.importing.validation import end_of_month, period_order
from hedensted.importing.versions import StoredVersion
from hedensted.present.formatting import format_long_date

LOCAL_TIME = ZoneInfo("Europe/Copenhagen")


def _periods(dataset: Dataset) -> list[str]:
    return sorted(set(dataset.frame["period"]), key=period_order)


def _is_series(dataset: Dataset) -> bool:
    spec = SPECS.get(dataset.id)
    return spec is not None and spec.mode == "series"


def is_current_or_past(code: str, today: date | None = None) -> bool:
    """True for a period that ends by the end of the current month (never a future one)."""
    day = today or date.today()
    return parse_period(code).end <= end_of_month(day)


def choices(dataset: Dataset, today: date | None = None) -> list[str]:
    """The periods a viewer can choose, default first ([] when there is nothing to choose).

    Newest first; a period after the current month (stored before such periods
    were refused) comes last, so it never becomes the default view. For a
    series these are the end periods (every period but the first).
    """
    if not isinstance(dataset, OverlaidDataset):
        return []
    periods = _periods(dataset)
    ends = list(reversed(periods[1:] if _is_series(dataset) else periods))
    if len(ends) <= 1:
        return []
    return [p for p in ends if is_current_or_past(p, today)] + [
        p for p in ends if not is_current_or_past(p, today)
    ]


def newest(dataset: Dataset, today: date | None = None) -> str:
    """The default period: the newest that is not after the current month (for a
    series: the newest such end period)."""
    periods = _periods(dataset)
    sane = [p for p in periods if is_current_or_past(p, today)]
    if _is_series(dataset) and len(sane) < 2:
        sane = []
    return (sane or periods)[-1]


def series_span(periods: list[str], end: str) -> tuple[str, str]:
    """Start and end of a series' change: the same month a year earlier, else the one before."""
    ordered = sorted(periods, key=period_order)
    end_start = parse_period(end).start
    for code in ordered:
        start = parse_period(code).start
        if (start.year, start.month) == (end_start.year - 1, end_start.month):
            return code, end
    position = ordered.index(end)
    if position == 0:
        raise ValueError(f"Perioden {end} har ingen tidligere periode at sammenligne med.")
    return ordered[position - 1], end


def _source_text(source: StoredVersion) -> tuple[str, str, str]:
    """(document, date label, note) for an imported period."""
    day = source.created_at.astimezone(LOCAL_TIME).date()
    document = f"Importeret fil »{source.file_name}« (version {source.version})"
    dated = f"indlæst {format_long_date(day)} af {source.author}"
    note = (
        f"Tallene er indlæst fra filen »{source.file_name}« ({source.source_format}, "
        f"SHA-256 {source.file_sha256[:12]}…) som version {source.version} – de står ikke "
        "i kildedokumentet."
    )
    return document, dated, note


def _imported_metadata(
    dataset: OverlaidDataset, periods: list[str], source: StoredVersion
) -> DatasetMetadata:
    spec = SPECS[dataset.id]
    label = labels_joined(periods)
    title = spec.title.format(periode=label)
    document, dated, note = _source_text(source)
    return dataset.metadata.model_copy(
        update={
            "title": title,
            "periods": periods,
            "period_label": label,
            "source_document": document,
            "source_date": source.created_at.astimezone(LOCAL_TIME).date(),
            "source_date_label": dated,
            "source_table": spec.title.format(periode="").strip(" ,"),
            "source_url": None,
            "notes": f"{spec.note} {note}".strip(),
        }
    )


def view_at(dataset: Dataset, period: str) -> Dataset:
    """The dataset as the pages expect it, at ``period`` (see the module docstring)."""
    if not isinstance(dataset, OverlaidDataset):
        return dataset
    all_periods = _periods(dataset)
    if period not in all_periods:
        raise ValueError(f"Perioden {period} findes ikke i datasættet {dataset.id}.")
    shown = list(series_span(all_periods, period)) if _is_series(dataset) else [period]
    frame = dataset.frame[dataset.frame["period"].isin(shown)].reset_index(drop=True)
    shipped = dataset.shipped or dataset.metadata
    imported = [p for p in shown if p in dataset.sources]
    if not imported and sorted(shipped.periods, key=period_order) == shown:
        metadata = shipped
    elif not imported:
        metadata = shipped.model_copy(
            update={"periods": shown, "period_label": labels_joined(shown)}
        )
    else:
        metadata = _imported_metadata(dataset, shown, dataset.sources[imported[-1]])
    return Dataset(metadata=metadata, frame=frame, csv_path=dataset.csv_path)


def _companion_at(companion: Dataset, span: tuple[str, str]) -> Dataset:
    code = f"{span[0]}/{span[1]}"
    if companion.metadata.periods == [code]:
        return companion
    label = f"{period_label(span[0])} – {period_label(span[1])}"
    metadata = companion.metadata.model_copy(
        update={
            "periods": [code],
            "period_label": label,
            "notes": (
                "Kildematerialet har ingen offentliggjort udvikling for "
                f"{label}; kun den beregnede udvikling vises."
            ),
        }
    )
    return Dataset(metadata=metadata, frame=companion.frame.iloc[0:0], csv_path=companion.csv_path)


def catalog_at(catalog: Catalog, full: Catalog, dataset_id: str, period: str) -> Catalog:
    """``catalog`` with one dataset (and its companion) shown at ``period`` from ``full``."""
    if dataset_id not in full.datasets:
        return catalog
    dataset = full.datasets[dataset_id]
    view = view_at(dataset, period)
    datasets = {**catalog.datasets, dataset_id: view}
    spec = SPECS.get(dataset_id)
    if spec and spec.companion and spec.companion in full.datasets and _is_series(dataset):
        span = series_span(_periods(dataset), period)
        datasets[spec.companion] = _companion_at(full.datasets[spec.companion], span)
    return replace(catalog, datasets=datasets)


def latest_view(full: Catalog) -> Catalog:
    """Every dataset with imported periods at its newest period (others untouched)."""
    catalog = Catalog(datasets=dict(full.datasets), errors=dict(full.errors))
    for dataset_id, dataset in full.datasets.items():
        if isinstance(dataset, OverlaidDataset):
            catalog = catalog_at(catalog, full, dataset_id, newest(dataset))
    return catalog


def choice_label(dataset: Dataset, period: str) -> str:
    """How a period choice is shown: ``mar. 2024``, or ``jan. 2024 til jan. 2025`` for a series."""
    if _is_series(dataset):
        start, end = series_span(_periods(dataset), period)
        return f"{period_label(start)} til {period_label(end)}"
    return period_label(period)
