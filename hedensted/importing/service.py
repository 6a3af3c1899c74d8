"""Preview, confirm and roll back an import – what the page and the command line call.

1. :func:`preview` reads and checks a file against the effective dataset and
   remembers which version it was checked against; nothing is written.
2. :func:`confirm` saves it as the next version (editors only). If someone
   else changed the dataset in between, nothing is saved
   (:class:`~hedensted.importing.store.ImportConflict`).
3. :func:`rollback` takes the newest imported version out of use.

:func:`effective_catalog` is the catalog the app shows: ``data/`` plus the
active versions (all periods; see :mod:`hedensted.importing.period_views`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hedensted.core.catalog import Catalog, load_catalog
from hedensted.importing.overlay import apply_imports
from hedensted.importing.specs import spec_for
from hedensted.importing.store import (
    StoredVersion,
    active_versions,
    latest_active,
    rollback_latest,
    rollback_to,
    save_version,
)
from hedensted.importing.validation import ImportPlan, check_confirmed, plan_import, plan_table
from hedensted.monthly.auth import User
from hedensted.monthly.db import Register


@dataclass(frozen=True)
class Preview:
    """A checked file and the version it was checked against (``None``: the shipped one)."""

    plan: ImportPlan
    base_version_id: int | None


def effective_catalog(data_dir: Path | None, register: Register | None) -> Catalog:
    """The shipped catalog with the active imported versions laid over it."""
    shipped = load_catalog(data_dir)
    if register is None:
        return shipped
    return apply_imports(shipped, active_versions(register))


def preview(
    register: Register,
    full: Catalog,
    dataset_id: str,
    file_name: str,
    data: bytes,
    replace: bool = False,
    today: date | None = None,
) -> Preview:
    """Check ``data`` against the dataset in ``full`` (the effective catalog).

    Raises :class:`~hedensted.core.catalog.DatasetError` (file, row, column) or
    ``ValueError`` (Danish) for a dataset that cannot be imported.
    """
    spec_for(dataset_id)
    plan = plan_import(file_name, data, full.get(dataset_id), replace=replace, today=today)
    base = latest_active(register, dataset_id)
    return Preview(plan=plan, base_version_id=base.id if base else None)


def preview_fetched(
    register: Register, full: Catalog, dataset_id: str, fetched, replace: bool = False
) -> Preview:
    """Check a table fetched from Jobindsats or Statistikbanken, exactly like a file.

    ``fetched`` is an :class:`hedensted.importing.api.Fetched`.
    """
    spec_for(dataset_id)
    plan = plan_table(
        fetched.raw, fetched.sha256, fetched.source_format, full.get(dataset_id), replace=replace
    )
    base = latest_active(register, dataset_id)
    return Preview(plan=plan, base_version_id=base.id if base else None)


def confirm(
    register: Register, checked: Preview, user: User, accepted_outliers: Collection[str] = ()
) -> StoredVersion:
    """Save a previewed file as the dataset's next version.

    Every outlier of the plan (a jump of more than 10 times against the period
    before) must be in ``accepted_outliers`` (its key), else
    :class:`~hedensted.importing.validation.OutliersNotConfirmed` and nothing is saved.
    """
    check_confirmed(checked.plan, accepted_outliers)
    return save_version(register, checked.plan, user, checked.base_version_id)


def rollback(register: Register, dataset_id: str, user: User) -> StoredVersion:
    """Roll the dataset back to the version before its newest; returns the version undone."""
    spec_for(dataset_id)
    return rollback_latest(register, dataset_id, user)


def rollback_to_version(
    register: Register, dataset_id: str, version: int, user: User
) -> tuple[int, int]:
    """Put any saved version (or 1, the shipped data) in use; (version before, version now)."""
    spec_for(dataset_id)
    return rollback_to(register, dataset_id, version, user)
