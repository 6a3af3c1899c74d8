"""The import versions in the register's database (same engine, same Alembic chain).

Why the register's database: it already is the app's one writable store, with
SQLite by default, PostgreSQL through ``DATABASE_URL``, Alembic migrations run
on startup and editor logins; a second store would duplicate all of that.

Both tables are append-only (the migration adds triggers that refuse UPDATE and
DELETE): an import is a row in ``data_import_versions`` with its rows as the
catalog's tidy CSV; a rollback is a row in ``data_import_rollbacks``. The
shipped ``data/`` folder is version 1 and is not in the database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hedensted.monthly.models import Base

VERSIONS_TABLE = "data_import_versions"
ROLLBACKS_TABLE = "data_import_rollbacks"


class ImportVersion(Base):
    """One imported file for one dataset (a version, never changed)."""

    __tablename__ = VERSIONS_TABLE

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    periods: Mapped[str] = mapped_column(Text)  # period codes, comma separated
    replaced_periods: Mapped[str] = mapped_column(Text)
    row_count: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    source_format: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # the rows as the catalog's tidy CSV
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("dataset_id", "version", name="uq_import_dataset_version"),
        CheckConstraint("version >= 2", name="ck_import_version_after_shipped"),
    )


class ImportRollback(Base):
    """A version taken out of use; the version before it applies again."""

    __tablename__ = ROLLBACKS_TABLE

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey(f"{VERSIONS_TABLE}.id", name="fk_rollback_version"), unique=True
    )
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


SWITCHES_TABLE = "data_import_switches"


class ImportSwitch(Base):
    """The dataset set to ``to_version`` (1 = the shipped data): a rollback to any
    version, or the undoing of one (migration ``0003_safety``)."""

    __tablename__ = SWITCHES_TABLE

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[str] = mapped_column(String(64))
    from_version: Mapped[int] = mapped_column(Integer)
    to_version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("to_version >= 1", name="ck_switch_version_positive"),)
