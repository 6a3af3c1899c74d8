"""Comparison controls shared by pages, kept in the URL so a copied link reopens the view."""

from __future__ import annotations

import streamlit as st

from hedensted.view_state import (
    HEDENSTED,
    SORT_LABELS,
    ComparisonChoice,
    ComparisonOptions,
    SortOrder,
    choice_from_params,
    choice_to_params,
    make_choice,
)


def comparison_controls(options: ComparisonOptions, key: str) -> ComparisonChoice:
    """Areas, reference, groups and sort order; read from and written to the URL.

    ``key`` prefixes the widget keys (``{key}_areas``, ``{key}_reference``,
    ``{key}_groups``, ``{key}_sort``) so tests can find them.
    """
    initialised = f"{key}_initialised"
    if not st.session_state.get(initialised):
        start = choice_from_params(st.query_params.to_dict(), options)
        st.session_state[f"{key}_areas"] = [a for a in start.areas if a != HEDENSTED]
        st.session_state[f"{key}_reference"] = start.reference
        st.session_state[f"{key}_groups"] = list(start.groups)
        st.session_state[f"{key}_sort"] = start.sort.value
        st.session_state[initialised] = True

    with st.container(border=True, key=f"{key}_controls"):
        first, second, third, fourth = st.columns([3, 2, 3, 2])
        with first:
            areas = st.multiselect(
                "Områder (Hedensted vises altid)",
                [a for a in options.areas if a != HEDENSTED],
                key=f"{key}_areas",
            )
        with second:
            reference = st.selectbox(
                "Sammenlign med",
                [a for a in options.areas if a != HEDENSTED],
                key=f"{key}_reference",
            )
        with third:
            groups = (
                st.multiselect("Grupper", list(options.groups), key=f"{key}_groups")
                if options.groups
                else []
            )
        with fourth:
            sort = st.selectbox(
                "Sortering",
                [order.value for order in SortOrder],
                format_func=lambda value: SORT_LABELS[SortOrder(value)],
                key=f"{key}_sort",
            )
    choice = make_choice(areas, reference, groups, sort, options)
    st.query_params.from_dict(choice_to_params(choice, options))
    return choice
