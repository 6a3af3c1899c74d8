"""Jobindsats.dk API v3 client – off unless a key is configured.

As the real service works (see ``README.md``, »Opdatering fra Jobindsats og
Danmarks Statistik«; the live service cannot be reached from the test machines,
so the tests use a local server that answers in its shape):

- ``GET {base}/table/{id}?format=json`` (singular ``table``) – the table's
  metadata: period types and periods, dimensions with hierarchies and values
  (``value_id`` / ``value_name``), measure groups with measures. Read
  tolerantly: ``id``/``dimension_id``, ``name``/``value_name`` … are all accepted.
- ``GET {base}/data/{id}?period.<type>=<code>&hierarchy.<hierarchy id>=<value ids>
  &mgroup.<group id>=<measure ids>&format=json`` – ``{"columns": [...], "rows":
  [[...]]}``; ``null`` is a suppressed value (kept as missing, never 0).
- Values are asked for by **id**; the ids are looked up in the table's metadata
  by the Danish names in the dataset's metadata (``[refresh]`` in
  ``data/<id>.meta.toml``) at fetch time, so nobody types a table id or code.
  Each table has its own hierarchy ids; a dimension left out is aggregated away.
- ``Authorization: Bearer <key>``; the key comes from ``JOBINDSATS_TOKEN`` or
  ``[jobindsats] token`` in the secrets and never appears in a message or a log.
  ``JOBINDSATS_URL`` (base URL including ``/v3``) points at another server.

Errors are Danish: a wrong key (401/403), an unknown table (404), a refused
query (422, with the service's cause), no answer within the timeout, no network.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

from hedensted.core.metadata import RefreshSource
from hedensted.importing.areas import MUNICIPALITIES, area_name
from hedensted.importing.columns import measure_matches, norm, same_name
from hedensted.importing.reading import RawTable

DEFAULT_BASE_URL = "https://api.jobindsats.dk/v3"
TOKEN_ENV = "JOBINDSATS_TOKEN"
URL_ENV = "JOBINDSATS_URL"
OLD_URL_ENV = "JOBINDSATS_API_URL"  # accepted as before
TIMEOUT_SECONDS = 60
PERIOD_CODE = re.compile(r"^(\d{4})(M|QMAT|MMAT|MYTD|Q|K|H|Y)?(\d{0,2})$")
_ID_KEYS = ("value_id", "id", "code")
_NAME_KEYS = ("value_name", "name", "text", "label", "title")


class JobindsatsError(RuntimeError):
    """A Danish message about a failed request (never contains the key)."""


@dataclass(frozen=True)
class ApiSettings:
    """Where to ask and with which key (``token`` is hidden from ``repr``)."""

    base_url: str
    token: str = field(repr=False)


def api_settings(
    secrets: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None
) -> ApiSettings | None:
    """The configured API, or ``None`` when no key is set (the client is off)."""
    environ = os.environ if environ is None else environ
    section = (secrets or {}).get("jobindsats") or {}
    section = section if isinstance(section, Mapping) else {}
    token = str(section.get("token") or environ.get(TOKEN_ENV) or "").strip()
    if not token:
        return None
    base = str(
        section.get("url") or environ.get(URL_ENV) or environ.get(OLD_URL_ENV) or DEFAULT_BASE_URL
    ).rstrip("/")
    if not base.startswith(("https://", "http://")) or not base.endswith("/v3"):
        raise JobindsatsError(
            "Adressen til Jobindsats' API skal være v3 og ende på /v3 "
            "(fx https://api.jobindsats.dk/v3)."
        )
    return ApiSettings(base_url=base, token=token)


def period_type(code: str) -> str:
    """The v3 period type of a code: ``2024M03`` → ``M``, ``2023QMAT02`` → ``QMAT``."""
    match = PERIOD_CODE.match(code.strip().upper())
    if not match or (match[2] is None and match[3]):
        raise JobindsatsError(f"»{code}« er ikke en Jobindsats-periodekode (fx 2024M03).")
    return {"K": "Q", None: "Y"}.get(match[2], match[2])


def period_sort_key(code: str) -> tuple[int, int]:
    match = PERIOD_CODE.match(code.strip().upper())
    return (int(match[1]), int(match[3] or 0)) if match else (0, 0)


# --- The table's metadata -----------------------------------------------------------


@dataclass(frozen=True)
class Value:
    id: str
    name: str


@dataclass(frozen=True)
class Hierarchy:
    id: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    hierarchies: tuple[Hierarchy, ...]


@dataclass(frozen=True)
class Measure:
    group_id: str
    group_name: str
    id: str
    name: str
    alone: bool  # the only measure of its group: the response column is its bare name

    @property
    def column(self) -> str:
        return self.name if self.alone else f"{self.group_name}: {self.name}"

    def matches(self, wanted: str) -> bool:
        names = (self.column, f"{self.group_name}: {self.name}", self.name)
        return any(measure_matches(n, wanted) for n in names) or (
            self.alone and measure_matches(self.group_name, wanted)
        )


@dataclass(frozen=True)
class TableInfo:
    table: str
    periods: dict[str, list[str]]  # period type → codes, oldest first
    dimensions: tuple[Dimension, ...]
    measures: tuple[Measure, ...]

    def newest(self, kind: str) -> str | None:
        codes = self.periods.get(kind, [])
        return codes[-1] if codes else None


def _walk(value: object) -> Iterator[object]:
    yield value
    if isinstance(value, Mapping):
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def _first(item: Mapping, keys: Sequence[str]) -> str:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return ""


def _values(tree: object, root: object) -> tuple[Value, ...]:
    nodes = [n for n in _walk(tree) if isinstance(n, Mapping) and n is not root]
    explicit = [n for n in nodes if "value_id" in n]
    found: dict[str, Value] = {}
    for node in explicit or nodes:
        identifier, name = _first(node, _ID_KEYS), _first(node, _NAME_KEYS)
        if identifier and name and identifier not in found:
            found[identifier] = Value(identifier, name)
    return tuple(found.values())


def _dimension(item: Mapping) -> Dimension:
    identifier = _first(item, ("dimension_id", "id", "code"))
    name = _first(item, ("dimension_name", "name", "text", "label"))
    hierarchies = []
    for node in item.get("hierarchies") or []:
        if isinstance(node, Mapping):
            hierarchy_id = _first(node, ("hierarchy_id", "id", "code"))
            hierarchies.append(Hierarchy(hierarchy_id, _values(node, node)))
    if not hierarchies:
        hierarchies.append(Hierarchy(identifier, _values(item, item)))
    return Dimension(identifier, name, tuple(hierarchies))


def _measures(document: Mapping) -> tuple[Measure, ...]:
    groups = document.get("mgroups") or document.get("measuregroups") or []
    found: list[Measure] = []
    for group in groups if isinstance(groups, list) else []:
        if not isinstance(group, Mapping):
            continue
        group_id = _first(group, ("mgroup_id", "id", "code"))
        group_name = _first(group, ("mgroup_name", "name", "text", "label"))
        inner = [
            m
            for m in (group.get("measures") or [])
            if isinstance(m, Mapping) and _first(m, ("measure_id", "id", "code"))
        ]
        if not inner:
            found.append(Measure(group_id, group_name, "*", group_name, alone=True))
        for measure in inner:
            found.append(
                Measure(
                    group_id,
                    group_name,
                    _first(measure, ("measure_id", "id", "code")),
                    _first(measure, ("measure_name", "name", "text", "label")),
                    alone=len(inner) == 1,
                )
            )
    return tuple(found)


def parse_table_info(table: str, body: bytes) -> TableInfo:
    """The metadata document of ``/table/<id>``, read tolerantly (see the module docstring)."""
    try:
        document = json.loads(body.decode("utf-8-sig"))
        if isinstance(document, list) and len(document) == 1:
            document = document[0]
        if not isinstance(document, Mapping):
            raise TypeError("not an object")
        periods: dict[str, list[str]] = {}
        for node in _walk(document.get("periods") or document.get("period") or []):
            code = node if isinstance(node, str) else None
            if isinstance(node, Mapping):
                code = _first(node, ("period_id", "id", "code"))
            if code and PERIOD_CODE.match(code.upper()) and any(c.isalpha() for c in code):
                kind = period_type(code)
                if code not in periods.setdefault(kind, []):
                    periods[kind].append(code)
        for codes in periods.values():
            codes.sort(key=period_sort_key)
        dimensions = tuple(
            _dimension(d) for d in document.get("dimensions") or [] if isinstance(d, Mapping)
        )
    except (ValueError, TypeError, AttributeError, JobindsatsError) as exc:
        raise JobindsatsError(
            f"Jobindsats' beskrivelse af tabellen »{table}« kan ikke læses ({exc})."
        ) from None
    return TableInfo(table, periods, dimensions, _measures(document))


# --- The figures --------------------------------------------------------------------


def parse_data(body: bytes, file_name: str) -> RawTable:
    """A ``/data`` JSON response as a table of cells; ``null`` becomes the missing mark."""
    try:
        document = json.loads(body.decode("utf-8-sig"))
        columns = [str(c) for c in document["columns"]]
        rows = [
            (number, [".." if cell is None else cell for cell in row])
            for number, row in enumerate(document["rows"], start=2)
        ]
    except (ValueError, KeyError, TypeError) as exc:
        raise JobindsatsError(f"Jobindsats' svar kan ikke læses ({exc}).") from None
    return RawTable(file_name, "csv", ";", columns, rows)


@dataclass(frozen=True)
class Fetched:
    """A fetched table, ready for the importer's checks (nothing saved)."""

    raw: RawTable
    sha256: str
    source_format: str
    period: str

    @property
    def file_name(self) -> str:
        return self.raw.file_name


