"""The import versions for the cached catalog – read cheaply, opened only when needed.

Opening the register's database imports SQLAlchemy and Alembic (over a second
on a cold start). The catalog is needed on every page, so:

- with the default SQLite file (no ``DATABASE_URL``, no demo), the revision is
  read with the standard library's ``sqlite3``, read-only; no file or no import
  table means no imports, and nothing else is loaded;
- otherwise (PostgreSQL, or the demo database) the register is opened once per
  process (``st.cache_resource``) and asked.

A database that cannot be read gives the shipped data (the page »Opdater data«
shows the database error).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from hedensted.importing.versions import StoredVersion

if TYPE_CHECKING:
    from hedensted.monthly.db import Register

# Same default as hedensted.monthly.db (not imported here: it pulls in Alembic).
DEFAULT_SQLITE = Path(__file__).resolve().parents[2] / "instance" / "register.sqlite"


def _default_sqlite() -> Path | None:
    """The default SQLite file when neither DATABASE_URL nor the demo is chosen."""
    configured = os.environ.get("DATABASE_URL", "").strip()
    demo = os.environ.get("HEDENSTED_DEMO", "").strip().lower() in {"1", "true", "ja", "yes", "on"}
    return None if configured or demo else DEFAULT_SQLITE


def _sqlite_revision(path: Path) -> str:
    if not path.exists():
        return ""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            versions = db.execute("SELECT max(id) FROM data_import_versions").fetchone()[0]
            rollbacks = db.execute("SELECT max(id) FROM data_import_rollbacks").fetchone()[0]
    except sqlite3.Error:
        return ""  # no import tables yet
    return "" if versions is None else f"{versions}.{rollbacks or 0}"


@st.cache_resource(show_spinner=False, max_entries=4)
def _opened(url: str, demo: bool) -> Register:
    from hedensted.monthly.db import open_register

    return open_register(url, demo=demo)


def import_register() -> Register:
    """The register's database (opened and migrated once per process and database)."""
    from hedensted.monthly.db import resolve_database

    settings = resolve_database()
    return _opened(settings.url, settings.demo)


def import_revision() -> str:
    """A key that changes with every import and rollback ("" when there are none)."""
    path = _default_sqlite()
    if path is not None:
        return _sqlite_revision(path)
    try:
        from hedensted.importing.store import revision

        found = revision(import_register())
    except Exception:  # an unreachable database: show the shipped data
        return ""
    return "" if found.startswith("0.") else found


def active_imports() -> list[StoredVersion]:
    """The versions in use, oldest first."""
    from hedensted.importing.store import active_versions

    return active_versions(import_register())
