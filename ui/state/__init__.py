"""Cached data (every ``st.cache_*``) and the URL state of the pages."""
