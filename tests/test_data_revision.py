"""The data revision: what it reads, and that pages follow it without clearing any cache.

The AppTest cases change the data *outside* the app – the way a second app
server would – and rerun: the page must show the change at once.
"""

from __future__ import annotations

import os
from datetime import date

import pytest

from hedensted.importing.revision import (
    DatabaseRevision,
    DataRevision,
    database_revision,
    shipped_identity,
    sqlite_revision,
)
from hedensted.monthly.db import open_register
from hedensted.monthly.service import save_entries
from tests.apptest_support import open_page
from tests.import_support import FULLTIME, attempt, jobindsats_file
from tests.register_support import DATABASES, EDITOR, draft, fresh_register, shipped_indicators


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


def test_revision_follows_every_write(register) -> None:
    assert database_revision(register) == DatabaseRevision(0, 0, 0)

    saved = save_entries(
        register, shipped_indicators(), EDITOR, [draft("101")], "token-1", today=date(2024, 6, 15)
    )
    entry = saved.written[0].id
    assert database_revision(register) == DatabaseRevision(0, 0, entry)
    assert database_revision(register).entries == str(entry)
    assert database_revision(register).imports == ""

    version = attempt(register, "marts.csv", jobindsats_file(FULLTIME, "2024M03"))
    after_import = database_revision(register)
    assert after_import == DatabaseRevision(version.id, 0, entry)
    assert after_import.imports == f"{version.id}.0.0"

    from hedensted.importing.store import rollback_latest

    rollback_latest(register, FULLTIME, EDITOR)
    after_rollback = database_revision(register)
    assert after_rollback.import_version == version.id
    assert after_rollback.import_switch >= 1  # a rollback is a switch to another version
    assert after_rollback.imports != after_import.imports


def test_sqlite_revision_reads_the_file_without_the_engine(tmp_path) -> None:
    path = tmp_path / "register.sqlite"
    assert sqlite_revision(path) == DatabaseRevision()
    assert not path.exists()  # reading never creates the file

    register = open_register(f"sqlite:///{path}")
    save_entries(
        register, shipped_indicators(), EDITOR, [draft("101")], "token-1", today=date(2024, 6, 15)
    )
    attempt(register, "marts.csv", jobindsats_file(FULLTIME, "2024M03"))
    assert sqlite_revision(path) == database_revision(register)
    assert sqlite_revision(path).entry == 1
    register.engine.dispose()


def test_shipped_identity_changes_with_a_file(data_copy) -> None:
    before = shipped_identity(data_copy)
    assert shipped_identity(data_copy) == before
    csv = data_copy / f"{FULLTIME}.csv"
    csv.write_bytes(csv.read_bytes() + b"\n")
    assert shipped_identity(data_copy) != before
    assert shipped_identity(data_copy / "nowhere") == "missing"


def test_revision_keys() -> None:
    revision = DataRevision("abc", DatabaseRevision(3, 1, 7))
    assert revision.catalog == "abc/3.1.0"
    assert revision.entries == "7"
    assert str(revision) == "abc/3.1.0/7"
    # Monthly entries do not change the catalog's key; imports do.
    assert DataRevision("abc", DatabaseRevision(3, 1, 8)).catalog == revision.catalog
    assert DataRevision("abc", DatabaseRevision(4, 1, 7)).catalog != revision.catalog
    assert DataRevision("abc", DatabaseRevision(3, 1, 7, 1)).catalog != revision.catalog


def _fulltime_tile(app) -> str:
    return next(m for m in app.metric if m.label == "Offentligt forsørgede").value


def test_an_import_made_elsewhere_shows_at_the_next_rerun(register_database) -> None:
    app = open_page("app_pages/benchmark.py")
    assert _fulltime_tile(app) == "22,7\xa0%"

    # Another server imports March 2024 into the shared database.
    other = open_register(register_database)
    attempt(other, "marts.csv", jobindsats_file(FULLTIME, "2024M03", change=-0.5))
    other.engine.dispose()

    app.run()  # no cache cleared
    assert not app.exception
    assert _fulltime_tile(app) == "22,2\xa0%"


def test_a_changed_data_folder_shows_at_the_next_rerun(data_copy, monkeypatch) -> None:
    monkeypatch.setenv("HEDENSTED_DATA_DIR", str(data_copy))
    app = open_page("app_pages/benchmark.py")
    assert _fulltime_tile(app) == "22,7\xa0%"

    # A new data/ is deployed (same folder): Hedensted's total share becomes 21,7 %.
    csv = data_copy / f"{FULLTIME}.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    changed = []
    for line in lines:
        cells = line.split(",")
        record = dict(zip(header, cells, strict=False))
        if (
            record.get("area") == "Hedensted"
            and record.get("group") == "Ydelsesgrupper i alt"
            and record.get("value") == "22.7"
        ):
            cells[header.index("value")] = "21.7"
        changed.append(",".join(cells))
    assert changed != lines
    csv.write_text("\n".join(changed) + "\n", encoding="utf-8")
    stat = csv.stat()
    os.utime(csv, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    app.run()
    assert not app.exception
    assert _fulltime_tile(app) == "21,7\xa0%"


def test_pages_leave_the_shared_catalog_as_loaded(catalog) -> None:
    """The catalog is shared by every session (no copy per call): a page must not change it."""
    from hedensted.importing.period_views import latest_view
    from ui.state.data import get_catalog

    for page in ("app_pages/benchmark.py", "app_pages/unge.py"):
        open_page(page)
    shared = get_catalog()  # the same cached object the pages used
    expected = latest_view(catalog)
    assert sorted(shared.datasets) == sorted(expected.datasets)
    for dataset_id, dataset in expected.datasets.items():
        assert shared.get(dataset_id).frame.equals(dataset.frame), dataset_id


def test_pages_leave_the_shared_goal_register_as_judged() -> None:
    """The goal register is shared by every session too (no copy per call)."""
    from hedensted.goals.register import goal_register
    from ui.state.data import get_catalog
    from ui.state.goals import get_goal_register

    for page in ("app_pages/maal.py", "app_pages/indsatser.py"):
        open_page(page)
    shared = get_goal_register()
    assert shared.equals(goal_register(get_catalog()))
