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

import csv
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
DATA = Path(__file__).resolve().parents[1] / "data"
TOKEN = "hemmelig-nøgle-123"
Y30R21_PERIODS = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04", "2022QMAT02"]
Y30R21_GROUPS = ["Ydelsesgrupper i alt", "A-dagpenge mv.", "Sygedagpenge mv.", "Kontanthjælp mv."]
MEASURE_GROUP = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse"
SHARE_GROUP = "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse"
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


# Hedensted's published figures (2. halvår 2019 – 1. halvår 2020) set the scale;
# the other municipalities are Hedensted's size times a fixed factor (0,25–4,1).
Y30R21_HEDENSTED_EXPECTED = {
    "Ydelsesgrupper i alt": 2400,
    "A-dagpenge mv.": 540,
    "Sygedagpenge mv.": 900,
    "Kontanthjælp mv.": 950,
}


def _size(area: str) -> float:
    if area == "Hedensted":
        return 1.0
    return 0.25 + (MUNICIPALITIES.index(area) * 37 % 97) / 25


def _expected(area: str, group: str) -> int:
    return round(Y30R21_HEDENSTED_EXPECTED[group] * _size(area))


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
    expected, actual = figures["expected"], figures["actual"]
    labour_force = 22000 * _size(area)  # full-time persons in pct. of it
    shares = {
        "Forventet andel (pct.)": round(100 * expected / labour_force, 1),
        "Faktisk andel (pct.)": round(100 * actual / labour_force, 1),
    }
    shares["Forskel mellem forventet og faktisk andel (pct. point)"] = round(
        shares["Forventet andel (pct.)"] - shares["Faktisk andel (pct.)"], 1
    )
    name = measure.split(": ", 1)[-1]
    if measure == RANK_NAME:
        return figures["rank"]
    counts = {
        "Faktisk antal": actual,
        "Forventet antal": expected,
        "Forskel mellem forventet og faktisk antal": expected - actual,
    }
    return counts.get(name, shares.get(name))


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
        {
            "id": "fuldtid_andel",
            "name": SHARE_GROUP,
            "measures": [
                ("forventet_pct", "Forventet andel (pct.)"),
                ("faktisk_pct", "Faktisk andel (pct.)"),
                ("forskel_pct", "Forskel mellem forventet og faktisk andel (pct. point)"),
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


def _published(name: str, keys: tuple[str, ...], period: str) -> dict[tuple[str, ...], float]:
    """A shipped dataset's published values of one period (they set the fixtures' scale)."""
    with (DATA / f"{name}.csv").open(encoding="utf-8") as handle:
        return {
            tuple(row[k] for k in keys): float(row["value"])
            for row in csv.DictReader(handle)
            if row["period"] == period
        }


PTV_PUBLISHED = _published("fuldtidspersoner_pct_arbejdsstyrke", ("area", "group"), "2023-12")
PTV_MONTHS = ["2023M12", "2024M01", "2024M02", "2024M03"]


def ptv_share(area: str, group: str, period: str) -> float | None:
    """Full-time persons in pct. of the labour force: the published December 2023 share
    (or the whole country's, for an area the dataset lacks), a little higher each month."""
    if (area, group) == ("Skanderborg", "Ledighedsydelse"):
        return None  # suppressed
    base = PTV_PUBLISHED.get((area, group)) or PTV_PUBLISHED.get(("Hele landet", group), 1.0)
    return round(base * (1 + 0.02 * PTV_MONTHS.index(period)), 1)


def _ptv_value(period: str, where: dict[str, str], measure: str) -> object:
    area = where.get("Område", "Hele landet")
    group = where.get("Ydelsesgrupper", "Ydelsesgrupper i alt")
    share = ptv_share(area, group, period)
    name = measure.split(": ", 1)[-1]
    if name == PTV_PCT:
        return share
    if share is None:
        return None
    labour_force = 3_000_000 if area == "Hele landet" else 25_000 + 100 * len(area)
    if name == "Fuldtidspersoner i pct. af befolkningen 16-66 år":
        return round(share * 0.8, 1)
    fulltime = round(share / 100 * labour_force)
    return fulltime if name == "Antal fuldtidspersoner" else round(fulltime * 1.3)


PTV_A02 = FakeTable(
    id="ptv_a02",
    periods={"M": PTV_MONTHS, "Y": ["2023"]},
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
            "measures": [
                ("antal", "Antal fuldtidspersoner"),
                ("pct", PTV_PCT),
                ("pct_bef", "Fuldtidspersoner i pct. af befolkningen 16-66 år"),
            ],
        },
        {"id": "personer", "name": "Antal personer", "measures": [("personer", "Antal personer")]},
    ],
    value=_ptv_value,
)

JOBINDSATS_TABLES = {t.id: t for t in (Y30R21, PTV_A02)}


# --- Statistikbanken ----------------------------------------------------------------

