"""No traceback reaches a user: the production setting, and a Danish message in place
of a section or a page that fails (the rest of the page still works)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import streamlit as st
from ui.deck.section_deck import Deck

def broken():
    raise KeyError("/srv/app/hedensted/secret_path.py")

deck = Deck("prøve", "Prøve", "proeve")
deck.section("Virker", lambda: st.markdown("Første afsnit"))
deck.section("Går i stykker", broken)
deck.section("Virker også", lambda: st.markdown("Tredje afsnit"))
deck.show()
"""

PAGE_SCRIPT = """
from ui.widgets.errors import guarded_page

def page():
    raise RuntimeError("/srv/app/hedensted/secret_path.py")

guarded_page(page)
"""


def test_production_config_hides_error_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.fixture
def shown_errors(monkeypatch):
    monkeypatch.delenv("HEDENSTED_RAISE_ERRORS", raising=False)


def test_a_failing_section_shows_a_danish_message_and_the_rest_works(shown_errors) -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception
    texts = [m.value for m in at.markdown]
    assert "Første afsnit" in texts and "Tredje afsnit" in texts
    [error] = [e.value for e in at.error]
    assert error.startswith("Afsnittet »Går i stykker« kan ikke vises på grund af en fejl.")
    assert "secret_path" not in error and "KeyError" not in error


def test_a_failing_page_shows_a_danish_message(shown_errors) -> None:
    at = AppTest.from_string(PAGE_SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert error.startswith("Siden kan ikke vises på grund af en fejl.")
    assert "secret_path" not in error


def test_in_the_test_suite_a_failing_section_still_fails_its_test() -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.run()
    assert at.exception
