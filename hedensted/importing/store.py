"""Import versions in the database: save, list, the active ones, roll back.

Per dataset the versions are numbered from 2 (version 1 is the shipped
``data/``). A saved version goes on top of the version in use. The *active*
versions are the one in use and those it was saved on top of; they are applied
in order, so a later version's periods win. :func:`rollback_to` makes any
version (or the shipped data) the one in use, and :func:`undo_switch` undoes
that. Nothing is updated or deleted: a rollback is a new row in
``data_import_switches`` (older databases also have rows in
``data_import_rollbacks``, which are replayed the same way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hedensted.importing.models import ImportRollback, ImportSwitch, ImportVersion
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


@dataclass(frozen=True)
class DatasetState:
    """Where a dataset stands after replaying its history."""

    current: int  # the version in use (1 = the shipped data)
    parents: dict[int, int]  # version → the version it was saved on top of
    out_of_use: dict[int, tuple[str, datetime]]  # version → who took it out, when
    last_switch: tuple[int, int] | None  # (from, to) if the newest event is a switch


def _replay(versions, rollbacks, switches) -> DatasetState:
    """Replay one dataset's saves, old rollbacks and switches in time order.

    A save puts the new version on top of the current one; a switch (or an old
    rollback: back to the version's parent) makes another version current. The
    versions in use are the current one and its ancestors.
    """
    events = [(_as_utc(v.created_at), 0, v.id, "save", v) for v in versions]
    events += [(_as_utc(r.created_at), 1, r.id, "rollback", r) for r in rollbacks]
    events += [(_as_utc(w.created_at), 2, w.id, "switch", w) for w in switches]
    number_of = {v.id: v.version for v in versions}
    current, parents = SHIPPED_VERSION, dict[int, int]()
    out: dict[int, tuple[str, datetime]] = {}
    last_switch = None
    for moment, _order, _id, kind, row in sorted(events, key=lambda e: e[:3]):
        before = _lineage(current, parents)
        if kind == "save":
            parents[row.version] = current
            current, last_switch = row.version, None
        else:
            target = (
                parents.get(number_of.get(row.version_id, 0), SHIPPED_VERSION)
                if kind == "rollback"
                else row.to_version
            )
            last_switch = (current, target)
            current = target
        after = _lineage(current, parents)
        for version in before - after:
            out[version] = (row.author, moment)
        for version in after:
            out.pop(version, None)
    return DatasetState(current, parents, out, last_switch)


def _lineage(current: int, parents: dict[int, int]) -> set[int]:
    found = set()
    while current != SHIPPED_VERSION and current not in found:
        found.add(current)
        current = parents.get(current, SHIPPED_VERSION)
    return found


def _states(register: Register, dataset_id: str | None):
    """(version rows, state) per dataset id."""
    with register.sessions() as session:
        versions = session.scalars(select(ImportVersion).order_by(ImportVersion.id)).all()
        rollbacks = session.scalars(select(ImportRollback)).all()
        switches = session.scalars(select(ImportSwitch)).all()
    by_id = {v.id: v for v in versions}
    datasets = sorted({v.dataset_id for v in versions} | {w.dataset_id for w in switches})
    result = {}
    for name in datasets:
        if dataset_id is not None and name != dataset_id:
            continue
        own = [v for v in versions if v.dataset_id == name]
        own_rollbacks = [r for r in rollbacks if by_id[r.version_id].dataset_id == name]
        own_switches = [w for w in switches if w.dataset_id == name]
        result[name] = (own, _replay(own, own_rollbacks, own_switches))
    return result


def dataset_state(register: Register, dataset_id: str) -> DatasetState:
    """The dataset's current version, ancestry and the last switch (if it is the newest)."""
    found = _states(register, dataset_id)
    if dataset_id not in found:
        return DatasetState(SHIPPED_VERSION, {}, {}, None)
    return found[dataset_id][1]


def all_versions(register: Register, dataset_id: str | None = None) -> list[StoredVersion]:
    """Every imported version (oldest first); a version not in use says who took it out."""
    stored = []
    for own, state in _states(register, dataset_id).values():
        for v in own:
            out = state.out_of_use.get(v.version)
            stored.append(
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
                    rolled_back_by=out[0] if out else None,
                    rolled_back_at=out[1] if out else None,
                )
            )
    return sorted(stored, key=lambda v: v.id)


