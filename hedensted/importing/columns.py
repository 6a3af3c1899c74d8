"""Which file column is which catalog column: the template's or a Jobindsats export's header.

- The **template** has the dataset's own columns (``area``, ``group``,
  ``period``, ``value`` …, as in ``data/<id>.csv``), in any order.
- A **Jobindsats.dk** export has labelled headers: ``Område``, ``Periode``, the
  dimension's Danish label (``Ydelsesgruppe``, ``Målgruppe`` …, from the
  dataset's ``column_labels`` or the aliases below) and one number column named
  after the measure. A Jobindsats file has no ``area_type``; it is taken from
  the dataset's known areas.
"""

from __future__ import annotations

from dataclasses import dataclass

from hedensted.core.catalog import Dataset
from hedensted.importing.reading import RawTable

ALIASES = {
    "område": "area",
    "omraade": "area",
    "kommune": "area",
    "periode": "period",
    "ydelsesgruppe": "group",
    "ydelse": "group",
    "målgruppe": "target_group",
    "status": "category",
}
JOBINDSATS_FORMAT = "Jobindsats.dk-eksport (CSV)"
_UNIT_WORDS = {
    "percent": ("pct", "procent", "%"),
    "kroner": ("kr.", "kroner", "udgift"),
}


@dataclass(frozen=True)
class ColumnMap:
    """Catalog column → (position in the file, the header as written in the file)."""

    source_format: str
    danish_numbers: bool
    jobindsats_periods: bool
    positions: dict[str, int]
    labels: dict[str, str]


def _is_template(header: list[str]) -> bool:
    return "period" in header or "value" in header


def _template_map(raw: RawTable, dataset: Dataset) -> ColumnMap:
    expected = dataset.metadata.csv_columns
    for column in expected:
        if column not in raw.header:
            raise raw.error(
                "kolonnen mangler i overskriften (skabelonens kolonner: "
                + ", ".join(expected)
                + ").",
                raw.header_row,
                column,
            )
    seen: set[str] = set()
    for column in raw.header:
        if column not in expected:
            raise raw.error(
                "kolonnen kendes ikke i dette datasæt – brug skabelonen fra siden.",
                raw.header_row,
                column or "(tom overskrift)",
            )
        if column in seen:
            raise raw.error("kolonnen står to gange i overskriften.", raw.header_row, column)
        seen.add(column)
    kind = "Skabelon (Excel)" if raw.kind == "xlsx" else "Skabelon (CSV)"
    return ColumnMap(
        source_format=kind,
        danish_numbers=False,
        jobindsats_periods=False,
        positions={c: raw.header.index(c) for c in expected},
        labels={c: c for c in expected},
    )


def _label_lookup(dataset: Dataset) -> dict[str, str]:
    meta = dataset.metadata
    lookup = {k: v for k, v in ALIASES.items() if v in [*meta.dimensions, "period"]}
    for column, label in meta.column_labels.items():
        if column in [*meta.dimensions, "period", *meta.attributes]:
            lookup[label.strip().lower()] = column
    return lookup


def _check_unit(raw: RawTable, label: str, short_unit: str) -> None:
    lowered = label.lower()
    own = "percent" if short_unit == "%" else "kroner" if short_unit == "kr." else None
    for kind, words in _UNIT_WORDS.items():
        if kind != own and any(word in lowered for word in words):
            raise raw.error(
                f"talkolonnen ser ud til at have en anden enhed end datasættets »{short_unit}«.",
                raw.header_row,
                label,
            )


def _jobindsats_map(raw: RawTable, dataset: Dataset) -> ColumnMap:
    meta = dataset.metadata
    if raw.kind == "csv" and raw.delimiter != ";":
        raise raw.error(
            "forkert skilletegn: en Jobindsats-eksport er adskilt med semikolon (;), "
            "men denne fil med komma.",
            raw.header_row,
            raw.header[0] if raw.header else None,
        )
    lookup = _label_lookup(dataset)
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    unmatched: list[int] = []
    for position, label in enumerate(raw.header):
        column = lookup.get(label.strip().lower())
        if column is None:
            unmatched.append(position)
            continue
        if column in positions:
            raise raw.error("kolonnen står to gange i overskriften.", raw.header_row, label)
        positions[column] = position
        labels[column] = label
    for column in [*meta.dimensions, "period"]:
        if column not in positions:
            wanted = meta.column_labels.get(column) or next(
                (k.capitalize() for k, v in ALIASES.items() if v == column), column
            )
            raise raw.error("kolonnen mangler i overskriften.", raw.header_row, wanted)
    if len(unmatched) != 1:
        names = [raw.header[p] or "(tom overskrift)" for p in unmatched]
        message = (
            "filen har ingen talkolonne."
            if not names
            else "filen må kun have én talkolonne ud over Område, Periode og "
            f"{', '.join(labels[d] for d in meta.dimensions if d != 'area') or 'dimensionerne'}; "
            f"fandt {len(names)}: {', '.join(names)}."
        )
        raise raw.error(message, raw.header_row, names[1] if len(names) > 1 else None)
    value_label = raw.header[unmatched[0]]
    _check_unit(raw, value_label, meta.short_unit)
    positions["value"] = unmatched[0]
    labels["value"] = value_label
    return ColumnMap(
        source_format=JOBINDSATS_FORMAT if raw.kind == "csv" else "Jobindsats.dk-eksport (Excel)",
        danish_numbers=raw.kind == "csv",
        jobindsats_periods=True,
        positions=positions,
        labels=labels,
    )


def map_columns(raw: RawTable, dataset: Dataset) -> ColumnMap:
    """The column map of an uploaded table, or a Danish error about its header."""
    if not raw.header or not any(raw.header):
        raise raw.error("der er ingen overskrift.", raw.header_row)
    if _is_template(raw.header):
        return _template_map(raw, dataset)
    lowered = {h.strip().lower() for h in raw.header}
    if lowered & {"periode", "område"}:
        return _jobindsats_map(raw, dataset)
    raise raw.error(
        "overskriften er hverken skabelonens ("
        + ", ".join(dataset.metadata.csv_columns)
        + ") eller en Jobindsats-eksports (Område, Periode, …).",
        raw.header_row,
        raw.header[0],
    )
