"""What the network does: activities, events, stories, prizes and process steps as cards."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ProgramItem:
    text: str
    sub_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """One activity, event, story, prize or process step group, ready for a card."""

    card_type: str
    title: str
    text: str
    when: str
    place: str
    program: tuple[ProgramItem, ...]
    link: str
    section: str

    @property
    def when_has_year(self) -> bool:
        """Whether the time as written names a year (the 2024 events do not)."""
        return re.search(r"\b(19|20)\d{2}\b", self.when) is not None


LEAD_LENGTH = 260  # characters of an invitation shown before "Læs hele invitationen"


def split_lead(text: str, limit: int = LEAD_LENGTH) -> tuple[str, str]:
    """Split a long text at a sentence end into a short lead and the rest.

    The lead holds whole sentences up to ``limit`` characters (at least one
    sentence); the rest is ``""`` when the whole text fits.
    """
    if limit <= 0:
        raise ValueError("Længden skal være positiv.")
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    lead: list[str] = []
    for sentence in sentences:
        if lead and len(" ".join([*lead, sentence])) > limit:
            break
        lead.append(sentence)
    rest = sentences[len(lead) :]
    return " ".join(lead), " ".join(rest)


def split_program(program: str) -> tuple[ProgramItem, ...]:
    """Split a program written as ``a; b; Workshops: x / y`` into items with sub-items."""
    items: list[ProgramItem] = []
    for part in (p.strip() for p in program.split("; ")):
        if not part:
            continue
        head, colon, rest = part.partition(": ")
        if colon and " / " in rest:
            items.append(ProgramItem(head, tuple(s.strip() for s in rest.split(" / "))))
        else:
            items.append(ProgramItem(part))
    return tuple(items)


def activity_cards(frame: pd.DataFrame, card_type: str | None = None) -> list[Card]:
    """The records of code_of_care_aktiviteter_* as cards, optionally of one type."""
    rows = frame if card_type is None else frame[frame["card_type"] == card_type]
    return [
        Card(
            card_type=str(row.card_type),
            title=str(row.title),
            text=str(row.text),
            when=str(row.when),
            place=str(row.place),
            program=split_program(str(row.program)),
            link=str(row.link),
            section=str(row.section),
        )
        for row in rows.itertuples()
    ]
