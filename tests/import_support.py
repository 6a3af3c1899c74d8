"""Helpers for the import tests: files in each accepted format, and "nothing changed".

Every test that feeds a bad file goes through :func:`attempt` – preview and
confirm as the page and the command line do – and then checks that no version
was saved, the effective catalog is the shipped one and ``data/`` is untouched.
"""

from __future__ import annotations

import hashlib
import math

import pytest

from hedensted.core.catalog import PACKAGED_DATA_DIR, Catalog, DatasetError, load_catalog
from hedensted.importing.service import confirm, effective_catalog, preview
from hedensted.importing.store import all_versions
from hedensted.monthly.db import Register
from tests.register_support import EDITOR

FULLTIME = "fuldtidspersoner_pct_arbejdsstyrke"
EXPENSES = "udgifter_pr_person_arbejdsstyrke"
STATUS = "status_efter_afsluttet_forloeb"
DURATION = "varighed_afsluttede_forloeb"
UNEMPLOYED = "bruttoledige_rar_kommuner"


def data_fingerprint() -> str:
    """One checksum over every file in the shipped data/ folder."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGED_DATA_DIR.iterdir()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def shipped() -> Catalog:
    return load_catalog(PACKAGED_DATA_DIR)


def value_text(value: float, danish: bool = False) -> str:
    """A value as a file writes it (never below 0: the test files shift values)."""
    if math.isnan(value):
        return ".." if danish else "."
    text = f"{max(round(value, 6), 0):g}"
    return text.replace(".", ",") if danish else text


def template_file(dataset_id: str, period: str, change: float = 0.0, delimiter: str = ",") -> bytes:
    """A filled-in template: the newest period's rows at ``period``, values + ``change``."""
    dataset = shipped().get(dataset_id)
    meta = dataset.metadata
    frame = dataset.frame[dataset.frame["period"] == max(dataset.frame["period"])]
    lines = [delimiter.join(meta.csv_columns)]
    for record in frame.to_dict("records"):
        record = {**record, "period": period, "value": value_text(record["value"] + change)}
        lines.append(delimiter.join(str(record[c]) for c in meta.csv_columns))
    return ("\n".join(lines) + "\n").encode("utf-8")


def jobindsats_file(dataset_id: str, period_code: str, change: float = 0.0) -> bytes:
    """A Jobindsats.dk-style export: BOM, ';', labelled headers, decimal comma, '..'."""
    dataset = shipped().get(dataset_id)
    meta = dataset.metadata
    frame = dataset.frame[dataset.frame["period"] == max(dataset.frame["period"])]
    dims = [d for d in meta.dimensions if d != "area"]
    header = ["Område", "Periode", *(meta.column_labels[d] for d in dims), "Andel"]
    lines = [";".join(header)]
    for record in frame.to_dict("records"):
        area = record["area"]
        area = f"{area} Kommune" if area == "Hedensted" else area
        value = value_text(record["value"] + change, danish=True)
        lines.append(";".join([area, period_code, *(record[d] for d in dims), value]))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def attempt(
    register: Register,
    file_name: str,
    data: bytes,
    dataset_id: str = FULLTIME,
    accept_outliers: bool = False,
    **options,
):
    """Preview and confirm a file as the page does; returns the saved version.

    ``accept_outliers``: the editor ticks every »confirm this value« box.
    """
    full = effective_catalog(None, register)
    checked = preview(register, full, dataset_id, file_name, data, **options)
    accepted = {o.key for o in checked.plan.outliers} if accept_outliers else set()
    return confirm(register, checked, EDITOR, accepted)


def assert_refused(
    register: Register,
    file_name: str,
    data: bytes,
    row: int | None,
    column: str | None,
    words: str,
    dataset_id: str = FULLTIME,
    **options,
) -> DatasetError:
    """The file is refused with a Danish message naming file, row and column; nothing changed."""
    before = data_fingerprint()
    with pytest.raises(DatasetError) as caught:
        attempt(register, file_name, data, dataset_id, **options)
    error = caught.value
    message = str(error)
    assert message.startswith(f"fil {file_name}"), message
    if row is not None:
        assert f"række {row}" in message, message
    if column is not None:
        assert f"kolonne '{column}'" in message, message
    assert words in message, message
    assert all_versions(register) == []
    effective = effective_catalog(None, register)
    assert effective.get(dataset_id).frame.equals(shipped().get(dataset_id).frame)
    assert data_fingerprint() == before
    return error


def row_of(data: bytes, text: str) -> int:
    """The 1-based line number of the first line containing ``text``."""
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def replace_line(data: bytes, row: int, new_line: str) -> bytes:
    lines = data.decode("utf-8").split("\n")
    lines[row - 1] = new_line
    return "\n".join(lines).encode("utf-8")
