"""What a click costs on the server: the warm rerun of every page against its floor.

Each page is opened through ``app.py`` in Streamlit's AppTest (same process,
same Python), warmed up, then rerun ``runs`` times with nothing changed; the
median is compared with the floor page (``benchmarks/floor_app.py``) drawing the
same number of Altair charts, measured the same way in the same process.
A page that misses its target gets a pyinstrument profile of one warm rerun
(the page script run in bare mode, warm caches), top frames only.
"""

from __future__ import annotations

import contextlib
import io
import logging
import runpy
import statistics
import time
from dataclasses import dataclass

from streamlit.testing.v1 import AppTest

from tests.e2e.rendering import ROOT

APP = str(ROOT / "app.py")
FLOOR = str(ROOT / "benchmarks" / "floor_app.py")


@dataclass
class RerunResult:
    page: str
    charts: int
    median_ms: float  # AppTest
    floor_ms: float
    server_ms: float = float("nan")  # a real server, over the websocket
    server_floor_ms: float = float("nan")

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_ms

    @property
    def server_ratio(self) -> float:
        return self.server_ms / self.server_floor_ms


def _count(node, kind: str) -> int:
    found = 1 if getattr(node, "type", None) == kind else 0
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        found += sum(_count(child, kind) for child in children.values())
    return found


def _timed_reruns(app: AppTest, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
        if app.exception:
            raise RuntimeError([e.value for e in app.exception])
    return timings


def page_rerun(script: str, runs: int) -> tuple[int, float]:
    """Charts drawn and the median warm rerun (ms) of one page of app.py."""
    app = AppTest.from_file(APP, default_timeout=300)
    app.run()
    app.switch_page(script)
    app.run()
    app.run()  # warm: every cache filled for this view
    charts = _count(app._tree, "vega_lite_chart")
    return charts, statistics.median(_timed_reruns(app, runs))


def floor_rerun(charts: int, runs: int) -> float:
    app = AppTest.from_file(FLOOR, default_timeout=300)
    app.query_params["charts"] = str(charts)
    app.run()
    app.run()
    return statistics.median(_timed_reruns(app, runs))


def measure_reruns(pages: list[tuple[str, str]], runs: int) -> list[RerunResult]:
    """``pages``: (name, script under app_pages/) pairs."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    results = []
    floors: dict[int, float] = {}
    for name, script in pages:
        charts, median_ms = page_rerun(script, runs)
        if charts not in floors:
            floors[charts] = floor_rerun(charts, runs)
        results.append(RerunResult(name, charts, median_ms, floors[charts]))
        print(f"  rerun {name}: {median_ms:.0f} ms, floor({charts}) {floors[charts]:.0f} ms")
    return results


def profile_page(script: str, lines: int = 40) -> str:
    """Top of a pyinstrument profile of one warm run of ``script`` (bare mode)."""
    path = str(ROOT / script)
    try:
        return _profile(path, lines)
    except Exception as error:  # a page that cannot run in bare mode
        return f"(no profile: {type(error).__name__}: {error})"


def _profile(path: str, lines: int) -> str:
    from pyinstrument import Profiler

    with contextlib.redirect_stderr(io.StringIO()):
        logging.disable(logging.WARNING)
        try:
            runpy.run_path(path, run_name="__main__")  # fill the caches
            profiler = Profiler(interval=0.002)
            profiler.start()
            runpy.run_path(path, run_name="__main__")
            profiler.stop()
        finally:
            logging.disable(logging.NOTSET)
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[:lines])


def measure_server_reruns(results: list[RerunResult], paths: dict[str, str], runs: int) -> None:
    """Add the warm rerun on a real ``streamlit run`` (websocket, no test harness) to ``results``.

    AppTest also rebuilds its element tree from every message (tables back into
    DataFrames), which weighs on pages with many tables; the server time is what
    a viewer waits for. ``paths``: page name → URL path.
    """
    from benchmarks.ws_client import warm_reruns
    from tests.e2e.rendering import free_port, start_streamlit, stop, wait_for_health

    app_port, floor_port = free_port(), free_port()
    logs = ROOT / "screenshots" / "benchmark"
    app = start_streamlit("app.py", app_port, logs / "rerun_app.log")
    floor = start_streamlit("benchmarks/floor_app.py", floor_port, logs / "rerun_floor.log")
    try:
        wait_for_health(app, f"http://127.0.0.1:{app_port}", timeout_s=180)
        wait_for_health(floor, f"http://127.0.0.1:{floor_port}", timeout_s=180)
        floors: dict[int, float] = {}
        for result in results:
            app_url = f"http://127.0.0.1:{app_port}"
            times = warm_reruns(app_url, paths[result.page], runs=runs)
            result.server_ms = statistics.median(times) * 1000
            if result.charts not in floors:
                floor_url = f"http://127.0.0.1:{floor_port}"
                times = warm_reruns(floor_url, "", f"charts={result.charts}", runs)
                floors[result.charts] = statistics.median(times) * 1000
            result.server_floor_ms = floors[result.charts]
            print(f"  server rerun {result.page}: {result.server_ms:.0f} ms")
    finally:
        stop(app)
        stop(floor)
