"""The Forside's sections: Streamlit layout only (the figures come from
``hedensted/front_page/`` and the catalog)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.compare import select_areas
from hedensted.core.quality import without_totals
from hedensted.present.charts import grouped_bars
from hedensted.present.kpi import Kpi
from ui.deck.section_deck import shows_controls
from ui.navigation import PAGES
from ui.sections.ministry_benchmark import ministry_summary
from ui.state.data import get_full_catalog
from ui.state.memo import remember_domain_functions
from ui.state.url import keep_in_url, url_value
from ui.widgets.components import chart, dataset_details, kpi_row

remember_domain_functions(globals())  # same data and choices → same frames and specs

SCOPES = ["Hedensted og sammenligning", "Alle områder"]


def key_figures_section(
    catalog: Catalog, tiles: Mapping[str, Kpi | DatasetError], reference: str
) -> None:
    """The headline tiles, then one line on the ministry's benchmark over time."""
    kpi_row(catalog, tiles, "kpi_", reference)
    ministry_summary(get_full_catalog().get("beskaeftigelsesministeriets_benchmark"))


def fulltime_section(dataset: Dataset, reference: str) -> None:
    """Full-time persons on public benefits per benefit group: Hedensted and the
    reference, or every area in the table (the viewer's choice, kept in the URL)."""
    st.caption(
        "Procent af arbejdsstyrken 16-66 år, december 2023. Totalen står i nøgletallet ovenfor."
    )
    scope = str(url_value("omfang", SCOPES[0], SCOPES))
    if shows_controls():
        chosen = st.segmented_control("Vis områder", SCOPES, default=scope, key="forside_scope")
        scope = chosen or SCOPES[0]  # deselecting the chosen segment gives None
    scope = str(keep_in_url("omfang", scope, SCOPES[0]))
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


def theme_pages_section() -> None:
    """Links to the theme pages the page list puts on the Forside."""
    linked = [page for page in PAGES if page.on_front_page]
    for column, page in zip(st.columns(len(linked)), linked, strict=True):
        with column:
            st.page_link(page.script, label=page.title, icon=page.icon)
