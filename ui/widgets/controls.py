"""Comparison controls shared by pages, kept in the URL so a copied link reopens the view."""

from __future__ import annotations

import streamlit as st

from hedensted.core.view_state import (
    COMPARISON_PARAMS,
    HEDENSTED,
    SORT_LABELS,
    ComparisonChoice,
    ComparisonOptions,
    SortOrder,
    choice_from_params,
    choice_to_params,
    make_choice,
)
from ui.deck.presentation import is_presentation
from ui.state.url import keep_params_in_url, url_params


def comparison_controls(options: ComparisonOptions, key: str) -> ComparisonChoice:
    """Areas, reference, groups and sort order; read from and written to the URL.

    ``key`` prefixes the widget keys (``{key}_areas``, ``{key}_reference``,
    ``{key}_groups``, ``{key}_sort``) so tests can find them.
    """
    initialised = f"{key}_initialised"
    # Widget values are dropped by Streamlit when the widgets were not drawn (in
    # presentation view); the URL holds the same choice, so read it again then.
    if not st.session_state.get(initialised) or f"{key}_areas" not in st.session_state:
        start = choice_from_params(url_params(), options)
        st.session_state[f"{key}_areas"] = [a for a in start.areas if a != HEDENSTED]
        st.session_state[f"{key}_reference"] = start.reference
        st.session_state[f"{key}_groups"] = list(start.groups)
        st.session_state[f"{key}_sort"] = start.sort.value
        st.session_state[initialised] = True

    if is_presentation():
        # Controls are hidden on the meeting-room screen; the link's choice applies.
        return make_choice(
            st.session_state[f"{key}_areas"],
            st.session_state[f"{key}_reference"],
            st.session_state[f"{key}_groups"],
            st.session_state[f"{key}_sort"],
            options,
        )

    # Folded into one button that says what is chosen, so the page's first screen
    # (a 1366×768 laptop) shows figures, not filters.
    label = choice_summary(
        st.session_state[f"{key}_areas"],
        st.session_state[f"{key}_reference"],
        st.session_state[f"{key}_groups"],
        st.session_state[f"{key}_sort"],
        options,
    )
    with (
        st.popover(label, icon=":material/tune:", key=f"{key}_valg"),
        st.container(key=f"{key}_controls"),
    ):
        areas = st.multiselect(
            "Områder (Hedensted vises altid)",
            [a for a in options.areas if a != HEDENSTED],
            key=f"{key}_areas",
        )
        reference = st.selectbox(
            "Sammenlign med",
            [a for a in options.areas if a != HEDENSTED],
            key=f"{key}_reference",
        )
        groups = (
            st.multiselect("Grupper", list(options.groups), key=f"{key}_groups")
            if options.groups
            else []
        )
        sort = st.selectbox(
            "Sortering",
            [order.value for order in SortOrder],
            format_func=lambda value: SORT_LABELS[SortOrder(value)],
            key=f"{key}_sort",
        )
    choice = make_choice(areas, reference, groups, sort, options)
    # Only this control's parameters change; others in the link (view, slide) stay.
    keep_params_in_url(choice_to_params(choice, options), COMPARISON_PARAMS)
    return choice


def choice_summary(
    areas: list[str],
    reference: str,
    groups: list[str],
    sort: str,
    options: ComparisonOptions,
) -> str:
    """What the folded controls have chosen, in one line: »Sammenlignet med RAR
    Østjylland · 4 områder · alle 13 grupper · som i kilden«."""
    shown_areas = len([a for a in areas if a != HEDENSTED]) + 1
    parts = [f"Sammenlignet med {reference}", f"{shown_areas} områder"]
    if options.groups:
        total = len(options.groups)
        parts.append(
            f"alle {total} grupper" if len(groups) == total else f"{len(groups)} af {total} grupper"
        )
    parts.append(SORT_LABELS[SortOrder(sort)].lower())
    return " · ".join(parts)
