"""Values transcribed from seeds 003 (UFB 30.11.2020) and 004 (Investeringsprojekter 2024-2025)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from hedensted.core.catalog import Catalog, load_catalog

DATASETS_003 = (
    "beskaeftigelsesministeriets_benchmark",
    "benchmark_forklaring",
    "kvinder_i_job_delprojekter",
    "kompensationskort_maal",
)
DATASETS_004 = (
    "investeringsprojekter",
    "investeringsprojekter_maal",
    "maaltal_investeringer",
    "statusskema_indikatorer",
)
PROJECT_IDS = {
    "klar_parat_i_job",
    "flere_i_job",
    "kompetenceporten",
    "jobperronen",
    "socialt_frikort",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _value(frame: pd.DataFrame, **where: str) -> float:
    mask = pd.Series(True, index=frame.index)
    for column, wanted in where.items():
        mask &= frame[column] == wanted
    rows = frame[mask]
    assert len(rows) == 1, f"{where} matcher {len(rows)} rækker"
    return float(rows["value"].iloc[0])


def _indicator(catalog: Catalog, project_id: str, indicator_id: str) -> pd.Series:
    frame = catalog.get("statusskema_indikatorer").frame
    rows = frame[(frame["project_id"] == project_id) & (frame["indicator_id"] == indicator_id)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.mark.parametrize("dataset_id", DATASETS_003 + DATASETS_004)
def test_dataset_loads(catalog: Catalog, dataset_id: str) -> None:
    assert dataset_id not in catalog.errors
    assert dataset_id in catalog.datasets


@pytest.mark.parametrize("dataset_id", DATASETS_003)
def test_seed_003_provenance(catalog: Catalog, dataset_id: str) -> None:
    meta = catalog.get(dataset_id).metadata
    assert meta.seed_file == "003_8cc81be4461d01c4.txt"
    assert str(meta.source_date) == "2020-11-30"


@pytest.mark.parametrize("dataset_id", DATASETS_004)
def test_seed_004_provenance(catalog: Catalog, dataset_id: str) -> None:
    meta = catalog.get(dataset_id).metadata
    assert meta.seed_file == "004_2305933e555c0ab1.txt"
    assert str(meta.source_date) == "2024-01-10"


def test_benchmark_alle_ydelser(catalog: Catalog) -> None:
    frame = catalog.get("beskaeftigelsesministeriets_benchmark").frame
    area = "Alle ydelser"
    assert _value(frame, benefit_area=area, measure="Placering") == 12
    actual = _value(frame, benefit_area=area, measure="Faktisk ydelsesomfang (fuldtidspersoner)")
    assert actual == 2280
    assert (
        _value(frame, benefit_area=area, measure="Forventet ydelsesomfang (fuldtidspersoner)")
        == 2400
    )
    assert _value(frame, benefit_area=area, measure="Pct. point") == pytest.approx(0.4)
    assert _value(frame, benefit_area=area, measure="Forskel fuldtidspersoner") == 120
    assert (
        _value(frame, benefit_area=area, measure="Ændring i kommunale besparelser (kroner)")
        == -8_400_000
    )


def test_benchmark_areas(catalog: Catalog) -> None:
    frame = catalog.get("beskaeftigelsesministeriets_benchmark").frame
    assert _value(frame, benefit_area="Sygedagpengeområdet", measure="Placering") == 8
    assert _value(frame, benefit_area="Dagpengeområdet", measure="Placering") == 25
    assert _value(frame, benefit_area="Kontanthjælpsområdet", measure="Placering") == 31
    assert len(frame) == 4 * 6
    assert set(frame["period"]) == {"2019-H2/2020-H1"}


def test_benchmark_expected_is_not_sum_of_areas(catalog: Catalog) -> None:
    """The published »Alle ydelser« is its own estimate: 2400 vs 540 + 950 + 900."""
    frame = catalog.get("beskaeftigelsesministeriets_benchmark").frame
    expected = frame[frame["measure"] == "Forventet ydelsesomfang (fuldtidspersoner)"]
    parts = expected[expected["benefit_area"] != "Alle ydelser"]["value"].sum()
    assert parts == 2390
    check = catalog.get("beskaeftigelsesministeriets_benchmark").metadata.totals[0]
    assert check.total_label == "Alle ydelser"
    assert "2.390" in check.explanation


def test_benchmark_forklaring_mentions_update(catalog: Catalog) -> None:
    frame = catalog.get("benchmark_forklaring").frame
    text = " ".join(frame["text"])
    assert "marts 2021" in text
    assert "VIVE" in text
    assert "jobafklaringsforløb" in text


def test_kvinder_i_job(catalog: Catalog) -> None:
    frame = catalog.get("kvinder_i_job_delprojekter").frame
    assert _value(frame, project="NAJAH", measure="Afsluttede forløb") == 37
    assert _value(frame, project="NAJAH", measure="S&H-ydelse") == 32
    assert _value(frame, project="HOP – RENGØRING/KØKKEN", measure="Aktive forløb") == 15
    assert _value(frame, project="KIRA", measure="Indskrevet") == 15
    outcomes = frame[~frame["measure"].isin(["Aktive forløb", "Afsluttede forløb"])]
    ended = frame[frame["measure"] == "Afsluttede forløb"].set_index("project")["value"]
    sums = outcomes.groupby("project")["value"].sum()
    for project, total in ended.items():
        assert sums[project] == total, project


def test_kompensationskort(catalog: Catalog) -> None:
    frame = catalog.get("kompensationskort_maal").frame
    assert set(frame["target_value"].dropna()) == {250, 95, 90, 500_000}
    budget = frame[frame["target_value"] == 500_000].iloc[0]
    assert budget["target_unit"] == "kr."
    assert "31.10.2022" in budget["deadline"]


def test_investeringsprojekter(catalog: Catalog) -> None:
    frame = catalog.get("investeringsprojekter").frame
    assert set(frame["project_id"]) == PROJECT_IDS
    assert len(frame) == 5
    assert (frame["purpose"].str.len() > 50).all()


def test_investeringsprojekter_maal(catalog: Catalog) -> None:
    frame = catalog.get("investeringsprojekter_maal").frame
    assert set(frame["project_id"]) == PROJECT_IDS - {"socialt_frikort"}
    assert set(frame["horizon"]) == {"Mål pr. august 2024", "Langsigtede mål"}
    klar = frame[frame["project_id"] == "klar_parat_i_job"]
    assert 17.8 in set(klar["target_value"])
    jobperronen = frame[frame["project_id"] == "jobperronen"]
    assert len(jobperronen) == 9
    assert set(jobperronen["target_value"]) == {12, 21, 80, 65, 40, 18, 85, 75, 15}


def test_maaltal_values(catalog: Catalog) -> None:
    frame = catalog.get("maaltal_investeringer").frame
    assert _value(frame, section="Sygedagpenge", line="Sygedagpenge") == 650
    assert _value(frame, section="Sygedagpenge", line="Investering – Kompetenceporten") == -1
    assert (
        _value(
            frame,
            section="Kontanthjælp og uddannelseshjælp",
            line="Uddannelseshjælp Investering – Social Frikort",
        )
        == 10
    )
    assert set(frame["period"]) == {"2024/2025"}


def test_maaltal_section_totals(catalog: Catalog) -> None:
    frame = catalog.get("maaltal_investeringer").frame
    expected = {
        "Sygedagpenge": 649,
        "Kontanthjælp og uddannelseshjælp": 433,
        "A-dagpenge til forsikrede ledige": 385,
        "Løntilskud til personer i fleksjob og ledighedsydelse": 1212,
        "Ressourceforløb": 58,
    }
    for section, total in expected.items():
        block = frame[frame["section"] == section]
        published = block[block["line_type"] == "total"]["value"]
        assert list(published) == [total], section
        assert block[block["line_type"] != "total"]["value"].sum() == total, section


def test_statusskema_flere_i_job(catalog: Catalog) -> None:
    row = _indicator(catalog, "flere_i_job", "aktivitetsparate_antal")
    assert row["baseline_value"] == 103
    assert row["target_2024_08"] == 100
    assert row["target_2025_01"] == 98
    assert row["target_2026_01"] == 92
    assert row["direction"] == "lavere er bedre"
    loentimer = _indicator(catalog, "flere_i_job", "aktivitetsparate_loentimer")
    assert loentimer["unit"] == "pct."
    assert loentimer["baseline_value"] == 17
    assert loentimer["baseline_count"] == 17


def test_statusskema_haandholdt(catalog: Catalog) -> None:
    row = _indicator(catalog, "jobperronen", "andel_afsluttet_job")
    assert row["indicator"] == "Andel afsluttet til job"
    assert row["baseline_value"] == pytest.approx(55.8)
    assert row["target_2026_01"] == 68
    assert row["baseline_date"] == "2022-Q3/2023-Q2"
    count = _indicator(catalog, "jobperronen", "jobparate_antal")
    assert count["baseline_value"] == 80
    assert count["target_2026_01"] == 48
    delaftale = _indicator(catalog, "jobperronen", "delaftale2_26_uger")
    assert math.isnan(delaftale["baseline_value"])
    assert delaftale["baseline_note"].startswith("**Datausikkerhed")


def test_statusskema_empty_cells_stay_empty(catalog: Catalog) -> None:
    frame = catalog.get("statusskema_indikatorer").frame
    frikort = frame[frame["project_id"] == "socialt_frikort"]
    target_columns = ["target_2024_08", "target_2025_01", "target_2026_01"]
    assert frikort[target_columns].isna().all().all()
    kompetence = _indicator(catalog, "kompetenceporten", "behovsafdaekning")
    assert kompetence["target_2024_08"] == 30
    assert kompetence["target_2025_01"] == 50
    assert math.isnan(kompetence["target_2026_01"])
    assert set(frame["project_id"]) == PROJECT_IDS
    assert not frame.duplicated(["project_id", "indicator_id"]).any()
