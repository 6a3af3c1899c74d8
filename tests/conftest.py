"""Shared fixtures: the shipped catalog and a scratch copy of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hedensted.core.catalog import PACKAGED_DATA_DIR, Catalog, load_catalog
from tests.apptest_support import capture_downloads

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


@pytest.fixture(autouse=True)
def errors_fail_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing section raises in tests instead of becoming a Danish message (ui/errors.py)."""
    monkeypatch.setenv("HEDENSTED_RAISE_ERRORS", "1")


@pytest.fixture(autouse=True)
def no_local_imports(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:
    """Pages show the shipped data, not imports in a developer's instance/ database
    (tests that import set DATABASE_URL to a database of their own)."""
    from ui.state import import_store

    missing = tmp_path_factory.getbasetemp() / "no-imports" / "register.sqlite"
    monkeypatch.setattr(import_store, "DEFAULT_SQLITE", missing)


@pytest.fixture
def register_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite register (imports, monthly entries) that the app uses; its URL."""
    import streamlit as st

    from hedensted.monthly.settings import DATABASE_URL_ENV, DEMO_ENV

    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.delenv(DEMO_ENV, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    return url


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict:
    """File name → the deferred data callable of every download button drawn."""
    return capture_downloads(monkeypatch)
