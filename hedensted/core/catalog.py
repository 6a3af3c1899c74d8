"""Load and validate the data catalog in ``data/``.

Each dataset is a pair of files: ``<id>.csv`` (tidy, one row per observation,
numbers with ``.`` as decimal separator, ``.`` alone for a value the source
suppressed or did not give) and ``<id>.meta.toml`` (its provenance, see
:class:`~hedensted.core.metadata.DatasetMetadata`).

Every problem is reported in plain Danish naming the file, the row and the column.
One broken dataset never stops the others from loading.
"""

from __future__ import annotations

import csv
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from hedensted.core.metadata import DatasetMetadata

PACKAGED_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "HEDENSTED_DATA_DIR"


def default_data_dir() -> Path:
    """The shipped ``data/`` folder, or the folder named by ``HEDENSTED_DATA_DIR``."""
    return Path(os.environ.get(DATA_DIR_ENV) or PACKAGED_DATA_DIR)


MISSING_MARK = "."


class DatasetError(ValueError):
    """A dataset file that cannot be used; the message names file, row and column."""

    def __init__(self, path: Path, message: str, row: int | None = None, column: str | None = None):
        self.path = path
        self.row = row
        self.column = column
        self.detail = message
        where = [f"fil {path.name}"]
        if row is not None:
            where.append(f"række {row}")
        if column is not None:
            where.append(f"kolonne '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")

    def __reduce__(self):
        # Keep the structured fields when the error is pickled (e.g. by a cache).
        return (type(self), (self.path, self.detail, self.row, self.column))


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: its metadata and a tidy frame.

    For observation datasets the frame has the dimension columns, ``period``,
    ``value`` (float, NaN where missing), ``missing`` (True where the source had
    ``.``) and the declared attributes.
    """

    metadata: DatasetMetadata
    frame: pd.DataFrame
    csv_path: Path

    @property
    def id(self) -> str:
        return self.metadata.id


@dataclass
class Catalog:
    """All datasets that loaded, and the errors of those that did not."""

    datasets: dict[str, Dataset] = field(default_factory=dict)
    errors: dict[str, DatasetError] = field(default_factory=dict)

    def get(self, dataset_id: str) -> Dataset:
        """Return a dataset or raise ``DatasetError`` saying why it is unavailable."""
        if dataset_id in self.datasets:
            return self.datasets[dataset_id]
        if dataset_id in self.errors:
            raise self.errors[dataset_id]
        raise DatasetError(Path(f"{dataset_id}.csv"), "datasættet findes ikke i kataloget.")


def _format_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        location = ".".join(str(p) for p in err["loc"]) or "metadata"
        message = err["msg"]
        if err["type"] == "missing":
            message = "feltet mangler"
        elif err["type"] == "extra_forbidden":
            message = "ukendt felt"
        parts.append(f"felt '{location}': {message}")
    return "; ".join(parts)


def load_metadata(meta_path: Path) -> DatasetMetadata:
    """Read and validate one ``.meta.toml`` file."""
    try:
        raw = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DatasetError(meta_path, "metadatafilen mangler.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DatasetError(meta_path, f"metadatafilen kan ikke læses som TOML ({exc}).") from exc
    try:
        metadata = DatasetMetadata.model_validate(raw)
    except ValidationError as exc:
        raise DatasetError(meta_path, _format_validation_error(exc)) from exc
    expected_id = meta_path.name.removesuffix(".meta.toml")
    if metadata.id != expected_id:
        raise DatasetError(
            meta_path, f"id '{metadata.id}' passer ikke med filnavnet '{expected_id}'.", column="id"
        )
    return metadata


def _parse_number(text: str, path: Path, row: int, column: str, integer: bool) -> float:
    if text == MISSING_MARK:
        return math.nan
    if text == "":
        raise DatasetError(
            path, f"cellen er tom; skriv '{MISSING_MARK}' hvis kilden ikke har et tal.", row, column
        )
    try:
        number = float(text)
    except ValueError as exc:
        hint = " Brug punktum som decimaltegn og intet tusindtalsskilletegn." if "," in text else ""
        raise DatasetError(path, f"'{text}' er ikke et tal.{hint}", row, column) from exc
    if not math.isfinite(number):
        raise DatasetError(path, f"'{text}' er ikke et endeligt tal.", row, column)
    if integer and not number.is_integer():
        raise DatasetError(path, f"'{text}' skal være et helt tal.", row, column)
    return number


def _read_rows(csv_path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            rows = [[cell.strip() for cell in row] for row in reader]
    except FileNotFoundError as exc:
        raise DatasetError(csv_path, "datafilen mangler.") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(csv_path, "filen er ikke gemt som UTF-8.") from exc
    except csv.Error as exc:
        raise DatasetError(csv_path, f"filen kan ikke læses som CSV ({exc}).") from exc
    if not rows:
        raise DatasetError(csv_path, "filen er tom.")
    return rows[0], rows[1:]


def load_dataset(meta_path: Path) -> Dataset:
    """Load one dataset from its metadata file and the CSV beside it.

    Raises ``DatasetError`` naming the file, row (as numbered in the file, header
    is row 1) and column of the first problem found.
    """
    metadata = load_metadata(meta_path)
    csv_path = meta_path.with_name(f"{metadata.id}.csv")
    header, body = _read_rows(csv_path)
    expected = metadata.csv_columns
    for column in expected:
        if column not in header:
            raise DatasetError(csv_path, "kolonnen mangler i overskriften.", row=1, column=column)
    for column in header:
        if column not in expected:
            raise DatasetError(
                csv_path, "kolonnen er ikke erklæret i metadata.", row=1, column=column
            )
    if not body:
        raise DatasetError(csv_path, "filen har ingen datarækker.")

    records: list[dict[str, object]] = []
    seen_keys: dict[tuple[str, ...], int] = {}
    key_columns = [*metadata.dimensions, "period"]
    for offset, cells in enumerate(body):
        row_number = offset + 2
        if not any(cells):
            continue  # a blank line carries nothing
        if len(cells) != len(header):
            raise DatasetError(
                csv_path,
                f"rækken har {len(cells)} celler, men overskriften har {len(header)}.",
                row=row_number,
            )
        raw = dict(zip(header, cells, strict=True))
        record: dict[str, object] = {}
        if raw["period"] not in metadata.periods:
            raise DatasetError(
                csv_path,
                f"perioden '{raw['period']}' står ikke i metadatafilens periods "
                f"{metadata.periods}.",
                row_number,
                "period",
            )
        record["period"] = raw["period"]
        for column in metadata.dimensions:
            if raw[column] == "":
                raise DatasetError(csv_path, "cellen er tom.", row_number, column)
            record[column] = raw[column]
        if metadata.kind == "observations":
            record["value"] = _parse_number(raw["value"], csv_path, row_number, "value", False)
            record["missing"] = raw["value"] == MISSING_MARK
        for column, kind in metadata.attributes.items():
            text = raw[column]
            if kind in ("number", "integer"):
                record[column] = (
                    math.nan
                    if text == ""
                    else _parse_number(text, csv_path, row_number, column, kind == "integer")
                )
            elif kind == "url" and text and not text.startswith(("http://", "https://")):
                raise DatasetError(csv_path, f"'{text}' er ikke en webadresse.", row_number, column)
            else:
                record[column] = text
        if metadata.kind == "observations":
            key = tuple(str(record[c]) for c in key_columns)
            if key in seen_keys:
                raise DatasetError(
                    csv_path,
                    f"observationen {dict(zip(key_columns, key, strict=True))} står også i "
                    f"række {seen_keys[key]}.",
                    row_number,
                )
            seen_keys[key] = row_number
        records.append(record)

    frame = pd.DataFrame.from_records(records)
    found_periods = sorted(set(frame["period"]))
    if found_periods != sorted(metadata.periods):
        raise DatasetError(
            csv_path,
            f"data dækker perioderne {found_periods}, men metadata siger "
            f"{sorted(metadata.periods)}.",
            column="period",
        )
    for check in metadata.totals:
        labels = set(frame[check.dimension])
        wanted = [check.total_label, *check.parts]
        unknown = [label for label in wanted if label not in labels]
        if unknown:
            raise DatasetError(
                meta_path,
                f"totalkontrollen nævner {unknown}, som ikke findes i data.",
                column=check.dimension,
            )
    return Dataset(metadata=metadata, frame=frame, csv_path=csv_path)


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Load every dataset in ``data_dir`` (default: :func:`default_data_dir`).

    Broken datasets are kept as errors so the rest of the app keeps working.
    """
    data_dir = data_dir or default_data_dir()
    catalog = Catalog()
    meta_paths = sorted(data_dir.glob("*.meta.toml"))
    for meta_path in meta_paths:
        dataset_id = meta_path.name.removesuffix(".meta.toml")
        try:
            catalog.datasets[dataset_id] = load_dataset(meta_path)
        except DatasetError as exc:
            catalog.errors[dataset_id] = exc
    for csv_path in sorted(data_dir.glob("*.csv")):
        if not csv_path.with_name(f"{csv_path.stem}.meta.toml").exists():
            catalog.errors[csv_path.stem] = DatasetError(
                csv_path, "der er ingen metadatafil (.meta.toml) til denne datafil."
            )
    return catalog
