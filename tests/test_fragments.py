"""Sections whose own control changes only themselves run as ``st.fragment``.

AppTest reruns the whole script on a widget change, so the fragment is checked
where the deck creates it, and the export record it refreshes.
"""

from __future__ import annotations

import streamlit as st

import ui.deck.section_deck as section_deck
from tests.apptest_support import open_page


def test_code_of_care_growth_section_is_a_fragment(monkeypatch) -> None:
    wrapped: list[str] = []
    original = st.fragment

    def recording_fragment(function):
        wrapped.append(function.__qualname__)
        return original(function)

    monkeypatch.setattr(section_deck.st, "fragment", recording_fragment)
    app = open_page("app_pages/code_of_care.py")
    assert wrapped == ["Deck._draw.<locals>.draw"]  # one section: Netværkets vækst
    assert app.select_slider(key="coc_period")


def test_a_fragment_rerun_refreshes_the_sections_export_record(monkeypatch) -> None:
    calls: list[int] = []
    drawn = {}

    def fake_fragment(function):
        drawn["draw"] = function
        return function

    monkeypatch.setattr(section_deck.st, "fragment", fake_fragment)
    monkeypatch.setattr(section_deck, "is_presentation", lambda: False)
    deck = section_deck.Deck("test", "Test", "test")

    def render() -> None:
        from ui.deck.recording import record_key_figure

        calls.append(1)
        record_key_figure(f"Tal {len(calls)}")

    deck.section("Afsnit", render, fragment=True)
    deck._draw(deck.sections[0], heading=False)
    [record] = deck.records
    assert record.key_figures == ["Tal 1"]
    drawn["draw"]()  # what a fragment rerun calls
    assert deck.records == [record]
    assert record.key_figures == ["Tal 2"]
