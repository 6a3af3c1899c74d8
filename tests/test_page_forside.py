"""AppTest of the Forside: the headline tiles against the sidebar's comparison area."""

from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.apptest_support import APP, shown_text

NBSP = "\u00a0"


def test_a_comparison_area_without_expenses_gives_a_note_not_an_error() -> None:
    """Skanderborg is offered in the sidebar (the headline table has it), but the expenses
    table has no figure for it: the tile keeps Hedensted's own figure and says so."""
    st.cache_data.clear()
    app = AppTest.from_file(APP, default_timeout=90).run()
    app.sidebar.selectbox(key="reference_area").select("Skanderborg").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert not app.error
    shown = shown_text(app)
    assert "Kildematerialet har ikke udgifterne for Skanderborg." in shown
    tiles = {metric.label: metric for metric in app.metric}
    assert tiles["Udgifter pr. person"].value == "2.674 kr."
    assert not tiles["Udgifter pr. person"].delta  # no comparison, and never a 0
    # The tables that have Skanderborg still compare with it.
    assert tiles["Offentligt forsørgede"].delta == "+3,6 pct.-point"  # 22,7 − 19,1
    assert tiles["Bruttoledighed"].delta == "+0,2 pct.-point"  # 2,4 − 2,2
    assert "Pilene viser forskellen til Skanderborg." in shown
