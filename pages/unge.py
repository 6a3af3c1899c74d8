"""Unge (placeholder until the page is built)."""

import streamlit as st

from ui.shell import require_entry_script

require_entry_script()

st.title("Unge")
st.info("Siden er under udarbejdelse.")
