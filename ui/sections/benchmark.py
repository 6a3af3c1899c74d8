"""The Benchmark page's sections: Streamlit layout only.

Every number and sentence comes from ``hedensted/benchmark/``; a section here
lays them out as charts, tables, sentences and source lines. A section part is
its datasets and the function that draws them (:data:`Part`); the page puts the
parts in order with :func:`drawn`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from hedensted.benchmark import charts as cb
from hedensted.benchmark import tables as bt
from hedensted.benchmark.choices import (
    NothingToShow,
    benefit_groups,
    missing_areas_note,
    missing_reference_note,
    reference_note,
)
from hedensted.benchmark.expenses import (
    expenses_summary,
    gap_worth,
    worth_headline,
    worth_sum_note,
)
from hedensted.benchmark.groups import (
    GroupView,
    category_comparison,
    duration_summary,
    fulltime_summary,
    group_view,
    total_comparison,
    wide_values,
)
from hedensted.benchmark.migrations import (
    NONE_CATEGORY,
    document_quote,
    migration_blocks,
    migration_sentence,
    migrations,
)
from hedensted.benchmark.ministry import (
    benchmark_explanation,
    benchmark_long,
    benchmark_sentences,
    benchmark_view,
    expected_example,
    placement_headline,
    rank_change_sentence,
    rank_history,
)
from hedensted.benchmark.outcomes import (
    REMAINDER,
    status_category_order,
    status_sentences,
    status_shares,
    status_stack,
    status_target_groups,
)
from hedensted.benchmark.unemployment import (
    OTHER_AREAS,
    UNEMPLOYMENT_GOAL_ID,
    change_sentence,
    change_table,
    change_view,
    period_span,
    rate_sentence,
    rate_view,
)
from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.compare import areas_in_table
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.periods import period_label
from hedensted.core.view_state import ComparisonChoice
from hedensted.present.formatting import format_kroner, format_percent
from hedensted.present.kpi import Kpi
from hedensted.present.markdown import escape_markdown
from ui.deck.presentation import is_presentation
from ui.deck.section_deck import Headline
from ui.deck.section_deck import Part as SlidePart
from ui.sections.goals import goal_box
from ui.sections.ministry_benchmark import ministry_development
from ui.state.data import get_full_catalog
from ui.state.memo import memoized, remember_domain_functions
from ui.widgets.components import (
    chart,
    key_bullets,
    key_sentence,
    kpi_row,
    numbers_table,
    quality_notes,
    source_caption,
    with_datasets,
)

# Same data revision and choices → the same frames, tables and chart specs (ui/state/memo.py).
remember_domain_functions(globals())
bt = memoized(bt)
cb = memoized(cb, specs=True)


@dataclass(frozen=True)
class BenchmarkRun:
    """What the sections of one run of the page share: the catalog at the chosen
    periods, the viewer's choice, and the headline tiles, computed once."""

    catalog: Catalog
    choice: ComparisonChoice
    tiles: dict[str, Kpi | DatasetError]

    @property
    def reference(self) -> str:
        return self.choice.reference

    def tile_notes(self, name: str) -> tuple[str, ...]:
        tile = self.tiles[name]
        return tile.notes if isinstance(tile, Kpi) else ()


Part = tuple[list[str], Callable[..., None]]

# On a slide a section draws one step (one chart) at a time; on the page every step.
_step: ContextVar[str | None] = ContextVar("benchmark_step", default=None)


def on_slide(step: str) -> bool:
    """Whether this step of a section is drawn: always on the page, on a slide only
    when the slide is this step."""
    current = _step.get()
    return current is None or current == step


def step_slide(run: BenchmarkRun, part: Part, step: str, headline: Headline) -> SlidePart:
    """One slide of a section: the section drawn with only ``step`` shown."""
    draw = drawn(run, part)

    def render() -> None:
        token = _step.set(step)
        try:
            draw()
        finally:
            _step.reset(token)

    return SlidePart(render, headline)


def headline_from(build: Callable[[], str], fallback: str = "") -> Callable[[], str]:
    """A slide's computed headline; if it cannot be computed (or says nothing), the plain
    ``fallback`` title, else the section's title."""

    def headline() -> str:
        try:
            return build() or fallback
        except (NothingToShow, DatasetError, ValueError, KeyError):
            return fallback

    return headline


