"""The Om data page's sections: every dataset's provenance, size, quality and download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hedensted.benchmark import charts as cb
from hedensted.benchmark import tables as bt
from hedensted.benchmark.expenses import (
    published_difference_check,
    published_difference_sentence,
)
from hedensted.benchmark.outcomes import share_method_note, status_shares, status_target_groups
from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.catalog_csv import dataset_csv
from hedensted.core.compare import areas_in_table
from hedensted.core.quality import spelling_report
from hedensted.present.formatting import format_long_date, format_number
from hedensted.present.markdown import escape_markdown
from hedensted.present.quality_table import quality_display_table, spelling_display_table
from ui.state.memo import memoized, remember_domain_functions
from ui.widgets.components import (
    chart,
    dataset_error,
    numbers_table,
    reconciliation_box,
    source_caption,
    table,
)

remember_domain_functions(globals())  # same data and choices → same frames and specs
bt = memoized(bt)
cb = memoized(cb, specs=True)


def broken_datasets(catalog: Catalog) -> None:
    """The datasets that failed validation, each with its Danish error."""
    if catalog.errors:
        st.subheader("Datasæt med fejl")
        for error in catalog.errors.values():
            dataset_error(error)


def published_totals(report: pd.DataFrame) -> None:
    """Published totals beside the sum of their parts, for every dataset."""
    st.subheader("Offentliggjorte totaler og summen af delene")
    st.markdown(
        "Hvor et dokument oplyser en total, sammenlignes den med summen af delene. "
        "Afvigelser skyldes typisk afrunding eller personer uden kategori. "
        "Tallene rettes aldrig – begge vises."
    )
    table(quality_display_table(report), key="om_data_quality")


CHECK_TITLE = "Beregnet og i dokumentet"


def computed_and_published(catalog: Catalog) -> None:
    """Figures the documents state that the dashboard also computes from their tables:
    the expenses' »Forskel« column and the shares in job and education (Benchmark keeps
    a footnote marker at each)."""
    st.subheader(CHECK_TITLE)
    st.markdown(
        "Hvor et dokument både har en tabel og sit eget tal ud fra den, regner dashboardet "
        "tallet efter. Tallene rettes aldrig – begge vises."
    )
    _expense_differences(catalog)
    _shares(catalog)


def _expense_differences(catalog: Catalog) -> None:
    try:
        expenses = catalog.get("udgifter_pr_person_arbejdsstyrke")
        published = catalog.get("udgifter_forskel_publiceret")
    except DatasetError:
        return  # the broken dataset is listed under »Datasæt med fejl«
    st.markdown("**Udgifter pr. person i arbejdsstyrken: dokumentets kolonne »Forskel«**")
    check = published_difference_check(expenses.frame, published.frame)
    st.markdown(published_difference_sentence(check))
    shown, export = bt.published_difference_table(check)
    numbers_table(
        shown, export, [published, expenses], "om_data_forskel_kilde", "forskel_i_dokumentet"
    )
    source_caption(published, expenses)


def _shares(catalog: Catalog) -> None:
    try:
        status = catalog.get("status_efter_afsluttet_forloeb")
        published = catalog.get("status_andel_job_uddannelse_publiceret")
    except DatasetError:
        return
    areas, _ = areas_in_table(status.frame, list(dict.fromkeys(status.frame["area"])))
    shares = status_shares(status.frame, published.frame, areas)
    title = "Andel i job og uddannelse 1 måned efter afsluttet forløb"
    st.markdown(f"**{title}**")
    st.markdown(share_method_note(shares))
    chart(
        cb.share_bars(shares, areas, status_target_groups(status.frame)),
        key="om_data_chart_status_andel",
        title=f"{title} – beregnet og i dokumentet",
    )
    shown, export = bt.status_share_table(shares)
    numbers_table(shown, export, [status, published], "om_data_status_andel", "andel_job")
    source_caption(status, published)


def spelling_variants(catalog: Catalog) -> None:
    """Every spelling in the source that the dashboard shows corrected, with the source's."""
    st.subheader("Stavemåder i kilden")
    report = spelling_report(catalog)
    if report.empty:
        st.markdown("Ingen datasæt retter kildens stavemåde.")
        return
    st.markdown(
        "Hvor kilden har en åbenlys stavefejl, viser dashboardet den rettede stavemåde; "
        "datasættet gemmer begge. Alle rettelser står her – andre stavemåder er "
        "gengivet som i kilden (se noterne til hvert datasæt)."
    )
    table(spelling_display_table(report), key="om_data_spelling")


def dataset_description(dataset: Dataset) -> None:
    """One dataset folded away: its metadata, quality notes and a CSV download."""
    meta = dataset.metadata
    with st.expander(f"{meta.title} ({meta.period_label})"):
        st.markdown(
            f"- **Id:** `{meta.id}`\n"
            f"- **Producent:** {meta.producer}\n"
            f"- **Kildedokument:** {escape_markdown(meta.source_document)} "
            f"({format_long_date(meta.source_date)}),"
            f" fil `{meta.seed_file}`\n"
            f"- **Tabel/afsnit:** {meta.source_table}\n"
            f"- **Periode:** {meta.period_label} (`{', '.join(meta.periods)}`)\n"
            f"- **Enhed:** {meta.unit} ({meta.short_unit})\n"
            f"- **Rækker:** {format_number(len(dataset.frame))}"
            + (f"\n- **Webadresse:** {meta.source_url}" if meta.source_url else "")
        )
        if meta.notes:
            st.caption(escape_markdown(meta.notes))
        reconciliation_box(dataset)
        st.download_button(
            "Hent CSV",
            # The rows the app uses (shipped and imported), built when clicked.
            data=lambda: dataset_csv(dataset),
            file_name=dataset.csv_path.name,
            mime="text/csv",
            key=f"download_{meta.id}",
            on_click="ignore",
        )
