"""Several app servers open one PostgreSQL register at the same time: one migrates, the rest wait.

Runs when ``TEST_DATABASE_URL`` is set (CI starts PostgreSQL with
``.ci/setup-postgres.sh``). Each server is its own Python process, as in production;
they all open the new, empty database at the same moment.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text

from hedensted.monthly.db import create_register_engine
from hedensted.monthly.models import TABLE_NAME
from tests.register_support import TEST_DATABASE_URL_ENV

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVERS = 4
OPEN_AT_ONCE = """
import sys, time
from hedensted.monthly.db import create_register_engine, open_register
url, schema, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
engine = create_register_engine(url, connect_args={"options": f"-csearch_path={schema}"})
time.sleep(max(0.0, start_at - time.time()))
open_register(url, engine=engine)
"""


def test_servers_opening_a_new_database_at_once_all_succeed() -> None:
    url = os.environ.get(TEST_DATABASE_URL_ENV)
    if not url:
        pytest.skip(f"{TEST_DATABASE_URL_ENV} er ikke sat (PostgreSQL-varianten kører i CI).")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    start_at = str(time.time() + 8)  # after every process has imported SQLAlchemy and Alembic
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_ONCE, url, schema, start_at],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(SERVERS)
    ]
    try:
        outputs = [server.communicate(timeout=120)[0] for server in servers]
        assert [server.returncode for server in servers] == [0] * SERVERS, outputs
        engine = create_register_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        assert inspect(engine).has_table(TABLE_NAME)
        with engine.connect() as connection:
            heads = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar()
        engine.dispose()
        assert heads == 1
    finally:
        for server in servers:
            if server.poll() is None:
                server.kill()
                server.wait()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