def drawn(run: BenchmarkRun, *parts: Part) -> Callable[[], None]:
    """One section (one slide) of parts, each drawn from its own datasets.

    A broken dataset blanks only its part; a choice that leaves nothing to show
    says so in the part's place.
    """

    def draw() -> None:
        for dataset_ids, render in parts:

            def guarded(*datasets: Dataset, render: Callable[..., None] = render) -> None:
                try:
                    render(run, *datasets)
                except NothingToShow as reason:
                    st.info(str(reason), icon=":material/info:")

            with_datasets(run.catalog, dataset_ids, guarded)

    return draw


def key_figures(run: BenchmarkRun) -> None:
    kpi_row(run.catalog, run.tiles, "benchmark_kpi_", run.reference)


def caption_if(text: str | None) -> None:
    if text:
        st.caption(text)


def group_charts(
    run: BenchmarkRun,
    view: GroupView,
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
    reference = run.reference
    if view.differences is not None and on_slide("forskel"):
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
    if not on_slide("vaerdier"):
        return
    if not is_presentation():  # on a slide it is the headline
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
        wide_values(view), view.category, category_title, kind, decimals, unit
    )
    numbers_table(shown, export, datasets, f"benchmark_{key}", key)


# --- 1. Offentligt forsørgede ---------------------------------------------------------


def fulltime_section(run: BenchmarkRun, dataset: Dataset) -> None:
    meta = dataset.metadata
    choice = run.choice
    st.caption(f"{meta.title}, {meta.period_label}.")
    view = group_view(
        dataset.frame, "group", choice.areas, run.reference, choice.sort, choice.groups, TOTAL_GROUP
    )
    caption_if(missing_areas_note(view.missing_areas, meta.title))
    if not is_presentation():  # on a slide the summary is the headline
        key_sentence(fulltime_summary(view))
    group_charts(
        run,
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
        "Blå ▼: Hedensted har en lavere andel på offentlig forsørgelse. Orange ▲: en højere.",
    )
    quality_notes(dataset)
    source_caption(dataset)


FULLTIME: Part = (["fuldtidspersoner_pct_arbejdsstyrke"], fulltime_section)

# --- 2. Udgifter pr. person i arbejdsstyrken ------------------------------------------

DIFFERENCE_FOOTNOTE = (
    "¹ Dokumentets egen kolonne »Forskel« er regnet efter ud fra tabellen – se »Beregnet og "
    "i dokumentet« på siden Om data."
)


def expenses_section(
    run: BenchmarkRun, expenses: Dataset, labour: Dataset, published: Dataset
) -> None:
    meta = expenses.metadata
    choice, reference = run.choice, run.reference
    if not is_presentation():  # on a slide the headline, axis and source line say it
        st.caption(f"{meta.title}, {meta.period_label}.")
    view = group_view(
        expenses.frame, "group", choice.areas, reference, choice.sort, choice.groups, TOTAL_GROUP
    )
    caption_if(missing_areas_note(view.missing_areas, meta.title))
    tile = run.tiles["udgifter"]
    if view.differences is None:
        st.info(
            missing_reference_note(reference, "udgifterne pr. person i arbejdsstyrken"),
            icon=":material/info:",
        )
    elif not is_presentation():  # on a slide the summary is the headline
        if isinstance(tile, Kpi):
            key_sentence(tile.sentence, bold=True)
        key_sentence(expenses_summary(view))
    group_charts(
        run,
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
        "Blå ▼: Hedensted bruger mindre pr. person. Orange ▲: mere.",
    )
    if view.differences is None:
        quality_notes(expenses)
        source_caption(expenses)
        return

    if not on_slide("vaerdi_i_alt"):
        quality_notes(expenses)
        source_caption(expenses, labour, published)
        return
    if not is_presentation():  # on a slide it is the headline
        st.subheader("Hvad er forskellen værd i alt?")
    worth = gap_worth(expenses.frame, labour.frame, reference, view.order)
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
    if not is_presentation():  # how the sum is made: for the page
        caption_if(worth_sum_note(worth, len(benefit_groups(expenses.frame))))
        for note in run.tile_notes("udgifter"):
            st.caption(note)
    shown, export = bt.worth_table(worth, reference)
    numbers_table(shown, export, [expenses, labour], "benchmark_vaerdi", "udgiftsforskel_i_alt")

    if not is_presentation():  # the check of the document's own column is on Om data
        st.caption(DIFFERENCE_FOOTNOTE)
    quality_notes(expenses)
    source_caption(expenses, labour, published)


