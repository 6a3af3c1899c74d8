"""The sidebar all pages share, with the filters that cross pages."""

from __future__ import annotations

import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.constants import DEFAULT_REFERENCE
from ui.deck.presentation import presentation_toggle
from ui.state.url import keep_in_url, url_value

REFERENCE_KEY = "reference_area"
REFERENCE_PARAM = "sammenlign"
REFERENCE_DATASET = "fuldtidspersoner_pct_arbejdsstyrke"


def reference_options(catalog: Catalog) -> list[str]:
    """Areas Hedensted can be compared with (those in the headline dataset)."""
    try:
        frame = catalog.get(REFERENCE_DATASET).frame
    except DatasetError:
        return [DEFAULT_REFERENCE]
    return [a for a in dict.fromkeys(frame["area"]) if a != "Hedensted"]


def render_sidebar(catalog: Catalog) -> None:
    """Draw the shared sidebar; the chosen reference lives in session state."""
    with st.sidebar:
        st.markdown("### Udvalget for Beskæftigelse")
        options = reference_options(catalog)
        default = DEFAULT_REFERENCE if DEFAULT_REFERENCE in options else options[0]
        if st.session_state.get(REFERENCE_KEY) not in options:
            st.session_state[REFERENCE_KEY] = url_value(REFERENCE_PARAM, default, options)
        st.selectbox(
            "Sammenlign Hedensted med",
            options,
            key=REFERENCE_KEY,
            help=(
                "Gælder for forsidens nøgletal. Benchmark og Unge har deres eget valg, "
                "som gemmes i linket."
            ),
        )
        keep_in_url(REFERENCE_PARAM, st.session_state[REFERENCE_KEY], default)
        presentation_toggle()
        if catalog.errors:
            st.warning(
                f"{len(catalog.errors)} datasæt kunne ikke indlæses. Se siden »Om data«.",
                icon=":material/warning:",
            )
        st.caption(
            "Alle tal stammer fra udvalgets egne mødedokumenter 2016–2024. "
            "Kilden står under hver figur."
        )


def reference_area() -> str:
    """The reference area chosen in the sidebar."""
    return st.session_state.get(REFERENCE_KEY, DEFAULT_REFERENCE)
