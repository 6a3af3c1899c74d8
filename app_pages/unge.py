"""Unge: the youth unit's offers, young people's courses, apprentices, outcomes and goals."""

import re
from dataclasses import dataclass

import streamlit as st

from hedensted.core.discussion import questions
from hedensted.core.quality import without_totals
from hedensted.core.view_state import ComparisonOptions
from hedensted.present.charts import grouped_bars
from hedensted.present.formatting import (
    format_compact,
    format_long_date,
    format_percent,
    format_value,
)
from hedensted.present.tables import display_table
from hedensted.youth.apprentices import spelling_note, trade_lines, trade_list_note
from hedensted.youth.charts import area_value_bars, count_bars
from hedensted.youth.comparison import (
    DURATION_GROUPS,
    EDUCATION_BENEFIT,
    chart_rows,
    comparison_areas,
    comparison_sentence,
    education_benefit_status,
    job_education_sentence,
    job_education_shares,
    missing_areas_note,
    shown_areas,
    sort_categories,
    status_categories,
)
from hedensted.youth.discussion import discussion_points, split_quotes, youth_focus_areas
from hedensted.youth.frikort import (
    frikort_baselines,
    frikort_indicators,
    frikort_target_lines,
    frikort_target_texts,
    frikort_targets_empty,
    project_description,
)
from hedensted.youth.goals import (
    APPRENTICE_PROJECT,
    apprentice_goal_overview,
    goals_by_indicator,
    goals_with_actual,
    youth_goals_2017,
)
from hedensted.youth.kpis import (
    apprentices_kpi,
    education_benefit_fulltime_kpi,
    education_benefit_outcome_kpi,
    under_18_kpi,
)
from hedensted.youth.offers import (
    NO_AGE_TEXT,
    age_bounds,
    filter_offers,
    most_covered_age,
    offer_places,
    selection_summary,
    with_age_labels,
)
from hedensted.youth.totals import footnotes, total_and_parts
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.goals import goals_section as register_goals_section
from ui.sidebar import reference_area
from ui.state.data import get_catalog
from ui.state.url import keep_in_url, url_value
from ui.widgets.components import (
    chart,
    dataset_details,
    key_note,
    kpi_tile_or_error,
    numbers_table,
    source_caption,
    table,
    with_datasets,
)
from ui.widgets.controls import comparison_controls
from ui.widgets.period_control import period_controls

catalog = get_catalog()
reference = reference_area()

page_intro("Unge", "")
# After an import a table can have several periods: newest by default, older by choice.
catalog = period_controls(
    catalog,
    [
        ("status_efter_afsluttet_forloeb", "unge_status", "Periode, status efter forløb"),
        ("varighed_afsluttede_forloeb", "unge_varighed", "Periode, varighed"),
        ("fuldtidspersoner_pct_arbejdsstyrke", "unge_fuldtid", "Periode, fuldtidspersoner"),
    ],
    show=shows_controls(),
)
deck = Deck("unge", "Unge", "unge_hedensted")


