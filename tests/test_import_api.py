"""Jobindsats API v3 and Statistikbanken against local servers that answer like the real ones.

The servers (tests/fake_sources.py) implement the services' rules – the
singular ``/table/<id>``, ids in hierarchies, 401, 404, 422 with its cause – and
serve the **real** v3 responses of the reference folder unchanged.
"""

from __future__ import annotations

import dataclasses
import json
import math
import socket
import threading

import pandas as pd
import pytest

from hedensted.core.catalog import Dataset
from hedensted.core.metadata import DatasetMetadata
from hedensted.importing.api import (
    JobindsatsClient,
    JobindsatsError,
    api_settings,
    parse_data,
    parse_table_info,
    period_type,
)
from hedensted.importing.refresh import Sources, fetch_period, newest_source_period
from hedensted.importing.service import preview_fetched
from hedensted.importing.statbank import StatbankError
from hedensted.importing.validation import plan_rows, plan_table
from tests.fake_sources import (
    STATBANK_AREAS,
    TOKEN,
    Y30R21_GROUPS,
    auf01_count,
    aup01_rate,
    ptv_share,
    reference_responses,
    serving,
    y30r21_figures,
)
from tests.import_support import FULLTIME, UNEMPLOYED, shipped
from tests.register_support import fresh_register

BENCHMARK = "beskaeftigelsesministeriets_benchmark"
RATE = "ledighedsprocent"


@pytest.fixture(scope="module")
def sources():
    with serving() as (jobindsats, statbank, log):
        yield jobindsats, statbank, log


@pytest.fixture
def register(tmp_path):
    yield from fresh_register("sqlite", tmp_path)


def _sources(urls, token: str = TOKEN, timeout: float = 10) -> Sources:
    jobindsats, statbank, _ = urls
    settings = api_settings({}, {"JOBINDSATS_TOKEN": token, "JOBINDSATS_URL": jobindsats})
    return Sources(settings, statbank, timeout)


def _client(urls, token: str = TOKEN) -> JobindsatsClient:
    return JobindsatsClient(_sources(urls, token).jobindsats, timeout=10)


# --- Settings ------------------------------------------------------------------------


def test_off_without_a_token() -> None:
    assert api_settings({}, {}) is None
    assert api_settings({"jobindsats": {"token": ""}}, {}) is None


def test_token_from_secrets_wins_and_is_hidden() -> None:
    settings = api_settings({"jobindsats": {"token": "fra-secrets"}}, {"JOBINDSATS_TOKEN": "env"})
    assert settings.token == "fra-secrets" and settings.base_url == "https://api.jobindsats.dk/v3"
    assert "fra-secrets" not in repr(settings) + repr(JobindsatsClient(settings))


def test_only_v3_addresses() -> None:
    for url in ("https://api.jobindsats.dk/v2", "https://api.jobindsats.dk"):
        with pytest.raises(JobindsatsError, match="skal være v3"):
            api_settings({}, {"JOBINDSATS_TOKEN": "x", "JOBINDSATS_URL": url})


def test_period_types() -> None:
    codes = ("2024M03", "2023QMAT02", "2024Q04", "2024Q1", "2023")
    assert [period_type(c) for c in codes] == ["M", "QMAT", "Q", "Q", "Y"]
    with pytest.raises(JobindsatsError, match="ikke en Jobindsats-periodekode"):
        period_type("marts")


# --- The real responses ----------------------------------------------------------------


def _total_of(header: str, values: list[str]) -> str:
    for wanted in ("i alt", f"{header.lower()} i alt"):
        for value in values:
            if value.lower() == wanted:
                return value
    return next(v for v in values if v.lower().endswith("i alt"))


