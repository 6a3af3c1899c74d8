"""The goal register on the Streamlit side: cached register, status tiles, a theme page's goals."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.catalog import default_data_dir as _data_dir
from hedensted.goals.register import (
    GOAL_DATASETS,
    by_status,
    goal_register,
    goals_for_theme,
    status_counts,
)
from hedensted.goals.text import goals_display, status_label, status_summary
from ui.deck.presentation import is_presentation
from ui.deck.recording import record_key_figure, record_table
from ui.state.data import get_catalog
from ui.widgets.components import dataset_error, source_caption, table

MAAL_PAGE = "app_pages/maal.py"


@st.cache_data(ttl=3600, max_entries=4, show_spinner=False)
def _register_for(data_dir: str) -> pd.DataFrame:
    return goal_register(get_catalog())


def get_goal_register() -> pd.DataFrame:
    """The goal register with computed actuals and statuses, once per data folder and hour.

    Raises ``DatasetError`` or ``ValueError`` like :func:`hedensted.goals.register.goal_register`.
    """
    return _register_for(str(_data_dir()))


def register_or_error() -> pd.DataFrame | None:
    """The register, or ``None`` after showing a Danish message saying why it is unavailable."""
    try:
        return get_goal_register()
    except DatasetError as error:
        dataset_error(error)
    except ValueError as error:
        st.error(f"Målregistret har en fejl og kan ikke vises: {error}", icon=":material/error:")
    return None


def status_tiles(goals: pd.DataFrame, key: str) -> None:
    """One bordered tile per status with its count, and the total first."""
    counts = status_counts(goals)
    columns = st.columns(len(counts) + 1)
    with columns[0], st.container(border=True, key=f"{key}_i_alt"):
        st.metric("Mål i alt", str(len(goals)))
    for column, (status, count) in zip(columns[1:], counts, strict=True):
        with column, st.container(border=True, key=f"{key}_{status.name.lower()}"):
            st.metric(status_label(status.value), str(count))


def register_sources(
    catalog: Catalog, goals: pd.DataFrame, actuals: bool = True, goals_too: bool = True
) -> None:
    """Source lines for the register datasets the goals come from (``goals_too``) and for
    the datasets their later figures are computed from (``actuals``)."""
    ids = [d for d in GOAL_DATASETS if d in set(goals["dataset_id"])] if goals_too else []
    if actuals:
        ids += sorted({d for d in goals["actual_source"] if d and d not in ids})
    if not goals_too and ids:
        st.caption("Målenes kilder står under tidslinjen. De senere tal:")
    source_caption(*(catalog.get(dataset_id) for dataset_id in ids))


def goals_section(catalog: Catalog, theme: str, key: str) -> None:
    """A theme page's own goals from the register: status counts, a compact table, sources.

    The table is recorded for the page's PowerPoint and Excel exports (``ui.deck.recording``).
    """
    register = register_or_error()
    if register is None:
        return
    goals = by_status(goals_for_theme(register, theme))
    if goals.empty:
        st.info(f"Målregistret har ingen mål for {theme}.", icon=":material/info:")
        return
    summary = f"Status for {len(goals)} mål: {status_summary(status_counts(goals))}."
    st.markdown(f"**{summary}**")
    record_key_figure(summary)
    shown = goals_display(goals, compact=True)
    table(shown, key=f"{key}_table")
    try:
        datasets = [catalog.get(d) for d in dict.fromkeys(goals["dataset_id"])]
    except DatasetError as error:
        dataset_error(error)
        return
    record_table(
        "",
        shown,
        [d.metadata.source_line() for d in datasets],
        ", ".join(dict.fromkeys(d.metadata.period_label for d in datasets)),
    )
    if not is_presentation():
        st.caption(
            "Status beregnes ud fra måltal, retning og det senere tal i kilderne – se siden "
            "»Mål« for reglen og alle udvalgets mål."
        )
        st.page_link(MAAL_PAGE, label="Alle mål", icon=":material/flag:")
    try:
        register_sources(catalog, goals)
    except DatasetError as error:
        dataset_error(error)
