"""Forside: the headline comparisons with their sources."""

import streamlit as st

from hedensted.charts import grouped_bars
from hedensted.compare import select_areas
from hedensted.kpis import benchmark_rank_kpi, expenses_kpi, fulltime_share_kpi, unemployment_kpi
from hedensted.quality import without_totals
from ui.components import chart, dataset_details, kpi_tile_or_error, with_datasets
from ui.data import get_catalog
from ui.deck import Deck, page_intro, shows_controls
from ui.discussion import DISCUSSION_DATASET, overview_discussion_section, overview_questions
from ui.period_control import period_controls
from ui.shell import require_entry_script
from ui.sidebar import reference_area
from ui.url_state import keep_in_url, url_value

require_entry_script()

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
    theme_links = st.columns(5)
    for column, (page, label, icon) in zip(
        theme_links,
        [
            ("pages/benchmark.py", "Benchmark", ":material/leaderboard:"),
            ("pages/code_of_care.py", "Code of Care", ":material/handshake:"),
            ("pages/unge.py", "Unge", ":material/school:"),
            ("pages/investeringsprojekter.py", "Investeringsprojekter", ":material/trending_up:"),
            ("pages/om_data.py", "Om data", ":material/dataset:"),
        ],
        strict=True,
    ):
        with column:
            st.page_link(page, label=label, icon=icon)


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
