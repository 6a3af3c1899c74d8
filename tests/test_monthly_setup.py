"""Which database is used (DATABASE_URL, default file, demo) and the demo's illustrative values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from register_support import shipped_indicators

from hedensted.monthly.db import create_register_engine, open_register
from hedensted.monthly.demo import DEMO_COMMENT, illustrative_value, seed_demo
from hedensted.monthly.service import history, latest_entries, version_count
from hedensted.monthly.settings import INSTANCE_DIR, normalize_url, resolve_database
from hedensted.monthly.validation import parse_value

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


def test_the_default_is_a_sqlite_file_in_the_git_ignored_instance_folder() -> None:
    settings = resolve_database({})
    assert settings.url == f"sqlite:///{INSTANCE_DIR / 'register.sqlite'}"
    assert not settings.demo
    assert INSTANCE_DIR == ROOT / "instance"
    assert "instance/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_database_url_is_used_and_postgres_urls_get_psycopg() -> None:
    assert resolve_database({"DATABASE_URL": "sqlite:////tmp/x.sqlite"}).url == (
        "sqlite:////tmp/x.sqlite"
    )
    assert normalize_url("postgres://u:p@db/register") == "postgresql+psycopg://u:p@db/register"
    assert normalize_url("postgresql://u@db/r") == "postgresql+psycopg://u@db/r"
    with pytest.raises(ValueError, match="DATABASE_URL er tom"):
        normalize_url("  ")


def test_demo_mode_never_uses_the_real_database() -> None:
    environ = {"HEDENSTED_DEMO": "1", "DATABASE_URL": "postgresql://u@db/register"}
    settings = resolve_database(environ)
    assert settings.demo
    assert settings.url == f"sqlite:///{INSTANCE_DIR / 'demo.sqlite'}"
    with pytest.raises(ValueError, match="Demodatabasen må ikke være den rigtige database"):
        resolve_database(
            {
                "HEDENSTED_DEMO": "ja",
                "DATABASE_URL": "sqlite:////tmp/same.sqlite",
                "HEDENSTED_DEMO_DATABASE_URL": "sqlite:////tmp/same.sqlite",
            }
        )


def test_a_missing_folder_is_created_on_first_run(tmp_path) -> None:
    target = tmp_path / "new" / "instance" / "register.sqlite"
    register = open_register(f"sqlite:///{target}")
    assert target.exists() and register.has_table()
    register.engine.dispose()


def test_the_demo_is_filled_once_with_values_that_pass_validation(tmp_path, indicators) -> None:
    demo = open_register(f"sqlite:///{tmp_path / 'demo.sqlite'}", demo=True)
    written = seed_demo(demo, indicators, date(2024, 6, 15))
    assert written == 40 * 6  # every indicator, Jan–Jun 2024
    assert seed_demo(demo, indicators, date(2024, 6, 15)) == 0  # only once
    assert version_count(demo) == 240
    [first] = history(demo, "flere_i_job", "aktivitetsparate_antal")[-1:]
    assert first.record.author == "Eksempeldata" and first.record.comment == DEMO_COMMENT
    for record in latest_entries(demo):
        indicator = indicators.get(record.project_id, record.indicator_id)
        assert parse_value(indicator, record.value) == record.value
    demo.engine.dispose()


def test_demo_values_are_never_written_to_the_real_register(tmp_path, indicators) -> None:
    real = open_register(f"sqlite:///{tmp_path / 'register.sqlite'}")
    with pytest.raises(ValueError, match="kun skrives i demodatabasen"):
        seed_demo(real, indicators, date(2024, 6, 15))
    assert version_count(real) == 0
    real.engine.dispose()


def test_illustrative_values_differ_from_the_path_for_some_indicators(indicators) -> None:
    month = date(2024, 6, 1)
    with_targets = [i for i in indicators if i.has_targets and i.baseline_value is not None]
    from hedensted.monthly.tracking import traffic_light

    statuses = {traffic_light(i, (month, illustrative_value(i, month))).text for i in with_targets}
    assert {"på sporet", "bagud", "langt bagud"} <= statuses


def test_sqlite_engines_enforce_foreign_keys(tmp_path) -> None:
    engine = create_register_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
