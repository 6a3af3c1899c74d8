"""Make sure every page runs inside the entry script (app.py)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_entry_script() -> None:
    """Rerun through ``app.py`` when Streamlit ran a page file on its own.

    Until ``st.navigation`` has run once in the server process, Streamlit treats
    a folder named ``pages/`` as an old-style multipage app. A shared link to a
    page opened first after a restart would then run that page without the
    shared sidebar, theme and page config. Clearing the flag and rerunning sends
    the request through ``app.py``, which opens the same page.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
