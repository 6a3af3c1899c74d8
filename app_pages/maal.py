"""Mål: every goal in the committee's documents, its later figure and whether it was reached."""

import streamlit as st

from hedensted.goals.charts import goals_timeline_chart
from hedensted.goals.filters import (
    GOAL_PARAMS,
    GoalFilterOptions,
    filter_from_params,
    filter_to_params,
)
from hedensted.goals.register import (
    PARTLY_TOLERANCE,
    STATUS_ORDER,
    THEMES,
    GoalFilter,
    by_status,
    deadline_years,
    filter_goals,
    goal_documents,
)
from hedensted.goals.text import goals_display, goals_export, status_label, timeline_frame
from hedensted.present.formatting import format_percent
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.goals import register_or_error, register_sources, status_tiles
from ui.state.data import get_catalog
from ui.state.url import keep_params_in_url, url_params
from ui.widgets.components import chart, shown_table

catalog = get_catalog()

page_intro(
    "Mål",
    "Alle mål i udvalgets fem dokumenter samlet ét sted – fra Beskæftigelsesplan 2017 til "
    "investeringsprojekterne 2024–2025 – med det senere tal, dokumenterne giver, og om målet "
    "blev nået. Status skrives aldrig ind: den beregnes ud fra måltal, retning og det senere tal.",
)
STATUS_RULE = (
    "- **Opfyldt**: det senere tal er på målet eller bedre (højere eller lavere efter "
    "målets retning).\n"
    f"- **Delvist**: det senere tal mangler højst {format_percent(PARTLY_TOLERANCE * 100, 0)}"
    " af måltallet (samme grænse som »bagud« for investeringsprojekterne). Et mål om en "
    "placering (»den laveste ledighedsprocent«) er enten opfyldt eller ikke.\n"
    "- **Ikke opfyldt**: det senere tal mangler mere end det.\n"
    "- **Ukendt**: kilderne har intet senere tal, målet er kvalitativt (intet tal at "
    "sammenligne med), eller målet er en ændring uden et udgangspunkt.\n\n"
    "*Målt før fristen* betyder, at tallet er fra før målets frist: en foreløbig "
    "vurdering. Hvor det senere tal findes i et andet datasæt (fx ledighedsprocenten "
    "eller Code of Care-netværkets størrelse), hentes det derfra, så status følger data."
)
if shows_controls():
    with st.expander("Sådan beregnes status"):
        st.markdown(STATUS_RULE)

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
document_names = {d.key: d.label for d in documents}

# --- filters, kept in the URL -------------------------------------------------------------
FILTER_KEYS = ("maal_tema", "maal_dokument", "maal_status", "maal_frist", "maal_uden_frist")


def goal_filters() -> GoalFilter:
    """The filter widgets, starting from the link; their choice is written back to it."""
    # Widget values are dropped when the widgets were not drawn (presentation view);
    # the URL holds the same choice, so read it again then.
    if not st.session_state.get("maal_initialised") or any(
        key not in st.session_state for key in FILTER_KEYS
    ):
        start = filter_from_params(url_params(), options)
        st.session_state["maal_tema"] = list(start.themes)
        st.session_state["maal_dokument"] = list(start.documents)
        st.session_state["maal_status"] = list(start.statuses)
        st.session_state["maal_frist"] = start.years
        st.session_state["maal_uden_frist"] = start.undated
        st.session_state["maal_initialised"] = True

    with st.container(border=True, key="maal_filters"):
        first, second, third, fourth = st.columns([2, 3, 2, 3])
        with first:
            themes = st.multiselect(
                "Tema", list(THEMES), key="maal_tema", placeholder="Alle temaer"
            )
        with second:
            chosen_documents = st.multiselect(
                "Dokument",
                list(options.documents),
                format_func=lambda key: document_names[key],
                key="maal_dokument",
                placeholder="Alle dokumenter",
            )
        with third:
            statuses = st.multiselect(
                "Status",
                [s.value for s in STATUS_ORDER],
                format_func=status_label,
                key="maal_status",
                placeholder="Alle",
            )
        with fourth:
            chosen_years = st.slider(
                "Frist (år)",
                min_value=years[0],
                max_value=years[-1],
                step=1,
                format="%d",
                key="maal_frist",
                help="Mål med frist i de valgte år.",
            )
            undated = st.toggle("Medtag mål uden frist", key="maal_uden_frist")

    choice = GoalFilter(
        themes=tuple(themes),
        documents=tuple(chosen_documents),
        statuses=tuple(statuses),
        years=tuple(chosen_years),
        undated=undated,
    )
    keep_params_in_url(filter_to_params(choice, options), GOAL_PARAMS)
    return choice


choice = (
    goal_filters()
    if shows_controls()
    else filter_from_params(url_params(), options)  # the link's choice
)
goals = filter_goals(register, choice)

deck = Deck("maal", "Mål", "maal_hedensted")


def counts_section() -> None:
    status_tiles(goals, key="maal_tiles")
    if goals.empty:
        st.info(
            "Ingen mål passer til de valgte filtre. Fjern et filter, eller udvid perioden for "
            "fristen.",
            icon=":material/filter_alt_off:",
        )


def timeline_section() -> None:
    timeline = timeline_frame(goals)
    undated_count = len(goals) - len(timeline)
    if timeline.empty:
        st.info(
            "Ingen af de valgte mål har en frist, så tidslinjen er tom.", icon=":material/info:"
        )
    else:
        st.markdown(
            "Hvert punkt er ét mål, placeret ved sin frist; mål med samme frist står oven på "
            "hinanden. Farven er status. Hold musen over et punkt for at se målet, tallene og "
            "kilden."
        )
        chart(goals_timeline_chart(timeline), key="maal_chart_timeline")
    if undated_count:
        st.caption(
            f"{undated_count} af de valgte mål har ingen dato i kilden og vises kun i tabellen."
        )
    register_sources(catalog, goals, actuals=False)


def table_section() -> None:
    sorted_goals = by_status(goals)
    shown_table(
        goals_display(sorted_goals),
        goals_export(sorted_goals),
        [catalog.get(d) for d in dict.fromkeys(goals["dataset_id"])],
        key="maal_table",
    )
    register_sources(catalog, goals, goals_too=timeline_frame(goals).empty)


deck.section("Status for målene", counts_section, anchor="status")
if not goals.empty:
    deck.section("Mål efter frist", timeline_section, anchor="frist")
    deck.section("Alle valgte mål", table_section, anchor="alle-maal")
deck.show()
