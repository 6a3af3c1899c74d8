"""An imported version as the app sees it (kept apart from the database code, so the
catalog can be built without importing SQLAlchemy or Alembic)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StoredVersion:
    """One imported version as read from the database."""

    id: int
    dataset_id: str
    version: int
    periods: tuple[str, ...]
    replaced_periods: tuple[str, ...]
    row_count: int
    file_name: str
    file_sha256: str
    source_format: str
    content: str
    author: str
    created_at: datetime
    rolled_back_by: str | None = None
    rolled_back_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.rolled_back_at is None
