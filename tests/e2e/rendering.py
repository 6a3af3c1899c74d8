"""Start the app and wait until a page is fully drawn — shared by the browser tests
and the performance benchmark, so both measure "rendered" the same way."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RENDER_TIMEOUT_MS = 45_000

# True once the script run is finished, nothing is stale and every visible chart has drawn
# (or when an exception is shown, so callers can fail at once).
# Charts Benchmark draws in page view with the default choice (the computed-against-published
# check chart is on Om data).
BENCHMARK_CHARTS = 14

RENDERED_JS = """(expected) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (document.querySelector('[data-testid="stException"]')) return true;
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    // Charts in a hidden tab draw when the tab opens; count the visible ones.
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .filter(c => c.checkVisibility());
    const drawn = charts.filter(c => c.querySelector('svg, canvas'));
    return drawn.length >= expected && drawn.length === charts.length;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(script: str, port: int, log_path: Path) -> subprocess.Popen:
    """`streamlit run` a script from the project root on a loopback port."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )


def wait_for_health(process: subprocess.Popen, url: str, timeout_s: float = 60) -> None:
    """Wait until the server answers its health check; raise if it dies or stalls."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"streamlit did not answer within {timeout_s} s")
        time.sleep(0.1)


def wait_until_drawn(page, heading: str, min_charts: int) -> None:
    """Wait for the page's own heading, a finished run and every chart drawn."""
    page.get_by_role("heading", name=heading).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(RENDERED_JS, arg=min_charts, timeout=RENDER_TIMEOUT_MS)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
