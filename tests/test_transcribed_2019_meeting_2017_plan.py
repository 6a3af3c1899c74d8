"""Transcribed figures from seeds 000 (UFB sommer 2019), 001 (Beskæftigelsesplan 2017)
and the text sections of 002 (temadrøftelse 5. marts 2024)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from hedensted.core.catalog import Dataset, load_dataset
from hedensted.core.quality import total_differences

# The checked-in data files, independent of any data-directory override.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

DATASET_IDS = [
    "loennede_timer_andel",
    "code_of_care_2019",
    "code_of_care_2017",
    "code_of_care_2024",
    "code_of_care_aktiviteter_2019",
    "code_of_care_aktiviteter_2024",
    "projektmaal_2019",
    "rum_til_os_status",
    "oevrige_tal_2019",
    "resultatmaal_2017",
    "ungemaal_2016_2018",
    "ungeenhedens_tilbud",
    "strategi_fokusomraader",
    "temadroeftelse_spoergsmaal",
    "investeringsprojekter_status_marts_2024",
]


def _load(dataset_id: str) -> Dataset:
    return load_dataset(DATA_DIR / f"{dataset_id}.meta.toml")


def _one(frame: pd.DataFrame, **where: str) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, wanted in where.items():
        mask &= frame[column] == wanted
    rows = frame[mask]
    assert len(rows) == 1, f"forventede én række for {where}, fandt {len(rows)}"
    return rows.iloc[0]


@pytest.mark.parametrize("dataset_id", DATASET_IDS)
def test_dataset_loads_with_provenance(dataset_id: str) -> None:
    dataset = _load(dataset_id)
    meta = dataset.metadata
    assert meta.id == dataset_id
    assert meta.seed_file.startswith(("000_", "001_", "002_"))
    assert not dataset.frame.empty
    for column in dataset.frame.columns:
        if column != "missing":
            assert column in meta.column_labels, f"{dataset_id}: ingen overskrift for {column}"


@pytest.mark.parametrize(
    ("benefit", "area", "expected"),
    [
        ("Kontanthjælp", "Hedensted", 19.3),
        ("Kontanthjælp", "RAR Østjylland", 8.9),
        ("Kontanthjælp", "Hele landet", 8.5),
        ("Ressourceforløb", "Hedensted", 4.0),
        ("Ressourceforløb", "RAR Østjylland", 1.6),
        ("Ressourceforløb", "Hele landet", 1.7),
    ],
)
def test_paid_hours_shares(benefit: str, area: str, expected: float) -> None:
    dataset = _load("loennede_timer_andel")
    row = _one(dataset.frame, benefit=benefit, area=area)
    assert row["period"] == "2019-03"
    assert row["value"] == pytest.approx(expected)
    assert dataset.metadata.producer == "Jobindsats.dk"
    assert dataset.metadata.short_unit == "%"
    assert dataset.metadata.decimals == 1


def test_code_of_care_2019_actual_and_goals() -> None:
    frame = _load("code_of_care_2019").frame
    actual = _one(frame, kind="faktisk")
    assert actual["value"] == 41
    assert actual["period"] == "2019-06"
    goal = _one(frame, measure="Virksomheder i netværket ultimo 2019 (mål)")
    assert goal["value"] == 44
    assert goal["kind"] == "mål"
    assert goal["deadline"] == "2019-12-31"
    assert _one(frame, measure="Nye virksomheder i 2019 (mål)")["value"] == 20


def test_code_of_care_2017_plan() -> None:
    frame = _load("code_of_care_2017").frame
    founded = _one(frame, unit_label="virksomheder", qualifier="")
    assert founded["value"] == 18
    assert founded["period"] == "2016"
    about = _one(frame, qualifier="ca.")
    assert about["value"] == 15
    assert _one(frame, unit_label="virksomhedscentre")["value"] == 4


def test_code_of_care_2024() -> None:
    frame = _load("code_of_care_2024").frame
    founded = _one(frame, period="2015")
    assert founded["value"] == 12
    network = _one(frame, measure="Virksomheder i netværket")
    assert network["value"] == 70
    assert network["qualifier"] == "næsten"
    assert network["period"] == "2024-03"
    partners = _one(frame, measure="Partnerskabsvirksomheder (unge – job og lærepladser)")
    assert partners["value"] == 20


def test_rum_til_os_total_and_parts() -> None:
    dataset = _load("rum_til_os_status")
    frame = dataset.frame
    assert _one(frame, status="Deltagere i alt")["value"] == 32
    parts = frame[frame["status"] != "Deltagere i alt"]
    assert len(parts) == 7
    assert parts["value"].sum() == 24
    [check] = total_differences(dataset)
    assert check.published_total == 32
    assert check.sum_of_parts == 24
    assert "rehabiliteringsteamets" in check.explanation


def test_youth_offer_ages() -> None:
    frame = _load("ungeenhedens_tilbud").frame
    job = _one(frame, offer="Personlig jobformidlingsindsats")
    assert (job["age_min"], job["age_max"]) == (18, 30)
    assert job["place"] == "Rørkjærgaard"
    stu = frame[frame["offer"].str.startswith("STU")].iloc[0]
    assert math.isnan(stu["age_min"])
    assert stu["age_max"] == 24
    stoeberiet = _one(frame, offer="Støberiet")
    assert math.isnan(stoeberiet["age_min"])
    assert math.isnan(stoeberiet["age_max"])
    assert set(frame["place"]) == {"Rørkjærgaard", "Daugaard"}
    assert len(frame) == 14


def test_project_goals_and_status() -> None:
    frame = _load("projektmaal_2019").frame
    udd = frame[frame["project"] == "Uddannelsesambassadører"]
    loeft = udd[udd["target_value"] == 15].iloc[0]
    assert loeft["comparator"] == "mindst"
    assert loeft["status_value"] == 2
    laerling = udd[udd["target_value"] == 55].iloc[0]
    assert laerling["status_value"] == 12
    passive = _one(frame, goal="Passivandelen udgør højest 10%")
    assert (passive["target_value"], passive["comparator"]) == (10, "højst")


def test_other_figures_2019() -> None:
    frame = _load("oevrige_tal_2019").frame
    senior = frame[frame["measure"].str.startswith("Seniorførtidspensioner")]
    assert dict(zip(senior["period"], senior["value"], strict=True)) == {"2017": 9, "2018": 5}
    rent = frame[frame["measure"].str.contains("huslejeudgift")]
    assert sorted(rent["value"]) == [900000, 1000000]


def test_youth_goals_2016_2018() -> None:
    frame = _load("ungemaal_2016_2018").frame
    edu_2016 = frame[(frame["target_value"] == 91) & (frame["target_year"] == 2016)].iloc[0]
    assert edu_2016["actual_value"] == 87


def test_event_years_not_invented() -> None:
    frame = _load("code_of_care_aktiviteter_2024").frame
    events = frame[frame["card_type"] == "arrangement"]
    assert len(events) == 2
    for when in events["when"]:
        assert not any(str(year) in when for year in range(2010, 2030))
    links = set(frame["link"]) - {""}
    assert {"https://youtu.be/NjAOeBkMiU4", "https://youtu.be/jK9cCWqwLfM"} <= links


def test_investment_project_ids() -> None:
    frame = _load("investeringsprojekter_status_marts_2024").frame
    assert set(frame["project_id"]) == {
        "klar_parat_i_job",
        "jobperronen",
        "flere_i_job",
        "kompetenceporten",
    }
