"""The app's one database: one place decides which it is (hedensted.monthly.settings),
one engine serves the monthly register and the data imports, and the catalog on every
page is read without SQLAlchemy or Alembic when the default SQLite file is in use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from register_support import shipped_indicators

from hedensted.monthly.settings import (
    DATABASE_URL_ENV,
    DEFAULT_SQLITE_FILE,
    DEMO_ENV,
    INSTANCE_DIR,
    uses_default_sqlite,
)

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_sqlite_file_is_used_only_without_a_url_or_the_demo() -> None:
    assert DEFAULT_SQLITE_FILE == INSTANCE_DIR / "register.sqlite"
    assert uses_default_sqlite({}) is True
    assert uses_default_sqlite({DATABASE_URL_ENV: "  "}) is True
    assert uses_default_sqlite({DATABASE_URL_ENV: "sqlite:////tmp/x.sqlite"}) is False
    assert uses_default_sqlite({DEMO_ENV: "ja"}) is False


def test_the_monthly_register_and_the_imports_share_one_engine(register_database: str) -> None:
    from ui.editors.monthly_entry import get_register
    from ui.state.import_store import import_register

    monthly = get_register(shipped_indicators())
    assert monthly is not None
    assert monthly is import_register()
    assert str(monthly.engine.url) == register_database


def test_the_catalog_revision_needs_no_sqlalchemy_without_a_database() -> None:
    environ = {k: v for k, v in os.environ.items() if k not in (DATABASE_URL_ENV, DEMO_ENV)}
    code = (
        "import sys\n"
        "from ui.state.import_store import import_revision\n"
        "import_revision()\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