def _find_dimension(info: TableInfo, wanted: str) -> Dimension:
    for dimension in info.dimensions:
        if same_name(dimension.name, wanted) or same_name(dimension.id, wanted):
            return dimension
    names = ", ".join(d.name or d.id for d in info.dimensions) or "ingen"
    raise JobindsatsError(
        f"Jobindsats' tabel »{info.table}« har ikke dimensionen »{wanted}« (tabellens "
        f"dimensioner: {names}). Ret [refresh] i datasættets metadata."
    )


def _value_matches(value: Value, wanted: str, is_area: bool) -> bool:
    if is_area:
        return area_name(value.name, {wanted}) == wanted
    return norm(value.name) == norm(wanted)


def _choose(
    info: TableInfo, dimension: Dimension, wanted: Sequence[str], is_area: bool
) -> dict[str, list[str]]:
    """Hierarchy id → value ids for the wanted names (as few hierarchies as possible)."""
    chosen: dict[str, list[str]] = {}
    for name in wanted:
        hits = [
            (h, v)
            for h in dimension.hierarchies
            for v in h.values
            if _value_matches(v, name, is_area)
        ]
        if not hits:
            examples = [v.name for h in dimension.hierarchies for v in h.values][:8]
            raise JobindsatsError(
                f"Jobindsats' tabel »{info.table}« har ikke »{name}« i dimensionen "
                f"»{dimension.name}« (fx {', '.join(examples) or 'ingen værdier'})."
            )
        hierarchy, value = next(((h, v) for h, v in hits if h.id in chosen), hits[0])
        ids = chosen.setdefault(hierarchy.id, [])
        if value.id not in ids:
            ids.append(value.id)
    return chosen


