"""The period selector for a table with more than one period (after an import).

The newest period is the default. The choice is kept in the URL
(``?<key>_periode=2023-12``) so a copied link opens the same view; the default
is not written to the URL. Without imported periods nothing is shown and the
catalog is returned unchanged.
"""

from __future__ import annotations

import streamlit as st

from hedensted.catalog import Catalog
from hedensted.importing.period_views import catalog_at, choice_label, choices
from ui.data import get_full_catalog


def period_control(catalog: Catalog, dataset_id: str, key: str, label: str = "Periode") -> Catalog:
    """Show a period selector for ``dataset_id`` if it has several periods.

    ``key`` is prefixed by the page (e.g. ``benchmark_fuldtidspersoner``); the
    widget key and the URL parameter are ``f"{key}_periode"``. Returns
    ``catalog`` with the dataset (and a series' companion) at the chosen period.
    """
    full = get_full_catalog()
    dataset = full.datasets.get(dataset_id)
    options = choices(dataset) if dataset is not None else []
    if not options:
        return catalog
    name = f"{key}_periode"
    if name not in st.session_state:
        wanted = st.query_params.get(name)
        st.session_state[name] = wanted if wanted in options else options[0]
    elif st.session_state[name] not in options:  # a rollback removed the chosen period
        st.session_state[name] = options[0]
    chosen = st.selectbox(
        label,
        options,
        format_func=lambda code: choice_label(dataset, code),
        key=name,
        help="Nyeste periode er valgt fra start. Valget gemmes i adressen.",
    )
    if chosen == options[0]:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = chosen
    return catalog_at(catalog, full, dataset_id, chosen)
