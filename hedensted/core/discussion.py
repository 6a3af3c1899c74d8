"""The 2024 thematic discussion's points and questions, by theme.

Each theme page ends with the discussion points that belong to it; in
presentation view and in the PowerPoint export they are the last slide.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

QUESTION = "spørgsmål"
QUOTE = "citat"

# Which of the discussion's themes each page takes up. The benchmark figures
# answer "Forbundne kar – hvor bevæger borgerne sig hen efter endt forløb?" and
# the other general questions; the investment projects are the municipality's
# answer to "Frisættelse" (being measured on results, not processes).
BENCHMARK_THEMES: tuple[str, ...] = ("Beskæftigelse generelt",)
INVESTMENT_THEMES: tuple[str, ...] = ("Frisættelse",)
# The front page takes the discussion's opening slide: one line per theme.
OVERVIEW_SLIDE = "Temadrøftelse – Hvad står vi på? En aktiv beskæftigelsesindsats"


def discussion_points(points: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    """The thematic discussion's points, questions and quotes on the given themes.

    Themes the table does not have are skipped; raises ``ValueError`` if none is there.
    """
    rows = points[points["theme"].isin(list(themes))]
    if rows.empty:
        raise ValueError(f"Temadrøftelsen har ingen punkter om {list(themes)}.")
    return rows.reset_index(drop=True)


def slide_points(points: pd.DataFrame, slide: str = OVERVIEW_SLIDE) -> pd.DataFrame:
    """The rows of one slide of the discussion; ``ValueError`` if it has none."""
    rows = points[points["slide"] == slide]
    if rows.empty:
        raise ValueError(f"Temadrøftelsen har ikke diaset »{slide}«.")
    return rows.reset_index(drop=True)


def split_quotes(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(points and questions, quotes)`` of discussion rows, each in source order."""
    is_quote = points["kind"] == QUOTE
    return points[~is_quote].reset_index(drop=True), points[is_quote].reset_index(drop=True)


def questions(points: pd.DataFrame) -> list[str]:
    """The questions among discussion rows, in source order, without repeats."""
    return list(dict.fromkeys(points.loc[points["kind"] == QUESTION, "text"]))
