"""Entry point: page config, theme, navigation from the one page list, the shared sidebar."""

import streamlit as st

import hedensted.present.charts  # noqa: F401  (registers and enables the Danish Altair theme)
from ui.navigation import PAGES
from ui.sidebar import render_sidebar
from ui.state.data import get_catalog
from ui.widgets.errors import guarded_page

st.set_page_config(
    page_title="Beskæftigelse i Hedensted",
    page_icon="📊",  # an emoji favicon is drawn locally; a material icon is fetched online
    layout="wide",
    initial_sidebar_state="expanded",
)

navigation = st.navigation(
    [st.Page(page.script, title=page.title, icon=page.icon, default=page.default) for page in PAGES]
)
render_sidebar(get_catalog())
guarded_page(navigation.run)
