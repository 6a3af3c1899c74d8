"""Goals on slides: one short line of evidence, headlines counted by the judge, and the
goal table paged over slides that fit a 1280×720 projector."""

from __future__ import annotations

import pandas as pd
import pytest

from hedensted.code_of_care.goals import CODE_OF_CARE_GOALS
from hedensted.core.catalog import Catalog
from hedensted.goals.register import by_status, goal_register, goals_by_id, goals_for_theme
from hedensted.goals.text import (
    SLIDE_GOALS,
    SLIDE_LINES,
    evidence_line,
    evidence_text,
    first_sentence,
    goal_line_pages,
    goal_page_headline,
    goals_headline,
    slide_pages,
)
from hedensted.youth.goals import APPRENTICE_GOALS, YOUTH_GOALS_2017
from tests.apptest_support import open_page
from tests.seed_support import seeds_folder

JOIN = "\N{WORD JOINER}–\N{WORD JOINER}"


@pytest.fixture(scope="module")
def register(catalog: Catalog) -> pd.DataFrame:
    return goal_register(catalog)


def _row(register: pd.DataFrame, goal_id: str) -> pd.Series:
    return goals_by_id(register, (goal_id,)).iloc[0]


def test_first_sentence_does_not_end_at_an_abbreviation() -> None:
    assert first_sentence("Tallet er fra jan. 2024 og nr. 2. Resten står på siden.") == (
        "Tallet er fra jan. 2024 og nr. 2."
    )
    assert first_sentence("Ét udsagn uden punktum") == "Ét udsagn uden punktum."


def test_evidence_line_is_the_figure_or_the_first_reason(register: pd.DataFrame) -> None:
    unemployment = _row(register, "inv24_klar_lang_3")
    line = evidence_line(unemployment)
    # The figure of the theme discussion 5 March 2024 (the 2,4 % is in its table).
    assert line == (
        "nr. 2 af 12 (2,4\u00a0%) (jan. 2024). Hedensted har 2,4\u00a0% og er nr. 2 af 12 "
        "kommuner i RAR Østjylland i jan. 2024; lavest er Skanderborg med 2,2\u00a0%."
    )
    assert "Kilde:" not in line and "Passer" not in line  # on the page, not on the slide
    assert evidence_text(unemployment).startswith(line)
    network = _row(register, "ufb19_coc_netvaerk")
    assert evidence_line(network).startswith("41\u00a0virksomheder i netværket (jun. 2019).")
    no_figure = _row(register, "bp17_unge_ungdomsuddannelse_2018")
    assert evidence_line(no_figure) == "Dokumenterne har intet senere tal for målet."
    assert len(str(no_figure["verdict_reason"])) > len(evidence_line(no_figure))


def test_figures_in_the_evidence_lines_are_in_their_documents(register: pd.DataFrame) -> None:
    seeds = seeds_folder()
    summer_2019 = (seeds / "000_465c86e5ea9b9482.txt").read_text("utf-8")
    discussion_2024 = (seeds / "002_46aad5eee344e12c.txt").read_text("utf-8")
    assert "41" in evidence_line(_row(register, "ufb19_coc_netvaerk")) and "41" in summer_2019
    assert "19,3" in evidence_line(_row(register, "ufb19_fokus_smaajobs"))
    assert "19,3" in summer_2019
    assert "2,4" in discussion_2024 and "2,2" in discussion_2024


def test_goals_headline_counts_the_verdicts(register: pd.DataFrame) -> None:
    youth = goals_by_id(register, YOUTH_GOALS_2017)
    assert goals_headline(youth, "mål for de unge frem mod 2018") == (
        "Ingen af de 7 mål for de unge frem mod 2018 kan vurderes ud fra dokumenterne."
    )
    assert goals_headline(youth, "mål for de unge frem mod 2018", range(4, 7)) == (
        "Ingen af de 7 mål for de unge frem mod 2018 kan vurderes ud fra dokumenterne "
        f"– her mål 5{JOIN}7 af 7."
    )
    assert goals_headline(goals_by_id(register, CODE_OF_CARE_GOALS), "mål for Code of Care") == (
        "3 mål for Code of Care: 1 undervejs og 2 kan ikke vurderes."
    )
    apprentices = goals_by_id(register, APPRENTICE_GOALS)
    assert goals_headline(apprentices, "mål") == "3 mål: 2 undervejs og 1 kan ikke vurderes."
    investments = goals_for_theme(register, "Investeringsprojekter")
    assert goals_headline(investments, "mål i temaet Investeringsprojekter") == (
        "115 mål i temaet Investeringsprojekter: 1 ikke opfyldt, 1 undervejs og "
        "113 kan ikke vurderes."
    )
    underway = goals_by_id(register, APPRENTICE_GOALS[:2])
    assert goals_headline(underway, "mål") == "Alle 2 mål er undervejs."
    with pytest.raises(ValueError, match="ingen mål at opsummere"):
        goals_headline(youth.iloc[0:0], "mål")


