"""The provenance every dataset in ``data/`` must carry, validated with pydantic."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from hedensted.core.periods import parse_period
from hedensted.present.formatting import format_long_date

# Columns every dataset has; they cannot be declared as dimensions or attributes.
RESERVED_COLUMNS = frozenset({"period", "value"})

# Danish headings of the common columns; a dataset's ``column_labels`` adds to them.
DEFAULT_LABELS = {
    "area": "Område",
    "area_type": "Områdetype",
    "group": "Ydelsesgruppe",
    "target_group": "Målgruppe",
    "category": "Status",
    "period": "Periode",
    "value": "Værdi",
    "note": "Note",
    "qualifier": "Præcision",
}

AttributeType = Literal["text", "number", "integer", "url"]

KNOWN_PRODUCERS = (
    "Jobindsats.dk",
    "Danmarks Statistik",
    "Beskæftigelsesministeriet",
    "Jobcenter Hedensted",
    "Hedensted Kommune",
    "RAR Østjylland",
    "Styrelsen for Arbejdsmarked og Rekruttering",
)


def nested_quotes(text: str) -> str:
    """``text`` to be put in »…«: its own quotes become the inner ›…‹, as Danish
    typography nests them (»tabellerne ›Forskel‹ og ›Udvikling‹«, not »…»Forskel«…«)."""
    return text.replace("»", "›").replace("«", "‹")


class TotalCheck(BaseModel):
    """A published total and the parts it should equal.

    Within each combination of the ``by`` columns, the row whose ``dimension`` is
    ``total_label`` is compared with the sum of the rows named in ``parts`` (or, if
    ``parts`` is empty, every other row). ``where`` limits the check to rows whose
    columns have one of the listed values (e.g. only the measures that add up).
    Differences are reported, never fixed.
    """

    model_config = ConfigDict(extra="forbid")

    dimension: str
    total_label: str
    by: list[str] = Field(default_factory=list)
    parts: list[str] = Field(default_factory=list)
    where: dict[str, list[str]] = Field(default_factory=dict)
    explanation: str = ""


PeriodType = Literal["M", "Q", "QMAT", "Y"]


class SourceDimension(BaseModel):
    """One dimension of a source table, matched by its Danish name when data is fetched.

    ``column`` is the catalog column it fills; ``name`` the source's Danish name
    (Jobindsats: ``Område``, ``Ydelsesgrupper``; Statistikbanken: ``OMRÅDE``);
    ``values`` maps a catalog value to the source's name where the two differ
    (``Alle ydelser`` → ``Ydelsesgrupper i alt``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str
    name: str = Field(min_length=2)
    values: dict[str, str] = Field(default_factory=dict)

    def source_value(self, value: str) -> str:
        return self.values.get(value, value)

    def catalog_value(self, source_value: str) -> str:
        reverse = {v: k for k, v in self.values.items()}
        return reverse.get(source_value, source_value)


class RefreshSource(BaseModel):
    """Where a dataset's new periods come from, by Danish names – never typed by an editor.

    - ``service``: ``jobindsats`` (Jobindsats API v3, needs a key) or
      ``statistikbanken`` (Danmarks Statistik, keyless).
    - ``producer``: who produces the fetched figures (may differ from the
      dataset's ``producer``, which describes the shipped document's figures).
    - ``table``: the source's table id (``y30r21``, ``AUF01``).
    - ``period_type``: the source's period type (``M``, ``Q``, ``QMAT``, ``Y``).
    - ``measure``: the one measure (a Jobindsats measure's Danish name, or for
      Statistikbanken the value column ``INDHOLD``); or ``measures``: several
      measure columns, each filling one value of the catalog column
      ``measure_column`` (catalog value → source measure name).
    - ``dimensions``: the catalog's dimensions and their source names.
    - ``fixed``: other source dimensions held at one value (Danish names);
      any other dimension is held at its total (»I alt«).
    - ``areas``: ``dataset`` (only the dataset's own areas are required) or
      ``kommuner`` (all 98 municipalities are kept, e.g. for a ranking).
    - ``confirmed``: whether the names have been checked against the live
      service (``false``: taken from public clients; a wrong name is refused
      at fetch time with the names the table has).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    service: Literal["jobindsats", "statistikbanken"]
    producer: str = Field(min_length=2)
    table: str = Field(pattern=r"^[A-Za-z0-9_]+$")
    period_type: PeriodType
    measure: str = ""
    measures: dict[str, str] = Field(default_factory=dict)
    measure_column: str = ""
    dimensions: list[SourceDimension] = Field(min_length=1)
    fixed: dict[str, str] = Field(default_factory=dict)
    areas: Literal["dataset", "kommuner"] = "dataset"
    confirmed: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _one_kind_of_measure(self) -> RefreshSource:
        if bool(self.measure) == bool(self.measures):
            raise ValueError("Angiv enten »measure« eller »measures« (ikke begge).")
        if bool(self.measures) != bool(self.measure_column):
            raise ValueError("»measures« kræver »measure_column« (og omvendt).")
        return self

    @property
    def service_name(self) -> str:
        return "Jobindsats' API v3" if self.service == "jobindsats" else "Statistikbanken"

    def dimension(self, column: str) -> SourceDimension | None:
        return next((d for d in self.dimensions if d.column == column), None)


class LeftOut(BaseModel):
    """A sentence of the source deliberately not made a row of the dataset, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=3)
    reason: str = Field(min_length=3)