def as_text(text: str) -> str:
    """Source text shown literally (asterisks in footnote marks are not Markdown)."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", str(text))


def numbers_for(frame, columns, formats, datasets, key: str, file_name: str) -> None:
    """A "Vis tal" expander of ``columns`` (name → Danish heading) of ``frame``."""
    numbers_table(
        display_table(frame, columns, formats),
        frame[list(columns)].rename(columns=columns).reset_index(drop=True),
        datasets,
        key=key,
        file_name=file_name,
    )


def intro(strategy) -> None:
    focus = youth_focus_areas(strategy.frame)
    st.markdown(
        "Ungeenhedens tilbud, de unges forløb, voksenlærlinge, resultater for uddannelseshjælp "
        "og målene for unge – samlet fra udvalgets dokumenter.\n\n"
        + "\n".join(f"- **{row['list']}:** {row['text']}" for _, row in focus.iterrows())
    )
    source_caption(strategy)


KPI_BUILDERS = [
    ("unge_kpi_voksenlaerlinge", lambda: apprentices_kpi(catalog)),
    ("unge_kpi_under_18", lambda: under_18_kpi(catalog)),
    ("unge_kpi_job_uddannelse", lambda: education_benefit_outcome_kpi(catalog, reference)),
    ("unge_kpi_fuldtid", lambda: education_benefit_fulltime_kpi(catalog, reference)),
]


def key_figures_section() -> None:
    with_datasets(catalog, ["strategi_fokusomraader"], intro)
    for column, (key, build) in zip(st.columns(4), KPI_BUILDERS, strict=True):
        with column:
            kpi_tile_or_error(catalog, build, key)


deck.section("Nøgletal og fokus", key_figures_section, anchor="noegletal")

# --- Tilbud til unge -------------------------------------------------------


def offer_card(row) -> None:
    with st.container(border=True):
        st.markdown(f"**{as_text(row['offer'])}**")
        st.caption(f"{row['place']} · {row['age_label']}")
        st.markdown(f"**Målgruppe:** {as_text(row['target_group']) or 'ikke angivet i kilden'}")
        st.markdown(f"**Indhold og formål:** {as_text(row['description'])}")


def offer_grid(offers, columns: int = 3) -> None:
    labelled = with_age_labels(offers)
    for start in range(0, len(labelled), columns):
        cells = st.columns(columns)
        chunk = labelled.iloc[start : start + columns]
        for cell, (_, row) in zip(cells, chunk.iterrows(), strict=False):
            with cell:
                offer_card(row)


@dataclass(frozen=True)
class OfferFilters:
    age_on: bool
    age: int
    places: list[str]
    search: str


def offer_filters(start: OfferFilters, low: int, high: int, places: list[str]) -> OfferFilters:
    """Age, place and search, starting from the link's values."""
    with st.container(border=True, key="unge_offer_filters"):
        age_column, place_column, search_column = st.columns([3, 3, 4])
        with age_column:
            age_on = st.toggle("Filtrér efter alder", value=start.age_on, key="unge_age_on")
            age = st.slider(
                "Alder (år)",
                min_value=low,
                max_value=high,
                value=start.age,
                key="unge_age",
                disabled=not age_on,
                help="Viser tilbud, hvis aldersgruppe omfatter den valgte alder.",
            )
        with place_column:
            chosen_places = st.multiselect(
                "Sted", places, default=start.places, key="unge_place", placeholder="Alle steder"
            )
        with search_column:
            search = st.text_input(
                "Søg i tilbuddene",
                value=start.search,
                key="unge_search",
                placeholder="fx gaming, misbrug, forældre",
            )
    return OfferFilters(age_on, age, chosen_places, search)


def offers_section(dataset) -> None:
    st.caption(
        "Ungeenhedens tilbud på Rørkjærgaard og Daugaard, som de præsenteres i temadrøftelsen."
    )
    offers = dataset.frame
    low, high = age_bounds(offers)
    places_offered = offer_places(offers)
    start = OfferFilters(
        age_on=url_value("alder_til", True),
        age=url_value("alder", most_covered_age(offers), list(range(low, high + 1))),
        places=url_value("sted", [], places_offered),
        search=url_value("soeg", ""),
    )
    chosen = offer_filters(start, low, high, places_offered) if shows_controls() else start
    age_on = keep_in_url("alder_til", chosen.age_on, True)
    age = keep_in_url("alder", chosen.age, most_covered_age(offers))
    places = keep_in_url("sted", chosen.places, [])
    search = keep_in_url("soeg", chosen.search, "")
    selection = filter_offers(offers, age if age_on else None, places, search)
    st.markdown(selection_summary(selection, places, search))
    if selection.matching.empty:
        st.info("Ingen tilbud passer til valget.", icon=":material/search:")
    else:
        offer_grid(selection.matching)
    if not selection.without_age.empty:
        st.subheader(f"Tilbud hvor {NO_AGE_TEXT}", anchor="alder-ikke-angivet")
        st.caption(
            "Kilden giver ingen alder for disse tilbud. De tæller derfor ikke som et match på "
            "alder, men vises her, så de ikke overses – læs målgruppen."
        )
        offer_grid(selection.without_age)
    dataset_details(dataset, key="unge_tilbud")


deck.datasets_section("Tilbud til unge", catalog, ["ungeenhedens_tilbud"], offers_section, "tilbud")

# --- Unge under 18 ----------------------------------------------------------


def under_18_section(dataset) -> None:
    item = total_and_parts(dataset)
    left, right = st.columns([1, 2], gap="large")
    with left:
        st.metric(
            f"Offentliggjort total (»{item.total_label}«)",
            format_compact(item.published_total),
            border=True,
        )
        st.metric("Sum af tilbudstyperne", format_compact(item.sum_of_parts), border=True)
    with right:
        chart(
            count_bars(
                without_totals(dataset),
                category="offer_type",
                category_title="Tilbudstype",
                value_title="Antal",
                decimals=dataset.metadata.decimals,
            ),
            key="unge_chart_under_18",
        )
        for note in footnotes(dataset.frame, "offer_type"):
            st.caption(f"Fodnote i kilden – {note}")
    dataset_details(dataset, key="unge_under_18")


