"""Indsatser: the initiatives' figures against the documents, and the page."""

from __future__ import annotations

import re

import pytest

from hedensted.core.catalog import Catalog
from hedensted.initiatives import catalogue, figures
from tests.apptest_support import open_page, shown_text
from tests.seed_support import seeds_folder

PAGE = "app_pages/indsatser.py"


def test_every_initiative_of_the_issue_is_there(catalog: Catalog) -> None:
    ids = [item.initiative_id for item in catalogue.initiatives(catalog)]
    assert ids == [
        "rum_til_os",
        "jobparate_kontanthjaelpsmodtagere",
        "uddannelsesambassadoerer",
        "flere_skal_med_2",
        "integration_3_2_model",
        "seniorfoertidspension",
        "fgu_skole",
        "kvinder_i_job",
        "kompensationskort",
    ]


def test_purposes_are_the_sources_own_words(catalog: Catalog) -> None:
    seeds = seeds_folder()
    for item in catalogue.initiatives(catalog):
        seed = catalog.get(item.catalog_dataset).metadata.seed_file
        flat = re.sub(r"\s+", "", (seeds / seed).read_text(encoding="utf-8"))

        assert re.sub(r"\s+", "", item.purpose) in flat, item.initiative_id


def test_goal_ids_name_goals_in_the_register(catalog: Catalog) -> None:
    from hedensted.goals.register import goal_register

    known = set(goal_register(catalog)["goal_id"])
    for item in catalogue.initiatives(catalog):
        assert set(item.goal_ids) <= known, item.initiative_id


def test_target_group_filter(catalog: Catalog) -> None:
    items = catalogue.initiatives(catalog)
    assert {"handicap", "psykisk sårbare", "flygtninge og indvandrere", "kontanthjælp", "unge"} <= (
        set(catalogue.target_groups(items))
    )
    refugees = catalogue.for_target_groups(items, ["flygtninge og indvandrere"])
    assert [i.initiative_id for i in refugees] == ["integration_3_2_model", "kvinder_i_job"]
    assert catalogue.for_target_groups(items, []) == items
    with pytest.raises(ValueError, match="findes ikke"):
        catalogue.by_id(items, "ukendt")


def test_rum_til_os_shows_the_part_the_source_does_not_itemise(catalog: Catalog) -> None:
    by_status = figures.rum_til_os_by_status(catalog)
    itemised = by_status[by_status["itemised"]]
    # 000: "Aktuel status fra projektets 32 deltagere: 8 er i fleksjob, 3 har lønnede
    # timer, 7 er i virksomhedspraktik, 1 …, 1 …, 1 …, 3 har fået førtidspension".
    assert itemised["value"].sum() == 24
    assert dict(zip(itemised["status"], itemised["value"], strict=True))["I fleksjob"] == 8
    rest = by_status[~by_status["itemised"]]
    assert list(rest["status"]) == [figures.NOT_ITEMISED]
    assert list(rest["value"]) == [32 - 24]
    assert figures.rum_til_os_sentence(catalog) == (
        "Af 32 deltagere: 8 er i fleksjob, 7 er i virksomhedspraktik og 3 har lønnede timer; "
        "8 er ikke fordelt på status i kilden."
    )


def test_women_in_jobs_outcomes_per_sub_project(catalog: Catalog) -> None:
    outcomes = figures.women_ended_by_outcome(catalog)
    courses = figures.women_courses(catalog).set_index("project")
    # Each sub-project's outcomes sum to its ended courses (003, punkt 111).
    for project, rows in outcomes.groupby("project"):
        assert rows["value"].sum() == courses.loc[project, "ended"], project
    najah = outcomes[outcomes["project"] == "NAJAH"].set_index("outcome")["value"]
    assert najah["S&H-ydelse"] == 32 and najah["Ordinært arbejde"] == 1
    assert courses.loc["NAJAH", "ended"] == 37
    assert courses.loc["HOP – RENGØRING/KØKKEN", "active"] == 15
    assert courses["ended"].isna().sum() == 2  # SUNDE KVINDER and HOP: no ended courses
    assert figures.women_sentence(catalog).startswith(
        "Flest afsluttede forløb i NAJAH (37), hvoraf 32 modtager S&H-ydelse"
    )
    assert figures.women_other_counts(catalog)[0] == (
        "KIRA (kvinder ude af integrationsperioden): 15 kvinder indskrevet."
    )


def test_compensation_card_grant_and_target(catalog: Catalog) -> None:
    grant = figures.compensation_grant_kpi(catalog)
    assert grant.value == 500_000
    assert grant.value_text == "500.000 kr."
    assert "31.10.2022" in grant.sentence
    assert figures.compensation_target_kpi(catalog).value_text == "250"


def test_senior_pension_and_fgu(catalog: Catalog) -> None:
    frame = figures.senior_pension_frame(catalog)
    assert list(frame["year"]) == ["2017", "2018"] and list(frame["value"]) == [9, 5]
    assert figures.senior_pension_sentence(catalog) == (
        "Hedensted tilkendte 5 seniorførtidspensioner i 2018 – færre end de 9 i 2017."
    )
    rent = figures.other_figure(
        catalog,
        "Forventet årlig huslejeudgift, FGU-skole på Vejlevej – nedre grænse",
        "Husleje",
    )
    assert rent.value_text == "omkring 900.000 kr."
    with pytest.raises(ValueError, match="står ikke"):
        figures.other_figure(catalog, "Noget andet", "x")


def test_the_page_shows_the_documents_figures() -> None:
    app = open_page(PAGE)
    assert not app.error, [error.value for error in app.error]
    shown = shown_text(app)
    for text in (
        "Af 32 deltagere: 8 er i fleksjob",
        "8 er ikke fordelt på status i kilden",
        "Flest afsluttede forløb i NAJAH (37)",
        "15 kvinder indskrevet",
        "500.000 kr.",
        "5 seniorførtidspensioner i 2018",
        "omkring 900.000 kr.",
        "114",
        # The goal register's verdict and evidence, as on the Mål page (one judge):
        "Undervejs: 12 af 55",
    ):
        assert text in shown, text
    assert [header.value for header in app.header][:2] == [
        "Rum til os",
        "Jobparate kontanthjælpsmodtagere",
    ]


def test_the_target_group_is_kept_in_the_url() -> None:
    app = open_page(PAGE, {"maalgruppe": "handicap"})
    assert [h.value for h in app.header] == ["Kompensationskort for personer med handicap"]
    app.multiselect(key="indsatser_maalgruppe").set_value(["psykisk sårbare", "unge"]).run()
    assert app.query_params["maalgruppe"] == "psykisk sårbare;unge"
    assert [h.value for h in app.header] == ["Rum til os", "FGU-skole i Hedensted"]


def test_presentation_view_is_one_initiative_per_slide() -> None:
    app = open_page(PAGE, {"visning": "praesentation", "dias": "8"})
    assert [h.value for h in app.header] == ["Kvinder i job – danske og flygtninge"]
    assert not app.multiselect
    # A slide with few goals shows each with its verdict and evidence, as on the Mål page.
    app = open_page(PAGE, {"visning": "praesentation", "dias": "3"})
    assert "Undervejs: 12 af 55" in shown_text(app)
