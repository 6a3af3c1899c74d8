"""Cached access to the data catalog (the only caching layer in the app)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from hedensted.core.catalog import Catalog, default_data_dir, load_catalog
from hedensted.core.quality import quality_report
from hedensted.importing.overlay import apply_imports
from hedensted.importing.period_views import latest_view
from ui.state.import_store import active_imports, import_revision


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _full_catalog_for(data_dir: str, imports: str) -> Catalog:
    shipped = load_catalog(Path(data_dir))
    return apply_imports(shipped, active_imports()) if imports else shipped


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _catalog_for(data_dir: str, imports: str = "") -> Catalog:
    return latest_view(_full_catalog_for(data_dir, imports))


def get_catalog() -> Catalog:
    """The validated catalog, loaded once per data folder, import revision and hour.

    It is the shipped data/ with the imported versions laid over it, every
    dataset at its newest period (see hedensted.importing.period_views).
    """
    return _catalog_for(str(default_data_dir()), import_revision())


def get_full_catalog() -> Catalog:
    """The catalog with every period of the imported datasets (for period controls)."""
    return _full_catalog_for(str(default_data_dir()), import_revision())


def refresh_catalog() -> None:
    """Forget the cached catalogs (after an import or a rollback)."""
    _full_catalog_for.clear()
    _catalog_for.clear()
    _quality_for.clear()


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _quality_for(data_dir: str, imports: str = ""):
    return quality_report(_catalog_for(data_dir, imports))


def get_quality_report():
    """The data-quality report (published totals vs sum of parts) for the catalog."""
    return _quality_for(str(default_data_dir()), import_revision())