deck.datasets_section(
    "Unge under 18 – afsluttede forløb 2023",
    catalog,
    ["unge_under_18_afsluttede_tilbud"],
    under_18_section,
    "under-18",
)

# --- Voksenlærlinge -----------------------------------------------------------


def apprentices_section(ages, trades) -> None:
    item = total_and_parts(ages)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(f"Efter alder, {ages.metadata.period_label}")
        first, second = st.columns(2)
        first.metric(
            f"Offentliggjort total (»{item.total_label}«)",
            format_compact(item.published_total),
            border=True,
        )
        second.metric("Sum af aldersgrupperne", format_compact(item.sum_of_parts), border=True)
        chart(
            count_bars(
                without_totals(ages),
                category="age_group",
                category_title="Alder",
                value_title="Antal i voksenlære",
                decimals=ages.metadata.decimals,
            ),
            key="unge_chart_voksenlaerlinge",
            title=f"Efter alder, {ages.metadata.period_label}",
        )
        dataset_details(ages, key="unge_voksenlaerlinge")
    with right:
        st.subheader("Fag")
        lines = trade_lines(trades.frame)
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.caption(trade_list_note(trades.frame, item))
        if note := spelling_note(trades.frame):
            st.caption(note)
        source_caption(trades)


def apprentice_goals_section(goals) -> None:
    st.subheader(f"Mål for {APPRENTICE_PROJECT.lower()} 2019–2020")
    texts, with_target = apprentice_goal_overview(goals.frame, goals.metadata.source_date)
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.markdown("**Målsætningerne (som skrevet)**")
        for text, note in texts:
            st.markdown(f"> {as_text(text)}")
            if note:
                st.caption(note)
    with right:
        cells = st.columns(max(len(with_target), 1))
        for cell, (_, row) in zip(cells, with_target.iterrows(), strict=False):
            with cell, st.container(border=True):
                st.metric(f"Mål {row['deadline']}: {row['target']}", row["status"])
                st.markdown(f"Status: »{row['status_text']}«")
                st.caption(row["assessment"])
        st.caption(
            f"Status er givet på mødet ({goals.metadata.source_date_label}). "
            "»Indeværende år« i statusteksten er mødets år, ikke målåret. Målenes status "
            "efter målregistrets fælles regel står i afsnittet »Målstatus« og på siden »Mål«."
        )
    source_caption(goals)


deck.parts_section(
    "Voksenlærlinge",
    catalog,
    [
        (["voksenlaerlinge_alder", "voksenlaerlinge_fag"], apprentices_section),
        (["projektmaal_2019"], apprentice_goals_section),
    ],
    "voksenlaerlinge",
)

# --- Uddannelseshjælp sammenlignet ---------------------------------------------


