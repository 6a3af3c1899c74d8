"""The ministry's benchmark over time and among all municipalities (fetched y30r21 periods).

Small, self-contained sections the Benchmark page and the Forside call; the
figures and sentences come from :mod:`hedensted.benchmark.ministry`.
"""

from __future__ import annotations

import streamlit as st

from hedensted.benchmark.ministry import (
    NO_FETCHED_PERIODS,
    front_page_summary,
    rank_change_sentence,
    rank_history,
    rank_history_chart,
    ranking,
    ranking_chart,
    ranking_note,
    standing_sentence,
)
from hedensted.core.catalog import Dataset
from hedensted.core.periods import period_label
from ui.state.memo import remember_domain_functions
from ui.widgets.components import chart

remember_domain_functions(globals())  # same data and choices → same frames and specs


def _newest_ranked_period(dataset: Dataset) -> str | None:
    frame = dataset.frame
    periods = [p for p, rows in frame.groupby("period") if rows["area"].nunique() > 1]
    history = rank_history(frame)
    ordered = [p for p in history["period"] if p in periods]
    return ordered[-1] if ordered else None


def ministry_development(full: Dataset, key: str) -> None:
    """Hedensted's rank per period and its place among all municipalities (newest period)."""
    history = rank_history(full.frame)
    newest = _newest_ranked_period(full)
    if len(history) < 2 and newest is None:
        st.caption(NO_FETCHED_PERIODS)
        return
    st.subheader("Placeringens udvikling")
    sentence = rank_change_sentence(history, period_label)
    if sentence:
        st.markdown(sentence)
    chart(
        rank_history_chart(history, period_label),
        key=f"{key}_udvikling",
        title="Hedensteds placering over tid",
    )
    if newest is None:
        return
    st.subheader("Hedensted blandt alle kommuner")
    table = ranking(full.frame, newest)
    st.markdown(standing_sentence(table, period_label(newest)))
    chart(ranking_chart(table), key=f"{key}_kommuner", title="Alle kommuner, faktisk mod forventet")
    st.caption(ranking_note(period_label(newest)))


def ministry_summary(full: Dataset) -> None:
    """One line for the Forside: the newest standing and the rank's development."""
    newest = _newest_ranked_period(full)
    if newest is None:
        return
    st.caption(front_page_summary(full.frame, newest, period_label))
