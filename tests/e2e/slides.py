"""Step through a page's slides in presentation view and measure what a room would see:
whether the slide fits the screen, chart labels cut with "…", charts drawn without marks.
Also runs axe-core (the npm package, ``npm ci`` at the project root) in the page.

Shared by ``test_deck_fit.py`` and ``python -m tests.e2e.slides URL`` (a report and
screenshots of every slide, for looking at them).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from tests.e2e.rendering import RENDER_TIMEOUT_MS, ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SLIDE_COUNTER = re.compile(r"^(\d+) af (\d+)$")
# Theme pages with slides (URL path; "" is the Forside).
THEME_PAGES = [
    "",
    "benchmark",
    "code_of_care",
    "unge",
    "investeringsprojekter",
    "indsatser",
    "maal",
]
ALL_PAGES = [*THEME_PAGES, "opdater_data", "om_data"]
SIZES = [(1920, 1080), (1280, 720)]
# Sub-pixel rounding: a slide may be this much taller than the screen.
TOLERANCE_PX = 2

MEASURE_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .filter(c => c.checkVisibility());
    const cut = [];
    const empty = [];
    charts.forEach((chart, index) => {
        const texts = [...chart.querySelectorAll('svg text')].map(t => t.textContent);
        texts.filter(t => t.includes('…')).forEach(t => cut.push(t));
        const marks = chart.querySelectorAll(
            'svg g.role-mark:not(.mark-group) > *, svg g.mark-group.role-mark g.role-mark > *');
        if (marks.length === 0) empty.push(index + 1);
    });
    const heading = document.querySelector('[data-testid="stMain"] h2');
    const counter = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
        .map(e => e.innerText.trim()).find(t => /^\\d+ af \\d+$/.test(t)) || '';
    // Content that overflows a fixed-height box counts too.
    const bottom = Math.max(0, ...[...main.querySelectorAll('[data-testid="stElementContainer"]')]
        .filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().bottom));
    return {
        height: Math.max(main.scrollHeight, Math.ceil(bottom)), viewport: main.clientHeight,
        heading: heading ? heading.innerText.trim() : '',
        counter, cut, empty, charts: charts.length,
    };
}"""

WAIT_CHARTS_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (document.querySelector('[data-testid="stException"]')) return true;
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .filter(c => c.checkVisibility());
    return charts.every(c => c.querySelector('svg, canvas'));
}"""


@dataclass
class Slide:
    page: str
    number: int
    count: int
    size: tuple[int, int]
    heading: str
    height: int
    viewport: int
    cut_labels: list[str] = field(default_factory=list)
    empty_charts: list[int] = field(default_factory=list)
    exception: str = ""

    @property
    def overflows(self) -> bool:
        return self.height > self.viewport + TOLERANCE_PX

    @property
    def name(self) -> str:
        return f"{self.page or 'forside'} dias {self.number}/{self.count} ({self.heading})"

    def problems(self) -> list[str]:
        found = []
        if self.exception:
            found.append(f"fejl: {self.exception[:200]}")
        if self.overflows:
            found.append(f"{self.height} px høj på en {self.viewport} px skærm")
        if self.cut_labels:
            found.append(f"afskårne etiketter: {sorted(set(self.cut_labels))}")
        if self.empty_charts:
            found.append(f"figur uden data: nr. {self.empty_charts}")
        return found


def settle(page) -> None:
    """Wait for a finished run with every visible chart drawn."""
    page.wait_for_selector(IDLE, timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(WAIT_CHARTS_JS, timeout=RENDER_TIMEOUT_MS)
    page.wait_for_timeout(700)  # Vega lays out after the svg appears


def open_slide(page, app_url: str, path: str, number: int) -> None:
    page.goto(f"{app_url}/{path}?visning=praesentation&dias={number}")
    page.get_by_text(SLIDE_COUNTER).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    settle(page)


def measure_slide(page, path: str, size: tuple[int, int]) -> Slide:
    found = page.evaluate(MEASURE_JS)
    match = SLIDE_COUNTER.match(found["counter"])
    number, count = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    exception = page.locator('[data-testid="stException"]')
    return Slide(
        page=path,
        number=number,
        count=count,
        size=size,
        heading=found["heading"],
        height=found["height"],
        viewport=found["viewport"],
        cut_labels=found["cut"],
        empty_charts=found["empty"],
        exception=exception.first.inner_text() if exception.count() else "",
    )


def page_slides(browser, app_url: str, path: str, size: tuple[int, int], shots: Path | None):
    """Every slide of one page at one screen size (a fresh browser context per page)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="en-US")
    page = context.new_page()
    try:
        try:
            open_slide(page, app_url, path, 1)
        except PlaywrightError as error:  # no slide counter: the page failed to draw
            exception = page.locator('[data-testid="stException"]')
            text = exception.first.inner_text() if exception.count() else str(error)
            return [Slide(path, 1, 1, size, "", 0, size[1], exception=text)]
        first = measure_slide(page, path, size)
        slides = [first]
        if shots:
            _shoot(page, first, shots)
        for number in range(2, first.count + 1):
            open_slide(page, app_url, path, number)
            slide = measure_slide(page, path, size)
            slides.append(slide)
            if shots:
                _shoot(page, slide, shots)
        return slides
    finally:
        context.close()


def _shoot(page, slide: Slide, shots: Path) -> None:
    shots.mkdir(parents=True, exist_ok=True)
    width, height = slide.size
    page.screenshot(
        path=str(shots / f"{slide.page or 'forside'}_{width}x{height}_{slide.number:02d}.png")
    )


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts in the open page, one line each."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: '
                    + (n.failureSummary || '').split('\\n').slice(1, 2).join(' ')),
            }));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes']}"
        for v in results
        if v["impact"] in impacts
    ]


def main(app_url: str, shots: str = "/tmp/deck-shots") -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.rendering import CHROMIUM_ARGS

    pages = sys.argv[3:] or THEME_PAGES
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        total = over = 0
        import os

        sizes = [
            tuple(int(n) for n in size.split("x"))
            for size in os.environ.get("DECK_SIZES", "").split(",")
            if size
        ] or SIZES
        for size in sizes:
            for path in pages:
                for slide in page_slides(browser, app_url, path, size, Path(shots)):
                    total += 1
                    over += slide.overflows
                    flag = "; ".join(slide.problems()) or "ok"
                    print(f"{size[0]}x{size[1]} {slide.name}: {slide.height} px — {flag}")
        print(f"{over} of {total} slides overflow")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/tmp/deck-shots")
