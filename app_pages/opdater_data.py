"""Opdater data: editors bring in a new period from a template or a Jobindsats export."""

import streamlit as st

from hedensted.importing.specs import importable_ids
from ui.editors.data_import import (
    api_fetch,
    current_periods,
    flash,
    open_store,
    template_downloads,
    upload_and_confirm,
    versions_and_rollback,
)
from ui.editors.monthly_entry import login_panel
from ui.state.data import get_full_catalog
from ui.state.url import url_selectbox

KEY = "opdater_data"

st.title("Opdater data")
st.markdown(
    "Her indlæser redaktører en ny periode til benchmarktabellerne – hentet direkte fra "
    "datasættets kilde (Jobindsats eller Danmarks Statistik: vælg datasæt og tryk »Hent«), "
    "fra katalogets egen skabelon (CSV eller Excel) eller en eksport fra Jobindsats.dk. "
    "Tallene kontrolleres, før "
    "noget gemmes; du ser først, hvad der ændres, og bekræfter. Hver indlæsning er en "
    "version, og den leverede data (version 1) ændres aldrig. Fortryder du, ruller du "
    "tilbage til versionen før."
)
flash(KEY)
user = login_panel(KEY, "for at indlæse nye tal")
register = open_store()
full = get_full_catalog()
available = [i for i in importable_ids() if i in full.datasets]
dataset_id = url_selectbox(
    "Datasæt",
    {i: full.datasets[i].metadata.title for i in available},
    "datasaet",
    f"{KEY}_dataset",
)
dataset = full.datasets[dataset_id]
st.caption(f"{current_periods(dataset)} Enhed: {dataset.metadata.unit}.")

if register is not None and user.is_editor:
    st.subheader("1. Hent skabelonen")
    template_downloads(dataset, KEY)
    st.subheader("2. Indlæs, se ændringerne og bekræft")
    api_fetch(dataset, KEY)
    upload_and_confirm(register, full, dataset, user, KEY)
elif register is not None:
    st.info(
        "Log ind som redaktør for at indlæse nye tal. Alle kan se versionerne herunder.",
        icon=":material/lock:",
    )

if register is not None:
    st.subheader("Versioner")
    versions_and_rollback(register, dataset, user, KEY)
