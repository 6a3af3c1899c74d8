"""Which database the app uses: the one place for its URL and the environment variables.

One database holds the monthly entries and the import history of data periods.

- ``DATABASE_URL`` names the database (SQLAlchemy URL). ``postgresql://…`` and
  ``postgres://…`` are run through psycopg 3 (``postgresql+psycopg://…``).
- Without it the database is the SQLite file ``instance/register.sqlite`` in the
  repository (the folder is git-ignored and created on first run).
- ``HEDENSTED_DEMO=1`` selects the demo database instead (``instance/demo.sqlite``
  or ``HEDENSTED_DEMO_DATABASE_URL``); ``DATABASE_URL`` is then never opened, so
  illustrative values cannot reach the real register.

This module does not import SQLAlchemy or Alembic (over a second on a cold start),
so every page can ask, cheaply, whether the default SQLite file is in use
(``ui/state/import_store.py`` then reads it with ``sqlite3``). The engine and the
migrations are in ``hedensted.monthly.db``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
INSTANCE_DIR = REPO_DIR / "instance"
DEFAULT_FILE = "register.sqlite"
DEMO_FILE = "demo.sqlite"
DEFAULT_SQLITE_FILE = INSTANCE_DIR / DEFAULT_FILE

DATABASE_URL_ENV = "DATABASE_URL"
DEMO_ENV = "HEDENSTED_DEMO"
DEMO_DATABASE_URL_ENV = "HEDENSTED_DEMO_DATABASE_URL"


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class DatabaseSettings:
    """The chosen database and whether it is the demo database."""

    url: str
    demo: bool


def is_true(text: str | None) -> bool:
    """``1``, ``true``, ``ja``, ``yes`` or ``on`` (any case) switch a setting on."""
    return (text or "").strip().lower() in {"1", "true", "ja", "yes", "on"}


def normalize_url(url: str) -> str:
    """Use the psycopg 3 driver for plain PostgreSQL URLs; reject an empty URL."""
    url = url.strip()
    if not url:
        raise ValueError("DATABASE_URL er tom. Fjern den, eller angiv en databaseadresse.")
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _configured(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    return value if value is not None and value.strip() else None


def uses_default_sqlite(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the app uses the default SQLite file (neither ``DATABASE_URL`` nor the
    demo is chosen)."""
    environ = os.environ if environ is None else environ
    return _configured(environ, DATABASE_URL_ENV) is None and not is_true(environ.get(DEMO_ENV))


def real_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The real register: ``DATABASE_URL`` or the default SQLite file."""
    environ = os.environ if environ is None else environ
    configured = _configured(environ, DATABASE_URL_ENV)
    return normalize_url(configured) if configured else _sqlite_url(DEFAULT_SQLITE_FILE)


def demo_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The demo register: ``HEDENSTED_DEMO_DATABASE_URL`` or ``instance/demo.sqlite``."""
    environ = os.environ if environ is None else environ
    configured = _configured(environ, DEMO_DATABASE_URL_ENV)
    return normalize_url(configured) if configured else _sqlite_url(INSTANCE_DIR / DEMO_FILE)


def resolve_database(environ: Mapping[str, str] | None = None) -> DatabaseSettings:
    """The database the app uses under ``environ`` (default: the process environment).

    Raises ``ValueError`` when demo mode would point at the real database.
    """
    environ = os.environ if environ is None else environ
    if not is_true(environ.get(DEMO_ENV)):
        return DatabaseSettings(real_database_url(environ), demo=False)
    from sqlalchemy.engine import make_url  # only for the demo: compares two URLs

    demo_url = demo_database_url(environ)
    if make_url(demo_url) == make_url(real_database_url(environ)):
        raise ValueError(
            "Demodatabasen må ikke være den rigtige database. Sæt "
            f"{DEMO_DATABASE_URL_ENV} til en anden database end {DATABASE_URL_ENV}."
        )
    return DatabaseSettings(demo_url, demo=True)
