"""The import versions for the cached catalog – read cheaply, opened only when needed.

Opening the database imports SQLAlchemy and Alembic (over a second on a cold
start; measured again for the redesign). The catalog is needed on every page,
and most installations have no imports, so:

- with the default SQLite file (no ``DATABASE_URL``, no demo; the rule and the
  path are ``hedensted.monthly.settings``'), the revision is read with the
  standard library's ``sqlite3``, read-only; no file or no import table means no
  imports, and nothing else is loaded;
- otherwise (PostgreSQL, or the demo database) the one opened database
  (``ui/state/database.py``, shared with the monthly register) is asked.

A database that cannot be read gives the shipped data (the page »Opdater data«
shows the database error).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from hedensted.importing.versions import StoredVersion
from hedensted.monthly.settings import DEFAULT_SQLITE_FILE, uses_default_sqlite
from ui.state.database import open_database

if TYPE_CHECKING:
    from hedensted.monthly.db import Register

DEFAULT_SQLITE = DEFAULT_SQLITE_FILE  # the tests point this at an empty folder


def _default_sqlite() -> Path | None:
    """The default SQLite file when neither DATABASE_URL nor the demo is chosen."""
    return DEFAULT_SQLITE if uses_default_sqlite() else None


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


def import_register() -> Register:
    """The database with the import versions (the app's one database)."""
    return open_database()


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