# Real value ids: ``000`` the whole country, regions 081–085, municipality codes.
STATBANK_AREAS = [
    ("000", "Hele landet"),
    ("081", "Region Nordjylland"),
    ("082", "Region Midtjylland"),
    ("791", "Viborg"), ("710", "Favrskov"), ("766", "Hedensted"), ("615", "Horsens"),
    ("707", "Norddjurs"), ("727", "Odder"), ("730", "Randers"), ("741", "Samsø"),
    ("740", "Silkeborg"), ("746", "Skanderborg"), ("706", "Syddjurs"), ("751", "Aarhus"),
    ("630", "Vejle"),
]  # fmt: skip
STATBANK_MONTHS = ["2023M12", "2024M01", "2024M02"]
# The published January 2024 figures (RAR Østjylland's press release) set the scale;
# areas the datasets lack get a figure of their size.
AUF01_JANUARY = {
    **{k[0]: v for k, v in _published("bruttoledige_rar_kommuner", ("area",), "2024-01").items()},
    "Region Nordjylland": 11075.0,
    "Region Midtjylland": 21500.0,
    "Vejle": 1650.0,
}
AUP01_JANUARY = {
    **{k[0]: v for k, v in _published("ledighedsprocent", ("area",), "2024-01").items()},
    "Region Nordjylland": 3.8,
    "Region Midtjylland": 3.1,
    "Vejle": 2.7,
}
# The tables' variables besides area and time, as Statistikbanken lists them
# (AUF01: »Fuldtidsledige (foreløbig opgørelse) efter område, ydelsestype, a-kasse,
# alder, køn og tid«; AUP01: »… i pct. af arbejdsstyrken (foreløbig opgørelse) efter
# område, alder, køn og tid« – AUP01 has no YDELSESTYPE).
STATBANK_VARIABLES = {
    "AUF01": [
        (
            "YDELSESTYPE",
            "ydelsestype",
            [
                ("TOT", "Bruttoledige"),
                ("LDP", "Nettoledige dagpengemodtagere"),
                ("LKT", "Nettoledige kontanthjælpsmodtagere"),
                ("ADP", "Aktiverede dagpengeberettigede"),
                ("AKT", "Aktiverede kontanthjælpsmodtagere (arbejdsmarkedsparate)"),
            ],
        ),
        ("AKASSE", "a-kasse", [("TOT", "I alt"), ("45", "Ikke forsikrede")]),
        ("ALDER", "alder", [("TOT", "Alder i alt"), ("16-24", "16-24 år")]),
        ("KØN", "køn", [("TOT", "I alt"), ("M", "Mænd"), ("K", "Kvinder")]),
    ],
    "AUP01": [
        ("ALDER", "alder", [("TOT", "Alder i alt"), ("16-24", "16-24 år")]),
        ("KØN", "køn", [("TOT", "I alt"), ("M", "Mænd"), ("K", "Kvinder")]),
    ],
}


def auf01_count(area: str, month: str) -> int:
    """Gross unemployment: January's published figure, 2 % more each month after."""
    return round(AUF01_JANUARY[area] * (1 + 0.02 * (STATBANK_MONTHS.index(month) - 1)))


def aup01_rate(area: str, month: str) -> str:
    """The rate as Statistikbanken writes it (decimal comma): January's, 0,1 more a month."""
    rate = AUP01_JANUARY[area] + (STATBANK_MONTHS.index(month) - 1) / 10
    return f"{rate:.1f}".replace(".", ",")


def _tableinfo(table: str) -> dict:
    variables = [
        {
            "id": "OMRÅDE",
            "text": "område",
            "values": [{"id": i, "text": t} for i, t in STATBANK_AREAS],
        },
        *(
            {"id": v, "text": text, "values": [{"id": i, "text": t} for i, t in values]}
            for v, text, values in STATBANK_VARIABLES[table]
        ),
        {
            "id": "Tid",
            "text": "tid",
            "time": True,
            "values": [{"id": m, "text": m} for m in STATBANK_MONTHS],
        },
    ]
    return {"id": table, "text": table, "variables": variables}


def _statbank_data(table: str, query: dict[str, list[str]]) -> tuple[int, bytes, str]:
    """Statistikbanken's rule: every variable needs a value; an unknown one is refused."""
    known = {"OMRÅDE", "Tid", *(v for v, _, _ in STATBANK_VARIABLES[table])}
    unknown = sorted(set(query) - known - {"lang", "valuePresentation", "format"})
    missing = sorted(known - set(query))
    if unknown or missing:
        what = f"Ukendt variabel {unknown}" if unknown else f"Mangler {missing}"
        body = {"errorTypeCode": "EXTRACT-NOTALLOWED", "message": what}
        return 400, json.dumps(body).encode(), "application/json"
    names = dict(STATBANK_AREAS)
    areas = query["OMRÅDE"][0].split(",")
    months = query["Tid"][0].split(",")
    held = []
    for variable, _text, values in STATBANK_VARIABLES[table]:
        texts = dict(values)
        chosen = query[variable][0]
        if chosen not in texts:
            body = {"errorTypeCode": "EXTRACT-NOTALLOWED", "message": f"Ukendt værdi {chosen}"}
            return 400, json.dumps(body).encode(), "application/json"
        if chosen != "TOT":  # only the totals are served
            body = {"errorTypeCode": "EXTRACT-NOTALLOWED", "message": "Kun I alt i testen"}
            return 400, json.dumps(body).encode(), "application/json"
        held.append(texts[chosen])
    header = ["OMRÅDE", *(v for v, _, _ in STATBANK_VARIABLES[table]), "TID", "INDHOLD"]
    lines = [";".join(header)]
    for month in months:
        for area in areas:
            text = names[area]
            value = str(auf01_count(text, month)) if table == "AUF01" else aup01_rate(text, month)
            if (text, month) == ("Samsø", "2024M02") and table == "AUP01":
                value = ".."
            lines.append(";".join([text, *held, month, value]))
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


def main(argv: list[str] | None = None) -> None:
    """``python -m tests.fake_sources [--port N]``: serve both test services until Ctrl-C,
    for following the README's refresh steps without the real services."""
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m tests.fake_sources")
    parser.add_argument("--port", type=int, default=8765)
    port = parser.parse_args(argv).port
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(Log()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(
        "Lokale testtjenester (svarer som Jobindsats' API v3 og Statistikbanken):\n"
        f"export JOBINDSATS_URL={base}/v3\n"
        f"export JOBINDSATS_TOKEN={TOKEN}\n"
        f"export STATBANK_URL={base}/v1",
        flush=True,
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
