"""Saving and reading the register.

Saving (:func:`save_entries`) is all or nothing:

1. only editors may save (:class:`~hedensted.monthly.auth.NotAnEditorError`);
2. every draft is validated first; any error → ``EntryError`` listing all of
   them, and nothing is written;
3. a submission token that was already written → nothing is written again
   (a double click on »Gem« saves once);
4. optimistic concurrency: each draft carries the version the editor saw. If a
   newer version exists, :class:`SaveConflict` names it (who, when, which value)
   and nothing is written – never a silent overwrite;
5. a value equal to the latest version (same number and comment) is skipped;
6. everything else becomes a new version superseding the previous one.

Reading gives the latest value per indicator and month, and the full history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlalchemy import Select, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hedensted.monthly.auth import User, require_editor
from hedensted.monthly.db import Register
from hedensted.monthly.indicators import IndicatorSet
from hedensted.monthly.models import EntryVersion
from hedensted.monthly.tracking import format_indicator_value
from hedensted.monthly.validation import EntryDraft, EntryError, ValidEntry, validate_entry
from hedensted.present.formatting import format_month

MAX_TOKEN = 64


@dataclass(frozen=True)
class EntryRecord:
    """One saved version, as read back."""

    id: int
    project_id: str
    indicator_id: str
    month: date
    value: float
    comment: str
    author: str
    created_at: datetime
    version: int
    supersedes_id: int | None

    @property
    def key(self) -> tuple[str, str, date]:
        return (self.project_id, self.indicator_id, self.month)


@dataclass(frozen=True)
class HistoryRow:
    """A version with the value it replaced (``None`` for the first)."""

    record: EntryRecord
    previous_value: float | None


@dataclass(frozen=True)
class Conflict:
    """A draft whose editor saw an older version than the one now saved."""

    label: str
    unit: str
    seen_version: int
    newer: EntryRecord

    @property
    def message(self) -> str:
        newer = self.newer
        shown = format_indicator_value(newer.value, self.unit)
        when = format_timestamp(newer.created_at)
        return (
            f"{self.label}, {format_month(newer.month)}: {newer.author} gemte {shown} "
            f"(version {newer.version}, {when}), efter du åbnede formularen. Dit tal er ikke "
            "gemt. Se det nye tal, og gem igen, hvis du stadig vil rette det."
        )


class SaveConflict(ValueError):
    """Newer versions exist than the editor saw; nothing was written."""

    def __init__(self, conflicts: Sequence[Conflict]):
        self.conflicts = list(conflicts)
        super().__init__(" ".join(c.message for c in self.conflicts))


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the new versions, the unchanged drafts, or a repeated submission."""

    written: list[EntryRecord]
    unchanged: int
    repeated: bool


def format_timestamp(moment: datetime) -> str:
    """``2024-03-05 14:03 UTC`` → ``5. mar. 2024 kl. 15.03`` (Danish time)."""
    local = moment.astimezone(ZoneInfo("Europe/Copenhagen"))
    return format_datetime(local, "d. MMM y 'kl.' HH.mm", locale="da_DK")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _record(row: EntryVersion) -> EntryRecord:
    return EntryRecord(
        id=row.id,
        project_id=row.project_id,
        indicator_id=row.indicator_id,
        month=row.month,
        value=float(row.value),
        comment=row.comment,
        author=row.author,
        created_at=_aware(row.created_at),
        version=row.version,
        supersedes_id=row.supersedes_id,
    )


def _latest_row(session: Session, project_id: str, indicator_id: str, month: date):
    return session.scalars(
        select(EntryVersion)
        .where(
            EntryVersion.project_id == project_id,
            EntryVersion.indicator_id == indicator_id,
            EntryVersion.month == month,
        )
        .order_by(EntryVersion.version.desc())
        .limit(1)
    ).first()


def _rows_of_token(session: Session, token: str) -> list[EntryVersion]:
    return list(
        session.scalars(
            select(EntryVersion)
            .where(EntryVersion.submission_token == token)
            .order_by(EntryVersion.id)
        )
    )


def _validate_all(
    indicators: IndicatorSet, drafts: Sequence[EntryDraft], today: date
) -> list[ValidEntry]:
    messages: list[str] = []
    valid: list[ValidEntry] = []
    seen: set[tuple[str, str, date]] = set()
    for draft in drafts:
        try:
            indicator = indicators.get(draft.project_id, draft.indicator_id)
        except ValueError as error:
            messages.append(str(error))
            continue
        where = f"{indicator.label}, {format_month(draft.month)}"
        key = (draft.project_id, draft.indicator_id, draft.month)
        if key in seen:
            messages.append(f"{where}: står to gange i samme indsendelse.")
            continue
        seen.add(key)
        try:
            valid.append(validate_entry(indicators, draft, today))
        except EntryError as error:
            messages.extend(f"{where}: {message}" for message in error.messages)
    if messages:
        raise EntryError(messages)
    return valid


def _conflicts(
    session: Session, indicators: IndicatorSet, entries: Iterable[ValidEntry]
) -> list[Conflict]:
    found = []
    for entry in entries:
        latest = _latest_row(session, entry.project_id, entry.indicator_id, entry.month)
        current = latest.version if latest else 0
        if latest is not None and entry.seen_version != current:
            indicator = indicators.get(entry.project_id, entry.indicator_id)
            newer = _record(latest)
            found.append(Conflict(indicator.label, indicator.unit, entry.seen_version, newer))
    return found


