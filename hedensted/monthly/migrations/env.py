"""Alembic environment: migrate the connection the app hands over, or DATABASE_URL.

The app calls :func:`hedensted.monthly.db.migrate`, which passes its open
connection in ``config.attributes["connection"]``. From the command line the
database is the one the app would use (``DATABASE_URL`` or the default SQLite
file; ``HEDENSTED_DEMO=1`` selects the demo database).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from hedensted.monthly.db import create_register_engine
from hedensted.monthly.models import Base
from hedensted.monthly.settings import resolve_database

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_register_engine(resolve_database().url)
    try:
        with engine.begin() as owned:
            _run(owned)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Registret migreres kun online (mod en forbundet database).")
run_migrations_online()
