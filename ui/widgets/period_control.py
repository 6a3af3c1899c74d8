"""The period selector for a table with more than one period (after an import).

The newest period is the default. The choice is kept in the URL
(``?<key>_periode=2023-12``) so a copied link opens the same view; the default
is not written to the URL. Without imported periods nothing is shown and the
catalog is returned unchanged.
"""

from __future__ import annotations

import streamlit as st

from hedensted.core.catalog import Catalog
from hedensted.importing.period_views import catalog_at, choice_label, choices
from ui.state.data import get_full_catalog
from ui.state.memo import memo
from ui.state.url import keep_in_url, url_value

# The same catalog objects for the same choice, so what is computed from them is reused.
_catalog_at = memo(catalog_at)


def _chosen_from_url(name: str, options: list[str]) -> str:
    return str(url_value(name, options[0], options))


def period_control(
    catalog: Catalog, dataset_id: str, key: str, label: str = "Periode", show: bool = True
) -> Catalog:
    """Show a period selector for ``dataset_id`` if it has several periods.

    ``key`` is prefixed by the page (e.g. ``benchmark_fuldtidspersoner``); the
    widget key and the URL parameter are ``f"{key}_periode"``. Returns
    ``catalog`` with the dataset (and a series' companion) at the chosen period.
    """
    full = get_full_catalog()
    dataset = full.datasets.get(dataset_id)
    if dataset is None:
        return catalog
    options: list[str] = choices(dataset)
    if not options:
        return catalog
    name = f"{key}_periode"
    if not show:  # e.g. the presentation view: keep the linked choice, draw no widget
        return _catalog_at(catalog, full, dataset_id, _chosen_from_url(name, options))
    if name not in st.session_state:
        st.session_state[name] = _chosen_from_url(name, options)
    elif st.session_state[name] not in options:  # a rollback removed the chosen period
        st.session_state[name] = options[0]
    chosen = st.selectbox(
        label,
        options,
        format_func=lambda code: choice_label(dataset, code),
        key=name,
        help="Nyeste periode er valgt fra start. Valget gemmes i adressen.",
    )
    return _catalog_at(catalog, full, dataset_id, str(keep_in_url(name, chosen, options[0])))


def period_controls(
    catalog: Catalog, controls: list[tuple[str, str, str]], show: bool = True
) -> Catalog:
    """Period selectors side by side for the datasets that have several periods.

    ``controls`` holds (dataset id, key, label). Nothing is drawn when no dataset
    has imported periods, so a page looks exactly as before an import.
    """
    full = get_full_catalog()
    shown = [c for c in controls if c[0] in full.datasets and choices(full.datasets[c[0]])]
    if not shown:
        return catalog
    columns = st.columns(max(len(shown), 3)) if show else [None] * len(shown)
    for column, (dataset_id, key, label) in zip(columns, shown, strict=False):
        if column is None:
            catalog = period_control(catalog, dataset_id, key, label, show=False)
            continue
        with column:
            catalog = period_control(catalog, dataset_id, key, label)
    return catalog