def test_slide_pages_are_even() -> None:
    assert slide_pages(7, 4) == [range(0, 4), range(4, 7)]
    assert slide_pages(3, 4) == [range(0, 3)]
    assert slide_pages(9, 4) == [range(0, 3), range(3, 6), range(6, 9)]
    assert slide_pages(0, 4) == []
    with pytest.raises(ValueError, match="mindst ét mål"):
        slide_pages(3, 0)


def test_goal_table_slides_hold_every_goal_once_and_fit(register: pd.DataFrame) -> None:
    goals = by_status(register)
    pages = goal_line_pages(goals)
    assert [index for page in pages for index in page] == list(range(len(goals)))
    assert all(1 <= len(page) <= SLIDE_GOALS for page in pages)
    # A slide's lines: ~150 characters a line at 1280 px, the goal, its deadline and badge.
    assert len(pages) < len(goals) / 6  # not one goal a slide
    assert len(pages[-1]) >= len(pages[-2]) // 2  # no short last slide
    one_page = goal_line_pages(goals, lines=SLIDE_LINES, most=3)
    assert all(len(page) <= 3 for page in one_page)
    assert goal_page_headline(goals, pages[0]) == (
        f"Mål 1{JOIN}{pages[0].stop} af 173: 1 ikke opfyldt, 4 undervejs og "
        f"{len(pages[0]) - 5} kan ikke vurderes."
    )
    second = pages[1]
    assert goal_page_headline(goals, second) == (
        f"Mål {second.start + 1}{JOIN}{second.stop} af 173: "
        "ingen af dem kan vurderes ud fra dokumenterne."
    )
    assert goal_page_headline(goals, range(0, 1)) == "Mål 1 af 173: 1 ikke opfyldt."


def test_a_theme_pages_goal_slide_lists_the_judged_goals_one_line_each() -> None:
    """Investeringsprojekter's »Målstatus« slide showed a table of small evidence text; now
    the two goals with a verdict or progress, one line each, and the 113 others counted."""
    app = open_page(
        "app_pages/investeringsprojekter.py", query={"visning": "praesentation", "dias": "7"}
    )
    assert app.header[0].value.startswith("115 mål i temaet Investeringsprojekter: 1 ikke")
    texts = [m.value for m in app.markdown]
    lines = next(t for t in texts if "laveste ledighedsprocent" in t)
    assert lines.count("\n- ") == 1 and "Undervejs: 0 af 65, mar. 2024" in lines
    assert "nr. 2 af 12 (2,4" in lines
    assert any(t.startswith("113 mål kan ikke vurderes ud fra dokumenterne") for t in texts)
    assert not app.dataframe and not app.expander


def test_a_theme_pages_goal_slides_in_powerpoint_follow_the_screen(downloads: dict) -> None:
    """The Investeringsprojekter PowerPoint listed all 115 goals over 14 slides (earlier:
    three slides, then »… i Excel-filen«); like the screen's slide, it shows the two goals
    with a verdict or progress and counts the 113 the documents cannot judge."""
    import io

    from pptx import Presentation

    open_page("app_pages/investeringsprojekter.py")
    deck = Presentation(io.BytesIO(downloads["investeringsprojekter_hedensted.pptx"]()))
    slides = [s for s in deck.slides if s.shapes.title.text.startswith("Målstatus")]
    assert len(slides) == 1
    grid = next(shape for shape in slides[0].shapes if shape.has_table).table
    assert [grid.cell(0, c).text for c in range(len(grid.columns))] == [
        "Vurdering",
        "Mål",
        "Frist",
    ]
    assert len(grid.rows) - 1 == 2
    goals = " ".join(grid.cell(r, 1).text for r in range(1, len(grid.rows)))
    assert "laveste ledighedsprocent" in goals
    texts = " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert (
        "113 mål kan ikke vurderes ud fra dokumenterne – grunden står ved hvert af dem i Excel"
        in texts
    )
    assert "Status for 115 mål" in texts
