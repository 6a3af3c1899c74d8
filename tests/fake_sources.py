"""Local servers that answer like Jobindsats' API v3 and Statistikbanken (127.0.0.1, port 0).

The Jobindsats server implements the service's rules, not the client's
assumptions (see ../shared/reference/jobindsats/README.md):

- ``GET /v3/table/<id>`` (singular) – the table's metadata; ``/v3/tables`` the list;
- ``GET /v3/data/<id>?period.<type>=…&hierarchy.<id>=<value ids>&mgroup.<id>=…&format=json``
  – ``{"columns", "rows"}``; values are **ids** (``/`` total, ``/2/`` member,
  ``*`` all members); a hierarchy the table does not have is HTTP 422 with the
  real body shape (``{"code": 422, "cause": "Unknown hierarchies: ['_nykom']",
  "request_id": …}``); a dimension left out is aggregated away (no column);
  measure columns are ``<group>: <measure>`` or the bare name of a lone measure;
- ``Authorization: Bearer <key>`` or HTTP 401; an unknown table is HTTP 404;
- ``/v3/data/reference_<name>`` serves the **real** responses of the reference
  file unchanged (``reference_recruitment``: its real 422).

Tables: ``y30r21`` (the ministry's benchmark, 98 municipalities, five
half-years, built here in the real shape) and ``ptv_a02`` (full-time persons
by benefit group, areas in two hierarchies). Statistikbanken: ``AUF01``
(counts) and ``AUP01`` (rates), CSV with BOM and ``;``.
"""

from __future__ import annotations

import itertools
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hedensted.importing.areas import MUNICIPALITIES

REFERENCE = (
    Path(__file__).resolve().parents[2]
    / "shared/reference/jobindsats/v3-responses-a-kasse-tables.json"
)
if not REFERENCE.exists():  # the worktree may sit elsewhere
    REFERENCE = Path("/work/shared/reference/jobindsats/v3-responses-a-kasse-tables.json")
TOKEN = "hemmelig-nøgle-123"
Y30R21_PERIODS = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04", "2022QMAT02"]
Y30R21_GROUPS = ["Ydelsesgrupper i alt", "A-dagpenge mv.", "Sygedagpenge mv.", "Kontanthjælp mv."]
MEASURE_GROUP = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse"
RANK_NAME = "Placering på benchmarkranglisten"
UNRANKED = ("Læsø", "2021QMAT04")  # a suppressed rank (null) in one period


def reference_responses() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


@dataclass
class FakeTable:
    id: str
    periods: dict[str, list[str]]
    dimensions: list[dict]  # {"id", "name", "hierarchies": [{"id", "values": [(id, name)]}]}
    mgroups: list[dict]  # {"id", "name", "measures": [(id, name)]}
    value: Callable[[str, dict[str, str], str], object]

    def metadata(self) -> dict:
        return {
            "table_id": self.id,
            "periods": [
                {"periodtype_id": kind, "values": [{"period_id": c} for c in codes]}
                for kind, codes in self.periods.items()
            ],
            "dimensions": [
                {
                    "dimension_id": d["id"],
                    "dimension_name": d["name"],
                    "hierarchies": [
                        {
                            "hierarchy_id": h["id"],
                            "values": [{"value_id": i, "value_name": n} for i, n in h["values"]],
                        }
                        for h in d["hierarchies"]
                    ],
                }
                for d in self.dimensions
            ],
            "mgroups": [
                {
                    "mgroup_id": g["id"],
                    "mgroup_name": g["name"],
                    "measures": [{"measure_id": i, "measure_name": n} for i, n in g["measures"]],
                }
                for g in self.mgroups
            ],
        }

    def answer(self, query: dict[str, list[str]]) -> tuple[int, dict]:
        def refuse(cause: str) -> tuple[int, dict]:
            return 422, {"code": 422, "cause": cause, "request_id": "test-request"}

        if query.get("format") != ["json"]:
            return refuse("Unsupported format")
        periods = [(k.split(".", 1)[1], v[0]) for k, v in query.items() if k.startswith("period.")]
        if len(periods) != 1:
            return refuse("Exactly one period type is required")
        kind, codes = periods[0]
        codes = codes.split(",")
        unknown = [c for c in codes if c not in self.periods.get(kind, [])]
        if unknown:
            return refuse(f"Unknown periods: {unknown}")
        asked = {k.split(".", 1)[1]: v[0] for k, v in query.items() if k.startswith("hierarchy.")}
        known = {h["id"]: (d, h) for d in self.dimensions for h in d["hierarchies"]}
        unknown = [h for h in asked if h not in known]
        if unknown:
            return refuse(f"Unknown hierarchies: {unknown}")
        selected: list[tuple[str, list[str]]] = []
        for dimension in self.dimensions:
            for hierarchy in dimension["hierarchies"]:
                if hierarchy["id"] not in asked:
                    continue
                ids = asked[hierarchy["id"]].split(",")
                names = dict(hierarchy["values"])
                if ids == ["*"]:
                    ids = [i for i in names if i != "/"]
                bad = [i for i in ids if i not in names]
                if bad:
                    return refuse(f"Unknown values in {hierarchy['id']}: {bad}")
                selected.append((dimension["name"], [names[i] for i in ids]))
        columns_of_measures: list[str] = []
        groups = {g["id"]: g for g in self.mgroups}
        asked_groups = {
            k.split(".", 1)[1]: v[0] for k, v in query.items() if k.startswith("mgroup.")
        }
        if "*" in asked_groups:
            asked_groups = {g: "*" for g in groups}
        for group in self.mgroups:
            if asked_groups and group["id"] not in asked_groups:
                continue
            wanted = asked_groups.get(group["id"], "*").split(",")
            ids = dict(group["measures"])
            if wanted != ["*"] and any(w not in ids for w in wanted):
                return refuse(f"Unknown measures in {group['id']}: {wanted}")
            for measure_id, name in group["measures"]:
                if wanted == ["*"] or measure_id in wanted:
                    alone = len(group["measures"]) == 1
                    columns_of_measures.append(name if alone else f"{group['name']}: {name}")
        unknown = [g for g in asked_groups if g not in groups]
        if unknown:
            return refuse(f"Unknown measure groups: {unknown}")
        names = [name for name, _ in selected]
        rows = []
        for code in codes:
            for combination in itertools.product(*(values for _, values in selected)):
                where = dict(zip(names, combination, strict=True))
                rows.append(
                    [code, *combination, *(self.value(code, where, m) for m in columns_of_measures)]
                )
        return 200, {"columns": ["Periode", *names, *columns_of_measures], "rows": rows}


