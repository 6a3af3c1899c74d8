"""The sections of the "Unge" page (layout only; every figure and sentence from
:mod:`hedensted.youth`).

Each ``*_section`` function draws one section (or one part of it) from its
datasets, in the order the page registers them in its deck.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import altair as alt
import pandas as pd
import streamlit as st

from hedensted.core.catalog import Catalog, Dataset
from hedensted.core.compare import sort_categories
from hedensted.core.discussion import questions
from hedensted.core.quality import TotalDifference
from hedensted.core.view_state import ComparisonChoice, ComparisonOptions, SortOrder
from hedensted.present.formatting import (
    format_compact,
    format_long_date,
    format_percent,
    format_value,
)
from hedensted.present.markdown import escape_markdown
from hedensted.present.tables import display_table
from hedensted.youth.apprentices import spelling_footnote, trade_lines, trade_list_note
from hedensted.youth.charts import (
    apprentice_ages_chart,
    duration_chart,
    fulltime_chart,
    status_chart,
    under_18_chart,
)
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
from hedensted.youth.goals import APPRENTICE_GOALS, APPRENTICE_PROJECT, YOUTH_GOALS_2017
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
from hedensted.youth.totals import footnotes, largest_parts_headline, total_and_parts
from ui.deck.presentation import is_presentation
from ui.deck.section_deck import shows_controls
from ui.sections.goals import goal_cards
from ui.state.data import get_catalog
from ui.state.memo import remember_domain_functions
from ui.state.url import keep_in_url, url_params, url_value
from ui.widgets import components
from ui.widgets.components import (
    computed_kpis,
    dataset_details,
    key_bullets,
    key_note,
    kpi_row,
    numbers_table,
    source_caption,
    table,
    with_datasets,
)
from ui.widgets.controls import choice_from_params, comparison_controls

remember_domain_functions(globals())  # same data and choices → same frames and specs

DISCUSSION_DATASET = "temadroeftelse_spoergsmaal"


def as_text(text: str) -> str:
    """Source text shown literally (asterisks in footnote marks are not Markdown)."""
    return escape_markdown(text)


def chart(figure: alt.TopLevelMixin, key: str, title: str = "") -> None:
    """Draw ``figure`` (looked up at call time, so a test can wrap the widget)."""
    components.chart(figure, key=key, title=title)


def numbers_for(
    frame: pd.DataFrame,
    columns: Mapping[str, str],
    formats: Mapping[str, Callable[..., str]],
    datasets: Sequence[Dataset],
    key: str,
    file_name: str,
) -> None:
    """A "Vis tal" expander of ``columns`` (name → Danish heading) of ``frame``."""
    numbers_table(
        display_table(frame, dict(columns), dict(formats)),
        frame[list(columns)].rename(columns=dict(columns)).reset_index(drop=True),
        list(datasets),
        key=key,
        file_name=file_name,
    )


def grid(items: Sequence[Any], draw: Callable[[Any], None], columns: int = 3) -> None:
    """``items`` in rows of ``columns`` cells, each drawn by ``draw``."""
    for start in range(0, len(items), columns):
        cells = st.columns(columns)
        for cell, item in zip(cells, items[start : start + columns], strict=False):
            with cell:
                draw(item)


def published_total(places: Sequence[Any], item: TotalDifference, parts_label: str) -> None:
    """The published total and the sum of its parts, as two bordered metrics in ``places``."""
    places[0].metric(
        f"Offentliggjort total (»{item.total_label}«)",
        format_compact(item.published_total),
        border=True,
    )
    places[1].metric(parts_label, format_compact(item.sum_of_parts), border=True)


# --- Nøgletal og fokus ----------------------------------------------------------------


def _intro(strategy: Dataset) -> None:
    focus = youth_focus_areas(strategy.frame)
    intro = (
        ""
        if is_presentation()  # a slide keeps the focus areas, not the page's introduction
        else "Ungeenhedens tilbud, de unges forløb, voksenlærlinge, resultater for "
        "uddannelseshjælp og målene for unge – samlet fra udvalgets dokumenter.\n\n"
    )
    st.markdown(
        intro + "\n".join(f"- **{row['list']}:** {row['text']}" for _, row in focus.iterrows())
    )
    source_caption(strategy)


def key_figures_section(catalog: Catalog, reference: str) -> None:
    """The focus areas from the strategy and the page's four key-figure tiles."""
    with_datasets(catalog, ["strategi_fokusomraader"], _intro)
    tiles = {
        "voksenlaerlinge": lambda: apprentices_kpi(catalog),
        "under_18": lambda: under_18_kpi(catalog),
        "job_uddannelse": lambda: education_benefit_outcome_kpi(catalog, reference),
        "fuldtid": lambda: education_benefit_fulltime_kpi(catalog, reference),
    }
    kpi_row(catalog, computed_kpis(tiles), "unge_kpi_")