EXPENSES: Part = (
    ["udgifter_pr_person_arbejdsstyrke", "arbejdsstyrke_antal", "udgifter_forskel_publiceret"],
    expenses_section,
)

# --- 3. Beskæftigelsesministeriets benchmark ------------------------------------------


def ministry_section(run: BenchmarkRun, dataset: Dataset, forklaring: Dataset) -> None:
    table = benchmark_view(dataset.frame)
    st.caption(
        f"Hedensted Kommune, {dataset.metadata.period_label}. Benchmarket sammenligner "
        "kommunen med det forventede – ikke med de valgte områder."
    )
    main, rest = benchmark_explanation(forklaring.frame)
    presenting = is_presentation()
    if presenting:
        # On a slide: one line of explanation; the box and the document's text are
        # on the page.
        st.markdown(" ".join(main[:1]))
    else:
        with st.container(border=True, key="benchmark_forklaring"):
            st.markdown("**Hvad betyder »forventet ud fra rammevilkår«?**")
            st.markdown(" ".join(main))
            key_sentence(expected_example(table))
            with st.expander("Mere fra dokumentet om benchmarket"):
                st.markdown(
                    "\n".join(f"- **{row.topic}**: {row.text}" for row in rest.itertuples())
                )
            source_caption(forklaring)
    left, right = (
        (st.container(), st.container()) if presenting else st.columns([3, 2], gap="large")
    )
    if on_slide("faktisk"):
        with left:
            st.subheader("Faktisk og forventet antal fuldtidspersoner")
            chart(
                cb.actual_expected_bars(benchmark_long(table)),
                key="benchmark_chart_ministeriet",
                title="Faktisk og forventet antal fuldtidspersoner",
            )
    if on_slide("placering"):
        with right:
            st.subheader("Placering")
            chart(
                cb.rank_chart(table, int(table["rank_of"].iloc[0])),
                key="benchmark_chart_placering",
                title="Placering",
            )
    if not presenting:
        key_bullets(benchmark_sentences(table))
    shown, export = bt.benchmark_numbers_table(table)
    numbers_table(
        shown,
        export,
        [dataset],
        "benchmark_ministeriet",
        "ministeriets_benchmark",
        title="Faktisk og forventet antal fuldtidspersoner og placering pr. ydelsesområde",
    )
    for note in run.tile_notes("benchmark"):
        st.caption(note)
    if not presenting:
        st.caption("Kolonnen »Pct. point« er ikke forklaret i dokumentet.")
    quality_notes(dataset)
    source_caption(dataset)
    if on_slide("udvikling"):
        ministry_development(get_full_catalog().get(dataset.id), "benchmark_ministeriet")


MINISTRY: Part = (
    ["beskaeftigelsesministeriets_benchmark", "benchmark_forklaring"],
    ministry_section,
)

# --- 4. Status 1 måned efter afsluttet forløb ------------------------------------------

SHARES_FOOTNOTE = (
    "² Dokumentets egne andele i job og uddannelse er sammenlignet med andelene beregnet "
    "ud fra tabellerne – se »Beregnet og i dokumentet« på siden Om data."
)


def status_section(run: BenchmarkRun, status: Dataset, published: Dataset) -> None:
    meta = status.metadata
    areas = run.choice.areas
    st.caption(f"{meta.title}, {meta.period_label}.")
    present, missing = areas_in_table(status.frame, areas)
    caption_if(missing_areas_note(missing, meta.title))
    shares = status_shares(status.frame, published.frame, areas)
    caption_if(reference_note(status.frame, run.reference, "status efter afsluttet forløb"))
    if not is_presentation():
        # Each group's sentence heads its chart's slide (without the document's wording).
        key_bullets(status_sentences(shares, run.reference), exported=False)
    categories = status_category_order(status.frame)
    target_groups = status_target_groups(status.frame)
    # On a slide one target group's chart, no tabs.
    shown_groups = [
        (position, group)
        for position, group in enumerate(target_groups)
        if on_slide(f"status_{position}")
    ]
    tabs: list[AbstractContextManager[object]] = (
        list(st.tabs(target_groups))
        if not is_presentation()
        else [nullcontext() for _ in shown_groups]
    )
    for tab, (position, target_group) in zip(tabs, shown_groups, strict=False):
        with tab:
            stack = status_stack(status.frame, target_group, areas)
            chart(
                cb.status_bars(stack, present, categories, REMAINDER),
                key=f"benchmark_chart_status_{position}",
                title=target_group,
            )
            shown, export = bt.status_table(stack, present, categories, REMAINDER)
            numbers_table(
                shown,
                export,
                [status],
                f"benchmark_status_{position}",
                f"status_{position + 1}",
                title=f"{target_group}: status 1 måned efter afsluttet forløb",
            )
            if not is_presentation():
                caption_if(bt.others_note(stack, categories, REMAINDER))
    st.caption(
        f"»{REMAINDER}« er resten op til 100 %: statuskategorier, som kildens tabeller "
        "ikke viser, og tal, kilden ikke oplyser (».«)."
    )
    if not is_presentation():  # the computed-against-published check is on Om data
        st.caption(SHARES_FOOTNOTE)
    source_caption(status, published)


