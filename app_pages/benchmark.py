"""Benchmark: how Hedensted compares with the country, the region and its peers."""

import streamlit as st

from hedensted.benchmark.choices import comparison_options
from hedensted.core.discussion import BENCHMARK_THEMES
from ui.deck.section_deck import Deck, page_intro, shows_controls
from ui.sections import benchmark as sections
from ui.sections.discussion import DISCUSSION_DATASET, discussion_section, theme_questions
from ui.sections.goals import goal_status_part
from ui.state.data import get_catalog
from ui.state.memo import headline_tiles, memo
from ui.widgets.components import with_datasets
from ui.widgets.controls import comparison_controls
from ui.widgets.period_control import period_controls

catalog = get_catalog()

page_intro(
    "Benchmark",
    "Hvordan klarer Hedensted sig i forhold til hele landet, RAR Østjylland og "
    "sammenlignelige kommuner – og hvad er forskellen værd? Vælg områder, "
    "sammenligningsområde, ydelsesgrupper og sortering herunder. Valgene gemmes i "
    "adressen, så et kopieret link åbner samme visning.",
)

choice = comparison_controls(comparison_options(catalog), key="benchmark")
# After an import a table can have several periods: newest by default, older ones by choice.
catalog = period_controls(
    catalog,
    [
        ("fuldtidspersoner_pct_arbejdsstyrke", "benchmark_fuldtidspersoner", "Periode, forsørgede"),
        ("udgifter_pr_person_arbejdsstyrke", "benchmark_udgifter", "Periode, udgifter"),
        ("status_efter_afsluttet_forloeb", "benchmark_status", "Periode, status efter forløb"),
        ("varighed_afsluttede_forloeb", "benchmark_varighed", "Periode, varighed"),
        ("ledighedsprocent", "benchmark_ledighedsprocent", "Periode, ledighedsprocent"),
        ("bruttoledige_rar_kommuner", "benchmark_bruttoledige", "Periode, bruttoledige"),
        (
            "beskaeftigelsesministeriets_benchmark",
            "benchmark_ministeriet",
            "Periode, ministeriets benchmark",
        ),
    ],
    show=shows_controls(),
)
if shows_controls():
    st.caption(
        "Sammenligningen her gælder kun denne side (menuen til venstre styrer forsiden). "
        "Ydelsesgrupperne afgrænser afsnit 1 og 2. Sorteringen gælder ydelses- og "
        "målgrupper i afsnit 1, 2 og 5 og områderne i afsnit 6."
    )

# The headline tiles are computed once; sections 2 and 3 repeat their sentence and notes.
run = sections.BenchmarkRun(catalog, choice, memo(headline_tiles)(catalog, choice.reference))
deck = Deck("benchmark", "Benchmark", "benchmark_hedensted")
deck.section("Nøgletal for Hedensted", lambda: sections.key_figures(run), anchor="noegletal")
# Each section draws whole on the page; in presentation view each chart is a slide,
# headed by its computed message.
slides = sections.section_slides(run)
for title, part_name, parts, anchor in (
    ("1. Offentligt forsørgede", "fulltime", [sections.FULLTIME], "offentligt-forsorgede"),
    ("2. Udgifter pr. person i arbejdsstyrken", "expenses", [sections.EXPENSES], "udgifter"),
    (
        "3. Beskæftigelsesministeriets benchmark",
        "ministry",
        [sections.MINISTRY],
        "ministeriets-benchmark",
    ),
    (
        "4. Status 1 måned efter afsluttet forløb",
        "status",
        [sections.STATUS],
        "status-efter-forloeb",
    ),
    ("5. Varighed af afsluttede forløb", "duration", [sections.DURATION], "varighed"),
    (
        "6. Ledighed og beskæftigelse",
        "unemployment",
        [sections.UNEMPLOYMENT, sections.EMPLOYMENT],
        "ledighed",
    ),
):
    deck.slides(title, slides[part_name], anchor, page=sections.drawn(run, *parts))
deck.section(
    "7. Vandringer: hvor kom borgerne fra?", sections.drawn(run, sections.MIGRATIONS), "vandringer"
)
deck.slides(
    "Målstatus", [goal_status_part(catalog, "Benchmark", "benchmark_maalstatus")], "maalstatus"
)
deck.discussion(
    lambda: with_datasets(
        catalog,
        [DISCUSSION_DATASET],
        lambda points: discussion_section(points, BENCHMARK_THEMES, "benchmark_droeftelse"),
    ),
    lambda: theme_questions(catalog, BENCHMARK_THEMES),
)

deck.show()
