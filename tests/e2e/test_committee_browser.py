"""End-to-end: committee mode — a copied link reopens the same view in a fresh browser,
and presentation view is readable on a meeting-room screen and a projector."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.rendering import BENCHMARK_CHARTS, wait_until_drawn

pytestmark = pytest.mark.browser

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _fresh_page(browser, width: int = 1920, height: int = 1080):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    return context, context.new_page()


def _open_choices(page, prefix: str) -> None:
    """Open the folded comparison controls (a popover that names the choice)."""
    page.locator(f".st-key-{prefix}_valg button").first.click()
    page.locator(f".st-key-{prefix}_reference input").wait_for()


def _choose(page, key: str, option: str) -> None:
    """Pick ``option`` in the Streamlit selectbox with widget key ``key``."""
    _open_choices(page, key.split("_")[0])
    page.locator(f".st-key-{key} input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_selector(IDLE)


def test_copied_link_reopens_the_same_view_in_a_new_browser(browser, app_url: str) -> None:
    context, page = _fresh_page(browser)
    page.goto(f"{app_url}/benchmark")
    wait_until_drawn(page, "Benchmark", BENCHMARK_CHARTS)
    _choose(page, "benchmark_reference", "Skanderborg")
    page.get_by_role("heading", name="Forskel: Hedensted minus Skanderborg").first.wait_for()

    page.keyboard.press("Escape")  # close the choices
    page.get_by_role("button", name="Kopiér link").click()
    link = page.locator('[data-testid="stPopoverBody"] code').last.inner_text().strip()
    assert "reference=Skanderborg" in link
    context.close()

    other, reopened = _fresh_page(browser)
    reopened.goto(link)
    # Skanderborg has no expenses in the source, so that section draws fewer charts.
    wait_until_drawn(reopened, "Benchmark", 10)
    # The folded controls name the choice; the selectbox shows it as its input's value.
    assert "Sammenlignet med Skanderborg" in reopened.locator(".st-key-benchmark_valg").inner_text()
    _open_choices(reopened, "benchmark")
    assert reopened.locator(".st-key-benchmark_reference input").input_value() == "Skanderborg"
    assert reopened.get_by_text("Pilene viser forskellen til Skanderborg.").is_visible()
    assert reopened.get_by_role("heading", name="Forskel: Hedensted minus Skanderborg").count()
    other.close()


def test_presentation_link_reopens_the_same_slide(browser, app_url: str) -> None:
    context, page = _fresh_page(browser)
    page.goto(f"{app_url}/benchmark?reference=Hele+landet")
    wait_until_drawn(page, "Benchmark", BENCHMARK_CHARTS)
    page.get_by_role("button", name="Præsentationsvisning", exact=True).click()
    page.get_by_text(re.compile(r"^1 af \d+$")).wait_for()
    for _ in range(2):
        page.get_by_role("button", name="Næste").click()
        page.wait_for_selector(IDLE)
    slide_label = page.get_by_text(re.compile(r"^3 af \d+$"))
    slide_label.wait_for()
    position = slide_label.inner_text()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator(".st-key-benchmark_controls").count() == 0
    link = page.url
    assert re.search(r"visning=praesentation", link) and "dias=3" in link
    context.close()

    other, reopened = _fresh_page(browser, 1280, 720)
    reopened.goto(link)
    reopened.get_by_text(position, exact=True).wait_for(timeout=60_000)
    # Slide 3 is the second chart of section 1, headed by its message; the header row
    # names the section.
    reopened.get_by_role("heading", name="I alt er 22,7").wait_for()
    reopened.get_by_text("1. Offentligt forsørgede").first.wait_for()
    reopened.wait_for_selector(IDLE)
    reopened.wait_for_timeout(1500)
    reopened.screenshot(path=str(SCREENSHOTS / "praesentation_1280x720.png"))
    other.close()


@pytest.mark.parametrize(
    ("path", "slide", "heading"),
    [
        ("benchmark", 3, "I alt er 22,7"),
        ("code_of_care", 2, "Netværket er vokset fra 41 virksomheder"),
        ("unge", 1, "Nøgletal og fokus"),
        ("investeringsprojekter", 1, "Klar, parat – i job"),
        ("investeringsprojekter", 6, "Investeringernes forventede effekt"),
    ],
)
def test_presentation_slides_draw_at_1920(browser, app_url, path, slide, heading) -> None:
    context, page = _fresh_page(browser)
    page.goto(f"{app_url}/{path}?visning=praesentation&dias={slide}")
    page.get_by_role("heading", name=heading).wait_for(timeout=60_000)
    page.wait_for_selector(IDLE)
    page.wait_for_timeout(1500)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    body_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert body_size >= 22  # readable from the back of the room on a 1920 px screen
    page.screenshot(path=str(SCREENSHOTS / f"praesentation_{path}_{slide}.png"))
    context.close()
