"""Cached access to the data catalog, keyed by the data revision.

Every cache in ``ui/state`` is keyed by :func:`data_revision` (or a part of it)
and by the viewer's choices, never by time alone: the revision is read from the
database once per script run, so an import, a rollback or a saved monthly value
made through any app server is shown by every server at its next rerun.

The catalogs are shared by all sessions of the process (``st.cache_resource``,
no copy per call: unpickling 44 datasets on every call cost a chart-heavy page
about 0.2 s per rerun). They are read-only: pages and domain functions derive
new frames (pandas' copy-on-write keeps a derived frame's changes off the
original) and never assign into a catalog or a dataset's frame.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hedensted.core.catalog import Catalog, default_data_dir, load_catalog
from hedensted.core.quality import quality_report
from hedensted.importing.overlay import apply_imports
from hedensted.importing.period_views import latest_view
from hedensted.importing.revision import DataRevision, shipped_identity
from ui.state.import_store import active_imports, read_database_revision

T = TypeVar("T")
_MEMO_ATTRIBUTE = "_hedensted_run_memo"


def once_per_run(name: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per script run (and fragment run) of this session.

    The memo is tied to the run's own objects, so the next rerun reads again.
    Outside a script run (bare mode, tests) it computes every time.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    run = getattr(ctx, "parallel_coordinator", None) if ctx is not None else None
    if run is None:
        return compute()
    memo: tuple[object, dict[str, Any]] | None = getattr(ctx, _MEMO_ATTRIBUTE, None)
    if memo is None or memo[0] is not run:
        memo = (run, {})
        setattr(ctx, _MEMO_ATTRIBUTE, memo)
    values = memo[1]
    if name not in values:
        values[name] = compute()
    return cast(T, values[name])


def forget_run_memo() -> None:
    """Read the revision again in this run (after this session saved or imported)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None and hasattr(ctx, _MEMO_ATTRIBUTE):
        delattr(ctx, _MEMO_ATTRIBUTE)


def data_revision() -> DataRevision:
    """The current data revision: shipped data folder, imports and monthly entries.

    A cheap read (file ``stat``s and one small query), once per script run. Key
    every cached page part on it – ``str(data_revision())`` for everything,
    ``.catalog`` for what only depends on the catalog, ``.entries`` for the
    monthly register's values.
    """
    return once_per_run(
        "data_revision",
        lambda: DataRevision(shipped_identity(default_data_dir()), read_database_revision()),
    )


def _catalog_key() -> tuple[str, str]:
    """(imports, shipped data identity): the part of the revision the catalog depends on."""
    revision = data_revision()
    return revision.database.imports, revision.shipped


@st.cache_resource(max_entries=4, show_spinner=False)
def _full_catalog_for(data_dir: str, imports: str, shipped: str = "") -> Catalog:
    loaded = load_catalog(Path(data_dir))
    return apply_imports(loaded, active_imports()) if imports else loaded


@st.cache_resource(max_entries=4, show_spinner=False)
def _catalog_for(data_dir: str, imports: str, shipped: str = "") -> Catalog:
    return latest_view(_full_catalog_for(data_dir, imports, shipped))


def get_catalog() -> Catalog:
    """The validated catalog at the current data revision.

    It is the shipped data/ with the imported versions laid over it, every
    dataset at its newest period (see hedensted.importing.period_views).
    """
    return _catalog_for(str(default_data_dir()), *_catalog_key())


def get_full_catalog() -> Catalog:
    """The catalog with every period of the imported datasets (for period controls)."""
    return _full_catalog_for(str(default_data_dir()), *_catalog_key())


def refresh_catalog() -> None:
    """After an import or a rollback in this session: read the revision again now.

    Other sessions and servers see the new revision at their next rerun; the
    caches need no clearing (old entries age out through ``max_entries``).
    """
    forget_run_memo()


@st.cache_resource(max_entries=4, show_spinner=False)
def _quality_for(data_dir: str, imports: str, shipped: str = ""):
    return quality_report(_catalog_for(data_dir, imports, shipped))


def get_quality_report():
    """The data-quality report (published totals vs sum of parts) for the catalog."""
    return _quality_for(str(default_data_dir()), *_catalog_key())