# --- y30r21: the ministry's benchmark for all 98 municipalities ---------------------


def _expected(area: str, group: str) -> int:
    index = MUNICIPALITIES.index(area)
    return 300 + 37 * index + 150 * Y30R21_GROUPS.index(group)


def _actual(area: str, group: str, period: str) -> int:
    index, step = MUNICIPALITIES.index(area), Y30R21_PERIODS.index(period)
    shift = ((index * 7 + step * 13 + Y30R21_GROUPS.index(group) * 5) % 21) - 10
    return round(_expected(area, group) * (1 + shift / 100))


def y30r21_rank(area: str, group: str, period: str) -> int | None:
    """The fixture's rank: actual − expected in pct. of expected, lowest first (1 = best)."""
    if (area, period) == UNRANKED:
        return None
    ranked = sorted(
        (m for m in MUNICIPALITIES if (m, period) != UNRANKED),
        key=lambda m: ((_actual(m, group, period) - _expected(m, group)) / _expected(m, group), m),
    )
    return ranked.index(area) + 1


def y30r21_figures(area: str, group: str, period: str) -> dict[str, object]:
    return {
        "rank": y30r21_rank(area, group, period),
        "actual": _actual(area, group, period),
        "expected": _expected(area, group),
    }


def _y30r21_value(period: str, where: dict[str, str], measure: str) -> object:
    area = where.get("Område")
    group = where.get("Ydelsesgrupper", "Ydelsesgrupper i alt")
    if area not in MUNICIPALITIES:
        return None
    figures = y30r21_figures(area, group, period)
    if measure == RANK_NAME:
        return figures["rank"]
    if measure.endswith("Faktisk antal"):
        return figures["actual"]
    if measure.endswith("Forventet antal"):
        return figures["expected"]
    if measure.endswith("Forskel mellem forventet og faktisk antal"):
        return figures["expected"] - figures["actual"]
    return 1.5


AREA_HIERARCHY = [("/", "Hele landet")] + [(f"/{i + 1}/", m) for i, m in enumerate(MUNICIPALITIES)]
Y30R21 = FakeTable(
    id="y30r21",
    periods={"QMAT": Y30R21_PERIODS},
    dimensions=[
        {
            "id": "area",
            "name": "Område",
            "hierarchies": [{"id": "_kom_y30r21", "values": AREA_HIERARCHY}],
        },
        {
            "id": "ydelsesgrupper",
            "name": "Ydelsesgrupper",
            "hierarchies": [
                {
                    "id": "_ygrp_y30r21",
                    "values": [("/", Y30R21_GROUPS[0])]
                    + [(f"/{i}/", g) for i, g in enumerate(Y30R21_GROUPS[1:], start=1)],
                }
            ],
        },
    ],
    mgroups=[
        {
            "id": "fuldtid_antal",
            "name": MEASURE_GROUP,
            "measures": [
                ("forventet", "Forventet antal"),
                ("faktisk", "Faktisk antal"),
                ("forskel", "Forskel mellem forventet og faktisk antal"),
            ],
        },
        {"id": "placering", "name": RANK_NAME, "measures": [("placering", RANK_NAME)]},
    ],
    value=_y30r21_value,
)

