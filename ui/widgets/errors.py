"""A Danish message in place of anything that fails, never a traceback.

``client.showErrorDetails = "none"`` in ``.streamlit/config.toml`` keeps
Streamlit from sending tracebacks (with server paths) to the browser; these
guards go further and keep the rest of the page working: a section that fails
shows :data:`SECTION_FAILED`, a page that fails :data:`PAGE_FAILED`. The error
itself is written to the server's log. Streamlit's own control flow
(``st.rerun``, ``st.stop``) derives from ``BaseException`` and passes through.

The test suite sets ``HEDENSTED_RAISE_ERRORS=1`` so that a failing section still
fails its AppTest (``at.exception``) instead of turning into a message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

import streamlit as st

from hedensted.present.markdown import escape_markdown

LOG = logging.getLogger("hedensted.ui")
RAISE_ENV = "HEDENSTED_RAISE_ERRORS"
SECTION_FAILED = (
    "Afsnittet »{title}« kan ikke vises på grund af en fejl. Resten af siden virker. "
    "Fejlen er skrevet i serverens log – giv besked til den, der driver dashboardet."
)
PAGE_FAILED = (
    "Siden kan ikke vises på grund af en fejl. Prøv en anden side i menuen, eller genindlæs "
    "siden. Fejlen er skrevet i serverens log – giv besked til den, der driver dashboardet."
)


def guarded_section(title: str, render: Callable[[], None]) -> bool:
    """Draw a section; on any error a Danish message in its place. True if it was drawn."""
    try:
        render()
    except Exception:
        if os.environ.get(RAISE_ENV) == "1":
            raise
        LOG.exception("Afsnittet »%s« fejlede", title)
        st.error(SECTION_FAILED.format(title=escape_markdown(title)), icon=":material/error:")
        return False
    return True


def guarded_page(run: Callable[[], None]) -> None:
    """Run a page; on an error that no section caught, a Danish message instead."""
    try:
        run()
    except Exception:
        if os.environ.get(RAISE_ENV) == "1":
            raise
        LOG.exception("Siden fejlede")
        st.error(PAGE_FAILED, icon=":material/error:")
