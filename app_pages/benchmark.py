"""Benchmark: how Hedensted compares with the country, the region and its peers."""

from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from hedensted.benchmark import charts as cb
from hedensted.benchmark import sections as bp
from hedensted.benchmark import tables as bt
from hedensted.core.catalog import Dataset
from hedensted.core.discussion import BENCHMARK_THEMES
from hedensted.front_page.kpis import (
    benchmark_rank_kpi,
    expenses_kpi,
    fulltime_share_kpi,
    unemployment_kpi,
)
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.discussion import DISCUSSION_DATASET, discussion_section, theme_questions
from ui.sections.goals import goals_section as register_goals_section
from ui.sections.ministry_benchmark import ministry_development
from ui.state.data import get_catalog, get_full_catalog
from ui.widgets.components import (
    chart,
    key_bullets,
    key_sentence,
    kpi_tile_or_error,
    numbers_table,
    quality_notes,
    source_caption,
    with_datasets,
)
from ui.widgets.controls import comparison_controls
from ui.widgets.period_control import period_controls

catalog = get_catalog()

page_intro(
    "Benchmark",
    "Hvordan klarer Hedensted sig i forhold til hele landet, RAR Østjylland og "
    "sammenlignelige kommuner – og hvad er forskellen værd? Vælg områder, "
    "sammenligningsområde, ydelsesgrupper og sortering herunder. Valgene gemmes i "
    "adressen, så et kopieret link åbner samme visning.",
)

choice = comparison_controls(bp.comparison_options(catalog), key="benchmark")
reference = choice.reference
# After an import a table can have several periods: newest by default, older ones by choice.
catalog = period_controls(
    catalog,
    [
        ("fuldtidspersoner_pct_arbejdsstyrke", "benchmark_fuldtidspersoner", "Periode, forsørgede"),
        ("udgifter_pr_person_arbejdsstyrke", "benchmark_udgifter", "Periode, udgifter"),
        ("status_efter_afsluttet_forloeb", "benchmark_status", "Periode, status efter forløb"),
        ("varighed_afsluttede_forloeb", "benchmark_varighed", "Periode, varighed"),
        ("ledighedsprocent", "benchmark_ledighedsprocent", "Periode, ledighedsprocent"),
        ("bruttoledige_rar_kommuner", "benchmark_bruttoledige", "Periode, bruttoledige"),
        (
            "beskaeftigelsesministeriets_benchmark",
            "benchmark_ministeriet",
            "Periode, ministeriets benchmark",
        ),
    ],
    show=shows_controls(),
)
if shows_controls():
    st.caption(
        "Sammenligningen her gælder kun denne side (menuen til venstre styrer forsiden). "
        "Ydelsesgrupperne afgrænser afsnit 1 og 2. Sorteringen gælder ydelses- og "
        "målgrupper i afsnit 1, 2 og 5 og områderne i afsnit 6."
    )

deck = Deck("benchmark", "Benchmark", "benchmark_hedensted")


def key_figures_section() -> None:
    st.markdown(f"Pilene viser forskellen til {reference}.")
    tiles = st.columns(4)
    for column, (key, build) in zip(tiles, KPI_BUILDERS, strict=True):
        with column:
            kpi_tile_or_error(catalog, build, key)


deck.section("Nøgletal for Hedensted", key_figures_section, anchor="noegletal")

KPI_BUILDERS = [
    (
        "benchmark_kpi_fuldtidspersoner",
        lambda: fulltime_share_kpi(catalog, reference).with_short_delta(),
    ),
    ("benchmark_kpi_udgifter", lambda: expenses_kpi(catalog, reference).with_short_delta()),
    ("benchmark_kpi_ledighed", lambda: unemployment_kpi(catalog, reference).with_short_delta()),
    ("benchmark_kpi_benchmark", lambda: benchmark_rank_kpi(catalog)),
]


def section(dataset_ids: list[str], render: Callable[..., None]) -> None:
    """Render a section, or say why the viewer's choice leaves nothing to show."""

    def guarded(*datasets: Dataset) -> None:
        try:
            render(*datasets)
        except bp.NothingToShow as reason:
            st.info(str(reason), icon=":material/info:")

    with_datasets(catalog, dataset_ids, guarded)


Part = tuple[list[str], Callable[..., None]]


