"""Forside: the headline comparisons with their sources."""

import streamlit as st

from hedensted.charts import grouped_bars
from hedensted.compare import select_areas
from hedensted.kpis import benchmark_rank_kpi, expenses_kpi, fulltime_share_kpi, unemployment_kpi
from hedensted.quality import without_totals
from ui.components import chart, dataset_details, kpi_tile_or_error, with_datasets
from ui.data import get_catalog
from ui.shell import require_entry_script
from ui.sidebar import reference_area

require_entry_script()

catalog = get_catalog()
reference = reference_area()

st.title("Beskæftigelse i Hedensted")
st.markdown(
    "Nøgletal for beskæftigelsesindsatsen i Hedensted Kommune, sammenlignet med "
    f"**{reference}**. Skift sammenligning i menuen til venstre."
)

tiles = st.columns(4)
builders = [
    ("kpi_fuldtidspersoner", lambda: fulltime_share_kpi(catalog, reference).with_short_delta()),
    ("kpi_udgifter", lambda: expenses_kpi(catalog, reference).with_short_delta()),
    ("kpi_ledighed", lambda: unemployment_kpi(catalog, reference).with_short_delta()),
    ("kpi_benchmark", lambda: benchmark_rank_kpi(catalog)),
]
for column, (key, build) in zip(tiles, builders, strict=True):
    with column:
        kpi_tile_or_error(catalog, build, key)

st.header("Fuldtidspersoner på offentlig forsørgelse pr. ydelsesgruppe")
st.caption("Procent af arbejdsstyrken 16-66 år, december 2023. Totalen står i nøgletallet ovenfor.")


def fulltime_section(dataset):
    scope = st.segmented_control(
        "Vis områder",
        ["Hedensted og sammenligning", "Alle områder"],
        default="Hedensted og sammenligning",
        key="forside_scope",
    )
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


with_datasets(catalog, ["fuldtidspersoner_pct_arbejdsstyrke"], fulltime_section)

st.header("Temasider")
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
