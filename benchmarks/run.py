"""Performance benchmark: every page against Streamlit's floor, cold start, and scale.

Run from the project root (after `pip install -r requirements-dev.txt`):

    python -m benchmarks.run

It writes the results table to docs/performance.md. Everything is measured in one
run on one machine; the floor is a minimal page with the same number of Altair
charts on constant data (benchmarks/floor_app.py), measured the same way.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from playwright.sync_api import sync_playwright

from hedensted.core.compare import compare_to_reference, rank_areas, select_areas
from tests.e2e.rendering import (
    CHROMIUM_ARGS,
    ROOT,
    free_port,
    start_streamlit,
    stop,
    wait_for_health,
    wait_until_drawn,
)
from ui.navigation import PAGES as NAVIGATION_PAGES

CHROMIUM = "/usr/bin/chromium"
LOGS = ROOT / "screenshots" / "benchmark"
DOC = ROOT / "docs" / "performance.md"

# (url path, heading) of every dashboard page, from the one page list: the default
# page (Forside) is at the bare address under its own heading; every other page's
# path is its script's name and its heading its title.
FRONT_PAGE_HEADING = "Beskæftigelse i Hedensted"
PAGES = [
    ("", FRONT_PAGE_HEADING) if page.default else (Path(page.script).stem, page.title)
    for page in NAVIGATION_PAGES
]
TARGET_RATIO = 1.3
TARGET_COLD_START_S = 3.0
TARGET_FILTER_MS = 300.0


@dataclass
class PageResult:
    path: str
    charts: int
    median_ms: float
    floor_ms: float

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_ms


def _timed_goto(page, url: str, heading: str, charts: int) -> float:
    started = time.perf_counter()
    page.goto(url)
    wait_until_drawn(page, heading, charts)
    return (time.perf_counter() - started) * 1000


def measure_pages(runs: int) -> tuple[float, float, list[PageResult]]:
    """Cold start of the app, then warm navigation to every page and to the floor."""
    app_port, floor_port = free_port(), free_port()
    results: list[PageResult] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        started = time.perf_counter()
        app = start_streamlit("app.py", app_port, LOGS / "app.log")
        floor = None
        try:
            wait_for_health(app, f"http://127.0.0.1:{app_port}")
            page.goto(f"http://127.0.0.1:{app_port}/")
            wait_until_drawn(page, PAGES[0][1], 1)
            cold_start_s = time.perf_counter() - started

            started = time.perf_counter()
            floor = start_streamlit("benchmarks/floor_app.py", floor_port, LOGS / "floor.log")
            wait_for_health(floor, f"http://127.0.0.1:{floor_port}")
            page.goto(f"http://127.0.0.1:{floor_port}/?charts=1")
            wait_until_drawn(page, "Floor", 1)
            floor_cold_start_s = time.perf_counter() - started
            for path, heading in PAGES:
                url = f"http://127.0.0.1:{app_port}/{path}"
                _timed_goto(page, url, heading, 0)  # warm-up
                page.wait_for_timeout(2000)  # let every chart mount before counting
                # Charts in hidden tabs are not drawn until opened; the floor gets
                # as many charts as the page shows on arrival.
                charts = page.locator('[data-testid="stVegaLiteChart"] >> visible=true').count()
                page_times = [_timed_goto(page, url, heading, charts) for _ in range(runs)]
                floor_url = f"http://127.0.0.1:{floor_port}/?charts={charts}"
                _timed_goto(page, floor_url, "Floor", charts)
                floor_times = [_timed_goto(page, floor_url, "Floor", charts) for _ in range(runs)]
                results.append(
                    PageResult(
                        path or "(forside)",
                        charts,
                        statistics.median(page_times),
                        statistics.median(floor_times),
                    )
                )
        finally:
            stop(app)
            if floor is not None:
                stop(floor)
            browser.close()
    return cold_start_s, floor_cold_start_s, results


def scale_frame(seed: int = 0) -> pd.DataFrame:
    """98 municipalities × 120 months × 13 benefit groups of generated values."""
    rng = np.random.default_rng(seed)
    areas = ["Hedensted", "RAR Østjylland", *[f"Kommune {i:02d}" for i in range(1, 97)]]
    months = pd.period_range("2014-01", periods=120, freq="M").strftime("%Y-%m")
    groups = [f"Ydelsesgruppe {i:02d}" for i in range(1, 14)]
    index = pd.MultiIndex.from_product([areas, months, groups], names=["area", "period", "group"])
    frame = index.to_frame(index=False)
    frame["value"] = rng.uniform(0.1, 9.0, len(frame)).round(1)
    return frame


def filter_change(frame: pd.DataFrame, month: str, areas: list[str], reference: str) -> None:
    """What a page does on a filter change: pick a month and areas, compare, rank."""
    monthly = frame[frame["period"] == month]
    compared = compare_to_reference(select_areas(monthly, areas), reference, by=["group"])
    for _, block in monthly.groupby("group", sort=False):
        rank_areas(block[["area", "value"]])
    compared.sort_values("difference")


def measure_scale(runs: int) -> tuple[int, float, float]:
    """Rows, median server time of a filter change (ms), and peak memory (MiB).

    Peak memory is the benchmark process's maximum resident set size, which
    includes Arrow-backed string columns that tracemalloc does not see.
    """
    frame = scale_frame()
    months = sorted(frame["period"].unique())
    timings = []
    for run in range(runs):
        started = time.perf_counter()
        filter_change(
            frame,
            months[-1 - run],
            ["Hedensted", "RAR Østjylland", "Kommune 01", "Kommune 02"],
            "RAR Østjylland",
        )
        timings.append((time.perf_counter() - started) * 1000)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(frame), statistics.median(timings), peak_kib / 2**10


def _machine() -> str:
    memory_kib = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory_kib = int(meminfo.read_text().split()[1])
    return (
        f"{os.cpu_count()} cores, {memory_kib / 2**20:.0f} GiB memory, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    )


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def write_report(
    cold_start_s: float,
    floor_cold_start_s: float,
    pages: list[PageResult],
    scale: tuple[int, float, float],
    runs: int,
) -> str:
    rows, filter_ms, peak_mib = scale
    lines = [
        "## Results",
        "",
        f"Measured {date.today():%Y-%m-%d} on {_machine()}; median of {runs} warm runs.",
        "Reproduce: `python -m pip install -r requirements-dev.txt && python -m benchmarks.run`",
        "",
        f"- Cold start (`streamlit run` → front page fully drawn): **{cold_start_s:.2f} s** "
        f"(target ≤ {TARGET_COLD_START_S:.0f} s: {_mark(cold_start_s <= TARGET_COLD_START_S)}); "
        f"the floor app's cold start to one drawn chart: {floor_cold_start_s:.2f} s",
        f"- Scale dataset: {rows:,} rows; filter change (server time): **{filter_ms:.0f} ms** "
        f"(target ≤ {TARGET_FILTER_MS:.0f} ms: {_mark(filter_ms <= TARGET_FILTER_MS)}); "
        f"peak memory {peak_mib:.0f} MiB",
        "",
        "| Page | Charts | Page (ms) | Floor (ms) | Page / floor | ≤ 1.3 × floor |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for result in pages:
        lines.append(
            f"| {result.path} | {result.charts} | {result.median_ms:.0f} | "
            f"{result.floor_ms:.0f} | {result.ratio:.2f} | {_mark(result.ratio <= TARGET_RATIO)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warm runs per page (≥ 7)")
    parser.add_argument("--no-write", action="store_true", help="print, don't update the doc")
    args = parser.parse_args()
    cold_start_s, floor_cold_start_s, pages = measure_pages(args.runs)
    scale = measure_scale(args.runs)
    report = write_report(cold_start_s, floor_cold_start_s, pages, scale, args.runs)
    print(report)
    if not args.no_write:
        text = DOC.read_text(encoding="utf-8")
        head, marker, _ = text.partition("## Results")
        DOC.write_text((head if marker else text + "\n") + report, encoding="utf-8")


if __name__ == "__main__":
    main()