def _all_municipalities(info: TableInfo, dimension: Dimension) -> dict[str, list[str]]:
    for hierarchy in dimension.hierarchies:
        names = {area_name(v.name, set(MUNICIPALITIES)) for v in hierarchy.values}
        if "Hedensted" in names:
            return {hierarchy.id: ["*"]}
    raise JobindsatsError(
        f"Jobindsats' tabel »{info.table}« har ingen kommuner i dimensionen »{dimension.name}«."
    )


def data_queries(
    info: TableInfo,
    refresh: RefreshSource,
    wanted: Mapping[str, Sequence[str]],
    period: str,
) -> list[list[tuple[str, str]]]:
    """The ``/data`` queries for one period: one per combination of hierarchies.

    ``wanted`` is the catalog's values per catalog column (the dataset's own
    areas, groups …), translated to the source's names by the metadata.
    """
    kind = period_type(period)
    if kind != refresh.period_type:
        raise JobindsatsError(
            f"»{period}« er en periode af typen {kind}; tabellen »{info.table}« bruges med "
            f"{refresh.period_type} (fx {info.newest(refresh.period_type) or '…'})."
        )
    listed = info.periods.get(kind)
    if listed and period.upper() not in {c.upper() for c in listed}:
        raise JobindsatsError(
            f"Jobindsats' tabel »{info.table}« har ikke perioden {period}. Nyeste: {listed[-1]}."
        )
    per_dimension: list[list[tuple[str, str]]] = []
    for source in refresh.dimensions:
        dimension = _find_dimension(info, source.name)
        is_area = source.column == "area"
        if is_area and refresh.areas == "kommuner":
            chosen = _all_municipalities(info, dimension)
        else:
            names = [source.source_value(v) for v in wanted.get(source.column, [])]
            chosen = _choose(info, dimension, names, is_area)
        per_dimension.append([(f"hierarchy.{h}", ",".join(ids)) for h, ids in chosen.items()])
    for name, value in refresh.fixed.items():
        dimension = _find_dimension(info, name)
        chosen = _choose(info, dimension, [value], False)
        per_dimension.append([(f"hierarchy.{h}", ",".join(ids)) for h, ids in chosen.items()])
    wanted_measures = [refresh.measure] if refresh.measure else list(refresh.measures.values())
    groups: dict[str, list[str]] = {}
    for name in wanted_measures:
        measure = next((m for m in info.measures if m.matches(name)), None)
        if measure is None:
            measure_names = "; ".join(m.column for m in info.measures) or "ingen"
            raise JobindsatsError(
                f"Jobindsats' tabel »{info.table}« har ikke målet »{name}« (tabellens mål: "
                f"{measure_names})."
            )
        ids = groups.setdefault(measure.group_id, [])
        if measure.id not in ids:
            ids.append(measure.id)
    measure_query = [(f"mgroup.{g}", ",".join(ids)) for g, ids in groups.items()]
    return [
        [(f"period.{kind}", period.upper()), *combination, *measure_query, ("format", "json")]
        for combination in product(*per_dimension)
    ]


