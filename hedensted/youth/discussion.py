"""Up for discussion: the strategy's youth focus areas and the thematic discussion's points."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

DISCUSSION_THEMES: tuple[str, ...] = ("Livslang læring", "Unge")


def youth_focus_areas(strategy: pd.DataFrame) -> pd.DataFrame:
    """Focus areas and strategic goals of the strategy that are about young people."""
    rows = strategy[strategy["text"].str.contains(r"\bunge\b", case=False, regex=True)]
    if rows.empty:
        raise ValueError("Strategien har ingen fokusområder om unge.")
    return rows.reset_index(drop=True)


def discussion_points(
    points: pd.DataFrame, themes: Sequence[str] = DISCUSSION_THEMES
) -> pd.DataFrame:
    """The thematic discussion's points, questions and quotes on the given themes.

    Themes the table does not have are skipped; raises ``ValueError`` if none is there.
    """
    rows = points[points["theme"].isin(list(themes))]
    if rows.empty:
        raise ValueError(f"Temadrøftelsen har ingen punkter om {list(themes)}.")
    return rows.reset_index(drop=True)


def split_quotes(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(points and questions, quotes)`` of discussion rows, each in source order."""
    is_quote = points["kind"] == "citat"
    return points[~is_quote].reset_index(drop=True), points[is_quote].reset_index(drop=True)
