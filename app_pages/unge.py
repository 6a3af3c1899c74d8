"""Unge: the youth unit's offers, young people's courses, apprentices, outcomes and goals."""

from ui.deck.section_deck import Deck, Part, page_intro, shows_controls
from ui.sections import youth
from ui.sections.goals import goals_section as register_goals_section
from ui.sidebar import reference_area
from ui.state.data import get_catalog
from ui.widgets.components import with_datasets
from ui.widgets.period_control import period_controls

catalog = get_catalog()
reference = reference_area()

page_intro("Unge", "")
# After an import a table can have several periods: newest by default, older by choice.
catalog = period_controls(
    catalog,
    [
        ("status_efter_afsluttet_forloeb", "unge_status", "Periode, status efter forløb"),
        ("varighed_afsluttede_forloeb", "unge_varighed", "Periode, varighed"),
        ("fuldtidspersoner_pct_arbejdsstyrke", "unge_fuldtid", "Periode, fuldtidspersoner"),
    ],
    show=shows_controls(),
)

deck = Deck("unge", "Unge", "unge_hedensted")
deck.section(
    "Nøgletal og fokus",
    lambda: youth.key_figures_section(catalog, reference),
    anchor="noegletal",
)
deck.datasets_section(
    "Tilbud til unge", catalog, ["ungeenhedens_tilbud"], youth.offers_section, "tilbud"
)
deck.datasets_section(
    "Unge under 18 – afsluttede forløb 2023",
    catalog,
    ["unge_under_18_afsluttede_tilbud"],
    youth.under_18_section,
    "under-18",
)
deck.parts_section(
    "Voksenlærlinge",
    catalog,
    [
        (["voksenlaerlinge_alder"], youth.apprentice_ages_section),
        (["voksenlaerlinge_alder", "voksenlaerlinge_fag"], youth.apprentice_trades_section),
        (["projektmaal_2019"], youth.apprentice_goals_section),
    ],
    "voksenlaerlinge",
    titles=["Voksenlærlinge efter alder", "Voksenlærlingenes fag", "Mål for voksenlærlinge"],
)
deck.slides(
    "Uddannelseshjælp sammenlignet med andre områder",
    [
        Part(
            lambda render=render: with_datasets(catalog, youth.COMPARISON_DATASETS, render),
            headline,
        )
        for render, headline in zip(
            [youth.status_comparison, youth.duration_comparison, youth.fulltime_comparison],
            youth.comparison_headlines(catalog),
            strict=True,
        )
    ],
    "uddannelseshjaelp",
)
deck.datasets_section(
    "Hvad laver de 17-25-årige i Hedensted Kommune?",
    catalog,
    ["ungeenhedens_tilbud"],
    youth.missing_figures_section,
    "17-25-aarige",
)
deck.parts_section(
    "Mål for unge",
    catalog,
    [
        (["ungemaal_2016_2018", "resultatmaal_2017"], youth.youth_goals_section),
        (
            ["investeringsprojekter", "statusskema_indikatorer", "maaltal_investeringer"],
            youth.frikort_section,
        ),
    ],
    "maal",
    titles=["Mål for de unge frem mod 2018", "Unge i job med Socialt Frikort"],
)
deck.section(
    "Målstatus",
    lambda: register_goals_section(catalog, "Unge", key="unge_maalstatus"),
    anchor="maalstatus",
)
deck.discussion(
    lambda: with_datasets(catalog, [youth.DISCUSSION_DATASET], youth.discussion_section),
    lambda: youth.discussion_questions(catalog),
)
deck.show()
