"""Rows of an uploaded table checked against the dataset, before anything is written.

:func:`plan_import` refuses the whole file at its first problem with a
:class:`~hedensted.core.catalog.DatasetError` naming the file, the row (as numbered in
the file) and the column (as written in the file). Checked:

- every dimension value is one the dataset already has (areas, groups …), no
  text looks like a formula, and a Jobindsats ``area_type`` comes from the areas;
  in a Jobindsats table, rows of other areas are skipped and extra dimension
  columns are read at »I alt« only (:mod:`hedensted.importing.columns`);
- the period maps to a catalog code of the same kind as the dataset's periods,
  is not after the current month nor more than ``MAX_YEARS_BEFORE`` years before
  the dataset's first period, and is new – or the editor chose to replace it;
- numbers follow the dataset's unit and range (:mod:`hedensted.importing.cells`);
- no observation twice, and a new period has every row the newest period has;
- a value more than ``JUMP_FACTOR`` (10) times above or below the same
  observation in the period before (datasets with one unit: %, kr., persons,
  weeks – not a table of mixed measures such as ranks) is an :class:`Outlier`:
  the plan is made, but :func:`check_confirmed` refuses to save it unless the
  editor confirmed each such value.

The result, an :class:`ImportPlan`, holds the rows in the catalog's own format
and what changes (new periods, changed values) for the preview.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from hedensted.core.catalog import Dataset
from hedensted.core.numbers import shown
from hedensted.core.periods import parse_period, period_label
from hedensted.importing.areas import MUNICIPALITIES, area_name
from hedensted.importing.cells import check_text, machine_text, parse_value
from hedensted.importing.columns import ColumnMap, decimal_comma, map_columns
from hedensted.importing.jobindsats_periods import catalog_period, period_shape
from hedensted.importing.reading import RawTable, read_upload
from hedensted.importing.specs import spec_for, value_kind
from hedensted.present.formatting import format_month, format_value

MAX_YEARS_BEFORE = 10


JUMP_FACTOR = 10


@dataclass(frozen=True)
class Outlier:
    """A value more than ``JUMP_FACTOR`` times above or below the same observation in the
    period before; it is saved only when the editor confirms it (``key``)."""

    key: str
    row: int
    text: str  # Danish: where, before → after, how many times


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
    outliers: list[Outlier] = field(default_factory=list)

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


def end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


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


def _period(
    raw: RawTable, text: str, columns: ColumnMap, row: int, shape: str, bounds: tuple[date, date]
) -> str:
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
    period = parse_period(code)
    earliest, latest = bounds
    if period.end > latest:
        raise raw.error(
            f"perioden »{shown(text)}« ({period_label(code)}) ligger efter indeværende måned "
            f"({format_month(latest)}) – tal for en periode, der ikke er slut, kan ikke indlæses.",
            row,
            label,
        )
    if period.start < earliest:
        raise raw.error(
            f"perioden »{shown(text)}« ({period_label(code)}) ligger mere end "
            f"{MAX_YEARS_BEFORE} år før datasættets første periode – tjek årstallet.",
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
    bounds: tuple[date, date],
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
    record["period"] = _period(
        raw, _text(raw, cells, columns, "period", row), columns, row, shape, bounds
    )
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


def period_bounds(dataset: Dataset, today: date) -> tuple[date, date]:
    """The first and last day a new period may cover: from ``MAX_YEARS_BEFORE`` years
    before the dataset's first period to the end of the current month."""
    first = min(parse_period(p).start for p in set(dataset.frame["period"]))
    return first.replace(year=first.year - MAX_YEARS_BEFORE, day=1), end_of_month(today)