def active_versions(register: Register) -> list[StoredVersion]:
    """The versions in use (the current one and those it was saved on top of), oldest first."""
    return [v for v in all_versions(register) if v.active]


def revision(register: Register) -> str:
    """Changes whenever a version is saved or rolled back (a cache key)."""
    with register.sessions() as session:
        versions = session.execute(select(func.max(ImportVersion.id))).scalar() or 0
        rollbacks = session.execute(select(func.max(ImportRollback.id))).scalar() or 0
        switches = session.execute(select(func.max(ImportSwitch.id))).scalar() or 0
    return f"{versions}.{rollbacks}.{switches}"


def latest_active(register: Register, dataset_id: str) -> StoredVersion | None:
    """The version in use (``None``: the shipped data)."""
    current = dataset_state(register, dataset_id).current
    return next((v for v in all_versions(register, dataset_id) if v.version == current), None)


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


def rollback_to(
    register: Register,
    dataset_id: str,
    to_version: int,
    user: User,
    expected_current: int | None = None,
    now: datetime | None = None,
) -> tuple[int, int]:
    """Make ``to_version`` (any saved version, or 1 = the shipped data) the one in use.

    Nothing is deleted: the switch is a row, and it can itself be undone by
    switching back (:func:`undo_switch`). ``expected_current`` is the version the
    editor saw in use when confirming; if it changed, :class:`ImportConflict`.
    Returns (the version before, the version now in use).
    """
    editor = require_editor(user)
    state = dataset_state(register, dataset_id)
    numbers = {v.version for v in all_versions(register, dataset_id)} | {SHIPPED_VERSION}
    if to_version not in numbers:
        raise ValueError(f"Version {to_version} findes ikke for datasættet.")
    if expected_current is not None and expected_current != state.current:
        raise ImportConflict(
            f"Intet er ændret: version {state.current} er kommet i brug, siden du bekræftede. "
            "Genindlæs siden."
        )
    if to_version == state.current:
        raise ValueError(f"Version {to_version} er allerede den, der er i brug.")
    with register.sessions.begin() as session:
        session.add(
            ImportSwitch(
                dataset_id=dataset_id,
                from_version=state.current,
                to_version=to_version,
                author=editor.author,
                created_at=now or datetime.now(UTC),
            )
        )
    return state.current, to_version


def undo_switch(register: Register, dataset_id: str, user: User) -> tuple[int, int]:
    """Undo the newest rollback (if nothing was saved since): back to the version before."""
    state = dataset_state(register, dataset_id)
    if state.last_switch is None:
        raise ValueError("Der er ingen tilbagerulning at fortryde (eller der er gemt siden).")
    before, now_current = state.last_switch
    return rollback_to(register, dataset_id, before, user, expected_current=now_current)


def rollback_latest(
    register: Register, dataset_id: str, user: User, now: datetime | None = None
) -> StoredVersion:
    """Go back from the version in use to the one it was saved on top of; returns it.

    Raises ``ValueError`` (Danish) when only the shipped version is left.
    """
    current = latest_active(register, dataset_id)
    if current is None:
        raise ValueError(
            "Der er ingen importeret version at rulle tilbage – datasættet er den leverede "
            "version 1, som aldrig ændres."
        )
    parent = dataset_state(register, dataset_id).parents.get(current.version, SHIPPED_VERSION)
    rollback_to(register, dataset_id, parent, user, expected_current=current.version, now=now)
    return current
