"""Import versions in the database: save, list, the active ones, roll back.

Per dataset the versions are numbered from 2 (version 1 is the shipped
``data/``). The *active* versions are those not rolled back; they are applied in
order, so a later version's periods win. :func:`rollback_latest` takes the
newest active version out of use – the one before it applies again. Nothing is
updated or deleted: a rollback is a new row.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hedensted.importing.models import ImportRollback, ImportVersion
from hedensted.importing.validation import ImportPlan
from hedensted.importing.versions import StoredVersion
from hedensted.monthly.auth import User, require_editor

if TYPE_CHECKING:  # the engine module imports Alembic; not needed to read versions
    from hedensted.monthly.db import Register

SHIPPED_VERSION = 1


class ImportConflict(RuntimeError):
    """Someone else changed the dataset's versions since the preview."""


def _split(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split(",") if p)


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def all_versions(register: Register, dataset_id: str | None = None) -> list[StoredVersion]:
    """Every imported version (oldest first), with its rollback if any."""
    query = (
        select(ImportVersion, ImportRollback)
        .outerjoin(ImportRollback, ImportRollback.version_id == ImportVersion.id)
        .order_by(ImportVersion.id)
    )
    if dataset_id is not None:
        query = query.where(ImportVersion.dataset_id == dataset_id)
    with register.sessions() as session:
        found = session.execute(query).all()
    return [
        StoredVersion(
            id=v.id,
            dataset_id=v.dataset_id,
            version=v.version,
            periods=_split(v.periods),
            replaced_periods=_split(v.replaced_periods),
            row_count=v.row_count,
            file_name=v.file_name,
            file_sha256=v.file_sha256,
            source_format=v.source_format,
            content=v.content,
            author=v.author,
            created_at=_as_utc(v.created_at),
            rolled_back_by=r.author if r else None,
            rolled_back_at=_as_utc(r.created_at) if r else None,
        )
        for v, r in found
    ]


def active_versions(register: Register) -> list[StoredVersion]:
    """The versions in use, oldest first."""
    return [v for v in all_versions(register) if v.active]


def revision(register: Register) -> str:
    """Changes whenever a version is saved or rolled back (a cache key)."""
    with register.sessions() as session:
        versions = session.execute(select(func.max(ImportVersion.id))).scalar() or 0
        rollbacks = session.execute(select(func.max(ImportRollback.id))).scalar() or 0
    return f"{versions}.{rollbacks}"


def latest_active(register: Register, dataset_id: str) -> StoredVersion | None:
    active = [v for v in all_versions(register, dataset_id) if v.active]
    return active[-1] if active else None


def save_version(
    register: Register,
    plan: ImportPlan,
    user: User,
    expected_latest: int | None,
    now: datetime | None = None,
) -> StoredVersion:
    """Save a checked plan as the dataset's next version (editors only).

    ``expected_latest`` is the id of the newest active version the preview was
    made against (``None``: none); if it changed, :class:`ImportConflict`.
    """
    editor = require_editor(user)
    current = latest_active(register, plan.dataset_id)
    if (current.id if current else None) != expected_latest:
        raise ImportConflict(
            "Intet er gemt: datasættet er ændret, siden forhåndsvisningen blev lavet "
            f"(version {current.version if current else SHIPPED_VERSION} af "
            f"{current.author if current else 'den leverede version'}). Indlæs filen igen."
        )
    moment = now or datetime.now(UTC)
    try:
        with register.sessions.begin() as session:
            highest = session.execute(
                select(func.max(ImportVersion.version)).where(
                    ImportVersion.dataset_id == plan.dataset_id
                )
            ).scalar()
            row = ImportVersion(
                dataset_id=plan.dataset_id,
                version=(highest or SHIPPED_VERSION) + 1,
                periods=",".join(plan.periods),
                replaced_periods=",".join(plan.replaced_periods),
                row_count=len(plan.rows),
                file_name=plan.file_name[:255],
                file_sha256=plan.sha256,
                source_format=plan.source_format,
                content=plan.csv_text(),
                author=editor.author,
                created_at=moment,
            )
            session.add(row)
    except IntegrityError as exc:
        raise ImportConflict(
            "Intet er gemt: en anden gemte en version af datasættet samtidig. Indlæs filen igen."
        ) from exc
    return next(v for v in all_versions(register, plan.dataset_id) if v.id == row.id)


def rollback_latest(
    register: Register, dataset_id: str, user: User, now: datetime | None = None
) -> StoredVersion:
    """Take the dataset's newest active version out of use; returns it.

    Raises ``ValueError`` (Danish) when only the shipped version is left.
    """
    editor = require_editor(user)
    current = latest_active(register, dataset_id)
    if current is None:
        raise ValueError(
            "Der er ingen importeret version at rulle tilbage – datasættet er den leverede "
            "version 1, som aldrig ændres."
        )
    try:
        with register.sessions.begin() as session:
            session.add(
                ImportRollback(
                    version_id=current.id,
                    author=editor.author,
                    created_at=now or datetime.now(UTC),
                )
            )
    except IntegrityError as exc:
        raise ImportConflict(
            "Versionen er allerede rullet tilbage af en anden. Genindlæs siden."
        ) from exc
    return current
