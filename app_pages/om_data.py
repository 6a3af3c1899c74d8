"""Om data: every dataset with its provenance, size, data quality and a download."""

import streamlit as st

from hedensted.present.formatting import format_number
from ui.sections.about_data import (
    broken_datasets,
    computed_and_published,
    dataset_description,
    published_totals,
    spelling_variants,
)
from ui.state.data import get_full_catalog, get_quality_report

catalog = get_full_catalog()  # every period, imported ones included

st.title("Om data")
st.markdown(
    "Alle tal i dashboardet er skrevet af fra udvalgets egne dokumenter og ligger som "
    "CSV-filer med metadata i mappen `data/`. Filerne kontrolleres, hver gang de indlæses. "
    "Et punktum (».«) i kilden betyder, at tallet ikke er oplyst – det vises som »–« og "
    "tælles aldrig som 0."
)
st.metric("Datasæt", format_number(len(catalog.datasets)), border=True)
broken_datasets(catalog)
published_totals(get_quality_report())
computed_and_published(catalog)
spelling_variants(catalog)
st.subheader("Datasæt")
for dataset in sorted(catalog.datasets.values(), key=lambda d: d.metadata.title):
    dataset_description(dataset)
