"""Forside: the headline comparisons with their sources."""

from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections.discussion import (
    DISCUSSION_DATASET,
    overview_discussion_section,
    overview_questions,
)
from ui.sections.front_page import fulltime_section, key_figures_section, theme_pages_section
from ui.sidebar import reference_area
from ui.state.data import get_catalog
from ui.state.memo import headline_tiles, memo
from ui.widgets.components import with_datasets
from ui.widgets.period_control import period_controls

catalog = get_catalog()
reference = reference_area()

page_intro(
    "Beskæftigelse i Hedensted",
    "Nøgletal for beskæftigelsesindsatsen i Hedensted Kommune, sammenlignet med "
    f"**{reference}**. Skift sammenligning i menuen til venstre.",
)
# After an import a table can have several periods: newest by default, older by choice.
catalog = period_controls(
    catalog,
    [
        ("fuldtidspersoner_pct_arbejdsstyrke", "forside_fuldtidspersoner", "Periode, forsørgede"),
        ("udgifter_pr_person_arbejdsstyrke", "forside_udgifter", "Periode, udgifter"),
        ("ledighedsprocent", "forside_ledighedsprocent", "Periode, ledighedsprocent"),
    ],
    show=shows_controls(),
)
tiles = memo(headline_tiles)(catalog, reference)

deck = Deck("forside", "Beskæftigelse i Hedensted", "beskaeftigelse_hedensted")
deck.section("Nøgletal", lambda: key_figures_section(catalog, tiles, reference), anchor="noegletal")
deck.datasets_section(
    "Fuldtidspersoner på offentlig forsørgelse pr. ydelsesgruppe",
    catalog,
    ["fuldtidspersoner_pct_arbejdsstyrke"],
    lambda dataset: fulltime_section(dataset, reference),
    "fuldtidspersoner",
)
deck.section("Temasider", theme_pages_section, anchor="temasider", presentable=False)
deck.discussion(
    lambda: with_datasets(
        catalog,
        [DISCUSSION_DATASET],
        lambda points: overview_discussion_section(points, "forside_droeftelse"),
    ),
    lambda: overview_questions(catalog),
)
deck.show()
