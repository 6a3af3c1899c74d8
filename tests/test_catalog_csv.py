"""Om data's "Hent CSV": the rows the app uses, in the catalog's own format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from hedensted.core.catalog import Catalog, load_catalog
from hedensted.core.catalog_csv import dataset_csv
from hedensted.monthly.db import open_register
from tests.apptest_support import open_page
from tests.import_support import FULLTIME, attempt, template_file


def test_every_dataset_written_back_loads_unchanged(catalog: Catalog, tmp_path: Path) -> None:
    source = Path(next(iter(catalog.datasets.values())).csv_path).parent
    copy = tmp_path / "data"
    shutil.copytree(source, copy)
    for dataset in catalog.datasets.values():
        (copy / f"{dataset.id}.csv").write_bytes(dataset_csv(dataset))
    reloaded = load_catalog(copy)
    assert not reloaded.errors
    for dataset_id, dataset in catalog.datasets.items():
        pd.testing.assert_frame_equal(reloaded.get(dataset_id).frame, dataset.frame)


def test_missing_values_stay_missing(catalog: Catalog) -> None:
    dataset = catalog.get("status_efter_afsluttet_forloeb")
    rows = dataset_csv(dataset).decode().splitlines()
    written = [row.rsplit(",", 1)[-1] for row in rows[1:]]
    assert written.count(".") == int(dataset.frame["missing"].sum()) > 0  # never 0


def test_om_data_downloads_imported_rows_too(register_database: str, downloads: dict) -> None:
    attempt(
        open_register(register_database),
        "marts.csv",
        template_file(FULLTIME, "2024-03", change=-0.5),
    )
    open_page("app_pages/om_data.py")
    rows = downloads["fuldtidspersoner_pct_arbejdsstyrke.csv"]().decode().splitlines()
    position = rows[0].split(",").index("period")
    periods = {row.split(",")[position] for row in rows[1:]}
    assert {"2023-12", "2024-03"} <= periods
