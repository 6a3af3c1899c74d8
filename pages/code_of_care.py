"""Code of Care (placeholder until the page is built)."""

import streamlit as st

from ui.shell import require_entry_script

require_entry_script()

st.title("Code of Care")
st.info("Siden er under udarbejdelse.")
