"""Two app servers behind nginx, sharing one PostgreSQL: a change through one shows through both.

Started for real: two ``streamlit run app.py`` on two loopback ports, nginx in
front of them with the shipped proxy settings (``deploy/nginx/``), and the
PostgreSQL that CI starts (``TEST_DATABASE_URL``, a schema of its own). Each
browser context carries the sticky cookie that nginx routes to server A or B
(found by asking nginx which upstream answered).

1. Both servers draw Investeringsprojekter; then a monthly value is saved into the
   shared database (the service call server A's form makes) and both servers show
   it after a reload – their caches are keyed by the data revision in the database.
2. Server B draws Benchmark (Hedensted 22,7 %); a new period is imported into the
   shared database (the calls »Opdater data« on server A makes); B shows 22,2 %.

Needs nginx, Chromium and ``TEST_DATABASE_URL``: skipped locally if one is
missing, a failure in CI (``CI=true``).
"""

from __future__ import annotations

import os
import subprocess
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.e2e.cluster import (
    STICKY_COOKIE,
    UPSTREAM_HEADER,
    nginx_binary,
    start_app,
    start_nginx,
)
from tests.e2e.conftest import _require_browser
from tests.e2e.rendering import (
    ROOT,
    free_port,
    stop,
    wait_for_health,
    wait_until_drawn,
)
from tests.register_support import TEST_DATABASE_URL_ENV

pytestmark = [pytest.mark.browser, pytest.mark.multiserver]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LOGS = ROOT / "screenshots" / "two_servers"
LIGHT_TEXT = "101 personer mod målstiens 102,2 personer"


def _require(condition: bool, message: str) -> None:
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"The two-server test must run in CI: {message}")
    pytest.skip(message)


@dataclass
class Cluster:
    proxy: str
    database_url: str
    ports: tuple[int, int]

    def upstream_of(self, key: str) -> int:
        request = urllib.request.Request(
            f"{self.proxy}/_stcore/health", headers={"Cookie": f"{STICKY_COOKIE}={key}"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.headers[UPSTREAM_HEADER].rsplit(":", 1)[1])

    def sticky_key(self, port: int) -> str:
        """A cookie value that nginx routes to the server on ``port``."""
        for number in range(200):
            if self.upstream_of(f"k{number}") == port:
                return f"k{number}"
        raise AssertionError(f"no cookie routes to {port}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    _require_browser()
    _require(bool(nginx_binary()), "nginx not found (apt-get install nginx)")
    base_url = os.environ.get(TEST_DATABASE_URL_ENV)
    _require(bool(base_url), f"{TEST_DATABASE_URL_ENV} is not set (source .ci/setup-postgres.sh)")

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    database_url = (
        make_url(base_url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    workdir = tmp_path_factory.mktemp("nginx")
    ports = (free_port(), free_port())
    proxy_port = free_port()
    processes: list[subprocess.Popen] = []
    try:
        apps = [start_app(port, database_url, LOGS / f"app_{port}.log") for port in ports]
        processes.extend(apps)
        proxy = start_nginx(workdir, proxy_port, list(ports), LOGS / "nginx.log")
        processes.append(proxy)
        for app, port in zip(apps, ports, strict=True):
            wait_for_health(app, f"http://127.0.0.1:{port}", timeout_s=120)
        wait_for_health(proxy, f"http://127.0.0.1:{proxy_port}", timeout_s=30)
        yield Cluster(f"http://127.0.0.1:{proxy_port}", database_url, ports)
    finally:
        for process in processes:
            stop(process)
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def chromium(cluster, browser):
    """The session's browser: one Playwright per process (a second ``sync_playwright``
    started while the session's runs fails with "Sync API inside the asyncio loop")."""
    return browser


def _page_on(chromium, cluster: Cluster, port: int):
    """A browser (own context) whose sticky cookie sends it to the server on ``port``.

    ``page.server`` is that port; :func:`_open` checks every load came from it.
    """
    context = chromium.new_context(viewport={"width": 1600, "height": 1000}, locale="en-US")
    context.add_cookies(
        [{"name": STICKY_COOKIE, "value": cluster.sticky_key(port), "url": cluster.proxy}]
    )
    page = context.new_page()
    page.server = port  # type: ignore[attr-defined]
    return page


def _open(page, url: str, heading: str) -> str:
    """Load ``url`` through nginx (from the browser's own server), wait until drawn; its text."""
    response = page.goto(url)
    assert response.headers[UPSTREAM_HEADER.lower()].endswith(f":{page.server}")
    wait_until_drawn(page, heading, 0)
    return page.locator('[data-testid="stMain"]').inner_text().replace("\xa0", " ")


def _fulltime_tile(page) -> str:
    tile = page.get_by_test_id("stMetric").filter(has_text="Offentligt forsørgede").first
    return tile.inner_text().replace("\xa0", " ")


def test_a_monthly_value_and_an_import_through_a_show_through_b(chromium, cluster) -> None:
    from hedensted.monthly.db import open_register
    from hedensted.monthly.service import save_entries
    from tests.import_support import FULLTIME, attempt, jobindsats_file
    from tests.register_support import EDITOR, draft, shipped_indicators

    server_a, server_b = cluster.ports
    assert cluster.upstream_of(cluster.sticky_key(server_a)) == server_a  # routing is stable
    page_a = _page_on(chromium, cluster, server_a)
    page_b = _page_on(chromium, cluster, server_b)
    projects = f"{cluster.proxy}/investeringsprojekter"
    heading = "Investeringsprojekter 2024–2025"

    # Both servers draw the page (and fill their caches) before the value exists.
    assert LIGHT_TEXT not in _open(page_a, projects, heading)
    assert LIGHT_TEXT not in _open(page_b, projects, heading)

    register = open_register(cluster.database_url)
    try:
        save_entries(
            register,
            shipped_indicators(),
            EDITOR,
            [draft("101")],
            "two-servers-1",
            today=date(2024, 6, 15),
        )
        assert LIGHT_TEXT in _open(page_b, projects, heading)
        assert LIGHT_TEXT in _open(page_a, projects, heading)

        benchmark = f"{cluster.proxy}/benchmark"
        _open(page_b, benchmark, "Benchmark")
        assert "22,7 %" in _fulltime_tile(page_b)
        attempt(register, "marts.csv", jobindsats_file(FULLTIME, "2024M03", change=-0.5))
        _open(page_b, benchmark, "Benchmark")
        assert "22,2 %" in _fulltime_tile(page_b)
    finally:
        register.engine.dispose()
        page_a.context.close()
        page_b.context.close()
