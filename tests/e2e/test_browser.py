"""End-to-end: every page in headless Chromium, drawn, in Danish, with working controls.

The browser runs with an English locale on purpose: the numbers must still read
the Danish way (22,7 and 2.674), because the app formats them itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.rendering import BENCHMARK_CHARTS, wait_until_drawn

pytestmark = pytest.mark.browser

VEGA_ERROR = re.compile(r"vega|Unrecognized|Invalid specification", re.IGNORECASE)


@dataclass(frozen=True)
class PageSpec:
    """What a page must show once it is fully drawn."""

    path: str
    heading: str
    charts: int
    figures: list[str] = field(default_factory=list)
    nav_label: str = ""


PAGES = [
    PageSpec(
        "",
        "Beskæftigelse i Hedensted",
        charts=1,
        figures=["22,7\u00a0%", "2.674 kr.", "2,4\u00a0%", "Nr. 12 af 98", "24.713"],
    ),
    PageSpec(
        "benchmark",
        "Benchmark",
        nav_label="Benchmark",
        charts=BENCHMARK_CHARTS,
        figures=["22,7\u00a0%", "2.674 kr.", "Nr. 12 af 98", "16,5 mio. kr."],
    ),
    PageSpec(
        "code_of_care",
        "Code of Care",
        nav_label="Code of Care",
        charts=2,
        figures=["næsten 70", "19,3\u00a0%", "8,5\u00a0%", "2,3 gange"],
    ),
    PageSpec(
        "unge",
        "Unge",
        nav_label="Unge",
        charts=5,
        figures=["141", "45,9\u00a0%", "Ikke i kildematerialet"],
    ),
    PageSpec(
        "investeringsprojekter",
        "Investeringsprojekter",
        nav_label="Investeringsprojekter",
        charts=0,  # its charts sit in tabs; the test opens every tab
        figures=["Ingen månedstal endnu", "Klar, parat – i job", "1.000"],  # 1.000: måltal axis
    ),
    PageSpec(
        "indsatser",
        "Indsatser",
        nav_label="Indsatser",
        charts=3,
        figures=["Af 32 deltagere: 8 er i fleksjob", "500.000 kr.", "omkring 900.000 kr."],
    ),
    PageSpec(
        "maal",
        "Mål",
        nav_label="Mål",
        charts=1,
        figures=["Mål i alt", "173", "Undervejs", "Kan ikke vurderes", "4 er undervejs"],
    ),
    PageSpec(
        "opdater_data",
        "Opdater data",
        nav_label="Opdater data",
        charts=0,
        # CI has no editors configured: the page says so and still lists the versions.
        figures=["Der er ikke oprettet redaktører endnu", "Versioner", "dec. 2023"],
    ),
    PageSpec(
        "om_data",
        "Om data",
        nav_label="Om data",
        charts=1,  # shares computed against published (the reconciliation)
        figures=[
            "offentliggjort 90, delene summer til 86",
            "offentliggjort 3.053, delene summer til 3.046",
        ],
    ),
]


def wait_until_rendered(page, spec: PageSpec) -> None:
    """Wait until drawn; fail at once on a Streamlit exception or a Vega error."""
    wait_until_drawn(page, spec.heading, spec.charts)
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    vega_errors = [text for text in page.console_errors if VEGA_ERROR.search(text)]
    assert not vega_errors, vega_errors


def open_page(page, spec: PageSpec, app_url: str) -> None:
    page.goto(f"{app_url}/{spec.path}")
    wait_until_rendered(page, spec)


def shown_text(page) -> str:
    """Text in the main area, plus the text drawn inside visible charts (axis labels,
    value labels). st.dataframe cells are drawn on a canvas, so not those."""
    chart_text = page.locator(
        '[data-testid="stMain"] [data-testid="stVegaLiteChart"] svg text >> visible=true'
    ).evaluate_all("els => els.map(e => e.textContent).join('\\n')")
    return page.locator('[data-testid="stMain"]').inner_text() + "\n" + chart_text


@pytest.mark.parametrize("spec", PAGES, ids=[spec.path or "forside" for spec in PAGES])
def test_page_renders_in_danish_and_draws_every_chart(page, app_url: str, spec: PageSpec):
    open_page(page, spec, app_url)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() >= spec.charts
    save_screenshot(page, spec.path or "forside")
    # Charts in tabs draw when their tab opens: open every tab and check them too.
    missing = set(spec.figures)
    texts = []
    tabs = page.get_by_role("tab")
    for index in range(-1, tabs.count()):
        if index >= 0:
            tabs.nth(index).click()
            wait_until_rendered(page, replace(spec, charts=0))
        texts.append(expanded_text(page))
        missing = {figure for figure in missing if not is_visible_text(page, figure)}
    assert not missing, f"not shown: {sorted(missing)}"
    text = "\n".join(texts)
    assert "2,993,871" not in text and "22.7 %" not in text  # no English formats


def is_visible_text(page, text: str) -> bool:
    """Whether some visible element in the main area shows ``text``."""
    return page.locator('[data-testid="stMain"]').get_by_text(text).filter(visible=True).count() > 0


def expanded_text(page) -> str:
    """The main area's text with every visible "Vis tal" expander opened."""
    closed = page.locator(
        '[data-testid="stExpander"] details:not([open]) > summary >> visible=true'
    )
    for _ in range(200):  # expanders in a hidden tab stay closed
        if closed.count() == 0:
            break
        closed.first.click()
    page.wait_for_timeout(300)
    return shown_text(page)


