"""Entry point: navigation, page config and what all pages share (sidebar, filters)."""

import streamlit as st

import hedensted.charts  # noqa: F401  (registers and enables the Danish Altair theme)
from ui.data import get_catalog
from ui.sidebar import render_sidebar

st.set_page_config(
    page_title="Beskæftigelse i Hedensted",
    page_icon=":material/work:",
    layout="wide",
    initial_sidebar_state="expanded",
)

pages = [
    st.Page("pages/forside.py", title="Forside", icon=":material/home:", default=True),
    st.Page("pages/om_data.py", title="Om data", icon=":material/dataset:"),
]
render_sidebar(get_catalog())
navigation = st.navigation(pages)
navigation.run()