STATUS: Part = (
    ["status_efter_afsluttet_forloeb", "status_andel_job_uddannelse_publiceret"],
    status_section,
)

# --- 5. Varighed af afsluttede forløb --------------------------------------------------


def duration_section(run: BenchmarkRun, dataset: Dataset) -> None:
    meta = dataset.metadata
    st.caption(f"{meta.title} (uger).")
    view = group_view(
        dataset.frame, "target_group", run.choice.areas, run.reference, run.choice.sort
    )
    caption_if(missing_areas_note(view.missing_areas, meta.title))
    if view.differences is None:
        st.info(
            missing_reference_note(run.reference, "varigheden af afsluttede forløb"),
            icon=":material/info:",
        )
    elif not is_presentation():  # on a slide the summary is the headline
        key_sentence(duration_summary(view))
    group_charts(
        run,
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
        "Blå ▼: kortere forløb i Hedensted. Orange ▲: længere.",
    )
    if not is_presentation():
        st.caption(escape_markdown(meta.notes))
    source_caption(dataset)


DURATION: Part = (["varighed_afsluttede_forloeb"], duration_section)

# --- 6. Ledighed og beskæftigelse --------------------------------------------------------


def change_block(
    run: BenchmarkRun,
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
            run.reference,
            OTHER_AREAS,
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
    run: BenchmarkRun,
    rates: Dataset,
    counts: Dataset,
    counts_published: Dataset,
    _goals: Dataset,  # the unemployment goal's sources, shown by goal_box from the register
    _projects: Dataset,
) -> None:
    reference, sort = run.reference, run.choice.sort
    start, end = period_span(counts.metadata.periods)
    changes = change_table(counts.frame, counts_published.frame, start, end)
    if on_slide("ledighed"):
        goal_box(run.catalog, UNEMPLOYMENT_GOAL_ID, key="benchmark_ledighedsmaal")
        if not is_presentation():  # on a slide the sentence is the headline
            key_sentence(rate_sentence(rates.frame, reference))
            key_sentence(
                change_sentence(changes, reference, "Antallet af bruttoledige", start, end)
            )
    left, right = (
        (st.container(), st.container()) if is_presentation() else st.columns(2, gap="large")
    )
    if on_slide("ledighed"):
        with left:
            if not is_presentation():  # on a slide the headline and the source line say it
                st.subheader(f"Ledighedsprocent, {rates.metadata.period_label}")
            rates_shown = rate_view(rates.frame, reference, sort)
            if is_presentation():
                # A slide shows the goal's comparison: RAR Østjylland's municipalities,
                # the region and the country (the other regions are on the page).
                kept = rates_shown["area_type"].ne("RAR-område") | rates_shown["area"].isin(
                    [reference, "RAR Østjylland"]
                )
                rates_shown = rates_shown[kept]
            chart(
                cb.area_bars(
                    rates_shown,
                    "value",
                    "Ledige i pct. af arbejdsstyrken",
                    1,
                    reference,
                    OTHER_AREAS,
                ),
                key="benchmark_chart_ledighedsprocent",
                title=f"Ledighedsprocent, {rates.metadata.period_label}",
            )
            shown, export = bt.rate_table(rates_shown, rates.metadata.period_label)
            numbers_table(shown, export, [rates], "benchmark_ledighedsprocent", "ledighedsprocent")
            source_caption(rates)
    if on_slide("bruttoledige"):
        with right:
            heading = f"Udvikling i bruttoledige, {counts_published.metadata.period_label}"
            st.subheader(heading)
            change_block(
                run,
                change_view(changes, reference, sort),
                (start, end),
                ("personer", "bruttoledige"),
                (counts, counts_published),
                "bruttoledige",
                heading,
            )


