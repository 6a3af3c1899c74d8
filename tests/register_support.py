"""Helpers for the register tests: the indicators, editors and a fresh register.

A test module defines its fixtures with these helpers::

    @pytest.fixture(params=DATABASES)
    def register(request, tmp_path):
        yield from fresh_register(request.param, tmp_path)

so every test runs on a fresh SQLite file and, when ``TEST_DATABASE_URL`` is
set (CI: ``source .ci/setup-postgres.sh``), again on PostgreSQL in a schema of
its own that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from hedensted.core.catalog import PACKAGED_DATA_DIR, load_catalog
from hedensted.monthly.auth import User
from hedensted.monthly.db import Register, create_register_engine, open_register
from hedensted.monthly.indicators import IndicatorSet, indicators_from_catalog
from hedensted.monthly.validation import EntryDraft

TEST_DATABASE_URL_ENV = "TEST_DATABASE_URL"
TODAY = date(2024, 6, 15)  # a fixed "today" inside the register period
EDITOR = User(username="anne", name="Anne Jensen", is_editor=True, method="lokal")
OTHER_EDITOR = User(username="bo", name="Bo Nielsen", is_editor=True, method="lokal")
VIEWER_USER = User(username="lis", name="Lis Læser", is_editor=False, method="oidc")


DATABASES = ["sqlite", "postgresql"]


def shipped_indicators() -> IndicatorSet:
    return indicators_from_catalog(load_catalog(PACKAGED_DATA_DIR))


def fresh_register(kind: str, tmp_path) -> Iterator[Register]:
    """A migrated, empty register on SQLite or (if configured) PostgreSQL."""
    if kind == "sqlite":
        opened = open_register(f"sqlite:///{tmp_path / 'register.sqlite'}")
        yield opened
        opened.engine.dispose()
        return
    url = os.environ.get(TEST_DATABASE_URL_ENV)
    if not url:
        pytest.skip(f"{TEST_DATABASE_URL_ENV} er ikke sat (PostgreSQL-varianten kører i CI).")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_register_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield open_register(url, engine=engine)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def draft(
    raw_value: str | float = "101",
    project_id: str = "flere_i_job",
    indicator_id: str = "aktivitetsparate_antal",
    month: date = date(2024, 3, 1),
    comment: str = "",
    seen_version: int = 0,
) -> EntryDraft:
    return EntryDraft(
        project_id=project_id,
        indicator_id=indicator_id,
        month=month,
        raw_value=raw_value,
        comment=comment,
        seen_version=seen_version,
    )
