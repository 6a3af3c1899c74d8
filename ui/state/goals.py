"""The cached goal register, keyed on the data revision (shipped data and imports).

The key is the catalog's part of :func:`ui.state.data.data_revision`, so an
import or a rollback – through this app server or another – gives a new key and
the goal statuses are judged again from the new data at the next rerun (before,
the register was cached per data folder only and kept its old statuses after an
import).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hedensted.core.catalog import default_data_dir
from hedensted.goals.register import goal_register
from ui.state.data import _catalog_for, data_revision, once_per_run


@st.cache_resource(max_entries=4, show_spinner=False)
def _register_for(data_dir: str, imports: str, shipped: str) -> pd.DataFrame:
    return goal_register(_catalog_for(data_dir, imports, shipped))


def get_goal_register() -> pd.DataFrame:
    """The goal register with evidence and verdicts for the catalog as it is now.

    Held once per process, data folder and revision (the same key as the catalog) and
    shared by every session, read-only like the catalog – so the goal sections'
    tables are remembered (ui/state/memo.py) from one rerun to the next. Raises
    ``DatasetError`` or ``ValueError`` like
    :func:`hedensted.goals.register.goal_register`.
    """
    revision = data_revision()
    return once_per_run(
        "goal_register",
        lambda: _register_for(str(default_data_dir()), revision.database.imports, revision.shipped),
    )
