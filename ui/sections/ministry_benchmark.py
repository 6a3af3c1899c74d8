"""The ministry's benchmark over time and among all municipalities (fetched y30r21 periods).

Small, self-contained sections the Benchmark page and the Forside call; the
figures and sentences come from :mod:`hedensted.benchmark.ministry`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from hedensted.benchmark.ministry import (
    NO_FETCHED_PERIODS,
    front_page_summary,
    history_numbers,
    rank_change_sentence,
    rank_history,
    rank_history_chart,
    ranking,
    ranking_chart,
    ranking_note,
    ranking_numbers,
    source_line,
    standing_sentence,
)
from hedensted.core.catalog import Dataset
from hedensted.core.periods import period_label
from hedensted.present.formatting import format_number, format_percent
from hedensted.present.tables import display_table
from ui.state.memo import remember_domain_functions
from ui.widgets.components import chart, numbers_table

remember_domain_functions(globals())  # same data and choices → same frames and specs

_FORMATS: dict[str, Callable[[Any], str]] = {
    "Faktisk minus forventet (fuldtidspersoner)": lambda v: format_number(v, signed=True),
    "Faktisk minus forventet (pct. af forventet)": lambda v: format_percent(v, 1, signed=True),
    "Periode": str,
    "Kommune": str,
}


def _numbers(
    export,
    dataset: Dataset,
    key: str,
    file_name: str,
    title: str,
    period_text: str,
    sources: list[str],
) -> None:
    """»Vis tal« under a chart: the Danish-formatted rows and an Excel file of them."""
    formats: dict[str, Callable[[Any], str]] = {
        str(c): _FORMATS.get(str(c), format_number) for c in export.columns
    }
    shown = display_table(export, {c: c for c in export.columns}, formats)
    numbers_table(
        shown,
        export,
        [dataset],
        key=key,
        file_name=file_name,
        title=title,
        source_lines=sources,
        period_text=period_text,
    )


def _newest_ranked_period(dataset: Dataset) -> str | None:
    frame = dataset.frame
    periods = [p for p, rows in frame.groupby("period") if rows["area"].nunique() > 1]
    history = rank_history(frame)
    ordered = [p for p in history["period"] if p in periods]
    return ordered[-1] if ordered else None


def _history_sources(full: Dataset, history) -> list[str]:
    """The committee document for the shipped period (Hedensted only), y30r21 for the
    fetched ones (every municipality)."""
    areas = full.frame.groupby("period")["area"].nunique()
    fetched = [p for p in history["period"] if areas.get(p, 0) > 1]
    shipped = [p for p in history["period"] if p not in fetched]
    own = full.metadata.model_copy(
        update={"period_label": ", ".join(period_label(p) for p in shipped)}
    )
    lines = [own.source_line()] if shipped else []
    if fetched:
        lines.append(source_line(", ".join(period_label(p) for p in fetched)))
    return lines


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
    _numbers(
        history_numbers(history, period_label),
        full,
        key=f"{key}_udvikling_tal",
        file_name="ministeriets_benchmark_placering",
        title="Hedensteds placering over tid",
        period_text=f"{period_label(history['period'].iloc[0])} til "
        f"{period_label(history['period'].iloc[-1])}",
        sources=_history_sources(full, history),
    )
    if newest is None:
        return
    st.subheader("Hedensted blandt alle kommuner")
    table = ranking(full.frame, newest)
    st.markdown(standing_sentence(table, period_label(newest)))
    title = "Alle kommuner, faktisk mod forventet"
    chart(ranking_chart(table), key=f"{key}_kommuner", title=title)
    _numbers(
        ranking_numbers(table),
        full,
        key=f"{key}_kommuner_tal",
        file_name=f"ministeriets_benchmark_kommuner_{newest.replace('/', '_')}",
        title=f"{title}, {period_label(newest)}",
        period_text=period_label(newest),
        sources=[source_line(period_label(newest))],
    )
    st.caption(ranking_note(period_label(newest)))


def ministry_summary(full: Dataset) -> None:
    """One line for the Forside: the newest standing and the rank's development."""
    newest = _newest_ranked_period(full)
    if newest is None:
        return
    st.caption(front_page_summary(full.frame, newest, period_label))
