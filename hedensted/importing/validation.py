"""Rows of an uploaded table checked against the dataset, before anything is written.

:func:`plan_import` refuses the whole file at its first problem with a
:class:`~hedensted.core.catalog.DatasetError` naming the file, the row (as numbered in
the file) and the column (as written in the file). Checked:

- every dimension value is one the dataset already has (areas, groups …), no
  text looks like a formula, and a Jobindsats ``area_type`` comes from the areas;
  in a Jobindsats table, rows of other areas are skipped and extra dimension
  columns are read at »I alt« only (:mod:`hedensted.importing.columns`);
- the period maps to a catalog code of the same kind as the dataset's periods,
  and is new – or the editor chose to replace it;
- numbers follow the dataset's unit and range (:mod:`hedensted.importing.cells`);
- no observation twice, and a new period has every row the newest period has.

The result, an :class:`ImportPlan`, holds the rows in the catalog's own format
and what changes (new periods, changed values) for the preview.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.periods import parse_period, period_label
from hedensted.importing.areas import MUNICIPALITIES, area_name
from hedensted.importing.cells import check_text, machine_text, parse_value
from hedensted.importing.columns import ColumnMap, decimal_comma, map_columns
from hedensted.importing.jobindsats_periods import catalog_period, period_shape
from hedensted.importing.reading import RawTable, read_upload
from hedensted.importing.specs import spec_for, value_kind


@dataclass(frozen=True)
class ImportPlan:
    """A checked file, ready to be saved as a version (nothing written yet)."""

    dataset_id: str
    file_name: str
    sha256: str
    source_format: str
    columns: list[str]
    rows: list[dict[str, str]]
    new_periods: list[str]
    replaced_periods: list[str]
    changes: pd.DataFrame = field(repr=False)

    @property
    def periods(self) -> list[str]:
        return sorted([*self.new_periods, *self.replaced_periods], key=period_order)

    def csv_text(self) -> str:
        """The rows as the catalog's tidy CSV (the same header as ``data/<id>.csv``)."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue()


def period_order(code: str) -> tuple[date, date]:
    """Sort key of a period code: by end, then start."""
    period = parse_period(code)
    return (period.end, period.start)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cell(cells: list[object], position: int) -> object:
    return cells[position] if position < len(cells) else None


def _text(raw: RawTable, cells: list[object], columns: ColumnMap, column: str, row: int) -> str:
    value = _cell(cells, columns.positions[column])
    if isinstance(value, datetime | date):
        raise raw.error(
            "cellen er en dato; skriv perioden som tekst, fx 2024-03.", row, columns.labels[column]
        )
    text = "" if value is None else str(value)
    try:
        return check_text(text)
    except ValueError as exc:
        raise raw.error(str(exc), row, columns.labels[column]) from exc


def _period(raw: RawTable, text: str, columns: ColumnMap, row: int, shape: str) -> str:
    label = columns.labels["period"]
    if not text:
        raise raw.error("perioden er tom.", row, label)
    try:
        code = (
            catalog_period(text, shape) if columns.jobindsats_periods else parse_period(text).code
        )
    except ValueError as exc:
        raise raw.error(str(exc), row, label) from exc
    if period_shape(code) != shape:
        raise raw.error(
            f"perioden »{text}« er en anden slags periode ({period_shape(code)}) end "
            f"datasættets ({shape}).",
            row,
            label,
        )
    return code


class _Known:
    """The dimension values (and area types) a dataset already has."""

    def __init__(self, dataset: Dataset):
        frame = dataset.frame
        meta = dataset.metadata
        self.values = {d: set(frame[d].astype(str)) for d in meta.dimensions}
        self.area_types: dict[str, str] = {}
        if "area_type" in frame.columns and "area" in frame.columns:
            self.area_types = dict(zip(frame["area"], frame["area_type"], strict=True))

    def area_name(self, text: str, extra: frozenset[str] = frozenset()) -> str:
        """A Jobindsats area as the catalog spells it (``Hedensted Kommune`` → ``Hedensted``)."""
        return area_name(text, self.values.get("area", set()) | extra)