def comparison_section(status, published, duration, fulltime) -> None:
    options = ComparisonOptions(
        areas=comparison_areas(
            education_benefit_status(status.frame), duration.frame, fulltime.frame
        ),
        groups=status_categories(status.frame),
        default_areas=comparison_areas(education_benefit_status(status.frame)),
    )
    choice = comparison_controls(options, key="unge")
    areas = shown_areas(choice)

    st.subheader(f"Status 1 måned efter afsluttet forløb ({status.metadata.period_label})")
    st.markdown(job_education_sentence(status.frame, choice.reference))
    if not choice.groups:
        st.info("Vælg mindst én status under »Grupper« for at se figuren.", icon=":material/info:")
    else:
        rows, present, missing = chart_rows(
            education_benefit_status(status.frame), areas, "category", choice.groups
        )
        if note := missing_areas_note(missing):
            st.caption(note)
        chart(
            grouped_bars(
                rows,
                category="category",
                category_title="Status 1 måned efter",
                value_title="Pct. af afsluttede forløb",
                decimals=status.metadata.decimals,
                area_order=present,
                category_order=sort_categories(rows, choice.sort, choice.reference),
            ),
            key="unge_chart_status",
            title=f"Status 1 måned efter afsluttet forløb ({status.metadata.period_label})",
        )
    shares = job_education_shares(status.frame, published.frame, areas)
    shares_table = display_table(
        shares,
        {
            "area": "Område",
            "share": "Lønmodtagerbeskæftigelse + uddannelse (beregnet)",
            "statement": "Kildens eget udsagn",
        },
        {"share": format_percent},
    )
    table(shares_table, key="unge_andel_job_uddannelse")
    numbers_for(
        education_benefit_status(status.frame),
        {"area": "Område", "category": "Status 1 måned efter", "value": "Andel"},
        {"value": format_percent},
        [status],
        key="unge_status",
        file_name="status_efter_afsluttet_forloeb",
    )
    source_caption(status, published)

    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(f"Gennemsnitlig varighed ({duration.metadata.period_label})")
        rows, present, missing = chart_rows(duration.frame, areas, "target_group", DURATION_GROUPS)
        for group in DURATION_GROUPS:
            st.markdown(
                "- "
                + comparison_sentence(
                    duration.frame,
                    choice.reference,
                    group,
                    duration.metadata.short_unit,
                    "kortere end",
                    "længere end",
                    decimals=duration.metadata.decimals or 0,
                    target_group=group,
                )
            )
        if note := missing_areas_note(missing):
            st.caption(note)
        chart(
            grouped_bars(
                rows,
                category="target_group",
                category_title="Målgruppe",
                value_title=f"Gennemsnitlig varighed ({duration.metadata.short_unit})",
                decimals=duration.metadata.decimals,
                area_order=present,
                category_order=list(DURATION_GROUPS),
            ),
            key="unge_chart_varighed",
            title=f"Gennemsnitlig varighed ({duration.metadata.period_label})",
        )
        st.caption(
            "Dokumentet angiver ikke enheden; Jobindsats.dk opgør varigheden i uger, "
            "og størrelserne passer med uger."
        )
        numbers_for(
            rows,
            {"target_group": "Målgruppe", "area": "Område", "value": "Varighed"},
            {"value": lambda v: format_value(v, duration.metadata.short_unit, 1)},
            [duration],
            key="unge_varighed",
            file_name="unge_varighed",
        )
        source_caption(duration)
    with right:
        st.subheader(
            f"Uddannelseshjælp i pct. af arbejdsstyrken ({fulltime.metadata.period_label})"
        )
        rows, present, missing = chart_rows(fulltime.frame, areas, "group", [EDUCATION_BENEFIT])
        st.markdown(
            "- "
            + comparison_sentence(
                fulltime.frame,
                choice.reference,
                "Fuldtidspersoner på uddannelseshjælp",
                "%",
                "lavere end",
                "højere end",
                group=EDUCATION_BENEFIT,
            )
        )
        if note := missing_areas_note(missing):
            st.caption(note)
        chart(
            area_value_bars(
                rows,
                value_title="Pct. af arbejdsstyrken 16-66 år",
                decimals=fulltime.metadata.decimals,
                area_order=present,
            ),
            key="unge_chart_fuldtid",
            title=f"Uddannelseshjælp i pct. af arbejdsstyrken ({fulltime.metadata.period_label})",
        )
        numbers_for(
            rows,
            {"area": "Område", "value": "Pct. af arbejdsstyrken"},
            {"value": format_percent},
            [fulltime],
            key="unge_fuldtid",
            file_name="unge_uddannelseshjaelp_fuldtid",
        )
        source_caption(fulltime)


deck.datasets_section(
    "Uddannelseshjælp sammenlignet med andre områder",
    catalog,
    [
        "status_efter_afsluttet_forloeb",
        "status_andel_job_uddannelse_publiceret",
        "varighed_afsluttede_forloeb",
        "fuldtidspersoner_pct_arbejdsstyrke",
    ],
    comparison_section,
    "uddannelseshjaelp",
)

# --- Hvad laver de 17-25 årige -------------------------------------------------


def missing_figures_section(offers) -> None:
    meta = offers.metadata
    missing = (
        "**Ikke i kildematerialet.** Temadrøftelsen har tre dias med overskriften »Hvad laver "
        "de 17-25 årige i Hedensted Kommune?« og et dias »De unges vej fra folkeskolen«, men "
        "figurerne er billeder uden tal i kildematerialet. Dashboardet viser derfor ingen tal "
        "for, hvad de unge laver, i stedet for at gætte."
    )
    key_note(missing, icon=":material/image_not_supported:")  # on the slide too
    st.caption(f"Kilde: {meta.source_document}, fil {meta.seed_file}.")


deck.datasets_section(
    "Hvad laver de 17-25-årige i Hedensted Kommune?",
    catalog,
    ["ungeenhedens_tilbud"],
    missing_figures_section,
    "17-25-aarige",
)

# --- Mål for unge ---------------------------------------------------------------


def goal_card(indicator, rows) -> None:
    with st.container(border=True):
        st.markdown(f"**{indicator}**")
        for _, row in rows.iterrows():
            st.markdown(f"- **{row['year']}:** {row['summary']}  \n  *{row['assessment']}*")


