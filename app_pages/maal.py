"""Mål: every goal in the committee's documents, the evidence and whether it was reached."""

import streamlit as st

from hedensted.goals.filters import GoalFilterOptions, filter_from_params
from hedensted.goals.register import (
    THEMES,
    by_status,
    deadline_years,
    filter_goals,
    goal_count_sentence,
    goal_documents,
)
from hedensted.goals.text import deadline_headline, goal_line_pages, goal_page_headline
from ui.deck.section_deck import Deck, Part, page_intro, shows_controls
from ui.sections.goals import (
    STATUS_RULE,
    counts_section,
    goal_filters,
    left_out_list,
    register_or_error,
    table_section,
    table_slide,
    timeline_section,
)
from ui.state.data import get_catalog
from ui.state.memo import remember_domain_functions
from ui.state.url import url_params

remember_domain_functions(globals())  # same data and choices → same frames and specs

catalog = get_catalog()

page_intro(
    "Mål",
    "Alle mål i udvalgets fem dokumenter samlet ét sted – fra Beskæftigelsesplan 2017 til "
    "investeringsprojekterne 2024–2025 – med det tal, dokumenterne giver, og om målet blev "
    "nået. Status skrives aldrig ind: den gives af én fælles regel, og kun på et tal, der "
    "passer til målet.",
)
if shows_controls():
    with st.expander("Sådan vurderes målene"):
        st.markdown(STATUS_RULE)
    with st.expander("Sætninger i dokumenterne, der med vilje ikke er med som mål"):
        left_out_list(catalog)

register = register_or_error()
if register is None:
    st.stop()

documents = goal_documents(catalog)
years = deadline_years(register)
options = GoalFilterOptions(
    themes=THEMES,
    documents=tuple(d.key for d in documents),
    first_year=years[0],
    last_year=years[-1],
)
from_link = filter_from_params(url_params(), options)
choice = (
    goal_filters(from_link, options, {d.key: d.label for d in documents})
    if shows_controls()
    else from_link  # presentation view: the link's choice
)
goals = filter_goals(register, choice)

deck = Deck("maal", "Mål", "maal_hedensted")
deck.slides(
    "Status for målene",
    [Part(lambda: counts_section(goals), lambda: goal_count_sentence(goals))],
    anchor="status",
)
if not goals.empty:
    deck.section(
        "Mål efter frist",
        lambda: timeline_section(catalog, goals),
        anchor="frist",
        headline=lambda: deadline_headline(goals),
    )
    # On the page the whole table; on the meeting-room screen a few goals a slide, one line
    # each with its verdict (the table in full is in the Excel file).
    ordered = by_status(goals)
    deck.slides(
        "Alle valgte mål",
        [
            Part(
                lambda page=page: table_slide(catalog, ordered, page),
                lambda page=page: goal_page_headline(ordered, page),
            )
            for page in goal_line_pages(ordered)
        ],
        anchor="alle-maal",
        page=lambda: table_section(catalog, goals),
    )
deck.show()
