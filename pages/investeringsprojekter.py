"""Investeringsprojekter (placeholder until the page is built)."""

import streamlit as st

from ui.shell import require_entry_script

require_entry_script()

st.title("Investeringsprojekter")
st.info("Siden er under udarbejdelse.")
