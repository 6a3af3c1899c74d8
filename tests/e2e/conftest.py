"""Fixtures for browser tests: a real `streamlit run` on a free port and Debian's Chromium.

In CI (``CI=true``) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.rendering import (
    CHROMIUM_ARGS,
    ROOT,
    free_port,
    start_streamlit,
    stop,
    wait_for_health,
)

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "screenshots"


def _require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        message = "playwright is not installed (pip install -r requirements-dev.txt)"
    else:
        if CHROMIUM.exists():
            return
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests must run in CI: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start the app with `streamlit run` on a free port and yield its URL."""
    _require_browser()
    port = free_port()
    process = start_streamlit("app.py", port, SCREENSHOTS / "streamlit.log")
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_health(process, url)
        except RuntimeError as error:
            pytest.fail(f"{error} (log: {SCREENSHOTS / 'streamlit.log'})")
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def browser(app_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    new_page = context.new_page()
    new_page.console_errors = []  # type: ignore[attr-defined]
    new_page.on(
        "console",
        lambda message: (
            new_page.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    yield new_page
    context.close()