def _dataset_for(response: dict, measure: str, category: str | None) -> Dataset:
    """A throwaway dataset shaped like the response: Hele landet (+ one category column)."""
    first = response["rows"][0][0]
    period = "2020-01" if "M" in first else "2020-Q1"
    categories = (
        sorted({r[response["columns"].index(category)] for r in response["rows"]})
        if category
        else [None]
    )
    meta = DatasetMetadata.model_validate(
        {
            **shipped().get(RATE).metadata.model_dump(exclude={"refresh", "attributes"}),
            "short_unit": "blandet",
            "dimensions": ["area", "category"] if category else ["area"],
            "periods": [period],
            "column_labels": {"area": "Område", **({"category": category} if category else {})},
            "refresh": {
                "service": "jobindsats",
                "producer": "Jobindsats.dk",
                "table": "reference",
                "period_type": "M",
                "measure": measure,
                "dimensions": [{"column": "area", "name": "Område"}]
                + ([{"column": "category", "name": category}] if category else []),
            },
        }
    )
    frame = pd.DataFrame(
        [
            {"area": "Hele landet", **({"category": c} if category else {}), "period": period}
            for c in categories
        ]
    ).assign(value=1.0, missing=False)
    return Dataset(metadata=meta, frame=frame, csv_path=shipped().get(RATE).csv_path)


@pytest.mark.parametrize("name", sorted(reference_responses()["results"]))
def test_every_real_response_is_read(sources, name) -> None:
    """Each real v3 response, served unchanged: read, its last measure chosen, the other
    dimensions held at their total, nulls kept missing, period codes translated."""
    body = _client(sources)._get(f"data/reference_{name}", [("format", "json")], name)
    response = json.loads(body)
    raw = parse_data(body, f"{name}.json")
    assert raw.header == response["columns"] and len(raw.rows) == len(response["rows"])
    columns = response["columns"]
    numeric = [
        i
        for i in range(2, len(columns))
        if all(not isinstance(r[i], str) for r in response["rows"])
    ]
    texts = [i for i in range(2, len(columns)) if i not in numeric]
    no_total = [i for i in texts if not any("i alt" in r[i].lower() for r in response["rows"])]
    category = columns[no_total[0]] if no_total else None
    measure = columns[numeric[-1]]
    plan = plan_rows(raw, _dataset_for(response, measure, category), replace=False)
    totals = {
        i: _total_of(columns[i], list(dict.fromkeys(r[i] for r in response["rows"])))
        for i in texts
        if i not in no_total
    }
    expected = [r for r in response["rows"] if all(r[i] == total for i, total in totals.items())]
    assert len(plan.rows) == len(expected) > 0
    for record, row in zip(plan.rows, expected, strict=True):
        value = row[numeric[-1]]
        assert record["value"] == ("." if value is None else f"{value:g}"), (record, row)
        assert record["period"].startswith(row[0][:4])


def test_real_response_details(sources) -> None:
    results = reference_responses()["results"]
    client = _client(sources)
    sanctions = parse_data(
        client._get("data/reference_sanctions_total", [("format", "json")], "x"), "s.json"
    )
    assert sanctions.rows[0][1][:2] == ["2024Q04", "Hele landet"]
    raw = parse_data(json.dumps(results["activation"]).encode(), "a.json")
    assert sum(cells.count("..") for _, cells in raw.rows) == 24  # the real nulls, missing


def test_real_422_shows_its_cause_in_danish(sources) -> None:
    with pytest.raises(JobindsatsError) as caught:
        _client(sources)._get("data/reference_recruitment", [("format", "json")], "rekruttering")
    message = str(caught.value)
    assert "Jobindsats afviste forespørgslen på tabellen »rekruttering« (HTTP 422)" in message
    assert "tabellen har ikke det hierarki" in message
    assert "»Unknown hierarchies: ['_nykom']«" in message
    assert TOKEN not in message


# --- y30r21: the ministry's benchmark ---------------------------------------------------


def test_benchmark_metadata_by_danish_names(sources) -> None:
    info = _client(sources).table_info("y30r21")
    assert info.newest("QMAT") == "2022QMAT02"
    assert [d.name for d in info.dimensions] == ["Område", "Ydelsesgrupper"]
    assert [m.column for m in info.measures][-1] == "Placering på benchmarkranglisten"


