"""The floor: a minimal Streamlit page drawing N Altair charts on constant data.

Open it as ``/?charts=N``; the benchmark compares every dashboard page with this
page drawing the same number of charts, measured the same way in the same run.
"""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
chart_count = int(st.query_params.get("charts", "1"))
st.title("Floor")
frame = pd.DataFrame({"category": list("ABCDEFGHIJKLM"), "value": range(13)})
for index in range(chart_count):
    st.altair_chart(
        alt.Chart(frame).mark_bar().encode(x="value:Q", y="category:N"),
        key=f"floor_chart_{index}",
    )
