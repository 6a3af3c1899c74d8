"""Before any monthly figure: each project's baselines, next milestone and target path."""

from __future__ import annotations

from hedensted.monthly.baselines import baseline_table, has_monthly_figures
from hedensted.monthly.indicators import indicators_from_catalog


def test_baselines_come_from_the_documents(catalog) -> None:
    indicators = indicators_from_catalog(catalog).for_project("klar_parat_i_job")
    table = baseline_table(indicators).set_index("Indikator")
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
    assert duration["Målsti"] == (
        "18,8 uger (aug. 2024) → 18,8 uger (jan. 2025) → 18,8 uger (jan. 2026)"
    )
    # No baseline in the documents: shown as missing, never 0.
    assert (
        table.loc["Antal henviste til Klar, parat - i job akkumuleret (personer)", "Startmåling"]
        == "–"
    )


def test_next_milestone_is_counted_from_the_baseline_not_from_today(catalog) -> None:
    """With no monthly figure the baseline (10 Jan 2024) is the newest evidence, so the
    next milestone is August 2024's even after it has passed (today every milestone has)."""
    indicators = indicators_from_catalog(catalog).for_project("flere_i_job")
    first = baseline_table(indicators).iloc[0]
    assert first["Startmåling"] == "103 personer (10. jan. 2024)"
    assert first["Næste delmål"] == "100 personer (aug. 2024)"
    assert first["Målsti"] == (
        "100 personer (aug. 2024) → 98 personer (jan. 2025) → 92 personer (jan. 2026)"
    )
    assert not has_monthly_figures(indicators, {})
    assert has_monthly_figures(indicators, {indicators[0].key: 101.0})


def test_indicator_without_baseline_date_shows_its_first_milestone(catalog) -> None:
    indicators = indicators_from_catalog(catalog).for_project("kompetenceporten")
    table = baseline_table(indicators).set_index("Indikator")
    row = table.iloc[0]
    assert row["Startmåling"] == "–"
    assert row["Næste delmål"].endswith("(aug. 2024)")
