"""The register's one table: every saved value as an immutable version.

A row is never updated or deleted (the migration adds database triggers that
refuse it). A correction is a new row with ``version`` one higher and
``supersedes_id`` pointing at the row it replaces. The unique constraint on
(project, indicator, month, version) makes two concurrent saves of the same
next version impossible: the second one fails and is reported as a conflict.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TABLE_NAME = "register_entry_versions"


class Base(DeclarativeBase):
    """Declarative base of the register's tables."""


class EntryVersion(Base):
    """One saved value of one indicator for one month (a version, never changed)."""

    __tablename__ = TABLE_NAME

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(String(64))
    indicator_id: Mapped[str] = mapped_column(String(64))
    month: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Double)
    comment: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey(f"{TABLE_NAME}.id", name="fk_entry_supersedes"), nullable=True
    )
    # One form submission (or Excel upload) carries one token; a repeated
    # submission with the same token writes nothing.
    submission_token: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("project_id", "indicator_id", "month", "version", name="uq_entry_version"),
        UniqueConstraint(
            "submission_token", "project_id", "indicator_id", "month", name="uq_entry_submission"
        ),
        CheckConstraint("version >= 1", name="ck_entry_version_positive"),
        Index("ix_entry_submission_token", "submission_token"),
    )


class LoginAttempt(Base):
    """One login attempt (append-only): the lockout is counted from these rows, so it
    survives a restart and holds across several servers (migration ``0003_safety``)."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(100))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_login_attempts_user_address", "username", "address", "id"),)
