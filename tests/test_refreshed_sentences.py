"""Sentences and tiles on fetched periods: a difference of 0 or in the other direction,
and a fetched month without the reference area's rate (Danmarks Statistik has no RAR)."""

from __future__ import annotations

import dataclasses

import pandas as pd

from hedensted.benchmark.ministry import ACTUAL, EXPECTED, RANK, ranking, standing_sentence
from hedensted.core.catalog import Catalog, load_catalog
from hedensted.front_page.kpis import (
    benchmark_rank_kpi,
    gross_unemployed_sentence,
    unemployment_kpi,
)

PERIOD = "2021-H2/2022-H1"


def _benchmark(actual: dict[str, float], expected: float = 2400) -> pd.DataFrame:
    rows = []
    for rank, (area, value) in enumerate(actual.items(), start=1):
        for measure, number in ((RANK, rank), (ACTUAL, value), (EXPECTED, expected)):
            rows.append(
                {
                    "area": area,
                    "benefit_area": "Alle ydelser",
                    "measure": measure,
                    "period": PERIOD,
                    "value": float(number),
                }
            )
    return pd.DataFrame(rows)


def _with(dataset_id: str, frame: pd.DataFrame) -> Catalog:
    catalog = load_catalog()
    changed = dataclasses.replace(catalog.get(dataset_id), frame=frame)
    return Catalog({**catalog.datasets, dataset_id: changed}, catalog.errors)


def test_standing_as_expected_fewer_and_more() -> None:
    frame = _benchmark({"Billund": 2300, "Hedensted": 2400, "Vejle": 2600})
    assert standing_sentence(ranking(frame, PERIOD), "2. halvår 2021 – 1. halvår 2022") == (
        "Hedensted er nr. 2 af 3 kommuner (2. halvår 2021 – 1. halvår 2022): 2.400 "
        "fuldtidspersoner på offentlig forsørgelse mod forventet 2.400 – som forventet. "
        "1 kommune klarer sig bedre."
    )
    frame = _benchmark({"Hedensted": 2280, "Vejle": 2600})
    assert "– 5,0 pct. færre end forventet." in standing_sentence(ranking(frame, PERIOD), "x")
    frame = _benchmark({"Vejle": 2300, "Hedensted": 2520})
    assert "– 5,0 pct. flere end forventet." in standing_sentence(ranking(frame, PERIOD), "x")


def test_benchmark_tile_says_more_than_expected_when_it_is() -> None:
    more = _with("beskaeftigelsesministeriets_benchmark", _benchmark({"Hedensted": 2520}))
    assert benchmark_rank_kpi(more).sentence.endswith("(120 flere end forventet).")
    same = _with("beskaeftigelsesministeriets_benchmark", _benchmark({"Hedensted": 2400}))
    assert benchmark_rank_kpi(same).sentence.endswith("(som forventet).")


def test_unemployment_tile_without_the_reference_rate_has_no_arrow() -> None:
    rates = load_catalog().get("ledighedsprocent").frame.copy()
    rates.loc[rates["area"] == "RAR Østjylland", "value"] = float("nan")  # fetched: missing
    kpi = unemployment_kpi(_with("ledighedsprocent", rates), "RAR Østjylland")
    assert kpi.value == 2.4 and kpi.delta is None and kpi.delta_text is None
    assert kpi.notes == ("Kildematerialet har ikke ledighedsprocenten for RAR Østjylland.",)


def test_unemployment_tile_gives_hedensteds_gross_unemployed_from_the_counts() -> None:
    catalog = load_catalog()
    kpi = unemployment_kpi(catalog, "RAR Østjylland")
    # Temadrøftelse 5. marts 2024 (Danmarks Statistik, AUF01): 525 in Jan 2023, 595 in Jan 2024.
    assert kpi.sentence.endswith("595 bruttoledige i jan. 2024 mod 525 i jan. 2023.")
    assert kpi.dataset_ids == ("ledighedsprocent", "bruttoledige_rar_kommuner")


def test_a_fetched_month_is_compared_with_the_same_month_a_year_before() -> None:
    counts = load_catalog().get("bruttoledige_rar_kommuner").frame
    fetched = pd.DataFrame(
        [
            {"area": "Hedensted", "period": period, "value": value, "area_type": "kommune"}
            for period, value in (("2023-10", 610.0), ("2024-10", 640.0))
        ]
    )
    more = _with("bruttoledige_rar_kommuner", pd.concat([counts, fetched], ignore_index=True))
    assert gross_unemployed_sentence(more) == "640 bruttoledige i okt. 2024 mod 610 i okt. 2023."
    only_new = pd.concat([counts, fetched.iloc[[1]]], ignore_index=True)
    assert gross_unemployed_sentence(_with("bruttoledige_rar_kommuner", only_new)) == (
        "640 bruttoledige i okt. 2024 mod 525 i jan. 2023."
    )