def save_entries(
    register: Register,
    indicators: IndicatorSet,
    user: User | None,
    drafts: Sequence[EntryDraft],
    submission_token: str,
    today: date,
    now: datetime | None = None,
) -> SaveResult:
    """Validate and save ``drafts`` as new versions, all or nothing (see module doc).

    Raises ``NotAnEditorError``, ``EntryError`` (validation, Danish messages) or
    :class:`SaveConflict`; in each case nothing is written.
    """
    require_editor(user)
    assert user is not None
    token = submission_token.strip()
    if not token or len(token) > MAX_TOKEN:
        raise ValueError(f"Indsendelsen mangler et gyldigt id (1–{MAX_TOKEN} tegn).")
    entries = _validate_all(indicators, drafts, today)
    created_at = now or datetime.now(UTC)
    try:
        with register.sessions.begin() as session:
            repeated = _rows_of_token(session, token)
            if repeated:
                return SaveResult([_record(r) for r in repeated], unchanged=0, repeated=True)
            conflicts = _conflicts(session, indicators, entries)
            if conflicts:
                raise SaveConflict(conflicts)
            new_rows, unchanged = [], 0
            for entry in entries:
                latest = _latest_row(session, entry.project_id, entry.indicator_id, entry.month)
                if latest is not None and (latest.value, latest.comment) == (
                    entry.value,
                    entry.comment,
                ):
                    unchanged += 1
                    continue
                new_rows.append(
                    EntryVersion(
                        project_id=entry.project_id,
                        indicator_id=entry.indicator_id,
                        month=entry.month,
                        value=entry.value,
                        comment=entry.comment,
                        author=user.author,
                        created_at=created_at,
                        version=(latest.version if latest else 0) + 1,
                        supersedes_id=latest.id if latest else None,
                        submission_token=token,
                    )
                )
            session.add_all(new_rows)
            session.flush()
            written = [_record(r) for r in new_rows]
    except IntegrityError:
        # Another save took the same version number or this token in the meantime.
        with register.sessions() as session:
            repeated = _rows_of_token(session, token)
            if repeated:
                return SaveResult([_record(r) for r in repeated], unchanged=0, repeated=True)
            conflicts = _conflicts(session, indicators, entries)
        if conflicts:
            raise SaveConflict(conflicts) from None
        raise
    return SaveResult(written, unchanged, repeated=False)


def _latest_versions_query(project_id: str | None) -> Select:
    newest = select(
        EntryVersion.project_id,
        EntryVersion.indicator_id,
        EntryVersion.month,
        func.max(EntryVersion.version).label("version"),
    ).group_by(EntryVersion.project_id, EntryVersion.indicator_id, EntryVersion.month)
    if project_id is not None:
        newest = newest.where(EntryVersion.project_id == project_id)
    latest = newest.subquery()
    return (
        select(EntryVersion)
        .join(
            latest,
            and_(
                EntryVersion.project_id == latest.c.project_id,
                EntryVersion.indicator_id == latest.c.indicator_id,
                EntryVersion.month == latest.c.month,
                EntryVersion.version == latest.c.version,
            ),
        )
        .order_by(EntryVersion.project_id, EntryVersion.indicator_id, EntryVersion.month)
    )


def latest_entries(register: Register, project_id: str | None = None) -> list[EntryRecord]:
    """The latest version of every indicator and month (optionally one project)."""
    with register.sessions() as session:
        return [_record(r) for r in session.scalars(_latest_versions_query(project_id))]


def latest_month_values(
    records: Iterable[EntryRecord],
) -> dict[tuple[str, str], tuple[date, float]]:
    """Per indicator, the latest month with a value and that value."""
    latest: dict[tuple[str, str], tuple[date, float]] = {}
    for record in records:
        key = (record.project_id, record.indicator_id)
        if key not in latest or record.month > latest[key][0]:
            latest[key] = (record.month, record.value)
    return latest


def month_entries(register: Register, project_id: str, month: date) -> dict[str, EntryRecord]:
    """The latest version per indicator of one project for one month."""
    return {r.indicator_id: r for r in latest_entries(register, project_id) if r.month == month}


def history(register: Register, project_id: str, indicator_id: str) -> list[HistoryRow]:
    """Every version of one indicator, newest first, with the value each replaced."""
    with register.sessions() as session:
        rows = [
            _record(r)
            for r in session.scalars(
                select(EntryVersion)
                .where(
                    EntryVersion.project_id == project_id,
                    EntryVersion.indicator_id == indicator_id,
                )
                .order_by(EntryVersion.month, EntryVersion.version)
            )
        ]
    by_id = {r.id: r for r in rows}
    result = [
        HistoryRow(r, by_id[r.supersedes_id].value if r.supersedes_id in by_id else None)
        for r in rows
    ]
    return sorted(result, key=lambda h: (h.record.created_at, h.record.id), reverse=True)


def version_count(register: Register) -> int:
    """How many versions the register holds (every save ever made)."""
    with register.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(EntryVersion)) or 0)