class Spelling(BaseModel):
    """A spelling in the source worth knowing: corrected for display, or kept as
    published (``shown_as`` empty). Listed on »Om data«."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    in_source: str = Field(min_length=2)
    shown_as: str = ""
    note: str = ""


class DatasetMetadata(BaseModel):
    """Required provenance and structure of one dataset (one CSV file)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=3)
    producer: str = Field(min_length=2)
    source_document: str = Field(min_length=3)
    source_date: date
    # When the document gives no exact date, say so in words (e.g. "sommeren 2019").
    source_date_label: str = ""
    seed_file: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    source_table: str = Field(min_length=2)
    source_url: HttpUrl | None = None
    periods: list[str] = Field(min_length=1)
    period_label: str = Field(min_length=2)
    unit: str = Field(min_length=1)
    short_unit: str = Field(min_length=1)
    kind: Literal["observations", "records"] = "observations"
    dimensions: list[str] = Field(default_factory=list)
    attributes: dict[str, AttributeType] = Field(default_factory=dict)
    column_labels: dict[str, str] = Field(default_factory=dict)
    # None: show values as published (no trailing zeros); used for mixed-unit tables.
    decimals: int | None = Field(default=None, ge=0, le=3)
    notes: str = ""
    totals: list[TotalCheck] = Field(default_factory=list)
    # How new periods are fetched (Jobindsats API v3 or Statistikbanken); None: files only.
    refresh: RefreshSource | None = None
    # Sentences of the source deliberately left out of the rows, with the reason.
    left_out: list[LeftOut] = Field(default_factory=list)
    # Spellings in the source: corrected for display, or kept as published.
    spellings: list[Spelling] = Field(default_factory=list)

    @field_validator("periods")
    @classmethod
    def _periods_parse(cls, periods: list[str]) -> list[str]:
        for code in periods:
            parse_period(code)
        if len(set(periods)) != len(periods):
            raise ValueError("Samme periode står flere gange.")
        return periods

    @model_validator(mode="after")
    def _structure_is_consistent(self) -> DatasetMetadata:
        if self.kind == "observations" and not self.dimensions:
            raise ValueError("Et datasæt med observationer skal have mindst én dimension.")
        if self.kind == "records" and self.dimensions:
            raise ValueError("Et datasæt med poster (records) har ingen dimensioner.")
        if self.kind == "records" and not self.attributes:
            raise ValueError("Et datasæt med poster (records) skal have attributter.")
        declared = [*self.dimensions, *self.attributes]
        clash = RESERVED_COLUMNS.intersection(declared)
        if clash:
            raise ValueError(f"Kolonnenavnene {sorted(clash)} er reserverede.")
        if len(set(declared)) != len(declared):
            raise ValueError("En kolonne er erklæret to gange.")
        for check in self.totals:
            if check.dimension not in self.dimensions:
                raise ValueError(
                    f"Totalkontrollen bruger dimensionen '{check.dimension}', som ikke er erklæret."
                )
            missing_by = [col for col in check.by if col not in [*self.dimensions, "period"]]
            if missing_by:
                raise ValueError(f"Totalkontrollen grupperer efter ukendte kolonner {missing_by}.")
            unknown_where = [col for col in check.where if col not in self.dimensions]
            if unknown_where:
                raise ValueError(f"Totalkontrollen filtrerer på ukendte kolonner {unknown_where}.")
        if self.refresh is not None:
            self._check_refresh(self.refresh)
        return self

    def _check_refresh(self, refresh: RefreshSource) -> None:
        covered = [d.column for d in refresh.dimensions]
        if refresh.measure_column:
            covered.append(refresh.measure_column)
        unknown = [c for c in covered if c not in self.dimensions]
        if unknown:
            raise ValueError(f"Opdateringen bruger ukendte dimensioner {unknown}.")
        missing = [d for d in self.dimensions if d not in covered]
        if missing:
            raise ValueError(f"Opdateringen siger ikke, hvor dimensionerne {missing} kommer fra.")

    @property
    def csv_columns(self) -> list[str]:
        """The exact header the CSV file must have, in order."""
        if self.kind == "observations":
            return [*self.dimensions, "period", "value", *self.attributes]
        return ["period", *self.attributes]

    def source_line(self) -> str:
        """One-line Danish provenance, as shown under charts and tables."""
        dated = self.source_date_label or format_long_date(self.source_date)
        # Don't repeat a date the document's title already carries; keep any remark
        # after it ("sommeren 2019; præcis dato står ikke i dokumentet").
        date_words, _, remark = (part.strip() for part in dated.partition(";"))
        if date_words in self.source_document:
            document = f"{self.source_document} ({remark})" if remark else self.source_document
        else:
            document = f"{self.source_document} ({dated})"
        return (
            f"Kilde: {self.producer}, {self.period_label}. "
            f"{document}, "
            f"tabel/afsnit: »{nested_quotes(self.source_table)}«."
        )
