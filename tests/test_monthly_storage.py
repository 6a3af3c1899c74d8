"""The register's storage: save and read back, audit trail, conflicts, idempotency, access.

Every test runs on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from register_support import (
    DATABASES,
    EDITOR,
    OTHER_EDITOR,
    TODAY,
    VIEWER_USER,
    draft,
    fresh_register,
    shipped_indicators,
)
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from hedensted.monthly import service
from hedensted.monthly.auth import VIEWER, NotAnEditorError
from hedensted.monthly.db import migrate
from hedensted.monthly.service import (
    SaveConflict,
    history,
    latest_entries,
    latest_month_values,
    month_entries,
    save_entries,
    version_count,
)

MARCH = date(2024, 3, 1)


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


@pytest.fixture(params=DATABASES)
def register(request, tmp_path):
    yield from fresh_register(request.param, tmp_path)


def test_a_saved_value_reads_back_with_author_time_and_version(register, indicators) -> None:
    moment = datetime(2024, 4, 2, 9, 30, tzinfo=UTC)
    result = save_entries(
        register,
        indicators,
        EDITOR,
        [draft("1.212", indicator_id="aktivitetsparate_antal", comment="Fra FACIT")],
        "token-1",
        TODAY,
        now=moment,
    )
    assert not result.repeated
    [record] = latest_entries(register)
    assert (record.project_id, record.indicator_id, record.month) == (
        "flere_i_job",
        "aktivitetsparate_antal",
        MARCH,
    )
    assert record.value == 1212.0
    assert record.comment == "Fra FACIT"
    assert record.author == "Anne Jensen (anne)"
    assert record.version == 1
    assert record.supersedes_id is None
    assert record.created_at == moment
    assert result.written == [record]


def test_danish_decimal_percent_is_stored_exactly(register, indicators) -> None:
    save_entries(
        register,
        indicators,
        EDITOR,
        [draft("22,7", indicator_id="aktivitetsparate_loentimer")],
        "t",
        TODAY,
    )
    assert month_entries(register, "flere_i_job", MARCH)["aktivitetsparate_loentimer"].value == 22.7


def test_a_correction_is_a_new_version_and_the_history_keeps_both(register, indicators) -> None:
    save_entries(register, indicators, EDITOR, [draft("101", comment="første")], "a", TODAY)
    save_entries(
        register,
        indicators,
        OTHER_EDITOR,
        [draft("99", comment="rettet efter nyt udtræk", seen_version=1)],
        "b",
        TODAY,
    )
    rows = history(register, "flere_i_job", "aktivitetsparate_antal")
    assert [(h.record.version, h.record.value, h.previous_value) for h in rows] == [
        (2, 99.0, 101.0),
        (1, 101.0, None),
    ]
    assert [h.record.author for h in rows] == ["Bo Nielsen (bo)", "Anne Jensen (anne)"]
    assert rows[0].record.supersedes_id == rows[1].record.id
    assert rows[0].record.comment == "rettet efter nyt udtræk"
    assert version_count(register) == 2
    [latest] = latest_entries(register)
    assert (latest.value, latest.version) == (99.0, 2)


def test_the_database_refuses_to_update_or_delete_a_version(register, indicators) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "a", TODAY)
    for statement in (
        "UPDATE register_entry_versions SET value = 1",
        "DELETE FROM register_entry_versions",
    ):
        with (
            pytest.raises(DBAPIError, match="kun til tilføjelser"),
            register.engine.begin() as connection,
        ):
            connection.execute(text(statement))
    [record] = latest_entries(register)
    assert record.value == 101.0


def test_second_editor_on_the_same_month_is_told_the_newer_value(register, indicators) -> None:
    # Both open the form when nothing is saved (seen_version 0); Anne saves first.
    save_entries(register, indicators, EDITOR, [draft("101")], "anne", TODAY)
    with pytest.raises(SaveConflict) as caught:
        save_entries(register, indicators, OTHER_EDITOR, [draft("97")], "bo", TODAY)
    message = str(caught.value)
    assert "Anne Jensen (anne) gemte 101 personer (version 1" in message
    assert "Dit tal er ikke gemt" in message
    assert caught.value.conflicts[0].newer.value == 101.0
    assert version_count(register) == 1
    assert latest_entries(register)[0].value == 101.0


def test_a_conflict_in_one_indicator_writes_none_of_the_submission(register, indicators) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "first", TODAY)
    with pytest.raises(SaveConflict):
        save_entries(
            register,
            indicators,
            OTHER_EDITOR,
            [draft("74", indicator_id="ressourceforloeb_antal"), draft("97")],
            "second",
            TODAY,
        )
    assert version_count(register) == 1


def test_a_race_past_the_check_is_caught_by_the_database(register, indicators, monkeypatch) -> None:
    """Two saves read version 0 at the same time: the unique version stops the second."""
    save_entries(register, indicators, EDITOR, [draft("101")], "first", TODAY)
    real_conflicts, real_latest = service._conflicts, service._latest_row
    calls = {"conflicts": 0, "latest": 0}

    def blind_first_check(*args, **kwargs):
        calls["conflicts"] += 1
        return [] if calls["conflicts"] == 1 else real_conflicts(*args, **kwargs)

    def stale_first_read(*args, **kwargs):
        calls["latest"] += 1
        return None if calls["latest"] == 1 else real_latest(*args, **kwargs)

    monkeypatch.setattr(service, "_conflicts", blind_first_check)
    monkeypatch.setattr(service, "_latest_row", stale_first_read)
    with pytest.raises(SaveConflict, match="Anne Jensen"):
        save_entries(register, indicators, OTHER_EDITOR, [draft("97")], "second", TODAY)
    assert calls["conflicts"] == 2  # the database refused, then the conflict was found
    assert version_count(register) == 1
    assert latest_entries(register)[0].value == 101.0


def test_double_submit_with_the_same_token_writes_once(register, indicators) -> None:
    first = save_entries(register, indicators, EDITOR, [draft("101")], "click", TODAY)
    second = save_entries(register, indicators, EDITOR, [draft("101")], "click", TODAY)
    assert not first.repeated and second.repeated
    assert second.written == first.written
    assert version_count(register) == 1


def test_saving_an_unchanged_value_writes_nothing(register, indicators) -> None:
    save_entries(register, indicators, EDITOR, [draft("101")], "a", TODAY)
    result = save_entries(register, indicators, EDITOR, [draft("101", seen_version=1)], "b", TODAY)
    assert result.written == [] and result.unchanged == 1
    assert version_count(register) == 1


@pytest.mark.parametrize("user", [None, VIEWER, VIEWER_USER], ids=["anonym", "læser", "oidc-læser"])
def test_a_viewer_cannot_write(register, indicators, user) -> None:
    with pytest.raises(NotAnEditorError, match="Kun redaktører kan gemme tal"):
        save_entries(register, indicators, user, [draft("101")], "v", TODAY)
    assert version_count(register) == 0


def test_latest_values_per_month_and_latest_month_per_indicator(register, indicators) -> None:
    drafts = [
        draft("103", month=date(2024, 2, 1)),
        draft("101", month=date(2024, 3, 1)),
        draft("74", indicator_id="ressourceforloeb_antal", month=date(2024, 2, 1)),
    ]
    save_entries(register, indicators, EDITOR, drafts, "batch", TODAY)
    save_entries(register, indicators, EDITOR, [draft("100", seen_version=1)], "fix", TODAY)
    latest = latest_month_values(latest_entries(register, "flere_i_job"))
    assert latest == {
        ("flere_i_job", "aktivitetsparate_antal"): (date(2024, 3, 1), 100.0),
        ("flere_i_job", "ressourceforloeb_antal"): (date(2024, 2, 1), 74.0),
    }
    assert len(latest_entries(register)) == 3
    assert version_count(register) == 4


def test_migrations_are_idempotent(register) -> None:
    migrate(register.engine)
    with register.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0003_safety"
        )
