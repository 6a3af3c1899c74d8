"""Presentation without Streamlit: Danish formatting (Babel), the Altair theme and
shared chart builders, display tables, KPI tiles and file names."""
