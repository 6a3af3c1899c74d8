"""Shared fixtures: the shipped catalog and a scratch copy of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hedensted.catalog import PACKAGED_DATA_DIR, Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    loaded = load_catalog(PACKAGED_DATA_DIR)
    assert not loaded.errors, f"Shipped datasets fail validation: {loaded.errors}"
    return loaded


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break files on purpose."""
    target = tmp_path / "data"
    shutil.copytree(PACKAGED_DATA_DIR, target)
    return target
