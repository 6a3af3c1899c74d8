"""The sections of the Indsatser page: one per initiative (layout only; every figure
and sentence comes from :mod:`hedensted.initiatives`)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.goals.register import by_status, goals_by_id
from hedensted.initiatives import charts, figures
from hedensted.initiatives.catalogue import Initiative
from hedensted.present.kpi import Kpi
from ui.deck.presentation import is_presentation
from ui.deck.recording import record_key_figure
from ui.sections.goals import goal_lines, goals_block, register_or_error
from ui.state.memo import memoized, remember_domain_functions
from ui.widgets.components import (
    chart,
    dataset_error,
    key_sentence,
    kpi_tile,
    source_caption,
)

remember_domain_functions(globals())  # same data and choices → same frames and specs
figures = memoized(figures)
charts = memoized(charts, specs=True)

FGU_RENT_LOW = "Forventet årlig huslejeudgift, FGU-skole på Vejlevej – nedre grænse"
FGU_RENT_HIGH = "Forventet årlig huslejeudgift, FGU-skole på Vejlevej – øvre grænse"


def purpose(initiative: Initiative) -> None:
    """The initiative's purpose in the source's words, with where it stands."""
    st.markdown(f"*»{initiative.purpose}«*")
    if not is_presentation():
        st.caption(f"Målgruppe: {', '.join(initiative.target_groups)} · {initiative.source_item}")


def tiles(kpis: list[Kpi], key: str) -> None:
    """A row of tiles."""
    for index, (column, kpi) in enumerate(zip(st.columns(len(kpis)), kpis, strict=True)):
        with column:
            kpi_tile(kpi, key=f"{key}_{index}")


LINES_ON_A_SLIDE = 3  # more goals than this: a slide shows the count per verdict


def initiative_goals(catalog: Catalog, initiative: Initiative, key: str) -> None:
    """The initiative's goals from the goal register, judged by its one judge: on a slide
    one line each with verdict and evidence (a few) or the count per verdict (many)."""
    if not initiative.goal_ids:
        st.caption("Kilden giver ingen mål for indsatsen.")
        return
    if is_presentation() and len(initiative.goal_ids) <= LINES_ON_A_SLIDE:
        goal_lines(catalog, initiative.goal_ids)
        return
    register = register_or_error()
    if register is None:
        return
    goals = by_status(goals_by_id(register, initiative.goal_ids))
    goals_block(catalog, goals, f"Mål for {initiative.title}", tables_on_slides=False)


def rum_til_os(catalog: Catalog, key: str) -> None:
    key_sentence(figures.rum_til_os_sentence(catalog), bold=True)
    chart(
        charts.status_bars(figures.rum_til_os_by_status(catalog), "Deltagere"),
        key=f"{key}_status",
        title="Deltagere i Rum til os efter status",
    )
    if not is_presentation():
        st.caption(f"Ikke fordelt i kilden: {figures.NOT_ITEMISED_MEANING}.")


def women_in_jobs(catalog: Catalog, key: str) -> None:
    key_sentence(figures.women_sentence(catalog), bold=True)
    chart(
        charts.outcome_bars(figures.women_ended_by_outcome(catalog)),
        key=f"{key}_udfald",
        title="Afsluttede forløb efter, hvad kvinderne er gået til",
    )
    for note in figures.women_other_counts(catalog):
        st.markdown(f"- {note}")
        record_key_figure(note)
    if not is_presentation():
        st.caption(
            "Nogle kvinder har deltaget i mere end ét underprojekt, så tallene lægges ikke "
            "sammen på tværs af projekterne. SUNDE KVINDER og HOP har kun aktive forløb."
        )


def compensation_card(catalog: Catalog, key: str) -> None:
    tiles(
        [figures.compensation_target_kpi(catalog), figures.compensation_grant_kpi(catalog)],
        key,
    )


def senior_pension(catalog: Catalog, key: str) -> None:
    key_sentence(figures.senior_pension_sentence(catalog), bold=True)
    chart(
        charts.year_bars(figures.senior_pension_frame(catalog), "Tilkendte seniorførtidspensioner"),
        key=f"{key}_aar",
        title="Seniorførtidspensioner tilkendt af Hedensted Kommune",
    )


def fgu_school(catalog: Catalog, key: str) -> None:
    tiles(
        [
            figures.other_figure(
                catalog,
                "Forventede årselever fra Hedensted Kommune i FGU (gennemsnitligt)",
                "Forventede årselever i FGU",
                "Kommunerne har fået bloktilskud til dette antal (Økonomiaftalen 2019).",
            ),
            figures.other_figure(
                catalog, FGU_RENT_LOW, "Husleje pr. år, nedre skøn", "Skolen på Vejlevej."
            ),
            figures.other_figure(
                catalog, FGU_RENT_HIGH, "Husleje pr. år, øvre skøn", "Skolen på Vejlevej."
            ),
        ],
        key,
    )


def integration(catalog: Catalog, key: str) -> None:
    tiles(
        [
            figures.other_figure(
                catalog,
                "Timers dansk om ugen, som den enkelte flygtning skal tilbydes",
                "Timers dansk om ugen pr. flygtning",
                "3 dages aktivering og 2 dages danskundervisning (3-2-modellen).",
            ),
            figures.other_figure(
                catalog,
                "Flygtninge i delvis beskæftigelse",
                "Flygtninge i delvis beskæftigelse",
                "Deres aftaler ændres efter Byrådets beslutning.",
            ),
        ],
        key,
    )


def more_with_us(catalog: Catalog, key: str) -> None:
    tiles(
        [
            figures.other_figure(
                catalog,
                "Sager pr. personlig jobformidler i Flere skal med 2",
                "Sager pr. personlig jobformidler",
                "Alle i målgruppen får en personlig jobformidler.",
            )
        ],
        key,
    )


FIGURES: dict[str, Callable[[Catalog, str], None]] = {
    "rum_til_os": rum_til_os,
    "kvinder_i_job": women_in_jobs,
    "kompensationskort": compensation_card,
    "seniorfoertidspension": senior_pension,
    "fgu_skole": fgu_school,
    "integration_3_2_model": integration,
    "flere_skal_med_2": more_with_us,
}


def initiative_section(catalog: Catalog, initiative: Initiative) -> None:
    """One initiative: purpose, its figures, its goals and its sources."""
    key = f"indsats_{initiative.initiative_id}"
    purpose(initiative)
    try:
        draw = FIGURES.get(initiative.initiative_id)
        if draw is not None:
            draw(catalog, key)
        initiative_goals(catalog, initiative, key)
        source_caption(*(catalog.get(d) for d in initiative.all_dataset_ids))
    except DatasetError as error:
        dataset_error(error)
    except ValueError as error:
        st.error(f"Afsnittet kan ikke vises: {error}", icon=":material/error:")