# --- ptv_a02: full-time persons by benefit group (areas in two hierarchies) ---------

PTV_GROUPS = [
    "Ydelsesgrupper i alt",
    "A-dagpenge",
    "Kontanthjælp",
    "Uddannelseshjælp",
    "Selvforsørgelses- og hjemrejseydelse mv.",
    "Sygedagpenge",
    "Jobafklaringsforløb",
    "Ressourceforløb",
    "Ledighedsydelse",
    "Fleksjob",
    "Efterløn",
    "Førtidspension",
    "Seniorpension",
    "Tidlig pension",
    "Barselsdagpenge",
]
PTV_PCT = "Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år"


def ptv_share(area: str, group: str, period: str) -> float | None:
    if (area, group) == ("Skanderborg", "Ledighedsydelse"):
        return None  # suppressed
    base = 0.3 + PTV_GROUPS.index(group) * 0.4 + len(area) * 0.05
    return round(base * (4 if group == "Ydelsesgrupper i alt" else 1), 1)


def _ptv_value(period: str, where: dict[str, str], measure: str) -> object:
    area = where.get("Område", "Hele landet")
    group = where.get("Ydelsesgrupper", "Ydelsesgrupper i alt")
    if measure == f"Fuldtidspersoner: {PTV_PCT}":
        return ptv_share(area, group, period)
    return 1000 + len(area) * 10 + PTV_GROUPS.index(group)


PTV_A02 = FakeTable(
    id="ptv_a02",
    periods={"M": ["2023M12", "2024M01", "2024M02", "2024M03"], "Y": ["2023"]},
    dimensions=[
        {
            "id": "area",
            "name": "Område",
            "hierarchies": [
                {"id": "_nykom", "values": AREA_HIERARCHY},
                {
                    "id": "_rar",
                    "values": [
                        ("/", "Hele landet"),
                        ("/8/", "RAR Østjylland"),
                        ("/1/", "RAR Hovedstaden"),
                    ],
                },
            ],
        },
        {
            "id": "ygrp",
            "name": "Ydelsesgrupper",
            "hierarchies": [
                {
                    "id": "_ygrpa02",
                    "values": [("/", PTV_GROUPS[0])]
                    + [(f"/{i}/", g) for i, g in enumerate(PTV_GROUPS[1:], start=1)],
                }
            ],
        },
        {
            "id": "kon",
            "name": "Køn",
            "hierarchies": [{"id": "_kon", "values": [("/", "I alt"), ("/1/", "Mænd")]}],
        },
    ],
    mgroups=[
        {
            "id": "fuldtid",
            "name": "Fuldtidspersoner",
            "measures": [("antal", "Antal fuldtidspersoner"), ("pct", PTV_PCT)],
        },
        {"id": "personer", "name": "Antal personer", "measures": [("personer", "Antal personer")]},
    ],
    value=_ptv_value,
)

JOBINDSATS_TABLES = {t.id: t for t in (Y30R21, PTV_A02)}


# --- Statistikbanken ----------------------------------------------------------------

STATBANK_AREAS = [
    ("000", "Hele landet"),
    ("081", "Region Nordjylland"),
    ("082", "Region Midtjylland"),
    *[
        (f"{700 + i}", m)
        for i, m in enumerate(
            [
                "Viborg", "Favrskov", "Hedensted", "Horsens", "Norddjurs", "Odder", "Randers",
                "Samsø", "Silkeborg", "Skanderborg", "Syddjurs", "Aarhus", "Vejle",
            ]
        )
    ],
]  # fmt: skip
STATBANK_MONTHS = ["2023M12", "2024M01", "2024M02"]


def auf01_count(area: str, month: str) -> int:
    return (
        100 * (len(area) + 3)
        + 7 * STATBANK_MONTHS.index(month)
        + (50000 if area == "Hele landet" else 0)
    )


def aup01_rate(area: str, month: str) -> str:
    return f"{2 + len(area) % 5 / 10 + STATBANK_MONTHS.index(month) / 10:.1f}".replace(".", ",")


