"""How a view's choices are written in the URL, and read back: the one URL codec.

Pure functions, tested without Streamlit. The Streamlit binding that reads and
writes ``st.query_params`` with them is ``ui/state/url.py``; every page goes
through it. Page-specific groups of parameters build on these functions: the
comparison controls (``hedensted.core.view_state``) and the Mål filters
(``hedensted.goals.filters``).

Rules: lists are joined by ``;`` (names such as »Kontanthjælp, jobparat« contain
commas), yes/no is ``ja``/``nej``, and a value the page does not know (an old or
hand-edited link) gives the control's default instead of an error.
"""

from __future__ import annotations

from collections.abc import Sequence

LIST_SEPARATOR = ";"
TRUE_TEXT, FALSE_TEXT = "ja", "nej"

# Parameters of the presentation view, the same on every page.
PARAM_VIEW = "visning"
PRESENTATION_VIEW = "praesentation"
PARAM_SLIDE = "dias"

UrlValue = str | int | bool | list[str] | tuple[int | str, ...]


def split_list(raw: str | Sequence[str] | None) -> list[str]:
    """The items of a list parameter (``"a;b"`` or repeated ``a``, ``b``), trimmed."""
    if raw is None:
        return []
    if isinstance(raw, str):
        return [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]
    return [part for item in raw for part in split_list(item)]


def join_list(items: Sequence[object]) -> str:
    """A list parameter's text: ``["a", "b"]`` → ``"a;b"``."""
    return LIST_SEPARATOR.join(str(item) for item in items)


def encode_url_value(value: UrlValue) -> str:
    """The query-parameter text of a control's value (lists joined by ``;``)."""
    if isinstance(value, bool):
        return TRUE_TEXT if value else FALSE_TEXT
    if isinstance(value, list | tuple):
        return join_list(value)
    return str(value)


def decode_url_value(
    raw: str | None, default: UrlValue, allowed: Sequence[str | int] | None = None
) -> UrlValue:
    """A control's value read from the URL; ``default`` when absent or not valid.

    The default's type says how to read the text: ``bool``, ``int``, ``list``,
    ``tuple`` (a range: as many values, of its first element's type) or ``str``.
    With ``allowed``, values outside it are dropped (lists) or rejected. A
    hand-edited or outdated link therefore never breaks the page.
    """
    if raw is None:
        return default
    if isinstance(default, bool):
        return {TRUE_TEXT: True, FALSE_TEXT: False}.get(raw.strip().lower(), default)
    if isinstance(default, int):
        try:
            number = int(raw.strip())
        except ValueError:
            return default
        return number if allowed is None or number in allowed else default
    if isinstance(default, list):
        items = split_list(raw)
        return [item for item in items if allowed is None or item in allowed]
    if isinstance(default, tuple):
        # A range such as (2017, 2024): same length and element type as the default.
        parts = split_list(raw)
        kind = type(default[0]) if default else str
        try:
            values = tuple(kind(part) for part in parts)
        except ValueError:
            return default
        if len(values) != len(default) or any(
            allowed is not None and value not in allowed for value in values
        ):
            return default
        return values
    text = raw.strip()
    return text if allowed is None or text in allowed else default


def is_default(value: UrlValue, default: UrlValue) -> bool:
    """Whether ``value`` is the control's default (a default is left out of the URL)."""
    if isinstance(default, tuple) and isinstance(value, list | tuple):
        return tuple(value) == default
    return value == default


def slide_from_param(raw: str | None, slide_count: int) -> int:
    """The 1-based slide number in the URL, kept within ``1 … slide_count``."""
    if slide_count < 1:
        raise ValueError("En præsentation skal have mindst ét dias.")
    number = decode_url_value(raw, 1)
    assert isinstance(number, int)  # decoded with an int default
    return min(max(number, 1), slide_count)