def add_section(title: str, anchor: str, *parts: Part) -> None:
    """One section (one slide): each part is its datasets and what draws them."""

    def draw() -> None:
        for dataset_ids, render in parts:
            section(dataset_ids, render)

    deck.section(title, draw, anchor)


def caption_if(text: str | None) -> None:
    if text:
        st.caption(text)


def group_charts(
    view: bp.GroupView,
    datasets: list[Dataset],
    key: str,
    titles: tuple[str, str, str, str],
    number: tuple[bt.ColumnKind, int, str],
    better_text: str,
) -> None:
    """Hedensted's difference to the reference (if the table has it), then all values.

    ``titles``: category title, value axis title, difference axis title and the
    heading over the values chart;
    ``number``: column kind, decimals and unit of the "Vis tal" tables.
    """
    category_title, value_title, difference_title, values_heading = titles
    kind, decimals, unit = number
    if view.differences is not None:
        st.subheader(f"Forskel: Hedensted minus {reference}")
        chart(
            cb.difference_bars(
                view.differences,
                view.category,
                category_title,
                reference,
                difference_title,
                decimals=decimals,
                unit=unit,
            ),
            key=f"benchmark_chart_{key}_forskel",
            title=f"Forskel: Hedensted minus {reference}",
        )
        st.caption(better_text)
        shown, export = bt.differences_table(
            view.differences, view.category, category_title, reference, kind, decimals, unit
        )
        numbers_table(shown, export, datasets, f"benchmark_{key}_forskel", f"{key}_forskel")
    st.subheader(values_heading)
    chart(
        cb.grouped_area_bars(
            view.values,
            view.category,
            category_title,
            value_title,
            decimals,
            view.areas,
            view.order,
        ),
        key=f"benchmark_chart_{key}",
        title=values_heading,
    )
    shown, export = bt.values_table(
        bp.wide_values(view), view.category, category_title, kind, decimals, unit
    )
    numbers_table(shown, export, datasets, f"benchmark_{key}", key)


# --- 1. Offentligt forsørgede ---------------------------------------------------------


def fulltime_section(dataset: Dataset) -> None:
    meta = dataset.metadata
    st.caption(f"{meta.title}, {meta.period_label}.")
    view = bp.group_view(
        dataset.frame, "group", choice.areas, reference, choice.sort, choice.groups, bp.TOTAL_GROUP
    )
    caption_if(bp.missing_areas_note(view.missing_areas, meta.title))
    key_sentence(bp.fulltime_summary(view))
    group_charts(
        view,
        [dataset],
        "fuldtidspersoner",
        (
            "Ydelsesgruppe",
            "Pct. af arbejdsstyrken",
            "Forskel (pct.-point)",
            "Pct. af arbejdsstyrken pr. ydelsesgruppe og område",
        ),
        ("percent", 1, "pct."),
        "Grøn: Hedensted har en lavere andel på offentlig forsørgelse. Rød: en højere.",
    )
    quality_notes(dataset)
    source_caption(dataset)


add_section(
    "1. Offentligt forsørgede",
    "offentligt-forsorgede",
    (["fuldtidspersoner_pct_arbejdsstyrke"], fulltime_section),
)

# --- 2. Udgifter pr. person i arbejdsstyrken ------------------------------------------


