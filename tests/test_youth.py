"""Domain logic of the "Unge" page (the hedensted/youth/ package, hedensted/charts_youth.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from hedensted.core.catalog import Catalog
from hedensted.core.compare import sort_categories
from hedensted.core.view_state import ComparisonChoice, SortOrder
from hedensted.goals.register import goal_register
from hedensted.present.charts import grouped_bars
from hedensted.youth.apprentices import (
    spelling_footnote,
    trade_lines,
    trade_list,
    trade_list_note,
)
from hedensted.youth.charts import (
    apprentice_ages_chart,
    area_value_bars,
    count_bars,
    duration_chart,
    fulltime_chart,
    under_18_chart,
)
from hedensted.youth.comparison import (
    DURATION_GROUPS,
    chart_rows,
    comparison_areas,
    comparison_sentence,
    education_benefit_status,
    job_education_sentence,
    job_education_shares,
    missing_areas_note,
    shown_areas,
)
from hedensted.youth.discussion import discussion_points, split_quotes, youth_focus_areas
from hedensted.youth.frikort import (
    frikort_baselines,
    frikort_target_lines,
    frikort_target_texts,
    frikort_targets_empty,
    project_description,
)
from hedensted.youth.goals import APPRENTICE_GOALS, YOUTH_GOALS_2017
from hedensted.youth.kpis import (
    apprentices_kpi,
    education_benefit_fulltime_kpi,
    education_benefit_outcome_kpi,
    under_18_kpi,
)
from hedensted.youth.offers import (
    age_bounds,
    age_range_label,
    filter_offers,
    most_covered_age,
    offer_places,
    selection_summary,
)
from hedensted.youth.totals import footnotes, total_and_parts, total_sentence

UNDER_18_ONLY = {"Udviklings- og vejledningsindsats", "Kontaktperson", "U18"}
FROM_18_TO_30 = {"Personlig jobformidlingsindsats", "På vej til Uddannelse og Job", "A-Holdet"}
NO_AGE = {
    "Indsatser til og inddragelse af forældre",
    "Den udvidede Visitation",
    "Udviklingsindsats Daugaard",
    "Gamerakademi og Pipelinen",
    "Støberiet",
}
STU = "STU – treårig Særligt Tilrettelagt Ungdomsuddannelse for unge med særlige behov"
SKUB = "SKUB – Styrkelse af Kompetencer, Udvikling og Bevidsthed"


@pytest.fixture(scope="module")
def offers(catalog: Catalog) -> pd.DataFrame:
    return catalog.get("ungeenhedens_tilbud").frame


def _names(frame: pd.DataFrame) -> set[str]:
    return set(frame["offer"])


# --- offers catalogue -------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [
        (15.0, 18.0, "15–18 år"),
        (float("nan"), 24.0, "til og med 24 år"),
        (18.0, float("nan"), "fra 18 år"),
        (float("nan"), float("nan"), "alder ikke angivet"),
    ],
)
def test_age_range_labels(low: float, high: float, label: str) -> None:
    assert age_range_label(low, high) == label


def test_swapped_age_bounds_raise_in_danish() -> None:
    with pytest.raises(ValueError, match="byttet om"):
        age_range_label(30, 18)


def test_age_16_shows_the_15_18_offers_and_hides_the_18_30_ones(offers: pd.DataFrame) -> None:
    selection = filter_offers(offers, age=16)
    shown = _names(selection.matching)
    assert shown >= UNDER_18_ONLY
    assert not shown & FROM_18_TO_30
    # 15–22, "under 25" (stored as ≤ 24) and 15–25 also cover 16.
    assert shown == UNDER_18_ONLY | {"Anbringelse af unge i egen bolig", STU, SKUB}
    # Offers without an age are not matched, but kept apart.
    assert _names(selection.without_age) == NO_AGE
    assert selection.total == 14
    assert selection.shown == 11


def test_age_bounds_are_inclusive_and_an_upper_bound_alone_covers_younger(
    offers: pd.DataFrame,
) -> None:
    at_24 = _names(filter_offers(offers, age=24).matching)
    at_25 = _names(filter_offers(offers, age=25).matching)
    at_18 = _names(filter_offers(offers, age=18).matching)
    assert STU in at_24 and STU not in at_25  # "under 25 år"
    assert SKUB in at_25  # 15–25, upper bound included
    assert at_18 >= UNDER_18_ONLY | FROM_18_TO_30  # 18 is in both 15–18 and 18–30
    assert STU in _names(filter_offers(offers, age=10).matching)  # no lower bound


def test_no_age_filter_shows_every_offer(offers: pd.DataFrame) -> None:
    selection = filter_offers(offers)
    assert len(selection.matching) == 14
    assert selection.without_age.empty
    assert selection_summary(selection, [], "") == "Viser alle 14 tilbud."


def test_place_and_text_filters(offers: pd.DataFrame) -> None:
    daugaard = filter_offers(offers, places=["Daugaard"])
    assert set(daugaard.matching["place"]) == {"Daugaard"}
    assert len(daugaard.matching) == 8
    assert _names(filter_offers(offers, search="GAMING").matching) == {"Gamerakademi og Pipelinen"}
    # Every word must occur; dashes of any kind match.
    assert _names(filter_offers(offers, search="uddannelses\u2010 Kontanthjælp").matching) == {
        "A-Holdet"
    }
    # With an age chosen, a text match without an age is shown apart, not as a match.
    gaming_at_16 = filter_offers(offers, age=16, search="gaming")
    assert gaming_at_16.matching.empty
    assert _names(gaming_at_16.without_age) == {"Gamerakademi og Pipelinen"}


def test_selection_summary_counts(offers: pd.DataFrame) -> None:
    selection = filter_offers(offers, age=24, places=["Daugaard"], search="unge")
    assert selection_summary(selection, ["Daugaard"], "unge") == (
        "4 af 14 tilbud dækker en alder på 24 år, ligger på Daugaard og indeholder »unge«. "
        "3 tilbud uden alder i kilden vises for sig nedenfor."
    )


def test_bad_filter_input_raises_in_danish(offers: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="Ukendte steder"):
        filter_offers(offers, places=["Juelsminde"])
    for age in (-1, 121, 16.5, True):
        with pytest.raises(ValueError, match="helt tal mellem 0 og 120"):
            filter_offers(offers, age=age)  # type: ignore[arg-type]


def test_slider_range_and_default_come_from_the_data(offers: pd.DataFrame) -> None:
    assert age_bounds(offers) == (15, 30)
    assert most_covered_age(offers) == 18  # 9 offers cover 18
    assert offer_places(offers) == ["Rørkjærgaard", "Daugaard"]


# --- totals, trades ---------------------------------------------------------


def test_published_totals_next_to_their_parts(catalog: Catalog) -> None:
    under_18 = total_and_parts(catalog.get("unge_under_18_afsluttede_tilbud"))
    assert (under_18.published_total, under_18.sum_of_parts) == (141, 140)
    assert total_sentence(under_18, "tilbudstyperne") == (
        "»Tilbud i alt« er offentliggjort som 141, men tilbudstyperne summer til 140 "
        "(forskel 1). Begge tal vises som offentliggjort."
    )
    apprentices = total_and_parts(catalog.get("voksenlaerlinge_alder"))
    assert (apprentices.published_total, apprentices.sum_of_parts) == (90, 86)


def test_total_and_parts_needs_a_declared_total(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="ingen offentliggjort total"):
        total_and_parts(catalog.get("varighed_afsluttede_forloeb"))


def test_trades_are_listed_once_with_corrected_spelling(catalog: Catalog) -> None:
    trades = catalog.get("voksenlaerlinge_fag").frame
    listed = trade_list(trades)
    assert len(listed) == 20 and int(listed["mentions"].sum()) == 23
    assert listed.iloc[0]["trade"] == "Bygningsmalerlærling"
    assert "Bygningsmalerlærling (2 gange)" in trade_lines(trades)
    # The page keeps a footnote; the spellings themselves are on »Om data«.
    assert spelling_footnote(trades) == (
        "Åbenlyse stavefejl er rettet i 6 fag; kildens stavemåder står på siden »Om data«."
    )
    assert "Kokkelev" not in spelling_footnote(trades)
    apprentices = total_and_parts(catalog.get("voksenlaerlinge_alder"))
    assert trade_list_note(trades, apprentices).startswith(
        "Listen har 23 poster (20 forskellige fag), mens der er 90 voksenlærlinge i alt"
    )


def test_footnote_of_the_under_18_table(catalog: Catalog) -> None:
    frame = catalog.get("unge_under_18_afsluttede_tilbud").frame
    assert footnotes(frame, "offer_type") == [
        "»Tilbud uden for LAB«: Fx Foranstaltninger efter Barnets lov (7 i alt), "
        "rusmiddelbehandling, forældre samtaler mv."
    ]


# --- comparison of uddannelseshjælp ---------------------------------------------


def test_job_and_education_shares_match_the_published_statements(catalog: Catalog) -> None:
    status = catalog.get("status_efter_afsluttet_forloeb").frame
    published = catalog.get("status_andel_job_uddannelse_publiceret").frame
    shares = job_education_shares(
        status, published, ["Hedensted", "Skanderborg", "RAR Østjylland", "Ringkøbing-Skjern"]
    ).set_index("area")
    assert list(shares.index) == ["Hedensted", "RAR Østjylland", "Ringkøbing-Skjern"]
    assert shares.loc["Hedensted", "share"] == pytest.approx(45.9)
    assert shares.loc["Hedensted", "published"] == pytest.approx(45.9)
    assert shares.loc["Ringkøbing-Skjern", "share"] == pytest.approx(45.6)
    assert shares.loc["Ringkøbing-Skjern", "published"] == pytest.approx(45.6)
    assert shares.loc["RAR Østjylland", "share"] == pytest.approx(41.9)
    assert pd.isna(shares.loc["RAR Østjylland", "published"])
    assert job_education_sentence(status, "Hele landet") == (
        "Til lønmodtagerbeskæftigelse eller uddannelse: Hedensted 45,9\u00a0% – "
        "2,1 pct.-point højere end Hele landet (43,8\u00a0%)."
    )


def test_sorting_status_categories(catalog: Catalog) -> None:
    rows = education_benefit_status(catalog.get("status_efter_afsluttet_forloeb").frame)
    source = sort_categories(rows, SortOrder.SOURCE, "RAR Østjylland")
    assert source[:2] == ["Lønmodtagerbeskæftigelse", "Uddannelse"]
    # |39,7 − 33,2| = 6,5; |2,1 − 7,7| = 5,6; |6,2 − 2,0| = 4,2
    difference = sort_categories(rows, SortOrder.DIFFERENCE, "RAR Østjylland")
    assert difference[:3] == ["Lønmodtagerbeskæftigelse", "Andet", "Fleksjob"]
    value = sort_categories(rows, SortOrder.VALUE, "RAR Østjylland")
    assert value[:3] == [
        "Lønmodtagerbeskæftigelse",
        "Selvforsørgelse",
        "Førtids-, senior- og tidlig pension",
    ]
    # A reference without figures in the table keeps the source order.
    assert sort_categories(rows, SortOrder.DIFFERENCE, "Skanderborg") == source


def test_comparison_sentences(catalog: Catalog) -> None:
    duration = catalog.get("varighed_afsluttede_forloeb").frame
    assert comparison_sentence(
        duration,
        "RAR Østjylland",
        "Aktivitetsparate",
        "uger",
        "kortere end",
        "længere end",
        target_group="Uddannelseshjælp, aktivitetsparat",
    ) == (
        "Aktivitetsparate: Hedensted 123,7 uger – 22,0 uger kortere end RAR Østjylland "
        "(145,7 uger)."
    )
    assert (
        comparison_sentence(
            duration,
            "Skanderborg",
            "X",
            "uger",
            "kortere end",
            "længere end",
            target_group="Alle uddannelsesparate",
        )
        == "X: Hedensted 22,3 uger. Kildematerialet har ikke tallet for Skanderborg."
    )
    fulltime = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    assert (
        comparison_sentence(
            fulltime, "Hele landet", "Y", "%", "lavere end", "højere end", group="Uddannelseshjælp"
        )
        == "Y: Hedensted og Hele landet har begge 1,0\u00a0%."
    )


def test_areas_and_chart_rows(catalog: Catalog) -> None:
    status = education_benefit_status(catalog.get("status_efter_afsluttet_forloeb").frame)
    fulltime = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    areas = comparison_areas(status, fulltime)
    assert set(areas) == {
        "Hele landet",
        "RAR Østjylland",
        "Hedensted",
        "Ringkøbing-Skjern",
        "Skanderborg",
    }
    choice = ComparisonChoice(
        ("Hedensted", "Skanderborg"), "Hele landet", ("Uddannelse",), SortOrder.SOURCE
    )
    assert shown_areas(choice) == ["Hedensted", "Skanderborg", "Hele landet"]
    rows, present, missing = chart_rows(status, shown_areas(choice), "category", ["Uddannelse"])
    assert present == ["Hedensted", "Hele landet"] and missing == ["Skanderborg"]
    assert list(rows["value"]) == [6.2, 9.2]
    assert missing_areas_note(missing) == (
        "Kildematerialet har ikke tal for Skanderborg i denne tabel."
    )
    with pytest.raises(ValueError, match="Ukendte værdier"):
        chart_rows(status, ["Hedensted"], "category", ["Fravær"])


# --- KPI tiles ----------------------------------------------------------------


def test_kpis(catalog: Catalog) -> None:
    apprentices = apprentices_kpi(catalog)
    assert apprentices.value_text == "90"
    assert apprentices.sentence.endswith("aldersgrupperne summer til 86.")
    under_18 = under_18_kpi(catalog)
    assert under_18.value_text == "141" and "summer til 140" in under_18.sentence

    outcome = education_benefit_outcome_kpi(catalog, "RAR Østjylland")
    assert outcome.value == pytest.approx(45.9)
    assert outcome.delta_text == "+4,0 pct.-point mod RAR Østjylland"
    assert "Kilden skriver selv: »Hedensted: 45,9 pct.«" in outcome.notes
    missing = education_benefit_outcome_kpi(catalog, "Skanderborg")
    assert missing.delta is None
    assert "Kildematerialet har ikke tallet for Skanderborg." in missing.notes

    fulltime = education_benefit_fulltime_kpi(catalog, "RAR Østjylland")
    assert fulltime.value_text == "1,0\u00a0%"
    assert fulltime.delta_text == "−0,1 pct.-point mod RAR Østjylland"
    assert "0,1 pct.-point lavere end RAR Østjylland (1,1\u00a0%)" in fulltime.sentence
    assert education_benefit_fulltime_kpi(catalog, "Skanderborg").sentence.endswith(
        "0,5 pct.-point højere end Skanderborg (0,5\u00a0%)."
    )


# --- goals ----------------------------------------------------------------------


def test_apprentice_goals_2019_are_under_way(catalog: Catalog) -> None:
    # The status was given in 2019, before the 2020 deadline: progress, not a verdict.
    register = goal_register(catalog).set_index("goal_id")
    chosen = register.loc[list(APPRENTICE_GOALS)]
    assert list(chosen["status_label"]) == [
        "Undervejs: 2 af 15, 2019",
        "Undervejs: 12 af 55, 2019",
        "Kan ikke vurderes",  # the qualitative goal
    ]
    assert chosen["actual_note"].iloc[1] == (
        "Der er registreret 12 voksenlærlingeaftaler i indeværende år."
    )


def test_youth_goals_2017_with_the_published_actual(catalog: Catalog) -> None:
    register = goal_register(catalog).set_index("goal_id")
    chosen = register.loc[list(YOUTH_GOALS_2017)]
    assert len(chosen) == 7
    with_actual = chosen[chosen["actual_value"].notna()]
    assert list(with_actual.index) == ["bp17_unge_ungdomsuddannelse_2016"]
    row = with_actual.iloc[0]
    assert (row["target_value"], row["actual_value"], row["actual_period"]) == (91, 87, "")
    # 87 % has no date ("aktuelt tal"): context, not "4 points below the goal"
    assert row["status"] == "kan ikke vurderes"
    assert set(chosen["status"]) == {"kan ikke vurderes"}
    assert "Unge" in register.loc["bp17_merfald_kontanthjaelp", "themes"]


# --- Socialt Frikort and the discussion ----------------------------------------------


def test_socialt_frikort_baselines_and_targets(catalog: Catalog) -> None:
    indicators = catalog.get("statusskema_indikatorer").frame
    baselines = frikort_baselines(indicators)
    assert list(baselines["baseline_value"]) == [3, 69]
    assert list(baselines["baseline_label"]) == ["jan. 2024", "jan. 2024"]
    assert frikort_targets_empty(indicators)
    project = project_description(catalog.get("investeringsprojekter").frame)
    assert project["project"] == "Unge i job med Socialt Frikort"
    lines = frikort_target_lines(catalog.get("maaltal_investeringer").frame)
    assert frikort_target_texts(lines) == [
        "Kontanthjælp og uddannelseshjælp (»Uddannelseshjælp Investering – Social Frikort«): "
        "+10 fuldtidspersoner",
        "Løntilskud til personer i fleksjob og ledighedsydelse (»Investering – Social Frikort«): "
        "−10 fuldtidspersoner",
    ]


def test_discussion_points_and_focus_areas(catalog: Catalog) -> None:
    points = discussion_points(catalog.get("temadroeftelse_spoergsmaal").frame)
    statements, quotes = split_quotes(points)
    assert "Mange unge har mere brug for et job end en uddannelse." in set(quotes["text"])
    assert len(quotes) == 3
    assert (
        "Vi vil arbejde for, at uddannelse er vejen til arbejde, og arbejde er vejen til "
        "uddannelse." in set(statements["text"])
    )
    with pytest.raises(ValueError, match="ingen punkter"):
        discussion_points(catalog.get("temadroeftelse_spoergsmaal").frame, ["Sport"])
    focus = youth_focus_areas(catalog.get("strategi_fokusomraader").frame)
    assert "Arbejde er vejen til uddannelse for flere unge" in set(focus["text"])


# --- charts ---------------------------------------------------------------------------


def test_charts_keep_their_height_and_danish_tooltips(catalog: Catalog) -> None:
    frame = catalog.get("voksenlaerlinge_alder").frame
    spec = count_bars(frame, "age_group", "Alder", "Antal", decimals=0).to_dict()
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert tooltip[-1]["format"] == ",.0f"
    fulltime = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    rows = fulltime[fulltime["group"] == "Uddannelseshjælp"]
    spec = area_value_bars(rows, "Pct.", decimals=1).to_dict()
    assert spec["layer"][1]["encoding"]["text"]["format"] == ",.1f"
    status = education_benefit_status(catalog.get("status_efter_afsluttet_forloeb").frame)
    spec = grouped_bars(status, "category", "Status", "Pct.", decimals=1).to_dict()
    assert spec["autosize"]["type"] == "fit-x"
    assert spec["encoding"]["x"]["axis"]["tickCount"] == 8
    with pytest.raises(ValueError, match="mangler kolonnerne"):
        count_bars(frame, "offer_type", "Tilbud", "Antal")


def test_page_charts_leave_out_published_totals_and_carry_danish_titles(catalog: Catalog) -> None:
    under_18 = under_18_chart(catalog.get("unge_under_18_afsluttede_tilbud")).to_dict()
    (rows,) = under_18["datasets"].values()
    assert [row["offer_type"] for row in rows] == [
        "Arbejdsmarkedsrettet danskundervisning",
        "Mentorordning - individuel",
        "Personlig jobformidler",
        "Tilbud uden for LAB",
        "Virksomhedspraktik",
        "Øvrige forløb",
    ]  # not the published total "Tilbud i alt" (141)
    assert under_18["layer"][0]["encoding"]["y"]["title"] == "Tilbudstype"
    ages = apprentice_ages_chart(catalog.get("voksenlaerlinge_alder")).to_dict()
    assert ages["layer"][0]["encoding"]["x"]["title"] == "Antal i voksenlære"

    duration = catalog.get("varighed_afsluttede_forloeb")
    rows, present, _ = chart_rows(
        duration.frame, ["Hedensted", "RAR Østjylland"], "target_group", DURATION_GROUPS
    )
    spec = duration_chart(rows, "uger", duration.metadata.decimals, present).to_dict()
    assert spec["encoding"]["x"]["title"] == "Gennemsnitlig varighed (uger)"
    assert spec["encoding"]["y"]["sort"] == list(DURATION_GROUPS)

    fulltime = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    rows, present, _ = chart_rows(fulltime, ["Hedensted"], "group", ["Uddannelseshjælp"])
    spec = fulltime_chart(rows, 1, present).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Pct. af arbejdsstyrken 16-66 år"