UNEMPLOYMENT: Part = (
    [
        "ledighedsprocent",
        "bruttoledige_rar_kommuner",
        "bruttoledige_udvikling_publiceret",
        "investeringsprojekter_maal",
        "investeringsprojekter",
    ],
    unemployment_section,
)


def employment_section(run: BenchmarkRun, fulltime: Dataset, published: Dataset) -> None:
    heading = f"Fuldtidsbeskæftigelse efter bopæl, {published.metadata.period_label}"
    st.subheader(heading)
    start, end = period_span(fulltime.metadata.periods)
    changes = change_table(fulltime.frame, published.frame, start, end)
    if not is_presentation():  # on a slide the sentence is the headline
        key_sentence(change_sentence(changes, run.reference, "Fuldtidsbeskæftigelsen", start, end))
    change_block(
        run,
        change_view(changes, run.reference, run.choice.sort),
        (start, end),
        ("fuldtidspersoner", "fuldtidsbeskæftigede"),
        (fulltime, published),
        "fuldtidsbeskaeftigelse",
        heading,
    )


EMPLOYMENT: Part = (
    ["fuldtidsbeskaeftigelse_bopael", "fuldtidsbeskaeftigelse_udvikling_publiceret"],
    employment_section,
)

# --- 7. Vandringer ---------------------------------------------------------------------


def migration_section(run: BenchmarkRun, dataset: Dataset) -> None:
    meta = dataset.metadata
    st.caption(f"{meta.title} ({meta.period_label}). Kun Hedensted.")
    frame = migrations(dataset.frame)
    quote = document_quote(meta.notes, NONE_CATEGORY)
    if quote:
        st.info(f"Dokumentets egen bemærkning: »{quote}«.", icon=":material/info:")
    blocks = migration_blocks(frame)
    tabs = st.tabs([target_group for target_group, _ in blocks])
    for position, (tab, (target_group, block)) in enumerate(zip(tabs, blocks, strict=True)):
        with tab:
            key_sentence(migration_sentence(block, quote))
            chart(
                cb.migration_bars(block, NONE_CATEGORY),
                key=f"benchmark_chart_vandringer_{position}",
                title=f"Vandringer: {target_group}",
            )
    shown, export = bt.migration_table(frame)
    numbers_table(
        shown,
        export,
        [dataset],
        "benchmark_vandringer",
        "vandringer",
        title="Oprettede målgruppeforløb efter målgruppe og forrige målgruppe",
    )
    source_caption(dataset)


MIGRATIONS: Part = (["vandringer_forrige_maalgruppe"], migration_section)


# --- The slides: one chart each, headed by its computed message -------------------------


def _plain(text: str) -> str:
    """A headline without Markdown bold."""
    return text.replace("**", "")


