"""Investeringsprojekter 2024–2025: overview, progress per project, måltal, monthly entry."""

from functools import partial

from hedensted.core.discussion import INVESTMENT_THEMES
from hedensted.investment_projects.projects import project_names
from ui.deck.section_deck import Deck, page_intro
from ui.sections import investment_projects as sections
from ui.sections.discussion import DISCUSSION_DATASET, discussion_section, theme_questions
from ui.sections.goals import goal_status_part
from ui.sections.investment_projects import DATASETS, KEY
from ui.state.data import get_catalog
from ui.widgets.components import with_datasets

catalog = get_catalog()
page_intro(
    "Investeringsprojekter 2024–2025",
    "Fem investeringsprojekter i Udvalget for Beskæftigelse med mål for august 2024 og på "
    "længere sigt. Lederne indtaster tallene i statusskemaerne primo hver måned; trafiklyset "
    "sammenligner den senest indtastede måned med målstien fra startmålingen gennem delmålene.",
)
run = sections.ProjectsRun(catalog)  # opens and reads the register once per run

deck = Deck(KEY, "Investeringsprojekter", "investeringsprojekter_hedensted", layout="tabs")
# The overview is one slide per project (below) and, in the files, one per project's table.
deck.datasets_section(
    "Overblik",
    catalog,
    DATASETS,
    partial(sections.overview, run),
    presentable=False,
    exported=True,
)
# On the meeting-room screen the overview is one slide per project: five projects
# on one slide would not be readable.
for project_id, project_name in project_names(catalog):
    deck.datasets_section(
        project_name,
        catalog,
        DATASETS,
        sections.project_overview(run, project_id),
        page_view=False,
    )
# Page view only: on the screen each project has its slide above, with the same figures.
deck.datasets_section(
    "Pr. projekt", catalog, DATASETS, partial(sections.per_project, run), presentable=False
)
deck.datasets_section(
    "Måltal",
    catalog,
    ["maaltal_investeringer"],
    sections.maaltal_section,
    headline=partial(sections.maaltal_slide_headline, catalog),
)
deck.slides(
    "Målstatus",
    [goal_status_part(catalog, "Investeringsprojekter", "invest_maalstatus")],
    "maalstatus",
)
deck.datasets_section(
    "Månedlig indtastning", catalog, DATASETS, partial(sections.entry, run), presentable=False
)
deck.datasets_section(
    "Historik", catalog, DATASETS, partial(sections.history, run), presentable=False
)
deck.discussion(
    lambda: with_datasets(
        catalog,
        [DISCUSSION_DATASET],
        lambda points: discussion_section(points, INVESTMENT_THEMES, f"{KEY}_droeftelse"),
    ),
    lambda: theme_questions(catalog, INVESTMENT_THEMES),
)
deck.show()