def test_fetch_y30r21_for_all_municipalities(sources, register) -> None:
    _, _, log = sources
    full = shipped()
    fetched = fetch_period(full.get(BENCHMARK), "2022QMAT02", _sources(sources))
    path, query, auth = log.requests[-1]
    assert (path, auth) == ("/v3/data/y30r21", f"Bearer {TOKEN}")
    assert query == {
        "period.QMAT": ["2022QMAT02"],
        "hierarchy._kom_y30r21": ["*"],
        "hierarchy._ygrp_y30r21": ["/,/1/,/3/,/2/"],  # ids, not names
        "mgroup.placering": ["placering"],
        "mgroup.fuldtid_antal": ["faktisk,forventet"],
        "format": ["json"],
    }
    assert fetched.source_format == "Jobindsats API v3 (tabel y30r21)"
    assert len(fetched.raw.rows) == 98 * 4
    checked = preview_fetched(register, full, BENCHMARK, fetched)
    plan = checked.plan
    assert plan.new_periods == ["2021-H2/2022-H1"]
    assert len(plan.rows) == 98 * 4 * 3
    hedensted = {
        (r["benefit_area"], r["measure"]): r["value"] for r in plan.rows if r["area"] == "Hedensted"
    }
    figures = y30r21_figures("Hedensted", Y30R21_GROUPS[0], "2022QMAT02")
    assert hedensted[("Alle ydelser", "Placering")] == str(figures["rank"])
    assert hedensted[("Alle ydelser", "Faktisk ydelsesomfang (fuldtidspersoner)")] == str(
        figures["actual"]
    )
    sick = y30r21_figures("Hedensted", "Sygedagpenge mv.", "2022QMAT02")
    assert hedensted[("Sygedagpengeområdet", "Forventet ydelsesomfang (fuldtidspersoner)")] == str(
        sick["expected"]
    )


def test_suppressed_rank_stays_missing(sources, register) -> None:
    fetched = fetch_period(shipped().get(BENCHMARK), "2021QMAT04", _sources(sources))
    plan = preview_fetched(register, shipped(), BENCHMARK, fetched).plan
    laesoe = [r for r in plan.rows if r["area"] == "Læsø" and r["measure"] == "Placering"]
    assert {r["value"] for r in laesoe} == {"."}
    assert plan.new_periods == ["2021-H1/2021-H2"]


def test_a_quarter_in_the_middle_of_a_half_year_is_refused(sources) -> None:
    with pytest.raises(JobindsatsError, match=r"har ikke perioden 2021QMAT03\. Nyeste: 2022QMAT02"):
        fetch_period(shipped().get(BENCHMARK), "2021QMAT03", _sources(sources))
    with pytest.raises(JobindsatsError, match="af typen M; tabellen »y30r21« bruges med QMAT"):
        fetch_period(shipped().get(BENCHMARK), "2024M01", _sources(sources))


def test_unknown_hierarchy_gives_the_real_422(sources) -> None:
    client = _client(sources)
    query = [("period.QMAT", "2022QMAT02"), ("hierarchy._nykom", "*"), ("format", "json")]
    with pytest.raises(JobindsatsError, match=r"»Unknown hierarchies: \['_nykom'\]«"):
        client._get("data/y30r21", query, "y30r21")


def test_wrong_measure_name_lists_the_tables_measures(sources) -> None:
    dataset = shipped().get(BENCHMARK)
    refresh = dataset.metadata.refresh.model_copy(
        update={"measures": {"Placering": "Placering blandt kommunerne"}}
    )
    with pytest.raises(JobindsatsError) as caught:
        _client(sources).fetch(refresh, {}, "2022QMAT02")
    assert "har ikke målet »Placering blandt kommunerne«" in str(caught.value)
    assert "Placering på benchmarkranglisten" in str(caught.value)


# --- ptv_a02: areas in two hierarchies, one measure of several, a dimension left out ---


def test_fetch_fulltime_share(sources, register) -> None:
    _, _, log = sources
    before = len(log.requests)
    full = shipped()
    fetched = fetch_period(full.get(FULLTIME), "2024M03", _sources(sources))
    data_requests = [q for p, q, _ in log.requests[before:] if p == "/v3/data/ptv_a02"]
    assert [sorted(k for k in q if k.startswith("hierarchy.")) for q in data_requests] == [
        ["hierarchy._nykom", "hierarchy._ygrpa02"],
        ["hierarchy._rar", "hierarchy._ygrpa02"],
    ]
    assert data_requests[1]["hierarchy._rar"] == ["/8/"]
    assert data_requests[0]["mgroup.fuldtid"] == ["pct"]
    assert "Køn" not in fetched.raw.header  # left out: aggregated away
    plan = preview_fetched(register, full, FULLTIME, fetched).plan
    assert plan.new_periods == ["2024-03"] and len(plan.rows) == 70
    value = {(r["area"], r["group"]): r["value"] for r in plan.rows}
    assert (
        value[("Hedensted", "Ydelsesgrupper i alt")]
        == f"{ptv_share('Hedensted', 'Ydelsesgrupper i alt', '2024M03'):g}"
    )
    assert (
        value[("RAR Østjylland", "Fleksjob")]
        == f"{ptv_share('RAR Østjylland', 'Fleksjob', '2024M03'):g}"
    )
    assert value[("Skanderborg", "Ledighedsydelse")] == "."  # null: missing, never 0