def section_slides(run: BenchmarkRun) -> dict[str, list[SlidePart]]:
    """Each section's slides by its part: (part, step, headline)."""
    catalog, choice, reference = run.catalog, run.choice, run.reference

    def view(dataset_id: str, category: str, total: str | None = TOTAL_GROUP):
        frame = catalog.get(dataset_id).frame
        if total is None:
            return group_view(frame, category, choice.areas, reference, choice.sort)
        return group_view(
            frame, category, choice.areas, reference, choice.sort, choice.groups, total
        )

    def fulltime() -> str:
        return fulltime_summary(view("fuldtidspersoner_pct_arbejdsstyrke", "group"))

    def expenses() -> str:
        tile = run.tiles.get("udgifter")
        if isinstance(tile, Kpi):
            return _plain(tile.sentence)
        return expenses_summary(view("udgifter_pr_person_arbejdsstyrke", "group"))

    def duration() -> str:
        return duration_summary(view("varighed_afsluttede_forloeb", "target_group", None))

    def fulltime_areas() -> str:
        return total_comparison(
            view("fuldtidspersoner_pct_arbejdsstyrke", "group"),
            "I alt er {value} af Hedensteds arbejdsstyrke på offentlig forsørgelse",
            "en lavere andel end",
            "en højere end",
            format_percent,
        )

    def expenses_areas() -> str:
        return total_comparison(
            view("udgifter_pr_person_arbejdsstyrke", "group"),
            "I alt bruger Hedensted {value} pr. person i arbejdsstyrken",
            "mindre end",
            "mere end",
            format_kroner,
        )

    def expenses_worth() -> str:
        shown = view("udgifter_pr_person_arbejdsstyrke", "group")
        labour = catalog.get("arbejdsstyrke_antal").frame
        expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").frame
        return worth_headline(gap_worth(expenses, labour, reference, shown.order), reference)

    def duration_areas() -> str:
        durations = view("varighed_afsluttede_forloeb", "target_group", None)
        return category_comparison(durations, "kortere forløb", "målgrupper")

    def placement() -> str:
        return placement_headline(
            benchmark_view(catalog.get("beskaeftigelsesministeriets_benchmark").frame)
        )

    def rank_over_time() -> str:
        full = get_full_catalog().get("beskaeftigelsesministeriets_benchmark")
        return rank_change_sentence(rank_history(full.frame), period_label)

    def ministry(index: int) -> Callable[[], str]:
        def sentence() -> str:
            table = benchmark_view(catalog.get("beskaeftigelsesministeriets_benchmark").frame)
            return _plain(benchmark_sentences(table)[index])

        return sentence

    def status(position: int) -> Callable[[], str]:
        def sentence() -> str:
            frame = catalog.get("status_efter_afsluttet_forloeb").frame
            published = catalog.get("status_andel_job_uddannelse_publiceret").frame
            shares = status_shares(frame, published, choice.areas)
            group = status_target_groups(frame)[position]
            sentence = next(
                s for s in status_sentences(shares, reference) if s.startswith(f"**{group}**")
            )
            # The document's own words are for the page, not the headline.
            return _plain(sentence.split(" Dokumentet skriver")[0])

        return sentence

    def rates() -> str:
        return rate_sentence(catalog.get("ledighedsprocent").frame, reference)

    def counts() -> str:
        data = catalog.get("bruttoledige_rar_kommuner")
        start, end = period_span(data.metadata.periods)
        published = catalog.get("bruttoledige_udvikling_publiceret").frame
        changes = change_table(data.frame, published, start, end)
        return change_sentence(changes, reference, "Antallet af bruttoledige", start, end)

    def employment() -> str:
        data = catalog.get("fuldtidsbeskaeftigelse_bopael")
        start, end = period_span(data.metadata.periods)
        published = catalog.get("fuldtidsbeskaeftigelse_udvikling_publiceret").frame
        changes = change_table(data.frame, published, start, end)
        return change_sentence(changes, reference, "Fuldtidsbeskæftigelsen", start, end)

    try:
        groups = status_target_groups(catalog.get("status_efter_afsluttet_forloeb").frame)
    except DatasetError:
        groups = []
    return {
        "fulltime": [
            step_slide(run, FULLTIME, "forskel", headline_from(fulltime)),
            step_slide(
                run,
                FULLTIME,
                "vaerdier",
                headline_from(fulltime_areas, "Andel på offentlig forsørgelse pr. område"),
            ),
        ],
        "expenses": [
            step_slide(run, EXPENSES, "forskel", headline_from(expenses)),
            step_slide(
                run,
                EXPENSES,
                "vaerdier",
                headline_from(expenses_areas, "Udgift pr. person pr. ydelsesgruppe og område"),
            ),
            step_slide(
                run,
                EXPENSES,
                "vaerdi_i_alt",
                headline_from(expenses_worth, "Hvad er forskellen værd i alt?"),
            ),
        ],
        "ministry": [
            step_slide(run, MINISTRY, "faktisk", headline_from(ministry(0))),
            step_slide(
                run,
                MINISTRY,
                "placering",
                headline_from(placement, "Hedensteds placering blandt kommunerne"),
            ),
            step_slide(
                run,
                MINISTRY,
                "udvikling",
                headline_from(rank_over_time, "Hedensteds placering over tid"),
            ),
        ],
        "status": [
            step_slide(run, STATUS, f"status_{position}", headline_from(status(position)))
            for position in range(len(groups))
        ]
        or [SlidePart(drawn(run, STATUS))],
        "duration": [
            step_slide(run, DURATION, "forskel", headline_from(duration)),
            step_slide(
                run,
                DURATION,
                "vaerdier",
                headline_from(duration_areas, "Uger pr. målgruppe og område"),
            ),
        ],
        "unemployment": [
            step_slide(run, UNEMPLOYMENT, "ledighed", headline_from(rates)),
            step_slide(run, UNEMPLOYMENT, "bruttoledige", headline_from(counts)),
            step_slide(run, EMPLOYMENT, "beskaeftigelse", headline_from(employment)),
        ],
    }
