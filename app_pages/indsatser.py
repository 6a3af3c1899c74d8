"""Indsatser: the other initiatives the committee decided on, and what became of them."""

import streamlit as st

from hedensted.core.catalog import DatasetError
from hedensted.initiatives.catalogue import for_target_groups, initiatives, target_groups
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.initiatives import initiative_section
from ui.state.data import get_catalog
from ui.state.memo import remember_domain_functions
from ui.state.url import keep_in_url, url_value
from ui.widgets.components import dataset_error

remember_domain_functions(globals())  # same data and choices → same frames and specs

TARGET_GROUP_PARAM = "maalgruppe"

catalog = get_catalog()
page_intro(
    "Indsatser",
    "De øvrige indsatser, udvalget har besluttet eller er blevet orienteret om i "
    "dokumenterne: formålet med kildens ord, tallene, målene med status fra målregistret "
    "og kilden. Vælg en målgruppe for kun at se dens indsatser.",
)
try:
    every_initiative = initiatives(catalog)
except DatasetError as error:
    dataset_error(error)
    st.stop()

groups = target_groups(every_initiative)
chosen = list(url_value(TARGET_GROUP_PARAM, [], groups))
if shows_controls():
    chosen = st.multiselect(
        "Målgruppe",
        groups,
        default=chosen,
        placeholder="Alle målgrupper",
        key="indsatser_maalgruppe",
    )
chosen = list(keep_in_url(TARGET_GROUP_PARAM, chosen, []))
shown = for_target_groups(every_initiative, chosen)

deck = Deck("indsatser", "Indsatser", "indsatser")
for initiative in shown:
    deck.section(
        initiative.title,
        lambda initiative=initiative: initiative_section(catalog, initiative),
        anchor=initiative.initiative_id.replace("_", "-"),
    )
if shown:
    deck.show()
else:
    st.info("Ingen indsatser for den valgte målgruppe.", icon=":material/info:")