def expenses_section(expenses: Dataset, labour: Dataset, published: Dataset) -> None:
    meta = expenses.metadata
    st.caption(f"{meta.title}, {meta.period_label}.")
    view = bp.group_view(
        expenses.frame, "group", choice.areas, reference, choice.sort, choice.groups, bp.TOTAL_GROUP
    )
    caption_if(bp.missing_areas_note(view.missing_areas, meta.title))
    if view.differences is None:
        st.info(
            bp.missing_reference_note(reference, "udgifterne pr. person i arbejdsstyrken"),
            icon=":material/info:",
        )
    else:
        kpi = expenses_kpi(catalog, reference)
        key_sentence(kpi.sentence, bold=True)
        key_sentence(bp.expenses_summary(view))
    group_charts(
        view,
        [expenses],
        "udgifter",
        (
            "Ydelsesgruppe",
            "Kr. pr. person i arbejdsstyrken",
            "Forskel (kr. pr. person)",
            "Udgift pr. person pr. ydelsesgruppe og område",
        ),
        ("kroner", 0, "kr."),
        "Grøn: Hedensted bruger mindre pr. person. Rød: mere.",
    )
    if view.differences is None:
        quality_notes(expenses)
        source_caption(expenses)
        return

    st.subheader("Hvad er forskellen værd i alt?")
    worth = bp.gap_worth(expenses.frame, labour.frame, reference, view.order)
    st.markdown(
        "Forskellen pr. person ganget med antallet af personer i Hedensteds arbejdsstyrke "
        f"– pr. ydelsesgruppe og i alt, sammenlignet med {reference}."
    )
    chart(
        cb.difference_bars(
            worth,
            "group",
            "Ydelsesgruppe",
            reference,
            "Forskel i alt (mio. kr.)",
            decimals=1,
            field="total_mio",
            value_decimals=0,
            unit="kr. pr. person",
        ),
        key="benchmark_chart_udgifter_vaerdi",
        title="Hvad er forskellen værd i alt?",
    )
    caption_if(bp.worth_sum_note(worth, len(bp.benefit_groups(expenses.frame))))
    for note in expenses_kpi(catalog, reference).notes:
        st.caption(note)
    shown, export = bt.worth_table(worth, reference)
    numbers_table(shown, export, [expenses, labour], "benchmark_vaerdi", "udgiftsforskel_i_alt")

    check = bp.published_difference_check(expenses.frame, published.frame)
    key_sentence(bp.published_difference_sentence(check))
    shown, export = bt.published_difference_table(check)
    numbers_table(
        shown, export, [published, expenses], "benchmark_forskel_kilde", "forskel_i_dokumentet"
    )
    quality_notes(expenses)
    source_caption(expenses, labour, published)


add_section(
    "2. Udgifter pr. person i arbejdsstyrken",
    "udgifter",
    (
        ["udgifter_pr_person_arbejdsstyrke", "arbejdsstyrke_antal", "udgifter_forskel_publiceret"],
        expenses_section,
    ),
)

# --- 3. Beskæftigelsesministeriets benchmark ------------------------------------------


def benchmark_section(dataset: Dataset, forklaring: Dataset) -> None:
    table = bp.benchmark_view(dataset.frame)
    st.caption(
        f"Hedensted Kommune, {dataset.metadata.period_label}. Benchmarket sammenligner "
        "kommunen med det forventede – ikke med de valgte områder."
    )
    main, rest = bp.benchmark_explanation(forklaring.frame)
    with st.container(border=True, key="benchmark_forklaring"):
        st.markdown("**Hvad betyder »forventet ud fra rammevilkår«?**")
        st.markdown(" ".join(main))
        key_sentence(bp.expected_example(table))
        with st.expander("Mere fra dokumentet om benchmarket"):
            st.markdown("\n".join(f"- **{row.topic}**: {row.text}" for row in rest.itertuples()))
        source_caption(forklaring)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Faktisk og forventet antal fuldtidspersoner")
        chart(
            cb.actual_expected_bars(bp.benchmark_long(table)),
            key="benchmark_chart_ministeriet",
            title="Faktisk og forventet antal fuldtidspersoner",
        )
    with right:
        st.subheader("Placering")
        chart(
            cb.rank_chart(table, int(table["rank_of"].iloc[0])),
            key="benchmark_chart_placering",
            title="Placering",
        )
    key_bullets(bp.benchmark_sentences(table))
    shown, export = bt.benchmark_numbers_table(table)
    numbers_table(shown, export, [dataset], "benchmark_ministeriet", "ministeriets_benchmark")
    for note in benchmark_rank_kpi(catalog).notes:
        st.caption(note)
    st.caption("Kolonnen »Pct. point« er ikke forklaret i dokumentet.")
    quality_notes(dataset)
    source_caption(dataset)
    ministry_development(get_full_catalog().get(dataset.id), "benchmark_ministeriet")


add_section(
    "3. Beskæftigelsesministeriets benchmark",
    "ministeriets-benchmark",
    (["beskaeftigelsesministeriets_benchmark", "benchmark_forklaring"], benchmark_section),
)

# --- 4. Status 1 måned efter afsluttet forløb ------------------------------------------


