"""The database's engine and the migrations on startup.

Which database is used (``DATABASE_URL``, ``HEDENSTED_DEMO``) is decided in
``hedensted.monthly.settings``, without SQLAlchemy; the app opens it once per
process (``ui/state/database.py``).

The schema is created and upgraded by Alembic (``hedensted/monthly/migrations``)
when the register is opened; see :func:`open_register`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from hedensted.monthly.models import TABLE_NAME
from hedensted.monthly.settings import normalize_url

PACKAGE_DIR = Path(__file__).resolve().parent
ALEMBIC_INI = PACKAGE_DIR / "alembic.ini"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


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


# Key of the PostgreSQL advisory lock that serialises migrations (any fixed number).
MIGRATION_LOCK_KEY = 20_240_305


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (Alembic ``upgrade head``) in one transaction.

    Several app servers may open the same PostgreSQL database at once; a
    transaction-level advisory lock lets one migrate while the others wait, then
    find the schema at head. (SQLite serialises writers itself.)
    """
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class Register:
    """An opened, migrated register: its engine, its sessions and whether it is the demo."""

    engine: Engine
    sessions: sessionmaker[Session]
    demo: bool

    def has_table(self) -> bool:
        return inspect(self.engine).has_table(TABLE_NAME)


def open_register(url: str, demo: bool = False, engine: Engine | None = None) -> Register:
    """Open (and migrate) the register at ``url``, or on an already made ``engine``."""
    engine = engine or create_register_engine(url)
    migrate(engine)
    return Register(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), demo=demo)
