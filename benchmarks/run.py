"""Performance benchmark: every page against Streamlit's floor, a filter change, load, cold start.

Run from the project root (after `pip install -r requirements-dev.txt`):

    python -m benchmarks.run

It writes the results to docs/performance.md (below "## Results"). Everything is
measured in one run on one machine; the floor is a minimal page with the same
number of Altair charts on constant data (benchmarks/floor_app.py), measured the
same way. Parts:

1. server time of a warm rerun of every page vs the floor (a real server over its
   websocket, and AppTest in one process);
2. cold start, and every page drawn in Chromium vs the floor;
3. a filter change on Benchmark (»Sammenlign med«) until the charts are redrawn, in Chromium;
4. load: 1, 10 and 20 sessions at once (Streamlit's websocket protocol) open Benchmark
   and change the filter – on one server, and on two servers behind nginx if installed;
5. scale: the domain calculations of a filter change on 152,880 generated rows;
6. a pyinstrument profile of every page whose warm rerun misses its target.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from playwright.sync_api import sync_playwright

from benchmarks.server_time import (
    RerunResult,
    measure_reruns,
    measure_server_reruns,
    profile_page,
)
from benchmarks.ws_client import LoadResult, load_test
from hedensted.core.compare import compare_to_reference, rank_areas, select_areas
from tests.e2e.cluster import nginx_binary, start_app, start_nginx
from tests.e2e.rendering import (
    CHROMIUM_ARGS,
    RENDER_TIMEOUT_MS,
    RENDERED_JS,
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

# (url path, heading, script) of every dashboard page, from the one page list: the
# default page (Forside) is at the bare address under its own heading.
FRONT_PAGE_HEADING = "Beskæftigelse i Hedensted"
PAGES = [
    ("", FRONT_PAGE_HEADING, page.script)
    if page.default
    else (Path(page.script).stem, page.title, page.script)
    for page in NAVIGATION_PAGES
]
# The filter changed in the browser and by the load test: Benchmark's reference area.
FILTER_PAGE = "benchmark"
FILTER_LABEL = "Sammenlign med"
FILTER_KEY = "benchmark_reference"  # its widget key, and the popover's that holds it
FILTER_POPOVER_KEY = "benchmark_valg"
FILTER_OPTIONS = ("Hele landet", "RAR Østjylland")

TARGET_RERUN_RATIO = 2.0
TARGET_DRAW_RATIO = 1.5
TARGET_FILTER_S = 0.5
TARGET_LOAD_RATIO = 2.0
TARGET_COLD_START_EXTRA_S = 1.0
TARGET_SCALE_MS = 300.0


@dataclass
class PageResult:
    path: str
    charts: int
    median_ms: float
    floor_ms: float

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_ms


@dataclass
class BrowserResults:
    cold_start_s: float
    floor_cold_start_s: float
    pages: list[PageResult]
    filter_s: list[float]


def _timed_goto(page, url: str, heading: str, charts: int) -> float:
    started = time.perf_counter()
    page.goto(url)
    wait_until_drawn(page, heading, charts)
    return (time.perf_counter() - started) * 1000


def _filter_change(page, option: str, charts: int) -> float:
    """Choose ``option`` in »Sammenlign med«; seconds until the page is redrawn. The
    comparison controls are folded into a popover that names the choice: opened first."""
    reference = page.locator(f".st-key-{FILTER_KEY} input")
    if not reference.is_visible():
        page.locator(f".st-key-{FILTER_POPOVER_KEY} button").first.click()
        reference.wait_for(timeout=RENDER_TIMEOUT_MS)
    reference.click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for(timeout=RENDER_TIMEOUT_MS)
    started = time.perf_counter()
    choice.click()
    page.get_by_text(f"Pilene viser forskellen til {option}.").wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(RENDERED_JS, arg=charts, timeout=RENDER_TIMEOUT_MS)
    return time.perf_counter() - started


def measure_browser(runs: int) -> BrowserResults:
    """Cold start, every page and the floor drawn in Chromium, and the filter change."""
    app_port, floor_port = free_port(), free_port()
    results: list[PageResult] = []
    filter_s: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        started = time.perf_counter()
        app = start_streamlit("app.py", app_port, LOGS / "app.log")
        floor = None
        try:
            wait_for_health(app, f"http://127.0.0.1:{app_port}", timeout_s=180)
            page.goto(f"http://127.0.0.1:{app_port}/")
            wait_until_drawn(page, PAGES[0][1], 1)
            cold_start_s = time.perf_counter() - started

            started = time.perf_counter()
            floor = start_streamlit("benchmarks/floor_app.py", floor_port, LOGS / "floor.log")
            wait_for_health(floor, f"http://127.0.0.1:{floor_port}", timeout_s=180)
            page.goto(f"http://127.0.0.1:{floor_port}/?charts=1")
            wait_until_drawn(page, "Floor", 1)
            floor_cold_start_s = time.perf_counter() - started
            for path, heading, _script in PAGES:
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
                print(f"  draw {path or '(forside)'}: {results[-1].median_ms:.0f} ms")
                if path == FILTER_PAGE:
                    _timed_goto(page, url, heading, charts)  # back from the floor
                    # Alternate between two references; the first change of each warms it.
                    for run in range(runs + 2):
                        seconds = _filter_change(page, FILTER_OPTIONS[run % 2], charts)
                        if run >= 2:
                            filter_s.append(seconds)
                    print(f"  filter change: {statistics.median(filter_s):.2f} s")
        finally:
            stop(app)
            if floor is not None:
                stop(floor)
            browser.close()
    return BrowserResults(cold_start_s, floor_cold_start_s, results, filter_s)


@dataclass
class LoadResults:
    setup: str
    results: list[LoadResult]


def _load_series(base_url: str, sessions: list[int]) -> list[LoadResult]:
    option, expect = FILTER_OPTIONS[0], f"forskellen til {FILTER_OPTIONS[0]}"
    load_test(base_url, FILTER_PAGE, FILTER_LABEL, option, 2, expect)  # warm every cache
    results = []
    for n in [1, *sessions]:
        results.append(load_test(base_url, FILTER_PAGE, FILTER_LABEL, option, n, expect))
        print(f"  load {n}: change p50 {results[-1].change_p50:.2f} s")
    return results


def measure_load(sessions: list[int]) -> list[LoadResults]:
    """The load series on one server, and on two servers behind nginx (if installed)."""
    measured = []
    ports = [free_port(), free_port()]
    apps = [start_app(port, None, LOGS / f"load_{port}.log") for port in ports]
    proxy = None
    try:
        for app, port in zip(apps, ports, strict=True):
            wait_for_health(app, f"http://127.0.0.1:{port}", timeout_s=180)
        series = _load_series(f"http://127.0.0.1:{ports[0]}", sessions)
        measured.append(LoadResults("1 server", series))
        if nginx_binary():
            proxy_port = free_port()
            workdir = Path(tempfile.mkdtemp(prefix="benchmark-nginx-"))
            proxy = start_nginx(workdir, proxy_port, ports, LOGS / "nginx.log")
            wait_for_health(proxy, f"http://127.0.0.1:{proxy_port}")
            series = _load_series(f"http://127.0.0.1:{proxy_port}", sessions)
            measured.append(LoadResults("2 servers behind nginx", series))
    finally:
        for process in [*apps, *([proxy] if proxy else [])]:
            stop(process)
    return measured


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
    """Rows, median server time of a filter change (ms), and peak memory (MiB)."""
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
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores, {memory_kib / 2**20:.0f} GiB memory, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}; "
        f"load average at the end {load:.1f}"
    )


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _ms(value: float) -> str:
    return f"{value:,.0f}"


def write_report(
    reruns: list[RerunResult],
    browser: BrowserResults,
    load: list[LoadResults],
    scale: tuple[int, float, float],
    profiles: dict[str, str],
    runs: int,
    started: datetime,
) -> str:
    rows, scale_ms, peak_mib = scale
    cold_ok = browser.cold_start_s <= browser.floor_cold_start_s + TARGET_COLD_START_EXTRA_S
    filter_median = statistics.median(browser.filter_s) if browser.filter_s else float("nan")
    lines = [
        "## Results",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} on {_machine()}; median of {runs} warm runs.",
        "Reproduce: `python -m pip install -r requirements-dev.txt && python -m benchmarks.run`",
        "",
        "### Server time of a warm rerun",
        "",
        "What a click costs on the server, nothing changed: a real `streamlit run` asked over "
        "its websocket (server), and Streamlit's AppTest in one process (AppTest, as in the "
        "issue; it also rebuilds its element tree from every message, which weighs on pages "
        "with many tables). Each against the floor page with the same number of charts, "
        "measured the same way.",
        "",
        "| Page | Charts | Server (ms) | Floor (ms) | Server / floor | "
        f"≤ {TARGET_RERUN_RATIO:g} × floor | AppTest (ms) | Floor (ms) | AppTest / floor | "
        f"≤ {TARGET_RERUN_RATIO:g} × floor |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for result in reruns:
        lines.append(
            f"| {result.page} | {result.charts} | {_ms(result.server_ms)} | "
            f"{_ms(result.server_floor_ms)} | {result.server_ratio:.1f} | "
            f"{_mark(result.server_ratio <= TARGET_RERUN_RATIO)} | {_ms(result.median_ms)} | "
            f"{_ms(result.floor_ms)} | {result.ratio:.1f} | "
            f"{_mark(result.ratio <= TARGET_RERUN_RATIO)} |"
        )
    lines += [
        "",
        "### In Chromium",
        "",
        "- Cold start (`streamlit run` → front page fully drawn): "
        f"**{browser.cold_start_s:.2f} s**; the floor app's cold start to one drawn chart: "
        f"{browser.floor_cold_start_s:.2f} s "
        f"(target ≤ floor + {TARGET_COLD_START_EXTRA_S:g} s: {_mark(cold_ok)})",
        f"- Filter change on Benchmark (»{FILTER_LABEL}«, click → every chart redrawn): "
        f"**{filter_median:.2f} s** median of {len(browser.filter_s)} "
        f"(target ≤ {TARGET_FILTER_S:g} s: {_mark(filter_median <= TARGET_FILTER_S)})",
        f"- Scale dataset: {rows:,} rows; filter change (server time of the domain "
        f"calculations): **{scale_ms:.0f} ms** (target ≤ {TARGET_SCALE_MS:.0f} ms: "
        f"{_mark(scale_ms <= TARGET_SCALE_MS)}); peak memory {peak_mib:.0f} MiB",
        "",
        "| Page | Charts | Page drawn (ms) | Floor (ms) | Page / floor | "
        f"≤ {TARGET_DRAW_RATIO:g} × floor |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for result in browser.pages:
        lines.append(
            f"| {result.path} | {result.charts} | {_ms(result.median_ms)} | "
            f"{_ms(result.floor_ms)} | {result.ratio:.1f} | "
            f"{_mark(result.ratio <= TARGET_DRAW_RATIO)} |"
        )
    lines += [
        "",
        "### Simultaneous sessions (Streamlit's websocket protocol)",
        "",
        f"Every session opens Benchmark, then changes »{FILTER_LABEL}«; all start together. "
        "Times in seconds, from the request to the end of the script run.",
        "",
        "| Setup | Sessions | Open p50 | Open p95 | Change p50 | Change p95 | "
        f"Change p95 / one session | ≤ {TARGET_LOAD_RATIO:g} × |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for series in load:
        single = series.results[0].change_p95
        for result in series.results:
            ratio = result.change_p95 / single
            verdict = _mark(ratio <= TARGET_LOAD_RATIO) if result.sessions > 1 else ""
            lines.append(
                f"| {series.setup} | {result.sessions} | {result.open_p50:.2f} | "
                f"{result.open_p95:.2f} | {result.change_p50:.2f} | {result.change_p95:.2f} | "
                f"{ratio:.1f} | {verdict} |"
            )
    if profiles:
        lines += [
            "",
            "### Profiles of the pages that miss the rerun target",
            "",
            "One warm run of the page script under pyinstrument (bare mode), top frames:",
        ]
        for page, text in profiles.items():
            lines += ["", f"**{page}**", "", "```", text, "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warm runs per page (≥ 7)")
    parser.add_argument("--sessions", default="10,20", help="simultaneous sessions to test")
    parser.add_argument("--no-write", action="store_true", help="print, don't update the doc")
    parser.add_argument(
        "--parts",
        default="reruns,browser,load",
        help="which measurements to make (a trial run; the doc needs all three)",
    )
    args = parser.parse_args()
    started = datetime.now()
    sessions = [int(n) for n in args.sessions.split(",") if n]
    parts = set(args.parts.split(","))
    if parts != {"reruns", "browser", "load"}:
        args.no_write = True

    reruns: list[RerunResult] = []
    if "reruns" in parts:
        print("Warm reruns …")
        pages = [(path or "(forside)", script) for path, _, script in PAGES]
        reruns = measure_reruns(pages, args.runs)
        measure_server_reruns(
            reruns, {path or "(forside)": path for path, _, _ in PAGES}, args.runs
        )
    browser = BrowserResults(float("nan"), float("nan"), [], [])
    if "browser" in parts:
        print("Chromium: cold start, pages, filter change …")
        browser = measure_browser(args.runs)
    load: list[LoadResults] = []
    if "load" in parts:
        print("Load …")
        load = measure_load(sessions)
    scale = measure_scale(args.runs)
    scripts = {path or "(forside)": script for path, _, script in PAGES}
    profiles = {
        result.page: profile_page(scripts[result.page])
        for result in reruns
        if max(result.ratio, result.server_ratio) > TARGET_RERUN_RATIO
    }
    report = write_report(reruns, browser, load, scale, profiles, args.runs, started)
    print(report)
    if not args.no_write:
        text = DOC.read_text(encoding="utf-8")
        head, marker, _ = text.partition("\n## Results\n")
        DOC.write_text((head + "\n" if marker else text + "\n") + report, encoding="utf-8")


if __name__ == "__main__":
    main()