def test_newest_period_from_the_metadata(sources) -> None:
    assert newest_source_period(shipped().get(FULLTIME), _sources(sources)) == "2024M03"
    assert newest_source_period(shipped().get(BENCHMARK), _sources(sources)) == "2022QMAT02"


# --- Errors ---------------------------------------------------------------------------


def test_wrong_key(sources) -> None:
    with pytest.raises(JobindsatsError) as caught:
        fetch_period(shipped().get(BENCHMARK), "2022QMAT02", _sources(sources, "forkert-nøgle"))
    message = str(caught.value)
    assert "Jobindsats afviste nøglen (HTTP 401)" in message
    assert "forkert-nøgle" not in message and TOKEN not in message


def test_unknown_table(sources) -> None:
    with pytest.raises(JobindsatsError, match=r"kender ikke tabellen »y99x99« \(HTTP 404\)"):
        _client(sources).table_info("y99x99")


def test_no_key_says_how_to_get_one() -> None:
    with pytest.raises(JobindsatsError, match="ingen nøgle til Jobindsats' API"):
        fetch_period(shipped().get(BENCHMARK), "2022QMAT02", Sources(None, "http://127.0.0.1:9"))


def test_no_network() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nobody listens here
    urls = (f"http://127.0.0.1:{port}/v3", f"http://127.0.0.1:{port}/v1", None)
    with pytest.raises(JobindsatsError) as caught:
        fetch_period(shipped().get(BENCHMARK), "2022QMAT02", _sources(urls))
    assert str(caught.value).startswith("Ingen forbindelse til Jobindsats' API")
    assert TOKEN not in str(caught.value)
    with pytest.raises(StatbankError, match="Ingen forbindelse til Statistikbanken"):
        fetch_period(shipped().get(UNEMPLOYED), "2024M02", _sources(urls))


def test_timeout() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True).start()
    port = silent.getsockname()[1]
    urls = (f"http://127.0.0.1:{port}/v3", "", None)
    try:
        with pytest.raises(JobindsatsError, match="svarede ikke inden for 0,5 sekunder"):
            fetch_period(shipped().get(BENCHMARK), "2022QMAT02", _sources(urls, timeout=0.5))
    finally:
        for connection in accepted:
            connection.close()
        silent.close()


def test_metadata_with_other_field_names() -> None:
    body = json.dumps(
        {
            "periods": {"M": ["2024M01", "2024M02"]},
            "dimensions": [
                {"id": "omr", "name": "Område", "values": [{"id": "/", "name": "Hele landet"}]}
            ],
            "mgroups": [{"id": "g", "name": "Antal personer"}],
        }
    ).encode()
    info = parse_table_info("t", body)
    assert info.newest("M") == "2024M02"
    assert info.dimensions[0].hierarchies[0].values[0].name == "Hele landet"
    assert info.measures[0].matches("Antal personer")


# --- Statistikbanken ------------------------------------------------------------------


