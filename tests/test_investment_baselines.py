"""Before any monthly figure: each project's baselines, next milestone and final target."""

from __future__ import annotations

from datetime import date

from hedensted.monthly.baselines import baseline_table, has_monthly_figures
from hedensted.monthly.indicators import indicators_from_catalog


def test_baselines_come_from_the_documents(catalog) -> None:
    indicators = indicators_from_catalog(catalog).for_project("klar_parat_i_job")
    table = baseline_table(indicators, date(2024, 3, 5)).set_index("Indikator")
    assert table.loc["Antal a-dagpengemodtagere i alt (personer)", "Startmåling"] == (
        "644 personer (10. jan. 2024)"
    )
    assert table.loc[
        "Antal a-dagpengemodtagere med kontaktforløb i jobcentret (personer)", "Startmåling"
    ].startswith("435 personer")
    duration = table.loc[
        "Gennemsnitlig varighed af afsluttede a-dagpengeforløb seneste 3 måneder (uger)"
    ]
    assert duration["Startmåling"] == "18,8 uger (3. kvt. 2023)"
    assert duration["Næste delmål"] == "18,8 uger (aug. 2024)"
    assert duration["Slutmål"] == "18,8 uger (jan. 2026)"
    # No baseline in the documents: shown as missing, never 0.
    assert (
        table.loc["Antal henviste til Klar, parat - i job akkumuleret (personer)", "Startmåling"]
        == "–"
    )


def test_next_milestone_follows_the_date(catalog) -> None:
    indicators = indicators_from_catalog(catalog).for_project("flere_i_job")
    before = baseline_table(indicators, date(2024, 3, 5)).iloc[0]
    after = baseline_table(indicators, date(2024, 9, 1)).iloc[0]
    assert before["Næste delmål"] == "100 personer (aug. 2024)"
    assert after["Næste delmål"] != before["Næste delmål"]
    assert not has_monthly_figures(indicators, {})
    assert has_monthly_figures(indicators, {indicators[0].key: 101.0})
