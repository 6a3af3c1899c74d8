"""Presentation view (``?visning=praesentation``): for a shared screen in a meeting room.

Sidebar and controls are hidden, type and chart labels are larger, and each
section of a page is one slide (see ``ui.deck.section_deck``).
"""

from __future__ import annotations

import copy

import streamlit as st

from hedensted.core.url_codec import PARAM_SLIDE, PARAM_VIEW, PRESENTATION_VIEW
from ui.state.url import keep_params_in_url, url_text

TOGGLE_KEY = "praesentationsvisning"

# Readable from the back of a meeting room: 1920 px wide gives 23 px type,
# a 1280×720 projector 18 px. Streamlit sizes its text in rem, so the root size
# scales everything.
_STYLE = """
<style>
html { font-size: clamp(18px, 1.2vw, 24px); }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stElementToolbar"],
[data-testid="stDecoration"] { display: none !important; }
/* A slide is one screen: the page is exactly as tall as the window, the slide's
   body takes what the header row leaves, and its charts share that space. */
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 0.6rem 2.5rem 0.6rem 2.5rem !important;
  height: 100vh; display: flex; flex-direction: column;
}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] {
  flex: 1 1 auto; min-height: 0; gap: 0.4rem;
}
[data-testid="stLayoutWrapper"]:has(> .st-key-deck_slide) {
  flex: 1 1 0; min-height: 0; display: flex; flex-direction: column;
}
.st-key-deck_slide { flex: 1 1 0; min-height: 0; gap: 0.5rem; }
.st-key-deck_slide [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) {
  flex: 1 1 0; min-height: 9rem; display: flex; flex-direction: column;
}
.st-key-deck_slide [data-testid="stElementContainer"] div:has([data-testid="stVegaLiteChart"]),
.st-key-deck_slide [data-testid="stVegaLiteChart"] {
  flex: 1 1 0; min-height: 0; display: flex; flex-direction: column;
}
/* A chart's own keyed container (its least height is set per chart) grows with it. */
.st-key-deck_slide [data-testid="stLayoutWrapper"]:has([data-testid="stVegaLiteChart"]),
.st-key-deck_slide [class*="st-key-slide_chart_"] {
  flex: 1 1 0; display: flex; flex-direction: column;
}
.st-key-deck_slide [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.st-key-deck_slide h2 { font-size: 1.7rem; padding: 0.2rem 0 0.3rem 0; line-height: 1.15; }
.st-key-deck_slide h3 { font-size: 1.3rem; padding: 0.2rem 0 0.35rem 0; line-height: 1.35; }
.st-key-deck_slide [data-testid="stVegaLiteChart"] { min-height: 0; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
.st-key-deck_slide table { font-size: 0.72rem; }
.st-key-deck_slide table td, .st-key-deck_slide table th { padding: 0.15rem 0.5rem; }
[data-testid="stCaptionContainer"] { font-size: 0.8rem; }
/* The short source line opens the full reference; it reads as a caption. */
.st-key-deck_slide [data-testid="stPopoverButton"] {
  text-align: left; justify-content: flex-start;
}
.st-key-deck_slide [data-testid="stPopoverButton"] p { font-size: 0.8rem; white-space: normal; }
</style>
"""

# Both views: a tile's label wraps instead of being cut with "…" (two labels cut to
# the same "Kontanthjælp med lønne…" at 1366 px), and grey text is dark enough to read.
_COMMON_STYLE = """
<style>
/* WCAG AA: small grey text at least 4,5:1 on white and on the sidebar's grey. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] p, kbd { color: #555c63 !important; opacity: 1 !important; }
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div,
[data-testid="stMetricDelta"] div, [data-testid="stMetricDelta"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
/* Page view: less empty space above the title, so a laptop's first screen reaches the figures
   (presentation view sets its own padding). */
[data-testid="stMainBlockContainer"] { padding-top: 3rem; }
</style>
"""

_CHART_CONFIG = {
    "axis": {"labelFontSize": 20, "titleFontSize": 20, "labelLimit": 420},
    "legend": {"labelFontSize": 20, "titleFontSize": 20, "symbolSize": 200},
    "header": {"labelFontSize": 20, "titleFontSize": 20},
    "title": {"fontSize": 24},
    "text": {"fontSize": 19},
}
# Taller charts give the larger labels room (bars stay readable from afar).
_HEIGHT_FACTOR = 1.4
_MAX_HEIGHT = 560
# Font sizes a chart sets itself (an axis, a text mark) grow by the same step as
# the theme's 13 px → 20 px.
_FONT_FACTOR = 20 / 13
_FONT_KEYS = {"fontSize", "labelFontSize", "titleFontSize"}


def _scale_fonts(node: object) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _FONT_KEYS and isinstance(value, int | float):
                node[key] = round(value * _FONT_FACTOR)
            else:
                _scale_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _scale_fonts(item)


def is_presentation() -> bool:
    """True when the page is shown in presentation view (the URL says so)."""
    return url_text(PARAM_VIEW) == PRESENTATION_VIEW


def enter_presentation() -> None:
    """Switch to presentation view, starting at the first slide."""
    view = {PARAM_VIEW: PRESENTATION_VIEW, PARAM_SLIDE: "1"}
    keep_params_in_url(view, view)
    st.session_state[TOGGLE_KEY] = True


def leave_presentation() -> None:
    """Back to the normal page, keeping every other choice in the URL."""
    keep_params_in_url({}, (PARAM_VIEW, PARAM_SLIDE))

    st.session_state[TOGGLE_KEY] = False


def _toggled() -> None:
    if st.session_state.get(TOGGLE_KEY):
        enter_presentation()
    else:
        leave_presentation()


def presentation_toggle() -> None:
    """The sidebar switch; also applies the presentation style when it is on."""
    st.session_state[TOGGLE_KEY] = is_presentation()
    st.toggle(
        "Præsentationsvisning",
        key=TOGGLE_KEY,
        on_change=_toggled,
        help="Til mødeskærmen: én sektion pr. dias, stor skrift, uden menu og valg. "
        "Kan også åbnes med ?visning=praesentation i adressen.",
    )
    st.html(_COMMON_STYLE)
    if is_presentation():
        st.html(_STYLE)


def larger_labels(spec: dict) -> dict:
    """A copy of a Vega-Lite spec with chart text sized for a meeting-room screen."""
    bigger = copy.deepcopy(spec)
    config = bigger.setdefault("config", {})
    for part, settings in _CHART_CONFIG.items():
        config[part] = {**config.get(part, {}), **settings}
    for key, value in bigger.items():
        if key != "config":
            _scale_fonts(value)
    height = bigger.get("height")
    if isinstance(height, int | float):
        # A tall chart is not made taller than fits a 1080 px screen below the title.
        bigger["height"] = max(height, min(round(height * _HEIGHT_FACTOR), _MAX_HEIGHT))
    return bigger


# A chart on a slide shrinks to the room the slide leaves, but not below what its
# labels need: 70 % of its enlarged height, at most what a 720 px projector can give.
_MIN_SHARE = 0.7
_MIN_CAP = 420
_MIN_DEFAULT = 240


def slide_chart_min_height(spec: dict) -> int:
    """The least height (px) a chart keeps on a slide, from its enlarged spec."""
    height = spec.get("height")
    if not isinstance(height, int | float):
        return _MIN_DEFAULT
    return min(round(height * _MIN_SHARE), _MIN_CAP)