def test_auf01_gross_unemployment(sources, register) -> None:
    _, _, log = sources
    full = shipped()
    fetched = fetch_period(full.get(UNEMPLOYED), "2024M02", _sources(sources))
    path, query, auth = log.requests[-1]
    assert path == "/v1/data/AUF01/CSV" and auth == ""  # keyless
    ids = dict(STATBANK_AREAS)
    assert (
        query["YDELSESTYPE"] == ["TOT"] and query["KØN"] == ["TOT"] and query["Tid"] == ["2024M02"]
    )
    assert query["AKASSE"] == ["TOT"] and query["ALDER"] == ["TOT"]  # »I alt«, »Alder i alt«
    assert "Vejle" not in [ids[i] for i in query["OMRÅDE"][0].split(",")]
    plan = preview_fetched(register, full, UNEMPLOYED, fetched).plan
    assert plan.source_format == "Statistikbanken (tabel AUF01)"
    value = {r["area"]: r["value"] for r in plan.rows}
    parts = full.get(UNEMPLOYED).metadata.totals[0].parts
    assert value["Hedensted"] == str(auf01_count("Hedensted", "2024M02"))
    assert value["RAR Østjylland"] == str(sum(auf01_count(a, "2024M02") for a in parts))
    assert value["RAR Fyn"] == "."  # Danmarks Statistik has no RAR areas: missing, not invented
    assert {r["area_type"] for r in plan.rows if r["area"] == "Hedensted"} == {"kommune"}
    assert plan.new_periods == ["2024-02"] and len(plan.rows) == 21


def test_aup01_rate_with_decimal_comma(sources, register) -> None:
    full = shipped()
    fetched = fetch_period(full.get(RATE), "2024M02", _sources(sources))
    plan = plan_table(fetched.raw, fetched.sha256, fetched.source_format, full.get(RATE))
    value = {r["area"]: r["value"] for r in plan.rows}
    assert value["Hedensted"] == aup01_rate("Hedensted", "2024M02").replace(",", ".")
    assert value["Samsø"] == "." and value["RAR Østjylland"] == "."  # a rate is never summed
    assert not math.isnan(float(value["Hele landet"]))


def test_aup01_has_no_benefit_type(sources) -> None:
    """AUP01 is by area, age and sex only: nothing is asked of a YDELSESTYPE."""
    _, _, log = sources
    fetch_period(shipped().get(RATE), "2024M02", _sources(sources))
    path, query, _ = log.requests[-1]
    assert path == "/v1/data/AUP01/CSV"
    assert sorted(query) == ["ALDER", "KØN", "OMRÅDE", "Tid"]
    assert query["ALDER"] == ["TOT"] and query["KØN"] == ["TOT"]


def test_a_held_variable_the_table_lacks_is_refused(sources) -> None:
    dataset = shipped().get(RATE)
    wrong = dataset.metadata.refresh.model_copy(update={"fixed": {"YDELSESTYPE": "Bruttoledige"}})
    metadata = dataset.metadata.model_copy(update={"refresh": wrong})
    with pytest.raises(StatbankError) as caught:
        fetch_period(dataclasses.replace(dataset, metadata=metadata), "2024M02", _sources(sources))
    assert "AUP01 har ikke variablen »YDELSESTYPE«" in str(caught.value)
    assert "ALDER (alder)" in str(caught.value)  # the table's own variables


@pytest.mark.parametrize(
    ("dataset_id", "period", "key", "published"),
    [
        (UNEMPLOYED, "2024M02", ("Samsø",), 62),  # Samsø, January 2024: 62 persons
        (UNEMPLOYED, "2024M02", ("Hele landet",), 93401),
        (RATE, "2024M02", ("Hedensted",), 2.4),
        (FULLTIME, "2024M03", ("Hele landet", "Tidlig pension"), 0.4),  # 0,4 %, not 6,0
        (FULLTIME, "2024M03", ("Hedensted", "Ydelsesgrupper i alt"), 22.7),
    ],
)
def test_fetched_figures_continue_the_published_ones(
    sources, register, dataset_id, period, key, published
) -> None:
    """The sources' figures are of the published ones' size and measure: a share stays a
    share, a count a count – so the jump check (10 times) flags nothing."""
    full = shipped()
    plan = preview_fetched(
        register, full, dataset_id, fetch_period(full.get(dataset_id), period, _sources(sources))
    ).plan
    dimensions = full.get(dataset_id).metadata.dimensions
    value = float({tuple(r[d] for d in dimensions): r["value"] for r in plan.rows}[key])
    assert 0.9 * published <= value <= 1.1 * published
    assert plan.outliers == []


def test_statbank_unknown_period(sources) -> None:
    with pytest.raises(StatbankError, match=r"har ikke perioden 2025M01\. Nyeste: 2024M02"):
        fetch_period(shipped().get(UNEMPLOYED), "2025M01", _sources(sources))
