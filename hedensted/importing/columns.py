"""Which file column is which catalog column: the template's or a Jobindsats table's header.

- The **template** has the dataset's own columns (``area``, ``group``,
  ``period``, ``value`` …, as in ``data/<id>.csv``), in any order.
- A **Jobindsats** table – a file downloaded from jobindsats.dk, or an API v3
  response (the same shape) – has Danish headers: ``Periode``, one column per
  dimension (``Område``, v2's ``Area``, ``Ydelsesgrupper`` …) and one column per
  measure (``Antal ledige personer``, ``<gruppe>: <mål>`` …). It is read as:

  - the dataset's dimensions by their Danish names (the dataset's ``refresh``
    metadata, else its ``column_labels`` and the aliases below);
  - the measure the dataset names (``refresh.measure``), or several measure
    columns that fill the dataset's ``measure`` dimension (``refresh.measures``);
    a file with several measure columns and no choice in the metadata is refused;
  - any other dimension column is held at its total: only rows whose value is
    »I alt« (or ends in »i alt«) are read;
  - rows of areas the dataset does not have are ignored (only the dataset's own
    rows are required); a dataset that ranks municipalities keeps all 98.

  A Jobindsats table has no ``area_type``; it is taken from the dataset's areas.

:func:`decimal_comma` decides the decimal separator once per file from its
value cells, and refuses a file that mixes them or cannot be read either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hedensted.core.catalog import Dataset
from hedensted.core.metadata import RefreshSource
from hedensted.importing.areas import MUNICIPALITIES
from hedensted.importing.reading import RawTable

ALIASES = {
    "område": "area",
    "omraade": "area",
    "area": "area",
    "kommune": "area",
    "periode": "period",
    "period": "period",
    "ydelsesgruppe": "group",
    "ydelsesgrupper": "group",
    "ydelse": "group",
    "målgruppe": "target_group",
    "status": "category",
}
# Names the same source dimension goes by (v2/v3, singular/plural, downloaded/API).
SAME_NAMES = (
    {"område", "omraade", "area", "kommune"},
    {"ydelsesgrupper", "ydelsesgruppe", "ydelse"},
    {"periode", "period", "tid"},
)
JOBINDSATS_FORMAT = "Jobindsats.dk-eksport (CSV)"
_UNIT_WORDS = {
    "percent": ("pct", "procent", "%"),
    "kroner": ("kr.", "kroner", "udgift"),
}
MISSING = frozenset({".", "..", "-", "–", ""})
_NUMBER_TEXT = re.compile(r"^-?[\d.,\s\u00a0]+(\s*(%|pct\.?|kr\.?))?$", re.IGNORECASE)
_COMMA_DECIMAL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+),\d+$")
_POINT_DECIMAL = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$")
_DOT_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class ColumnMap:
    """Catalog column → (position in the file, the header as written in the file).

    ``measures`` (catalog value of ``measure_column`` → position) is set when
    several measure columns fill one dimension; otherwise ``positions["value"]``
    is the one value column. ``at_total`` lists extra dimension columns (position
    → the total value, e.g. ``I alt``); only rows at that value are read.
    ``value_names`` translates a source's value to the catalog's (per catalog
    column). Rows of an area in neither the dataset nor ``extra_areas`` are
    skipped when ``skip_other_areas``.
    """

    source_format: str
    danish_numbers: bool
    jobindsats_periods: bool
    positions: dict[str, int]
    labels: dict[str, str]
    measure_column: str | None = None
    measures: dict[str, int] = field(default_factory=dict)
    at_total: dict[int, str] = field(default_factory=dict)
    value_names: dict[str, dict[str, str]] = field(default_factory=dict)
    skip_other_areas: bool = False
    extra_areas: frozenset[str] = frozenset()

    def value_positions(self) -> list[int]:
        return list(self.measures.values()) if self.measures else [self.positions["value"]]


def norm(text: str) -> str:
    """A header or name compared loosely: case, surrounding and repeated spaces."""
    return " ".join(str(text).split()).casefold()


def same_name(header: str, wanted: str) -> bool:
    """A source header is the wanted dimension name (``Område`` = ``Area``)."""
    h, w = norm(header), norm(wanted)
    return h == w or any(h in names and w in names for names in SAME_NAMES)


def measure_matches(name: str, wanted: str) -> bool:
    """A measure column or name is the wanted measure.

    ``Forventet og faktisk antal …: Faktisk antal`` matches ``Faktisk antal`` and
    itself; two names with different group prefixes do not match.
    """
    n, w = norm(name), norm(wanted)
    if n == w:
        return True
    if ": " in n and ": " in w:
        return False
    return n.rsplit(": ", 1)[-1] == w.rsplit(": ", 1)[-1]


def is_total(value: object) -> bool:
    """»I alt«, »Ydelsesgrupper i alt«, »A-kasse i alt« …"""
    text = norm(str(value or ""))
    return text == "i alt" or text.endswith(" i alt") or text.startswith("i alt ")


def _total_value(raw: RawTable, position: int, label: str) -> str:
    """The value of an extra dimension column whose rows are read: its grand total.

    ``I alt`` or ``<header> i alt`` (``Tilbud i alt``) when present, else the
    first total-like value (a hierarchy lists its root first).
    """
    values = list(
        dict.fromkeys(
            str(c[position]).strip() for _, c in raw.rows if position < len(c) and c[position]
        )
    )
    totals = [v for v in values if is_total(v)]
    if not totals:
        raise raw.error(
            f"kolonnen »{label}« er ikke en af datasættets dimensioner, og den har ingen "
            "»I alt«-række at læse.",
            raw.header_row,
            label,
        )
    for wanted in ("i alt", f"{norm(label)} i alt"):
        for value in totals:
            if norm(value) == wanted:
                return value
    return totals[0]


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


def _dimension_names(dataset: Dataset) -> dict[str, list[str]]:
    """Catalog column → the Danish names its source column may have."""
    meta = dataset.metadata
    names: dict[str, list[str]] = {}
    for alias, column in ALIASES.items():
        names.setdefault(column, []).append(alias)
    for column, label in meta.column_labels.items():
        names.setdefault(column, []).insert(0, label)
    if meta.refresh is not None:
        for source in meta.refresh.dimensions:
            names.setdefault(source.column, []).insert(0, source.name)
    wanted = [*(d for d in meta.dimensions if d != _measure_column(meta.refresh)), "period"]
    wanted += [a for a in meta.attributes if a in meta.column_labels]
    return {column: names.get(column, [column]) for column in wanted}


def _measure_column(refresh: RefreshSource | None) -> str | None:
    return refresh.measure_column or None if refresh is not None else None


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


def _is_number_cell(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if value is None or isinstance(value, int | float):
        return True
    text = str(value).strip()
    return text in MISSING or _NUMBER_TEXT.match(text) is not None


def _numeric_column(raw: RawTable, position: int) -> bool:
    """A measure column: most cells are numbers (a stray text cell is refused later)."""
    cells = [c[position] if position < len(c) else None for _, c in raw.rows]
    numbers = sum(_is_number_cell(v) for v in cells)
    return numbers * 2 > len(cells) or not cells


def _choose_measures(
    raw: RawTable, dataset: Dataset, candidates: list[int]
) -> tuple[str | None, dict[str, int], dict[str, int]]:
    """(measure column, catalog measure → position, {"value": position}) for the file."""
    meta = dataset.metadata
    refresh = meta.refresh
    names = [raw.header[p] for p in candidates]
    if refresh is not None and refresh.measures:
        found: dict[str, int] = {}
        for value, wanted in refresh.measures.items():
            hits = [p for p in candidates if measure_matches(raw.header[p], wanted)]
            if not hits:
                raise raw.error(
                    f"målet »{wanted}« ({value}) står ikke i filen. Talkolonner: "
                    f"{', '.join(names) or 'ingen'}.",
                    raw.header_row,
                )
            found[value] = hits[0]
        return refresh.measure_column, found, {}
    if refresh is not None and refresh.service == "jobindsats":
        hits = [p for p in candidates if measure_matches(raw.header[p], refresh.measure)]
        if hits:
            return None, {}, {"value": hits[0]}
        if len(candidates) != 1:
            raise raw.error(
                f"målet »{refresh.measure}« står ikke i filen. Talkolonner: "
                f"{', '.join(names) or 'ingen'}.",
                raw.header_row,
            )
    wanted_label = meta.column_labels.get("value")
    if len(candidates) > 1 and wanted_label:
        hits = [p for p in candidates if measure_matches(raw.header[p], wanted_label)]
        if len(hits) == 1:
            return None, {}, {"value": hits[0]}
    if len(candidates) != 1:
        message = (
            "filen har ingen talkolonne."
            if not candidates
            else f"filen har {len(candidates)} talkolonner ({', '.join(names)}), og datasættets "
            "metadata siger ikke, hvilket mål der skal bruges. Gem kun den ene kolonne, eller "
            "brug skabelonen."
        )
        raise raw.error(message, raw.header_row, names[1] if len(names) > 1 else None)
    _check_unit(raw, raw.header[candidates[0]], meta.short_unit)
    return None, {}, {"value": candidates[0]}


def _jobindsats_map(raw: RawTable, dataset: Dataset, source_format: str | None) -> ColumnMap:
    meta = dataset.metadata
    if raw.kind == "csv" and raw.delimiter != ";":
        raise raw.error(
            "forkert skilletegn: en Jobindsats-eksport er adskilt med semikolon (;), "
            "men denne fil med komma.",
            raw.header_row,
            raw.header[0] if raw.header else None,
        )
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    for column, names in _dimension_names(dataset).items():
        hits = [p for p, h in enumerate(raw.header) if any(same_name(h, n) for n in names)]
        if len(hits) > 1:
            twice = raw.header[hits[1]]
            raise raw.error("kolonnen står to gange i overskriften.", raw.header_row, twice)
        if hits:
            positions[column] = hits[0]
            labels[column] = raw.header[hits[0]]
        elif column not in meta.attributes:
            wanted = names[0].capitalize()
            raise raw.error("kolonnen mangler i overskriften.", raw.header_row, wanted)
    rest = [p for p in range(len(raw.header)) if p not in positions.values()]
    numeric = [p for p in rest if _numeric_column(raw, p)]
    extra = [p for p in rest if p not in numeric]
    at_total = {p: _total_value(raw, p, raw.header[p] or "(tom overskrift)") for p in extra}
    measure_column, measures, value = _choose_measures(raw, dataset, numeric)
    positions.update(value)
    if value:
        labels["value"] = raw.header[value["value"]]
    for name, position in measures.items():
        labels[f"measure:{name}"] = raw.header[position]
    refresh = meta.refresh
    value_names = (
        {d.column: {v: k for k, v in d.values.items()} for d in refresh.dimensions}
        if refresh is not None
        else {}
    )
    if measure_column:
        labels[measure_column] = "(talkolonnerne)"
    default_format = JOBINDSATS_FORMAT if raw.kind == "csv" else "Jobindsats.dk-eksport (Excel)"
    return ColumnMap(
        source_format=source_format or default_format,
        danish_numbers=raw.kind == "csv",
        jobindsats_periods=True,
        positions=positions,
        labels=labels,
        measure_column=measure_column,
        measures=measures,
        at_total=at_total,
        value_names=value_names,
        skip_other_areas="area" in meta.dimensions,
        extra_areas=frozenset(MUNICIPALITIES)
        if refresh is not None and refresh.areas == "kommuner"
        else frozenset(),
    )


def map_columns(raw: RawTable, dataset: Dataset, source_format: str | None = None) -> ColumnMap:
    """The column map of an uploaded (or fetched) table, or a Danish error about its header."""
    if not raw.header or not any(raw.header):
        raise raw.error("der er ingen overskrift.", raw.header_row)
    if _is_template(raw.header):
        return _template_map(raw, dataset)
    if any(same_name(h, "periode") or same_name(h, "område") for h in raw.header):
        return _jobindsats_map(raw, dataset, source_format)
    raise raw.error(
        "overskriften er hverken skabelonens ("
        + ", ".join(dataset.metadata.csv_columns)
        + ") eller en Jobindsats-eksports (Område, Periode, …).",
        raw.header_row,
        raw.header[0],
    )


def decimal_comma(raw: RawTable, columns: ColumnMap, whole_numbers: bool) -> bool:
    """Whether the file's numbers use a decimal comma – decided once for the whole file.

    Evidence: ``22,7`` or ``2.993.871`` (comma); ``22.7`` (point). A file with
    both is refused; so is one whose only separators are ``1.234`` (a thousand
    or a decimal?) – unless the values are whole numbers (counts), where it can
    only be a thousand. Numbers that are already numbers (Excel, API) decide
    nothing. A template keeps its own rule (``22.7`` and ``22,7``).
    """
    if not columns.jobindsats_periods:
        return columns.danish_numbers
    comma: tuple[int, str] | None = None
    point: tuple[int, str] | None = None
    dotted: tuple[int, str] | None = None
    for row, cells in raw.rows:
        for position in columns.value_positions():
            value = cells[position] if position < len(cells) else None
            if not isinstance(value, str):
                continue
            text = re.sub(r"[^\d.,-]", "", value.replace("\u00a0", "").replace(" ", ""))
            if text.count(".") > 1 or _COMMA_DECIMAL.match(text):
                comma = comma or (row, raw.header[position])
            elif _DOT_THOUSANDS.match(text):
                dotted = dotted or (row, raw.header[position])
            elif _POINT_DECIMAL.match(text):
                point = point or (row, raw.header[position])
    if comma and point:
        raise raw.error(
            f"filen blander decimalkomma (fx række {comma[0]}) og decimalpunktum (fx række "
            f"{point[0]}), så tallene kan ikke læses sikkert. Gem filen igen med ét decimaltegn.",
            point[0],
            point[1],
        )
    if point:
        return False
    if dotted and not comma and not whole_numbers:
        raise raw.error(
            "tallene har kun punktum med tre cifre efter (fx 1.234): det kan være tusinder "
            "eller decimaler. Gem filen med decimalkomma (1,234) eller uden tusindtalspunktum.",
            dotted[0],
            dotted[1],
        )
    return True
