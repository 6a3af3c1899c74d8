"""The data revision: a cheap value that changes whenever the data a page shows changes.

Caches (the UI layer's ``st.cache_data``) are keyed by it, so a change made
through one app server – an import, a rollback, a saved monthly value – is seen
by every other server at its next rerun, without any message between them.

It has three parts:

- ``shipped``: the identity of the data folder (names, sizes and modification
  times of its files) – changes when ``data/`` is deployed anew;
- ``imports``: the newest import version, rollback and switch ids in the database
  (a switch is a rollback to any version, or its undoing);
- ``entries``: the newest monthly register entry id.

Both database tables are append-only (a correction or a rollback is a new row),
so the newest id changes with every write. Reading them is one small query.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine module imports Alembic; reading the revision does not need it
    from hedensted.monthly.db import Register

IMPORT_VERSIONS_TABLE = "data_import_versions"
IMPORT_ROLLBACKS_TABLE = "data_import_rollbacks"
IMPORT_SWITCHES_TABLE = "data_import_switches"
ENTRIES_TABLE = "register_entry_versions"


@dataclass(frozen=True)
class DatabaseRevision:
    """The newest row ids of the append-only tables (0 when a table is empty or missing)."""

    import_version: int = 0
    import_rollback: int = 0
    entry: int = 0
    import_switch: int = 0

    @property
    def imports(self) -> str:
        """The import part ("" when nothing was ever imported)."""
        if not self.import_version:
            return ""
        return f"{self.import_version}.{self.import_rollback}.{self.import_switch}"

    @property
    def entries(self) -> str:
        return str(self.entry) if self.entry else ""


@dataclass(frozen=True)
class DataRevision:
    """Everything a cached page part may depend on; ``str()`` gives one key."""

    shipped: str
    database: DatabaseRevision = DatabaseRevision()

    @property
    def catalog(self) -> str:
        """The key of the catalog (shipped data + imports); monthly entries leave it alone."""
        return f"{self.shipped}/{self.database.imports}"

    @property
    def entries(self) -> str:
        """The key of the monthly register's values."""
        return self.database.entries

    def __str__(self) -> str:
        return f"{self.catalog}/{self.entries}"


def shipped_identity(data_dir: Path) -> str:
    """A short fingerprint of the files in ``data_dir`` (names, sizes, modification times).

    A missing folder gives ``"missing"`` (the catalog reports it). Only ``stat`` is
    called – about a hundred files take well under a millisecond.
    """
    if not data_dir.is_dir():
        return "missing"
    digest = hashlib.blake2b(str(data_dir.resolve()).encode(), digest_size=8)
    for path in sorted(data_dir.iterdir()):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def _max_id(db: sqlite3.Connection, table: str) -> int:
    try:
        return int(db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
    except sqlite3.Error:  # the table is not there yet
        return 0


def sqlite_revision(path: Path) -> DatabaseRevision:
    """The revision of a SQLite register file, read with the standard library, read-only.

    A missing file gives the empty revision; nothing is created.
    """
    if not path.exists():
        return DatabaseRevision()
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            return DatabaseRevision(
                _max_id(db, IMPORT_VERSIONS_TABLE),
                _max_id(db, IMPORT_ROLLBACKS_TABLE),
                _max_id(db, ENTRIES_TABLE),
                _max_id(db, IMPORT_SWITCHES_TABLE),
            )
    except sqlite3.Error:
        return DatabaseRevision()


def database_revision(register: Register) -> DatabaseRevision:
    """The revision of an opened (migrated) register, in one query."""
    from sqlalchemy import func, select

    from hedensted.importing.models import ImportRollback, ImportSwitch, ImportVersion
    from hedensted.monthly.models import EntryVersion

    query = select(
        select(func.max(ImportVersion.id)).scalar_subquery(),
        select(func.max(ImportRollback.id)).scalar_subquery(),
        select(func.max(EntryVersion.id)).scalar_subquery(),
        select(func.max(ImportSwitch.id)).scalar_subquery(),
    )
    with register.engine.connect() as connection:
        versions, rollbacks, entries, switches = connection.execute(query).one()
    return DatabaseRevision(
        int(versions or 0), int(rollbacks or 0), int(entries or 0), int(switches or 0)
    )
