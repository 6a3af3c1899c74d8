"""Om data: every dataset with its provenance, size, data quality and a download."""

import streamlit as st

from hedensted.core.catalog import Dataset
from hedensted.core.catalog_csv import dataset_csv
from hedensted.present.formatting import format_long_date, format_number
from hedensted.present.quality_table import quality_display_table
from ui.state.data import get_full_catalog, get_quality_report
from ui.widgets.components import dataset_error, quality_notes, table

catalog = get_full_catalog()  # every period, imported ones included

st.title("Om data")
st.markdown(
    "Alle tal i dashboardet er skrevet af fra udvalgets egne dokumenter og ligger som "
    "CSV-filer med metadata i mappen `data/`. Filerne kontrolleres, hver gang de indlæses. "
    "Et punktum (».«) i kilden betyder, at tallet ikke er oplyst – det vises som »–« og "
    "tælles aldrig som 0."
)
st.metric("Datasæt", format_number(len(catalog.datasets)), border=True)

if catalog.errors:
    st.subheader("Datasæt med fejl")
    for error in catalog.errors.values():
        dataset_error(error)

st.subheader("Offentliggjorte totaler og summen af delene")
st.markdown(
    "Hvor et dokument oplyser en total, sammenlignes den med summen af delene. "
    "Afvigelser skyldes typisk afrunding eller personer uden kategori. "
    "Tallene rettes aldrig – begge vises."
)
table(quality_display_table(get_quality_report()), key="om_data_quality")

st.subheader("Datasæt")


def describe(dataset: Dataset) -> None:
    meta = dataset.metadata
    with st.expander(f"{meta.title} ({meta.period_label})"):
        st.markdown(
            f"- **Id:** `{meta.id}`\n"
            f"- **Producent:** {meta.producer}\n"
            f"- **Kildedokument:** {meta.source_document} ({format_long_date(meta.source_date)}),"
            f" fil `{meta.seed_file}`\n"
            f"- **Tabel/afsnit:** {meta.source_table}\n"
            f"- **Periode:** {meta.period_label} (`{', '.join(meta.periods)}`)\n"
            f"- **Enhed:** {meta.unit} ({meta.short_unit})\n"
            f"- **Rækker:** {format_number(len(dataset.frame))}"
            + (f"\n- **Webadresse:** {meta.source_url}" if meta.source_url else "")
        )
        if meta.notes:
            st.caption(meta.notes)
        quality_notes(dataset)
        st.download_button(
            "Hent CSV",
            # The rows the app uses (shipped and imported), built when clicked.
            data=lambda: dataset_csv(dataset),
            file_name=dataset.csv_path.name,
            mime="text/csv",
            key=f"download_{meta.id}",
            on_click="ignore",
        )


for dataset in sorted(catalog.datasets.values(), key=lambda d: d.metadata.title):
    describe(dataset)
