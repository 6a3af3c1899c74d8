"""Jobindsats.dk API v3 client – off unless a token is configured.

The token comes from Streamlit's secrets (``[jobindsats] token = "…"``) or the
environment variable ``JOBINDSATS_TOKEN``; it is sent only as
``Authorization: Bearer <token>`` and never written to a message or a log.
``JOBINDSATS_API_URL`` (or ``[jobindsats] url``) points the client at another
server (the tests use a local one); API v2 is retired and not supported.

Requests, as in Jobindsats' v3 guide (our assumption where the live service
could not be checked from here):

- ``GET {base}/tables/{table}?format=json`` – the table's description, e.g.
  ``{"id": …, "periods": [{"periodtype_id": "M", "values": [{"period_id": "2024M03"}]}]}``;
- ``GET {base}/data/{table}?period.<type>=<codes>&hierarchy.<area hierarchy>=<areas>&format=csv``
  – the figures as CSV (``;``, UTF-8 with BOM, Danish decimal comma, ``..`` for
  suppressed values), read by the same importer as a downloaded export.

Errors are Danish: a wrong key (401/403), an unknown table (404), no network.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_BASE_URL = "https://api.jobindsats.dk/v3"
TOKEN_ENV = "JOBINDSATS_TOKEN"
URL_ENV = "JOBINDSATS_API_URL"
DEFAULT_AREA_HIERARCHY = "_nykom"
TIMEOUT_SECONDS = 60
_TYPE = re.compile(r"^\d{4}([A-ZÆØÅ]+)\d*$")


class JobindsatsError(RuntimeError):
    """A Danish message about a failed request (never contains the token)."""


@dataclass(frozen=True)
class ApiSettings:
    """Where to ask and with which token (``token`` is hidden from ``repr``)."""

    base_url: str
    token: str = field(repr=False)


def api_settings(
    secrets: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None
) -> ApiSettings | None:
    """The configured API, or ``None`` when no token is set (the client is off)."""
    environ = os.environ if environ is None else environ
    section = (secrets or {}).get("jobindsats") or {}
    section = section if isinstance(section, Mapping) else {}
    token = str(section.get("token") or environ.get(TOKEN_ENV) or "").strip()
    if not token:
        return None
    base = str(section.get("url") or environ.get(URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("https://", "http://")) or "/v2" in base:
        raise JobindsatsError(
            "Adressen til Jobindsats' API skal være v3 (fx https://api.jobindsats.dk/v3)."
        )
    return ApiSettings(base_url=base, token=token)


def period_type(code: str) -> str:
    """The v3 period type of a period code: ``2024M03`` → ``M``, ``2023QMAT02`` → ``QMAT``."""
    match = _TYPE.match(code.strip().upper())
    if not match:
        raise JobindsatsError(f"»{code}« er ikke en Jobindsats-periodekode (fx 2024M03).")
    return match[1]


class JobindsatsClient:
    """Fetch tables from the Jobindsats API v3."""

    def __init__(self, settings: ApiSettings, timeout: float = TIMEOUT_SECONDS):
        self.settings = settings
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"JobindsatsClient({self.settings.base_url!r})"

    def _get(self, path: str, query: Sequence[tuple[str, str]], table: str) -> bytes:
        url = f"{self.settings.base_url}/{path}?{urllib.parse.urlencode(query, safe=',*/')}"
        request = urllib.request.Request(
            url,
            headers={
                "Authorization": f"Bearer {self.settings.token}",
                "Accept": "text/csv, application/json",
                "User-Agent": "hedensted-dashboard",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            raise JobindsatsError(_http_message(error.code, table)) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise JobindsatsError(
                "Ingen forbindelse til Jobindsats' API "
                f"({self.settings.base_url}): {reason}. Tjek netværket, eller hent filen "
                "på jobindsats.dk og indlæs den som fil."
            ) from None

    def table_periods(self, table: str) -> list[str]:
        """Every period code the table offers (as listed by ``/tables/{table}``)."""
        body = self._get(f"tables/{urllib.parse.quote(table)}", [("format", "json")], table)
        try:
            description = json.loads(body.decode("utf-8-sig"))
            return [
                value["period_id"] for group in description["periods"] for value in group["values"]
            ]
        except (ValueError, KeyError, TypeError) as exc:
            raise JobindsatsError(
                f"Jobindsats' beskrivelse af tabellen »{table}« har et ukendt format."
            ) from exc

    def fetch_csv(
        self,
        table: str,
        periods: Sequence[str],
        areas: Sequence[str],
        area_hierarchy: str = DEFAULT_AREA_HIERARCHY,
    ) -> bytes:
        """The table's figures for ``periods`` and ``areas`` as Jobindsats CSV."""
        if not periods:
            raise JobindsatsError("Vælg mindst én periode (fx 2024M03).")
        by_type: dict[str, list[str]] = {}
        for code in periods:
            by_type.setdefault(period_type(code), []).append(code.strip().upper())
        query = [(f"period.{kind}", ",".join(codes)) for kind, codes in by_type.items()]
        query.append((f"hierarchy.{area_hierarchy}", ",".join(areas) if areas else "*"))
        query.append(("format", "csv"))
        return self._get(f"data/{urllib.parse.quote(table)}", query, table)


def _http_message(status: int, table: str) -> str:
    if status in (401, 403):
        return (
            f"Jobindsats afviste nøglen (HTTP {status}). Tjek at {TOKEN_ENV} eller "
            "[jobindsats] token i secrets er den nøgle, STAR har udleveret, og at den ikke er "
            "udløbet."
        )
    if status == 404:
        return f"Jobindsats kender ikke tabellen »{table}« (HTTP 404). Tjek tabellens id."
    if status == 429:
        return "Jobindsats har fået for mange forespørgsler (HTTP 429). Vent lidt og prøv igen."
    return f"Jobindsats svarede med en fejl (HTTP {status}). Prøv igen senere."
