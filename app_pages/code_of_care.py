"""Code of Care: the company network, småjobs (paid hours), goals and what is on the table."""

import streamlit as st

from hedensted.code_of_care.cards import activity_cards
from hedensted.code_of_care.charts import network_growth_chart, paid_hours_chart
from hedensted.code_of_care.discussion import discussion
from hedensted.code_of_care.formatting import format_target
from hedensted.code_of_care.goals import code_of_care_goals
from hedensted.code_of_care.kpis import (
    network_kpi,
    paid_hours_kpi,
    paid_hours_ratio_kpi,
    partners_kpi,
)
from hedensted.code_of_care.paid_hours import (
    COUNTRY,
    HEDENSTED,
    PAID_HOURS_DATASET,
    RAR,
    STATUS_DATASET,
    flere_i_job_paid_hours,
    paid_hours_chart_frame,
    paid_hours_comparison,
    paid_hours_note,
)
from hedensted.code_of_care.tables import (
    goals_display,
    goals_export,
    timeline_display,
    timeline_export,
)
from hedensted.code_of_care.timeline import (
    GOAL_TIMELINE_DATASETS,
    TIMELINE_DATASETS,
    filter_years,
    founding_disagreement,
    network_timeline,
    timeline_years,
    year_span,
)
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.code_of_care_cards import (
    escape_markdown,
    event_card,
    list_card,
    process_card,
    static_table,
    story_card,
)
from ui.sections.goals import goals_section as register_goals_section
from ui.sidebar import reference_area
from ui.state.data import get_catalog
from ui.state.url import keep_in_url, url_value
from ui.widgets.components import (
    chart,
    kpi_tile_or_error,
    numbers_table,
    source_caption,
    with_datasets,
)

catalog = get_catalog()
reference = reference_area()
PERIOD_PARAM = "periode"

page_intro(
    "Code of Care Hedensted",
    "Code of Care Hedensted er et netværk af virksomheder, der tager et socialt ansvar: de "
    "ansætter borgere på kontanthjælp og i ressourceforløb i **småjobs** til ordinær løn og er "
    "ambassadører for socialt ansvar over for andre virksomheder. Udvalget skal tage stilling "
    "til netværkets fremtid – en ny Hedensted-model. Siden viser, hvordan netværket er vokset "
    "i forhold til målene, hvad det opnår, og hvad der er til drøftelse.",
)
deck = Deck("coc", "Code of Care", "code_of_care_hedensted")


# --- KPI tiles ------------------------------------------------------------------------
KPI_BUILDERS = [
    ("coc_kpi_netvaerk", lambda: network_kpi(catalog)),
    ("coc_kpi_partnerskab", lambda: partners_kpi(catalog)),
    ("coc_kpi_loennede_timer", lambda: paid_hours_kpi(catalog, reference)),
    ("coc_kpi_gange_landet", lambda: paid_hours_ratio_kpi(catalog)),
]


def key_figures_section() -> None:
    for column, (key, build) in zip(st.columns(4), KPI_BUILDERS, strict=True):
        with column:
            kpi_tile_or_error(catalog, build, key)


deck.section("Nøgletal", key_figures_section, anchor="noegletal")


# --- growth of the network -----------------------------------------------------------------


def growth_section(*datasets):
    timeline = network_timeline(datasets)
    years = timeline_years(timeline)
    left, right = st.columns([3, 1], gap="large")
    with right:
        whole_span = (years[0], years[-1])
        period = url_value(PERIOD_PARAM, whole_span, years)
        if shows_controls():
            period = st.select_slider(
                "Periode",
                options=years,
                value=period,
                key="coc_period",
                help="Vælg de år, figuren viser.",
            )
        first, last = keep_in_url(PERIOD_PARAM, period, whole_span)
        st.markdown(
            "**Sådan læses figuren**\n\n"
            "- Fyldt figur: antal, som dokumentet oplyser det\n"
            "- Hul figur: tilnærmet tal – ordet står ved (fx »næsten«)\n"
            "- Stiplet linje: mål for perioden, punktet står ved fristen\n\n"
            "Hold musen over et punkt for at se dokumentet."
        )
        disagreement = founding_disagreement(timeline)
        if disagreement is not None:
            st.warning(disagreement.sentence, icon=":material/compare_arrows:")
    shown = filter_years(timeline, first, last)
    start, end = year_span(first, last)
    with left:
        chart(network_growth_chart(shown, start, end), key="coc_chart_growth")
    numbers_table(
        timeline_display(shown),
        timeline_export(shown),
        list(datasets),
        key="coc_growth",
        file_name="code_of_care_netvaerk",
    )
    source_caption(*datasets)