def _records(
    raw: RawTable,
    dataset: Dataset,
    columns: ColumnMap,
    known: _Known,
    row: int,
    cells: list[object],
    shape: str,
    danish: bool,
) -> list[dict[str, str]]:
    """The catalog rows of one file row: none (another area, not at »I alt«), one, or
    one per measure column."""
    meta = dataset.metadata
    for position, total in columns.at_total.items():
        if str(_cell(cells, position) or "").strip() != total:
            return []
    record: dict[str, str] = {}
    for dimension in meta.dimensions:
        if dimension == columns.measure_column:
            continue
        text = _text(raw, cells, columns, dimension, row)
        text = columns.value_names.get(dimension, {}).get(text, text)
        if dimension == "area" and columns.jobindsats_periods:
            text = known.area_name(text, columns.extra_areas)
            if columns.skip_other_areas and text not in known.values["area"] | columns.extra_areas:
                return []
        if not text:
            raise raw.error("cellen er tom.", row, columns.labels[dimension])
        if dimension == "area" and text in columns.extra_areas:
            pass
        elif text not in known.values[dimension]:
            shown = sorted(known.values[dimension])
            raise raw.error(
                f"»{text}« findes ikke i datasættet. Kendte: {', '.join(shown[:12])}"
                + (" …" if len(shown) > 12 else "")
                + ".",
                row,
                columns.labels[dimension],
            )
        record[dimension] = text
    record["period"] = _period(raw, _text(raw, cells, columns, "period", row), columns, row, shape)
    _attributes(raw, meta, columns, known, row, cells, record, danish)
    values = columns.measures or {"": columns.positions["value"]}
    records = []
    for measure, position in values.items():
        label = columns.labels[f"measure:{measure}" if measure else "value"]
        try:
            number = parse_value(
                _cell(cells, position), value_kind(meta.short_unit), meta.short_unit, danish
            )
        except ValueError as exc:
            raise raw.error(str(exc), row, label) from exc
        one = dict(record)
        if columns.measure_column:
            one[columns.measure_column] = measure
        one["value"] = machine_text(number)
        records.append({c: one[c] for c in meta.csv_columns})
    return records


def _attributes(
    raw: RawTable,
    meta,
    columns: ColumnMap,
    known: _Known,
    row: int,
    cells: list[object],
    record: dict[str, str],
    danish: bool,
) -> None:
    for attribute, kind in meta.attributes.items():
        given = _text(raw, cells, columns, attribute, row) if attribute in columns.positions else ""
        if attribute == "area_type" and known.area_types:
            expected = known.area_types.get(
                record["area"], "kommune" if record["area"] in MUNICIPALITIES else ""
            )
            if given and given != expected:
                raise raw.error(
                    f"»{given}« passer ikke med området {record['area']} ({expected}).",
                    row,
                    columns.labels[attribute],
                )
            given = expected
        if kind in ("number", "integer") and given:
            try:
                given = machine_text(parse_value(given, "number", "", danish))
            except ValueError as exc:
                raise raw.error(str(exc), row, columns.labels[attribute]) from exc
        record[attribute] = given


def _key(record: dict[str, str], dimensions: list[str]) -> tuple[str, ...]:
    return (*(record[d] for d in dimensions), record["period"])


def _describe(key: tuple[str, ...], dimensions: list[str], labels: dict[str, str]) -> str:
    return ", ".join(f"{labels.get(d, d)} »{v}«" for d, v in zip(dimensions, key, strict=False))


def _changes(dataset: Dataset, rows: list[dict[str, str]], existing: set[str]) -> pd.DataFrame:
    dims = dataset.metadata.dimensions
    old = dataset.frame.set_index([*dims, "period"])["value"]
    records = []
    for record in rows:
        after = math.nan if record["value"] == "." else float(record["value"])
        key = _key(record, dims)
        if record["period"] in existing:
            before = old.get(key, math.nan)
            same = (math.isnan(before) and math.isnan(after)) or before == after
            status = "uændret" if same else "ændret"
        else:
            before, status = math.nan, "ny periode"
        records.append(
            {
                **{d: record[d] for d in dims},
                "period": record["period"],
                "before": before,
                "after": after,
                "status": status,
            }
        )
    return pd.DataFrame.from_records(
        records, columns=[*dims, "period", "before", "after", "status"]
    )


