"""Domain logic of the Benchmark page (hedensted/benchmark_page.py, benchmark_tables.py,
charts_benchmark.py), checked against the figures in the source documents."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from hedensted.benchmark import charts as cb
from hedensted.benchmark import sections as bp
from hedensted.benchmark import tables as bt
from hedensted.core.view_state import ComparisonOptions, SortOrder, default_choice
from hedensted.exports.table_workbook import to_xlsx
from hedensted.front_page.kpis import expenses_kpi
from hedensted.present.charts import HEDENSTED_COLOR

# The areas as the page passes them: Hedensted first, then the others in option order.
AREAS = default_choice(ComparisonOptions(areas=bp.PAGE_AREAS)).areas


def frame(catalog, dataset_id: str) -> pd.DataFrame:
    return catalog.get(dataset_id).frame


# --- Controls and sorting -------------------------------------------------------------


def test_options_offer_the_five_areas_and_the_benefit_groups_without_the_total(catalog) -> None:
    options = bp.comparison_options(catalog)
    assert options.areas == bp.PAGE_AREAS
    assert options.default_reference == "RAR Østjylland"
    assert len(options.groups) == 13
    assert "Ydelsesgrupper i alt" not in options.groups
    assert options.groups[0] == "A-dagpenge"
    assert "Fleksjob" in options.groups


def test_missing_areas_are_named(catalog) -> None:
    present, missing = bp.areas_in_table(frame(catalog, "udgifter_pr_person_arbejdsstyrke"), AREAS)
    assert missing == ["Skanderborg"]
    assert "Skanderborg" not in present
    note = bp.missing_areas_note(missing, "Offentlige udgifter")
    assert note is not None
    assert note.startswith("Skanderborg findes ikke i kildens tabel »Offentlige udgifter«")
    assert bp.missing_areas_note([], "x") is None


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        (SortOrder.SOURCE, "A-dagpenge", "Tidlig pension"),
        (SortOrder.VALUE, "Førtidspension", "Ressourceforløb"),  # 6,2 … 0,3
        (SortOrder.DIFFERENCE, "Førtidspension", "Ledighedsydelse"),  # |-1,9| … 0 (ties: source)
    ],
)
def test_sort_orders(catalog, sort: SortOrder, first: str, last: str) -> None:
    view = bp.group_view(
        frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke"),
        "group",
        AREAS,
        "RAR Østjylland",
        sort,
        total_label=bp.TOTAL_GROUP,
    )
    assert view.order[0] == first
    assert view.order[-1] == last
    assert list(view.differences["group"]) == list(view.order)


def test_difference_sort_follows_the_reference(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    parts = fulltime[fulltime["group"] != bp.TOTAL_GROUP]
    vs_rar = bp.sort_categories(parts, "group", SortOrder.DIFFERENCE, "RAR Østjylland")
    vs_rks = bp.sort_categories(parts, "group", SortOrder.DIFFERENCE, "Ringkøbing-Skjern")
    assert vs_rar[:2] == ["Førtidspension", "Fleksjob"]  # -1,9 and +0,8
    assert vs_rks[:2] == ["Førtidspension", "Sygedagpenge"]  # -2,7 and +0,7


# --- Sections 1, 2 and 5 ----------------------------------------------------------------


def test_fulltime_view_and_sentence_change_with_the_reference(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    rar = bp.group_view(
        fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, None, "Ydelsesgrupper i alt"
    )
    landet = bp.group_view(
        fulltime, "group", AREAS, "Hele landet", SortOrder.SOURCE, None, "Ydelsesgrupper i alt"
    )
    rar_diff = rar.differences.set_index("group")["difference"]
    assert rar_diff["Førtidspension"] == pytest.approx(-1.9)
    assert rar_diff["Fleksjob"] == pytest.approx(0.8)
    assert landet.differences.set_index("group")["difference"]["Fleksjob"] == pytest.approx(1.6)
    assert bp.fulltime_summary(rar) == (
        "Sammenlignet med RAR Østjylland: Hedensted har en lavere andel i 5 af 13 viste "
        "ydelsesgrupper, en højere i 5 og det samme i 3. Størst er forskellen for "
        "Førtidspension: 6,2\u00a0% mod 8,1\u00a0% (-1,9 pct.-point)."
    )
    assert "Sammenlignet med Hele landet" in bp.fulltime_summary(landet)
    assert bp.fulltime_summary(landet) != bp.fulltime_summary(rar)
    wide = bp.wide_values(rar).set_index("group")
    assert wide.loc["Ydelsesgrupper i alt", "Hedensted"] == 22.7
    assert list(wide.columns) == [
        "Hedensted",
        "Hele landet",
        "RAR Østjylland",
        "Skanderborg",
        "Ringkøbing-Skjern",
    ]


def test_group_choice_limits_the_view_and_an_empty_choice_says_so(catalog) -> None:
    fulltime = frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    view = bp.group_view(
        fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, ["Kontanthjælp", "Fleksjob"]
    )
    assert view.order == ("Kontanthjælp", "Fleksjob")
    assert set(view.values["group"]) == {"Kontanthjælp", "Fleksjob"}
    with pytest.raises(bp.NothingToShow, match="Vælg mindst én ydelsesgruppe"):
        bp.group_view(fulltime, "group", AREAS, "RAR Østjylland", SortOrder.SOURCE, [])


def test_expenses_without_the_reference_have_no_differences(catalog) -> None:
    expenses = frame(catalog, "udgifter_pr_person_arbejdsstyrke")
    view = bp.group_view(
        expenses, "group", AREAS, "Skanderborg", SortOrder.DIFFERENCE, None, bp.TOTAL_GROUP
    )
    assert view.differences is None
    assert view.missing_areas == ("Skanderborg",)
    kpi = expenses_kpi(catalog, "Skanderborg")
    assert kpi.value_text == "2.674 kr."
    assert kpi.delta_text is None
    assert kpi.notes == ("Kildematerialet har ikke udgifterne for Skanderborg.",)


@pytest.mark.parametrize(
    ("reference", "per_person", "in_all"),
    [("RAR Østjylland", "667 kr.", "16,5 mio. kr."), ("Hele landet", "379 kr.", "9,4 mio. kr.")],
)
def test_expense_sentences_follow_the_reference(catalog, reference, per_person, in_all) -> None:
    kpi = expenses_kpi(catalog, reference)
    assert kpi.sentence.startswith(
        f"Hedensted bruger {per_person} mindre pr. person i arbejdsstyrken end {reference}."
    )
    assert f"{in_all} mindre i alt" in kpi.sentence
    assert kpi.with_short_delta().delta_text == f"-{per_person}"


def test_gap_worth_per_group_and_in_all(catalog) -> None:
    expenses = frame(catalog, "udgifter_pr_person_arbejdsstyrke")
    labour = frame(catalog, "arbejdsstyrke_antal")
    order = bp.benefit_groups(expenses)
    worth = bp.gap_worth(expenses, labour, "RAR Østjylland", order).set_index("group")
    assert list(worth.index)[-1] == "Ydelsesgrupper i alt"
    assert worth.loc["Ydelsesgrupper i alt", "total_kr"] == -667 * 24713
    assert worth.loc["Førtidspension", "total_kr"] == -480 * 24713
    assert worth.loc["Ydelsesgrupper i alt", "total_mio"] == pytest.approx(-16.483571)
    note = bp.worth_sum_note(worth.reset_index(), len(order))
    assert note is not None
    assert "alle 12 ydelsesgrupper er -16,4 mio. kr." in note
    assert "giver -16,5 mio. kr. i alt" in note
    shown, export = bt.worth_table(worth.reset_index(), "RAR Østjylland")
    total_row = shown.iloc[-1]
    assert total_row["Forskel i alt (mio. kr.)"] == "-16,5 mio. kr."
    assert total_row["Hedensteds arbejdsstyrke (personer)"] == "24.713"
    assert export.iloc[-1]["Forskel i alt (mio. kr.)"] == -16.5
    assert export.iloc[-1]["Forskel (kr. pr. person)"] == -667


def test_published_differences_are_reproduced(catalog) -> None:
    check = bp.published_difference_check(
        frame(catalog, "udgifter_pr_person_arbejdsstyrke"),
        frame(catalog, "udgifter_forskel_publiceret"),
    )
    assert check["agrees"].all()
    assert len(check) == 13
    assert bp.published_difference_sentence(check) == (
        "Dokumentet selv sammenligner med Ringkøbing-Skjern: Hedensteds udgift pr. person er "
        "411 kr. lavere. Beregningen ud fra tabellen giver samme forskel i 13 af 13 rækker i "
        "dokumentets kolonne »Forskel«."
    )


def test_duration_summary(catalog) -> None:
    view = bp.group_view(
        frame(catalog, "varighed_afsluttede_forloeb"),
        "target_group",
        AREAS,
        "RAR Østjylland",
        SortOrder.SOURCE,
    )
    assert bp.duration_summary(view) == (
        "Sammenlignet med RAR Østjylland: Hedensted har kortere forløb i 6 af 8 viste "
        "målgrupper og længere i 2. Størst er forskellen for Uddannelseshjælp, aktivitetsparat: "
        "123,7 uger mod 145,7 uger (-22,0 uger)."
    )


# --- Section 3 ------------------------------------------------------------------------


def test_benchmark_sentences_and_explanation(catalog) -> None:
    table = bp.benchmark_view(frame(catalog, "beskaeftigelsesministeriets_benchmark"))
    sentences = bp.benchmark_sentences(table)
    assert sentences[0] == (
        "**Alle ydelser**: nr. 12 af 98. 2.280 fuldtidspersoner på offentlig forsørgelse mod "
        "forventet 2.400 – 120 færre end forventet. Ændring i kommunale besparelser som opgjort "
        "af ministeriet: -8,4 mio. kr."
    )
    assert sentences[3].startswith("**Sygedagpengeområdet**: nr. 8 af 98. 830")
    assert "70 færre end forventet" in sentences[3]
    example = bp.expected_example(table)
    assert "regnede ministeriet med 2.400 fuldtidspersoner" in example
    assert "Det faktiske tal var 2.280 – 120 færre end forventet" in example
    assert "bedre end forventet" in example
    main, rest = bp.benchmark_explanation(frame(catalog, "benchmark_forklaring"))
    assert len(main) == 3
    assert "på baggrund af dens rammevilkår" in main[0]
    assert "Forventet ud fra rammevilkår" not in set(rest["topic"])
    assert "Dagpengeområdet" in set(rest["topic"])
    long = bp.benchmark_long(table)
    assert len(long) == 8
    assert set(long["series"]) == {"Faktisk", "Forventet"}


# --- Section 4 ------------------------------------------------------------------------


def test_status_stack_fills_each_bar_to_100(catalog) -> None:
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    stack = bp.status_stack(status, "Jobparate kontanthjælpsmodtagere", AREAS)
    assert set(stack["area"]) == {"Hedensted", "Hele landet", "RAR Østjylland", "Ringkøbing-Skjern"}
    sums = stack.groupby("area")["value"].sum()
    assert sums.round(6).eq(100).all()
    hedensted = stack[stack["area"] == "Hedensted"].set_index("category")["value"]
    assert hedensted[bp.REMAINDER] == pytest.approx(3.8)  # 100 − 96,2
    assert "Ledighedsydelse" not in hedensted.index  # ».« in the source is left out
    with pytest.raises(ValueError, match="findes ikke"):
        bp.status_stack(status, "Ukendt", AREAS)


def test_status_shares_beside_the_published_statements(catalog) -> None:
    shares = bp.status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    ).set_index(["target_group", "area"])
    jobparate = shares.loc[("Jobparate kontanthjælpsmodtagere", "Hedensted")]
    assert jobparate["share"] == pytest.approx(69.6)
    assert jobparate["published"] == 69.5
    assert jobparate["difference"] == pytest.approx(0.1)
    assert jobparate["categories"] == "job eller uddannelse"
    sygedagpenge = shares.loc[("Sygedagpenge", "Hedensted")]
    assert sygedagpenge["share"] == pytest.approx(78.2)
    assert sygedagpenge["categories"] == "job, fleksjob eller uddannelse"
    rar = shares.loc[("Jobafklaring", "RAR Østjylland")]
    assert rar["share"] == pytest.approx(47.8)  # 34,2 + 11,2 + 2,4
    assert pd.isna(rar["published"])


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("RAR Østjylland", "mod 76,7\u00a0% i RAR Østjylland (-7,1 pct.-point)"),
        ("Ringkøbing-Skjern", "mod 82,5\u00a0% i Ringkøbing-Skjern (-12,9 pct.-point)"),
    ],
)
def test_status_sentences_follow_the_reference(catalog, reference, expected) -> None:
    shares = bp.status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    )
    first = bp.status_sentences(shares, reference)[0]
    assert first.startswith("**Jobparate kontanthjælpsmodtagere**: 69,6\u00a0% af Hedensteds")
    assert expected in first
    assert "Dokumentet skriver »Hedensted 69,5 pct.«" in first


# --- Section 6 ------------------------------------------------------------------------


def test_unemployment_goal_is_not_met(catalog) -> None:
    rates = catalog.get("ledighedsprocent")
    goal = bp.unemployment_goal(
        frame(catalog, "investeringsprojekter_maal"),
        rates.frame,
        rates.metadata.periods[0],
        frame(catalog, "investeringsprojekter"),
    )
    assert (
        goal.goal
        == "At Hedensted fortsat har den laveste ledighedsprocent i RAR Østjylland området."
    )
    assert goal.project == "Klar, parat – i job"
    assert goal.met is False
    assert goal.status_text == "Ikke opfyldt"
    assert goal.sentence == (
        "Målet er ikke opfyldt i jan. 2024: Hedensted har 2,4\u00a0% og er nr. 2 af 12 kommuner "
        "i RAR Østjylland. Lavest er Skanderborg med 2,2\u00a0%."
    )


def test_unemployment_goal_is_met_when_hedensted_is_lowest(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent").copy()
    rates.loc[rates["area"] == "Hedensted", "value"] = 2.2  # shares the lowest rate
    goal = bp.unemployment_goal(frame(catalog, "investeringsprojekter_maal"), rates, "2024-01")
    assert goal.met is True
    assert goal.status_text == "Opfyldt"
    assert "(delt med Skanderborg)" in goal.sentence
    with pytest.raises(ValueError, match="laveste ledighedsprocent"):
        bp.unemployment_goal(
            frame(catalog, "investeringsprojekter_maal").iloc[:2], rates, "2024-01"
        )


def test_unemployment_change_matches_the_published_columns(catalog) -> None:
    counts = catalog.get("bruttoledige_rar_kommuner")
    start, end = bp.period_span(counts.metadata.periods)
    assert (start, end) == ("2023-01", "2024-01")
    table = bp.change_table(
        counts.frame, frame(catalog, "bruttoledige_udvikling_publiceret"), start, end
    )
    assert (table["change"] == table["published_change"]).all()
    assert (table["change_pct"].round(1) - table["published_pct"]).abs().max() < 0.051
    assert bp.change_sentence(table, "RAR Østjylland", "Antallet af bruttoledige", start, end) == (
        "Antallet af bruttoledige i Hedensted steg med 70 personer (+13,3\u00a0%) fra jan. 2023 "
        "til jan. 2024 – mod +8,7\u00a0% i RAR Østjylland."
    )
    assert bp.change_sentence(table, "Ringkøbing-Skjern", "X", start, end).endswith(
        "Kildens tabel har ikke Ringkøbing-Skjern med."
    )


def test_fulltime_employment_change(catalog) -> None:
    employment = catalog.get("fuldtidsbeskaeftigelse_bopael")
    start, end = bp.period_span(employment.metadata.periods)
    table = bp.change_table(
        employment.frame, frame(catalog, "fuldtidsbeskaeftigelse_udvikling_publiceret"), start, end
    )
    assert (table["change"] == table["published_change"]).all()
    sentence = bp.change_sentence(table, "Skanderborg", "Fuldtidsbeskæftigelsen", start, end)
    assert sentence == (
        "Fuldtidsbeskæftigelsen i Hedensted steg med 54 personer (+0,3\u00a0%) fra nov. 2022 "
        "til nov. 2023 – mod -0,2\u00a0% i Skanderborg."
    )


def test_rate_sentence_and_view(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent")
    assert bp.rate_sentence(rates, "RAR Østjylland") == (
        "Hedensted har en bruttoledighed på 2,4\u00a0% – den 2. laveste ledighedsprocent af 12 "
        "kommuner i RAR Østjylland. RAR Østjylland: 3,2\u00a0% (-0,8 pct.-point)."
    )
    assert "Kildematerialet har ikke ledighedsprocenten for Ringkøbing-Skjern" in bp.rate_sentence(
        rates, "Ringkøbing-Skjern"
    )
    by_value = bp.rate_view(rates, "Skanderborg", SortOrder.VALUE)
    assert by_value["area"].iloc[0] == "Samsø"  # 3,9 %
    assert list(by_value["area"].iloc[-2:]) == ["Hedensted", "Skanderborg"]  # 2,4 and 2,2
    assert list(by_value["highlight"].iloc[-2:]) == ["Hedensted", "Skanderborg"]
    assert by_value["highlight"].iloc[0] == bp.OTHER_AREAS
    by_difference = bp.rate_view(rates, "RAR Østjylland", SortOrder.DIFFERENCE)
    assert by_difference["area"].iloc[0] == "Skanderborg"  # |2,2 − 3,2| = 1,0 is the largest
    assert by_difference["area"].iloc[-1] == "RAR Østjylland"
    assert bp.rate_view(rates, "Skanderborg", SortOrder.SOURCE)["area"].iloc[0] == "Hele landet"


# --- Section 7 ------------------------------------------------------------------------


def test_migrations_largest_first_with_the_documents_note(catalog) -> None:
    dataset = catalog.get("vandringer_forrige_maalgruppe")
    result = bp.migrations(dataset.frame)
    blocks = dict(bp.migration_blocks(result))
    assert list(blocks) == [
        "Kontanthjælpsmodtagere (aktivitetsparate)",
        "Sygedagpengemodtagere",
        "Kontanthjælpsmodtagere (jobparate)",
    ]
    sick = blocks["Sygedagpengemodtagere"]
    assert list(sick["previous_target_group"][:2]) == ["Ingen", "Dagpengemodtagere"]
    assert sick["value"].is_monotonic_decreasing
    assert sick["total"].iloc[0] == 763
    quote = bp.document_quote(dataset.metadata.notes, "Ingen")
    assert quote == "Ingen betyder formentlig job"
    assert bp.migration_sentence(sick, quote) == (
        "**Sygedagpengemodtagere**: 763 forløb oprettet. Flest (557, 73,0\u00a0%) havde forrige "
        "målgruppe »Ingen«. Dokumentet bemærker: »Ingen betyder formentlig job«."
    )
    active = bp.migration_sentence(blocks["Kontanthjælpsmodtagere (aktivitetsparate)"], quote)
    assert "Flest kom fra »Kontanthjælpsmodtagere (jobparate)« (89, 86,4\u00a0%)" in active
    assert "3 (2,9\u00a0%) havde forrige målgruppe »Ingen«" in active


# --- Tables and charts ----------------------------------------------------------------


def test_shown_and_exported_tables_hold_the_same_rows(catalog) -> None:
    view = bp.group_view(
        frame(catalog, "fuldtidspersoner_pct_arbejdsstyrke"),
        "group",
        AREAS,
        "Hele landet",
        SortOrder.SOURCE,
        None,
        bp.TOTAL_GROUP,
    )
    shown, export = bt.differences_table(
        view.differences, "group", "Ydelsesgruppe", "Hele landet", "percent", 1, "pct."
    )
    assert list(shown.columns) == list(export.columns)
    assert len(shown) == len(export) == 13
    row = shown.set_index("Ydelsesgruppe").loc["Fleksjob"]
    assert row["Hedensted (pct.)"] == "4,8\u00a0%"
    assert row["Forskel, Hedensted minus Hele landet (pct.-point)"] == "+1,6 pct.-point"
    workbook = load_workbook(io.BytesIO(to_xlsx(export, "Forskel", ["Kilde: test"])))
    rows = list(workbook["Forskel"].iter_rows(values_only=True))
    assert rows[0] == tuple(export.columns)
    by_group = {r[0]: r for r in rows[1:14]}
    assert by_group["Fleksjob"][1:] == (4.8, 3.2, 1.6)
    with pytest.raises(ValueError, match="samme overskrift"):
        bt.table_pair(view.differences, [bt.Column("group", "A"), bt.Column("value", "A")])


def test_charts_have_danish_tooltips_and_highlight_hedensted(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent")
    spec = cb.area_bars(
        bp.rate_view(rates, "RAR Østjylland", SortOrder.SOURCE),
        "value",
        "Ledige i pct. af arbejdsstyrken",
        1,
        "RAR Østjylland",
        bp.OTHER_AREAS,
    ).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["color"]["scale"]["domain"][0] == "Hedensted"
    assert bars["color"]["scale"]["range"][0] == HEDENSTED_COLOR
    tooltip = {t["field"]: t for t in bars["tooltip"]}
    assert tooltip["value"]["format"] == ",.1f"
    assert tooltip["area"]["title"] == "Område"
    stack = bp.status_stack(frame(catalog, "status_efter_afsluttet_forloeb"), "Sygedagpenge", AREAS)
    status = cb.status_bars(
        stack,
        ["Hedensted", "Hele landet"],
        bp.status_category_order(frame(catalog, "status_efter_afsluttet_forloeb")),
        bp.REMAINDER,
    ).to_dict()
    assert status["encoding"]["x"]["scale"]["domain"] == [0, 100]
    assert "Hedensted" in json.dumps(status["encoding"]["y"]["axis"]["labelFontWeight"])
    migration = bp.migration_blocks(bp.migrations(frame(catalog, "vandringer_forrige_maalgruppe")))[
        1
    ][1]
    chart = cb.migration_bars(migration, bp.NONE_CATEGORY).to_dict()
    assert chart["encoding"]["y"]["sort"][0] == "Ingen"


def test_share_method_note_names_the_documents_categories(catalog) -> None:
    shares = bp.status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    )
    note = bp.share_method_note(shares)
    assert "job eller uddannelse for jobparate kontanthjælpsmodtagere" in note
    assert "job, fleksjob eller uddannelse for sygedagpenge og jobafklaring" in note