def save_screenshot(page, name: str) -> None:
    """The whole page: the viewport is stretched to the main area's scroll height."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1920, "height": min(max(height, 1080), 12000)})
    page.wait_for_timeout(800)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 1920, "height": 1080})


def test_chart_axis_and_tooltip_are_danish(page, app_url: str):
    open_page(page, PAGES[0], app_url)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    labels = svg_texts(page, '[data-testid="stVegaLiteChart"] svg text')
    assert "Førtidspension" in labels
    assert not any(re.fullmatch(r"\d+\.\d", label) for label in labels), labels
    # Hedensted's førtidspension bar: 6,2 % of the labour force.
    bars = chart.locator("svg .mark-rect path")
    tooltips = []
    for index in range(bars.count()):
        bars.nth(index).hover()
        tooltip = page.locator("#vg-tooltip-element")
        if tooltip.is_visible():
            tooltips.append(tooltip.inner_text())
    assert any("Førtidspension" in t and "6,2" in t and "Hedensted" in t for t in tooltips), (
        tooltips
    )


def test_sidebar_links_open_every_page(page, app_url: str):
    open_page(page, PAGES[0], app_url)
    for spec in PAGES[1:]:
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=spec.nav_label).first.click()
        wait_until_rendered(page, spec)
        assert page.url.rstrip("/").endswith(spec.path)


def svg_texts(page, selector: str) -> list[str]:
    """Text of SVG nodes (they have no innerText)."""
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent)")


def test_changing_a_control_changes_the_chart(page, app_url: str):
    open_page(page, PAGES[0], app_url)
    legend = '[data-testid="stVegaLiteChart"] svg .role-legend text'
    assert "Skanderborg" not in svg_texts(page, legend)
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text="Alle områder").click()
    page.wait_for_timeout(300)
    wait_until_rendered(page, PAGES[0])
    assert "Skanderborg" in svg_texts(page, legend)


def test_reference_in_sidebar_changes_the_sentences(page, app_url: str):
    open_page(page, PAGES[0], app_url)
    assert "667 kr. mindre" in shown_text(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Hele landet").click()
    page.wait_for_timeout(300)
    wait_until_rendered(page, PAGES[0])
    assert "379 kr. mindre" in shown_text(page)
