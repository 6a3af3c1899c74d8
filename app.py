"""Entry point: navigation, page config and what all pages share (sidebar, filters)."""

import streamlit as st

import hedensted.charts  # noqa: F401  (registers and enables the Danish Altair theme)
from ui.data import get_catalog
from ui.sidebar import render_sidebar

st.set_page_config(
    page_title="Beskæftigelse i Hedensted",
    page_icon="📊",  # an emoji favicon is drawn locally; a material icon is fetched online
    layout="wide",
    initial_sidebar_state="expanded",
)

pages = [
    st.Page("pages/forside.py", title="Forside", icon=":material/home:", default=True),
    st.Page("pages/benchmark.py", title="Benchmark", icon=":material/leaderboard:"),
    st.Page("pages/code_of_care.py", title="Code of Care", icon=":material/handshake:"),
    st.Page("pages/unge.py", title="Unge", icon=":material/school:"),
    st.Page(
        "pages/investeringsprojekter.py",
        title="Investeringsprojekter",
        icon=":material/trending_up:",
    ),
    st.Page("pages/maal.py", title="Mål", icon=":material/flag:"),
    st.Page("pages/opdater_data.py", title="Opdater data", icon=":material/upload:"),
    st.Page("pages/om_data.py", title="Om data", icon=":material/dataset:"),
]
navigation = st.navigation(pages)
render_sidebar(get_catalog())
navigation.run()
