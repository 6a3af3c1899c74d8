"""The URL binding: every page reads and writes its choices in the URL here, so a
copied link reopens the same view.

The texts are made and read by the one codec, ``hedensted.core.url_codec`` (pure,
tested without Streamlit); this module is the only one that touches
``st.query_params`` (a test checks that). A single control starts from
``url_value`` (its widget's ``value``/``default``) and hands its current value to
``keep_in_url`` after drawing; in presentation view the widget is not drawn and
``url_value`` alone gives the value. A group of parameters built by a pure
function (the comparison controls, the Mål filters) is read with ``url_params``
and written with ``keep_params_in_url``. A parameter at its default is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import streamlit as st

from hedensted.core.url_codec import UrlValue, decode_url_value, encode_url_value, is_default


def url_params() -> dict[str, str]:
    """Every parameter of the current URL (the last value of a repeated one)."""
    return st.query_params.to_dict()


def url_text(param: str) -> str | None:
    """The raw text of the URL parameter ``param``; ``None`` if absent."""
    return st.query_params.get(param)


def url_value(
    param: str, default: UrlValue, allowed: Sequence[str | int] | None = None
) -> UrlValue:
    """The value the URL parameter ``param`` gives (``default`` if absent or not valid)."""
    return decode_url_value(url_text(param), default, allowed)


def keep_in_url(param: str, value: UrlValue | None, default: UrlValue) -> UrlValue:
    """Write a control's value to the URL (left out when it is the default); return it."""
    if value is None or is_default(value, default):
        st.query_params.pop(param, None)
        return default if value is None else value
    st.query_params[param] = encode_url_value(value)
    return value


def keep_params_in_url(params: Mapping[str, str], names: Iterable[str]) -> None:
    """Write a group of parameters: each of ``names`` is set from ``params`` or, when
    ``params`` leaves it out (its default), removed. Other parameters stay."""
    for name in names:
        if name in params:
            st.query_params[name] = params[name]
        else:
            st.query_params.pop(name, None)


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
        picked = st.selectbox(
            label, ids, index=ids.index(chosen), format_func=lambda id_: options[id_], key=key
        )
        chosen = chosen if picked is None else picked
    return str(keep_in_url(param, chosen, ids[0]))
