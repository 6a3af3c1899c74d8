"""The app's one database (monthly entries and the import history), opened once.

``hedensted.monthly.settings`` decides which database it is (``DATABASE_URL``,
``HEDENSTED_DEMO``); here it is opened and migrated once per process and database
(``st.cache_resource``), so the monthly register and »Opdater data« share one
engine. Opening imports SQLAlchemy and Alembic, so it happens on use only; the
catalog on every page asks ``ui/state/import_store.py`` first, which needs no
engine when the default SQLite file is in use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from hedensted.monthly.settings import resolve_database

if TYPE_CHECKING:
    from hedensted.monthly.db import Register


@st.cache_resource(show_spinner=False, max_entries=4)
def _opened(url: str, demo: bool) -> Register:
    from hedensted.monthly.db import open_register  # SQLAlchemy and Alembic: on use only

    return open_register(url, demo=demo)


def open_database() -> Register:
    """The database the app uses, opened and migrated (once per process and database).

    Raises ``ValueError`` for a demo set up on the real database; SQLAlchemy's and
    the operating system's errors for a database that cannot be opened.
    """
    settings = resolve_database()
    return _opened(settings.url, settings.demo)