def plan_rows(
    raw: RawTable,
    dataset: Dataset,
    replace: bool,
    source_format: str | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Check the cells of an uploaded (or fetched) table; see the module docstring."""
    spec_for(dataset.id)
    meta = dataset.metadata
    columns = map_columns(raw, dataset, source_format)
    if raw.width_problem is not None:
        raise raw.width_problem
    if not raw.rows:
        raise raw.error("filen har ingen datarækker under overskriften.", raw.header_row + 1)
    known = _Known(dataset)
    existing = set(dataset.frame["period"])
    newest = max(existing, key=period_order)
    shape = period_shape(newest)
    bounds = period_bounds(dataset, today or date.today())
    rows: list[dict[str, str]] = []
    seen: dict[tuple[str, ...], int] = {}
    first_row_of: dict[str, int] = {}
    danish = decimal_comma(raw, columns, value_kind(meta.short_unit) == "count")
    for row, cells in raw.rows:
        for record in _records(raw, dataset, columns, known, row, cells, shape, danish, bounds):
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
        outliers=_outliers(dataset, rows, seen, columns.labels),
    )


def _times(factor: float) -> str:
    return f"{factor:.0f}" if factor >= 100 else f"{factor:.1f}".replace(".", ",")


def _outliers(
    dataset: Dataset, rows: list[dict[str, str]], row_of: dict[tuple[str, ...], int], labels
) -> list[Outlier]:
    """Values that jump more than ``JUMP_FACTOR`` times against the period before."""
    meta = dataset.metadata
    if value_kind(meta.short_unit) == "number":
        return []  # mixed measures (ranks, counts, shares): a ratio says nothing
    dims = meta.dimensions
    known: dict[tuple[str, ...], float] = {}
    for shipped in dataset.frame.to_dict("records"):
        if not shipped.get("missing") and not math.isnan(shipped["value"]):
            known[(*(str(shipped[d]) for d in dims), str(shipped["period"]))] = float(
                shipped["value"]
            )
    for record in rows:
        if record["value"] != ".":
            known[_key(record, dims)] = float(record["value"])
    periods = sorted({k[-1] for k in known}, key=period_order)
    found = []
    for record in rows:
        if record["value"] == ".":
            continue
        key = _key(record, dims)
        position = periods.index(record["period"])
        before = next(
            (
                (p, known[(*key[:-1], p)])
                for p in reversed(periods[:position])
                if (*key[:-1], p) in known
            ),
            None,
        )
        after = float(record["value"])
        if before is None or before[1] <= 0 or after <= 0:
            continue  # a ratio needs two positive values
        factor = after / before[1]
        if 1 / JUMP_FACTOR <= factor <= JUMP_FACTOR:
            continue
        direction = (
            f"{_times(factor)} gange større" if factor > 1 else f"{_times(1 / factor)} gange mindre"
        )
        where = ", ".join(record[d] for d in dims)
        shown_before = format_value(before[1], meta.short_unit, meta.decimals)
        shown_after = format_value(after, meta.short_unit, meta.decimals)
        found.append(
            Outlier(
                key="|".join(key),
                row=row_of[key],
                text=(
                    f"{where}, {period_label(record['period'])} (række {row_of[key]}): "
                    f"{shown_after} mod {shown_before} i {period_label(before[0])} – {direction}."
                ),
            )
        )
    return found


class OutliersNotConfirmed(ValueError):
    """A plan with jumps that the editor has not confirmed one by one; nothing saved."""


def check_confirmed(plan: ImportPlan, accepted: Collection[str]) -> None:
    """Raise :class:`OutliersNotConfirmed` unless every outlier's key is in ``accepted``."""
    missing = [o for o in plan.outliers if o.key not in set(accepted)]
    if missing:
        raise OutliersNotConfirmed(
            f"Intet er gemt: {len(missing)} tal ændrer sig mere end {JUMP_FACTOR} gange i forhold "
            "til perioden før og skal bekræftes hvert for sig (en tastefejl som 2,674 for "
            "2.674 giver en faktor 1.000): " + " ".join(o.text for o in missing)
        )


def plan_import(
    file_name: str,
    data: bytes,
    dataset: Dataset,
    replace: bool = False,
    today: date | None = None,
) -> ImportPlan:
    """Read and check an uploaded file against ``dataset`` (the effective dataset, all periods)."""
    plan = plan_rows(read_upload(file_name, data), dataset, replace, today=today)
    return ImportPlan(**{**plan.__dict__, "sha256": sha256_of(data)})


def plan_table(
    raw: RawTable, sha256: str, source_format: str, dataset: Dataset, replace: bool = False
) -> ImportPlan:
    """Check a table fetched from a service (already cells; ``sha256`` of the response)."""
    plan = plan_rows(raw, dataset, replace, source_format)
    return ImportPlan(**{**plan.__dict__, "sha256": sha256})