def _tableinfo(table: str) -> dict:
    variables = [
        {
            "id": "OMRÅDE",
            "text": "område",
            "values": [{"id": i, "text": t} for i, t in STATBANK_AREAS],
        },
        {
            "id": "YDELSESTYPE",
            "text": "ydelsestype",
            "values": [
                {"id": "TOT", "text": "Bruttoledige i alt"},
                {"id": "NET", "text": "Nettoledige i alt"},
            ],
        },
        {
            "id": "KØN",
            "text": "køn",
            "values": [{"id": "TOT", "text": "I alt"}, {"id": "M", "text": "Mænd"}],
        },
        {
            "id": "Tid",
            "text": "tid",
            "time": True,
            "values": [{"id": m, "text": m} for m in STATBANK_MONTHS],
        },
    ]
    return {"id": table, "text": table, "variables": variables}


def _statbank_data(table: str, query: dict[str, list[str]]) -> tuple[int, bytes, str]:
    names = dict(STATBANK_AREAS)
    try:
        areas = query["OMRÅDE"][0].split(",")
        months = query["Tid"][0].split(",")
        kind, sex = query["YDELSESTYPE"][0], query["KØN"][0]
    except KeyError as missing:
        body = {"errorTypeCode": "EXTRACT-NOTALLOWED", "message": f"Mangler {missing}"}
        return 400, json.dumps(body).encode(), "application/json"
    lines = ["OMRÅDE;YDELSESTYPE;KØN;TID;INDHOLD"]
    kind_text = {"TOT": "Bruttoledige i alt", "NET": "Nettoledige i alt"}[kind]
    for month in months:
        for area in areas:
            text = names[area]
            value = str(auf01_count(text, month)) if table == "AUF01" else aup01_rate(text, month)
            if (text, month) == ("Samsø", "2024M02") and table == "AUP01":
                value = ".."
            lines.append(
                f"{text};{kind_text};{'I alt' if sex == 'TOT' else 'Mænd'};{month};{value}"
            )
    body = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
    return 200, body, "text/csv; charset=utf-8"


# --- The server -----------------------------------------------------------------------


@dataclass
class Log:
    requests: list[tuple[str, dict[str, list[str]], str]] = field(default_factory=list)


def _handler(log: Log):
    reference = reference_responses()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            return

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, document: object) -> None:
            self._send(status, json.dumps(document, ensure_ascii=False).encode("utf-8"))

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            path = urllib.parse.unquote(url.path)
            query = urllib.parse.parse_qs(url.query)
            auth = self.headers.get("Authorization", "")
            log.requests.append((path, query, auth))
            if path.startswith("/v1/"):
                return self._statbank(path, query)
            if not path.startswith("/v3/"):
                return self._json(404, {"code": 404, "cause": "Not found"})
            if auth != f"Bearer {TOKEN}":
                return self._json(401, {"code": 401, "cause": "Unauthorized"})
            parts = path.split("/")[2:]
            if parts == ["tables"]:
                return self._json(200, [{"table_id": t} for t in JOBINDSATS_TABLES])
            if len(parts) != 2:
                return self._json(404, {"code": 404, "cause": "Not found"})
            route, table = parts
            if route == "data" and table.startswith("reference_"):
                name = table.removeprefix("reference_")
                if name in reference["results"]:
                    return self._json(200, reference["results"][name])
                if name in reference["failures"]:
                    body = reference["failures"][name].split("HTTP 422: ", 1)[1]
                    return self._send(422, body.encode("utf-8"))
            if table not in JOBINDSATS_TABLES:
                return self._json(404, {"code": 404, "cause": f"Unknown table: {table}"})
            fake = JOBINDSATS_TABLES[table]
            if route == "table":
                return self._json(200, fake.metadata())
            if route == "data":
                return self._json(*fake.answer(query))
            return self._json(404, {"code": 404, "cause": "Not found"})

        def _statbank(self, path: str, query: dict[str, list[str]]) -> None:
            parts = path.split("/")[2:]
            if len(parts) == 2 and parts[0] == "tableinfo" and parts[1] in ("AUF01", "AUP01"):
                return self._json(200, _tableinfo(parts[1]))
            if len(parts) == 3 and parts[0] == "data" and parts[1] in ("AUF01", "AUP01"):
                return self._send(*_statbank_data(parts[1], query))
            return self._json(400, {"errorTypeCode": "TABLE-NOTFOUND", "message": "Ukendt tabel"})

    return Handler


@contextmanager
def serving() -> Iterator[tuple[str, str, Log]]:
    """``(jobindsats base URL incl. /v3, statbank base URL incl. /v1, request log)``."""
    log = Log()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield f"{base}/v3", f"{base}/v1", log
    finally:
        server.shutdown()
        server.server_close()
