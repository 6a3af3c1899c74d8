"""The import versions for the cached catalog – read cheaply, opened only when needed.

Opening the database imports SQLAlchemy and Alembic (over a second on a cold
start; measured again for the redesign). The catalog is needed on every page,
and most installations have no imports, so:

- with the default SQLite file (no ``DATABASE_URL``, no demo; the rule and the
  path are ``hedensted.monthly.settings``'), the revision
  (``hedensted.importing.revision``: imports, rollbacks, monthly entries) is read with
  the standard library's ``sqlite3``, read-only; no file or no import table means
  no imports, and nothing else is loaded;
- otherwise (PostgreSQL, or the demo database) the one opened database
  (``ui/state/database.py``, shared with the monthly register) is asked.

A database that cannot be read gives the shipped data (the page »Opdater data«
shows the database error).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hedensted.importing.revision import DatabaseRevision, database_revision, sqlite_revision
from hedensted.importing.versions import StoredVersion
from hedensted.monthly.settings import DEFAULT_SQLITE_FILE, uses_default_sqlite
from ui.state.database import open_database

if TYPE_CHECKING:
    from hedensted.monthly.db import Register

DEFAULT_SQLITE = DEFAULT_SQLITE_FILE  # the tests point this at an empty folder


def _default_sqlite() -> Path | None:
    """The default SQLite file when neither DATABASE_URL nor the demo is chosen."""
    return DEFAULT_SQLITE if uses_default_sqlite() else None


def import_register() -> Register:
    """The database with the import versions (the app's one database)."""
    return open_database()


def read_database_revision() -> DatabaseRevision:
    """The newest import, rollback and monthly entry ids (read now, not cached).

    Use :func:`ui.state.data.data_revision` in pages: it reads this once per script run.
    """
    path = _default_sqlite()
    if path is not None:
        return sqlite_revision(path)
    try:
        return database_revision(import_register())
    except Exception:  # an unreachable database: show the shipped data
        return DatabaseRevision()


def import_revision() -> str:
    """The import part of the revision ("" when nothing was imported); once per script run.

    Prefer ``ui.state.data.data_revision()``, which also covers the shipped data
    and the monthly register.
    """
    from ui.state.data import data_revision

    return data_revision().database.imports


def active_imports() -> list[StoredVersion]:
    """The versions in use, oldest first."""
    from hedensted.importing.store import active_versions

    return active_versions(import_register())
