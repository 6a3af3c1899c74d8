"""The sections of the "Code of Care" page (layout only; every figure and sentence from
:mod:`hedensted.code_of_care`; the cards are in :mod:`ui.sections.code_of_care_cards`).

Each ``*_section`` function draws one section from its datasets, in the order the
page registers them in its deck.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from hedensted.code_of_care.cards import activity_cards
from hedensted.code_of_care.charts import network_growth_chart, paid_hours_areas_chart
from hedensted.code_of_care.discussion import discussion
from hedensted.code_of_care.goals import CODE_OF_CARE_GOALS
from hedensted.code_of_care.kpis import (
    network_kpi,
    paid_hours_kpi,
    paid_hours_ratio_kpi,
    partners_kpi,
)
from hedensted.code_of_care.paid_hours import (
    flere_i_job_paid_hours,
    paid_hours_comparison,
    paid_hours_note,
)
from hedensted.code_of_care.tables import paid_hours_tables, timeline_display, timeline_export
from hedensted.code_of_care.timeline import (
    TIMELINE_DATASETS,
    filter_years,
    founding_disagreement,
    growth_headline,
    network_timeline,
    timeline_years,
    year_span,
)
from hedensted.core.catalog import Catalog, Dataset
from hedensted.present.markdown import escape_markdown
from ui.deck.presentation import is_presentation
from ui.deck.section_deck import shows_controls
from ui.sections.code_of_care_cards import (
    event_card,
    list_card,
    process_card,
    story_card,
)
from ui.sections.goals import goal_cards
from ui.state.data import get_catalog
from ui.state.memo import remember_domain_functions
from ui.state.url import keep_in_url, url_value
from ui.widgets import components
from ui.widgets.components import computed_kpis, kpi_row, numbers_table, source_caption

remember_domain_functions(globals())  # same data and choices → same frames and specs

PERIOD_PARAM = "periode"
DISCUSSION_DATASETS = [
    "temadroeftelse_spoergsmaal",
    "strategi_fokusomraader",
    "investeringsprojekter_status_marts_2024",
]


def growth_slide_headline(catalog: Catalog) -> str:
    """The message of the growth slide (:func:`growth_headline`)."""
    return growth_headline(network_timeline([catalog.get(i) for i in TIMELINE_DATASETS]))


def paid_hours_slide_headline(catalog: Catalog, reference: str) -> str:
    """The message of the småjobs slide: the share with paid hours against the region and
    the country (the key figure's sentence)."""
    return paid_hours_kpi(catalog, reference).sentence


def key_figures_section(catalog: Catalog, reference: str) -> None:
    """The page's four key-figure tiles."""
    tiles = {
        "netvaerk": lambda: network_kpi(catalog),
        "partnerskab": lambda: partners_kpi(catalog),
        "loennede_timer": lambda: paid_hours_kpi(catalog, reference),
        "gange_landet": lambda: paid_hours_ratio_kpi(catalog),
    }
    kpi_row(catalog, computed_kpis(tiles), "coc_kpi_")


def growth_section(*datasets: Dataset) -> None:
    """The network's growth against its goals, over the years chosen (kept in the URL)."""
    timeline = network_timeline(datasets)
    years = timeline_years(timeline)
    # On a slide the chart takes the width; the reading guide is one line under it.
    left, right = (
        (st.container(), st.container()) if is_presentation() else st.columns([3, 1], gap="large")
    )
    with right:
        whole_span = (years[0], years[-1])
        # The URL codec and the slider return loose types; the value is a pair of years.
        period = cast(tuple[int, int], url_value(PERIOD_PARAM, whole_span, years))
        if shows_controls():
            period = st.select_slider(
                "Periode",
                options=years,
                value=period,
                key="coc_period",
                help="Vælg de år, figuren viser.",
            )
        first, last = cast(tuple[int, int], keep_in_url(PERIOD_PARAM, period, whole_span))
        disagreement = founding_disagreement(timeline)
        if is_presentation():
            st.caption(
                "Fyldt figur: antal som oplyst · hul figur: tilnærmet tal (»næsten«) · "
                "stiplet linje: mål, punktet ved fristen."
                + (f" ¹ {disagreement.sentence}" if disagreement is not None else "")
            )
    if not is_presentation():
        with right:
            st.markdown(
                "**Sådan læses figuren**\n\n"
                "- Fyldt figur: antal, som dokumentet oplyser det\n"
                "- Hul figur: tilnærmet tal – ordet står ved (fx »næsten«)\n"
                "- Stiplet linje: mål for perioden, punktet står ved fristen\n\n"
                "Hold musen over et punkt for at se dokumentet."
            )
            if disagreement is not None:
                st.caption(f"¹ {disagreement.sentence}")
    shown = filter_years(timeline, first, last)
    start, end = year_span(first, last)
    with left:
        # Looked up at call time, so a test can wrap the widget.
        components.chart(network_growth_chart(shown, start, end), key="coc_chart_growth")
    numbers_table(
        timeline_display(shown),
        timeline_export(shown),
        list(datasets),
        key="coc_growth",
        file_name="code_of_care_netvaerk",
    )
    source_caption(*datasets)


def paid_hours_section(paid_hours: Dataset, status: Dataset) -> None:
    """Småjobs: the share with paid hours against RAR and the country, and »Flere i job«."""
    left, right = st.columns([3, 2], gap="large")
    with left:
        comparison = paid_hours_comparison(paid_hours.frame)
        st.subheader(f"Kontanthjælp og ressourceforløb, {comparison.period_text}")
        components.chart(paid_hours_areas_chart(paid_hours.frame), key="coc_chart_paid_hours")
        shown, export = paid_hours_tables(paid_hours.frame)
        numbers_table(
            shown,
            export,
            [paid_hours],
            key="coc_paid_hours",
            file_name="code_of_care_loennede_timer",
            title="Andel med lønnede timer pr. målgruppe og område",
        )
        source_caption(paid_hours)
        st.info(paid_hours_note(paid_hours, status), icon=":material/info:")
    with right:
        values = flere_i_job_paid_hours(status.frame)
        st.subheader(f"»Flere i job«, startmåling {values[0].date_text}")
        for number, value in enumerate(values):
            with st.container(border=True, key=f"coc_flere_i_job_{number}"):
                st.metric(
                    f"{value.target_group}: andel med løntimer",
                    value.share_text,
                    help="Startmåling i investeringsprojektet »Flere i job«.",
                )
                st.caption(f"{value.count_text} · {value.milestones_text}")
        source_caption(status)


def activities_section(activities_2019: Dataset, activities_2024: Dataset) -> None:
    """What the network does: Task Force, the process, events, good stories and prizes."""
    task_force_section(activities_2019, activities_2024)
    events_section(activities_2024)
    stories_section(activities_2024)


ACTIVITY_SLIDES = (
    "Task Forcen og en ny Hedensted-model",
    "Arrangementer i netværket",
    "Gode historier, priser og certificering",
)


def task_force_section(activities_2019: Dataset, activities_2024: Dataset) -> None:
    """The Task Force's activities (2019) and the process towards a new model."""
    first, second = st.columns(2, gap="medium")
    with first:
        list_card(
            "Task Forcens aktiviteter",
            ":material/groups:",
            [card.title for card in activity_cards(activities_2019.frame)],
            key="coc_card_task_force",
            caption=activities_2019.metadata.period_label,
        )
        source_caption(activities_2019)
    with second:
        for number, card in enumerate(activity_cards(activities_2024.frame, "proces")):
            process_card(card, key=f"coc_card_process_{number}")


def events_section(activities_2024: Dataset) -> None:
    """The network's events."""
    if not is_presentation():
        st.subheader("Arrangementer")
    events = activity_cards(activities_2024.frame, "arrangement")
    for column, (number, card) in zip(
        st.columns(max(len(events), 1), gap="medium"), enumerate(events), strict=False
    ):
        with column:
            event_card(card, key=f"coc_card_event_{number}")

    if is_presentation():
        source_caption(activities_2024)


def stories_section(activities_2024: Dataset) -> None:
    """Good stories (with their videos), prizes and certification."""
    if not is_presentation():
        st.subheader("Gode historier, priser og certificering")
    stories = activity_cards(activities_2024.frame, "god historie")
    columns = st.columns(len(stories) + 1, gap="medium")
    for column, (number, card) in zip(columns, enumerate(stories), strict=False):
        with column:
            story_card(card, key=f"coc_card_story_{number}")
    with columns[-1]:
        list_card(
            "Priser og certificering",
            ":material/emoji_events:",
            [card.title for card in activity_cards(activities_2024.frame, "pris")],
            key="coc_card_prizes",
        )
    source_caption(activities_2024)


def goals_section(*_datasets: Dataset) -> None:
    """The goals for Code of Care and småjobs with the goal register's verdict and evidence
    (the same judge as »Målstatus« and the Mål page); the datasets are their evidence."""
    goal_cards(get_catalog(), CODE_OF_CARE_GOALS, key="coc_goals")


def discussion_section(questions: Dataset, strategy: Dataset, investment_status: Dataset) -> None:
    """The theme's points and questions, the related slide, and the strategic focus area."""
    points = discussion(questions.frame, strategy.frame, investment_status.frame)
    first, second, third = st.columns(3, gap="medium")
    with first, st.container(border=True, key="coc_discussion_theme"):
        st.markdown("#### :material/forum: Temaet Code of Care")
        st.markdown("\n".join(f"- {escape_markdown(p)}" for p in points.theme_points))
        if points.theme_questions:
            st.markdown("\n".join(f"- **{escape_markdown(q)}**" for q in points.theme_questions))
        else:
            st.caption("Temadrøftelsen stiller ingen spørgsmål under selve temaet Code of Care.")
        for pending in points.pending:
            st.markdown(f":material/pending: **Afventer beslutning:** {escape_markdown(pending)}")
    with second, st.container(border=True, key="coc_discussion_related"):
        st.markdown(f"#### :material/help: Fra diaset »{escape_markdown(points.related_slide)}«")
        st.markdown("\n".join(f"- {escape_markdown(p)}" for p in points.related_points))
        for question in points.related_questions:
            st.markdown(f"**Spørgsmål:** {escape_markdown(question)}")
    with third, st.container(border=True, key="coc_discussion_focus"):
        st.markdown("#### :material/flag: Strategisk afsæt")
        st.markdown(
            f"**Fokusområde {points.focus_area_number}:** {escape_markdown(points.focus_area)}"
        )
    source_caption(questions, investment_status, strategy)


def discussion_questions(catalog: Catalog) -> list[str]:
    """The discussion's questions on Code of Care (for the export's last slide)."""
    return list(discussion(*(catalog.get(i).frame for i in DISCUSSION_DATASETS)).questions)
