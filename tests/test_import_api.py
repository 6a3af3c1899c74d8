"""The Jobindsats API v3 client against a local HTTP server started in the test.

The server answers in v3's shape as described in hedensted/importing/api.py:
``/v3/tables/<id>?format=json`` and ``/v3/data/<id>?period.M=…&hierarchy._nykom=…&format=csv``
with ``Authorization: Bearer``. The live service cannot be reached from here.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from hedensted.importing.api import (
    JobindsatsClient,
    JobindsatsError,
    api_settings,
    period_type,
)
from hedensted.importing.validation import plan_import
from tests.import_support import FULLTIME, jobindsats_file, shipped

TOKEN = "hemmelig-nøgle-123"
TABLE = "y30r21"


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, dict[str, list[str]], str]]] = []

    def log_message(self, *args) -> None:  # keep the test output quiet
        return

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        auth = self.headers.get("Authorization", "")
        _Handler.requests.append((url.path, query, auth))
        if auth != f"Bearer {TOKEN}":
            self._send(401, b'{"message": "Unauthorized"}', "application/json")
        elif url.path == f"/v3/tables/{TABLE}":
            body = {
                "id": TABLE,
                "periods": [
                    {
                        "periodtype_id": "M",
                        "values": [{"period_id": "2024M02"}, {"period_id": "2024M03"}],
                    }
                ],
            }
            self._send(200, json.dumps(body).encode(), "application/json")
        elif url.path == f"/v3/data/{TABLE}":
            period = query["period.M"][0]
            self._send(200, jobindsats_file(FULLTIME, period), "text/csv; charset=utf-8")
        else:
            self._send(404, b'{"message": "Not found"}', "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v3"
    httpd.shutdown()
    httpd.server_close()


def _client(url: str, token: str = TOKEN) -> JobindsatsClient:
    settings = api_settings({}, {"JOBINDSATS_TOKEN": token, "JOBINDSATS_API_URL": url})
    assert settings is not None
    return JobindsatsClient(settings, timeout=5)


def test_off_without_a_token() -> None:
    assert api_settings({}, {}) is None
    assert api_settings({"jobindsats": {"token": ""}}, {}) is None


def test_token_from_secrets_wins_and_is_hidden() -> None:
    settings = api_settings({"jobindsats": {"token": "fra-secrets"}}, {"JOBINDSATS_TOKEN": "env"})
    assert settings.token == "fra-secrets" and settings.base_url == "https://api.jobindsats.dk/v3"
    assert "fra-secrets" not in repr(settings) and "fra-secrets" not in repr(
        JobindsatsClient(settings)
    )


def test_v2_is_refused() -> None:
    with pytest.raises(JobindsatsError, match="skal være v3"):
        api_settings(
            {}, {"JOBINDSATS_TOKEN": "x", "JOBINDSATS_API_URL": "https://api.jobindsats.dk/v2"}
        )


def test_fetch_csv_with_bearer_token_and_import_it(server) -> None:
    client = _client(server)
    assert client.table_periods(TABLE) == ["2024M02", "2024M03"]
    data = client.fetch_csv(TABLE, ["2024M03"], ["Hedensted", "Hele landet"])
    path, query, auth = _Handler.requests[-1]
    assert (path, auth) == (f"/v3/data/{TABLE}", f"Bearer {TOKEN}")
    assert query == {
        "period.M": ["2024M03"],
        "hierarchy._nykom": ["Hedensted,Hele landet"],
        "format": ["csv"],
    }
    assert TOKEN not in path and all(TOKEN not in v[0] for v in query.values())
    plan = plan_import(f"jobindsats_{TABLE}.csv", data, shipped().get(FULLTIME))
    assert plan.new_periods == ["2024-03"] and plan.source_format == "Jobindsats.dk-eksport (CSV)"


def test_wrong_key(server) -> None:
    with pytest.raises(JobindsatsError) as caught:
        _client(server, token="forkert-nøgle").fetch_csv(TABLE, ["2024M03"], [])
    message = str(caught.value)
    assert "Jobindsats afviste nøglen (HTTP 401)" in message
    assert "forkert-nøgle" not in message and TOKEN not in message


def test_unknown_table(server) -> None:
    with pytest.raises(JobindsatsError, match="kender ikke tabellen »y99x99« \\(HTTP 404\\)"):
        _client(server).fetch_csv("y99x99", ["2024M03"], [])


def test_no_network() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nobody listens here
    with pytest.raises(JobindsatsError) as caught:
        _client(f"http://127.0.0.1:{port}/v3").fetch_csv(TABLE, ["2024M03"], [])
    assert str(caught.value).startswith("Ingen forbindelse til Jobindsats' API")
    assert TOKEN not in str(caught.value)


def test_period_types() -> None:
    assert [period_type(c) for c in ("2024M03", "2023QMAT02", "2024Q1")] == ["M", "QMAT", "Q"]
    with pytest.raises(JobindsatsError, match="ikke en Jobindsats-periodekode"):
        period_type("marts")
