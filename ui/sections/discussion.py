"""The theme's points from the 2024 thematic discussion: the last section of a page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from hedensted.core.catalog import Catalog, Dataset
from hedensted.core.discussion import discussion_points, questions, slide_points, split_quotes
from hedensted.present.formatting import format_long_date
from hedensted.present.markdown import escape_markdown
from ui.widgets.components import source_caption

DISCUSSION_DATASET = "temadroeftelse_spoergsmaal"


def theme_questions(catalog: Catalog, themes: Sequence[str]) -> list[str]:
    """The discussion's questions on ``themes``; raises ``DatasetError`` if unreadable."""
    return questions(discussion_points(catalog.get(DISCUSSION_DATASET).frame, themes))


def overview_questions(catalog: Catalog) -> list[str]:
    """The questions on the discussion's opening slide."""
    return questions(slide_points(catalog.get(DISCUSSION_DATASET).frame))


def overview_discussion_section(points: Dataset, key: str) -> None:
    """The discussion's opening slide: one line per theme."""
    rows = slide_points(points.frame)
    held = format_long_date(points.metadata.source_date)
    st.caption(f"Fra temadrøftelsen {held}: diaset »{rows['slide'].iloc[0]}«.")
    _points(points, rows, key)


def discussion_section(points: Dataset, themes: Sequence[str], key: str) -> None:
    """Points and questions on ``themes``; quotes with who said them."""
    rows = discussion_points(points.frame, themes)
    theme_names = " og ".join(f"»{theme}«" for theme in dict.fromkeys(rows["theme"]))
    held = format_long_date(points.metadata.source_date)
    st.caption(f"Fra temadrøftelsen {held}: {theme_names}.")
    _points(points, rows, key)


def _points(points: Dataset, rows, key: str) -> None:
    statements, quotes = split_quotes(rows)
    asked = set(questions(rows))
    with st.container(border=True, key=key):
        for text in statements["text"]:
            shown = escape_markdown(text)
            st.markdown(f"- **Spørgsmål:** {shown}" if text in asked else f"- {shown}")
        for _, row in quotes.iterrows():
            st.markdown(f"> {escape_markdown(row['text'])}\n>\n> — {escape_markdown(row['note'])}")
    source_caption(points)
