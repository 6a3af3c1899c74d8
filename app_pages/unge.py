"""Unge: the youth unit's offers, young people's courses, apprentices, outcomes and goals."""

from functools import partial

from hedensted.goals.text import slide_pages
from hedensted.youth.goals import APPRENTICE_GOALS, APPRENTICE_PROJECT, YOUTH_GOALS_2017
from ui.deck.section_deck import Deck, Part, page_intro, shows_controls
from ui.sections import youth
from ui.sections.goals import goal_cards_headline, goal_status_part
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
    headline=partial(youth.under_18_headline, catalog),
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
    titles=[
        partial(youth.apprentice_ages_headline, catalog),
        "Voksenlærlingenes fag",
        partial(
            goal_cards_headline,
            APPRENTICE_GOALS,
            f"mål for {APPRENTICE_PROJECT.lower()} 2019–2020",
        ),
    ],
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
# Seven goal cards do not fit one screen: on a slide at most four, on the page all of them.
YOUTH_GOAL_DATASETS = ["ungemaal_2016_2018", "resultatmaal_2017"]
FRIKORT_DATASETS = ["investeringsprojekter", "statusskema_indikatorer", "maaltal_investeringer"]
youth_goal_slides = [
    Part(
        partial(
            with_datasets,
            catalog,
            YOUTH_GOAL_DATASETS,
            partial(youth.youth_goals_section, goal_ids=YOUTH_GOALS_2017[page.start : page.stop]),
        ),
        partial(goal_cards_headline, YOUTH_GOALS_2017, "mål for de unge frem mod 2018", page),
    )
    for page in slide_pages(len(YOUTH_GOALS_2017), 4)
]
frikort = Part(
    partial(with_datasets, catalog, FRIKORT_DATASETS, youth.frikort_section),
    "Unge i job med Socialt Frikort",
)


def draw_youth_goals() -> None:
    with_datasets(catalog, YOUTH_GOAL_DATASETS, youth.youth_goals_section)
    frikort.render()


deck.slides("Mål for unge", [*youth_goal_slides, frikort], "maal", page=draw_youth_goals)
deck.slides("Målstatus", [goal_status_part(catalog, "Unge", "unge_maalstatus")], "maalstatus")
deck.discussion(
    lambda: with_datasets(catalog, [youth.DISCUSSION_DATASET], youth.discussion_section),
    lambda: youth.discussion_questions(catalog),
)
deck.show()