# --- Tilbud til unge --------------------------------------------------------------------


def _offer_card(row: pd.Series) -> None:
    with st.container(border=True):
        st.markdown(f"**{as_text(row['offer'])}**")
        st.caption(f"{row['place']} · {row['age_label']}")
        st.markdown(f"**Målgruppe:** {as_text(row['target_group']) or 'ikke angivet i kilden'}")
        st.markdown(f"**Indhold og formål:** {as_text(row['description'])}")


def _offer_grid(offers: pd.DataFrame) -> None:
    if is_presentation():
        # A slide lists the offers by place; the cards' texts are for reading at a desk.
        labelled = with_age_labels(offers)
        places = list(dict.fromkeys(labelled["place"]))
        for cell, place in zip(st.columns(max(len(places), 1)), places, strict=False):
            rows = labelled[labelled["place"] == place]
            cell.markdown(
                f"**{place}**\n\n"
                + "\n".join(
                    f"- {as_text(r['offer'])} ({r['age_label']})" for _, r in rows.iterrows()
                )
            )
        return
    grid([row for _, row in with_age_labels(offers).iterrows()], _offer_card)


@dataclass(frozen=True)
class OfferFilters:
    age_on: bool
    age: int
    places: list[str]
    search: str


def _offer_filters(start: OfferFilters, low: int, high: int, places: list[str]) -> OfferFilters:
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


def offers_section(dataset: Dataset) -> None:
    """The youth unit's offers, filtered by age, place and search (kept in the URL)."""
    st.caption(
        "Ungeenhedens tilbud på Rørkjærgaard og Daugaard, som de præsenteres i temadrøftelsen."
    )
    offers = dataset.frame
    low, high = age_bounds(offers)
    places_offered = offer_places(offers)
    # The URL codec returns its union type; each value has its default's type.
    start = OfferFilters(
        age_on=cast(bool, url_value("alder_til", True)),
        age=cast(int, url_value("alder", most_covered_age(offers), list(range(low, high + 1)))),
        places=cast(list[str], url_value("sted", [], places_offered)),
        search=cast(str, url_value("soeg", "")),
    )
    chosen = _offer_filters(start, low, high, places_offered) if shows_controls() else start
    age_on = keep_in_url("alder_til", chosen.age_on, True)
    age = cast(int, keep_in_url("alder", chosen.age, most_covered_age(offers)))
    places = cast(list[str], keep_in_url("sted", chosen.places, []))
    search = cast(str, keep_in_url("soeg", chosen.search, ""))
    selection = filter_offers(offers, age if age_on else None, places, search)
    st.markdown(selection_summary(selection, places, search))
    if selection.matching.empty:
        st.info("Ingen tilbud passer til valget.", icon=":material/search:")
    else:
        _offer_grid(selection.matching)
    if not selection.without_age.empty:
        st.subheader(f"Tilbud hvor {NO_AGE_TEXT}", anchor="alder-ikke-angivet")
        st.caption(
            "Kilden giver ingen alder for disse tilbud. De tæller derfor ikke som et match på "
            "alder, men vises her, så de ikke overses – læs målgruppen."
        )
        _offer_grid(selection.without_age)
    dataset_details(dataset, key="unge_tilbud")


# --- Unge under 18 ------------------------------------------------------------------------


def under_18_headline(catalog: Catalog) -> str:
    """The under-18 slide's message: the two most common offers."""
    dataset = catalog.get("unge_under_18_afsluttede_tilbud")
    opening = f"Flest afsluttede tilbud til unge under 18 i {dataset.metadata.period_label}:"
    return largest_parts_headline(dataset, "offer_type", opening)


def apprentice_ages_headline(catalog: Catalog) -> str:
    """The apprentices' age slide's message: the two largest age groups."""
    dataset = catalog.get("voksenlaerlinge_alder")
    return largest_parts_headline(dataset, "age_group", "Flest voksenlærlinge er")


def under_18_section(dataset: Dataset) -> None:
    """Completed courses of young people under 18: total, sum of parts, bars, footnotes."""
    chart(under_18_chart(dataset), key="unge_chart_under_18")
    if not is_presentation():
        for note in footnotes(dataset.frame, "offer_type"):
            st.caption(f"Fodnote i kilden – {note}")
    dataset_details(dataset, key="unge_under_18")


