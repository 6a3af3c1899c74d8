"""The cached goal register, keyed on the data revision (data folder and import revision).

The key includes the import revision, so an import or a rollback gives a new key
and the goal statuses are judged again from the new data (before, the register
was cached per data folder only and kept its old statuses after an import).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hedensted.core.catalog import default_data_dir
from hedensted.goals.register import goal_register
from ui.state.data import _catalog_for
from ui.state.import_store import import_revision


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _register_for(data_dir: str, imports: str) -> pd.DataFrame:
    return goal_register(_catalog_for(data_dir, imports))


def get_goal_register() -> pd.DataFrame:
    """The goal register with evidence and verdicts for the catalog as it is now.

    Cached per data folder and import revision (the same key as the catalog).
    Raises ``DatasetError`` or ``ValueError`` like
    :func:`hedensted.goals.register.goal_register`.
    """
    return _register_for(str(default_data_dir()), import_revision())
