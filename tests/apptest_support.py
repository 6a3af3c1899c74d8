"""Shared AppTest helpers: open a page through app.py, and read what it shows."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TEXT_ELEMENTS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "success",
    "error",
)


def open_page(page: str, query: dict[str, str] | None = None, timeout: int = 90) -> AppTest:
    """Start app.py fresh (cleared caches), optionally with URL query params, go to
    ``page``, and check it ran without an exception."""
    st.cache_data.clear()
    app = AppTest.from_file(APP, default_timeout=timeout)
    for name, value in (query or {}).items():
        app.query_params[name] = value
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def shown_text(app: AppTest) -> str:
    """All text a page shows: headings, markdown, captions, boxes, metrics and tables."""
    parts: list[str] = []
    for element_type in TEXT_ELEMENTS:
        parts.extend(str(element.value) for element in getattr(app, element_type))
    parts.extend(f"{metric.label} {metric.value} {metric.delta}" for metric in app.metric)
    parts.extend(table.value.to_csv() for table in app.table)
    parts.extend(frame.value.to_csv() for frame in app.dataframe)
    return "\n".join(parts)


def open_editor_page(
    page: str, database_url: str, secrets: dict, monkeypatch, timeout: int = 90
) -> AppTest:
    """Open ``page`` through app.py on a fresh register database with ``secrets``
    (editor accounts), with no demo data and no Jobindsats token in the environment."""
    from hedensted.monthly.settings import DATABASE_URL_ENV, DEMO_ENV

    monkeypatch.setenv(DATABASE_URL_ENV, database_url)
    monkeypatch.delenv(DEMO_ENV, raising=False)
    monkeypatch.delenv("JOBINDSATS_TOKEN", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=timeout)
    app.secrets.update(secrets)
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


EDITOR_PASSWORD = "korrekt-hest-batteri"


def editor_secrets() -> dict:
    """Secrets with one local editor, Anne Jensen (``anne`` / ``EDITOR_PASSWORD``)."""
    from hedensted.monthly.auth import hash_password

    editor = {"name": "Anne Jensen"}
    editor["password_hash"] = hash_password(EDITOR_PASSWORD, salt=b"0123456789abcdef")
    return {"register": {"editors": {"anne": editor}}}


def capture_downloads(monkeypatch) -> dict:
    """File name → the deferred data callable of every download button drawn from now on
    (``monkeypatch``: a pytest MonkeyPatch, which undoes the capture)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    captured: dict = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        captured[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return captured