def youth_goals_section(youth_goals, result_goals) -> None:
    st.subheader("Beskæftigelsesplan 2017: mål for de unge frem mod 2018")
    for goal in goals_with_actual(youth_goals.frame):
        left, right = st.columns([1, 1], gap="large")
        with left:
            st.metric(
                goal.indicator,
                goal.actual_text,
                delta=goal.gap_text,
                border=True,
                help=f"Kilden: »{goal.actual_note}« (uden dato).",
            )
        with right:
            st.markdown(f"**Målet som skrevet:** »{goal.goal}«")
            st.caption(
                "Det aktuelle tal står uden dato i planen "
                f"({youth_goals.metadata.source_date_label})."
            )
    goals = youth_goals_2017(youth_goals.frame, result_goals.frame)
    groups = goals_by_indicator(goals)
    for start in range(0, len(groups), 3):
        cells = st.columns(3)
        for cell, (indicator, rows) in zip(cells, groups[start : start + 3], strict=False):
            with cell:
                goal_card(indicator, rows)
    st.caption(
        "Planen siger, at det evalueres i 2018, om målene er nået; evalueringen er ikke i "
        "kildematerialet."
    )
    numbers_for(
        goals,
        {
            "indicator": "Indikator",
            "goal": "Mål (som skrevet)",
            "year": "Målår",
            "target": "Måltal",
            "actual": "Aktuelt tal",
            "assessment": "Vurdering",
        },
        {},
        [youth_goals, result_goals],
        key="unge_maal_2017",
        file_name="unge_maal_2017",
    )
    source_caption(youth_goals, result_goals)


def frikort_section(projects, indicators, target_numbers) -> None:
    project = project_description(projects.frame)
    st.subheader(f"Investeringsprojekt: {project['project']}")
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(
            f"**Målgruppe:** {project['target_group']}\n\n"
            f"**Afsæt og formål:** {project['purpose']}\n\n"
            f"**Fokusområder:** {project['focus_areas']}"
        )
        source_caption(projects)
        st.markdown(
            "**Måltal for investeringen (fuldtidspersoner):**\n"
            + "\n".join(
                f"- {text}"
                for text in frikort_target_texts(frikort_target_lines(target_numbers.frame))
            )
        )
        source_caption(target_numbers)
    with right:
        baselines = frikort_baselines(indicators.frame)
        st.markdown("**Startmåling i statusskemaet**")
        for _, row in baselines.iterrows():
            st.metric(
                f"{row['indicator']} ({row['baseline_label']})",
                format_compact(row["baseline_value"]),
                border=True,
            )
            st.caption(row["baseline_note"])
        if frikort_targets_empty(indicators.frame):
            st.markdown(
                "Skemaets mål for august 2024, januar 2025 og januar 2026 er tomme i kilden."
            )
        source_caption(indicators)
    frikort = frikort_indicators(indicators.frame)
    numbers_for(
        frikort,
        {
            "indicator": "Indikator",
            "section": "Hører under",
            "baseline_value": "Startmåling",
            "baseline_label": "Tidspunkt",
            "target_2024_08": "Mål aug. 2024",
            "target_2025_01": "Mål jan. 2025",
            "target_2026_01": "Slutmål jan. 2026",
        },
        {
            "baseline_value": format_compact,
            "target_2024_08": format_compact,
            "target_2025_01": format_compact,
            "target_2026_01": format_compact,
        },
        [indicators],
        key="unge_frikort",
        file_name="socialt_frikort_statusskema",
    )


deck.parts_section(
    "Mål for unge",
    catalog,
    [
        (["ungemaal_2016_2018", "resultatmaal_2017"], youth_goals_section),
        (
            ["investeringsprojekter", "statusskema_indikatorer", "maaltal_investeringer"],
            frikort_section,
        ),
    ],
    "maal",
)

# --- Til drøftelse ----------------------------------------------------------------


def discussion_section(points) -> None:
    statements, quotes = split_quotes(discussion_points(points.frame))
    st.caption(
        f"Temadrøftelsen {format_long_date(points.metadata.source_date)}: livslang læring og "
        "»job før uddannelse«."
    )
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**Pointer**")
        st.markdown("\n".join(f"- {as_text(text)}" for text in statements["text"]))
    with right:
        st.markdown("**Citater (job før uddannelse)**")
        for _, row in quotes.iterrows():
            st.markdown(f"> {as_text(row['text'])}\n>\n> — {as_text(row['note'])}")
    source_caption(points)


deck.section(
    "Målstatus",
    lambda: register_goals_section(catalog, "Unge", key="unge_maalstatus"),
    anchor="maalstatus",
)
deck.discussion(
    lambda: with_datasets(catalog, ["temadroeftelse_spoergsmaal"], discussion_section),
    lambda: questions(discussion_points(catalog.get("temadroeftelse_spoergsmaal").frame)),
)
deck.show()
