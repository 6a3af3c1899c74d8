"""Up for discussion: the strategy's youth focus areas and the thematic discussion's points."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from hedensted.core.discussion import discussion_points as shared_points
from hedensted.core.discussion import split_quotes

__all__ = ["DISCUSSION_THEMES", "discussion_points", "split_quotes", "youth_focus_areas"]

DISCUSSION_THEMES: tuple[str, ...] = ("Livslang læring", "Unge")


def discussion_points(
    points: pd.DataFrame, themes: Sequence[str] = DISCUSSION_THEMES
) -> pd.DataFrame:
    """The discussion's points on the youth themes (see ``hedensted.core.discussion``)."""
    return shared_points(points, themes)


def youth_focus_areas(strategy: pd.DataFrame) -> pd.DataFrame:
    """Focus areas and strategic goals of the strategy that are about young people."""
    rows = strategy[strategy["text"].str.contains(r"\bunge\b", case=False, regex=True)]
    if rows.empty:
        raise ValueError("Strategien har ingen fokusområder om unge.")
    return rows.reset_index(drop=True)
