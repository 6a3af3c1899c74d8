"""Remembered frames and chart specs (ui.state.memo): keyed by object identity and choices."""

from __future__ import annotations

import sys

import altair as alt
import pandas as pd
import pytest

from tests.apptest_support import open_page
from ui.state import memo as memo_module
from ui.state.memo import ByContent, chart_spec, memo, memoized

calls: list[tuple] = []


def _share(frame: pd.DataFrame, area: str) -> float:
    calls.append((id(frame), area))
    return float(frame.loc[frame["area"] == area, "value"].iloc[0])


def _bars(frame: pd.DataFrame, title: str) -> alt.Chart:
    calls.append(("chart", title))
    return alt.Chart(frame, title=title).mark_bar().encode(x="value:Q", y="area:N")


@pytest.fixture(autouse=True)
def fresh() -> None:
    memo_module.clear()
    calls.clear()


def test_same_objects_and_choices_compute_once() -> None:
    frame = pd.DataFrame({"area": ["Hedensted", "Hele landet"], "value": [22.7, 23.4]})
    share = memo(_share)
    assert share(frame, "Hedensted") == 22.7
    assert share(frame, "Hedensted") == 22.7
    assert len(calls) == 1
    assert share(frame, "Hele landet") == 23.4  # another choice
    assert len(calls) == 2
    # Equal content in a new object (a new data revision) is computed again.
    assert share(frame.copy(), "Hedensted") == 22.7
    assert len(calls) == 3


def test_a_frame_by_content_is_computed_once_for_equal_rows() -> None:
    """The goal tables get a slice of the register made anew on every run."""
    frame = pd.DataFrame({"area": ["Hedensted", "Hele landet"], "value": [22.7, 23.4]})
    share = memo(lambda wrapped, area: _share(wrapped.frame, area))
    assert share(ByContent(frame.copy()), "Hedensted") == 22.7
    assert share(ByContent(frame.copy()), "Hedensted") == 22.7  # equal rows, new object
    assert len(calls) == 1
    changed = frame.assign(value=[22.9, 23.4])
    assert share(ByContent(changed), "Hedensted") == 22.9  # other values: computed
    assert share(ByContent(frame[["area"]].assign(value=22.7)), "Hedensted") == 22.7
    assert len(calls) == 3


def test_a_warm_goal_table_is_not_prepared_again(monkeypatch) -> None:
    import ui.sections.goals as goal_sections

    counted: list[int] = []
    readable = goal_sections.goals_readable

    def counting_readable(goals):
        counted.append(len(goals))
        return readable(goals)

    monkeypatch.setattr(goal_sections, "goals_readable", counting_readable)
    app = open_page("app_pages/unge.py")
    assert counted  # the first run prepares Unge's goal tables
    counted.clear()
    app.run()
    assert not app.exception
    assert counted == []


def test_unhashable_arguments_are_computed_every_time() -> None:
    frame = pd.DataFrame({"value": [1.0]})
    remembered = memo(lambda frame, options: calls.append(1) or len(options))
    unhashable = alt.Tooltip("value:Q")  # Altair objects compare by value, no hash
    assert remembered(frame, [unhashable]) == 1
    assert remembered(frame, [unhashable]) == 1
    assert len(calls) == 2


def test_calls_without_frames_are_not_stored() -> None:
    remembered = memo(lambda value: calls.append(1) or value * 2)
    assert remembered(2) == 4
    assert remembered(2) == 4
    assert len(calls) == 2
    assert len(memo_module._entries) == 0


def test_domain_functions_of_a_module_are_remembered_but_not_the_database() -> None:
    from hedensted.core.compare import select_areas
    from hedensted.monthly.service import latest_entries

    namespace = {"select_areas": select_areas, "latest_entries": latest_entries, "len": len}
    memo_module.remember_domain_functions(namespace)
    assert namespace["select_areas"].__wrapped__ is select_areas
    assert namespace["latest_entries"] is latest_entries
    assert namespace["len"] is len


def test_entries_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(memo_module, "MAX_ENTRIES", 3)
    frame = pd.DataFrame({"area": ["A", "B", "C", "D"], "value": [1.0, 2.0, 3.0, 4.0]})
    share = memo(_share)
    for area in "ABCD":
        share(frame, area)
    assert len(memo_module._entries) == 3
    share(frame, "A")  # the oldest was dropped
    assert len(calls) == 5


def test_chart_spec_is_the_charts_spec_built_once() -> None:
    frame = pd.DataFrame({"area": ["Hedensted", "Hele landet"], "value": [22.7, 23.4]})
    spec = chart_spec(_bars, frame, "Andel")
    assert spec == _bars(frame, "Andel").to_dict(validate=False)
    calls.clear()
    assert chart_spec(_bars, frame, "Andel") is spec
    assert calls == []
    charts = memoized(sys.modules[__name__], specs=True)
    assert charts._bars(frame, "Andel") is spec


def test_a_warm_benchmark_rerun_computes_no_section_again(monkeypatch) -> None:
    import ui.sections.benchmark as benchmark_sections
    from hedensted.benchmark.groups import group_view

    counted: list[str] = []

    def counting_group_view(*args, **kwargs):
        counted.append(args[1])
        return group_view(*args, **kwargs)

    # As remember_domain_functions(globals()) set it up, with a counter inside.
    monkeypatch.setattr(benchmark_sections, "group_view", memo(counting_group_view))
    app = open_page("app_pages/benchmark.py")
    assert counted  # the first run computes the views
    counted.clear()
    app.run()
    assert not app.exception
    assert counted == []  # same data revision and choices: the same catalog objects
    app.selectbox(key="benchmark_reference").select("Hele landet")
    app.run()
    assert not app.exception
    assert counted  # a new choice is computed


def test_section_modules_remember_their_domain_functions() -> None:
    import ui.sections.benchmark as benchmark_sections
    from hedensted.benchmark.groups import group_view

    assert benchmark_sections.group_view.__wrapped__ is group_view