def plan_rows(
    raw: RawTable, dataset: Dataset, replace: bool, source_format: str | None = None
) -> ImportPlan:
    """Check the cells of an uploaded (or fetched) table; see the module docstring."""
    spec_for(dataset.id)
    meta = dataset.metadata
    columns = map_columns(raw, dataset, source_format)
    if not raw.rows:
        raise raw.error("filen har ingen datarækker under overskriften.", raw.header_row + 1)
    known = _Known(dataset)
    existing = set(dataset.frame["period"])
    newest = max(existing, key=period_order)
    shape = period_shape(newest)
    rows: list[dict[str, str]] = []
    seen: dict[tuple[str, ...], int] = {}
    first_row_of: dict[str, int] = {}
    danish = decimal_comma(raw, columns, value_kind(meta.short_unit) == "count")
    for row, cells in raw.rows:
        for record in _records(raw, dataset, columns, known, row, cells, shape, danish):
            key = _key(record, meta.dimensions)
            if key in seen:
                raise raw.error(
                    f"observationen ({_describe(key, meta.dimensions, columns.labels)}, periode "
                    f"{record['period']}) står også i række {seen[key]}.",
                    row,
                    columns.labels["period"],
                )
            seen[key] = row
            first_row_of.setdefault(record["period"], row)
            rows.append(record)
    if not rows:
        raise raw.error(
            "ingen rækker passer til datasættet (områder, »I alt« i de øvrige kolonner).",
            raw.header_row + 1,
        )
    periods = sorted(first_row_of, key=period_order)
    replaced = [p for p in periods if p in existing]
    if replaced and not replace:
        period = replaced[0]
        raise raw.error(
            f"perioden {period} ({period_label(period)}) findes allerede i datasættet. Vælg "
            "»Erstat en eksisterende periode«, hvis tallene skal erstattes.",
            first_row_of[period],
            columns.labels["period"],
        )
    newest_rows = dataset.frame[dataset.frame["period"] == newest]
    if columns.measure_column:  # only the measures the source has
        newest_rows = newest_rows[newest_rows[columns.measure_column].isin(columns.measures)]
    required = {
        tuple(str(v) for v in key) for key in newest_rows[meta.dimensions].itertuples(index=False)
    }
    for period in periods:
        have = {key[:-1] for key in seen if key[-1] == period}
        missing = sorted(required - have)
        if missing:
            example = _describe(missing[0], meta.dimensions, columns.labels)
            raise raw.error(
                f"perioden {period} mangler {len(missing)} række(r), som datasættet har for "
                f"{period_label(newest)}, fx {example}.",
                None,
                columns.labels[meta.dimensions[0]],
            )
    return ImportPlan(
        dataset_id=dataset.id,
        file_name=raw.file_name,
        sha256="",
        source_format=columns.source_format,
        columns=meta.csv_columns,
        rows=rows,
        new_periods=[p for p in periods if p not in existing],
        replaced_periods=replaced,
        changes=_changes(dataset, rows, existing),
    )


def plan_import(file_name: str, data: bytes, dataset: Dataset, replace: bool = False) -> ImportPlan:
    """Read and check an uploaded file against ``dataset`` (the effective dataset, all periods)."""
    plan = plan_rows(read_upload(file_name, data), dataset, replace)
    return ImportPlan(**{**plan.__dict__, "sha256": sha256_of(data)})


def plan_table(
    raw: RawTable, sha256: str, source_format: str, dataset: Dataset, replace: bool = False
) -> ImportPlan:
    """Check a table fetched from a service (already cells; ``sha256`` of the response)."""
    plan = plan_rows(raw, dataset, replace, source_format)
    return ImportPlan(**{**plan.__dict__, "sha256": sha256})