# --- Voksenlærlinge ---------------------------------------------------------------------------


def apprentices_section(ages: Dataset, trades: Dataset) -> None:
    """Adult apprentices by age (bars, footnote on the published total) and their trades."""
    apprentice_ages_section(ages)
    apprentice_trades_section(ages, trades)


def apprentice_ages_section(ages: Dataset) -> None:
    """Adult apprentices by age: bars and a footnote on the published total."""
    title = f"Efter alder, {ages.metadata.period_label}"
    if not is_presentation():
        st.subheader(title)
    chart(apprentice_ages_chart(ages), key="unge_chart_voksenlaerlinge", title=title)
    dataset_details(ages, key="unge_voksenlaerlinge")


def apprentice_trades_section(ages: Dataset, trades: Dataset) -> None:
    """The trades the adult apprentices are trained in."""
    item = total_and_parts(ages)
    if not is_presentation():
        st.subheader("Fag")
    lines = trade_lines(trades.frame)
    # Three columns on a slide, so the whole list is on one screen.
    columns = st.columns(3) if is_presentation() else [st.container()]
    per_column = -(-len(lines) // len(columns))
    for index, column in enumerate(columns):
        chunk = lines[index * per_column : (index + 1) * per_column]
        column.markdown("\n".join(f"- {line}" for line in chunk))
    st.caption(trade_list_note(trades.frame, item))
    if not is_presentation() and (note := spelling_footnote(trades.frame)):
        st.caption(f"² {note}")  # the spellings themselves: »Om data«
    source_caption(trades)


def apprentice_goals_section(*_datasets: Dataset) -> None:
    """The 2019 project's apprentice goals with the goal register's verdict and evidence."""
    if not is_presentation():  # on a slide the headline says it
        st.subheader(f"Mål for {APPRENTICE_PROJECT.lower()} 2019–2020")
    goal_cards(get_catalog(), APPRENTICE_GOALS, key="unge_voksenlaerlingemaal")


# --- Uddannelseshjælp sammenlignet ---------------------------------------------------------


def _area_chart(missing: Sequence[str], figure: alt.TopLevelMixin, key: str, title: str) -> None:
    """An area comparison chart, after a note on the chosen areas it cannot show."""
    if note := missing_areas_note(missing):
        st.caption(note)
    chart(figure, key=key, title=title)


COMPARISON_DATASETS = [
    "status_efter_afsluttet_forloeb",
    "status_andel_job_uddannelse_publiceret",
    "varighed_afsluttede_forloeb",
    "fuldtidspersoner_pct_arbejdsstyrke",
]


def comparison_choice(
    status: Dataset, duration: Dataset, fulltime: Dataset
) -> tuple[ComparisonChoice, list[str]]:
    """The areas, reference, groups and sort order (the controls in page view) and the
    areas to show."""
    options = ComparisonOptions(
        areas=comparison_areas(
            education_benefit_status(status.frame), duration.frame, fulltime.frame
        ),
        groups=status_categories(status.frame),
        default_areas=comparison_areas(education_benefit_status(status.frame)),
    )
    choice = comparison_controls(options, key="unge")
    return choice, shown_areas(choice)


def comparison_section(
    status: Dataset, published: Dataset, duration: Dataset, fulltime: Dataset
) -> None:
    """Education benefit in Hedensted against the chosen areas: status after a course,
    duration and full-time persons, each with its chart and numbers."""
    status_comparison(status, published, duration, fulltime)
    duration_comparison(status, published, duration, fulltime)
    fulltime_comparison(status, published, duration, fulltime)


def status_comparison(
    status: Dataset, published: Dataset, duration: Dataset, fulltime: Dataset
) -> None:
    """The controls (page view) and the status one month after a course, by area."""
    choice, areas = comparison_choice(status, duration, fulltime)
    st.session_state["unge_choice"] = (choice, areas)
    _status_part(status, published, choice.reference, choice.groups, choice.sort, areas)


def duration_comparison(
    status: Dataset, published: Dataset, duration: Dataset, fulltime: Dataset
) -> None:
    """The duration of ended courses, by area (the controls are drawn once, above)."""
    choice, areas = _current_choice(status, duration, fulltime)
    _duration_part(duration, choice.reference, areas)


def fulltime_comparison(
    status: Dataset, published: Dataset, duration: Dataset, fulltime: Dataset
) -> None:
    """Full-time persons on education benefit, by area."""
    choice, areas = _current_choice(status, duration, fulltime)
    _fulltime_part(fulltime, choice.reference, areas)


def _current_choice(
    status: Dataset, duration: Dataset, fulltime: Dataset
) -> tuple[ComparisonChoice, list[str]]:
    # On the page the status part drew the controls just before; on a slide nothing is
    # drawn and the choice comes from the link.
    if is_presentation() or "unge_choice" not in st.session_state:
        return comparison_choice(status, duration, fulltime)
    return st.session_state["unge_choice"]


def comparison_reference(catalog: Catalog) -> str:
    """The comparison's reference area as the link (or the controls) chose it."""
    chosen = st.session_state.get("unge_reference")
    if chosen:
        return chosen
    status, _, duration, fulltime = (catalog.get(i) for i in COMPARISON_DATASETS)
    options = ComparisonOptions(
        areas=comparison_areas(
            education_benefit_status(status.frame), duration.frame, fulltime.frame
        ),
        groups=status_categories(status.frame),
        default_areas=comparison_areas(education_benefit_status(status.frame)),
    )
    return choice_from_params(url_params(), options).reference


def comparison_headlines(catalog: Catalog) -> list[Callable[[], str]]:
    """The three comparison slides' headlines: their computed sentences (with the
    reference area chosen when the slide is drawn)."""

    def status_line() -> str:
        return job_education_sentence(
            catalog.get(COMPARISON_DATASETS[0]).frame, comparison_reference(catalog)
        )

    def duration_line() -> str:
        duration = catalog.get(COMPARISON_DATASETS[2])
        meta = duration.metadata
        return comparison_sentence(
            duration.frame,
            comparison_reference(catalog),
            DURATION_GROUPS[0],
            meta.short_unit,
            "kortere end",
            "længere end",
            decimals=meta.decimals or 0,
            target_group=DURATION_GROUPS[0],
        )

    def fulltime_line() -> str:
        return comparison_sentence(
            catalog.get(COMPARISON_DATASETS[3]).frame,
            comparison_reference(catalog),
            "Fuldtidspersoner på uddannelseshjælp",
            "%",
            "lavere end",
            "højere end",
            group=EDUCATION_BENEFIT,
        )

    return [status_line, duration_line, fulltime_line]


def _status_part(
    status: Dataset,
    published: Dataset,
    reference: str,
    groups: Sequence[str],
    sort: SortOrder,
    areas: list[str],
) -> None:
    title = f"Status 1 måned efter afsluttet forløb ({status.metadata.period_label})"
    st.subheader(title)
    if not is_presentation():  # on a slide the sentence is the headline
        st.markdown(job_education_sentence(status.frame, reference))
    if not groups:
        st.info("Vælg mindst én status under »Grupper« for at se figuren.", icon=":material/info:")
    else:
        rows, present, missing = chart_rows(
            education_benefit_status(status.frame), areas, "category", groups
        )
        order = sort_categories(rows, sort, reference)
        figure = status_chart(rows, status.metadata.decimals, present, order)
        _area_chart(missing, figure, key="unge_chart_status", title=title)
    shares = job_education_shares(status.frame, published.frame, areas)
    percent: dict[str, Callable[..., str]] = {"share": format_percent}
    shares_table = display_table(
        shares,
        {
            "area": "Område",
            "share": "Lønmodtagerbeskæftigelse + uddannelse (beregnet)",
            "statement": "Kildens eget udsagn",
        },
        percent,
    )
    if not is_presentation():  # the slide's headline says it; the table is for the desk
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


def _duration_part(duration: Dataset, reference: str, areas: list[str]) -> None:
    meta = duration.metadata
    title = f"Gennemsnitlig varighed ({meta.period_label})"
    st.subheader(title)
    rows, present, missing = chart_rows(duration.frame, areas, "target_group", DURATION_GROUPS)
    for group in DURATION_GROUPS:
        st.markdown(
            "- "
            + comparison_sentence(
                duration.frame,
                reference,
                group,
                meta.short_unit,
                "kortere end",
                "længere end",
                decimals=meta.decimals or 0,
                target_group=group,
            )
        )
    figure = duration_chart(rows, meta.short_unit, meta.decimals, present)
    _area_chart(missing, figure, key="unge_chart_varighed", title=title)
    st.caption(
        "Dokumentet angiver ikke enheden; Jobindsats.dk opgør varigheden i uger, "
        "og størrelserne passer med uger."
    )
    numbers_for(
        rows,
        {"target_group": "Målgruppe", "area": "Område", "value": "Varighed"},
        {"value": lambda v: format_value(v, meta.short_unit, 1)},
        [duration],
        key="unge_varighed",
        file_name="unge_varighed",
    )
    source_caption(duration)


def _fulltime_part(fulltime: Dataset, reference: str, areas: list[str]) -> None:
    title = f"Uddannelseshjælp i pct. af arbejdsstyrken ({fulltime.metadata.period_label})"
    st.subheader(title)
    rows, present, missing = chart_rows(fulltime.frame, areas, "group", [EDUCATION_BENEFIT])
    st.markdown(
        "- "
        + comparison_sentence(
            fulltime.frame,
            reference,
            "Fuldtidspersoner på uddannelseshjælp",
            "%",
            "lavere end",
            "højere end",
            group=EDUCATION_BENEFIT,
        )
    )
    figure = fulltime_chart(rows, fulltime.metadata.decimals, present)
    _area_chart(missing, figure, key="unge_chart_fuldtid", title=title)
    numbers_for(
        rows,
        {"area": "Område", "value": "Pct. af arbejdsstyrken"},
        {"value": format_percent},
        [fulltime],
        key="unge_fuldtid",
        file_name="unge_uddannelseshjaelp_fuldtid",
    )
    source_caption(fulltime)


# --- Hvad laver de 17-25 årige ---------------------------------------------------------------


def missing_figures_section(offers: Dataset) -> None:
    """Why the slides on what 17–25-year-olds do show no figures here."""
    meta = offers.metadata
    missing = (
        "**Ikke i kildematerialet.** Temadrøftelsen har tre dias med overskriften »Hvad laver "
        "de 17-25 årige i Hedensted Kommune?« og et dias »De unges vej fra folkeskolen«, men "
        "figurerne er billeder uden tal i kildematerialet. Dashboardet viser derfor ingen tal "
        "for, hvad de unge laver, i stedet for at gætte."
    )
    key_note(missing, icon=":material/image_not_supported:")  # on the slide too
    st.caption(f"Kilde: {meta.source_document}, fil {meta.seed_file}.")


# --- Mål for unge ----------------------------------------------------------------------------


def youth_goals_section(*_datasets: Dataset, goal_ids: tuple[str, ...] = YOUTH_GOALS_2017) -> None:
    """The 2017 employment plan's goals for young people, with the goal register's verdict
    and evidence (an undated figure is context, not a verdict); ``goal_ids``: those of one
    slide (seven cards do not fit one screen)."""
    if not is_presentation():  # on a slide the headline says it
        st.subheader("Beskæftigelsesplan 2017: mål for de unge frem mod 2018")
    goal_cards(get_catalog(), goal_ids, key="unge_maal_2017")


def frikort_section(projects: Dataset, indicators: Dataset, target_numbers: Dataset) -> None:
    """The Socialt Frikort investment project: purpose, target numbers and first measurement."""
    project = project_description(projects.frame)
    presenting = is_presentation()
    if not presenting:  # on a slide the headline names the project
        st.subheader(f"Investeringsprojekt: {project['project']}")
    left, right = st.columns([3, 2], gap="large")
    with left:
        # On a slide: whom it is for and its figures; the purpose in words is on the page.
        st.markdown(
            f"**Målgruppe:** {project['target_group']}"
            + (
                ""
                if presenting
                else f"\n\n**Afsæt og formål:** {project['purpose']}\n\n"
                f"**Fokusområder:** {project['focus_areas']}"
            )
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
            "unit": "Enhed",  # the indicators' units differ: each row names its own
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


# --- Til drøftelse ----------------------------------------------------------------------------


def discussion_section(points: Dataset) -> None:
    """The thematic discussion's points on young people, and the quotes on "job first"."""
    statements, quotes = split_quotes(discussion_points(points.frame))
    if not is_presentation():  # on a slide the source line names the meeting
        st.caption(
            f"Temadrøftelsen {format_long_date(points.metadata.source_date)}: livslang læring "
            "og »job før uddannelse«."
        )
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("**Pointer**")
        # Recorded, so the PowerPoint ends on them (the theme asks no questions).
        key_bullets([as_text(text) for text in statements["text"]])
    with right:
        st.markdown("**Citater (job før uddannelse)**")
        for _, row in quotes.iterrows():
            st.markdown(f"> {as_text(row['text'])}\n>\n> — {as_text(row['note'])}")
    source_caption(points)


def discussion_questions(catalog: Catalog) -> list[str]:
    """The discussion's questions on young people (for the export's last slide)."""
    return questions(discussion_points(catalog.get(DISCUSSION_DATASET).frame))
