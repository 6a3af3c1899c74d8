"""Cards for the Code of Care page: activities, events, stories, prizes and the process.

Layout only: every text comes from :func:`hedensted.code_of_care.activity_cards`.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from hedensted.code_of_care import Card, ProgramItem


def _program_markdown(program: Sequence[ProgramItem], numbered: bool = False) -> str:
    lines = []
    for number, item in enumerate(program, start=1):
        lines.append(f"{number}. {item.text}" if numbered else f"- {item.text}")
        lines.extend(f"    - {sub}" for sub in item.sub_items)
    return "\n".join(lines)


def list_card(title: str, icon: str, items: Sequence[str], key: str, caption: str = "") -> None:
    """A bordered card with a title and a short bullet list."""
    with st.container(border=True, key=key):
        st.markdown(f"#### {icon} {title}")
        if caption:
            st.caption(caption)
        st.markdown("\n".join(f"- {item}" for item in items))


def process_card(card: Card, key: str) -> None:
    """The process for the new model: who takes part and the numbered steps."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/route: {card.title}")
        if card.text:
            st.markdown(f"**Parter:** {card.text}")
        st.markdown("**Proces:**\n\n" + _program_markdown(card.program, numbered=True))


def event_card(card: Card, key: str) -> None:
    """An event: title, when and where, the invitation, and its programme folded away."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/event: {card.title}")
        facts = []
        if card.when:
            facts.append(f":material/schedule: {card.when}")
        if card.place:
            facts.append(f":material/location_on: {card.place}")
        if facts:
            st.markdown("  \n".join(facts))
        if card.text:
            st.markdown(card.text)
        if card.program:
            with st.expander("Program", expanded=False):
                st.markdown(_program_markdown(card.program))
        if card.link:
            st.markdown(f":material/link: [{card.link}]({card.link})")


def story_card(card: Card, key: str) -> None:
    """A good story with its video link."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/star: {card.title}")
        if card.place:
            st.caption(f":material/location_on: {card.place}")
        st.markdown(card.text)
        if card.link:
            st.link_button(
                "Se videoen", card.link, icon=":material/play_circle:", key=f"{key}_link"
            )
            st.caption(f"Link: {card.link}")
