"""What the 2024 thematic discussion put on the table for Code of Care."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

CODE_OF_CARE_THEME = "Code of Care"
RELATED_SLIDE = "Aktiv beskæftigelsesindsats"
FOCUS_LIST = "Fokusområder 2022-2025"
FOCUS_AREA = 2  # "Partnerskaber med virksomheder – … småjob vejen …"


@dataclass(frozen=True)
class Discussion:
    """What the 2024 thematic discussion put on the table for Code of Care."""

    theme_points: tuple[str, ...]
    theme_questions: tuple[str, ...]
    related_slide: str
    related_points: tuple[str, ...]
    related_questions: tuple[str, ...]
    focus_area: str
    focus_area_number: int
    pending: tuple[str, ...]

    @property
    def questions(self) -> tuple[str, ...]:
        """Every question on the table: the theme's own, then the related slide's."""
        return (*self.theme_questions, *self.related_questions)


def discussion(
    questions: pd.DataFrame, strategy: pd.DataFrame, investment_status: pd.DataFrame | None
) -> Discussion:
    """The Code of Care points and questions, the related slide, focus area 2, and what waits.

    The 2024 discussion raises no question under the Code of Care theme itself;
    the nearest questions stand on the slide »Aktiv beskæftigelsesindsats«
    (companies paying wages for work done), so they are given as related.
    """
    theme = questions[questions["theme"] == CODE_OF_CARE_THEME]
    related = questions[questions["slide"] == RELATED_SLIDE]
    focus = strategy[(strategy["list"] == FOCUS_LIST) & (strategy["number"] == FOCUS_AREA)]
    if focus.empty:
        raise ValueError(f"Fokusområde {FOCUS_AREA} mangler i strategien.")
    pending: tuple[str, ...] = ()
    if investment_status is not None:
        mentions = investment_status[
            investment_status["text"].str.contains(CODE_OF_CARE_THEME, case=False, regex=False)
        ]
        pending = tuple(str(t) for t in mentions["text"])
    return Discussion(
        theme_points=tuple(str(t) for t in theme.loc[theme["kind"] != "spørgsmål", "text"]),
        theme_questions=tuple(str(t) for t in theme.loc[theme["kind"] == "spørgsmål", "text"]),
        related_slide=RELATED_SLIDE,
        related_points=tuple(str(t) for t in related.loc[related["kind"] != "spørgsmål", "text"]),
        related_questions=tuple(
            str(t) for t in related.loc[related["kind"] == "spørgsmål", "text"]
        ),
        focus_area=str(focus["text"].iloc[0]),
        focus_area_number=FOCUS_AREA,
        pending=pending,
    )
