"""The Streamlit side of the dashboard: cached loaders and shared components.

Only this package and the page scripts import Streamlit; ``hedensted`` never does.
"""