def status_section(status: Dataset, published: Dataset) -> None:
    meta = status.metadata
    st.caption(f"{meta.title}, {meta.period_label}.")
    present, missing = bp.areas_in_table(status.frame, choice.areas)
    caption_if(bp.missing_areas_note(missing, meta.title))
    shares = bp.status_shares(status.frame, published.frame, choice.areas)
    caption_if(bp.reference_note(status.frame, reference, "status efter afsluttet forløb"))
    key_bullets(bp.status_sentences(shares, reference))
    categories = bp.status_category_order(status.frame)
    target_groups = bp.status_target_groups(status.frame)
    tabs = st.tabs(target_groups)
    for position, (tab, target_group) in enumerate(zip(tabs, target_groups, strict=True)):
        with tab:
            stack = bp.status_stack(status.frame, target_group, choice.areas)
            chart(
                cb.status_bars(stack, present, categories, bp.REMAINDER),
                key=f"benchmark_chart_status_{position}",
                title=target_group,
            )
            shown, export = bt.status_table(stack, present, categories)
            numbers_table(
                shown, export, [status], f"benchmark_status_{position}", f"status_{position + 1}"
            )
    st.caption(
        f"»{bp.REMAINDER}« er resten op til 100 %: statuskategorier, som kildens tabeller "
        "ikke viser, og tal, kilden ikke oplyser (».«)."
    )
    st.subheader("Andel i job og uddannelse – beregnet og i dokumentet")
    st.markdown(bp.share_method_note(shares))
    chart(
        cb.share_bars(shares, present, target_groups),
        key="benchmark_chart_status_andel",
        title="Andel i job og uddannelse – beregnet og i dokumentet",
    )
    shown, export = bt.status_share_table(shares)
    numbers_table(shown, export, [status, published], "benchmark_status_andel", "andel_job")
    source_caption(status, published)


add_section(
    "4. Status 1 måned efter afsluttet forløb",
    "status-efter-forloeb",
    (["status_efter_afsluttet_forloeb", "status_andel_job_uddannelse_publiceret"], status_section),
)

# --- 5. Varighed af afsluttede forløb --------------------------------------------------


def duration_section(dataset: Dataset) -> None:
    meta = dataset.metadata
    st.caption(f"{meta.title} (uger).")
    view = bp.group_view(dataset.frame, "target_group", choice.areas, reference, choice.sort)
    caption_if(bp.missing_areas_note(view.missing_areas, meta.title))
    if view.differences is None:
        st.info(
            bp.missing_reference_note(reference, "varigheden af afsluttede forløb"),
            icon=":material/info:",
        )
    else:
        key_sentence(bp.duration_summary(view))
    group_charts(
        view,
        [dataset],
        "varighed",
        (
            "Målgruppe",
            "Gennemsnitlig varighed (uger)",
            "Forskel (uger)",
            "Uger pr. målgruppe og område",
        ),
        ("number", 1, "uger"),
        "Grøn: kortere forløb i Hedensted. Rød: længere.",
    )
    st.caption(meta.notes)
    source_caption(dataset)


add_section(
    "5. Varighed af afsluttede forløb",
    "varighed",
    (["varighed_afsluttede_forloeb"], duration_section),
)

# --- 6. Ledighed -----------------------------------------------------------------------


def change_block(
    view: pd.DataFrame,
    span: tuple[str, str],
    units: tuple[str, str],
    datasets: tuple[Dataset, Dataset],
    name: str,
    title: str,
) -> None:
    """Change per area from ``span[0]`` to ``span[1]``: chart, "Vis tal", quality, source.

    ``units`` is (unit in the tooltip, noun in the table); ``datasets`` the counts
    and the published change columns; ``title`` the heading above the block.
    """
    tooltip_unit, table_noun = units
    chart(
        cb.area_bars(
            view,
            "change_pct",
            "Udvikling (pct.)",
            1,
            reference,
            bp.OTHER_AREAS,
            [alt.Tooltip("change:Q", title=f"Udvikling ({tooltip_unit})", format=",.0f")],
        ),
        key=f"benchmark_chart_{name}",
        title=title,
    )
    shown, export = bt.change_numbers_table(view, *span, table_noun)
    numbers_table(shown, export, list(datasets), f"benchmark_{name}", name)
    quality_notes(datasets[0])
    source_caption(*datasets)


