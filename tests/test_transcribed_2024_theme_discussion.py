"""Values transcribed from seed 002 (Temadrøftelse udvalget for Beskæftigelse 5. marts 2024)."""

import math

import pytest

from hedensted.core.catalog import load_catalog

DATASET_IDS = [
    "udgifter_pr_person_arbejdsstyrke",
    "udgifter_forskel_publiceret",
    "arbejdsstyrke_antal",
    "status_efter_afsluttet_forloeb",
    "status_andel_job_uddannelse_publiceret",
    "varighed_afsluttede_forloeb",
    "vandringer_forrige_maalgruppe",
    "unge_under_18_afsluttede_tilbud",
    "voksenlaerlinge_alder",
    "voksenlaerlinge_fag",
    "bruttoledige_rar_kommuner",
    "bruttoledige_udvikling_publiceret",
    "ledighedsprocent",
    "fuldtidsbeskaeftigelse_bopael",
    "fuldtidsbeskaeftigelse_udvikling_publiceret",
]

OESTJYLLAND_KOMMUNER = [
    "Favrskov",
    "Hedensted",
    "Horsens",
    "Norddjurs",
    "Odder",
    "Randers",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Syddjurs",
    "Viborg",
    "Aarhus",
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def frame(catalog, dataset_id):
    return catalog.get(dataset_id).frame


def value(catalog, dataset_id, **where):
    df = frame(catalog, dataset_id)
    for column, wanted in where.items():
        df = df[df[column] == wanted]
    assert len(df) == 1, (dataset_id, where, len(df))
    return df["value"].iloc[0]


def test_all_datasets_load(catalog):
    for dataset_id in DATASET_IDS:
        assert dataset_id not in catalog.errors, catalog.errors.get(dataset_id)
        assert dataset_id in catalog.datasets
        meta = catalog.get(dataset_id).metadata
        assert meta.seed_file == "002_46aad5eee344e12c.txt"
        assert str(meta.source_date) == "2024-03-05"


def test_expenses_per_person(catalog):
    ds = "udgifter_pr_person_arbejdsstyrke"
    total = "Ydelsesgrupper i alt"
    assert value(catalog, ds, area="Hedensted", group=total) == 2674
    assert value(catalog, ds, area="Hele landet", group=total) == 3053
    assert value(catalog, ds, area="RAR Østjylland", group=total) == 3341
    assert value(catalog, ds, area="Ringkøbing-Skjern", group="Førtidspension") == 1562
    assert len(frame(catalog, ds)) == 4 * 13


def test_published_difference_matches_table(catalog):
    assert value(catalog, "udgifter_forskel_publiceret", group="Ydelsesgrupper i alt") == -411
    expenses = frame(catalog, "udgifter_pr_person_arbejdsstyrke")
    wide = expenses.pivot(index="group", columns="area", values="value")
    computed = wide["Hedensted"] - wide["Ringkøbing-Skjern"]
    published = frame(catalog, "udgifter_forskel_publiceret").set_index("group")["value"]
    assert (published.sort_index() == computed.sort_index()).all()
    assert set(frame(catalog, "udgifter_forskel_publiceret")["reference_area"]) == {
        "Ringkøbing-Skjern"
    }


def test_labour_force(catalog):
    assert value(catalog, "arbejdsstyrke_antal", area="Hele landet") == 2993871
    assert value(catalog, "arbejdsstyrke_antal", area="Hedensted") == 24713


def test_status_after_course(catalog):
    ds = "status_efter_afsluttet_forloeb"
    jobparat = "Jobparate kontanthjælpsmodtagere"
    assert (
        value(
            catalog,
            ds,
            target_group=jobparat,
            area="Hedensted",
            category="Lønmodtagerbeskæftigelse",
        )
        == 54.4
    )
    assert (
        value(
            catalog, ds, target_group="Jobafklaring", area="Ringkøbing-Skjern", category="Fleksjob"
        )
        == 14.1
    )
    df = frame(catalog, ds)
    cell = df[
        (df["target_group"] == jobparat)
        & (df["area"] == "Ringkøbing-Skjern")
        & (df["category"] == "A-dagpenge")
    ]
    assert len(cell) == 1
    assert math.isnan(cell["value"].iloc[0])
    assert bool(cell["missing"].iloc[0]) is True
    assert int(df["missing"].sum()) == 5
    # only the categories the tables list: jobparat has no Ressourceforløb row
    categories = set(df.loc[df["target_group"] == jobparat, "category"])
    assert "Ressourceforløb" not in categories
    assert len(categories) == 7


def test_published_statements_match_tables(catalog):
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    statements = frame(catalog, "status_andel_job_uddannelse_publiceret")
    assert len(statements) == 10
    for row in statements.itertuples():
        parts = status[
            (status["target_group"] == row.target_group)
            & (status["area"] == row.area)
            & (status["category"].isin(row.categories.split(";")))
        ]
        assert len(parts) == len(row.categories.split(";"))
        assert abs(parts["value"].sum() - row.value) <= 0.1 + 1e-9, row
    hed = statements[
        (statements["target_group"] == "Jobparate kontanthjælpsmodtagere")
        & (statements["area"] == "Hedensted")
    ].iloc[0]
    assert hed["value"] == 69.5
    assert hed["statement"] == "Hedensted 69,5 pct."
    rs_jaf = statements[
        (statements["target_group"] == "Jobafklaring") & (statements["area"] == "Ringkøbing-Skjern")
    ].iloc[0]
    assert rs_jaf["value"] == 51
    assert "Fleksjob" in rs_jaf["categories"].split(";")
    assert rs_jaf["note"] != ""


def test_duration(catalog):
    ds = "varighed_afsluttede_forloeb"
    assert value(catalog, ds, target_group="Sygedagpenge", area="Hedensted") == 6.3
    assert (
        value(catalog, ds, target_group="Kontanthjælp, aktivitetsparat", area="Hele landet")
        == 212.2
    )
    assert frame(catalog, ds)["target_group"].nunique() == 8


def test_migrations(catalog):
    ds = "vandringer_forrige_maalgruppe"
    assert (
        value(catalog, ds, target_group="Sygedagpengemodtagere", previous_target_group="Ingen")
        == 557
    )
    assert (
        value(
            catalog,
            ds,
            target_group="Kontanthjælpsmodtagere (aktivitetsparate)",
            previous_target_group="Kontanthjælpsmodtagere (jobparate)",
        )
        == 89
    )
    sums = frame(catalog, ds).groupby("target_group")["value"].sum()
    assert sums["Kontanthjælpsmodtagere (jobparate)"] == 88


def test_young_under_18_offers(catalog):
    ds = "unge_under_18_afsluttede_tilbud"
    df = frame(catalog, ds)
    assert value(catalog, ds, offer_type="Tilbud i alt") == 141
    assert df.loc[df["offer_type"] != "Tilbud i alt", "value"].sum() == 140
    note = df.loc[df["offer_type"] == "Tilbud uden for LAB", "note"].iloc[0]
    assert "Barnets lov (7 i alt)" in note


def test_adult_apprentices(catalog):
    df = frame(catalog, "voksenlaerlinge_alder")
    assert value(catalog, "voksenlaerlinge_alder", age_group="Voksenlærlinge i alt") == 90
    assert df.loc[df["age_group"] != "Voksenlærlinge i alt", "value"].sum() == 86
    trades = frame(catalog, "voksenlaerlinge_fag")
    assert len(trades) == 23
    assert (trades["trade"] == "Plastmager").sum() == 2
    broken = trades[trades["trade"] == "Industrioperatørellev"].iloc[0]
    assert broken["trade_clean"] == "Industrioperatørelev"
    assert list(trades["position"]) == list(range(1, 24))


def test_unemployment(catalog):
    assert value(catalog, "ledighedsprocent", area="Hedensted") == 2.4
    assert value(catalog, "ledighedsprocent", area="Skanderborg") == 2.2
    assert value(catalog, "ledighedsprocent", area="Hele landet") == 3.1
    ds = "bruttoledige_rar_kommuner"
    assert value(catalog, ds, area="Hedensted", period="2023-01") == 525
    assert value(catalog, ds, area="Hedensted", period="2024-01") == 595
    assert value(catalog, ds, area="RAR Sydjylland", period="2024-01") == 10828
    df = frame(catalog, ds)
    for period, total in [("2023-01", 15477), ("2024-01", 16820)]:
        munis = df[(df["period"] == period) & df["area"].isin(OESTJYLLAND_KOMMUNER)]
        assert len(munis) == 12
        assert munis["value"].sum() == total
        assert value(catalog, ds, area="RAR Østjylland", period=period) == total


def test_published_unemployment_changes(catalog):
    counts = frame(catalog, "bruttoledige_rar_kommuner").pivot(
        index="area", columns="period", values="value"
    )
    change = frame(catalog, "bruttoledige_udvikling_publiceret")
    persons = change[change["measure"] == "Udvikling 2023-24 (personer)"].set_index("area")["value"]
    pct = change[change["measure"] == "Udvikling (pct.)"].set_index("area")["value"]
    assert persons["Hedensted"] == 70
    assert pct["Hedensted"] == 13.3
    computed = counts["2024-01"] - counts["2023-01"]
    assert (computed.sort_index() == persons.sort_index()).all()
    computed_pct = (computed / counts["2023-01"] * 100).round(1)
    assert (abs(computed_pct.sort_index() - pct.sort_index()) < 0.051).all()


def test_fulltime_employment(catalog):
    ds = "fuldtidsbeskaeftigelse_bopael"
    assert value(catalog, ds, area="Hedensted", period="2022-11") == 20589
    assert value(catalog, ds, area="Hedensted", period="2023-11") == 20643
    assert value(catalog, ds, area="RAR Østjylland", period="2023-11") == 421822
    counts = frame(catalog, ds).pivot(index="area", columns="period", values="value")
    change = frame(catalog, "fuldtidsbeskaeftigelse_udvikling_publiceret")
    persons = change[change["measure"] == "Udvikling 2022-2023 (personer)"].set_index("area")[
        "value"
    ]
    assert persons["Hedensted"] == 54
    computed = counts["2023-11"] - counts["2022-11"]
    assert (computed.sort_index() == persons.sort_index()).all()
