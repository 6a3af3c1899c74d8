"""Cached access to the data catalog (the only caching layer in the app)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from hedensted.catalog import Catalog, default_data_dir, load_catalog
from hedensted.quality import quality_report


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _catalog_for(data_dir: str) -> Catalog:
    return load_catalog(Path(data_dir))


def get_catalog() -> Catalog:
    """The validated catalog, loaded once per data folder and hour."""
    return _catalog_for(str(default_data_dir()))


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _quality_for(data_dir: str):
    return quality_report(_catalog_for(data_dir))


def get_quality_report():
    """The data-quality report (published totals vs sum of parts) for the catalog."""
    return _quality_for(str(default_data_dir()))
