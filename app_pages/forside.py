"""Forside: the headline comparisons with their sources."""

import streamlit as st

from hedensted.core.compare import select_areas
from hedensted.core.quality import without_totals
from hedensted.front_page.kpis import (
    benchmark_rank_kpi,
    expenses_kpi,
    fulltime_share_kpi,
    unemployment_kpi,
)
from hedensted.present.charts import grouped_bars
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.navigation import PAGES
from ui.sections.discussion import (
    DISCUSSION_DATASET,
    overview_discussion_section,
    overview_questions,
)
from ui.sections.ministry_benchmark import ministry_summary
from ui.sidebar import reference_area
from ui.state.data import get_catalog, get_full_catalog
from ui.state.url import keep_in_url, url_value
from ui.widgets.components import chart, dataset_details, kpi_tile_or_error, with_datasets
from ui.widgets.period_control import period_controls

catalog = get_catalog()
reference = reference_area()

page_intro(
    "Beskæftigelse i Hedensted",
    "Nøgletal for beskæftigelsesindsatsen i Hedensted Kommune, sammenlignet med "
    f"**{reference}**. Skift sammenligning i menuen til venstre.",
)
# After an import a table can have several periods: newest by default, older by choice.
catalog = period_controls(
    catalog,
    [
        ("fuldtidspersoner_pct_arbejdsstyrke", "forside_fuldtidspersoner", "Periode, forsørgede"),
        ("udgifter_pr_person_arbejdsstyrke", "forside_udgifter", "Periode, udgifter"),
        ("ledighedsprocent", "forside_ledighedsprocent", "Periode, ledighedsprocent"),
    ],
    show=shows_controls(),
)
deck = Deck("forside", "Beskæftigelse i Hedensted", "beskaeftigelse_hedensted")

KPI_BUILDERS = [
    ("kpi_fuldtidspersoner", lambda: fulltime_share_kpi(catalog, reference).with_short_delta()),
    ("kpi_udgifter", lambda: expenses_kpi(catalog, reference).with_short_delta()),
    ("kpi_ledighed", lambda: unemployment_kpi(catalog, reference).with_short_delta()),
    ("kpi_benchmark", lambda: benchmark_rank_kpi(catalog)),
]


def key_figures_section() -> None:
    st.markdown(f"Pilene viser forskellen til {reference}.")
    for column, (key, build) in zip(st.columns(4), KPI_BUILDERS, strict=True):
        with column:
            kpi_tile_or_error(catalog, build, key)
    ministry_summary(get_full_catalog().get("beskaeftigelsesministeriets_benchmark"))


deck.section("Nøgletal", key_figures_section, anchor="noegletal")

SCOPES = ["Hedensted og sammenligning", "Alle områder"]


def fulltime_section(dataset):
    st.caption(
        "Procent af arbejdsstyrken 16-66 år, december 2023. Totalen står i nøgletallet ovenfor."
    )
    scope = url_value("omfang", SCOPES[0], SCOPES)
    if shows_controls():
        scope = st.segmented_control("Vis områder", SCOPES, default=scope, key="forside_scope")
    scope = keep_in_url("omfang", scope, SCOPES[0])
    all_areas = list(dict.fromkeys(dataset.frame["area"]))
    areas = ["Hedensted", reference] if scope != "Alle områder" else all_areas
    shown = select_areas(without_totals(dataset), areas)
    chart(
        grouped_bars(
            shown,
            category="group",
            category_title="Ydelsesgruppe",
            value_title="Pct. af arbejdsstyrken",
            decimals=dataset.metadata.decimals,
            area_order=areas,
            category_order=list(dict.fromkeys(shown["group"])),
        ),
        key="forside_chart_fuldtidspersoner",
    )
    dataset_details(dataset, key="forside_fuldtidspersoner")


deck.datasets_section(
    "Fuldtidspersoner på offentlig forsørgelse pr. ydelsesgruppe",
    catalog,
    ["fuldtidspersoner_pct_arbejdsstyrke"],
    fulltime_section,
    "fuldtidspersoner",
)


def theme_pages_section() -> None:
    linked = [page for page in PAGES if page.on_front_page]
    for column, page in zip(st.columns(len(linked)), linked, strict=True):
        with column:
            st.page_link(page.script, label=page.title, icon=page.icon)


deck.section("Temasider", theme_pages_section, anchor="temasider", presentable=False)
deck.discussion(
    lambda: with_datasets(
        catalog,
        [DISCUSSION_DATASET],
        lambda points: overview_discussion_section(points, "forside_droeftelse"),
    ),
    lambda: overview_questions(catalog),
)
deck.show()
