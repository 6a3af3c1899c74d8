"""Cards for the Code of Care page.

Layout only: every text comes from :mod:`hedensted.code_of_care`. Source texts
are escaped before they are drawn as Markdown, so a cell such as
"31. december 2019" is not turned into a numbered list.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from hedensted.code_of_care.cards import Card, ProgramItem, split_lead
from hedensted.present.markdown import escape_markdown


def _program_markdown(program: Sequence[ProgramItem], numbered: bool = False) -> str:
    lines = []
    for number, item in enumerate(program, start=1):
        text = escape_markdown(item.text)
        lines.append(f"{number}. {text}" if numbered else f"- {text}")
        lines.extend(f"    - {escape_markdown(sub)}" for sub in item.sub_items)
    return "\n".join(lines)


def list_card(title: str, icon: str, items: Sequence[str], key: str, caption: str = "") -> None:
    """A bordered card with a title and a short bullet list."""
    with st.container(border=True, key=key):
        st.markdown(f"#### {icon} {escape_markdown(title)}")
        if caption:
            st.caption(escape_markdown(caption))
        st.markdown("\n".join(f"- {escape_markdown(item)}" for item in items))


def process_card(card: Card, key: str) -> None:
    """The process for the new model: who takes part and the numbered steps."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/route: {escape_markdown(card.title)}")
        if card.text:
            st.markdown(f"**Parter:** {escape_markdown(card.text)}")
        st.markdown("**Proces:**\n\n" + _program_markdown(card.program, numbered=True))


def event_card(card: Card, key: str) -> None:
    """An event: when and where, the start of the invitation, the rest folded away."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/event: {escape_markdown(card.title)}")
        facts = []
        if card.when:
            year_note = "" if card.when_has_year else " (årstal står ikke i kilden)"
            facts.append(f":material/schedule: {escape_markdown(card.when)}{year_note}")
        if card.place:
            facts.append(f":material/location_on: {escape_markdown(card.place)}")
        if facts:
            st.markdown("  \n".join(facts))
        lead, rest = split_lead(card.text)
        if lead:
            st.markdown(escape_markdown(lead))
        if rest:
            with st.expander("Læs hele invitationen", expanded=False):
                st.markdown(escape_markdown(rest))
        if card.program:
            with st.expander("Program", expanded=False):
                st.markdown(_program_markdown(card.program))
        if card.link:
            st.markdown(f":material/link: [{escape_markdown(card.link)}]({card.link})")


def story_card(card: Card, key: str) -> None:
    """A good story with its video link."""
    with st.container(border=True, key=key):
        st.markdown(f"#### :material/star: {escape_markdown(card.title)}")
        if card.place:
            st.caption(f":material/location_on: {escape_markdown(card.place)}")
        st.markdown(escape_markdown(card.text))
        if card.link:
            st.link_button(
                "Se videoen", card.link, icon=":material/play_circle:", key=f"{key}_link"
            )
            st.caption(f"Link: {escape_markdown(card.link)}")
