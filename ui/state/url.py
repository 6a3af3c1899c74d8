"""Keep single controls in the URL, so a copied link reopens the same view.

A control starts from ``url_value`` (its widget's ``value``/``default``) and
hands its current value to ``keep_in_url`` after drawing. In presentation view
the widget is not drawn and ``url_value`` alone gives the value.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from hedensted.core.view_state import UrlValue, decode_url_value, encode_url_value


def url_value(
    param: str, default: UrlValue, allowed: Sequence[str | int] | None = None
) -> UrlValue:
    """The value the URL parameter ``param`` gives (``default`` if absent or not valid)."""
    return decode_url_value(st.query_params.get(param), default, allowed)


def keep_in_url(param: str, value: UrlValue | None, default: UrlValue) -> UrlValue:
    """Write a control's value to the URL (left out when it is the default); return it."""
    if (
        value is None
        or value == default
        or (isinstance(default, tuple) and tuple(value) == default)
    ):
        st.query_params.pop(param, None)
        return default if value is None else value
    st.query_params[param] = encode_url_value(value)
    return value


def url_selectbox(
    label: str,
    options: dict[str, str],
    param: str,
    key: str,
    shown: bool = True,
) -> str:
    """A selectbox over ``options`` (id → Danish name) whose choice is kept in the URL.

    With ``shown=False`` (presentation view) nothing is drawn and the link's
    choice applies. Returns the chosen id; the first option is the default.
    """
    ids = list(options)
    chosen = str(url_value(param, ids[0], ids))
    if shown:
        chosen = st.selectbox(label, ids, index=ids.index(chosen), format_func=options.get, key=key)
    return str(keep_in_url(param, chosen, ids[0]))
