"""Which database the register uses, the engine, and the migrations on startup.

- ``DATABASE_URL`` names the database (SQLAlchemy URL). ``postgresql://…`` and
  ``postgres://…`` are run through psycopg 3 (``postgresql+psycopg://…``).
- Without it the register is the SQLite file ``instance/register.sqlite`` in the
  repository (the folder is git-ignored and created on first run).
- ``HEDENSTED_DEMO=1`` selects the demo database instead (``instance/demo.sqlite``
  or ``HEDENSTED_DEMO_DATABASE_URL``); ``DATABASE_URL`` is then never opened, so
  illustrative values cannot reach the real register.

The schema is created and upgraded by Alembic (``hedensted/monthly/migrations``)
when the register is opened; see :func:`open_register`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from hedensted.monthly.models import TABLE_NAME

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent
INSTANCE_DIR = REPO_DIR / "instance"
ALEMBIC_INI = PACKAGE_DIR / "alembic.ini"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"

DATABASE_URL_ENV = "DATABASE_URL"
DEMO_ENV = "HEDENSTED_DEMO"
DEMO_DATABASE_URL_ENV = "HEDENSTED_DEMO_DATABASE_URL"
DEFAULT_FILE = "register.sqlite"
DEMO_FILE = "demo.sqlite"


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


def real_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The real register: ``DATABASE_URL`` or the default SQLite file."""
    environ = os.environ if environ is None else environ
    configured = environ.get(DATABASE_URL_ENV)
    if configured is not None and configured.strip():
        return normalize_url(configured)
    return _sqlite_url(INSTANCE_DIR / DEFAULT_FILE)


def demo_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The demo register: ``HEDENSTED_DEMO_DATABASE_URL`` or ``instance/demo.sqlite``."""
    environ = os.environ if environ is None else environ
    configured = environ.get(DEMO_DATABASE_URL_ENV)
    if configured is not None and configured.strip():
        return normalize_url(configured)
    return _sqlite_url(INSTANCE_DIR / DEMO_FILE)


def resolve_database(environ: Mapping[str, str] | None = None) -> DatabaseSettings:
    """The database the app uses under ``environ`` (default: the process environment).

    Raises ``ValueError`` when demo mode would point at the real database.
    """
    environ = os.environ if environ is None else environ
    if not is_true(environ.get(DEMO_ENV)):
        return DatabaseSettings(real_database_url(environ), demo=False)
    demo_url = demo_database_url(environ)
    if make_url(demo_url) == make_url(real_database_url(environ)):
        raise ValueError(
            "Demodatabasen må ikke være den rigtige database. Sæt "
            f"{DEMO_DATABASE_URL_ENV} til en anden database end {DATABASE_URL_ENV}."
        )
    return DatabaseSettings(demo_url, demo=True)


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_register_engine(url: str, **options: object) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created if it is missing."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        options.setdefault("connect_args", {"check_same_thread": False, "timeout": 15})
        engine = create_engine(parsed, **options)
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    options.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **options)


def alembic_config() -> Config:
    """The Alembic configuration of the register (``hedensted/monthly/alembic.ini``)."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (Alembic ``upgrade head``) in one transaction."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class Register:
    """An opened, migrated register: its engine, its sessions and whether it is the demo."""

    engine: Engine
    sessions: sessionmaker[Session]
    demo: bool

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def has_table(self) -> bool:
        return inspect(self.engine).has_table(TABLE_NAME)


def open_register(url: str, demo: bool = False, engine: Engine | None = None) -> Register:
    """Open (and migrate) the register at ``url``, or on an already made ``engine``."""
    engine = engine or create_register_engine(url)
    migrate(engine)
    return Register(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), demo=demo)
