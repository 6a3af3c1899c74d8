"""The period control: nothing without imports; newest by default; an older period
from the URL; the choice written to the URL; KPIs follow the chosen period."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from hedensted.monthly.db import open_register
from tests.import_support import FULLTIME, attempt, template_file

SCRIPT = """
import streamlit as st
from hedensted.front_page.kpis import fulltime_share_kpi
from ui.state.data import get_catalog
from ui.widgets.period_control import period_controls

catalog = period_controls(
    get_catalog(),
    [("fuldtidspersoner_pct_arbejdsstyrke", "benchmark_fuldtidspersoner", "Periode, forsørgede"),
     ("varighed_afsluttede_forloeb", "benchmark_varighed", "Periode, varighed")],
)
kpi = fulltime_share_kpi(catalog, "RAR Østjylland")
st.markdown(f"{kpi.value_text} ({kpi.period_label})")
"""


@pytest.fixture
def database(register_database: str) -> str:
    return register_database


def _app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_no_control_without_imports(database) -> None:
    at = _app()
    assert not at.selectbox
    assert at.markdown[0].value == "22,7\xa0% (dec. 2023)"


def test_newest_by_default_older_from_url_and_choice_in_url(database) -> None:
    attempt(open_register(database), "marts.csv", template_file(FULLTIME, "2024-03", change=-0.5))
    at = _app()
    control = at.selectbox(key="benchmark_fuldtidspersoner_periode")
    assert control.options == ["mar. 2024", "dec. 2023"] and control.value == "2024-03"
    assert len(at.selectbox) == 1  # varighed has one period: no control
    assert at.markdown[0].value == "22,2\xa0% (mar. 2024)"
    assert "benchmark_fuldtidspersoner_periode" not in at.query_params

    control.select("2023-12").run()
    assert at.markdown[0].value == "22,7\xa0% (dec. 2023)"
    assert at.query_params["benchmark_fuldtidspersoner_periode"] == "2023-12"

    linked = _app({"benchmark_fuldtidspersoner_periode": "2023-12"})
    assert linked.markdown[0].value == "22,7\xa0% (dec. 2023)"
    unknown = _app({"benchmark_fuldtidspersoner_periode": "1999-01"})
    assert unknown.markdown[0].value == "22,2\xa0% (mar. 2024)"


@pytest.mark.parametrize(
    ("page", "key"),
    [
        ("app_pages/forside.py", "forside_fuldtidspersoner_periode"),
        ("app_pages/unge.py", "unge_fuldtid_periode"),
    ],
)
def test_front_page_and_unge_follow_an_imported_period(database, page: str, key: str) -> None:
    from tests.apptest_support import open_page, shown_text

    attempt(open_register(database), "marts.csv", template_file(FULLTIME, "2024-03", change=-0.5))
    newest = open_page(page)
    assert newest.selectbox(key=key).value == "2024-03"
    older = open_page(page, query={key: "2023-12"})
    assert older.selectbox(key=key).value == "2023-12"
    if page == "app_pages/forside.py":
        assert "22,2\xa0%" in [m.value for m in newest.metric]
        assert "22,7\xa0%" in [m.value for m in older.metric]
    else:
        assert "mar. 2024" in shown_text(newest)