deck.datasets_section(
    "Netværkets vækst", catalog, list(TIMELINE_DATASETS), growth_section, "netvaerk"
)


# --- paid hours ------------------------------------------------------------------------------


def paid_hours_section(paid_hours, status):
    left, right = st.columns([3, 2], gap="large")
    with left:
        comparison = paid_hours_comparison(paid_hours.frame)
        st.subheader(f"Kontanthjælp og ressourceforløb, {comparison.period_text}")
        chart(
            paid_hours_chart(
                paid_hours_chart_frame(paid_hours.frame),
                area_order=[HEDENSTED, RAR, COUNTRY],
            ),
            key="coc_chart_paid_hours",
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


deck.datasets_section(
    "Småjobs: andel med lønnede timer",
    catalog,
    [PAID_HOURS_DATASET, STATUS_DATASET],
    paid_hours_section,
    "smaajobs",
)


# --- what the network does ---------------------------------------------------------------


def activities_section(activities_2019, activities_2024):
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

    st.subheader("Arrangementer")
    events = activity_cards(activities_2024.frame, "arrangement")
    for column, (number, card) in zip(
        st.columns(max(len(events), 1), gap="medium"), enumerate(events), strict=False
    ):
        with column:
            event_card(card, key=f"coc_card_event_{number}")

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


deck.datasets_section(
    "Det laver netværket",
    catalog,
    ["code_of_care_aktiviteter_2019", "code_of_care_aktiviteter_2024"],
    activities_section,
    "aktiviteter",
)


# --- goals -------------------------------------------------------------------------------------


def goals_section(goals, paid_hours, *timeline_datasets):
    timeline = network_timeline(timeline_datasets)
    assessments = code_of_care_goals(goals.frame, timeline, paid_hours.frame)
    st.caption(
        "»Senest målt« siger, hvad kilderne viser på hvilken dato. Målenes status efter "
        "målregistrets fælles regel står i afsnittet »Målstatus« og på siden »Mål«."
    )
    static_table(goals_display(assessments))
    st.markdown("**Hvad kan – og kan ikke – konkluderes?**")
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(format_target(a.target_value, a.target_unit, a.comparator))}"
            f"** (frist {escape_markdown(a.deadline_text)}): {escape_markdown(a.explanation)}"
            for a in assessments
        )
    )
    numbers_table(
        goals_display(assessments),
        goals_export(assessments),
        [goals, *timeline_datasets, paid_hours],
        key="coc_goals",
        file_name="code_of_care_maal",
    )
    source_caption(goals, *timeline_datasets, paid_hours)


deck.datasets_section(
    "Mål for Code of Care og småjobs",
    catalog,
    ["projektmaal_2019", PAID_HOURS_DATASET, *GOAL_TIMELINE_DATASETS],
    goals_section,
    "maal",
)


# --- Til drøftelse ------------------------------------------------------------------------------


def discussion_section(questions, strategy, investment_status):
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


DISCUSSION_DATASETS = [
    "temadroeftelse_spoergsmaal",
    "strategi_fokusomraader",
    "investeringsprojekter_status_marts_2024",
]
deck.section(
    "Målstatus",
    lambda: register_goals_section(catalog, "Code of Care", key="coc_maalstatus"),
    anchor="maalstatus",
)
deck.discussion(
    lambda: with_datasets(catalog, DISCUSSION_DATASETS, discussion_section),
    lambda: discussion(*(catalog.get(i).frame for i in DISCUSSION_DATASETS)).questions,
)
deck.show()
