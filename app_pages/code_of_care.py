"""Code of Care: the company network, småjobs (paid hours), goals and what is on the table."""

from functools import partial

from hedensted.code_of_care.goals import CODE_OF_CARE_GOALS
from hedensted.code_of_care.paid_hours import PAID_HOURS_DATASET, STATUS_DATASET
from hedensted.code_of_care.timeline import GOAL_TIMELINE_DATASETS, TIMELINE_DATASETS
from ui.deck.section_deck import Deck, Part, page_intro
from ui.sections import code_of_care as sections
from ui.sections.goals import goal_cards_headline, goal_status_part
from ui.sidebar import reference_area
from ui.state.data import get_catalog
from ui.widgets.components import with_datasets

catalog = get_catalog()
reference = reference_area()

page_intro(
    "Code of Care Hedensted",
    "Code of Care Hedensted er et netværk af virksomheder, der tager et socialt ansvar: de "
    "ansætter borgere på kontanthjælp og i ressourceforløb i **småjobs** til ordinær løn og er "
    "ambassadører for socialt ansvar over for andre virksomheder. Udvalget skal tage stilling "
    "til netværkets fremtid – en ny Hedensted-model. Siden viser, hvordan netværket er vokset "
    "i forhold til målene, hvad det opnår, og hvad der er til drøftelse.",
)

deck = Deck("coc", "Code of Care", "code_of_care_hedensted")
deck.section(
    "Nøgletal", lambda: sections.key_figures_section(catalog, reference), anchor="noegletal"
)
# The period slider changes only this section: it reruns alone.
deck.datasets_section(
    "Netværkets vækst",
    catalog,
    list(TIMELINE_DATASETS),
    sections.growth_section,
    "netvaerk",
    fragment=True,
    headline=partial(sections.growth_slide_headline, catalog),
)
deck.datasets_section(
    "Småjobs: andel med lønnede timer",
    catalog,
    [PAID_HOURS_DATASET, STATUS_DATASET],
    sections.paid_hours_section,
    "smaajobs",
    headline=partial(sections.paid_hours_slide_headline, catalog, reference),
)
deck.parts_section(
    "Det laver netværket",
    catalog,
    [
        (
            ["code_of_care_aktiviteter_2019", "code_of_care_aktiviteter_2024"],
            sections.task_force_section,
        ),
        (["code_of_care_aktiviteter_2024"], sections.events_section),
        (["code_of_care_aktiviteter_2024"], sections.stories_section),
    ],
    "aktiviteter",
    titles=list(sections.ACTIVITY_SLIDES),
)
deck.slides(
    "Mål for Code of Care og småjobs",
    [
        Part(
            partial(
                with_datasets,
                catalog,
                ["projektmaal_2019", PAID_HOURS_DATASET, *GOAL_TIMELINE_DATASETS],
                sections.goals_section,
            ),
            partial(goal_cards_headline, CODE_OF_CARE_GOALS, "mål for Code of Care og småjobs"),
        )
    ],
    "maal",
)
deck.slides(
    "Målstatus", [goal_status_part(catalog, "Code of Care", "coc_maalstatus")], "maalstatus"
)
deck.discussion(
    lambda: with_datasets(catalog, sections.DISCUSSION_DATASETS, sections.discussion_section),
    lambda: sections.discussion_questions(catalog),
)
deck.show()