class JobindsatsClient:
    """Ask the Jobindsats API v3 (metadata and figures)."""

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
                "Accept": "application/json",
                "User-Agent": "hedensted-dashboard",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            body = error.read() if error.fp is not None else b""
            raise JobindsatsError(http_message(error.code, table, body)) from None
        except TimeoutError:
            raise JobindsatsError(
                f"Jobindsats' API ({self.settings.base_url}) svarede ikke inden for "
                f"{_seconds(self.timeout)} sekunder. Prøv igen senere, eller hent filen på "
                "jobindsats.dk og indlæs den som fil."
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                reason = f"intet svar inden for {_seconds(self.timeout)} sekunder"
            raise JobindsatsError(
                "Ingen forbindelse til Jobindsats' API "
                f"({self.settings.base_url}): {reason}. Tjek netværket, eller hent filen "
                "på jobindsats.dk og indlæs den som fil."
            ) from None

    def table_info(self, table: str) -> TableInfo:
        """The table's metadata (``/table/<id>``)."""
        body = self._get(f"table/{urllib.parse.quote(table)}", [("format", "json")], table)
        return parse_table_info(table, body)

    def newest_period(self, refresh: RefreshSource) -> str:
        """The newest period of the dataset's period type that the table offers."""
        info = self.table_info(refresh.table)
        newest = info.newest(refresh.period_type)
        if newest is None:
            raise JobindsatsError(
                f"Jobindsats' tabel »{refresh.table}« oplyser ingen perioder af typen "
                f"{refresh.period_type}."
            )
        return newest

    def fetch(
        self, refresh: RefreshSource, wanted: Mapping[str, Sequence[str]], period: str
    ) -> Fetched:
        """The figures for one period, as a table the importer checks like a file."""
        info = self.table_info(refresh.table)
        columns: list[str] | None = None
        rows: list[tuple[int, list[object]]] = []
        digest = hashlib.sha256()
        name = f"jobindsats_{refresh.table}_{period.upper()}.json"
        for query in data_queries(info, refresh, wanted, period):
            body = self._get(f"data/{urllib.parse.quote(refresh.table)}", query, refresh.table)
            digest.update(body)
            part = parse_data(body, name)
            if columns is not None and part.header != columns:
                raise JobindsatsError(
                    "Jobindsats svarede med forskellige kolonner for samme tabel; prøv igen."
                )
            columns = part.header
            rows.extend((len(rows) + 2, cells) for _, cells in part.rows)
        raw = RawTable(name, "csv", ";", columns or [], rows)
        return Fetched(
            raw=raw,
            sha256=digest.hexdigest(),
            source_format=f"Jobindsats API v3 (tabel {refresh.table})",
            period=period.upper(),
        )


def http_message(status: int, table: str, body: bytes = b"") -> str:
    """The Danish message for an HTTP error (the 422 cause is kept)."""
    if status in (401, 403):
        return (
            f"Jobindsats afviste nøglen (HTTP {status}). Tjek at {TOKEN_ENV} eller "
            "[jobindsats] token i secrets er den nøgle, du har fået fra Jobindsats, og at den "
            "ikke er udløbet."
        )
    if status == 404:
        return f"Jobindsats kender ikke tabellen »{table}« (HTTP 404). Tjek tabellens id."
    if status == 422:
        cause = ""
        try:
            cause = str(json.loads(body.decode("utf-8", errors="replace")).get("cause") or "")
        except (ValueError, AttributeError):
            cause = body.decode("utf-8", errors="replace")[:300]
        meaning = ""
        if cause.startswith("Unknown hierarchies"):
            meaning = " – tabellen har ikke det hierarki, der blev spurgt efter"
        return (
            f"Jobindsats afviste forespørgslen på tabellen »{table}« (HTTP 422){meaning}. "
            f"Jobindsats' begrundelse: »{cause or 'ingen'}«."
        )
    if status == 429:
        return "Jobindsats har fået for mange forespørgsler (HTTP 429). Vent lidt og prøv igen."
    return f"Jobindsats svarede med en fejl (HTTP {status}). Prøv igen senere."


def _seconds(timeout: float) -> str:
    return f"{timeout:g}".replace(".", ",")