def unemployment_section(
    rates: Dataset,
    counts: Dataset,
    counts_published: Dataset,
    goals: Dataset,
    projects: Dataset,
) -> None:
    rate_period = rates.metadata.periods[0]
    goal = bp.unemployment_goal(goals.frame, rates.frame, rate_period, projects.frame)
    box = st.success if goal.met else st.warning
    box(
        f"**Mål: »{goal.goal}«** ({goal.horizon.lower()}, investeringsprojektet "
        f"»{goal.project}«)\n\n**{goal.status_text}.** {goal.sentence}",
        icon=":material/flag:",
    )
    source_caption(goals, projects, rates)

    key_sentence(bp.rate_sentence(rates.frame, reference))
    start, end = bp.period_span(counts.metadata.periods)
    changes = bp.change_table(counts.frame, counts_published.frame, start, end)
    key_sentence(bp.change_sentence(changes, reference, "Antallet af bruttoledige", start, end))
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(f"Ledighedsprocent, {rates.metadata.period_label}")
        rate_view = bp.rate_view(rates.frame, reference, choice.sort)
        chart(
            cb.area_bars(
                rate_view,
                "value",
                "Ledige i pct. af arbejdsstyrken",
                1,
                reference,
                bp.OTHER_AREAS,
            ),
            key="benchmark_chart_ledighedsprocent",
            title=f"Ledighedsprocent, {rates.metadata.period_label}",
        )
        shown, export = bt.rate_table(rate_view, rates.metadata.period_label)
        numbers_table(shown, export, [rates], "benchmark_ledighedsprocent", "ledighedsprocent")
        source_caption(rates)
    with right:
        heading = f"Udvikling i bruttoledige, {counts_published.metadata.period_label}"
        st.subheader(heading)
        change_block(
            bp.change_view(changes, reference, choice.sort),
            (start, end),
            ("personer", "bruttoledige"),
            (counts, counts_published),
            "bruttoledige",
            heading,
        )


UNEMPLOYMENT_PART = (
    [
        "ledighedsprocent",
        "bruttoledige_rar_kommuner",
        "bruttoledige_udvikling_publiceret",
        "investeringsprojekter_maal",
        "investeringsprojekter",
    ],
    unemployment_section,
)


def employment_section(fulltime: Dataset, published: Dataset) -> None:
    heading = f"Fuldtidsbeskæftigelse efter bopæl, {published.metadata.period_label}"
    st.subheader(heading)
    start, end = bp.period_span(fulltime.metadata.periods)
    changes = bp.change_table(fulltime.frame, published.frame, start, end)
    key_sentence(bp.change_sentence(changes, reference, "Fuldtidsbeskæftigelsen", start, end))
    change_block(
        bp.change_view(changes, reference, choice.sort),
        (start, end),
        ("fuldtidspersoner", "fuldtidsbeskæftigede"),
        (fulltime, published),
        "fuldtidsbeskaeftigelse",
        heading,
    )


add_section(
    "6. Ledighed og beskæftigelse",
    "ledighed",
    UNEMPLOYMENT_PART,
    (
        ["fuldtidsbeskaeftigelse_bopael", "fuldtidsbeskaeftigelse_udvikling_publiceret"],
        employment_section,
    ),
)

# --- 7. Vandringer ---------------------------------------------------------------------


def migration_section(dataset: Dataset) -> None:
    meta = dataset.metadata
    st.caption(f"{meta.title} ({meta.period_label}). Kun Hedensted.")
    frame = bp.migrations(dataset.frame)
    quote = bp.document_quote(meta.notes, bp.NONE_CATEGORY)
    if quote:
        st.info(f"Dokumentets egen bemærkning: »{quote}«.", icon=":material/info:")
    blocks = bp.migration_blocks(frame)
    tabs = st.tabs([target_group for target_group, _ in blocks])
    for position, (tab, (target_group, block)) in enumerate(zip(tabs, blocks, strict=True)):
        with tab:
            key_sentence(bp.migration_sentence(block, quote))
            chart(
                cb.migration_bars(block, bp.NONE_CATEGORY),
                key=f"benchmark_chart_vandringer_{position}",
                title=f"Vandringer: {target_group}",
            )
    shown, export = bt.migration_table(frame)
    numbers_table(shown, export, [dataset], "benchmark_vandringer", "vandringer")
    source_caption(dataset)


add_section(
    "7. Vandringer: hvor kom borgerne fra?",
    "vandringer",
    (["vandringer_forrige_maalgruppe"], migration_section),
)
deck.section(
    "Målstatus",
    lambda: register_goals_section(catalog, "Benchmark", key="benchmark_maalstatus"),
    anchor="maalstatus",
)
deck.discussion(
    lambda: with_datasets(
        catalog,
        [DISCUSSION_DATASET],
        lambda points: discussion_section(points, BENCHMARK_THEMES, "benchmark_droeftelse"),
    ),
    lambda: theme_questions(catalog, BENCHMARK_THEMES),
)

deck.show()
